"""What a directory refresh copies from 1C, how far one has got, and how it ends.

Shared by the refresh (directory_service: read every page) and its check (directory_check:
is the copy 1C's set before anything is removed).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from desktop_app.adapters.onec.odata_answers import row_key
from desktop_app.adapters.onec.odata_client import JsonObject
from desktop_app.adapters.onec.odata_errors import OneCError
from desktop_app.adapters.onec.onec_objects import (
    CODE,
    COUNTERPARTIES,
    COUNTERPARTY_FIELDS,
    NAME,
    PARTNER_FIELDS,
    PARTNERS,
    counterparty_from,
    partner_from,
)
from desktop_app.adapters.portal.exchange_errors import FetchCancelledError
from desktop_app.store.directory_repository import DirectoryRepository

Progress = Callable[[str, int, int | None], None]
"""(kind, rows read — or checked — so far, rows in 1C or None)."""


@dataclass(frozen=True, slots=True)
class Catalogue:
    kind: str
    entity_set: str
    fields: tuple[str, ...]
    order: str
    """The property pages are keyed by (odata_paging): a short string 1C keeps an index on.

    Partners: `Code` — in УТ 11 (Catalogs/Партнеры.xml of the 11.5 configuration dump) it is
    11 characters, autonumbered and checked for uniqueness, so each value is one row.
    Counterparties: `Description` (100 characters) — `Catalog.Контрагенты` has no code at
    all (CodeLength 0 in the same dump); equal names (branches, duplicates) are read
    together, as odata_paging explains."""


CATALOGUES = (
    Catalogue("partners", PARTNERS, PARTNER_FIELDS, CODE),
    Catalogue("counterparties", COUNTERPARTIES, COUNTERPARTY_FIELDS, NAME),
)
"""In the order they are read: a counterparty refers to its partner."""


@dataclass(frozen=True, slots=True)
class RefreshReport:
    kind: str
    rows: int
    """Rows of the copy that 1C has (after the check: as many as 1C counts)."""
    inserted: int
    updated: int
    unchanged: int
    removed: int
    rechecks: int = 0
    """How many times the check ran again because 1C changed while it was read."""
    complete: bool = True
    """The copy was reconciled with 1C and what 1C no longer has was removed."""
    note: str = ""
    """Why it is not complete, in the words the manager sees."""


@dataclass(slots=True)
class Copy:
    """One catalogue's copy while a refresh works on it."""

    catalogue: Catalogue
    generation: int
    in_1c: int
    """`/$count` when the refresh began (for progress)."""
    tally: list[int] = field(default_factory=lambda: [0, 0, 0])
    """Inserted, updated, unchanged, over every row stored."""
    ended: bool = False

    def store(self, repository: DirectoryRepository, rows: Sequence[JsonObject]) -> None:
        """Store rows of 1C in the copy, stamped with its generation — each checked to carry
        a reference as its key first: a row that does not stops the refresh (a OneCError),
        it is not stored under a key 1C does not have."""
        what = f"чтение {self.catalogue.entity_set}"
        for row in rows:
            row_key(row, what)
        if self.catalogue.kind == "partners":
            counts = repository.store_partners(self.generation, [partner_from(r) for r in rows])
        else:
            counts = repository.store_counterparties(
                self.generation, [counterparty_from(r) for r in rows]
            )
        self.tally = [a + b for a, b in zip(self.tally, counts, strict=True)]

    def finish(
        self, repository: DirectoryRepository, *, complete: bool, error: str | None = None
    ) -> int:
        self.ended = True
        return repository.finish_refresh(self.generation, complete=complete, error=error)


class RefreshCancelledError(FetchCancelledError):
    """The user stopped a refresh; the pages stored so far are kept."""


class RefreshIncompleteError(OneCError):
    """1C's answers do not add up; the local copy was left as it was."""


def check_cancel(cancel: threading.Event | None) -> None:
    if cancel is not None and cancel.is_set():
        raise RefreshCancelledError("Обновление справочника отменено.")
