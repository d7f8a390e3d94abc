"""Decisions written to 1C exactly once: against both emulators over real HTTP."""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from push_scene import (
    COUNTERPARTIES,
    IMPORTED,
    PORTAL_ORDERS,
    buyers,
    counterparties_with,
    fill,
    make_world,
    order_1c,
    push_all,
)

from desktop_app.domain.decisions import StepKind, StepState, WriteState
from desktop_app.domain.onec_directory import EMPTY_REF
from desktop_app.domain.review_state import ReviewState
from desktop_app.domain.seller import SellerRequisites
from desktop_app.emulators.onec import Fault, OneCEmulator
from desktop_app.emulators.portal import PortalEmulator
from desktop_app.emulators.world import World
from desktop_app.services.decision_service import (
    DecisionError,
    DecisionService,
    auto_map,
    linked_counterparty,
)
from desktop_app.services.export_service import make_invoice
from desktop_app.services.settings import ReviewSettings
from desktop_app.store.database import Database
from desktop_app.store.decision_repository import DecisionRepository
from desktop_app.store.entity_mappings import MappingRepository
from desktop_app.store.queue_repository import QueueRepository
from desktop_app.wording.registry import said_text

from conftest import ROOT


@pytest.fixture(scope="module")
def world() -> World:
    return make_world()


@pytest.fixture
def portal(world: World) -> Iterator[PortalEmulator]:
    with PortalEmulator(world, orders=PORTAL_ORDERS) as emulator:
        yield emulator


@pytest.fixture
def onec(world: World) -> Iterator[OneCEmulator]:
    with OneCEmulator(world, orders=IMPORTED) as emulator:
        yield emulator


@pytest.fixture
def database(tmp_path: Path, portal: PortalEmulator, onec: OneCEmulator) -> Iterator[Database]:
    fill(tmp_path / "data", portal, onec)
    with Database.open(tmp_path / "data") as opened:
        yield opened


def state_of(database: Database, portal_id: str) -> ReviewState:
    rows = QueueRepository(database).queue(limit=1000)
    return next(r.review_state for r in rows if r.portal_id == portal_id)


def test_create_writes_partner_counterparty_and_link(
    database: Database, onec: OneCEmulator
) -> None:
    order = buyers(database, onec).unknown[0]
    service = DecisionService(database, user="manager1")
    row = service.create(order.portal_id, {"phone": "+7 495 123-45-67"})
    assert [s.kind for s in row.steps] == [
        StepKind.CREATE_PARTNER,
        StepKind.CREATE_COUNTERPARTY,
        StepKind.LINK_ORDER,
        StepKind.POST_ORDER,
    ]
    assert state_of(database, order.portal_id) is ReviewState.DECIDED

    report = push_all(database, onec)

    assert report.count(WriteState.WRITTEN) == 1
    assert [e.state for e in report.events] == [StepState.DONE] * 4
    created = counterparties_with(onec, order.buyer_inn or "", order.buyer_kpp)
    assert len(created) == 1
    assert created[0]["Партнер_Key"] != "00000000-0000-0000-0000-000000000000"
    assert "Order Review" in str(created[0]["ДополнительнаяИнформация"])
    phones = [c for c in created[0]["КонтактнаяИнформация"] if c["Тип"] == "Телефон"]
    assert phones[0]["НомерТелефона"] == "+7 495 123-45-67"
    linked = order_1c(onec, order.number)
    assert linked["Контрагент_Key"] == created[0]["Ref_Key"]
    assert linked["Партнер_Key"] == created[0]["Партнер_Key"]
    assert state_of(database, order.portal_id) is ReviewState.WRITTEN
    decided = DecisionRepository(database).current(order.portal_id)
    assert decided is not None and decided.entity_key is not None
    mapping = MappingRepository(database).mapping(decided.entity_key)
    assert mapping is not None and mapping.counterparty_key == created[0]["Ref_Key"]
    requisites = f"inn_kpp:{order.buyer_inn}/{order.buyer_kpp}" if order.buyer_kpp else None
    assert mapping.entity_key == (requisites or f"inn:{order.buyer_inn}")
    assert mapping.buyer_portal_id == decided.buyer_portal_id  # who ordered, beside the key
    # Written: the decision no longer changes here.
    with pytest.raises(DecisionError, match="уже"):
        service.reject(order.portal_id, "передумал")


