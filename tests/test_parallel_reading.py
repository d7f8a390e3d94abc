"""Reading a large answer in several processes gives exactly what one reader gives."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from desktop_app.adapters.portal.commerceml_reader import ReadOrder, read_commerceml
from desktop_app.emulators.bitrix_commerceml import write_orders
from desktop_app.emulators.portal import Fault, PortalEmulator
from desktop_app.emulators.world import World
from desktop_app.services import parallel_reading
from desktop_app.services.fetch_service import fetch_orders
from desktop_app.services.parallel_reading import CHUNK, read_shares
from desktop_app.services.prepared_chunks import Chunk, Ending
from desktop_app.services.settings import PortalSettings
from desktop_app.store.database import Database
from desktop_app.store.incoming import IncomingOrder
from desktop_app.store.order_upsert import Prepared
from desktop_app.store.queue_repository import QueueRepository

ORDERS = 2 * CHUNK + 57  # three chunks, the last one partial


@pytest.fixture(scope="module")
def answer(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("answer") / "answer.xml"
    with path.open("wb") as stream:
        write_orders(
            stream,
            World.generate(seed=41, buyers=40).orders(ORDERS),
            generated_at=dt.datetime(2026, 5, 5),
        )
    return path


def single_process(path: Path) -> list[Prepared]:
    reader = read_commerceml(path, line_properties=False)
    return [
        Prepared.of(IncomingOrder(item.order, item.index, None, None))
        for item in reader
        if isinstance(item, ReadOrder)
    ]


@pytest.mark.parametrize("shares", [2, 3])
def test_chunks_come_in_document_order_with_the_same_rows(answer: Path, shares: int) -> None:
    parts = list(read_shares(answer, None, shares, line_properties=False))
    chunks = [p for p in parts if isinstance(p, Chunk)]
    assert isinstance(parts[-1], Ending)
    assert [c.number for c in chunks] == list(range(len(chunks)))
    rows = [row for chunk in chunks for row in chunk.orders]
    expected = single_process(answer)
    assert [r.portal_id for r in rows] == [e.portal_id for e in expected]
    assert [r.content_hash for r in rows] == [e.content_hash for e in expected]
    assert all(r.source is not None for r in rows)  # the exact bytes travel along


def test_a_broken_document_is_reported_once_and_the_rest_kept(tmp_path: Path, answer: Path) -> None:
    data = answer.read_bytes()
    marker = f"<Ид>{CHUNK + 3}</Ид>".encode("cp1251")
    broken = data.replace(marker, marker + b"<unclosed>", 1)
    path = tmp_path / "broken.xml"
    root_end = "</КоммерческаяИнформация>".encode("cp1251")
    path.write_bytes(broken[: broken.rindex(root_end)])  # and cut before the root's end
    parts = list(read_shares(path, None, 2, line_properties=False))
    chunks = [p for p in parts if isinstance(p, Chunk)]
    problems = [q for c in chunks for q in c.quarantine]
    assert [q.portal_id for q in problems] == [str(CHUNK + 3)]
    ending = parts[-1]
    assert isinstance(ending, Ending)
    assert len(ending.file_problems) == 1
    assert ending.file_problems[0].code == "truncated"
    stored = [r.portal_id for c in chunks for r in c.orders]
    assert len(stored) == ORDERS - 1


def test_fetch_reads_a_large_answer_in_parallel(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(parallel_reading, "MIN_BYTES", 0)
    monkeypatch.setattr("os.cpu_count", lambda: 2)
    world = World.generate(seed=43, buyers=30)
    with (
        PortalEmulator(world, orders=ORDERS) as portal,
        Database.open(tmp_path / "data") as database,
    ):
        portal.inject(Fault("query", "php_fatal"))  # half an answer, then a PHP error
        settings = PortalSettings(url=portal.page_url(), user="exchange")
        first = fetch_orders(settings, "secret", database, tmp_path / "work")
        assert first.complete and first.confirmed  # the same session brought the rest
        assert first.new == ORDERS and first.queries >= 3
        second = fetch_orders(settings, "secret", database, tmp_path / "work")
        assert second.complete and second.confirmed and second.new == 0
        stored = QueueRepository(database).queue(limit=10_000)
        assert len(stored) == len({r.portal_id for r in stored}) == ORDERS
        assert portal.exported_ids() == frozenset(r.portal_id for r in stored)
