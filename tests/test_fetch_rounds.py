"""Rounds of one fetch at the boundary second: nothing lost after any interruption.

The newer core's exchange log is site-wide and written as each order is exported (see
emulators/portal/exchange.py): a query whose answer never arrived still marks its orders as
sent at their DATE_UPDATE second, and the next exchange that starts at that second skips
them. Many orders saved in one second, an export that PHP kills part-way, answers cut by the
network, and a fetch stopped between rounds must still leave every order stored — and the
portal's cursor must never pass one that is not.
"""

from __future__ import annotations

import datetime as dt
import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from portal_helpers import APP, ONEC, Client, FakeClock, order_ids, save

from desktop_app.adapters.portal.exchange_errors import FetchCancelledError
from desktop_app.emulators.portal import Fault, PortalEmulator
from desktop_app.emulators.portal import bitrix_messages as words
from desktop_app.emulators.portal.faults import FaultKind
from desktop_app.emulators.portal.onec_node import OneCNode
from desktop_app.emulators.world import World
from desktop_app.services import fetch_rounds
from desktop_app.services.fetch_service import FetchReport, FetchStage, fetch_orders
from desktop_app.services.page_notes import PageNotes, load_notes
from desktop_app.services.portal_check import findings
from desktop_app.services.settings import PortalMode, PortalSettings
from desktop_app.store.database import Database
from desktop_app.store.queue_repository import QueueRepository
from desktop_app.wording.registry import said_text

WORLD = World.generate(seed=31, buyers=25)
START = dt.datetime(2026, 3, 2, 9, 0, 0)
BURST = 600


@pytest.fixture(autouse=True)
def _no_pause(monkeypatch: pytest.MonkeyPatch) -> None:
    """The emulator runs on a fake clock here: its seconds move only when a test says so."""
    monkeypatch.setattr(fetch_rounds, "BOUNDARY_PAUSE", 0.0)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(START)


@pytest.fixture
def database(tmp_path: Path) -> Iterator[Database]:
    with Database.open(tmp_path / "data") as db:
        yield db


def burst_portal(clock: FakeClock, count: int = BURST, **options: object) -> PortalEmulator:
    """A portal with `count` orders saved in one second (a bulk import, a promotion)."""
    portal = PortalEmulator(WORLD, orders=0, clock=clock, **options).start()  # type: ignore[arg-type]
    clock.tick()
    portal.add_orders(count)
    return portal


def fetch(
    portal: PortalEmulator,
    database: Database,
    tmp_path: Path,
    mode: PortalMode = PortalMode.OWN_PAGE,
    **options: object,
) -> FetchReport:
    page = APP if mode is PortalMode.OWN_PAGE else ONEC
    retries = int(options.pop("retries", 3))  # type: ignore[call-overload]
    settings = PortalSettings(
        url=portal.page_url(page), user="exchange", mode=mode, retries=retries
    )
    return fetch_orders(settings, "secret", database, tmp_path / "work", **options)  # type: ignore[arg-type]


def stored(database: Database) -> set[str]:
    return {row.portal_id for row in QueueRepository(database).queue(limit=100_000)}


# --- the emulator: what is site-wide, and PHP's time limit ---------------------------------


def test_the_exchange_log_is_site_wide_and_written_when_the_query_runs(
    clock: FakeClock, tmp_path: Path
) -> None:
    """An answer nobody read, on another page, still hides its orders at the bound second."""
    portal = burst_portal(clock, 3)
    try:
        app = Client(portal, APP)
        app.checkauth()
        first = order_ids(save(app.call("query").content, tmp_path))
        assert app.text("success") == "success\n"  # the app's page now starts at that second
        latecomers = portal.add_orders(2)  # saved in the same second, after the export
        onec = Client(portal, ONEC)
        onec.checkauth()
        portal.inject(Fault("query", "truncate"))
        with pytest.raises(requests.exceptions.RequestException):  # the answer broke off
            onec.call("query")
        again = Client(portal, APP)
        again.checkauth()
        assert order_ids(save(again.call("query").content, tmp_path)) == []
        assert set(latecomers).isdisjoint(first)
        for client in (app, onec, again):
            client.close()
    finally:
        portal.stop()


