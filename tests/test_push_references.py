"""Created objects that 1C's own forms can see, and 1C users with restricted rights.

A create decision, pushed against both emulators over real HTTP, writes each contact row
with its predefined kind and the new partner with the access group 1C's site exchange uses
(or the setting); a 1C user whose access groups hide some partners still pushes, and is
told what the 1C administrator must grant when 1C refuses.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from push_scene import (
    IMPORTED,
    PORTAL_ORDERS,
    buyers,
    connection,
    counterparties_with,
    fill,
    push_all,
)
from push_scene import make_world as make_scene_world

from desktop_app.adapters.onec.odata_client import OneCConnection
from desktop_app.domain.decisions import StepState, WriteState
from desktop_app.emulators.onec import OneCEmulator
from desktop_app.emulators.onec import seed_records as records
from desktop_app.emulators.onec import seed_reference as reference
from desktop_app.emulators.portal import PortalEmulator
from desktop_app.emulators.world import World
from desktop_app.services.decision_service import DecisionService
from desktop_app.services.onec_connection import cached_references, connect
from desktop_app.services.settings import OneCSettings
from desktop_app.store.database import Database
from desktop_app.store.decision_repository import DecisionRepository
from desktop_app.store.queue_rows import QueueRow
from desktop_app.wording.registry import said_text

PARTNERS = "Catalog_Партнеры"
CONTACT = {
    "legal_address": "127055, г. Москва, ул. Лесная, д. 5",
    "phone": "+7 495 123-45-67",
    "email": "zakaz@example.ru",
}
MANAGER_GROUPS = (reference.ACCESS_GROUP_SITE, reference.ACCESS_GROUP_WHOLESALE)


@pytest.fixture(scope="module")
def world() -> World:
    return make_scene_world()


@pytest.fixture
def onec(world: World) -> Iterator[OneCEmulator]:
    with OneCEmulator(world, orders=IMPORTED) as emulator:
        emulator.add_user("Менеджер", "м", partner_groups=MANAGER_GROUPS)
        yield emulator


@pytest.fixture
def database(tmp_path: Path, world: World, onec: OneCEmulator) -> Iterator[Database]:
    with PortalEmulator(world, orders=PORTAL_ORDERS) as portal:
        fill(tmp_path / "data", portal, onec)
    with Database.open(tmp_path / "data") as opened:
        yield opened


def decided(database: Database, onec: OneCEmulator) -> QueueRow:
    """An order of a buyer 1C does not know, decided: create it, with its contacts."""
    order = buyers(database, onec).unknown[0]
    DecisionService(database).create(order.portal_id, CONTACT)
    return order


def as_manager(onec: OneCEmulator) -> OneCConnection:
    return replace(connection(onec), user="Менеджер", password="м")


def created_for(onec: OneCEmulator, order: QueueRow) -> dict[str, Any]:
    found = counterparties_with(onec, order.buyer_inn or "", order.buyer_kpp)
    assert len(found) == 1
    return found[0]


def test_a_created_counterparty_is_one_1c_s_forms_show(
    database: Database, onec: OneCEmulator, tmp_path: Path
) -> None:
    order = decided(database, onec)
    settings = OneCSettings(url=onec.service_root, user=onec.user)
    connect(settings, onec.password, tmp_path / "data").client.close()  # the summary, cached
    start = len(onec.requests)

    report = push_all(database, onec,
                  references=cached_references(settings, tmp_path / "data"))  # fmt: skip

    assert report.count(WriteState.WRITTEN) == 1
    created = created_for(onec, order)
    kinds = {(row["Тип"], row["Вид_Key"]) for row in created["КонтактнаяИнформация"]}
    assert ("Телефон", records.KIND_PHONE) in kinds
    assert ("АдресЭлектроннойПочты", records.KIND_EMAIL) in kinds
    assert ("Адрес", records.KIND_LEGAL_ADDRESS) in kinds
    assert {kind for _, kind in kinds} <= {
        records.KIND_PHONE,
        records.KIND_EMAIL,
        records.KIND_LEGAL_ADDRESS,
        records.KIND_ACTUAL_ADDRESS,
    }
    partner = onec.entity(PARTNERS, str(created["Партнер_Key"]))
    assert partner is not None
    assert partner["ГруппаДоступа_Key"] == reference.ACCESS_GROUP_SITE  # as the site exchange
    # Given, the look-up is not repeated by the push: no request for the kinds or groups.
    looked_up = [r.path for r in onec.requests[start:] if "Виды" in r.path or "Группы" in r.path]
    assert looked_up == []


def test_a_restricted_1c_user_creates_and_sees_what_it_created(
    database: Database, onec: OneCEmulator
) -> None:
    order = decided(database, onec)

    # No summary at hand: each worker looks the kinds and the group up itself, with the
    # manager's rights (allowedOnly=true: the partners it may not see are left out).
    report = push_all(database, onec, as_manager(onec))

    assert report.count(WriteState.WRITTEN) == 1, [e.said for e in report.events]
    created = created_for(onec, order)
    partner = onec.entity(PARTNERS, str(created["Партнер_Key"]))
    assert partner is not None and partner["ГруппаДоступа_Key"] == reference.ACCESS_GROUP_SITE


def test_a_group_the_1c_user_may_not_use_fails_with_words_for_the_administrator(
    database: Database, onec: OneCEmulator
) -> None:
    order = decided(database, onec)

    report = push_all(database, onec, as_manager(onec), access_group="Ключевые клиенты")

    assert report.count(WriteState.FAILED) == 1
    row = DecisionRepository(database).current(order.portal_id)
    assert row is not None and row.steps[0].state is StepState.FAILED
    message = said_text(row.write_said)
    assert "нет права записывать справочник «Партнеры»" in message
    assert "«Менеджер»" in message and "Нарушение прав доступа!" in message
    assert counterparties_with(onec, order.buyer_inn or "", order.buyer_kpp) == []
