"""What the fetch service hands the store, and what the store answers.

These are the plain values that cross from the fetch service into `OrderRepository`: an order
with the exact bytes it was read from, a document that could not be read, the counts a fetch
ends with. They know nothing of SQL, so the service and its tests can build them freely.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from desktop_app.domain.order import Order


@dataclass(frozen=True, slots=True)
class IncomingOrder:
    """An order read from a portal answer, with the `Документ` it was read from."""

    order: Order
    document_index: int
    """1-based position of the `Документ` in the answer."""
    source: bytes | None
    """The exact bytes of the `Документ` element as received (in `source_encoding`)."""
    source_encoding: str | None


@dataclass(frozen=True, slots=True)
class QuarantinedDocument:
    """A `Документ` (or a stretch of the answer) that could not be read, and why."""

    document_index: int | None
    portal_id: str | None
    line: int | None
    column: int | None
    code: str
    message: str
    source: bytes | None = None
    source_encoding: str | None = None
    number: str | None = None
    """The portal's order number found in the bytes: how the manager finds it on the site."""
    reader_version: int = 0
    """The version of the reader that could not read it; a newer one reads it again."""


class UpsertOutcome(StrEnum):
    """What storing one incoming order did.

    NEW: the order was not known; it is stored with revision 1.
    CHANGED: the order was known and its content differs; a new revision is stored.
    UNCHANGED: nothing new was stored (the same content again, an older `НомерВерсии` than
    the stored one, or an earlier copy of an order that the same batch holds again later).
    """

    NEW = "new"
    CHANGED = "changed"
    UNCHANGED = "unchanged"


@dataclass(frozen=True, slots=True)
class FetchCounts:
    """How many documents of a fetch were new, changed, unchanged and quarantined."""

    new: int = 0
    changed: int = 0
    unchanged: int = 0
    quarantined: int = 0

    @classmethod
    def of(cls, outcomes: Iterable[UpsertOutcome], quarantined: int = 0) -> FetchCounts:
        """Count the outcomes of `OrderRepository.store_batch` calls."""
        counted = Counter(outcomes)
        return cls(
            new=counted[UpsertOutcome.NEW],
            changed=counted[UpsertOutcome.CHANGED],
            unchanged=counted[UpsertOutcome.UNCHANGED],
            quarantined=quarantined,
        )

    def __add__(self, other: FetchCounts) -> FetchCounts:
        return FetchCounts(
            new=self.new + other.new,
            changed=self.changed + other.changed,
            unchanged=self.unchanged + other.unchanged,
            quarantined=self.quarantined + other.quarantined,
        )
