"""Reading an answer while another thread is still writing it."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

import pytest

from desktop_app.adapters.portal.commerceml_reader import CommerceMLReader, ReadOrder
from desktop_app.adapters.portal.commerceml_spans import SpanTracker, file_spans
from desktop_app.adapters.portal.growing_file import (
    DownloadInterruptedError,
    DownloadState,
    GrowingFile,
)
from desktop_app.emulators.bitrix_commerceml import orders_to_bytes
from desktop_app.emulators.world import World

DATA = orders_to_bytes(
    World.generate(seed=31, buyers=12).orders(25), generated_at=dt.datetime(2026, 3, 2)
)


def writer(path: Path, state: DownloadState, data: bytes, fail_at: int | None = None) -> None:
    """Write `data` in uneven pieces, waiting for the reader now and then."""
    with path.open("wb") as out:
        state.start("windows-1251")
        written = 0
        for size in [1, 7, 500, 3000, 64, 9000] * 10_000:
            if written >= len(data):
                break
            if fail_at is not None and written >= fail_at:
                state.finish(ConnectionError("dropped"))
                return
            out.write(data[written : written + size])
            out.flush()
            written += size
            state.grow(min(written, len(data)))
    state.finish()


def follow(
    path: Path, data: bytes, fail_at: int | None = None
) -> tuple[DownloadState, threading.Thread]:
    state = DownloadState()
    path.touch()
    thread = threading.Thread(target=writer, args=(path, state, data, fail_at))
    thread.start()
    state.wait_started()
    return state, thread


def test_every_byte_arrives_in_order(tmp_path: Path) -> None:
    path = tmp_path / "answer.xml"
    state, thread = follow(path, DATA)
    with GrowingFile(path, state) as growing:
        received = growing.read()
    thread.join()
    assert received == DATA


def test_a_broken_download_is_an_error_not_an_end(tmp_path: Path) -> None:
    path = tmp_path / "answer.xml"
    state, thread = follow(path, DATA, fail_at=len(DATA) // 2)
    with GrowingFile(path, state) as growing, pytest.raises(DownloadInterruptedError) as caught:
        growing.read()
    thread.join()
    assert isinstance(caught.value.cause, ConnectionError)


def test_reader_and_spans_follow_the_download(tmp_path: Path) -> None:
    path = tmp_path / "answer.xml"
    state, thread = follow(path, DATA)
    with GrowingFile(path, state) as growing, GrowingFile(path, state) as scan:
        reader = CommerceMLReader(path, stream=growing)
        tracker = SpanTracker(scan, reader.prolog.encoding)
        ids = []
        spans = []
        for item in reader:
            assert isinstance(item, ReadOrder)
            ids.append(item.order.id)
            spans.append(tracker.span(item.index))
    thread.join()
    assert ids == [str(n) for n in range(1, 26)]
    assert spans == file_spans(path, "cp1251")
