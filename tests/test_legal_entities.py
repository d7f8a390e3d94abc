"""A legal entity is its requisites, not its portal user: over both emulators, real HTTP.

Bitrix sends the portal *user's* XML_ID as `Контрагент/Ид` for every company that user orders
for (world_buyers). After a manager links the user's first company, the orders of the second
must never be linked — let alone written to 1C — to the first one's counterparty; they are
reviewed as a new legal entity, with a note. A revision that changes the buyer's ИНН/КПП
drops its automatic decision; a buyer without ИНН, known by name and address, is never
written without the manager.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest
from push_scene import (
    Scene,
    buyers,
    counterparties_with,
    order_1c,
    push_all,
    running_scene,
    shared_user,
)

from desktop_app.domain.candidates import CandidateReason
from desktop_app.domain.counterparty import Counterparty, CounterpartyKind
from desktop_app.domain.decisions import DecisionKind, StepKind, WriteState
from desktop_app.domain.entity_mapping import earlier_entity_note
from desktop_app.domain.onec_directory import EMPTY_REF
from desktop_app.domain.order import Order
from desktop_app.domain.review_state import ReviewState
from desktop_app.services.candidate_search import buyer_candidates
from desktop_app.services.decision_service import DecisionService, auto_map
from desktop_app.services.settings import ReviewSettings
from desktop_app.store import IncomingOrder, OrderRepository
from desktop_app.store.decision_repository import DecisionRepository
from desktop_app.store.entity_mappings import MappingRepository
from desktop_app.store.queue_repository import QueueRepository
from desktop_app.wording.phrases import phrase_text, reason_text


@pytest.fixture
def scene(tmp_path: Path) -> Iterator[Scene]:
    with running_scene(tmp_path / "data") as running:
        yield running


def stored(scene: Scene, portal_id: str) -> Order:
    order = QueueRepository(scene.database).order(portal_id)
    assert order is not None
    return order


def store_revision(scene: Scene, order: Order) -> None:
    """The portal re-exports `order` as it is now (a new revision of it)."""
    repository = OrderRepository(scene.database)
    fetch = repository.start_fetch("https://b2b.example.ru/exchange/", "own-page")
    repository.store_batch(fetch, [IncomingOrder(order, 1, None, None)])


def test_a_users_second_company_is_never_linked_to_the_first_ones_counterparty(
    scene: Scene,
) -> None:
    database, onec = scene.database, scene.onec
    user = shared_user(scene.world, database)
    first = user.first[0]
    theirs = counterparties_with(onec, first.buyer_inn or "", first.buyer_kpp)[0]["Ref_Key"]
    DecisionService(database, user="manager1").link(first.portal_id, theirs)
    assert push_all(database, onec).count(WriteState.WRITTEN) == 1

    auto_map(database, ReviewSettings())  # auto_push_confirmed is on by default
    push_all(database, onec)

    decisions = DecisionRepository(database)
    for row in user.second:  # the other company: no decision, nothing written to 1C
        assert decisions.current(row.portal_id) is None
        assert QueueRepository(database).review_state(row.portal_id) is ReviewState.NEW
        assert order_1c(onec, row.number)["Контрагент_Key"] == EMPTY_REF
    again = decisions.current(user.first[1].portal_id)  # the first company maps itself
    assert again is not None and again.decision.automatic and again.decision.confirmed
    assert again.decision.counterparty_key == theirs
    assert again.write_state is WriteState.WRITTEN

    found = buyer_candidates(database, stored(scene, user.second[0].portal_id))
    [earlier] = found.earlier
    assert (earlier.counterparty_key, earlier.name) == (theirs, first.buyer_name)
    assert earlier.portal_user == user.portal_user
    note = phrase_text(earlier_entity_note(earlier))
    assert f"уже заказывал от имени {first.buyer_name}" in note and "другая организация" in note
    assert CandidateReason.CONFIRMED_MAPPING not in {c.reason for c in found.candidates}
    last = found.candidates[-1]  # the first company's card is listed, last, not offered
    assert last.reason is CandidateReason.SAME_USER_OTHER_ENTITY and not last.reason.offered
    assert last.counterparty.ref_key == theirs and "Не кандидат" in phrase_text(last.explanation)


def test_the_second_company_maps_to_its_own_counterparty_once_created(scene: Scene) -> None:
    database, onec = scene.database, scene.onec
    user = shared_user(scene.world, database)
    theirs = counterparties_with(onec, user.first[0].buyer_inn or "", user.first[0].buyer_kpp)
    service = DecisionService(database, user="manager1")
    service.link(user.first[0].portal_id, theirs[0]["Ref_Key"])
    service.create(user.second[0].portal_id)
    assert push_all(database, onec).count(WriteState.WRITTEN) == 2

    report = auto_map(database, ReviewSettings())
    push_all(database, onec)

    assert report.by_mapping >= 2
    created = DecisionRepository(database).current(user.second[0].portal_id)
    assert created is not None
    own = created.result_of(StepKind.CREATE_COUNTERPARTY)
    assert own is not None and own != theirs[0]["Ref_Key"]
    follow_up = DecisionRepository(database).current(user.second[1].portal_id)
    assert follow_up is not None and follow_up.decision.counterparty_key == own
    assert order_1c(onec, user.second[1].number)["Контрагент_Key"] == own
    second = stored(scene, user.second[1].portal_id)
    assert buyer_candidates(database, second).earlier == []  # its own mapping: no note
    mapping = MappingRepository(database).mapping(created.entity_key or "")
    assert mapping is not None and mapping.counterparty_key == own
    assert mapping.buyer_portal_id == user.portal_user  # who ordered, kept beside the key


def test_a_revision_with_other_requisites_drops_the_automatic_decision(scene: Scene) -> None:
    database, onec = scene.database, scene.onec
    user = shared_user(scene.world, database)
    theirs = counterparties_with(onec, user.first[0].buyer_inn or "", user.first[0].buyer_kpp)
    DecisionService(database, user="manager1").link(user.first[0].portal_id, theirs[0]["Ref_Key"])
    push_all(database, onec)
    auto_map(database, ReviewSettings(auto_push_confirmed=False))  # prepared, not yet written
    target = user.first[1]
    prepared = DecisionRepository(database).current(target.portal_id)
    assert prepared is not None and prepared.decision.automatic
    DecisionService(database, user="manager1").confirm(target.portal_id)

    order = stored(scene, target.portal_id)
    same_company = dataclasses.replace(order, comment="Позвоните перед доставкой")
    store_revision(scene, same_company)
    kept = DecisionRepository(database).current(target.portal_id)
    assert kept is not None and kept.id == prepared.id  # only the comment changed

    other = stored(scene, user.second[0].portal_id).buyer
    assert other is not None
    store_revision(scene, dataclasses.replace(order, counterparties=(other,), comment=None))

    dropped = DecisionRepository(database).current(target.portal_id)
    assert dropped is not None and dropped.decision.kind is DecisionKind.DEFER
    reason = reason_text(dropped.decision.reason)
    assert reason.startswith("Автоматическое решение снято")
    assert f"было: ИНН {target.buyer_inn}" in reason and f"стало: ИНН {other.inn}" in reason
    history = DecisionRepository(database).history(target.portal_id)
    assert [h.decision.kind for h in history][-2:] == [DecisionKind.LINK, DecisionKind.DEFER]
    assert QueueRepository(database).review_state(target.portal_id) is ReviewState.NEEDS_REVIEW
    [row] = [
        r for r in QueueRepository(database).queue(limit=100) if r.portal_id == target.portal_id
    ]
    assert row.changed_since_review
    assert push_all(database, onec).decisions == 0
    assert order_1c(onec, target.number)["Контрагент_Key"] == theirs[0]["Ref_Key"]  # 1C's own


def foreign(order: Order) -> Order:
    """The order as if a foreign company without ИНН had placed it (no ИНН/КПП properties)."""
    buyer = order.buyer
    assert buyer is not None
    party = Counterparty(
        id=buyer.id, name="Nordic Trade AB", official_name="Nordic Trade Aktiebolag",
        full_name=None, kind=CounterpartyKind.LEGAL, role="Покупатель", inn=None, kpp=None,
        okpo=None, surname=None, first_name=None, patronymic=None,
        legal_address="Sveavägen 12, 111 57 Stockholm, Sweden", registration_address=None,
        address=None,
    )  # fmt: skip
    properties = tuple(p for p in order.properties if p.name not in ("ИНН", "КПП", "ОГРН"))
    return dataclasses.replace(order, counterparties=(party,), properties=properties)


def test_a_buyer_without_inn_mapped_by_name_and_address_is_never_written_by_itself(
    scene: Scene,
) -> None:
    database, onec = scene.database, scene.onec
    first, second = buyers(database, onec).unknown[:2]
    for row in (first, second):
        store_revision(scene, foreign(stored(scene, row.portal_id)))
    some = onec.entities("Catalog_Контрагенты")[0]["Ref_Key"]
    DecisionService(database, user="manager1").link(first.portal_id, some)
    assert push_all(database, onec).count(WriteState.WRITTEN) == 1
    linked = DecisionRepository(database).current(first.portal_id)
    assert linked is not None and (linked.entity_key or "").startswith("name_address:")

    report = auto_map(database, ReviewSettings(auto_push_confirmed=True))

    assert report.by_mapping >= 1 and report.pushed_without_confirmation == 0
    prepared = DecisionRepository(database).current(second.portal_id)
    assert prepared is not None and prepared.decision.counterparty_key == some
    assert prepared.decision.automatic and not prepared.decision.confirmed
    assert push_all(database, onec).decisions == 0
    assert order_1c(onec, second.number)["Контрагент_Key"] == EMPTY_REF
    DecisionService(database, user="manager1").confirm(second.portal_id)  # the manager may
    assert push_all(database, onec).count(WriteState.WRITTEN) == 1
