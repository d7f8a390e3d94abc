"""A write whose answer did not arrive whole has an unknown outcome, never «failed».

1C applied it; only the answer broke off (the connection closed in the middle of a chunked
body — requests' ChunkedEncodingError), or came short but framed as complete (a proxy that
passed on what it had). Such a step stays `sending`, exactly like a dropped connection: the
decision cannot be rejected or changed until the next push has looked in 1C, so 1C never
keeps a partner «Создан программой Order Review» that nothing records.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from push_scene import (
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
from desktop_app.emulators.onec import Fault, OneCEmulator
from desktop_app.emulators.portal import PortalEmulator
from desktop_app.emulators.world import World
from desktop_app.services.decision_service import DecisionError, DecisionService
from desktop_app.store.database import Database
from desktop_app.store.decision_repository import DecisionRepository

PARTNERS = "Catalog_Партнеры"
ORDERS_1C = "Document_ЗаказКлиента"
UNKNOWN_WORDS = "неизвестно"


@pytest.fixture(scope="module")
def world() -> World:
    return make_world()


@pytest.fixture
def onec(world: World) -> Iterator[OneCEmulator]:
    with OneCEmulator(world, orders=IMPORTED) as emulator:
        yield emulator


@pytest.fixture
def database(tmp_path: Path, world: World, onec: OneCEmulator) -> Iterator[Database]:
    with PortalEmulator(world, orders=PORTAL_ORDERS) as portal:
        fill(tmp_path / "data", portal, onec)
    with Database.open(tmp_path / "data") as opened:
        yield opened


def ours(onec: OneCEmulator, entity_set: str, marker: str) -> list[dict[str, object]]:
    field = "Комментарий" if entity_set == PARTNERS else "ДополнительнаяИнформация"
    return [r for r in onec.entities(entity_set) if marker in str(r.get(field) or "")]


@pytest.mark.parametrize("kind", ["chunked_cut", "short_body"])
@pytest.mark.parametrize("entity_set", [PARTNERS, "Catalog_Контрагенты"])
def test_a_create_whose_answer_broke_off_is_read_back_not_failed(
    database: Database, onec: OneCEmulator, kind: str, entity_set: str
) -> None:
    order = buyers(database, onec).unknown[0]
    decided = DecisionService(database).create(order.portal_id)
    onec.inject(Fault(kind, method="POST", entity_set=entity_set))  # type: ignore[arg-type]

    push_all(database, onec)

    row = DecisionRepository(database).current(order.portal_id)
    assert row is not None
    assert StepState.FAILED not in [s.state for s in row.steps], row.write_said
    push_all(database, onec)  # whatever the first push left, the next one finishes
    assert len(ours(onec, entity_set, decided.marker)) == 1
    made = counterparties_with(onec, order.buyer_inn or "", order.buyer_kpp)
    assert len(made) == 1
    assert order_1c(onec, order.number)["Контрагент_Key"] == made[0]["Ref_Key"]


@pytest.mark.parametrize("kind", ["chunked_cut", "short_body", "truncate"])
def test_a_link_whose_answer_broke_off_is_unknown_and_the_decision_is_held(
    database: Database, onec: OneCEmulator, kind: str
) -> None:
    order = buyers(database, onec).unknown[0]
    service = DecisionService(database)
    service.create(order.portal_id)
    onec.inject(Fault(kind, method="PATCH", entity_set=ORDERS_1C))  # type: ignore[arg-type]

    push_all(database, onec)

    row = DecisionRepository(database).current(order.portal_id)
    assert row is not None
    link = next(s for s in row.steps if s.kind is StepKind.LINK_ORDER)
    assert link.state is StepState.SENDING, link.said
    with pytest.raises(DecisionError, match=UNKNOWN_WORDS):
        service.reject(order.portal_id, "передумал")
    with pytest.raises(DecisionError, match=UNKNOWN_WORDS):
        service.defer(order.portal_id)

    assert push_all(database, onec).count(WriteState.WRITTEN) == 1
    made = counterparties_with(onec, order.buyer_inn or "", order.buyer_kpp)
    assert order_1c(onec, order.number)["Контрагент_Key"] == made[0]["Ref_Key"]


def test_a_failed_look_up_after_a_lost_answer_keeps_the_outcome_unknown(
    database: Database, onec: OneCEmulator
) -> None:
    """The retry must look before it writes; when the look itself fails, 1C may still hold
    the partner the lost answer made: the decision stays held, not «failed»."""
    order = buyers(database, onec).unknown[0]
    service = DecisionService(database)
    decided = service.create(order.portal_id)
    onec.inject(Fault("drop_after_write", method="POST", entity_set=PARTNERS))
    push_all(database, onec)
    onec.inject(Fault("error500", method="GET", entity_set="Catalog_Контрагенты", times=50))

    push_all(database, onec)

    row = DecisionRepository(database).current(order.portal_id)
    assert row is not None
    assert row.steps[0].state is StepState.SENDING, row.steps[0].said
    with pytest.raises(DecisionError, match=UNKNOWN_WORDS):
        service.reject(order.portal_id, "передумал")
    onec.clear_faults()
    push_all(database, onec)
    assert len(ours(onec, PARTNERS, decided.marker)) == 1
