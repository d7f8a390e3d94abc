"""The bulk statements behind `OrderRepository.store_batch`: look up, insert, update.

Each function works on the batch's connection inside its one transaction, with a few Core
statements per batch whatever its size: one lookup per 500 `Ид`, executemany INSERTs and
UPDATEs, and one UPDATE per 500 orders that points each at its newest revision.
No ORM object is created, so memory depends on the batch, not on the orders stored so far.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, bindparam, func, insert, select, update

from desktop_app.domain.entity_mapping import requisites_changed_reason
from desktop_app.domain.phrase import stored
from desktop_app.store.column_types import utc_now
from desktop_app.store.decision_queries import drop_automatic
from desktop_app.store.in_lists import chunks
from desktop_app.store.incoming import IncomingOrder
from desktop_app.store.models import ONEC_ORDERS, ORDERS, REVISIONS
from desktop_app.store.order_codec import content_hash, order_to_payload
from desktop_app.store.order_columns import order_columns
from desktop_app.store.review_state import OrderSource, ReviewState

ONEC_ID_PREFIX = "1c:"
"""The `Ид` the app gives an order it knows from 1C alone when 1C keeps the site's number,
not its `Ид`: `1c:` and the 1C order's Ref_Key (services/onec_misses.py)."""


@dataclass(frozen=True, slots=True)
class Prepared:
    """An incoming order reduced to what its rows need: columns, payload, hash, source.

    Everything CPU-heavy of storing an order happens in `of` — payload, hash, compression —
    and the result holds plain values only.
    """

    portal_id: str
    version: str | None
    columns: dict[str, Any]
    payload: str
    content_hash: str
    source: bytes | None
    """The document's bytes, already compressed (`compress`)."""
    source_encoding: str | None

    @classmethod
    def of(cls, item: IncomingOrder) -> Prepared:
        payload = order_to_payload(item.order)
        return cls(
            portal_id=item.order.id,
            version=item.order.version,
            columns=order_columns(item.order),
            payload=payload,
            content_hash=content_hash(payload),
            source=compress(item.source),
            source_encoding=item.source_encoding,
        )


@dataclass(frozen=True, slots=True)
class Known:
    """What the store already holds of an order, as much as an upsert needs."""

    id: int
    content_hash: str
    version: str | None
    review_state: str
    changed_since_review: bool
    last_revision: int
    entity_key: str | None
    """The legal entity the stored revision names (`orders.buyer_entity_key`)."""


def compress(source: bytes | None) -> bytes | None:
    """The source bytes as stored: zlib at its fastest level.

    CommerceML text shrinks about 6× even so; level 6 would save a few more kilobytes per
    order at four times the CPU, on the path that stores every order of every fetch.
    """
    return None if source is None else zlib.compress(source, 1)


def known_orders(connection: Connection, portal_ids: Sequence[str]) -> dict[str, Known]:
    """The stored state of those orders that are already known, by portal `Ид`."""
    last_revision = (
        select(func.coalesce(func.max(REVISIONS.c.number), 0))
        .where(REVISIONS.c.order_id == ORDERS.c.id)
        .scalar_subquery()
    )
    known: dict[str, Known] = {}
    for chunk in chunks(portal_ids):
        rows = connection.execute(
            select(
                ORDERS.c.portal_id,
                ORDERS.c.id,
                ORDERS.c.content_hash,
                ORDERS.c.version,
                ORDERS.c.review_state,
                ORDERS.c.changed_since_review,
                last_revision,
                ORDERS.c.buyer_entity_key,
            ).where(ORDERS.c.portal_id.in_(chunk))
        )
        for portal_id, *state in rows:
            known[portal_id] = Known(*state)
    return known


def adopt_onec_orders(connection: Connection, items: Sequence[Prepared]) -> None:
    """Orders the app knew from 1C alone under a `1c:` id take the portal's `Ид` when the
    portal sends an order of the same number, so the upsert that follows finds them and
    their decisions stay theirs. An `Ид` already stored is left alone."""
    by_number = {p.columns["number"]: p.portal_id for p in items if p.columns.get("number")}
    taken: set[str] = set()
    for chunk in chunks(sorted(by_number)):
        rows = connection.execute(
            select(ORDERS.c.id, ORDERS.c.portal_id, ORDERS.c.number)
            .where(ORDERS.c.source == OrderSource.ONEC.value)
            .where(ORDERS.c.portal_id.startswith(ONEC_ID_PREFIX, autoescape=True))
            .where(ORDERS.c.number.in_(chunk))
            .order_by(ORDERS.c.id)
        ).all()
        for order_pk, old_id, number in rows:
            real = by_number[number]
            if (
                real in taken
                or connection.execute(select(ORDERS.c.id).where(ORDERS.c.portal_id == real)).first()
            ):
                continue
            taken.add(real)
            connection.execute(update(ORDERS).where(ORDERS.c.id == order_pk).values(portal_id=real))
            connection.execute(
                update(ONEC_ORDERS).where(ONEC_ORDERS.c.portal_id == old_id).values(portal_id=real)
            )