def test_php_killing_a_long_export_is_continued_in_the_same_session(
    clock: FakeClock, tmp_path: Path
) -> None:
    portal = burst_portal(clock, 10, time_limit_orders=4, orders_per_query=3)
    try:
        client = Client(portal, APP)
        client.checkauth()
        first = client.call("query")
        assert first.content.rstrip().endswith(words.TIME_LIMIT.rstrip().encode())
        assert "Content-Length" not in first.headers
        assert len(order_ids(save(first.content, tmp_path))) == 4
        assert len(client.query_ids(tmp_path)) == 4  # after the last order PHP wrote
        assert len(client.query_ids(tmp_path)) == 2
        fresh = Client(portal, APP)
        fresh.checkauth()
        assert len(fresh.query_ids(tmp_path)) == 4  # a new session: from the start again
        versioned = Client(portal, APP)
        versioned.checkauth()
        versioned.text("init", version="2.08")
        assert len(versioned.query_ids(tmp_path)) == 3  # INTERVAL cuts a versioned one
        for made in (client, fresh, versioned):
            made.close()
    finally:
        portal.stop()


# --- the fetch ------------------------------------------------------------------------------


def test_600_orders_in_one_second_cut_by_the_time_limit_are_all_stored(
    clock: FakeClock, database: Database, tmp_path: Path
) -> None:
    portal = burst_portal(clock, time_limit_orders=250)
    try:
        report = fetch(portal, database, tmp_path)
        assert len(stored(database)) == BURST
        assert report.new == BURST and report.complete and report.confirmed
        assert report.quarantined == 0
        assert portal.exported_ids() == frozenset(portal.order_updates())
        notes = load_notes(tmp_path, portal.page_url(APP))
        assert notes.php_died_at is not None and notes.exchange_log is True
        settings = PortalSettings(url=portal.page_url(APP), user="exchange")
        advice = findings(settings, secure=False, rights_checked=True, notes=notes).advice
        assert any("max_execution_time" in line for line in advice), advice
        clock.tick()
        added = portal.add_orders(3)
        later = fetch(portal, database, tmp_path)
        assert later.new == 3 and set(added) <= stored(database)
    finally:
        portal.stop()


@pytest.mark.parametrize("cut", ["php_fatal", "truncate-first"])
def test_600_orders_in_one_second_with_an_answer_cut_once_are_all_stored(
    clock: FakeClock, database: Database, tmp_path: Path, cut: str
) -> None:
    portal = burst_portal(clock, time_limit_orders=250)
    try:
        if cut == "php_fatal":  # the second query dies earlier than the time limit
            portal.inject(Fault("query", "latency", seconds=0))  # the first one: as it is
            portal.inject(Fault("query", "php_fatal"))
        else:  # the network cuts the first answer: its orders are logged, yet not read
            portal.inject(Fault("query", "truncate"))
        report = fetch(portal, database, tmp_path)
        assert len(stored(database)) == BURST
        assert report.complete and report.confirmed
        assert portal.exported_ids() == frozenset(portal.order_updates())
    finally:
        portal.stop()


