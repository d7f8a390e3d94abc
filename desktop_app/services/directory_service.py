"""Refreshing the local copy of 1C's counterparties and partners.

Review looks candidates up by ИНН, КПП and name many times a minute, offline if need be; 1C
answers a single query in seconds. So the directory is copied: each refresh pages through
the set by key with only the fields review needs (`$select`), stores a few pages at a time
(rows whose DataVersion did not change are left alone), and — only when it went through to
the end — removes what 1C no longer has. A cancelled or failed refresh leaves the copy as it
was, plus whatever batches it had stored.
"""

from __future__ import annotations

import contextlib
import queue
import threading
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass
from typing import TypeVar

from desktop_app.adapters.onec.odata_client import JsonObject, ODataClient
from desktop_app.adapters.onec.odata_errors import OneCError
from desktop_app.adapters.onec.odata_query import Query
from desktop_app.adapters.onec.onec_objects import (
    COUNTERPARTIES,
    COUNTERPARTY_FIELDS,
    PARTNER_FIELDS,
    PARTNERS,
    counterparty_from,
    partner_from,
)
from desktop_app.adapters.portal.exchange_errors import FetchCancelledError
from desktop_app.store.directory_repository import DirectoryRepository

PAGE_SIZE = 1000
STORE_ROWS = 5000
"""Rows per local transaction: what a cancelled refresh keeps is whole batches."""
_END = object()
KINDS = ("partners", "counterparties")
_SETS = {
    "partners": (PARTNERS, PARTNER_FIELDS),
    "counterparties": (COUNTERPARTIES, COUNTERPARTY_FIELDS),
}
T = TypeVar("T")
Read = int | list[JsonObject] | None
"""What the reading thread hands over: a catalogue's count, one of its pages, or its end."""

Progress = Callable[[str, int, int | None], None]
"""(kind, rows read so far, rows in 1C or None)."""


@dataclass(frozen=True, slots=True)
class RefreshReport:
    kind: str
    rows: int
    inserted: int
    updated: int
    unchanged: int
    removed: int


class RefreshCancelledError(FetchCancelledError):
    """The user stopped a refresh; the pages stored so far are kept."""


class RefreshIncompleteError(OneCError):
    """1C's answers do not add up; the local copy was left as it was."""


