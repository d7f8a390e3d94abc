"""Reading a large answer with every processor core.

Reading an order (building it from some 350 elements) and preparing its rows (payload,
hash, compression) is pure Python and costs several times the XML parse itself, so one
process leaves the other cores idle. Here each of N worker processes reads the whole file
with the ordinary reader but maps only its share of the documents — chunks of `CHUNK`
consecutive documents, dealt round-robin — and sends back prepared rows. The parent takes
the chunks strictly in document order (so the store sees exactly what one reader would
give it) from small bounded queues, so memory stays flat however large the answer.

Workers are started with "spawn" (the same on Windows and Linux, and safe beside the
download thread), and each ends when its parent dies (`child_process`), so a killed fetch
leaves no process behind.
"""

from __future__ import annotations

import multiprocessing
import os
import queue
from collections.abc import Iterator
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import Any

from desktop_app.adapters.portal.commerceml_reader import ReadOrder, ReadProblem, read_commerceml
from desktop_app.adapters.portal.commerceml_spans import SpanTracker
from desktop_app.services.answer_store import SourceBytes, quarantined
from desktop_app.services.child_process import exit_with_parent
from desktop_app.services.prepared_chunks import Chunk, Ending
from desktop_app.store.order_repository import IncomingOrder
from desktop_app.store.order_upsert import Prepared

CHUNK = 200
QUEUE_CHUNKS = 3
MIN_BYTES = 16 * 1024 * 1024
"""Smaller answers are read in one process: starting workers costs about a second."""


class WorkerError(Exception):
    """A worker failed; its message carries the worker's own error text."""


def workers_for(size: int) -> int:
    """How many processes should read an answer of `size` bytes (1: read it in-process)."""
    cores = os.cpu_count() or 1
    return min(cores, 4) if size >= MIN_BYTES and cores > 1 else 1


def _share_of(index: int, shares: int) -> int:
    return ((index - 1) // CHUNK) % shares


def read_shares(
    path: Path, charset: str | None, shares: int, line_properties: bool
) -> Iterator[Chunk | Ending]:
    """Chunks in document order, then one `Ending` (with the problems outside documents)."""
    context = multiprocessing.get_context("spawn")
    queues: list[Any] = [context.Queue(QUEUE_CHUNKS) for _ in range(shares)]
    workers: list[BaseProcess] = [
        context.Process(
            target=prepare_share,
            args=(str(path), charset, share, shares, line_properties, queues[share]),
            name=f"order-review-reader-{share}",
            daemon=True,
        )
        for share in range(shares)
    ]
    for worker in workers:
        worker.start()
    try:
        number = 0
        endings: dict[int, Ending] = {}
        while True:
            share = number % shares
            message = _receive(queues[share], workers[share])
            if isinstance(message, Ending):
                endings[share] = message
                break
            if message.number != number:
                raise WorkerError(f"chunk {message.number} came where {number} was due")
            yield message
            number += 1
        for share in range(shares):
            while share not in endings:
                late = _receive(queues[share], workers[share])
                if isinstance(late, Ending):
                    endings[share] = late
        yield endings[0]
    finally:
        for worker in workers:
            if worker.is_alive():
                worker.terminate()
            worker.join()
        for channel in queues:
            channel.close()
            channel.join_thread()


def _receive(channel: Any, worker: BaseProcess) -> Chunk | Ending:
    while True:
        try:
            message = channel.get(timeout=0.5)
        except queue.Empty:
            if not worker.is_alive():
                raise WorkerError(f"{worker.name} ended unexpectedly ({worker.exitcode})") from None
            continue
        if isinstance(message, BaseException):
            raise WorkerError(f"{worker.name}: {message!r}") from message
        assert isinstance(message, Chunk | Ending)
        return message


def prepare_share(
    path: str, charset: str | None, share: int, shares: int, line_properties: bool, out: Any
) -> None:
    """The worker: read the file, prepare the rows of this share's chunks, send them."""
    exit_with_parent()
    try:
        _prepare(Path(path), charset, share, shares, line_properties, out)
    except BaseException as error:
        _send(out, error)


def _prepare(
    path: Path, charset: str | None, share: int, shares: int, line_properties: bool, out: Any
) -> None:
    pending: dict[int, Chunk] = {}
    last_flushed = -1
    highest = 0

    def flush_through(last: int) -> None:
        """Send this share's chunks up to chunk number `last` (empty ones too)."""
        nonlocal last_flushed
        for number in range(last_flushed + 1, last + 1):
            if number % shares == share:
                _send(out, pending.pop(number, None) or Chunk(number, [], []))
            last_flushed = number

    def select(index: int) -> bool:
        """The reader asks before each document: earlier chunks are complete by then."""
        nonlocal highest
        highest = max(highest, index)
        flush_through(_chunk_of(index) - 1)
        return _share_of(index, shares) == share

    reader = read_commerceml(path, fallback_encoding=charset, line_properties=line_properties)
    reader.select = select
    encoding = reader.prolog.encoding
    ending = Ending()
    with path.open("rb") as handle, path.open("rb") as scan:
        sources = SourceBytes(handle, SpanTracker(scan, encoding))
        for item in reader:
            if isinstance(item, ReadOrder):
                chunk = pending.setdefault(
                    _chunk_of(item.index), Chunk(_chunk_of(item.index), [], [])
                )
                source = sources.of(item.index)
                chunk.orders.append(
                    Prepared.of(IncomingOrder(item.order, item.index, source, encoding))
                )
            elif isinstance(item, ReadProblem):
                record = quarantined(item, sources.of(item.index), encoding)
                if item.index is None:
                    ending.file_problems.append(record)
                else:
                    number = _chunk_of(item.index)
                    pending.setdefault(number, Chunk(number, [], [])).quarantine.append(record)
    flush_through(_chunk_of(max(highest, reader.documents_seen, 1)))
    _send(out, ending)


def _chunk_of(index: int) -> int:
    return (index - 1) // CHUNK


def _send(out: Any, message: object) -> None:
    """Put with patience, but give up if the parent is gone (no orphan waits forever)."""
    parent = multiprocessing.parent_process()
    while True:
        try:
            out.put(message, timeout=1.0)
            return
        except queue.Full:
            if parent is not None and not parent.is_alive():
                raise SystemExit(1) from None
