"""Fetching from sites whose answers look odd but are real: end to end over HTTP, into the store.

- a BOM and blank lines before every answer (a PHP file of the site saved with a BOM);
- an exchange page running in English, which writes the export's tags in English;
- schema 2.10, where payments and shipments follow each order as documents of their own.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from desktop_app.adapters.portal.commerceml_reader import CommerceMLReader, ReadOrder
from desktop_app.adapters.portal.exchange_errors import PortalPageError
from desktop_app.emulators.portal import PortalEmulator
from desktop_app.emulators.world import World
from desktop_app.services.fetch_service import FetchReport, fetch_orders
from desktop_app.services.settings import PortalMode, PortalSettings
from desktop_app.store.database import Database
from desktop_app.store.queue_repository import QueueRepository


@pytest.fixture
def database(tmp_path: Path) -> Iterator[Database]:
    with Database.open(tmp_path / "data") as db:
        yield db


def fetch(portal: PortalEmulator, database: Database, work: Path) -> FetchReport:
    settings = PortalSettings(url=portal.page_url(), user="exchange", mode=PortalMode.OWN_PAGE)
    return fetch_orders(settings, "secret", database, work)


def stored_ids(database: Database) -> set[str]:
    return {row.portal_id for row in QueueRepository(database).queue(limit=1000)}


@pytest.mark.parametrize("lead", [b"\xef\xbb\xbf\r\n\r\n", b"\n\n"], ids=["bom", "blank"])
def test_a_bom_before_every_answer_is_fetched_quietly_every_time(
    database: Database, tmp_path: Path, caplog: pytest.LogCaptureFixture, lead: bytes
) -> None:
    world = World.generate(seed=23, buyers=20)
    with (
        PortalEmulator(world, orders=12, lead_bytes=lead) as portal,
        caplog.at_level("DEBUG"),
    ):
        first = fetch(portal, database, tmp_path / "work")
        portal.add_orders(3)
        second = fetch(portal, database, tmp_path / "work")
    assert (first.new, first.quarantined, first.problems, first.confirmed) == (12, 0, (), True)
    assert (second.new, second.problems) == (3, ())
    assert len(stored_ids(database)) == 15
    assert [r for r in caplog.records if r.levelname in ("WARNING", "ERROR")] == []


def test_an_english_export_is_refused_whole_and_not_confirmed(
    database: Database, tmp_path: Path
) -> None:
    world = World.generate(seed=23, buyers=20)
    with PortalEmulator(world, orders=5, language="en") as portal:
        with pytest.raises(PortalPageError) as caught:
            fetch(portal, database, tmp_path / "work")
        assert portal.committed_time() is None  # the next fetch gets the same orders
        assert len(portal.delivered_ids()) == 5
    assert "английскими тегами" in caught.value.message
    assert "русский язык" in caught.value.message
    assert stored_ids(database) == set()


def test_a_2_10_answer_brings_payments_and_shipments_the_reader_skips(tmp_path: Path) -> None:
    """What Bitrix sends a client that asks for 2.10 at init (the client itself asks 2.08)."""
    world = World.generate(seed=23, buyers=20)
    with PortalEmulator(world, orders=6) as portal, requests.Session() as http:
        url = portal.page_url()
        login = http.get(url, params={"type": "sale", "mode": "checkauth"},
                         auth=("exchange", "secret"), timeout=10).text.split("\n")  # fmt: skip
        sessid = login[3].removeprefix("sessid=")
        http.get(url, params={"type": "sale", "mode": "init", "version": "2.10",
                              "sessid": sessid}, timeout=10)  # fmt: skip
        body = http.get(url, params={"type": "sale", "mode": "query", "sessid": sessid},
                        timeout=10).content  # fmt: skip
    answer = tmp_path / "answer.xml"
    answer.write_bytes(body)
    assert 'ВерсияСхемы="2.1"'.encode("cp1251") in body[:300]
    assert body.count("<ХозОперация>Отпуск товара</ХозОперация>".encode("cp1251")) == 6
    reader = CommerceMLReader(answer, fallback_encoding="windows-1251")
    orders = [i.order for i in reader.documents() if isinstance(i, ReadOrder)]
    assert len(orders) == 6 and reader.skipped == 12
    assert all(o.operation == "Заказ товара" and o.buyer is not None for o in orders)