def refresh_directory(
    client: ODataClient,
    repository: DirectoryRepository,
    *,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
    page_size: int = PAGE_SIZE,
    store_rows: int = STORE_ROWS,
) -> list[RefreshReport]:
    """Refresh partners, then counterparties (a counterparty refers to its partner).

    One thread reads both catalogues from 1C while this one stores: the first counterparty
    pages arrive while the last partners are stored and their indexes built.
    """
    repository.abandon_unfinished_refreshes()  # a run that was killed left them open
    ahead = 2 * max(1, -(-store_rows // page_size))  # two batches' worth of pages
    reads = _prefetched(_catalogues(client, page_size), cancel, ahead)
    with contextlib.closing(reads), repository.bulk():
        return [_refresh(repository, kind, reads, progress, cancel, store_rows) for kind in KINDS]


def _catalogues(client: ODataClient, page_size: int) -> Iterator[tuple[str, Read]]:
    """All a refresh reads from 1C, in order: for each catalogue its count, its pages, None."""
    for kind in KINDS:
        entity_set, fields = _SETS[kind]
        yield kind, client.count(Query(entity_set))
        for page in client.pages(Query(entity_set).select(*fields), page_size):
            yield kind, page
        yield kind, None


def _refresh(
    repository: DirectoryRepository,
    kind: str,
    reads: Iterator[tuple[str, Read]],
    progress: Progress | None,
    cancel: threading.Event | None,
    store_rows: int,
) -> RefreshReport:
    generation = repository.start_refresh(kind)
    rows = 0
    total = 0
    tally = [0, 0, 0]  # inserted, updated, unchanged
    try:
        total = _count(reads, kind)
        if progress is not None:
            progress(kind, 0, total)
        for batch in _batches(_pages(reads, kind), store_rows):
            if cancel is not None and cancel.is_set():
                raise RefreshCancelledError("Обновление справочника отменено.")
            if kind == "partners":
                counts = repository.store_partners(generation, [partner_from(r) for r in batch])
            else:
                counts = repository.store_counterparties(
                    generation, [counterparty_from(r) for r in batch]
                )
            rows += len(batch)
            tally = [a + b for a, b in zip(tally, counts, strict=True)]
            if progress is not None:
                progress(kind, rows, total)
    except BaseException as error:
        repository.finish_refresh(
            generation, complete=False, error=str(error) or type(error).__name__
        )
        raise
    if rows == 0 and total > 0:
        # 1C counts rows but gave none: something is off (rights, a filter on its side);
        # treating this as "1C has nothing" would empty the copy.
        repository.finish_refresh(generation, complete=False, error="1С не отдала ни строки")
        raise RefreshIncompleteError(
            f"1С сообщает о {total} записях ({_SETS[kind][0]}), но не отдала ни одной — копия "
            "справочника не изменена. Проверьте права пользователя 1С на чтение."
        )
    removed = repository.finish_refresh(generation, complete=True)
    return RefreshReport(kind, rows, tally[0], tally[1], tally[2], removed)


def _count(reads: Iterator[tuple[str, Read]], kind: str) -> int:
    read_kind, total = next(reads)
    assert read_kind == kind and isinstance(total, int), (read_kind, kind)
    return total


def _pages(reads: Iterator[tuple[str, Read]], kind: str) -> Iterator[list[JsonObject]]:
    """The pages of one catalogue, up to its end."""
    for read_kind, page in reads:
        assert read_kind == kind and not isinstance(page, int), (read_kind, kind)
        if page is None:
            return
        yield page


def _prefetched(
    pages: Iterator[T], cancel: threading.Event | None, ahead: int
) -> Generator[T, None, None]:
    """The pages, with the next ones requested while this batch is stored.

    1C (or the network) and the local store then work at the same time; the client is used
    by the fetching thread alone. At most `ahead` pages wait in memory. It must hold more
    than a batch: with room for two pages only, the fetching stopped two pages into each
    batch's store, and the store then waited for the rest (a 60,000-row refresh took 15.7 s
    instead of 12.0).
    """
    ready: queue.Queue[object] = queue.Queue(maxsize=ahead)
    stop = threading.Event()

    def fetch() -> None:
        try:
            for page in pages:
                while not _offer(ready, page):
                    if stop.is_set() or (cancel is not None and cancel.is_set()):
                        return
            _offer_end(ready, _END, stop)
        except BaseException as error:
            _offer_end(ready, error, stop)

    thread = threading.Thread(target=fetch, name="onec-directory-pages", daemon=True)
    thread.start()
    try:
        while True:
            item = ready.get()
            if item is _END:
                return
            if isinstance(item, BaseException):
                raise item
            yield item  # type: ignore[misc]
    finally:
        stop.set()
        while thread.is_alive():  # let it see `stop` even if it is waiting to put
            with contextlib.suppress(queue.Empty):
                ready.get_nowait()
            thread.join(0.05)


def _offer(ready: queue.Queue[object], item: object) -> bool:
    """Put, but give the caller a chance to notice a stop every 0.2 s."""
    try:
        ready.put(item, timeout=0.2)
    except queue.Full:
        return False
    return True


def _offer_end(ready: queue.Queue[object], item: object, stop: threading.Event) -> None:
    while not stop.is_set():
        try:
            ready.put(item, timeout=0.2)
            return
        except queue.Full:
            continue


def _batches(pages: Iterator[list[JsonObject]], size: int) -> Iterator[list[JsonObject]]:
    """Pages gathered into batches of about `size` rows."""
    batch: list[JsonObject] = []
    for page in pages:
        batch.extend(page)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
