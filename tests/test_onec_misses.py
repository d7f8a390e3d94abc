"""Orders 1C was faster to: 1C's own exchange loaded them from the site and sent them back
before the app fetched, so the site serves them to no page (`UPDATED_1C`, GUIDE §3). The app
finds them from 1C's side, lists them as «есть в 1С, не получен с портала» and lets the
manager review them from 1C's data — in every exchange setup, over real HTTP."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest
from portal_helpers import FakeClock
from push_scene import IMPORTED, PORTAL_ORDERS, connection, fill, make_world, order_1c, push_all

from desktop_app.adapters.onec.odata_client import ODataClient
from desktop_app.adapters.onec.publication import read_metadata
from desktop_app.domain.decisions import WriteState
from desktop_app.domain.onec_documents import OneCCustomerOrder
from desktop_app.domain.onec_only_order import needs_review, order_from_onec
from desktop_app.domain.order_link import LinkKind, OrderLink, bitrix
from desktop_app.emulators.exchange_setup import ExchangeSetup
from desktop_app.emulators.onec import OneCEmulator
from desktop_app.emulators.onec.seed_records import SITE_NUMBER_PROPERTY
from desktop_app.emulators.portal import PortalEmulator
from desktop_app.emulators.portal.onec_node import OneCNode
from desktop_app.emulators.world import World
from desktop_app.services.decision_service import DecisionService, Replacement
from desktop_app.services.export_errors import ExportError
from desktop_app.services.export_service import find_order
from desktop_app.services.fetch_service import FetchReport, fetch_orders
from desktop_app.services.onec_orders import StatesReport, refresh_order_states
from desktop_app.services.order_link_detection import detect
from desktop_app.services.settings import PortalSettings
from desktop_app.store.database import Database
from desktop_app.store.incoming import IncomingOrder
from desktop_app.store.onec_only_orders import OneCOnlyOrders
from desktop_app.store.onec_order_repository import OneCOrderRepository
from desktop_app.store.order_repository import OrderRepository
from desktop_app.store.queue_repository import QueueRepository
from desktop_app.store.queue_rows import QueueRow

ALL = tuple(ExchangeSetup)
LATE = 4
"""Orders placed after the app's first fetch, which 1C's exchange takes first."""


@dataclass
class Race:
    world: World
    portal: PortalEmulator
    onec: OneCEmulator
    database: Database
    data_dir: Path
    late: list[str]
    """Ид of the orders 1C loaded and sent back before the app's second fetch."""
    clock: FakeClock
    link: OrderLink | None = None

    def fetch(self) -> FetchReport:
        self.clock.tick(60)
        settings = PortalSettings(url=self.portal.page_url(), user=self.portal.user)
        return fetch_orders(settings, self.portal.password, self.database, self.data_dir / "w")

    def read_1c(self) -> StatesReport:
        with ODataClient(connection(self.onec)) as client:
            if self.link is None:
                publication = read_metadata(client.metadata(), client.root)
                keys = OneCOrderRepository(self.database).portal_keys()
                self.link = detect(client, publication, keys).link
            return refresh_order_states(client, self.database, self.link)

    def rows(self) -> dict[str, QueueRow]:
        return {r.portal_id: r for r in QueueRepository(self.database).queue(limit=1000)}

    def from_onec(self) -> list[QueueRow]:
        return [row for row in self.rows().values() if row.from_onec]


@pytest.fixture(scope="module")
def world() -> World:
    return make_world()


@pytest.fixture(params=ALL, ids=[s.value for s in ALL])
def setup(request: pytest.FixtureRequest) -> ExchangeSetup:
    return request.param  # type: ignore[no-any-return]


@pytest.fixture
def race(world: World, setup: ExchangeSetup, tmp_path: Path) -> Iterator[Race]:
    """The app fetched the portal's first orders; then buyers ordered again, and 1C's own
    exchange loaded the new orders and sent them back before the app's next fetch."""
    clock = FakeClock()
    with (
        PortalEmulator(world, orders=PORTAL_ORDERS, clock=clock) as portal,
        OneCEmulator(world.with_exchange(setup), orders=IMPORTED) as onec,
    ):
        data = tmp_path / "data"
        fill(data, portal, onec)
        clock.tick(60)
        late = portal.add_orders(LATE)
        clock.tick(60)
        node = OneCNode(portal.page_url(PortalEmulator.ONEC_PAGE), portal.user, portal.password)
        with node:
            assert node.exchange().ok
        for order_id in late:
            onec.import_order(int(order_id))
        assert set(late) <= portal.written_back_ids()
        with Database.open(data) as database:
            yield Race(world, portal, onec, database, data, late, clock)


def needing_review(race: Race) -> set[str]:
    """Ид of the late orders whose 1C order the manager must see: an empty counterparty, or
    (1C's standard exchange) one the exchange chose."""
    found = set()
    for order_id in race.late:
        row = order_1c(race.onec, race.world.order(int(order_id)).number)
        empty = row["Контрагент_Key"] == "00000000-0000-0000-0000-000000000000"
        if empty or race.onec.exchange is ExchangeSetup.SITE_EXCHANGE:
            found.add(order_id)
    return found


