"""A large answer is read once it is in, with one reader: broken, cut or whole.

(These were the tests of the reading in several processes; the one way of reading left must
give the same.)
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from desktop_app.adapters.portal.commerceml_reader import CommerceMLReader
from desktop_app.emulators.bitrix_commerceml import write_orders
from desktop_app.emulators.portal import Fault, PortalEmulator
from desktop_app.emulators.world import World
from desktop_app.services.answer_store import AnswerTally, store_answer
from desktop_app.services.fetch_service import fetch_orders
from desktop_app.services.settings import PortalSettings
from desktop_app.store.database import Database
from desktop_app.store.order_repository import OrderRepository
from desktop_app.store.queue_repository import QueueRepository

ORDERS = 457  # more than one batch of the store would hold at 200


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


def test_a_broken_document_is_reported_once_and_the_rest_kept(tmp_path: Path, answer: Path) -> None:
    data = answer.read_bytes()
    broken_id = 203
    marker = f"<Ид>{broken_id}</Ид>".encode("cp1251")
    broken = data.replace(marker, marker + b"<unclosed>", 1)
    path = tmp_path / "broken.xml"
    root_end = "</КоммерческаяИнформация>".encode("cp1251")
    path.write_bytes(broken[: broken.rindex(root_end)])  # and cut before the root's end
    tally = AnswerTally()
    with Database.open(tmp_path / "data") as database:
        repository = OrderRepository(database)
        fetch_id = repository.start_fetch("https://portal.test/exchange.php", "own-page")
        reader = CommerceMLReader(path)
        store_answer(repository, fetch_id, reader, reader.documents(), tally, stored=lambda _: None)
    assert tally.quarantined_ids == {str(broken_id)} and tally.quarantined == 1
    assert not tally.complete  # the file's own end never came
    assert len(tally.problems) == 2 and "оборван" in tally.problems[-1]
    assert len(tally.outcomes) == ORDERS - 1


def test_fetch_reads_a_large_answer_php_cut(tmp_path: Path) -> None:
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
