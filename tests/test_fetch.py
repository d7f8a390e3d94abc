"""Fetching from the portal end to end: emulator over real HTTP → exchange client → store."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_app.adapters.portal.exchange_errors import (
    FetchCancelledError,
    PortalAuthError,
    PortalEmptyAnswerError,
    PortalPageError,
    PortalTruncatedError,
)
from desktop_app.domain.review_state import ReviewState
from desktop_app.emulators.portal import Fault, PortalEmulator
from desktop_app.emulators.world import World
from desktop_app.services.fetch_service import FetchReport, FetchStage, fetch_orders
from desktop_app.services.settings import PortalMode, PortalSettings
from desktop_app.store.database import Database
from desktop_app.store.queue_repository import QueueRepository


def settings_for(
    portal: PortalEmulator, mode: PortalMode = PortalMode.OWN_PAGE, **options: object
) -> PortalSettings:
    page = PortalEmulator.APP_PAGE if mode is PortalMode.OWN_PAGE else PortalEmulator.ONEC_PAGE
    return PortalSettings(url=portal.page_url(page), user="exchange", mode=mode, **options)  # type: ignore[arg-type]


@pytest.fixture
def database(tmp_path: Path) -> Iterator[Database]:
    with Database.open(tmp_path / "data") as db:
        yield db


def fetch(
    portal: PortalEmulator,
    database: Database,
    tmp_path: Path,
    mode: PortalMode = PortalMode.OWN_PAGE,
    **options: object,
) -> FetchReport:
    return fetch_orders(
        settings_for(portal, mode, **options), "secret", database, tmp_path / "work"
    )


def stored_ids(database: Database) -> set[str]:
    return {row.portal_id for row in QueueRepository(database).queue(limit=100_000)}


def test_whole_round_then_edits_and_new_orders(
    portal: PortalEmulator, database: Database, tmp_path: Path
) -> None:
    first = fetch(portal, database, tmp_path)
    assert (first.new, first.changed, first.unchanged, first.quarantined) == (40, 0, 0, 0)
    assert first.confirmed and first.complete
    assert portal.exported_ids() == stored_ids(database)

    again = fetch(portal, database, tmp_path)
    assert again.new == 0 and again.changed == 0

    edited = sorted(portal.order_updates())[3]
    portal.edit_order(edited)
    added = portal.add_orders(2)
    third = fetch(portal, database, tmp_path)
    assert (third.new, third.changed) == (2, 1)
    assert stored_ids(database) >= set(added) | {edited}
    history = QueueRepository(database).history(edited)
    assert [r.number for r in history] == [1, 2]
    assert history[1].changed  # the edit is visible as named fields
    assert history[0].has_source and history[1].has_source
    (row,) = [r for r in QueueRepository(database).queue(limit=100) if r.portal_id == edited]
    assert row.revisions == 2 and row.review_state is ReviewState.NEW


def test_source_bytes_are_kept_exactly(
    portal: PortalEmulator, database: Database, tmp_path: Path
) -> None:
    fetch(portal, database, tmp_path)
    some_id = sorted(portal.order_updates())[0]
    source = QueueRepository(database).source_document(some_id)
    assert source is not None
    assert source.startswith("<Документ>".encode("cp1251"))
    assert f"<Ид>{some_id}</Ид>".encode("cp1251") in source


def test_peek_never_confirms(portal: PortalEmulator, database: Database, tmp_path: Path) -> None:
    first = fetch(portal, database, tmp_path, PortalMode.PEEK)
    second = fetch(portal, database, tmp_path, PortalMode.PEEK)
    assert first.new == 40 and not first.confirmed
    assert second.unchanged == 40  # never confirmed, so exported again: an upsert, not new
    assert "success" not in [r.mode for r in portal.requests]
    assert portal.committed_time(PortalEmulator.ONEC_PAGE) is None
    assert portal.exported_ids(PortalEmulator.ONEC_PAGE) == frozenset()


def test_success_comes_only_after_the_store_committed(
    portal: PortalEmulator, database: Database, tmp_path: Path
) -> None:
    seen_at_confirmation: list[int] = []

    def progress(stage: FetchStage, _done: int, _total: int | None) -> None:
        if stage is FetchStage.CONFIRMING:
            # Another connection, so only committed data is visible.
            with Database.open(tmp_path / "data") as other:
                seen_at_confirmation.append(len(stored_ids(other)))

    fetch_orders(settings_for(portal), "secret", database, tmp_path / "work", progress=progress)
    assert seen_at_confirmation[0] == 40
    assert [r.mode for r in portal.requests].count("success") == len(seen_at_confirmation)


def test_a_query_cut_short_by_the_portal_is_continued(tmp_path: Path) -> None:
    """Bitrix stops a query after INTERVAL seconds; the fetch asks again until nothing comes."""
    world = World.generate(seed=4, buyers=20)
    for mode in (PortalMode.OWN_PAGE, PortalMode.PEEK):
        with (
            PortalEmulator(world, orders=40, orders_per_query=15) as portal,
            Database.open(tmp_path / mode.value) as database,
        ):
            report = fetch(portal, database, tmp_path, mode)
            assert report.new == 40, mode
            assert len(stored_ids(database)) == 40


@pytest.mark.parametrize("zipped", [False, True])
def test_zip_and_utf8_answers(tmp_path: Path, zipped: bool) -> None:
    world = World.generate(seed=9, buyers=15)
    with (
        PortalEmulator(world, orders=12, encoding="utf-8", zip_answer=zipped) as portal,
        Database.open(tmp_path / "data") as database,
    ):
        report = fetch(portal, database, tmp_path)
        assert report.new == 12
        order = QueueRepository(database).order(sorted(portal.order_updates())[0])
        assert order is not None and order.buyer is not None and order.buyer.name


def test_cut_answer_is_repeated_and_nothing_is_lost(
    portal: PortalEmulator, database: Database, tmp_path: Path
) -> None:
    portal.inject(Fault("query", "truncate"))
    report = fetch(portal, database, tmp_path)
    assert report.new == 40 and report.confirmed


def test_answer_cut_for_good_is_not_confirmed(
    portal: PortalEmulator, database: Database, tmp_path: Path
) -> None:
    portal.inject(Fault("query", "truncate", times=10))
    with pytest.raises(PortalTruncatedError):
        fetch(portal, database, tmp_path, retries=1)
    assert portal.committed_time() is None
    assert "success" not in [r.mode for r in portal.requests]


def test_php_fatal_error_mid_answer_keeps_what_came_and_the_same_session_goes_on(
    portal: PortalEmulator, database: Database, tmp_path: Path
) -> None:
    """PHP died part-way: its session's cursor stops after the last order PHP wrote.

    So the next query of the same session brings the rest (a new session would start over
    and die at the same place again, issue 14); `success` follows the answer that ended.
    """
    portal.inject(Fault("query", "php_fatal"))  # "Fatal error: Allowed memory size …"
    report = fetch(portal, database, tmp_path)
    assert report.complete and report.confirmed and report.new == 40
    assert report.problems == ()
    modes = [r.mode for r in portal.requests]
    assert modes[:3] == ["checkauth", "query", "query"]  # no new login between the two
    assert modes.count("success") == 1 and modes[-1] == "success"
    assert len(stored_ids(database)) == 40
    assert portal.exported_ids() == frozenset(stored_ids(database))


def test_a_portal_dying_in_every_query_is_never_confirmed(
    portal: PortalEmulator, database: Database, tmp_path: Path
) -> None:
    portal.inject(Fault("query", "php_fatal", times=100))
    report = fetch(portal, database, tmp_path)
    assert not report.complete and not report.confirmed
    assert 0 < report.new < 40
    assert any("оборван" in p or "Fatal error" in p for p in report.problems)
    assert portal.committed_time() is None
    portal.clear_faults()
    final = fetch(portal, database, tmp_path)  # the next fetch gets everything
    assert final.complete and final.confirmed
    assert len(stored_ids(database)) == 40


@pytest.mark.parametrize(
    ("fault", "error", "words"),
    [
        (Fault("checkauth", "html500"), PortalPageError, "веб-страниц"),
        (Fault("checkauth", "php_fatal"), PortalPageError, "Fatal error"),
        (
            Fault("checkauth", "php_fatal", message="Warning: headers already sent"),
            PortalPageError,
            "headers already sent",
        ),
        (Fault("query", "empty"), PortalEmptyAnswerError, "пустой ответ"),
    ],
)
def test_faults_leave_the_store_and_the_cursor_alone(
    portal: PortalEmulator,
    database: Database,
    tmp_path: Path,
    fault: Fault,
    error: type[Exception],
    words: str,
) -> None:
    portal.inject(fault)
    with pytest.raises(error) as caught:
        fetch(portal, database, tmp_path)
    assert words in str(caught.value)
    assert stored_ids(database) == set()
    assert portal.committed_time() is None
    (last,) = QueueRepository(database).last_fetches(1)
    assert last.status.value == "failed" and last.error


def test_wrong_password(portal: PortalEmulator, database: Database, tmp_path: Path) -> None:
    with pytest.raises(PortalAuthError):
        fetch_orders(settings_for(portal), "wrong", database, tmp_path / "work")


def test_work_folder_is_cleaned(portal: PortalEmulator, database: Database, tmp_path: Path) -> None:
    fetch(portal, database, tmp_path)
    assert not (tmp_path / "work").exists()


def test_cancel_stops_a_slow_download(
    portal: PortalEmulator, database: Database, tmp_path: Path
) -> None:
    """A user's cancel ends the fetch mid-download; nothing is confirmed."""
    portal.inject(Fault("query", "stall", seconds=30))
    cancel = threading.Event()

    def progress(stage: FetchStage, done: int, _total: int | None) -> None:
        if stage is FetchStage.DOWNLOADING and done > 0:
            cancel.set()

    with pytest.raises(FetchCancelledError):
        fetch_orders(
            settings_for(portal), "secret", database, tmp_path / "work",
            progress=progress, cancel=cancel,
        )  # fmt: skip
    assert portal.committed_time() is None
    (last,) = QueueRepository(database).last_fetches(1)
    assert last.status.value == "failed"