def test_an_order_1c_wrote_back_before_the_fetch_is_listed_from_1c(race: Race) -> None:
    report = race.fetch()
    assert report.new == 0  # the site serves them to no page any more
    expected = needing_review(race)
    assert expected, "the scene needs a late order of a buyer 1C did not know"

    states = race.read_1c()

    listed = race.from_onec()
    numbers = {row.number or row.portal_id for row in listed}
    assert numbers == {race.world.order(int(i)).number for i in expected}
    assert states.missed.new == len(expected)
    for row in listed:
        portal_order = race.world.order(int(row.number or row.portal_id))
        assert row.total == portal_order.total
        assert row.order_date == portal_order.date
        state = OneCOrderRepository(race.database).state(row.portal_id)
        assert state is not None  # what 1C's order holds is read with the rest
        if race.onec.exchange is ExchangeSetup.SITE_EXCHANGE:
            assert state.counterparty is not None
            assert row.buyer_name == state.counterparty.name  # reviewed from 1C's data
            assert row.buyer_inn == state.counterparty.inn
        else:
            assert state.counterparty is None and row.buyer_name is None

    again = race.read_1c()  # reading again lists nothing twice
    assert again.missed.new == 0 and len(race.from_onec()) == len(listed)


def test_the_portal_s_own_copy_takes_the_place_of_the_one_from_1c(race: Race) -> None:
    race.read_1c()
    before = race.from_onec()
    chosen = before[0]
    shown = chosen.number or chosen.portal_id
    portal_id = next(i for i in race.late if race.world.order(int(i)).number == shown)
    race.clock.tick(60)
    race.portal.edit_order(portal_id)  # an edit on the site serves it again

    report = race.fetch()

    assert report.new == 0 and report.changed == 1  # the same order, not a second one
    rows = race.rows()
    assert portal_id in rows and not rows[portal_id].from_onec
    assert rows[portal_id].revisions == 2
    assert len(race.from_onec()) == len(before) - 1
    assert len(rows) == PORTAL_ORDERS + len(before)


def test_an_order_from_1c_is_reviewed_and_written_to_its_1c_order(race: Race) -> None:
    race.read_1c()
    row = race.from_onec()[0]
    known = next(c for c in race.onec.entities("Catalog_Контрагенты") if c["ИНН"] and c["КПП"])
    number = row.number or row.portal_id
    held = order_1c(race.onec, number)["Контрагент_Key"]
    site = race.onec.exchange is ExchangeSetup.SITE_EXCHANGE
    replace = Replacement(held, False) if site else None  # the exchange's choice, replaced
    DecisionService(race.database).link(row.portal_id, known["Ref_Key"], replace)

    assert push_all(race.database, race.onec).count(WriteState.WRITTEN) == 1
    assert order_1c(race.onec, number)["Контрагент_Key"] == known["Ref_Key"]


# --- the store's rules ---------------------------------------------------------------------


def _one_c_order(number: str, counterparty: str | None = None) -> OneCCustomerOrder:
    return OneCCustomerOrder(
        ref_key=f"00000000-0000-0000-0000-{int(number):012d}", data_version="1",
        number=f"0000-{int(number):06d}", date=dt.datetime(2026, 11, 20, 10, 0), posted=False,
        deletion_mark=False, partner_key=None, counterparty_key=counterparty,
        organization_key=None, client_number=None, total=Decimal("1500.00"), comment=None,
    )  # fmt: skip


def test_what_the_portal_sent_is_never_overwritten_from_1c(tmp_path: Path) -> None:
    world = make_world()
    with Database.open(tmp_path) as database:
        repository = OrderRepository(database)
        fetch = repository.start_fetch("https://b2b.example.ru/exchange/", "own-page")
        portal_order = world.order(3)
        repository.store_batch(fetch, [IncomingOrder(portal_order, 1, b"<x/>", "utf-8")])
        link = bitrix()
        from_1c = order_from_onec(_one_c_order("3"), portal_order.id, link, None)
        other = order_from_onec(_one_c_order("99"), "99", link, None)

        counts = OneCOnlyOrders(database).store([from_1c, other])

        assert (counts.new, counts.changed) == (1, 0)
        queue = QueueRepository(database)
        assert queue.order(portal_order.id) == portal_order
        assert not queue.from_onec(portal_order.id) and queue.from_onec("99")
        keys = OneCOrderRepository(database).portal_keys()  # what `check onec` compares
        assert "99" not in keys.ids and portal_order.id in keys.ids
        with pytest.raises(ExportError, match="известен только из 1С"):
            find_order(queue, "99")  # no portal lines: the invoice is 1C's business


def test_a_1c_order_someone_settled_in_1c_is_not_listed() -> None:
    link = bitrix()
    assert needs_review(_one_c_order("5"), link)
    assert not needs_review(_one_c_order("5", "11111111-1111-1111-1111-111111111111"), link)
    deleted = dataclasses.replace(_one_c_order("5"), deletion_mark=True)
    assert not needs_review(deleted, link)
    chosen = OrderLink(LinkKind.PROPERTY, property_key=SITE_NUMBER_PROPERTY)
    assert needs_review(_one_c_order("5", "11111111-1111-1111-1111-111111111111"), chosen)
