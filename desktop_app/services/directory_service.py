"""Refreshing the local copy of 1C's counterparties and partners.

Review looks candidates up by ИНН, КПП and name many times a minute, offline if need be; 1C
answers a single query in seconds. So the directory is copied: each refresh pages through
the set by key with only the fields review needs (`$select`), stores page by page (rows
whose DataVersion did not change are left alone), and — only when it went through to the
end — removes what 1C no longer has. A cancelled or failed refresh leaves the copy as it
was, plus whatever pages it had stored.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass

from desktop_app.adapters.onec.odata_client import ODataClient
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
KINDS = ("partners", "counterparties")

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
) -> list[RefreshReport]:
    """Refresh partners, then counterparties (a counterparty refers to its partner)."""
    repository.abandon_unfinished_refreshes()  # a run that was killed left them open
    return [_refresh(client, repository, kind, progress, cancel, page_size) for kind in KINDS]


def _refresh(
    client: ODataClient,
    repository: DirectoryRepository,
    kind: str,
    progress: Progress | None,
    cancel: threading.Event | None,
    page_size: int,
) -> RefreshReport:
    entity_set, fields = (PARTNERS, PARTNER_FIELDS) if kind == "partners" else (
        COUNTERPARTIES, COUNTERPARTY_FIELDS
    )  # fmt: skip
    generation = repository.start_refresh(kind)
    rows = 0
    tally = [0, 0, 0]  # inserted, updated, unchanged
    try:
        total = client.count(Query(entity_set))
        if progress is not None:
            progress(kind, 0, total)
        for page in client.pages(Query(entity_set).select(*fields), page_size):
            if cancel is not None and cancel.is_set():
                raise RefreshCancelledError("Обновление справочника отменено.")
            if kind == "partners":
                counts = repository.store_partners(generation, [partner_from(r) for r in page])
            else:
                counts = repository.store_counterparties(
                    generation, [counterparty_from(r) for r in page]
                )
            rows += len(page)
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
            f"1С сообщает о {total} записях ({entity_set}), но не отдала ни одной — копия "
            "справочника не изменена. Проверьте права пользователя 1С на чтение."
        )
    removed = repository.finish_refresh(generation, complete=True)
    return RefreshReport(kind, rows, tally[0], tally[1], tally[2], removed)
