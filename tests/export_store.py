"""Putting orders into a local store for the export tests, as a fetch would."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import update

from desktop_app.domain.order import Order
from desktop_app.domain.review_state import ReviewState
from desktop_app.store.database import Database
from desktop_app.store.models import ORDERS
from desktop_app.store.order_repository import IncomingOrder, OrderRepository

PORTAL_URL = "https://b2b.example.ru/order_review_exchange/index.php"


def store_orders(database: Database, orders: Iterable[Order]) -> None:
    repository = OrderRepository(database)
    fetch = repository.start_fetch(PORTAL_URL, "peek")
    items = [IncomingOrder(o, index, None, None) for index, o in enumerate(orders, start=1)]
    repository.store_batch(fetch, items)


def set_state(database: Database, portal_ids: Iterable[str], state: ReviewState) -> None:
    """Move orders on in the review (the decision service will do this; tests do it by hand)."""
    with database.writing() as connection:
        connection.execute(
            update(ORDERS)
            .where(ORDERS.c.portal_id.in_(list(portal_ids)))
            .values(review_state=state.value)
        )
