"""The export use cases the window and the CLI share: the whole chain, once.

Seller → linked buyer → make → write, with the folder noted for the leftovers' cleaning,
and what the invoices could not fill said the same way to both callers.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from desktop_app.emulators.world import World
from desktop_app.services import leftovers
from desktop_app.services.decision_service import DecisionService
from desktop_app.services.export_operations import (
    export_order_invoice,
    export_queue_invoices,
    export_queue_list,
)
from desktop_app.services.export_service import ExportError
from desktop_app.services.settings import Settings
from desktop_app.store.database import Database
from desktop_app.store.directory_repository import DirectoryRepository

from export_store import store_orders
from invoice_samples import SELLER, linked

SETTLED = Settings(seller=SELLER)
"""Settings with the seller's requisites filled: no blanks to warn of."""


@pytest.fixture(scope="module")
def world() -> World:
    return World.generate(seed=11, buyers=30)


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def database(data: Path) -> Iterator[Database]:
    with Database.open(data) as db:
        yield db


def noted(data: Path) -> list[str]:
    return leftovers._export_folders(data)


def cell_texts(path: Path) -> list[str]:
    sheet = load_workbook(path).active
    assert isinstance(sheet, Worksheet)
    return [str(c.value) for row in sheet.iter_rows() for c in row if c.value is not None]


def test_one_invoice_names_the_linked_1c_buyer_and_notes_its_folder(
    world: World, database: Database, data: Path, tmp_path: Path
) -> None:
    order = world.order(3)
    store_orders(database, [order])
    one_c = linked("Покупатель из 1С", 'ООО "Покупатель из 1С"', "7701234567", "770101001")
    directory = DirectoryRepository(database)
    generation = directory.start_refresh("counterparties")
    directory.store_counterparties(generation, [one_c])
    directory.finish_refresh(generation, complete=True)
    DecisionService(database, user="manager").link(order.id, one_c.ref_key)
    out = tmp_path / "out"
    out.mkdir()

    done = export_order_invoice(database, SETTLED, data, order, out / "счёт.xlsx", number="77")

    assert done.path == out / "счёт.xlsx" and done.invoice.number == "77"
    assert done.problems == ()
    assert any('ООО "Покупатель из 1С", ИНН 7701234567' in text for text in cell_texts(done.path))
    assert noted(data) == [str(out.resolve())]


def test_one_invoice_says_what_it_could_not_fill(
    world: World, database: Database, data: Path, tmp_path: Path
) -> None:
    order = world.order(2)
    store_orders(database, [order])
    done = export_order_invoice(database, Settings(), data, order, tmp_path / "счёт.xlsx")
    assert done.problems and done.problems == done.invoice.warnings
    assert "реквизитах продавца не заполнено" in done.problems[0]
    with pytest.raises(ExportError):
        export_order_invoice(database, Settings(), data, order, tmp_path / "счёт.txt")


def test_a_batch_says_the_common_blanks_once_and_the_rest_per_order(
    world: World, database: Database, data: Path, tmp_path: Path
) -> None:
    orders = list(world.orders(3))
    odd = dataclasses.replace(orders[1], total=(orders[1].total or Decimal(0)) + 100)
    store_orders(database, [orders[0], odd, orders[2]])

    done = export_queue_invoices(database, Settings(), data, tmp_path / "счета")

    assert len(done.report.written) == done.report.total == 3
    blanks = [line for line in done.problems if "реквизитах продавца" in line]
    assert len(blanks) == 1 and not blanks[0].startswith("заказ ")  # said once, for all
    own = [line for line in done.problems if line.startswith("заказ ")]
    assert own and all(line.startswith(f"заказ {odd.id}: Сумма счёта") for line in own)
    assert noted(data) == [str((tmp_path / "счета").resolve())]

    clean = export_queue_invoices(database, SETTLED, data, tmp_path / "счета-2", search="нет")
    assert clean.report.total == 0 and clean.problems == []


def test_the_list_notes_its_folder(
    world: World, database: Database, data: Path, tmp_path: Path
) -> None:
    store_orders(database, world.orders(4))
    assert export_queue_list(database, data, tmp_path / "заказы.xlsx") == 4
    assert noted(data) == [str(tmp_path.resolve())]


def test_the_list_says_each_decision_and_its_1c_counterparty(
    world: World, database: Database, data: Path, tmp_path: Path
) -> None:
    orders = list(world.orders(3))
    store_orders(database, orders)
    one_c = linked("Покупатель из 1С", 'ООО "Покупатель из 1С"', "7701234567", "770101001")
    directory = DirectoryRepository(database)
    generation = directory.start_refresh("counterparties")
    directory.store_counterparties(generation, [one_c])
    directory.finish_refresh(generation, complete=True)
    decisions = DecisionService(database, user="manager")
    decisions.link(orders[0].id, one_c.ref_key)
    decisions.reject(orders[1].id, "тестовый заказ")

    assert export_queue_list(database, data, tmp_path / "заказы.xlsx") == 3

    sheet = load_workbook(tmp_path / "заказы.xlsx").active
    assert isinstance(sheet, Worksheet)
    header = [c.value for c in sheet[1]]
    decision, counterparty = header.index("Решение"), header.index("Контрагент 1С")
    by_id = {row[header.index("Ид на портале")]: row for row in sheet.iter_rows(values_only=True)}
    assert by_id[orders[0].id][decision] == "связать, ждёт отправки в 1С"
    assert by_id[orders[0].id][counterparty] == "Покупатель из 1С (7701234567 / 770101001)"
    assert by_id[orders[1].id][decision] == "отклонить"
    assert by_id[orders[1].id][counterparty] is None
    assert by_id[orders[2].id][decision] is None