@pytest.mark.parametrize("loss", ["drop", "truncate"])
def test_a_lost_answer_continuing_a_killed_export_is_named_and_not_confirmed_past(
    clock: FakeClock, database: Database, tmp_path: Path, loss: FaultKind
) -> None:
    """PHP kills the export at 250 of 600 orders of one second; the continuation's answer is lost.

    The core (export.php, `getLastOrderExported`/`exportedLastExport`) logs 251-500 at that
    second as they are exported. From then on a query bound at that second skips them, and a
    query bound earlier serves the second's orders by ID from the first and dies at 250 again:
    no query reaches them while PHP's limit stands. So the fetch names them, confirms nothing
    (a committed cursor at that second would pass them for good once a later order moves it),
    and once the admin lifts the limit, a fetch from the old cursor receives all 600.
    """
    portal = burst_portal(clock, time_limit_orders=250)
    try:
        portal.inject(Fault("query", "latency", seconds=0))  # round 1: cut by PHP, as it is
        portal.inject(Fault("query", loss))  # round 2, the continuation: its answer is lost
        first = fetch(portal, database, tmp_path)
        lost = set(portal.order_updates()) - stored(database)
        assert lost, "the emulator no longer loses the continuation's orders"
        assert not first.confirmed and portal.committed_time() is None
        named = [said_text(w) for w in first.warnings if "max_execution_time" in said_text(w)]
        assert named, first.warnings
        shown = {int(n) for n in lost}
        assert f"{min(shown)}–{max(shown)}" in named[0], named[0]
        notes = load_notes(tmp_path, portal.page_url(APP))
        assert set(notes.unreachable) == shown
        settings = PortalSettings(url=portal.page_url(APP), user="exchange")
        check = findings(settings, secure=False, rights_checked=True, notes=notes)
        assert any(f"{min(shown)}–{max(shown)}" in line for line in check.facts), check.facts
        clock.tick()
        again = fetch(portal, database, tmp_path)  # nothing changed on the site: still held
        assert not again.confirmed and portal.committed_time() is None
        assert set(portal.order_updates()) - stored(database) == lost
        portal.set_time_limit_orders(None)  # the admin follows the advice
        clock.tick()
        final = fetch(portal, database, tmp_path)
        assert final.confirmed
        assert stored(database) == set(portal.order_updates())
        assert load_notes(tmp_path, portal.page_url(APP)).unreachable == ()
    finally:
        portal.stop()


def test_a_fetch_stopped_after_its_first_round_loses_nothing_at_the_boundary_second(
    clock: FakeClock, database: Database, tmp_path: Path
) -> None:
    """Orders saved in the second of the last one received, fetched and never stored."""
    portal = burst_portal(clock)
    cancel = threading.Event()
    latecomers: list[str] = []

    def meanwhile(stage: FetchStage, done: int, _total: int | None) -> None:
        if stage is FetchStage.STORING and done >= BURST and not latecomers:
            latecomers.extend(portal.add_orders(50))  # same second: clock not moved
        elif stage is FetchStage.DOWNLOADING and latecomers:
            cancel.set()  # the second query ran on the site; its answer is never stored

    try:
        with pytest.raises(FetchCancelledError):
            fetch(portal, database, tmp_path, progress=meanwhile, cancel=cancel)
        assert stored(database).isdisjoint(latecomers)
        rerun = fetch(portal, database, tmp_path)
        assert rerun.confirmed
        assert stored(database) == set(portal.order_updates())
    finally:
        portal.stop()


def test_a_fetch_stopped_between_rounds_of_a_killed_export_loses_nothing(
    clock: FakeClock, database: Database, tmp_path: Path
) -> None:
    portal = burst_portal(clock, time_limit_orders=250)
    cancel = threading.Event()

    def stop_in_round_two(stage: FetchStage, done: int, _total: int | None) -> None:
        if stage is FetchStage.STORING and done >= 250:
            cancel.set()

    try:
        with pytest.raises(FetchCancelledError):
            fetch(portal, database, tmp_path, progress=stop_in_round_two, cancel=cancel)
        assert portal.committed_time() is None
        rerun = fetch(portal, database, tmp_path)
        assert rerun.complete and rerun.confirmed
        assert stored(database) == set(portal.order_updates())
    finally:
        portal.stop()


# --- 1C's own exchange after an Order Review fetch -------------------------------------------


@pytest.mark.parametrize("mode", [PortalMode.OWN_PAGE, PortalMode.PEEK])
def test_1c_missing_the_orders_of_its_boundary_second_is_told_by_check_portal(
    clock: FakeClock, database: Database, tmp_path: Path, mode: PortalMode
) -> None:
    """1C stops after its INTERVAL in a second of 700 orders; the app's fetch logs the rest.

    The exchange log is the site's, not the page's (exchange.py): whatever the app does,
    its query marks those orders exported at 1C's bound second, and 1C's next exchange
    skips them. It cannot be prevented from the app, so `check portal` says what to change.
    """
    portal = burst_portal(clock, 700, orders_per_query=250)
    node = OneCNode(portal.page_url(ONEC), portal.user, portal.password, version="2.08")
    try:
        first = node.exchange()
        assert len(first.received) == 250
        report = fetch(portal, database, tmp_path, mode)
        assert report.new == 450  # all but what 1C has written back
        second = node.exchange()
        onec_total = len(first.received) + len(second.received)
        assert onec_total < 700  # the harm the emulator shows, as a real site would
        page = APP if mode is PortalMode.OWN_PAGE else ONEC
        settings = PortalSettings(url=portal.page_url(page), user="exchange", mode=mode)
        notes = load_notes(tmp_path, settings.url)
        assert notes.exchange_log is True
        advice = findings(settings, secure=False, rights_checked=True, notes=notes).advice
        assert any("INTERVAL" in line and "1С" in line for line in advice), advice
    finally:
        node.close()
        portal.stop()


