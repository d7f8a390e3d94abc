"""The fetch among others on the portal: older cores, 1C's own exchange, a second workstation.

End to end over real HTTP: the portal emulator, the app's fetch, and — for the company's own
exchange — the emulator's 1C node, which exchanges as УТ 11 does (emulators/portal/onec_node.py).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_app.emulators.portal import PortalEmulator
from desktop_app.emulators.portal.onec_node import OneCNode
from desktop_app.emulators.world import World
from desktop_app.services.fetch_service import FetchReport, FetchStage, fetch_orders
from desktop_app.services.page_notes import NOTES_FILE
from desktop_app.services.settings import PortalMode, PortalSettings
from desktop_app.store.database import Database
from desktop_app.store.queue_repository import QueueRepository
from desktop_app.wording.registry import said_text

WORLD = World.generate(seed=23, buyers=20)


class Workstation:
    """One installation of Order Review: its own data folder and database."""

    def __init__(self, portal: PortalEmulator, folder: Path, mode: PortalMode) -> None:
        page = PortalEmulator.APP_PAGE if mode is PortalMode.OWN_PAGE else PortalEmulator.ONEC_PAGE
        self.settings = PortalSettings(url=portal.page_url(page), user=portal.user, mode=mode)
        self.folder = folder
        self.database = Database.open(folder)
        self.portal = portal

    def fetch(self, **options: object) -> FetchReport:
        before = len(self.portal.requests)
        report = fetch_orders(
            self.settings, self.portal.password, self.database, self.folder / "work",
            **options,  # type: ignore[arg-type]
        )  # fmt: skip
        self.modes = [r.mode for r in self.portal.requests[before:]]
        return report

    def stored(self) -> set[str]:
        return {row.portal_id for row in QueueRepository(self.database).queue(limit=100_000)}

    def notes(self) -> dict[str, object]:
        loaded: dict[str, object] = json.loads((self.folder / NOTES_FILE).read_text("utf-8"))
        return loaded


@pytest.fixture
def stations(tmp_path: Path) -> Iterator[list[Workstation]]:
    made: list[Workstation] = []
    yield made
    for station in made:
        station.database.close()


def station(
    made: list[Workstation],
    portal: PortalEmulator,
    folder: Path,
    mode: PortalMode = PortalMode.OWN_PAGE,
) -> Workstation:
    made.append(Workstation(portal, folder, mode))
    return made[-1]


def onec_node(portal: PortalEmulator, **options: object) -> OneCNode:
    url = portal.page_url(PortalEmulator.ONEC_PAGE)
    return OneCNode(url, portal.user, portal.password, **options)  # type: ignore[arg-type]


# --- a fetch that ends -------------------------------------------------------------------


@pytest.mark.parametrize("mode", [PortalMode.OWN_PAGE, PortalMode.PEEK])
def test_a_portal_re_serving_its_last_order_ends_within_three_queries(
    stations: list[Workstation], tmp_path: Path, mode: PortalMode
) -> None:
    with PortalEmulator(WORLD, orders=30, exchange_log=False) as portal:
        app = station(stations, portal, tmp_path / "app", mode)
        first = app.fetch()
        assert first.new == 30 and first.complete
        assert app.modes.count("query") == first.queries <= 3
        idle = app.fetch()  # nothing new: the boundary order comes again and again
        assert idle.new == 0 and idle.changed == 0
        assert app.modes.count("query") <= 3
        added = portal.add_orders(3)
        later = app.fetch()
        assert later.new == 3 and app.modes.count("query") <= 3
        assert set(added) <= app.stored()
        assert later.confirmed is (mode is PortalMode.OWN_PAGE)


def test_a_newer_core_ends_an_empty_fetch_at_its_first_query(
    stations: list[Workstation], portal: PortalEmulator, tmp_path: Path
) -> None:
    app = station(stations, portal, tmp_path / "app")
    app.fetch()
    idle = app.fetch()
    assert app.modes == ["checkauth", "query", "success"]
    assert idle.queries == 1 and idle.confirmed


# --- do no harm to 1C's exchange ------------------------------------------------------------


def test_a_1c_node_without_sessid_still_exchanges_after_the_fetch(
    stations: list[Workstation], portal: PortalEmulator, tmp_path: Path
) -> None:
    for mode in (PortalMode.OWN_PAGE, PortalMode.PEEK):
        station(stations, portal, tmp_path / mode.value, mode).fetch()
    assert not any(r.had_sessid for r in portal.requests)
    assert "init" not in [r.mode for r in portal.requests]
    assert not portal.secure_exchange
    with onec_node(portal) as node:
        round_trip = node.exchange()
    assert round_trip.ok, round_trip.answers
    assert len(round_trip.received) == 40


def test_1c_upload_survives_the_fetch(
    stations: list[Workstation], portal: PortalEmulator, tmp_path: Path
) -> None:
    with onec_node(portal, version="2.08") as node:
        node.checkauth()
        node.init()
        received = node.query()
        node.success()
        assert node.upload() == "success"  # 1C's file waits in /upload/1c_exchange/ …
        for mode in (PortalMode.OWN_PAGE, PortalMode.PEEK):
            station(stations, portal, tmp_path / mode.value, mode).fetch()  # … meanwhile
        assert portal.upload_files() != {}
        assert node.load() == "success"
    assert portal.written_back_ids() == frozenset(received)


def test_peek_leaves_a_running_1c_exchange_its_session(
    stations: list[Workstation], portal: PortalEmulator, tmp_path: Path
) -> None:
    """checkauth would make peek the page's export session and 1C's success would fail."""
    with onec_node(portal) as node:
        node.checkauth()
        received = node.query()
        peek = station(stations, portal, tmp_path / "peek", PortalMode.PEEK)
        assert peek.fetch().new == 40
        assert "checkauth" not in peek.modes
        assert node.success() == "success"
    assert portal.exported_ids(PortalEmulator.ONEC_PAGE) == frozenset(received)


def test_peek_on_a_secure_site_logs_in_for_the_sessid(
    stations: list[Workstation], tmp_path: Path
) -> None:
    with PortalEmulator(WORLD, orders=3, secure_exchange=True) as portal:
        peek = station(stations, portal, tmp_path / "peek", PortalMode.PEEK)
        report = peek.fetch()
    assert report.new == 3 and report.sessid_asked
    assert peek.modes[:3] == ["query", "checkauth", "query"]


def test_sessid_is_sent_only_once_the_site_asks_and_the_fetch_says_so(
    stations: list[Workstation], tmp_path: Path
) -> None:
    with PortalEmulator(WORLD, orders=4, secure_exchange=True) as portal:
        app = station(stations, portal, tmp_path / "app")
        report = app.fetch()
        sent = [(r.mode, r.had_sessid) for r in portal.requests]
    assert report.new == 4 and report.confirmed and report.sessid_asked
    assert sent[:3] == [("checkauth", False), ("query", False), ("query", True)]
    assert app.notes()["sessid_asked_at"]


# --- several workstations on one page ---------------------------------------------------------


def test_a_second_workstation_confirming_on_the_page_is_noticed(
    stations: list[Workstation], portal: PortalEmulator, tmp_path: Path
) -> None:
    first = station(stations, portal, tmp_path / "first")
    second = station(stations, portal, tmp_path / "second")
    assert first.fetch().warnings == ()
    taken = portal.add_orders(3)
    assert second.fetch().new == 3  # one cursor per page: only what the first left
    assert second.stored() == set(taken)
    portal.add_orders(2)
    report = first.fetch()
    assert report.new == 2
    (warning,) = [said_text(w) for w in report.warnings]
    assert f"Ид {', '.join(taken)} " in warning and "одно из них" in warning
    assert first.notes()["missing"] == [int(n) for n in taken]
    assert first.fetch().warnings == ()  # said once


def test_a_refused_success_keeps_the_orders_and_warns(
    stations: list[Workstation], portal: PortalEmulator, tmp_path: Path
) -> None:
    first = station(stations, portal, tmp_path / "first")
    second = station(stations, portal, tmp_path / "second")

    def meanwhile(stage: FetchStage, _done: int, _total: int | None) -> None:
        if stage is FetchStage.CONFIRMING and not second.stored():
            second.fetch()  # logs in on the same page between first's checkauth and success

    report = first.fetch(progress=meanwhile)
    assert report.new == 40 and not report.confirmed and report.complete
    assert any("не принял подтверждение" in said_text(w) for w in report.warnings)
    assert len(first.stored()) == 40
    assert first.notes()["refused"] == 1
    assert first.fetch().confirmed


def test_orders_1c_wrote_back_before_the_fetch_never_come_and_are_named(
    stations: list[Workstation], portal: PortalEmulator, tmp_path: Path
) -> None:
    app = station(stations, portal, tmp_path / "app")
    app.fetch()
    taken = portal.add_orders(2)
    with onec_node(portal) as node:
        assert node.exchange().ok
    assert set(taken) <= portal.written_back_ids()
    newest = portal.add_orders(1)
    report = app.fetch()
    assert app.stored() & set(taken) == set()
    assert set(newest) <= app.stored()
    assert any(f"Ид {', '.join(taken)} " in said_text(w) for w in report.warnings)
