"""The portal emulator's world around 1C's own exchange, over real HTTP on 127.0.0.1.

The older core that re-serves its last order, UPDATED_1C after a 1C round trip, 1C's upload
folder that `init` wipes, and the site-wide secure mode — each quirk's source is in the
emulator module that keeps it (exchange.py, orders_store.py, uploads.py).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from portal_helpers import APP, ONEC, Client, FakeClock, PortalFactory, order_ids, save

from desktop_app.emulators.portal import PortalEmulator
from desktop_app.emulators.portal import bitrix_messages as words
from desktop_app.emulators.portal.onec_node import OneCNode, reply_document
from desktop_app.emulators.world import World

WORLD = World.generate(12, buyers=20, start=dt.date(2025, 11, 3))


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def make_portal(clock: FakeClock) -> Iterator[PortalFactory]:
    factory = PortalFactory(WORLD, clock, orders=5)
    yield factory
    factory.stop_all()


@pytest.fixture
def clients() -> Iterator[Callable[[PortalEmulator, str], Client]]:
    made: list[Client] = []

    def make(portal: PortalEmulator, page: str = APP) -> Client:
        client = Client(portal, page)
        made.append(client)
        return client

    yield make
    for client in made:
        client.close()


def node_for(portal: PortalEmulator, **options: object) -> OneCNode:
    return OneCNode(portal.page_url(ONEC), portal.user, portal.password, **options)  # type: ignore[arg-type]


def query(client: Client, folder: Path) -> list[str]:
    return order_ids(save(client.call("query").content, folder))


# --- the boundary order: older core vs newer core ---------------------------------------


def test_older_core_serves_its_last_order_again_in_every_query(
    make_portal: Callable[..., PortalEmulator],
    clients: Callable[..., Client],
    tmp_path: Path,
) -> None:
    portal = make_portal(exchange_log=False)
    client = clients(portal)
    client.checkauth()
    every = query(client, tmp_path)
    assert len(every) == 5
    assert query(client, tmp_path) == every[-1:]  # same session: `>=` its own last order
    assert query(client, tmp_path) == every[-1:]  # and again, however often one asks
    assert client.text("success") == "success\n"
    later = clients(portal)
    later.checkauth()
    assert query(later, tmp_path) == every[-1:]  # a new exchange: `>=` the committed time


def test_newer_core_skips_the_boundary_order_it_logged(
    make_portal: Callable[..., PortalEmulator],
    clients: Callable[..., Client],
    tmp_path: Path,
) -> None:
    portal = make_portal()
    client = clients(portal)
    client.checkauth()
    assert len(query(client, tmp_path)) == 5
    assert query(client, tmp_path) == []
    client.text("success")
    later = clients(portal)
    later.checkauth()
    assert query(later, tmp_path) == []


# --- UPDATED_1C ---------------------------------------------------------------------------


def test_a_1c_round_trip_takes_its_orders_off_every_page_until_edited(
    make_portal: Callable[..., PortalEmulator],
    clients: Callable[..., Client],
    tmp_path: Path,
    clock: FakeClock,
) -> None:
    portal = make_portal()
    with node_for(portal) as node:
        round_trip = node.exchange()
    assert round_trip.ok, round_trip.answers
    assert list(round_trip.answers) == ["checkauth", "query", "success", "file"]
    assert portal.written_back_ids() == frozenset(round_trip.received)
    app = clients(portal)
    app.checkauth()
    assert query(app, tmp_path) == []  # the app's own page, never confirmed: still nothing
    clock.tick(60)
    portal.edit_order(round_trip.received[1])
    again = clients(portal)
    again.checkauth()
    assert query(again, tmp_path) == [round_trip.received[1]]
    assert round_trip.received[1] not in portal.written_back_ids()


def test_1c_documents_find_their_order_by_its_number_when_the_id_is_1c_own(
    make_portal: Callable[..., PortalEmulator], clients: Callable[..., Client]
) -> None:
    portal = make_portal()
    number = WORLD.order(2).number
    assert number is not None
    client = clients(portal, ONEC)
    client.checkauth()
    body = (
        '<?xml version="1.0" encoding="windows-1251"?>\n<КоммерческаяИнформация>'
        "<Документ><Ид>1c-guid-not-an-order-id</Ид>"
        f"<Номер>{number}</Номер></Документ></КоммерческаяИнформация>"
    ).encode("cp1251")
    answer = client.http.post(
        client.url, params={"type": "sale", "mode": "file", "filename": "a.xml"}, data=body
    )
    assert answer.content.decode("cp1251") == "success\n"  # no version: loaded at once
    assert portal.written_back_ids() == frozenset({"2"})


# --- 1C's upload folder ----------------------------------------------------------------------


def test_an_init_between_1c_file_and_import_destroys_1c_upload(
    make_portal: Callable[..., PortalEmulator], clients: Callable[..., Client]
) -> None:
    portal = make_portal()
    with node_for(portal, version="2.08") as node:
        node.checkauth()
        assert node.init().startswith("zip=")
        received = node.query()
        assert node.success() == "success"
        assert node.upload() == "success"  # a versioned node: the file waits for import
        assert portal.upload_files() == {"orders-from-1c.xml": len(reply_document(received))}
        other = clients(portal)
        other.checkauth()
        assert other.text("init", with_sessid=False).startswith("zip=")  # any client, any page
        assert portal.upload_files() == {}
        assert node.load() == "failure"
        assert node.round.answers["import"] == "failure"
    assert portal.written_back_ids() == frozenset()


def test_with_temporary_folders_an_init_leaves_1c_upload_alone(
    make_portal: Callable[..., PortalEmulator], clients: Callable[..., Client]
) -> None:
    portal = make_portal(use_temp_dir=True)
    with node_for(portal, version="2.08") as node:
        node.checkauth()
        node.init()
        node.query()
        node.success()
        node.upload()
        other = clients(portal)
        other.checkauth()
        other.text("init", with_sessid=False)
        assert node.load() == "success"
    assert len(portal.written_back_ids()) == 5


def test_file_before_any_init_has_no_temporary_folder(
    make_portal: Callable[..., PortalEmulator], clients: Callable[..., Client]
) -> None:
    portal = make_portal(use_temp_dir=True)
    client = clients(portal)
    client.checkauth()
    answer = client.http.post(
        client.url, params={"type": "sale", "mode": "file", "filename": "a.xml"}, data=b"<x/>"
    )
    assert answer.content.decode("cp1251") == "failure\n" + words.EMPTY_CML


# --- secure mode ---------------------------------------------------------------------------


def test_a_1c_node_without_sessid_fails_on_a_secured_site(
    make_portal: Callable[..., PortalEmulator],
) -> None:
    portal = make_portal(secure_exchange=True)
    with node_for(portal) as node:
        round_trip = node.exchange()
    assert not round_trip.ok
    assert round_trip.answers["checkauth"] == "success"  # checkauth is never checked
    assert round_trip.answers["success"] == "failure"
    assert portal.written_back_ids() == frozenset()
    with node_for(portal, send_sessid=True) as careful:
        assert careful.exchange().ok
    assert len(portal.written_back_ids()) == 5


def test_one_request_with_sessid_secures_the_whole_site(
    make_portal: Callable[..., PortalEmulator], clients: Callable[..., Client]
) -> None:
    portal = make_portal()
    app = clients(portal)
    app.checkauth()
    assert app.text("info").startswith("<?xml")  # with sessid: secure mode is on from now
    assert portal.secure_exchange
    with node_for(portal) as node:
        round_trip = node.exchange()
    assert round_trip.answers["query"].startswith("failure")