def test_without_a_step_limit_1c_receives_all_700_after_an_app_fetch(
    clock: FakeClock, database: Database, tmp_path: Path
) -> None:
    portal = burst_portal(clock, 700)
    node = OneCNode(portal.page_url(ONEC), portal.user, portal.password, version="2.08")
    try:
        assert fetch(portal, database, tmp_path).new == 700
        assert len(node.exchange().received) == 700
    finally:
        node.close()
        portal.stop()


@pytest.mark.parametrize("mode", [PortalMode.OWN_PAGE, PortalMode.PEEK])
def test_a_fetch_between_1c_query_and_its_success(
    clock: FakeClock, database: Database, tmp_path: Path, mode: PortalMode
) -> None:
    """Peek on 1C's page rewrites the page's export time, which 1C's success then commits."""
    portal = burst_portal(clock, 5)
    node = OneCNode(portal.page_url(ONEC), portal.user, portal.password)
    try:
        node.checkauth()
        assert len(node.query()) == 5
        clock.tick()
        added = portal.add_orders(3)
        assert fetch(portal, database, tmp_path, mode).new == 8
        assert node.success() == "success"
        node.upload()
        later = node.exchange()
        if mode is PortalMode.OWN_PAGE:
            assert later.received == added  # the app's own page leaves 1C's cursor alone
            return
        assert set(added).isdisjoint(later.received)  # 1C committed the app's time
        settings = PortalSettings(url=portal.page_url(ONEC), user="exchange", mode=mode)
        advice = findings(settings, secure=False, rights_checked=True, notes=PageNotes("")).advice
        assert any("отдельной странице" in line for line in advice)
    finally:
        node.close()
        portal.stop()


# --- a large answer that breaks off again and again (issue 14, point 13) ------------------


def test_a_large_answer_cut_at_every_try_keeps_the_orders_that_came_whole(
    tmp_path: Path, database: Database
) -> None:
    from desktop_app.adapters.portal.exchange_errors import PortalTruncatedError

    with PortalEmulator(WORLD, orders=60) as portal:
        portal.inject(Fault("query", "truncate", times=10))
        with pytest.raises(PortalTruncatedError, match="сохранены"):
            fetch(portal, database, tmp_path, retries=1)
        kept = stored(database)
        assert 0 < len(kept) < 60  # the first half of each try, stored whole
        assert portal.committed_time() is None
        portal.clear_faults()
        final = fetch(portal, database, tmp_path)
        assert final.complete and final.confirmed
        assert stored(database) == set(portal.order_updates())
        assert final.new == 60 - len(kept) and final.unchanged == len(kept)


@pytest.mark.skipif(os.name == "nt", reason="SIGKILL is POSIX")
def test_a_fetch_killed_after_its_first_round_loses_nothing(tmp_path: Path) -> None:
    """SIGKILL between the rounds of an export PHP cuts at 250 orders out of 600."""
    from test_fetch_crash import configure, fetch_again, kill_at, stored_ids

    data_dir = tmp_path / "data"
    with PortalEmulator(WORLD, orders=0, time_limit_orders=250) as portal:
        portal.add_orders(BURST)  # one DATE_UPDATE second for all of them
        configure(data_dir, portal)
        kill_at(data_dir, tmp_path, "storing", 250)  # round 1 committed, round 2 not asked
        assert portal.committed_time() is None
        assert len(stored_ids(data_dir)) == 250
        rerun = fetch_again(data_dir)
        assert rerun.returncode == 0, rerun.stderr
        final = stored_ids(data_dir)
        assert sorted(final) == sorted(portal.order_updates())
        assert len(final) == len(set(final)) == BURST
        assert portal.exported_ids() == frozenset(final)
