"""The read side of the store: the review queue, an order's history, its source, the fetch log.

The GUI pages and filters large queues here, in SQL, not in Python lists (GUIDE §7). Each call
is one read transaction, so a page and its count see the same snapshot even while the fetch
service writes (WAL lets readers and the writer proceed side by side). What comes out is plain
rows (`queue_rows`) and domain objects, never ORM objects.
"""

from __future__ import annotations

import zlib
from decimal import Decimal

from sqlalchemy import Select, and_, func, select

from desktop_app.domain.order import Order
from desktop_app.domain.portal_mode import PortalMode
from desktop_app.store.database import Database
from desktop_app.store.models import FETCHES, ORDERS, QUARANTINED, REVISIONS
from desktop_app.store.order_codec import JsonObject, order_from_payload, payload_object
from desktop_app.store.queue_query import (
    QueueFilter,
    QueueOrder,
    QueueSort,
    count_select,
    page_select,
)
from desktop_app.store.queue_rows import (
    FetchRow,
    QuarantineRow,
    QueueRow,
    RevisionRow,
    UnreadRow,
)
from desktop_app.store.queue_unread import UnreadDocuments
from desktop_app.store.queue_widths import WidestValues, widest_values
from desktop_app.store.review_state import FetchStatus, OrderSource, ReviewState
from desktop_app.store.revision_diff import changed_fields

__all__ = [
    "FetchRow",
    "QuarantineRow",
    "QueueFilter",
    "QueueOrder",
    "QueueRepository",
    "QueueRow",
    "QueueSort",
    "RevisionRow",
    "UnreadRow",
]

PAGE_SIZE = 200
NEWEST_FIRST = QueueOrder()


