"""The link of an order to 1C in each exchange setup (GUIDE §5), over real HTTP: the setup
found from 1C, the 1C order found where the exchange keeps it, what 1C's standard exchange put
on the order shown and replaced only explicitly, duplicates marked for deletion, posted orders
re-posted."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from push_scene import (
    IMPORTED,
    PORTAL_ORDERS,
    carries,
    connection,
    context,
    fill,
    make_world,
    order_1c,
    push_all,
)

from desktop_app.adapters.onec.odata_client import ODataClient
from desktop_app.adapters.onec.publication import read_metadata
from desktop_app.adapters.onec.site_orders import site_orders_since
from desktop_app.domain.counterparty import CounterpartyKind
from desktop_app.domain.decisions import StepKind, StepState, WriteState
from desktop_app.domain.order_link import LinkKind, SiteKey
from desktop_app.emulators.exchange_setup import ExchangeSetup
from desktop_app.emulators.onec import OneCEmulator
from desktop_app.emulators.onec.seed_records import SITE_NUMBER_PROPERTY, UNKNOWN_PARTNER
from desktop_app.emulators.portal import PortalEmulator
from desktop_app.emulators.world import World
from desktop_app.services.decision_service import (
    DecisionError,
    DecisionService,
    HeldByOtherError,
    Replacement,
)
from desktop_app.services.onec_orders import refresh_order_states
from desktop_app.services.order_link_detection import detect
from desktop_app.services.order_steps import PushContext
from desktop_app.services.push_service import push
from desktop_app.store.database import Database
from desktop_app.store.decision_repository import DecisionRepository
from desktop_app.store.onec_order_repository import OneCOrderRepository
from desktop_app.store.queue_repository import QueueRepository
from desktop_app.wording.onec_orders import order_words, sign_text
from desktop_app.wording.registry import said_text

CP = "Catalog_Контрагенты"
ORDERS = "Document_ЗаказКлиента"
ALL = tuple(ExchangeSetup)
SCENE_ORDERS = PORTAL_ORDERS + 4
"""Enough orders past the imported ones for a legal entity none of whose orders 1C has yet
(order 27 of the scene's world: its users order for several legal entities)."""
WORDS = {
    ExchangeSetup.BITRIX_MODULE: ("модуль обмена 1С-Битрикс", "поле «Б_Идентификатор»"),
    ExchangeSetup.SITE_EXCHANGE: ("стандартный «Обмен с сайтом»", "«Номер заказа на сайте»"),
    ExchangeSetup.CUSTOM: ("свой (доработанный) обмен", "поле «НомерПоДаннымКлиента»"),
}


@pytest.fixture(scope="module")
def world() -> World:
    return make_world()


@pytest.fixture(params=ALL, ids=[s.value for s in ALL])
def setup(request: pytest.FixtureRequest) -> ExchangeSetup:
    return request.param  # type: ignore[no-any-return]


@pytest.fixture
def scene(
    world: World, setup: ExchangeSetup, tmp_path: Path
) -> Iterator[tuple[Database, OneCEmulator]]:
    with (
        PortalEmulator(world, orders=SCENE_ORDERS) as portal,
        OneCEmulator(world.with_exchange(setup), orders=IMPORTED) as onec,
    ):
        fill(tmp_path / "data", portal, onec)
        with Database.open(tmp_path / "data") as database:
            yield database, onec


def new_buyers(database: Database, world: World, *, imported: bool = True) -> list[Any]:
    """Queue rows of legal entities 1C did not know before its exchange ran; with
    `imported=False`, of entities none of whose orders 1C's exchange has brought in yet (a
    legal entity is its ИНН and КПП: one portal user may order for several)."""
    known = {(b.counterparty.inn, b.counterparty.kpp) for b in world.buyers if b.known_in_onec}
    if not imported:
        parties = (world.order(n).buyer for n in range(1, IMPORTED + 1))
        known |= {(p.inn, p.kpp) for p in parties if p is not None}
    rows = []
    for row in QueueRepository(database).queue(limit=1000):
        buyer = world.order(int(row.number or 0)).buyer
        if buyer is None or buyer.kind is not CounterpartyKind.LEGAL:
            continue
        if (buyer.inn, buyer.kpp) in known:
            continue
        if (int(row.number or 0) <= IMPORTED) == imported and row.buyer_inn and row.buyer_kpp:
            rows.append(row)
    return rows


def detected(database: Database, onec: OneCEmulator) -> Any:
    with ODataClient(connection(onec)) as client:
        publication = read_metadata(client.metadata(), client.root)
        return detect(client, publication, OneCOrderRepository(database).portal_keys())


# --- the setup, found from 1C -----------------------------------------------------------------


def test_the_setup_is_detected_and_said_in_words(
    scene: tuple[Database, OneCEmulator], setup: ExchangeSetup
) -> None:
    database, onec = scene
    found = detected(database, onec)
    kind = {ExchangeSetup.BITRIX_MODULE: LinkKind.BITRIX,
            ExchangeSetup.SITE_EXCHANGE: LinkKind.PROPERTY,
            ExchangeSetup.CUSTOM: LinkKind.FIELD}[setup]  # fmt: skip
    assert found.link.kind is kind
    assert found.link.holds is (
        SiteKey.ID if setup is ExchangeSetup.BITRIX_MODULE else SiteKey.NUMBER
    )
    text = " ".join(found.lines)
    for words in WORDS[setup]:
        assert words in text
    assert f"Так в {IMPORTED} из {IMPORTED} последних заказов 1С" in text
    if setup is ExchangeSetup.SITE_EXCHANGE:
        assert found.link.property_key == SITE_NUMBER_PROPERTY
        assert "сам подбирает или создаёт контрагента" in text


def test_without_portal_orders_the_setup_stays_unknown(
    world: World, setup: ExchangeSetup, tmp_path: Path
) -> None:
    with (
        OneCEmulator(world.with_exchange(setup), orders=IMPORTED) as onec,
        Database.open(tmp_path / "empty") as database,
    ):
        found = detected(database, onec)
    assert not found.link.known and not found.failed
    assert "В программе ещё нет заказов портала" in found.lines[0]


@pytest.mark.parametrize("setup", [ExchangeSetup.CUSTOM], indirect=True, ids=["custom"])
def test_an_unknown_setup_makes_the_link_wait_saying_why(
    scene: tuple[Database, OneCEmulator], world: World
) -> None:
    database, onec = scene
    for order in onec.entities(ORDERS):  # an exchange that keeps the number somewhere else
        onec.set_fields(ORDERS, order["Ref_Key"], НомерПоДаннымКлиента=f"№{order['Number']}")
    found = detected(database, onec)
    assert not found.link.known and found.failed
    assert found.lines[0].startswith(f"Ни в одном из {IMPORTED} последних заказов 1С нет номера")
    order = new_buyers(database, world)[0]
    DecisionService(database).create(order.portal_id)
    why = found.lines[0]
    report = push(database, connection(onec), context=PushContext(found.link, True, why))
    assert report.count(WriteState.WAITING) == 1
    row = DecisionRepository(database).current(order.portal_id)
    assert row is not None
    link = next(s for s in row.steps if s.kind is StepKind.LINK_ORDER)
    assert link.state is StepState.WAITING
    assert "Не известно, где 1С хранит номер заказа сайта" in said_text(link.said)
    assert why in said_text(link.said) and "onec.order_link" in said_text(link.said)


# --- finding the 1C order ---------------------------------------------------------------------


def test_a_new_buyer_waits_for_the_1c_order_then_links(
    scene: tuple[Database, OneCEmulator], world: World, setup: ExchangeSetup
) -> None:
    database, onec = scene
    order = new_buyers(database, world, imported=False)[0]
    DecisionService(database).create(order.portal_id)
    first = push_all(database, onec)
    assert first.count(WriteState.WAITING) == 1
    row = DecisionRepository(database).current(order.portal_id)
    assert row is not None
    place = WORDS[setup][1]
    assert f"1С ещё не загрузила заказ {order.number}" in said_text(row.write_said)
    assert place in said_text(row.write_said)

    onec.import_order(int(order.number or 0))
    second = push_all(database, onec)

    assert second.count(WriteState.WRITTEN) == 1
    made = [c for c in onec.entities(CP, ИНН=order.buyer_inn) if c["КПП"] == order.buyer_kpp]
    assert len(made) == 1  # the standard exchange found ours by ИНН+КПП: no duplicate
    assert order_1c(onec, order.number)["Контрагент_Key"] == made[0]["Ref_Key"]
    assert made[0]["Партнер_Key"] != UNKNOWN_PARTNER


def test_site_orders_since_lists_what_came_from_the_site(
    world: World, setup: ExchangeSetup, tmp_path: Path
) -> None:
    """Also the orders the app never received (the read a later issue lists them with)."""
    with (
        PortalEmulator(world, orders=6) as portal,
        OneCEmulator(world.with_exchange(setup), orders=IMPORTED) as onec,
    ):
        fill(tmp_path / "data", portal, onec)
        with Database.open(tmp_path / "data") as database:
            link = context(database, onec).link
        with ODataClient(connection(onec)) as client:
            since = dt.datetime.combine(world.start, dt.time())
            found = site_orders_since(client, link, since)
    assert sorted(int(s.site_key) for s in found) == list(range(1, IMPORTED + 1))
    for site_order in found:
        assert carries(
            onec, onec.entity(ORDERS, site_order.order.ref_key) or {}, site_order.site_key
        )


# --- what 1C's standard exchange put on the order ---------------------------------------------

SITE = pytest.mark.parametrize("setup", [ExchangeSetup.SITE_EXCHANGE], indirect=True, ids=["site"])


def read_states(database: Database, onec: OneCEmulator) -> None:
    with ODataClient(connection(onec)) as client:
        refresh_order_states(client, database, context(database, onec).link)


def requests_of(onec: OneCEmulator, method: str, fragment: str) -> list[Any]:
    return [r for r in onec.requests if r.method == method and fragment in r.path]


@pytest.mark.parametrize(
    "setup", [ExchangeSetup.BITRIX_MODULE, ExchangeSetup.CUSTOM], indirect=True,
    ids=["bitrix", "custom"],
)  # fmt: skip
def test_where_the_exchange_leaves_it_empty_the_review_shows_no_counterparty(
    scene: tuple[Database, OneCEmulator], world: World
) -> None:
    database, onec = scene
    read_states(database, onec)
    order = new_buyers(database, world)[0]
    state = OneCOrderRepository(database).state(order.portal_id)
    assert state is not None and state.counterparty is None and not state.auto_created
    assert order_words(state).endswith("контрагент не указан.")


@SITE
def test_the_review_shows_the_counterparty_the_exchange_made(
    scene: tuple[Database, OneCEmulator], world: World
) -> None:
    database, onec = scene
    read_states(database, onec)
    order = new_buyers(database, world)[0]
    state = OneCOrderRepository(database).state(order.portal_id)
    assert state is not None and state.posted
    held = order_1c(onec, order.number)
    assert state.ref_key == held["Ref_Key"] and state.counterparty_key == held["Контрагент_Key"]
    assert state.auto_created
    assert "партнёр «Неизвестный партнер»" in [sign_text(s) for s in state.auto_signs]
    states = [OneCOrderRepository(database).state(r.portal_id) for r in new_buyers(database, world)]
    # the first order of a new buyer: made by the same exchange run (a later one reuses it)
    made = [sign_text(g) for s in states if s for g in s.auto_signs]
    assert any(g.startswith("создан за ") for g in made)
    assert "Похоже, создан обменом с сайтом" in order_words(state)
    # a buyer 1C knew: found by ИНН+КПП, nothing looks made by the exchange
    known = {b.counterparty.id for b in world.buyers if b.known_in_onec}
    rows = QueueRepository(database).queue(limit=1000)
    old = next(r for r in rows if int(r.number or 0) <= IMPORTED and r.buyer_kpp
               and world.order(int(r.number or 0)).buyer.id in known)  # type: ignore[union-attr]  # fmt: skip
    kept = OneCOrderRepository(database).state(old.portal_id)
    assert kept is not None and kept.counterparty is not None and not kept.auto_created


@SITE
def test_a_counterparty_on_the_order_is_not_overwritten_without_an_explicit_choice(
    scene: tuple[Database, OneCEmulator], world: World
) -> None:
    database, onec = scene
    read_states(database, onec)
    order = new_buyers(database, world)[0]
    other = next(c for c in onec.entities(CP) if c["Партнер_Key"] not in (UNKNOWN_PARTNER,)
                 and c["ИНН"])  # fmt: skip
    service = DecisionService(database)
    with pytest.raises(HeldByOtherError, match="не будет перезаписан"):
        service.link(order.portal_id, other["Ref_Key"])
    with pytest.raises(HeldByOtherError):
        service.create(order.portal_id)
    wrong = Replacement(other["Ref_Key"])
    with pytest.raises(DecisionError, match="сейчас контрагент"):
        service.link(order.portal_id, other["Ref_Key"], Replacement(
            "12345678-1234-1234-1234-123456789abc"))  # fmt: skip
    with pytest.raises(DecisionError, match="заменять нечего"):
        service.link(order.portal_id, other["Ref_Key"], wrong)


@SITE
def test_a_person_s_counterparty_is_not_marked_for_deletion(
    scene: tuple[Database, OneCEmulator], world: World
) -> None:
    database, onec = scene
    order = new_buyers(database, world)[0]
    held = order_1c(onec, order.number)["Контрагент_Key"]
    person = next(c for c in onec.entities(CP) if c["Партнер_Key"] != UNKNOWN_PARTNER)
    onec.set_counterparty_key(order_1c(onec, order.number)["Ref_Key"], person["Ref_Key"],
                              partner_key=person["Партнер_Key"])  # fmt: skip
    read_states(database, onec)
    other = next(c for c in onec.entities(CP) if c["Ref_Key"] not in (held, person["Ref_Key"]))
    with pytest.raises(DecisionError, match="создал обмен с сайтом"):
        DecisionService(database).link(order.portal_id, other["Ref_Key"],
                                       Replacement(person["Ref_Key"], delete=True))  # fmt: skip
    row = DecisionService(database).link(order.portal_id, other["Ref_Key"],
                                         Replacement(person["Ref_Key"]))  # fmt: skip
    assert StepKind.MARK_DELETED not in [s.kind for s in row.steps]


@SITE
def test_create_replaces_the_exchange_s_duplicate_marks_it_and_re_posts(
    scene: tuple[Database, OneCEmulator], world: World
) -> None:
    database, onec = scene
    read_states(database, onec)
    order = new_buyers(database, world)[0]
    duplicate = order_1c(onec, order.number)["Контрагент_Key"]
    row = DecisionService(database).create(order.portal_id, replace=Replacement(duplicate, True))
    assert row.decision.replaces_key == duplicate and row.decision.delete_replaced
    assert [s.kind for s in row.steps] == [
        StepKind.CREATE_PARTNER, StepKind.CREATE_COUNTERPARTY, StepKind.LINK_ORDER,
        StepKind.MARK_DELETED, StepKind.POST_ORDER,
    ]  # fmt: skip
    before = len(onec.requests)

    report = push_all(database, onec)

    assert report.count(WriteState.WRITTEN) == 1
    same = [c for c in onec.entities(CP, ИНН=order.buyer_inn) if c["КПП"] == order.buyer_kpp]
    new = next(c for c in same if c["Ref_Key"] != duplicate)
    linked = order_1c(onec, order.number)
    assert linked["Контрагент_Key"] == new["Ref_Key"] and new["Партнер_Key"] != UNKNOWN_PARTNER
    assert linked["Партнер_Key"] == new["Партнер_Key"]
    assert onec.entity(CP, duplicate)["DeletionMark"] is True  # type: ignore[index]
    assert not requests_of(onec, "DELETE", CP)  # a mark, never a deletion
    posts = [r for r in onec.requests[before:] if r.method == "POST" and r.path.endswith("/Post")]
    assert len(posts) == 1 and "PostingModeOperational=false" in posts[0].query
    assert linked["Posted"] is True
    messages = " ".join(said_text(e.said) for e in report.events)
    assert "контрагент заменён: был «" in messages and f"теперь «{new['Description']}»" in messages
    assert "помечен на удаление" in messages and "перепроведён" in messages


@SITE
def test_link_to_the_right_counterparty_replaces_the_exchange_s_duplicate(
    scene: tuple[Database, OneCEmulator], world: World
) -> None:
    database, onec = scene
    read_states(database, onec)
    order = new_buyers(database, world)[0]
    duplicate = order_1c(onec, order.number)["Контрагент_Key"]
    right = next(c for c in onec.entities(CP) if c["ИНН"] and c["Партнер_Key"] != UNKNOWN_PARTNER)
    DecisionService(database).link(order.portal_id, right["Ref_Key"], Replacement(duplicate, True))
    assert push_all(database, onec).count(WriteState.WRITTEN) == 1
    assert order_1c(onec, order.number)["Контрагент_Key"] == right["Ref_Key"]
    assert onec.entity(CP, duplicate)["DeletionMark"] is True  # type: ignore[index]


@SITE
def test_a_create_never_silently_takes_over_the_exchange_s_counterparty(
    scene: tuple[Database, OneCEmulator], world: World
) -> None:
    """Decided before the 1C order was read: the push finds the exchange's counterparty by
    ИНН+КПП, and stops instead of using it."""
    database, onec = scene
    order = new_buyers(database, world)[0]
    DecisionService(database).create(order.portal_id)
    partners = len(onec.entities("Catalog_Партнеры"))

    report = push_all(database, onec)

    assert report.count(WriteState.CONFLICT) == 1
    row = DecisionRepository(database).current(order.portal_id)
    assert row is not None and row.steps[0].state is StepState.CONFLICT
    assert "похоже, создал обмен с сайтом (партнёр «Неизвестный партнер»)" in (
        said_text(row.write_said)
    )
    assert len(onec.entities("Catalog_Партнеры")) == partners  # nothing made
    assert order_1c(onec, order.number)["Партнер_Key"] == UNKNOWN_PARTNER


@SITE
def test_a_race_with_another_manager_ends_in_the_conflict(
    scene: tuple[Database, OneCEmulator], world: World
) -> None:
    database, onec = scene
    read_states(database, onec)
    order = new_buyers(database, world)[0]
    held = order_1c(onec, order.number)
    mine, theirs = [c for c in onec.entities(CP) if c["Ref_Key"] != held["Контрагент_Key"]][:2]
    DecisionService(database).link(order.portal_id, mine["Ref_Key"],
                                   Replacement(held["Контрагент_Key"]))  # fmt: skip
    onec.set_counterparty_key(held["Ref_Key"], theirs["Ref_Key"])  # someone else, meanwhile

    report = push_all(database, onec)

    assert report.count(WriteState.CONFLICT) == 1
    row = DecisionRepository(database).current(order.portal_id)
    assert row is not None
    assert f"уже связан с контрагентом «{theirs['Description']}»" in said_text(row.write_said)
    assert "которого вы заменяли" in said_text(row.write_said)
    assert order_1c(onec, order.number)["Контрагент_Key"] == theirs["Ref_Key"]


@SITE
def test_a_refused_re_post_keeps_the_link_and_is_tried_again(
    scene: tuple[Database, OneCEmulator], world: World
) -> None:
    database, onec = scene
    read_states(database, onec)
    order = new_buyers(database, world)[0]
    held = order_1c(onec, order.number)
    right = next(c for c in onec.entities(CP) if c["Ref_Key"] != held["Контрагент_Key"])
    onec.set_fields(ORDERS, held["Ref_Key"], СкидкиРассчитаны=False)  # edited in 1C meanwhile
    DecisionService(database).link(order.portal_id, right["Ref_Key"],
                                   Replacement(held["Контрагент_Key"]))  # fmt: skip

    first = push_all(database, onec)

    assert first.count(WriteState.FAILED) == 1
    row = DecisionRepository(database).current(order.portal_id)
    assert row is not None
    assert [s.state for s in row.steps] == [StepState.DONE, StepState.FAILED]
    assert order_1c(onec, order.number)["Контрагент_Key"] == right["Ref_Key"]  # link written
    message = said_text(row.write_said)
    assert message.startswith(f"Связь записана, но 1С не провела заказ № {held['Number']}: «")
    assert "не рассчитаны автоматические скидки (наценки). Проведение невозможно." in message

    onec.set_fields(ORDERS, held["Ref_Key"], СкидкиРассчитаны=True)
    second = push_all(database, onec)
    assert second.count(WriteState.WRITTEN) == 1
    assert [e.step for e in second.events] == [StepKind.POST_ORDER]


@SITE
def test_re_posting_can_be_turned_off(scene: tuple[Database, OneCEmulator], world: World) -> None:
    database, onec = scene
    read_states(database, onec)
    order = new_buyers(database, world)[0]
    held = order_1c(onec, order.number)
    right = next(c for c in onec.entities(CP) if c["Ref_Key"] != held["Контрагент_Key"])
    DecisionService(database).link(order.portal_id, right["Ref_Key"],
                                   Replacement(held["Контрагент_Key"]))  # fmt: skip
    report = push_all(database, onec, repost=False)
    assert report.count(WriteState.WRITTEN) == 1
    assert not [r for r in onec.requests if r.path.endswith("/Post")]
    last = report.events[-1]
    assert last.step is StepKind.POST_ORDER and "review.repost_orders" in said_text(last.said)


@pytest.mark.parametrize("setup", [ExchangeSetup.BITRIX_MODULE], indirect=True, ids=["bitrix"])
def test_a_create_takes_what_the_exchange_made_for_an_earlier_order(
    scene: tuple[Database, OneCEmulator], world: World
) -> None:
    """A partner commented by the exchange, with a counterparty made years before this
    order: the company's counterparty since, not a fresh duplicate — the create uses it."""
    database, onec = scene
    comment = "Создан автоматически при импорте заказов с сайта"
    by_exchange = {p["Ref_Key"] for p in onec.entities("Catalog_Партнеры", Комментарий=comment)}
    chosen = None
    for row in QueueRepository(database).queue(limit=1000):
        found = [
            c for c in onec.entities(CP, ИНН=row.buyer_inn or "-", КПП=row.buyer_kpp or "")
            if c["Партнер_Key"] in by_exchange
        ]  # fmt: skip
        if row.buyer_kpp and found:
            chosen, existing = row, found[0]
            break
    assert chosen is not None, "no buyer of this world is under a partner the exchange made"
    DecisionService(database).create(chosen.portal_id)
    partners = len(onec.entities("Catalog_Партнеры"))

    push_all(database, onec)

    decided = DecisionRepository(database).current(chosen.portal_id)
    assert decided is not None
    assert decided.result_of(StepKind.CREATE_COUNTERPARTY) == existing["Ref_Key"]
    assert decided.result_of(StepKind.CREATE_PARTNER) == existing["Партнер_Key"]
    assert len(onec.entities("Catalog_Партнеры")) == partners  # nothing made