class BatchWriter:
    """The writes of one batch, all on the batch's connection and in its transaction.

    Ids are looked up rather than taken from INSERT … RETURNING: SQLite has RETURNING only
    since 3.35, and some Linux workstations still ship older libraries.
    """

    def __init__(
        self,
        connection: Connection,
        fetch_id: int | None,
        source: OrderSource = OrderSource.PORTAL,
    ) -> None:
        self.connection = connection
        self.fetch_id = fetch_id
        """None for what 1C told (`OrderSource.ONEC`): no portal fetch brought it."""
        self.source = source
        self.now = utc_now()

    def insert_new(self, items: Sequence[Prepared]) -> None:
        """New orders: the order row (state new), revision 1, then the link between them."""
        if not items:
            return
        orders = [
            p.columns
            | {
                "portal_id": p.portal_id,
                "review_state": ReviewState.NEW.value,
                "changed_since_review": False,
                "first_seen_fetch_id": self.fetch_id,
                "last_seen_fetch_id": self.fetch_id,
                "created_at": self.now,
                "updated_at": self.now,
                "content_hash": p.content_hash,
                "source": self.source.value,
            }
            for p in items
        ]
        self.connection.execute(insert(ORDERS), orders)
        ids = self._order_ids([p.portal_id for p in items])
        self.connection.execute(
            insert(REVISIONS), [self._revision(p, ids[p.portal_id], 1) for p in items]
        )
        self._point_at_latest_revision(list(ids.values()))

    def update_changed(self, items: Sequence[tuple[Prepared, Known]]) -> None:
        """Changed orders: a new revision, and the order row rewritten from it.

        The review state is kept; an order the manager had already started on is flagged
        `changed_since_review`, so that the queue shows it needs another look. When the new
        revision names another legal entity (its ИНН/КПП changed), the order's automatic
        decision, made for the old one, is dropped with the reason, in the same transaction:
        no push may write it in between.
        """
        if not items:
            return
        self.connection.execute(
            insert(REVISIONS),
            [self._revision(p, known.id, known.last_revision + 1) for p, known in items],
        )
        self.connection.execute(
            update(ORDERS).where(ORDERS.c.id == bindparam("order_pk")),
            [
                p.columns
                | {
                    "order_pk": known.id,
                    "changed_since_review": known.changed_since_review
                    or known.review_state != ReviewState.NEW.value,
                    "last_seen_fetch_id": self.fetch_id,
                    "updated_at": self.now,
                    "content_hash": p.content_hash,
                    "source": self.source.value,
                }
                for p, known in items
            ],
        )
        self._point_at_latest_revision([known.id for _, known in items])
        for prepared, known in items:
            entity_key = prepared.columns["buyer_entity_key"]
            if entity_key != known.entity_key:
                reason = stored(requisites_changed_reason(known.entity_key, entity_key))
                drop_automatic(self.connection, known.id, reason)

    def mark_seen(self, order_ids: Sequence[int]) -> None:
        """Orders the portal sent again without news: only remember that this fetch saw them."""
        for chunk in chunks(order_ids):
            self.connection.execute(
                update(ORDERS)
                .where(ORDERS.c.id.in_(chunk))
                .values(last_seen_fetch_id=self.fetch_id)
            )

    def _order_ids(self, portal_ids: Sequence[str]) -> dict[str, int]:
        ids: dict[str, int] = {}
        for chunk in chunks(portal_ids):
            query = select(ORDERS.c.portal_id, ORDERS.c.id).where(ORDERS.c.portal_id.in_(chunk))
            ids.update(
                (portal_id, order_id) for portal_id, order_id in self.connection.execute(query)
            )
        return ids

    def _point_at_latest_revision(self, order_ids: Sequence[int]) -> None:
        latest = (
            select(REVISIONS.c.id)
            .where(REVISIONS.c.order_id == ORDERS.c.id)
            .order_by(REVISIONS.c.number.desc())
            .limit(1)
            .scalar_subquery()
        )
        for chunk in chunks(order_ids):
            self.connection.execute(
                update(ORDERS).where(ORDERS.c.id.in_(chunk)).values(current_revision_id=latest)
            )

    def _revision(self, prepared: Prepared, order_id: int, number: int) -> dict[str, Any]:
        return {
            "order_id": order_id,
            "number": number,
            "fetch_id": self.fetch_id,
            "received_at": self.now,
            "content_hash": prepared.content_hash,
            "payload": prepared.payload,
            "source_document": prepared.source,
            "source_encoding": prepared.source_encoding,
        }
