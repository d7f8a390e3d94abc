"""Orders the app knows from 1C alone, stored beside the portal's (GUIDE §3, `UPDATED_1C`).

1C's own exchange may load a site order and send it back before the app fetches it; the
site then serves it to no exchange page until it is edited, and the app would never see
it. `services/onec_misses.py` finds such orders in 1C; here they become queue orders with
`source = 'onec'`: a row and a revision built from what 1C knows, with no portal document.
They are upserts like the portal's, by their `Ид`, with one rule more: an order the portal
itself has sent is never overwritten from 1C (the portal's data is the better one).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Connection, select

from desktop_app.domain.order import Order
from desktop_app.store.database import Database
from desktop_app.store.in_lists import chunks
from desktop_app.store.incoming import IncomingOrder
from desktop_app.store.models import ORDERS
from desktop_app.store.order_upsert import BatchWriter, Known, Prepared, known_orders
from desktop_app.store.review_state import OrderSource


@dataclass(frozen=True, slots=True)
class OneCOnlyCounts:
    new: int
    changed: int


class OneCOnlyOrders:
    def __init__(self, db: Database) -> None:
        self._db = db

    def store(self, orders: Sequence[Order]) -> OneCOnlyCounts:
        """Keep what 1C knows of orders the portal did not send; one transaction."""
        prepared = list({p.portal_id: p for p in map(_prepared, orders)}.values())
        if not prepared:
            return OneCOnlyCounts(0, 0)
        with self._db.writing() as connection:
            known = known_orders(connection, [p.portal_id for p in prepared])
            portal = _portal_ids(connection, list(known))
            fresh = [p for p in prepared if p.portal_id not in known]
            changed: list[tuple[Prepared, Known]] = [
                (p, known[p.portal_id])
                for p in prepared
                if p.portal_id in known
                and p.portal_id not in portal
                and known[p.portal_id].content_hash != p.content_hash
            ]
            writer = BatchWriter(connection, None, OrderSource.ONEC)
            writer.insert_new(fresh)
            writer.update_changed(changed)
        return OneCOnlyCounts(len(fresh), len(changed))

    def portal_ids(self) -> frozenset[str]:
        """The `Ид` of the orders known from 1C alone."""
        query = select(ORDERS.c.portal_id).where(ORDERS.c.source == OrderSource.ONEC.value)
        with self._db.reading() as connection:
            return frozenset(connection.execute(query).scalars())


def _prepared(order: Order) -> Prepared:
    return Prepared.of(IncomingOrder(order, 0, None, None))


def _portal_ids(connection: Connection, portal_ids: Sequence[str]) -> set[str]:
    """Those of `portal_ids` whose order the portal has sent."""
    found: set[str] = set()
    for chunk in chunks(portal_ids):
        query = (
            select(ORDERS.c.portal_id)
            .where(ORDERS.c.portal_id.in_(chunk))
            .where(ORDERS.c.source == OrderSource.PORTAL.value)
        )
        found.update(connection.execute(query).scalars())
    return found
