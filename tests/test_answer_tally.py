"""Within one fetch each order is counted once, as the strongest outcome it had.

An order can be stored more than once in a fetch: the whole orders of a cut answer are kept
before the answer is asked again (the repeat brings them once more), a query after a cut one
brings the same orders again, and one answer can hold the same `Ид` twice. The store answers
NEW the first time and UNCHANGED after that; the report must still say NEW. The ranking:
NEW over CHANGED over UNCHANGED (`AnswerTally.record`).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from desktop_app.adapters.portal.commerceml_reader import CommerceMLReader
from desktop_app.emulators.bitrix_commerceml import write_orders
from desktop_app.emulators.portal import Fault, PortalEmulator
from desktop_app.emulators.world import World
from desktop_app.services import answer_store, fetch_rounds
from desktop_app.services.answer_store import AnswerTally, store_answer
from desktop_app.services.fetch_service import fetch_orders
from desktop_app.services.settings import PortalSettings
from desktop_app.store.database import Database
from desktop_app.store.order_repository import FetchCounts, OrderRepository, UpsertOutcome

NEW, CHANGED, UNCHANGED = UpsertOutcome.NEW, UpsertOutcome.CHANGED, UpsertOutcome.UNCHANGED
WORLD = World.generate(seed=47, buyers=20)


@pytest.mark.parametrize(
    ("seen", "counted"),
    [
        ((NEW, UNCHANGED), NEW),
        ((NEW, CHANGED), NEW),
        ((CHANGED, NEW), NEW),
        ((UNCHANGED, CHANGED), CHANGED),
        ((CHANGED, UNCHANGED), CHANGED),
        ((UNCHANGED, UNCHANGED, NEW, UNCHANGED), NEW),
    ],
)
def test_the_strongest_outcome_of_an_order_wins(
    seen: tuple[UpsertOutcome, ...], counted: UpsertOutcome
) -> None:
    tally = AnswerTally()
    for outcome in seen:
        tally.record("7", outcome)
    assert tally.outcomes == {"7": counted}
    assert tally.count(counted) == 1 and tally.documents == 1


def test_rounds_add_up_to_each_order_once_as_what_it_was_first() -> None:
    """A cut answer's orders come again in the next round, now unchanged."""
    first, second = AnswerTally(), AnswerTally()
    for portal_id in ("1", "2", "3"):
        first.record(portal_id, NEW)
    second.record("2", UNCHANGED)
    second.record("3", CHANGED)  # edited on the site between the rounds
    second.record("4", UNCHANGED)
    assert fetch_rounds.counts([first, second]) == FetchCounts(new=3, unchanged=1)


def test_an_order_stored_in_two_batches_of_one_answer_counts_once_as_new(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    orders = list(WORLD.orders(3))
    path = tmp_path / "answer.xml"
    with path.open("wb") as stream:  # the first order again at the end of the answer
        write_orders(stream, [*orders, orders[0]], generated_at=dt.datetime(2026, 5, 5))
    monkeypatch.setattr(answer_store, "BATCH_SIZE", 1)  # each copy a transaction of its own
    with Database.open(tmp_path / "data") as database:
        repository = OrderRepository(database)
        fetch_id = repository.start_fetch("https://portal.test/exchange.php", "own-page")
        tally = AnswerTally()
        reader = CommerceMLReader(path)
        store_answer(repository, fetch_id, reader, reader.documents(), tally, stored=lambda _: None)
    assert tally.outcomes == {order.id: NEW for order in orders}


def test_a_cut_answer_asked_again_reports_every_order_new(tmp_path: Path) -> None:
    """Its whole orders are stored before the repeat, which brings them again, unchanged."""
    with (
        PortalEmulator(WORLD, orders=40) as portal,
        Database.open(tmp_path / "data") as database,
    ):
        portal.inject(Fault("query", "truncate"))  # the first answer breaks off halfway
        settings = PortalSettings(url=portal.page_url(), user="exchange")
        report = fetch_orders(settings, "secret", database, tmp_path / "work")
        assert report.complete and report.confirmed
        assert (report.new, report.changed, report.unchanged) == (40, 0, 0)