def test_link_and_reject_and_defer(database: Database, onec: OneCEmulator) -> None:
    scene = buyers(database, onec)
    service = DecisionService(database, user="manager1")
    rejected, deferred, linked = scene.unknown[:3]
    service.reject(rejected.portal_id, "тестовый заказ")
    service.defer(deferred.portal_id)
    some = onec.entities(COUNTERPARTIES)[0]
    service.link(linked.portal_id, some["Ref_Key"])

    report = push_all(database, onec)

    assert report.decisions == 1  # reject and defer write nothing
    assert order_1c(onec, linked.number)["Контрагент_Key"] == some["Ref_Key"]
    assert order_1c(onec, linked.number)["Партнер_Key"] == some["Партнер_Key"]
    assert state_of(database, linked.portal_id) is ReviewState.WRITTEN
    assert state_of(database, rejected.portal_id) is ReviewState.REJECTED
    assert state_of(database, deferred.portal_id) is ReviewState.NEEDS_REVIEW
    assert order_1c(onec, rejected.number)["Контрагент_Key"] == EMPTY_REF
    row = DecisionRepository(database).current(rejected.portal_id)
    assert row is not None and row.decision.reason == "тестовый заказ"
    assert row.decision.decided_by == "manager1" and row.decision.decided_at is not None


def test_a_changed_decision_replaces_the_unwritten_one(
    database: Database, onec: OneCEmulator
) -> None:
    order = buyers(database, onec).unknown[0]
    service = DecisionService(database)
    service.create(order.portal_id)
    service.reject(order.portal_id, "дубль заказа")
    report = push_all(database, onec)
    assert report.decisions == 0
    assert counterparties_with(onec, order.buyer_inn or "", order.buyer_kpp) == []
    history = DecisionRepository(database).history(order.portal_id)
    assert [h.current for h in history] == [False, True]


def test_an_order_not_in_1c_yet_waits_then_links(database: Database, onec: OneCEmulator) -> None:
    order = buyers(database, onec, imported=False).unknown[0]
    DecisionService(database).create(order.portal_id)

    first = push_all(database, onec)
    assert first.count(WriteState.WAITING) == 1
    waiting = DecisionRepository(database).current(order.portal_id)
    assert waiting is not None and waiting.write_state is WriteState.WAITING
    assert "ещё не загрузила заказ" in said_text(waiting.write_said)
    assert state_of(database, order.portal_id) is ReviewState.DECIDED

    onec.import_order(int(order.number or 0))
    second = push_all(database, onec)

    assert second.count(WriteState.WRITTEN) == 1
    # nothing created twice; the order was not posted, so there is nothing to re-post
    assert [e.step for e in second.events] == [StepKind.LINK_ORDER, StepKind.POST_ORDER]
    created = counterparties_with(onec, order.buyer_inn or "", order.buyer_kpp)
    assert len(created) == 1
    assert order_1c(onec, order.number)["Контрагент_Key"] == created[0]["Ref_Key"]


@pytest.mark.parametrize(
    "entity_set", ["Catalog_Партнеры", COUNTERPARTIES, "Document_ЗаказКлиента"]
)
def test_a_lost_answer_never_makes_a_duplicate(
    database: Database, onec: OneCEmulator, entity_set: str
) -> None:
    order = buyers(database, onec).unknown[0]
    DecisionService(database).create(order.portal_id)
    onec.inject(Fault("drop_after_write", entity_set=entity_set))

    first = push_all(database, onec)
    assert first.count(WriteState.WRITTEN) == 0
    unknown = DecisionRepository(database).current(order.portal_id)
    assert unknown is not None
    assert StepState.SENDING in [s.state for s in unknown.steps]
    assert "проверив" in said_text(unknown.write_said)

    second = push_all(database, onec)

    assert second.count(WriteState.WRITTEN) == 1
    created = counterparties_with(onec, order.buyer_inn or "", order.buyer_kpp)
    assert len(created) == 1
    partners = onec.entities("Catalog_Партнеры", Ref_Key=created[0]["Партнер_Key"])
    assert len(partners) == 1
    same_name = onec.entities("Catalog_Партнеры", Description=partners[0]["Description"])
    assert len(same_name) == 1
    assert order_1c(onec, order.number)["Контрагент_Key"] == created[0]["Ref_Key"]


def test_a_1c_error_keeps_the_decision_queued_with_1c_words(
    database: Database, onec: OneCEmulator
) -> None:
    order = buyers(database, onec).unknown[0]
    DecisionService(database).create(order.portal_id)
    onec.inject(Fault("error500", method="POST", entity_set=COUNTERPARTIES))

    first = push_all(database, onec)

    row = DecisionRepository(database).current(order.portal_id)
    assert row is not None and row.write_state is WriteState.FAILED
    assert "Конфликт блокировок" in said_text(row.write_said)  # 1C's own message, verbatim
    assert [s.state for s in row.steps] == [
        StepState.DONE, StepState.FAILED, StepState.PENDING, StepState.PENDING,
    ]  # fmt: skip
    assert first.count(WriteState.FAILED) == 1
    assert state_of(database, order.portal_id) is ReviewState.DECIDED
    assert counterparties_with(onec, order.buyer_inn or "", order.buyer_kpp) == []

    push_all(database, onec)
    assert len(counterparties_with(onec, order.buyer_inn or "", order.buyer_kpp)) == 1
    assert state_of(database, order.portal_id) is ReviewState.WRITTEN