class QueueRepository:
    """Queries for the queue and the order view; every method is one read transaction."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def queue(
        self,
        state: ReviewState | None = None,
        search: str | None = None,
        limit: int = PAGE_SIZE,
        offset: int = 0,
        order: QueueOrder = NEWEST_FIRST,
        *,
        from_onec: bool = False,
        registry_problems: bool = False,
    ) -> list[QueueRow]:
        """A page of the queue, newest order first (undated orders last) unless `order`."""
        where = QueueFilter(state, search, from_onec, registry_problems)
        query = page_select(where, order, limit, offset)
        with self._db.reading() as connection:
            rows = connection.execute(query).all()
        return [
            QueueRow(
                portal_id=row.portal_id,
                number=row.number,
                order_date=row.order_date,
                buyer_name=row.buyer_name,
                buyer_inn=row.buyer_inn,
                buyer_kpp=row.buyer_kpp,
                buyer_kind=row.buyer_kind,
                total=None if row.total is None else Decimal(row.total),
                currency=row.currency,
                review_state=ReviewState(row.review_state),
                changed_since_review=bool(row.changed_since_review),
                revisions=int(row.revisions),
                updated_at=row.updated_at,
                from_onec=row.source == OrderSource.ONEC.value,
            )
            for row in rows
        ]

    def count(
        self,
        state: ReviewState | None = None,
        search: str | None = None,
        *,
        from_onec: bool = False,
        registry_problems: bool = False,
    ) -> int:
        """How many orders `queue` would page through with the same filters."""
        where = QueueFilter(state, search, from_onec, registry_problems)
        with self._db.reading() as connection:
            return int(connection.execute(count_select(where)).scalar_one())

    def unread(self, search: str | None = None) -> list[UnreadRow]:
        """The documents put aside that the queue shows as «не прочитан» (`queue_unread`)."""
        return UnreadDocuments(self._db).rows(search)

    def unread_count(self, search: str | None = None) -> int:
        documents = UnreadDocuments(self._db)
        return len(documents.rows(search)) if search else documents.count()

    def unread_source(self, unread_id: int) -> tuple[bytes, str | None] | None:
        """The raw bytes of a document put aside and their encoding, if they were kept."""
        return UnreadDocuments(self._db).source(unread_id)

    def widest(self) -> WidestValues:
        """The longest number and total any order has (`queue_widths`)."""
        return widest_values(self._db)

    def state_counts(self, search: str | None = None) -> dict[ReviewState, int]:
        """Orders per review state (every state present, zero included) among those the
        search finds (all without one): the queue's state filter."""
        query = (
            select(ORDERS.c.review_state, func.count())
            .where(*QueueFilter(search=search).terms())
            .group_by(ORDERS.c.review_state)
        )
        with self._db.reading() as connection:
            found = {ReviewState(state): int(n) for state, n in connection.execute(query)}
        return {state: found.get(state, 0) for state in ReviewState}

    def find_ids(self, key: str) -> list[str]:
        """The Ид of the orders `key` names: its own Ид, else the orders with that portal
        number (several when the number is ambiguous; GUIDE §11 accepts it only when not)."""
        text = key.strip()
        with self._db.reading() as connection:
            found = (
                connection.execute(select(ORDERS.c.portal_id).where(ORDERS.c.portal_id == text))
                .scalars()
                .all()
            )
            if not found:
                found = (
                    connection.execute(
                        select(ORDERS.c.portal_id)
                        .where(ORDERS.c.number == text)
                        .order_by(ORDERS.c.id)
                    )
                    .scalars()
                    .all()
                )
        return list(found)

    def review_state(self, portal_id: str) -> ReviewState | None:
        """Where the order is in the review; None for an unknown `Ид`."""
        query = select(ORDERS.c.review_state).where(ORDERS.c.portal_id == portal_id)
        with self._db.reading() as connection:
            state = connection.execute(query).scalar_one_or_none()
        return None if state is None else ReviewState(state)

    def from_onec(self, portal_id: str) -> bool:
        """Whether the app knows the order from 1C alone (the portal never sent it)."""
        query = select(ORDERS.c.source).where(ORDERS.c.portal_id == portal_id)
        with self._db.reading() as connection:
            return connection.execute(query).scalar_one_or_none() == OrderSource.ONEC.value

    def order(self, portal_id: str) -> Order | None:
        """The current revision of the order, decoded; None for an unknown `Ид`."""
        query = (
            select(REVISIONS.c.payload)
            .join(ORDERS, ORDERS.c.current_revision_id == REVISIONS.c.id)
            .where(ORDERS.c.portal_id == portal_id)
        )
        with self._db.reading() as connection:
            payload = connection.execute(query).scalar_one_or_none()
        return None if payload is None else order_from_payload(payload)

    def history(self, portal_id: str) -> list[RevisionRow]:
        """Every revision of the order, oldest first, with what changed in each."""
        query = _revisions_of(portal_id).order_by(REVISIONS.c.number)
        rows: list[RevisionRow] = []
        previous: JsonObject | None = None
        with self._db.reading() as connection:
            for row in connection.execute(query):
                current = payload_object(row.payload)
                rows.append(
                    RevisionRow(
                        number=row.number,
                        received_at=row.received_at,
                        fetch_id=row.fetch_id,
                        content_hash=row.content_hash,
                        changed=changed_fields(previous, current),
                        has_source=bool(row.has_source),
                        source_encoding=row.source_encoding,
                    )
                )
                previous = current
        return rows

    def source_document(self, portal_id: str, revision: int | None = None) -> bytes | None:
        """The exact bytes of the `Документ` of a revision (the current one by default).

        None when the order or the revision is unknown, or when its source was not kept. The
        bytes are in the revision's `source_encoding` (see `history`).
        """
        if revision is None:
            where = REVISIONS.c.id == ORDERS.c.current_revision_id
        else:
            where = REVISIONS.c.number == revision
        query = (
            select(REVISIONS.c.source_document)
            .join(ORDERS, ORDERS.c.id == REVISIONS.c.order_id)
            .where(ORDERS.c.portal_id == portal_id, where)
        )
        with self._db.reading() as connection:
            compressed = connection.execute(query).scalar_one_or_none()
        return None if compressed is None else zlib.decompress(compressed)

    def last_fetches(self, n: int = 10) -> list[FetchRow]:
        """The `n` most recent fetches, newest first."""
        return self._fetches(select(FETCHES).order_by(FETCHES.c.id.desc()).limit(n))

    def last_successful_fetch(self) -> FetchRow | None:
        """The latest fetch whose orders were all stored (confirmed or not), if any.

        What "last sync" means to the manager: the moment the local queue was last as
        complete as the portal's answer. A fetch cut short (`complete` false) still ends in
        ``stored``; its problems were shown when it ran.
        """
        done = (FetchStatus.STORED.value, FetchStatus.CONFIRMED.value)
        query = (
            select(FETCHES)
            .where(FETCHES.c.status.in_(done), FETCHES.c.finished_at.is_not(None))
            .order_by(FETCHES.c.id.desc())
            .limit(1)
        )
        found = self._fetches(query)
        return found[0] if found else None

    def _fetches(self, query: Select[tuple[object, ...]]) -> list[FetchRow]:
        with self._db.reading() as connection:
            rows = connection.execute(query).all()
        return [
            FetchRow(
                id=row.id,
                started_at=row.started_at,
                finished_at=row.finished_at,
                portal_url=row.portal_url,
                page_mode=PortalMode(row.page_mode),
                status=FetchStatus(row.status),
                new=row.new_count,
                changed=row.changed_count,
                unchanged=row.unchanged_count,
                quarantined=row.quarantined_count,
                answer_bytes=row.answer_bytes,
                error=row.error,
            )
            for row in rows
        ]

    def quarantined(self, fetch_id: int) -> list[QuarantineRow]:
        """The documents of a fetch that could not be read, in the order of the answer."""
        query = (
            select(QUARANTINED, QUARANTINED.c.source_document.is_not(None).label("has_source"))
            .where(QUARANTINED.c.fetch_id == fetch_id)
            .order_by(QUARANTINED.c.id)
        )
        with self._db.reading() as connection:
            rows = connection.execute(query).all()
        return [
            QuarantineRow(
                fetch_id=row.fetch_id,
                document_index=row.document_index,
                portal_id=row.portal_id,
                line=row.line,
                column=row.column,
                code=row.code,
                message=row.message,
                has_source=bool(row.has_source),
            )
            for row in rows
        ]

    def quarantined_source(self, fetch_id: int, document_index: int) -> bytes | None:
        """The bytes kept of a quarantined document, if any."""
        query = select(QUARANTINED.c.source_document).where(
            and_(
                QUARANTINED.c.fetch_id == fetch_id,
                QUARANTINED.c.document_index == document_index,
            )
        )
        with self._db.reading() as connection:
            compressed = connection.execute(query.limit(1)).scalar_one_or_none()
        return None if compressed is None else zlib.decompress(compressed)


def _revisions_of(portal_id: str) -> Select[tuple[object, ...]]:
    return (
        select(
            REVISIONS.c.number,
            REVISIONS.c.received_at,
            REVISIONS.c.fetch_id,
            REVISIONS.c.content_hash,
            REVISIONS.c.payload,
            REVISIONS.c.source_document.is_not(None).label("has_source"),
            REVISIONS.c.source_encoding,
        )
        .join(ORDERS, ORDERS.c.id == REVISIONS.c.order_id)
        .where(ORDERS.c.portal_id == portal_id)
    )
