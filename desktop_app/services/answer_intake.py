"""Receiving one query answer: stored while it downloads, or, when that cannot be, after.

Over a slow VPN the download of a day's orders takes minutes, and reading them takes about
as long; doing the two one after the other doubles the wait. So the answer is written to a
file by a download thread while the reader follows it (`GrowingFile`) and the orders go to
the store batch by batch. Whenever following is not possible, the finished file is read
the ordinary way instead:

- the answer is zipped, empty, or a text refusal (`failure`) — known only once it is all in;
- the download broke off — it is repeated in a new portal session, with the client's retries;
  before each repeat the orders that came whole are stored (`_keep_what_came`), so an answer
  too large to follow (read by several processes once it is in) that breaks off again and
  again still leaves what it brought, where it used to leave nothing;
- the XML broke — the finished file is read again so that the documents after the broken one
  are kept (the salvage needs the whole file);
- the answer is large (Content-Length) — then several processes read the finished file
  (`parallel_reading`): on a fast link the reading, not the download, is what takes time.

Orders stored before such a fall-back are stored again, harmlessly (an upsert), and counted
once. Nothing here sends `success`: that is the fetch service's decision, after this returns.

An answer that ends early without a transport error is either PHP dying part-way through the
export (memory, max_execution_time: the orders written so far, then PHP's own error text)
or a connection closed early on an answer that announced no length. Only the first is worth
continuing in the same portal session — that session's cursor stops right after the last
order PHP wrote, and PHP logs an order only after writing it whole; after the second, the
site has logged orders this client never read, and the same session would skip them.
`Received.php_died` says which it was, from the answer's last bytes.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from desktop_app.adapters.portal.commerceml_reader import (
    CommerceMLReader,
    NotCommerceMLError,
    ReadItem,
    ReadOrder,
    StreamedReadError,
    read_commerceml,
)
from desktop_app.adapters.portal.commerceml_spans import SpanTracker
from desktop_app.adapters.portal.exchange_client import RECOVERIES, ExchangeClient
from desktop_app.adapters.portal.exchange_errors import (
    FetchCancelledError,
    PortalEmptyAnswerError,
    PortalPageError,
    PortalRefusedError,
    PortalTruncatedError,
)
from desktop_app.adapters.portal.exchange_transport import RETRYABLE, DownloadedAnswer
from desktop_app.adapters.portal.growing_file import (
    DownloadInterruptedError,
    DownloadState,
    GrowingFile,
)
from desktop_app.services.answer_store import SourceBytes
from desktop_app.services.parallel_reading import read_shares, workers_for
from desktop_app.services.prepared_chunks import Chunk, Ending

log = logging.getLogger(__name__)
PHP_FATAL_MARKS = (b"Fatal error</b>:", b"Fatal error:")
"""How PHP ends a page it died on, with display_errors on (HTML) or off-to-the-page (text)."""
TAIL_BYTES = 8 * 1024

KEEP_LINE_PROPERTIES = False
"""Each line keeps only its kind; Bitrix's technical basket properties stay in the stored
source bytes of the document (every byte the portal sent is kept there)."""
Downloaded = Callable[[int, int | None], None]


@dataclass(frozen=True, slots=True)
class Received:
    """What one query brought in: its size, and whether PHP died while exporting it."""

    bytes: int
    php_died: bool = False
    reasked: bool = False
    """The first answer broke off and this one came from a new portal session: what the
    lost one exported is logged on the site, and the old session's cursor has passed it."""


class AnswerSink(Protocol):
    """Where the documents of an answer go: read here, or prepared by worker processes."""

    def from_reader(self, reader: CommerceMLReader, sources: SourceBytes) -> None: ...

    def from_chunks(self, parts: Iterator[Chunk | Ending]) -> None: ...


def receive_answer(
    client: ExchangeClient,
    folder: Path,
    sink: AnswerSink,
    *,
    downloaded: Downloaded,
    cancel: threading.Event | None = None,
) -> Received:
    """Query once and pass the answer to `sink`; what was received.

    Again when the portal refused the query for something the client can then supply: the
    sessid of a site in secure mode (sent from then on), or a login where logging in on the
    request itself did not get through (`ExchangeClient.recover`). A refused query exported
    nothing, so nothing was stored and nothing is skipped by asking again.
    """
    for attempt in range(RECOVERIES + 1):
        try:
            return _receive(client, folder, sink, downloaded=downloaded, cancel=cancel)
        except PortalRefusedError as refusal:
            if attempt == RECOVERIES or not client.recover(refusal):
                raise
    raise AssertionError("unreachable")  # pragma: no cover - the last refusal raises


