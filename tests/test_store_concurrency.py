"""The store under load: another process writing while this one reads, and flat memory."""

from __future__ import annotations

import gc
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import event

from desktop_app.emulators.world import World
from desktop_app.store import (
    Database,
    FetchCounts,
    IncomingOrder,
    OrderRepository,
    QueueRepository,
    UpsertOutcome,
)
from desktop_app.store.column_types import utc_now
from desktop_app.store.models import Base, FetchRecord

WRITER = textwrap.dedent(
    """
    import sys
    from desktop_app.emulators.world import World
    from desktop_app.store import Database, IncomingOrder, OrderRepository

    data_dir, total, size = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    with Database.open(data_dir) as db:
        repository = OrderRepository(db)
        fetch = repository.start_fetch("http://127.0.0.1/exchange.php", "peek")
        batch = []
        for index, order in enumerate(World.generate(seed=2).orders(total), 1):
            batch.append(IncomingOrder(order, index, b"<doc/>", "utf-8"))
            if len(batch) == size:
                repository.store_batch(fetch, batch)
                batch = []
                if index == size:
                    print("first batch stored", flush=True)
        repository.store_batch(fetch, batch)
        repository.finish_fetch(fetch, "stored")
    """
)


def test_reads_and_writes_from_two_processes_do_not_lock(tmp_path: Path) -> None:
    total, size = 1200, 25
    with Database.open(tmp_path) as db:  # created and migrated before the writer starts
        queue, repository = QueueRepository(db), OrderRepository(db)
        writer = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(tmp_path), str(total), str(size)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            assert writer.stdout is not None
            assert writer.stdout.readline().strip() == "first batch stored"
            counts: list[int] = []
            while writer.poll() is None:
                counted = queue.count()
                page = queue.queue(limit=50)
                assert min(50, counted) <= len(page) <= 50  # the writer may have added more
                counts.append(counted)
                # This process writes too, between the other's batches: no "locked" either.
                own = repository.start_fetch("http://127.0.0.1/own.php", "own-page")
                repository.finish_fetch(own, "failed", error="test")
            _out, errors = writer.communicate(timeout=120)
        finally:
            if writer.poll() is None:
                writer.kill()
                writer.wait()
        assert writer.returncode == 0, errors
        assert "locked" not in errors
        assert counts == sorted(counts) and counts[0] >= size
        assert queue.count() == total
        fetches = queue.last_fetches(len(counts) + 2)
        assert len(fetches) == len(counts) + 1
        assert any(f.portal_url == "http://127.0.0.1/exchange.php" for f in fetches)


def _live_orm_objects() -> int:
    mapped = tuple(mapper.class_ for mapper in Base.registry.mappers)
    gc.collect()
    return sum(1 for obj in gc.get_objects() if isinstance(obj, mapped))


@pytest.fixture
def orm_instances() -> Iterator[list[object]]:
    """Every ORM object created or loaded while the test runs."""
    created: list[object] = []

    def record(target: object, *_args: object) -> None:
        created.append(type(target))  # the type only: keeping the object would retain it

    event.listen(Base, "init", record, propagate=True)
    event.listen(Base, "load", record, propagate=True)
    try:
        yield created
    finally:
        event.remove(Base, "init", record)
        event.remove(Base, "load", record)


def test_storing_thousands_of_orders_creates_no_orm_objects(
    tmp_path: Path, orm_instances: list[object]
) -> None:
    """The fetch service streams; each batch is Core statements, so nothing piles up."""
    total, size = 5000, 500
    world = World.generate(seed=3)
    with Database.open(tmp_path) as db:
        repository, queue = OrderRepository(db), QueueRepository(db)
        fetch = repository.start_fetch("http://127.0.0.1/exchange.php", "peek")
        counts = FetchCounts()
        batch: list[IncomingOrder] = []
        for index, order in enumerate(world.orders(total), 1):
            batch.append(IncomingOrder(order, index, None, None))
            if len(batch) == size:
                counts += FetchCounts.of(repository.store_batch(fetch, batch))
                batch = []
        assert counts == FetchCounts(new=total)
        again = repository.store_batch(fetch, [IncomingOrder(world.order(1), 1, None, None)])
        assert again == [UpsertOutcome.UNCHANGED]
        assert queue.count() == total and len(queue.queue(limit=1000)) == 1000
        assert queue.history(world.order(1).id) and queue.order(world.order(2).id)
        assert orm_instances == []
        assert _live_orm_objects() == 0


def test_the_orm_probe_does_see_orm_objects(tmp_path: Path, orm_instances: list[object]) -> None:
    """The check above would notice an ORM object (so its silence means something)."""
    with Database.open(tmp_path) as db, db.session() as session:
        session.add(
            FetchRecord(started_at=utc_now(), portal_url="u", page_mode="peek", status="started")
        )
    assert orm_instances == [FetchRecord]