def test_two_managers_link_the_same_order_one_wins(
    tmp_path: Path, portal: PortalEmulator, onec: OneCEmulator
) -> None:
    first_dir, second_dir = tmp_path / "first", tmp_path / "second"
    fill(first_dir, portal, onec)
    shutil.copytree(first_dir, second_dir)  # both managers fetched the same orders
    a, b = onec.entities(COUNTERPARTIES)[:2]
    with Database.open(first_dir) as one, Database.open(second_dir) as two:
        order = buyers(one, onec).unknown[0]
        DecisionService(one, user="Иванова").link(order.portal_id, a["Ref_Key"])
        DecisionService(two, user="Петров").link(order.portal_id, b["Ref_Key"])
        assert push_all(one, onec).count(WriteState.WRITTEN) == 1
        lost = push_all(two, onec)

        assert lost.count(WriteState.CONFLICT) == 1
        assert order_1c(onec, order.number)["Контрагент_Key"] == a["Ref_Key"]
        row = DecisionRepository(two).current(order.portal_id)
        assert row is not None and row.write_state is WriteState.CONFLICT
        assert a["Description"] in said_text(row.write_said)
        assert "ничего не перезаписано" in said_text(row.write_said)
        assert state_of(two, order.portal_id) is ReviewState.ERROR


def test_automatic_mapping(database: Database, onec: OneCEmulator) -> None:
    scene = buyers(database, onec)
    repository = DecisionRepository(database)
    # A first-time exact ИНН+КПП match is prepared, but waits for the manager.
    report = auto_map(database, ReviewSettings())
    assert report.by_requisites >= 1 and report.by_mapping == 0
    assert report.pushed_without_confirmation == 0
    matched = next(r for r in scene.known if repository.current(r.portal_id) is not None)
    row = repository.current(matched.portal_id)
    assert row is not None and row.decision.automatic and not row.decision.confirmed
    assert state_of(database, matched.portal_id) is ReviewState.NEEDS_REVIEW
    assert push_all(database, onec).decisions == 0
    DecisionService(database, user="manager1").confirm(matched.portal_id)
    assert push_all(database, onec).count(WriteState.WRITTEN) == 1


def test_a_confirmed_mapping_links_the_next_order_by_itself(
    database: Database, onec: OneCEmulator
) -> None:
    unknown = buyers(database, onec).unknown
    by_buyer: dict[tuple[str | None, str | None], list[str]] = {}
    for row in unknown:
        by_buyer.setdefault((row.buyer_inn, row.buyer_kpp), []).append(row.portal_id)
    first, second = next(ids for ids in by_buyer.values() if len(ids) >= 2)[:2]
    DecisionService(database, user="manager1").create(first)
    assert push_all(database, onec).count(WriteState.WRITTEN) == 1

    report = auto_map(database, ReviewSettings())

    assert report.by_mapping >= 1
    assert report.pushed_without_confirmation >= 1
    prepared = DecisionRepository(database).current(second)
    assert prepared is not None and prepared.decision.automatic and prepared.decision.confirmed
    assert state_of(database, second) is ReviewState.DECIDED
    push_all(database, onec)
    created = DecisionRepository(database).current(first)
    assert created is not None
    key = created.result_of(StepKind.CREATE_COUNTERPARTY)
    number = next(r.number for r in unknown if r.portal_id == second)
    assert order_1c(onec, number)["Контрагент_Key"] == key
    assert state_of(database, second) is ReviewState.WRITTEN


@pytest.mark.parametrize(
    ("point", "step"),
    [(p, n) for n in (1, 2, 3) for p in ("claimed", "answered")],
)
def test_push_killed_at_every_step_boundary_then_rerun(
    database: Database, onec: OneCEmulator, tmp_path: Path, point: str, step: int
) -> None:
    order = buyers(database, onec).unknown[0]
    DecisionService(database).create(order.portal_id)
    killed = subprocess.run(
        [sys.executable, str(ROOT / "tests" / "push_crash_runner.py"), str(tmp_path / "data"),
         onec.service_root, onec.user, point, str(step)],
        input=onec.password, capture_output=True, text=True, timeout=120, check=False, cwd=ROOT,
    )  # fmt: skip
    assert killed.returncode == -signal.SIGKILL, killed.stderr

    push_all(database, onec)

    created = counterparties_with(onec, order.buyer_inn or "", order.buyer_kpp)
    assert len(created) == 1
    partners = onec.entities("Catalog_Партнеры", Ref_Key=created[0]["Партнер_Key"])
    assert len(onec.entities("Catalog_Партнеры", Description=partners[0]["Description"])) == 1
    assert order_1c(onec, order.number)["Контрагент_Key"] == created[0]["Ref_Key"]
    assert state_of(database, order.portal_id) is ReviewState.WRITTEN


