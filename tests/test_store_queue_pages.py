"""The queue's SQL as the window uses it: every sort, pages anywhere, the last good fetch."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import update

from desktop_app.emulators.world import World
from desktop_app.store import Database, IncomingOrder, OrderRepository, QueueRepository, ReviewState
from desktop_app.store.models import ORDERS
from desktop_app.store.queue_repository import QueueOrder, QueueRow, QueueSort

URL = "https://b2b.example.ru/order_review_exchange/index.php"


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    with Database.open(tmp_path) as database:
        yield database


@pytest.fixture
def stored(db: Database) -> list[str]:
    """45 orders, three of them undated and one without a total; their Ид."""
    world = World.generate(seed=3, buyers=40)
    orders = list(world.orders(45))
    orders[5] = dataclasses.replace(orders[5], date=None, time=None)
    orders[17] = dataclasses.replace(orders[17], date=None, time=None)
    orders[30] = dataclasses.replace(orders[30], date=None, time=None, total=None)
    repository = OrderRepository(db)
    fetch = repository.start_fetch(URL, "peek")
    repository.store_batch(fetch, [IncomingOrder(o, i, None, None) for i, o in enumerate(orders)])
    repository.finish_fetch(fetch, "stored")
    with db.writing() as connection:
        for order in orders[:9]:
            connection.execute(
                update(ORDERS)
                .where(ORDERS.c.portal_id == order.id)
                .values(review_state=ReviewState.DECIDED.value)
            )
    return [o.id for o in orders]


def _key(row: QueueRow, sort: QueueSort) -> object:
    return {
        QueueSort.DATE: row.order_date,
        QueueSort.NUMBER: None if row.number is None else (len(row.number), row.number),  # 9 < 10
        QueueSort.BUYER: row.buyer_name,
        QueueSort.INN: row.buyer_inn,
        QueueSort.TOTAL: row.total,
        QueueSort.STATE: row.review_state.value,
    }[sort]


@pytest.mark.parametrize("sort", list(QueueSort))
@pytest.mark.parametrize("descending", [True, False])
def test_every_sort_pages_consistently(
    db: Database, stored: list[str], sort: QueueSort, descending: bool
) -> None:
    queue = QueueRepository(db)
    order = QueueOrder(sort, descending)
    whole = queue.queue(limit=100, order=order)
    assert sorted(r.portal_id for r in whole) == sorted(stored)
    pages = [
        r for start in range(0, 45, 7) for r in queue.queue(limit=7, offset=start, order=order)
    ]
    assert pages == whole
    keys = [_key(r, sort) for r in whole]
    present = [k for k in keys if k is not None]
    assert present == sorted(present, reverse=descending)  # type: ignore[type-var]
    missing = [i for i, k in enumerate(keys) if k is None]
    if missing:  # NULLs last going down, first going up, as SQLite's own index order has them
        expected = list(range(45 - len(missing), 45)) if descending else list(range(len(missing)))
        assert missing == expected


def test_filtered_pages_and_counts_agree(db: Database, stored: list[str]) -> None:
    queue = QueueRepository(db)
    decided = queue.queue(ReviewState.DECIDED, limit=100)
    assert {r.portal_id for r in decided} == set(stored[:9])
    assert queue.count(ReviewState.DECIDED) == 9
    second = queue.queue(ReviewState.DECIDED, limit=4, offset=4)
    assert second == decided[4:8]
    assert queue.queue(ReviewState.DECIDED, limit=4, offset=40) == []
    assert queue.review_state(stored[0]) is ReviewState.DECIDED
    assert queue.review_state(stored[-1]) is ReviewState.NEW
    assert queue.review_state("no such order") is None


def test_the_last_successful_fetch(db: Database) -> None:
    queue, repository = QueueRepository(db), OrderRepository(db)
    assert queue.last_successful_fetch() is None
    good = repository.start_fetch(URL, "own-page")
    repository.finish_fetch(good, "confirmed")
    failed = repository.start_fetch(URL, "own-page")
    repository.finish_fetch(failed, "failed", error="портал недоступен")
    repository.start_fetch(URL, "own-page")  # still running
    last = queue.last_successful_fetch()
    assert last is not None and last.id == good and last.finished_at is not None


def test_total_sort_uses_exact_amounts(db: Database, stored: list[str]) -> None:
    rows = QueueRepository(db).queue(limit=100, order=QueueOrder(QueueSort.TOTAL, False))
    totals = [r.total for r in rows if r.total is not None]
    assert totals == sorted(totals) and all(isinstance(t, Decimal) for t in totals)
