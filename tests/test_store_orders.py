"""Storing fetched orders as upserts, and reading the queue, the history and the sources back."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select, update

from desktop_app.domain.order import Order, OrderProperty
from desktop_app.domain.portal_mode import PortalMode
from desktop_app.emulators.world import World
from desktop_app.store import (
    Database,
    FetchCounts,
    FetchStatus,
    IncomingOrder,
    OrderRepository,
    QuarantinedDocument,
    QueueRepository,
    ReviewState,
    UpsertOutcome,
)
from desktop_app.store.models import ORDERS, REVISIONS

NEW, CHANGED, UNCHANGED = UpsertOutcome.NEW, UpsertOutcome.CHANGED, UpsertOutcome.UNCHANGED
URL = "https://b2b.example.ru/order_review_exchange/index.php"


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    with Database.open(tmp_path) as database:
        yield database


@pytest.fixture
def world() -> World:
    return World.generate(seed=1)


def incoming(order: Order, index: int = 1, source: bytes | None = None) -> IncomingOrder:
    return IncomingOrder(order, index, source, "windows-1251" if source else None)


def with_status(order: Order, status: str, total: str | None = None) -> Order:
    """The order as the portal re-exports it after a status change (and maybe a new total)."""
    properties = tuple(
        OrderProperty(p.name, (status,)) if p.name == "Статус заказа" else p
        for p in order.properties
    )
    if not any(p.name == "Статус заказа" for p in properties):
        properties = (*properties, OrderProperty("Статус заказа", (status,)))
    return dataclasses.replace(
        order, properties=properties, total=Decimal(total) if total else order.total
    )


def set_state(db: Database, portal_id: str, state: ReviewState) -> None:
    with db.writing() as connection:
        connection.execute(
            update(ORDERS).where(ORDERS.c.portal_id == portal_id).values(review_state=state.value)
        )


def revision_count(db: Database) -> int:
    with db.reading() as connection:
        return int(connection.execute(select(func.count()).select_from(REVISIONS)).scalar_one())


def test_new_changed_and_unchanged_orders(db: Database, world: World) -> None:
    repository, queue = OrderRepository(db), QueueRepository(db)
    first, second = world.order(1), world.order(2)
    fetch_1 = repository.start_fetch(URL, PortalMode.OWN_PAGE)
    assert repository.store_batch(fetch_1, [incoming(first), incoming(second, 2)]) == [NEW, NEW]

    edited = with_status(second, "[F] Выполнен", total="12345.67")
    fetch_2 = repository.start_fetch(URL, "own-page")
    outcomes = repository.store_batch(fetch_2, [incoming(first), incoming(edited, 2)])
    assert outcomes == [UNCHANGED, CHANGED]

    assert queue.order(second.id) == edited
    assert queue.order(first.id) == first
    assert queue.order("no such order") is None
    [old, new] = queue.history(second.id)
    assert (old.number, old.fetch_id, old.changed) == (1, fetch_1, ())
    assert (new.number, new.fetch_id) == (2, fetch_2)
    assert new.changed == ("total", "properties.«Статус заказа»")
    assert new.content_hash != old.content_hash
    assert [r.number for r in queue.history(first.id)] == [1]
    assert queue.history("no such order") == []

    rows = {row.portal_id: row for row in queue.queue()}
    assert rows[second.id].total == Decimal("12345.67")
    assert rows[second.id].revisions == 2 and rows[first.id].revisions == 1
    assert rows[second.id].review_state is ReviewState.NEW
    assert not rows[second.id].changed_since_review  # nobody had looked at it yet
    with db.reading() as connection:
        seen = connection.execute(
            select(ORDERS.c.first_seen_fetch_id, ORDERS.c.last_seen_fetch_id).order_by(ORDERS.c.id)
        ).all()
        kopecks = connection.execute(
            select(ORDERS.c.total_kopecks).where(ORDERS.c.portal_id == second.id)
        ).scalar_one()
    assert [tuple(row) for row in seen] == [(fetch_1, fetch_2), (fetch_1, fetch_2)]
    assert kopecks == 1234567


def test_a_change_after_review_started_is_flagged_and_the_state_kept(
    db: Database, world: World
) -> None:
    repository, queue = OrderRepository(db), QueueRepository(db)
    order = world.order(3)
    fetch = repository.start_fetch(URL, "peek")
    repository.store_batch(fetch, [incoming(order)])
    set_state(db, order.id, ReviewState.DECIDED)

    assert repository.store_batch(fetch, [incoming(order)]) == [UNCHANGED]
    assert not queue.queue()[0].changed_since_review

    changed = with_status(order, "[N] Принят", total="1.00")
    assert repository.store_batch(fetch, [incoming(changed)]) == [CHANGED]
    [row] = queue.queue()
    assert row.review_state is ReviewState.DECIDED and row.changed_since_review
    assert row.total == Decimal("1.00")


def test_the_same_batch_twice_changes_nothing_the_second_time(db: Database, world: World) -> None:
    repository = OrderRepository(db)
    orders = list(world.orders(20))
    batch = [incoming(order, i) for i, order in enumerate(orders, 1)]
    batch.append(incoming(with_status(orders[4], "[P] Оплачен"), 21))  # the same Ид again
    fetch = repository.start_fetch(URL, "peek")
    first = repository.store_batch(fetch, batch)
    revisions = revision_count(db)

    assert repository.store_batch(fetch, batch) == [UNCHANGED] * len(batch)
    assert revision_count(db) == revisions == 20
    assert first.count(NEW) == 20 and first.count(UNCHANGED) == 1


def test_an_id_twice_in_one_batch_is_stored_once_from_its_later_copy(
    db: Database, world: World
) -> None:
    repository, queue = OrderRepository(db), QueueRepository(db)
    order, other = world.order(5), world.order(6)
    early, late = with_status(order, "[N] Принят"), with_status(order, "[P] Оплачен", "99.90")
    fetch = repository.start_fetch(URL, "peek")

    outcomes = repository.store_batch(
        fetch, [incoming(early), incoming(other, 2), incoming(late, 3)]
    )
    assert outcomes == [UNCHANGED, NEW, NEW]
    assert FetchCounts.of(outcomes) == FetchCounts(new=2, changed=0, unchanged=1)
    assert queue.order(order.id) == late
    assert len(queue.history(order.id)) == 1

    later = with_status(order, "[F] Выполнен", "100.00")
    outcomes = repository.store_batch(fetch, [incoming(late), incoming(later, 2)])
    assert outcomes == [UNCHANGED, CHANGED]
    assert queue.order(order.id) == later
    assert [r.number for r in queue.history(order.id)] == [1, 2]


def test_an_older_version_number_does_not_roll_the_order_back(db: Database, world: World) -> None:
    repository, queue = OrderRepository(db), QueueRepository(db)
    current = dataclasses.replace(world.order(8), version="12")
    older = dataclasses.replace(with_status(current, "[N] Принят"), version="9")
    newer = dataclasses.replace(with_status(current, "[F] Выполнен"), version="13")
    fetch = repository.start_fetch(URL, "peek")
    repository.store_batch(fetch, [incoming(current)])

    assert repository.store_batch(fetch, [incoming(older)]) == [UNCHANGED]
    assert queue.order(current.id) == current
    assert repository.store_batch(fetch, [incoming(newer)]) == [CHANGED]
    assert queue.order(current.id) == newer


def test_source_documents_are_kept_byte_for_byte(db: Database, world: World) -> None:
    repository, queue = OrderRepository(db), QueueRepository(db)
    order = world.order(9)
    source_1 = "<Документ><Ид>9</Ид><Сумма>1 </Сумма></Документ>".encode("cp1251")
    source_2 = b"\xef\xbb\xbf" + "<Документ>второй</Документ>".encode()
    fetch = repository.start_fetch(URL, "peek")
    repository.store_batch(fetch, [incoming(order, 1, source_1)])
    changed = IncomingOrder(with_status(order, "[P] Оплачен"), 4, source_2, "utf-8")
    repository.store_batch(fetch, [changed])
    repository.store_batch(fetch, [incoming(world.order(10), 2, None)])

    assert queue.source_document(order.id) == source_2
    assert queue.source_document(order.id, revision=1) == source_1
    assert queue.source_document(order.id, revision=3) is None
    assert queue.source_document(world.order(10).id) is None
    assert queue.source_document("unknown") is None
    history = queue.history(order.id)
    assert [(r.has_source, r.source_encoding) for r in history] == [
        (True, "windows-1251"),
        (True, "utf-8"),
    ]


def test_fetch_log_and_quarantine(db: Database, world: World) -> None:
    repository, queue = OrderRepository(db), QueueRepository(db)
    fetch = repository.start_fetch(URL, "peek")
    repository.finish_fetch(fetch, FetchStatus.DOWNLOADED, answer_bytes=123_456)
    [running] = queue.last_fetches(5)
    assert (running.status, running.finished_at, running.answer_bytes) == (
        FetchStatus.DOWNLOADED,
        None,
        123_456,
    )
    broken = QuarantinedDocument(
        document_index=3,
        portal_id="133",
        line=120,
        column=17,
        code="broken-xml",
        message="Документ №3 (Ид 133), строка 120: не закрыт тег",
        source="<Документ><Ид>133</Ид><Сумма>".encode("cp1251"),
        source_encoding="windows-1251",
    )
    outside = QuarantinedDocument(None, None, 900, None, "truncated", "Файл оборван")
    repository.store_quarantined(fetch, [broken, outside])
    outcomes = repository.store_batch(fetch, [incoming(world.order(1))])
    repository.finish_fetch(fetch, "stored", counts=FetchCounts.of(outcomes, quarantined=2))
    failed = repository.start_fetch(URL, PortalMode.OWN_PAGE)
    repository.finish_fetch(failed, "failed", error="HTTP 500: Получен пустой ответ сервера")

    latest, stored = queue.last_fetches(5)
    assert (latest.id, latest.status, latest.error) == (
        failed,
        FetchStatus.FAILED,
        "HTTP 500: Получен пустой ответ сервера",
    )
    assert latest.page_mode is PortalMode.OWN_PAGE and latest.finished_at is not None
    assert (stored.new, stored.changed, stored.unchanged, stored.quarantined) == (1, 0, 0, 2)
    assert stored.finished_at is not None and stored.finished_at >= stored.started_at
    assert stored.started_at.tzinfo is dt.UTC
    assert queue.last_fetches(1) == [latest]

    rows = queue.quarantined(fetch)
    assert [(r.document_index, r.portal_id, r.line, r.column, r.code) for r in rows] == [
        (3, "133", 120, 17, "broken-xml"),
        (None, None, 900, None, "truncated"),
    ]
    assert rows[0].message == broken.message and rows[0].has_source and not rows[1].has_source
    assert queue.quarantined_source(fetch, 3) == broken.source
    assert queue.quarantined(failed) == []


def test_misuse_is_refused(db: Database, world: World) -> None:
    repository = OrderRepository(db)
    with pytest.raises(ValueError, match="no fetch"):
        repository.store_batch(404, [incoming(world.order(1))])
    with pytest.raises(ValueError, match="no fetch"):
        repository.finish_fetch(404, "stored")
    with pytest.raises(ValueError, match="no fetch"):
        repository.store_quarantined(404, [QuarantinedDocument(1, None, None, None, "c", "m")])
    with pytest.raises(ValueError, match="sideways"):
        repository.start_fetch(URL, "sideways")
    fetch = repository.start_fetch(URL, "peek")
    with pytest.raises(ValueError, match="half-done"):
        repository.finish_fetch(fetch, "half-done")
    assert repository.store_batch(fetch, []) == []
    assert QueueRepository(db).count() == 0


def test_queue_filters_searches_and_pages_in_sql(db: Database, world: World) -> None:
    repository, queue = OrderRepository(db), QueueRepository(db)
    orders = list(world.orders(30))
    fetch = repository.start_fetch(URL, "peek")
    repository.store_batch(fetch, [incoming(o, i) for i, o in enumerate(orders, 1)])
    set_state(db, orders[0].id, ReviewState.REJECTED)
    set_state(db, orders[1].id, ReviewState.REJECTED)

    everything = queue.queue(limit=100)
    assert len(everything) == queue.count() == 30
    assert [r.portal_id for r in everything] == [o.id for o in reversed(orders)]  # newest first
    page = queue.queue(limit=7, offset=7)
    assert [r.portal_id for r in page] == [r.portal_id for r in everything[7:14]]
    assert {r.portal_id for r in queue.queue(ReviewState.REJECTED)} == {orders[0].id, orders[1].id}
    assert queue.count(ReviewState.REJECTED) == 2
    assert queue.count(ReviewState.WRITTEN) == 0
    counts = queue.state_counts()
    assert counts[ReviewState.NEW] == 28 and counts[ReviewState.REJECTED] == 2
    assert sum(counts.values()) == 30

    buyer = next(o.buyer for o in orders if o.buyer and o.buyer.inn and o.buyer.name)
    assert buyer is not None and buyer.inn is not None and buyer.name is not None
    expected = {o.id for o in orders if o.buyer and o.buyer.inn == buyer.inn}
    assert {r.portal_id for r in queue.queue(search=buyer.inn[:6])} >= expected
    assert {r.portal_id for r in queue.queue(search=buyer.inn)} == expected
    word = max(buyer.name.split(), key=len)
    shouted = queue.queue(search=word.upper(), limit=100)
    quiet = queue.queue(search=word.lower(), limit=100)
    assert shouted == quiet and {r.portal_id for r in shouted} >= expected
    assert queue.count(search=f"{word.lower()} {buyer.inn}") == len(expected)
    assert queue.queue(search="100%") == [] and queue.queue(search="_") == []
    assert queue.count(search=orders[12].number) >= 1

    undated = dataclasses.replace(world.order(31), date=None, time=None)
    repository.store_batch(fetch, [incoming(undated)])
    assert queue.queue(limit=100)[-1].portal_id == undated.id
    assert queue.queue(limit=100)[0].portal_id == orders[-1].id


def test_fetches_a_killed_run_left_open_are_marked_failed(db: Database, world: World) -> None:
    repository, queue = OrderRepository(db), QueueRepository(db)
    killed = repository.start_fetch(URL, "own-page")
    repository.store_batch(killed, [incoming(world.order(1))])  # committed before the crash
    downloaded = repository.start_fetch(URL, "own-page")
    repository.finish_fetch(downloaded, "downloaded", answer_bytes=10)
    done = repository.start_fetch(URL, "peek")
    repository.finish_fetch(done, "stored", counts=FetchCounts(unchanged=1))

    assert repository.abandon_unfinished_fetches() == 2
    assert repository.abandon_unfinished_fetches() == 0
    by_id = {f.id: f for f in queue.last_fetches(3)}
    assert by_id[killed].status is FetchStatus.FAILED and by_id[killed].error
    assert by_id[downloaded].status is FetchStatus.FAILED
    assert by_id[downloaded].finished_at is not None and by_id[downloaded].answer_bytes == 10
    assert by_id[done].status is FetchStatus.STORED and by_id[done].error is None
    assert queue.count() == 1
