"""The plain, immutable rows the read side hands out (to the GUI thread among others).

No live ORM object ever leaves the store (GUIDE §7): a row is a frozen value that can cross
threads, be kept in a Qt item model and be compared in a test.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from desktop_app.domain.portal_mode import PortalMode
from desktop_app.store.review_state import FetchStatus, ReviewState


@dataclass(frozen=True, slots=True)
class QueueRow:
    """One order of the review queue, as the list shows it."""

    portal_id: str
    number: str | None
    order_date: dt.date | None
    buyer_name: str | None
    buyer_inn: str | None
    buyer_kpp: str | None
    buyer_kind: str | None
    total: Decimal | None
    currency: str | None
    review_state: ReviewState
    changed_since_review: bool
    revisions: int
    updated_at: dt.datetime
    from_onec: bool = False
    """Known from 1C alone: 1C has the order from the site, the portal never sent it to the
    app (`OrderSource.ONEC`)."""
    unread: UnreadRow | None = None
    """Not an order but a document put aside, shown in the queue as «не прочитан»."""

    @classmethod
    def of_unread(cls, unread: UnreadRow) -> QueueRow:
        """The queue's row for a document put aside: its number, no buyer, no decision."""
        return cls(
            portal_id=unread.key,
            number=unread.number,
            order_date=None,
            buyer_name=None,
            buyer_inn=None,
            buyer_kpp=None,
            buyer_kind=None,
            total=None,
            currency=None,
            review_state=ReviewState.NEW,
            changed_since_review=False,
            revisions=0,
            updated_at=unread.received_at,
            unread=unread,
        )


@dataclass(frozen=True, slots=True)
class RevisionRow:
    """One version of an order in its history, and what changed against the one before."""

    number: int
    received_at: dt.datetime
    fetch_id: int | None
    content_hash: str
    changed: tuple[str, ...]
    """Field names such as ``total``, ``buyer.inn``, ``properties.«Статус заказа»``."""
    has_source: bool
    source_encoding: str | None


@dataclass(frozen=True, slots=True)
class FetchRow:
    """One fetch from the portal, for the fetch log."""

    id: int
    started_at: dt.datetime
    finished_at: dt.datetime | None
    portal_url: str
    page_mode: PortalMode
    status: FetchStatus
    new: int
    changed: int
    unchanged: int
    quarantined: int
    answer_bytes: int | None
    error: str | None


@dataclass(frozen=True, slots=True)
class QuarantineRow:
    """A document of a fetch that could not be read."""

    fetch_id: int
    document_index: int | None
    portal_id: str | None
    line: int | None
    column: int | None
    code: str
    message: str
    has_source: bool


@dataclass(frozen=True, slots=True)
class UnreadRow:
    """A document put aside that the queue shows as «не прочитан» (see `queue_unread`)."""

    id: int
    fetch_id: int
    document_index: int
    portal_id: str | None
    number: str | None
    code: str
    message: str
    """Why the reader could not read it, in the manager's words."""
    received_at: dt.datetime
    reader_version: int
    has_source: bool

    @property
    def key(self) -> str:
        """How the queue names it: never an order's Ид, so no order is confused with it."""
        return f"unread:{self.id}"