def _receive(
    client: ExchangeClient,
    folder: Path,
    sink: AnswerSink,
    *,
    downloaded: Downloaded,
    cancel: threading.Event | None,
) -> Received:
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / "portal-answer.xml"
    state = DownloadState(cancel)
    stop = threading.Event()  # set to end the download early (cancel, or a failure here)
    result: list[tuple[int, str | None]] = []

    def download() -> None:
        try:
            result.append(client.download(target, downloaded, stop, state))
        except BaseException as error:
            state.finish(error)
        else:
            state.finish()

    thread = threading.Thread(target=download, name="portal-download", daemon=True)
    thread.start()
    try:
        streamed = _follow(target, state, sink, stop)
    finally:
        # A fall-back needs the whole file, so wait for it — but a cancel ends the download.
        while thread.is_alive():
            thread.join(0.2)
            if cancel is not None and cancel.is_set():
                stop.set()
                client.abort_download()
    if streamed:
        return Received(result[0][0], _php_died(target))
    answer, reasked = _finished_answer(client, target, state, result, sink, downloaded, cancel)
    reader = _reader(answer.path, answer.charset)
    shares = workers_for(answer.path.stat().st_size)
    if shares > 1:
        log.info("reading %s in %d processes", answer.path.name, shares)
        sink.from_chunks(read_shares(answer.path, answer.charset, shares, KEEP_LINE_PROPERTIES))
    else:
        with answer.path.open("rb") as handle, answer.path.open("rb") as scan:
            sink.from_reader(reader, SourceBytes(handle, SpanTracker(scan, reader.prolog.encoding)))
    return Received(answer.received_bytes, _php_died(answer.path), reasked)


def _php_died(path: Path) -> bool:
    """Whether the answer ends in PHP's fatal error text (see the module docstring)."""
    try:
        with path.open("rb") as handle:
            handle.seek(max(0, path.stat().st_size - TAIL_BYTES))
            tail = handle.read()
    except OSError:
        return False
    return any(mark in tail for mark in PHP_FATAL_MARKS)


def _follow(target: Path, state: DownloadState, sink: AnswerSink, stop: threading.Event) -> bool:
    """Store the answer while it downloads; False when it has to be read after all."""
    state.wait_started()
    if not state.started or workers_for(state.total or 0) > 1:
        return False  # a large answer is read faster by several processes once it is in
    try:
        with GrowingFile(target, state) as peek:
            head = peek.read_up_to(64)
        if not head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):
            return False  # zipped, empty or a text refusal: judged on the whole answer
        with (
            GrowingFile(target, state) as growing,
            GrowingFile(target, state) as scan,
            target.open("rb") as handle,
        ):
            try:
                reader = CommerceMLReader(
                    target,
                    fallback_encoding=state.charset,
                    stream=growing,
                    line_properties=KEEP_LINE_PROPERTIES,
                )
            except NotCommerceMLError:
                return False  # a web page, say: the ordinary path words it for the user
            sink.from_reader(reader, SourceBytes(handle, SpanTracker(scan, reader.prolog.encoding)))
        return True
    except (StreamedReadError, DownloadInterruptedError) as reason:
        log.info("reading while downloading stopped (%s); reading the finished answer", reason)
        return False
    except BaseException:
        stop.set()  # a failure here (or a cancel): the download need not go on
        raise


def _finished_answer(
    client: ExchangeClient,
    target: Path,
    state: DownloadState,
    result: list[tuple[int, str | None]],
    sink: AnswerSink,
    downloaded: Downloaded,
    cancel: threading.Event | None,
) -> tuple[DownloadedAnswer, bool]:
    """The whole answer on disk: the one just downloaded, or a fresh one (True) when that
    broke."""
    error = state.error
    if isinstance(error, FetchCancelledError) or (cancel is not None and cancel.is_set()):
        raise FetchCancelledError("Получение заказов отменено; подтверждение не отправлено.")
    if error is None:
        received, charset = result[0]
        return client.inspect(target, received, charset), False
    if not isinstance(error, RETRYABLE):
        raise error
    _keep_what_came(target, state, sink)
    tries = max(1, client.connection.retries)
    pause = client.connection.backoff
    for attempt in range(1, tries + 1):
        log.info("the answer broke off (%r); asking again in a new portal session", error)
        client.relogin()
        again = DownloadState(cancel)
        try:
            received, charset = client.download(target, downloaded, cancel, again)
        except RETRYABLE as cut:
            _keep_what_came(target, again, sink)
            if attempt == tries:
                raise PortalTruncatedError(
                    "Ответ портала на запрос заказов оборвался при каждой попытке; заказы, "
                    "полученные целиком до обрыва, сохранены, подтверждение не отправлено."
                ) from None
            error = cut
            time.sleep(pause)
            pause *= 2
            continue
        return client.inspect(target, received, charset), True
    raise AssertionError("unreachable")  # pragma: no cover - the last attempt raises


class _WholeOrders(CommerceMLReader):
    """The orders of a cut answer that came whole; its cut end is the repeat's business."""

    def __iter__(self) -> Iterator[ReadItem]:
        return (item for item in super().__iter__() if isinstance(item, ReadOrder))


def _keep_what_came(target: Path, state: DownloadState, sink: AnswerSink) -> None:
    """Store the orders a broken download brought whole, before the answer is asked again."""
    try:
        reader = _WholeOrders(
            target, fallback_encoding=state.charset, line_properties=KEEP_LINE_PROPERTIES
        )
    except (NotCommerceMLError, OSError):
        return  # nothing readable came: a text refusal, an empty file, a zip cut short
    with target.open("rb") as handle, target.open("rb") as scan:
        sink.from_reader(reader, SourceBytes(handle, SpanTracker(scan, reader.prolog.encoding)))


def _reader(path: Path, charset: str | None) -> CommerceMLReader:
    try:
        return read_commerceml(
            path, fallback_encoding=charset, line_properties=KEEP_LINE_PROPERTIES
        )
    except NotCommerceMLError as error:
        kind = PortalEmptyAnswerError if error.code == "empty" else PortalPageError
        raise kind(f"Ответ портала на запрос заказов не принят: {error.message}") from None