def test_automatic_mapping_skips_deleted_and_ambiguous_matches(
    database: Database, onec: OneCEmulator
) -> None:
    known = [r for r in buyers(database, onec).known if r.buyer_kpp]
    deleted, doubled = known[0], next(r for r in known if r.buyer_inn != known[0].buyer_inn)
    with database.writing() as connection:
        connection.exec_driver_sql(
            "UPDATE onec_counterparties SET deletion_mark = 1 WHERE inn = ?", (deleted.buyer_inn,)
        )
        connection.exec_driver_sql(
            "INSERT INTO onec_counterparties SELECT '11111111-1111-1111-1111-111111111111', "
            "data_version, deletion_mark, description, full_name, inn, kpp, registration_number,"
            " okpo, legal_form, partner_key, head_key, is_branch, name_normalized, "
            "full_name_normalized, seen_generation, cached_at FROM onec_counterparties "
            "WHERE inn = ? AND kpp = ?",
            (doubled.buyer_inn, doubled.buyer_kpp),
        )

    auto_map(database, ReviewSettings(auto_push_first=True))

    repository = DecisionRepository(database)
    assert repository.current(deleted.portal_id) is None
    assert repository.current(doubled.portal_id) is None
    others = [r for r in known if r.buyer_inn not in (deleted.buyer_inn, doubled.buyer_inn)]
    made = repository.current(others[0].portal_id)
    assert made is not None and made.decision.automatic and made.decision.confirmed
    assert state_of(database, others[0].portal_id) is ReviewState.DECIDED


def test_a_new_branch_is_created_under_its_head(database: Database, onec: OneCEmulator) -> None:
    branch = next(r for r in buyers(database, onec).branches
                  if not any(c["ОбособленноеПодразделение"]
                             for c in onec.entities(COUNTERPARTIES, ИНН=r.buyer_inn)))  # fmt: skip
    head = onec.entities(COUNTERPARTIES, ИНН=branch.buyer_inn)[0]
    row = DecisionService(database).create(branch.portal_id)
    assert row.decision.card is not None and row.decision.card.head_key == head["Ref_Key"]
    assert row.decision.partner_key == head["Партнер_Key"]
    assert [s.kind for s in row.steps] == [
        StepKind.CREATE_COUNTERPARTY, StepKind.LINK_ORDER, StepKind.POST_ORDER,
    ]  # fmt: skip

    assert push_all(database, onec).count(WriteState.WRITTEN) == 1

    created = counterparties_with(onec, branch.buyer_inn or "", branch.buyer_kpp)
    assert len(created) == 1
    assert created[0]["ГоловнойКонтрагент_Key"] == head["Ref_Key"]
    assert created[0]["ОбособленноеПодразделение"] is True
    assert created[0]["Партнер_Key"] == head["Партнер_Key"]
    assert order_1c(onec, branch.number)["Партнер_Key"] == head["Партнер_Key"]


def test_an_invoice_names_the_linked_1c_counterparty(
    database: Database, onec: OneCEmulator
) -> None:
    order = buyers(database, onec).unknown[0]
    some = onec.entities(COUNTERPARTIES)[0]
    full = QueueRepository(database).order(order.portal_id)
    assert full is not None
    assert linked_counterparty(database, full) is None  # no decision: the portal's buyer

    DecisionService(database).link(order.portal_id, some["Ref_Key"])
    linked = linked_counterparty(database, full)

    assert linked is not None and linked.ref_key == some["Ref_Key"]
    invoice = make_invoice(full, SellerRequisites(name="ООО «Продавец»"), buyer=linked)
    assert invoice.buyer.name == (some["НаименованиеПолное"] or some["Description"])
    assert invoice.buyer.inn == (some["ИНН"] or None)


def test_a_link_to_a_counterparty_1c_does_not_have_is_refused(
    database: Database, onec: OneCEmulator
) -> None:
    order = buyers(database, onec).unknown[0]
    service = DecisionService(database)
    with pytest.raises(DecisionError, match="не ключ контрагента"):
        service.link(order.portal_id, "not-a-guid")
    service.link(order.portal_id, "12345678-1234-1234-1234-123456789abc")

    push_all(database, onec)

    row = DecisionRepository(database).current(order.portal_id)
    assert row is not None and row.write_state is WriteState.FAILED
    assert "В 1С нет контрагента" in said_text(row.write_said)
    assert order_1c(onec, order.number)["Контрагент_Key"] == EMPTY_REF  # nothing dangling
