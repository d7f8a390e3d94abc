"""Refreshing the local copy of 1C's counterparties and partners.

Review looks candidates up by ИНН, КПП and name many times a minute, offline if need be; 1C
answers a single query in seconds. So the directory is copied, partners then counterparties:

1. **Read** every row, with only the fields review needs (`$select`), page after page by
   keyset over a short string 1C keeps an index on — `Code` of a partner, `Description`
   of a counterparty (directory_copy.Catalogue; odata_paging says why not by `Ref_Key`,
   which a live base refuses). One thread reads both catalogues while this one stores a
   batch at a time (rows whose DataVersion did not change are only stamped as seen).
2. **Check** each copy against a key-only pass and `/$count`, reading again what 1C
   changed meanwhile (directory_check).
3. **Remove** what 1C no longer has — only once the check reconciled.

A cancelled or failed refresh leaves the copy as it was, plus whatever batches it had
stored; one whose check never reconciled keeps all it read, removes nothing, and says so
in its report (`complete`, `note`).
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator

from desktop_app.adapters.onec.odata_client import JsonObject, ODataClient
from desktop_app.adapters.onec.odata_query import Query
from desktop_app.services.directory_check import CHECK_PAGE_SIZE, reconcile
from desktop_app.services.directory_copy import (
    CATALOGUES,
    Catalogue,
    Copy,
    Progress,
    RefreshCancelledError,
    RefreshIncompleteError,
    RefreshReport,
    check_cancel,
)
from desktop_app.services.prefetch import prefetched
from desktop_app.store.directory_repository import DirectoryRepository
from desktop_app.wording.said import Said

__all__ = [
    "RefreshCancelledError",
    "RefreshIncompleteError",
    "RefreshReport",
    "refresh_directory",
]

PAGE_SIZE = 1000
STORE_ROWS = 5000
"""Rows per local transaction: what a cancelled refresh keeps is whole batches."""
KINDS = tuple(catalogue.kind for catalogue in CATALOGUES)
Read = int | list[JsonObject] | None
"""What the reading thread hands over: a catalogue's count, one of its pages, or its end."""


def refresh_directory(
    client: ODataClient,
    repository: DirectoryRepository,
    *,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
    page_size: int = PAGE_SIZE,
    store_rows: int = STORE_ROWS,
    check_page_size: int = CHECK_PAGE_SIZE,
) -> list[RefreshReport]:
    """Refresh partners, then counterparties (a counterparty refers to its partner).

    One thread reads both catalogues from 1C while this one stores: the first counterparty
    pages arrive while the last partners are stored and their indexes built. The checks
    come after both are read, when the client is this thread's again.
    """
    repository.abandon_unfinished_refreshes()  # a run that was killed left them open
    ahead = 2 * max(1, -(-store_rows // page_size))  # two batches' worth of pages
    copies: list[Copy] = []
    try:
        with repository.bulk():
            reads = prefetched(_catalogues(client, page_size), cancel, ahead)
            with contextlib.closing(reads):  # stops and joins the reading thread
                for catalogue in CATALOGUES:
                    copies.append(_read(repository, catalogue, reads, progress, cancel, store_rows))
            return [
                reconcile(
                    client, repository, c, page_size=check_page_size, progress=progress,
                    cancel=cancel,
                )
                for c in copies
            ]  # fmt: skip
    except BaseException as error:
        for copy in copies:
            if not copy.ended:
                copy.finish(repository, complete=False, error=str(error) or type(error).__name__)
        raise


def _catalogues(client: ODataClient, page_size: int) -> Iterator[tuple[str, Read]]:
    """All a refresh reads from 1C, in order: for each catalogue its count, its pages, None."""
    for catalogue in CATALOGUES:
        query = Query(catalogue.entity_set)
        yield catalogue.kind, client.count(query)
        for page in client.pages(query.select(*catalogue.fields), catalogue.order, page_size):
            yield catalogue.kind, page
        yield catalogue.kind, None


def _read(
    repository: DirectoryRepository,
    catalogue: Catalogue,
    reads: Iterator[tuple[str, Read]],
    progress: Progress | None,
    cancel: threading.Event | None,
    store_rows: int,
) -> Copy:
    """Store every page of one catalogue; the copy, still open for its check."""
    kind = catalogue.kind
    copy = Copy(catalogue, repository.start_refresh(kind), 0)
    rows = 0
    try:
        copy.in_1c = _count(reads, kind)
        if progress is not None:
            progress(kind, 0, copy.in_1c)
        for batch in _batches(_pages(reads, kind), store_rows):
            check_cancel(cancel)
            copy.store(repository, batch)
            rows += len(batch)
            if progress is not None:
                progress(kind, rows, copy.in_1c)
    except BaseException as error:
        copy.finish(repository, complete=False, error=str(error) or type(error).__name__)
        raise
    if rows == 0 and copy.in_1c > 0:
        # 1C counts rows but gave none: something is off (rights, a filter on its side);
        # treating this as "1C has nothing" would empty the copy.
        copy.finish(repository, complete=False, error="1С не отдала ни строки")
        said = Said(
            "onec.counted_but_empty", {"count": copy.in_1c, "entity_set": catalogue.entity_set}
        )
        raise RefreshIncompleteError(said)
    return copy


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
