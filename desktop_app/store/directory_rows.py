"""The words and rows of the cached 1C directory: which catalogue, how a refresh ended.

The cache of `Catalog_Контрагенты` and `Catalog_Партнеры` is refreshed from 1C as a whole,
in batches; each refresh is a `directory_refreshes` row whose id is the *generation* every row
it saw is stamped with. `RefreshRow` is that record as a plain frozen value for the GUI (when
was the directory last read, and was it read completely).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum


class DirectoryKind(StrEnum):
    """Which 1C catalogue a refresh reads; the values are stored, so they never change."""

    COUNTERPARTIES = "counterparties"
    PARTNERS = "partners"


class RefreshStatus(StrEnum):
    """How far a refresh got.

    ``finished`` says only that it ended without an error; whether it read the whole catalogue
    (and so could remove what 1C no longer has) is `RefreshRow.complete`.
    """

    STARTED = "started"
    FINISHED = "finished"
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class RefreshRow:
    """One refresh of the directory cache from 1C."""

    generation: int
    kind: DirectoryKind
    started_at: dt.datetime
    finished_at: dt.datetime | None
    status: RefreshStatus
    complete: bool
    """It read the whole catalogue, and rows it did not see were removed from the cache."""
    seen: int
    inserted: int
    updated: int
    removed: int
    error: str | None

    @property
    def unchanged(self) -> int:
        """Rows 1C sent again with the same `DataVersion`."""
        return self.seen - self.inserted - self.updated
