"""Batch invoices, the order list, and the seller read from the 1C emulator over HTTP."""

from __future__ import annotations

import dataclasses
import datetime as dt
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet._writer import ALL_TEMP_FILES
from openpyxl.worksheet.worksheet import Worksheet

from desktop_app.adapters import keychain
from desktop_app.adapters.onec.odata_client import ODataClient, OneCConnection
from desktop_app.adapters.onec.onec_objects import OneCObjects
from desktop_app.adapters.onec.publication import read_metadata
from desktop_app.domain.order import Order
from desktop_app.domain.review_state import ReviewState
from desktop_app.domain.seller import SellerRequisites
from desktop_app.emulators.onec import OneCEmulator
from desktop_app.emulators.world import World
from desktop_app.services import settings
from desktop_app.services.export_file_names import clean_part, inside, invoice_file_name
from desktop_app.services.export_service import (
    ExportError,
    export_invoices,
    export_order_list,
    find_order,
)
from desktop_app.services.seller_source import read_seller, seller_for_invoices
from desktop_app.store.database import Database
from desktop_app.store.queue_repository import QueueRepository
from desktop_app.wording.registry import said_text

from export_store import set_state, store_orders
from invoice_samples import SELLER, linked


@pytest.fixture(scope="module")
def world() -> World:
    return World.generate(seed=11, buyers=30)


@pytest.fixture
def database(tmp_path: Path) -> Iterator[Database]:
    with Database.open(tmp_path / "data") as db:
        yield db


def hostile_orders(world: World) -> list[Order]:
    """Orders whose Ид and number try to escape the folder or clash after cleaning."""
    base = world.order(1)
    tricks = [
        ("../../evil", "../../evil"),
        ("CON", "CON"),
        ("a/b", "7"),
        ("a_b", "7"),
        ("A_B", "7"),
        ("..", ".."),
        ("x\x00y", "PRN.txt"),
    ]
    return [dataclasses.replace(base, id=i, number=n) for i, n in tricks]


def sheet_of(path: Path) -> Worksheet:
    sheet = load_workbook(path).active
    assert isinstance(sheet, Worksheet)
    return sheet


def test_batch_names_unique_and_inside_the_folder(
    world: World, database: Database, tmp_path: Path
) -> None:
    store_orders(database, [*world.orders(5), *hostile_orders(world)])
    folder = tmp_path / "счета"
    seen: list[tuple[int, int]] = []
    report = export_invoices(
        QueueRepository(database), folder, SELLER, progress=lambda d, t: seen.append((d, t))
    )
    assert not report.cancelled and not report.failed
    assert report.total == len(report.written) == 12
    names = [f.path.name for f in report.written]
    assert len({n.casefold() for n in names}) == 12  # unique even where case is ignored
    assert sorted(p.name for p in folder.iterdir()) == sorted(names)  # nothing else, no temp
    for item in report.written:
        assert item.path.parent == folder
        assert item.path.resolve().parent == folder.resolve()
        assert ".." not in item.path.name.replace("...", "")
        assert sheet_of(item.path)["A9"].value.startswith("Счет на оплату № ")
    assert not (tmp_path / "evil").exists()
    assert seen[0] == (0, 12) and seen[-1] == (12, 12)
    by_id = {f.order_id: f.path.name for f in report.written}
    assert by_id["1"] == "Счет 1 от 2025-10-06 [1].xlsx"
    assert by_id["CON"].startswith("Счет _CON от ")


def test_name_parts_cleaned(tmp_path: Path) -> None:
    assert clean_part('a<b>c:"d"/e\\f|g?h*') == "a_b_c_d_e_f_g_h_"  # a run is one _
    assert clean_part(" trailing dots... ") == "trailing dots"
    assert clean_part("nul") == "_nul" and clean_part("COM1.txt") == "_COM1.txt"
    assert clean_part("..") == ""
    one, two = (invoice_file_name("1", dt.date(2026, 1, 2), i) for i in ("a/b", "a\\b"))
    assert one != two  # the same after cleaning, told apart by the hash
    name = invoice_file_name("Я" * 500, dt.date(2026, 1, 2), "Ж" * 500)
    assert len(name.encode("utf-8")) < 255
    for bad in ("../x.xlsx", "..", "a/b.xlsx", ""):
        with pytest.raises(ValueError):  # noqa: PT011 - UnsafeNameError, whatever its text
            inside(tmp_path, bad)


def test_batch_by_state_with_a_linked_1c_buyer(
    world: World, database: Database, tmp_path: Path
) -> None:
    store_orders(database, world.orders(6))
    set_state(database, ["2", "4"], ReviewState.DECIDED)
    one_c = linked("Покупатель из 1С", 'ООО "Покупатель из 1С"', "7701234567", "770101001")
    report = export_invoices(
        QueueRepository(database),
        tmp_path / "out",
        SELLER,
        state=ReviewState.DECIDED,
        buyer_for=lambda order: one_c if order.id == "4" else None,
    )
    assert sorted(f.order_id for f in report.written) == ["2", "4"]
    paths = {f.order_id: f.path for f in report.written}
    assert sheet_of(paths["4"])["C13"].value.startswith('ООО "Покупатель из 1С", ИНН 7701234567')
    portal_name = world.order(2).buyer
    assert portal_name is not None
    assert "Покупатель из 1С" not in sheet_of(paths["2"])["C13"].value


def test_batch_cancelled_keeps_whole_files(
    world: World, database: Database, tmp_path: Path
) -> None:
    store_orders(database, world.orders(6))
    cancel = threading.Event()

    def progress(done: int, _total: int) -> None:
        if done == 2:
            cancel.set()

    folder = tmp_path / "out"
    report = export_invoices(
        QueueRepository(database), folder, SELLER, progress=progress, cancel=cancel
    )
    assert report.cancelled and len(report.written) == 2 and report.total == 6
    assert sorted(p.name for p in folder.iterdir()) == sorted(f.path.name for f in report.written)
    for item in report.written:
        assert sheet_of(item.path)["A1"].value == SELLER.bank


def test_batch_into_a_file_is_a_clear_error(database: Database, tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x", encoding="utf-8")
    with pytest.raises(ExportError, match="файл, а не папка"):
        export_invoices(QueueRepository(database), tmp_path / "file", SELLER)


def test_order_named_by_id_or_unambiguous_number(world: World, database: Database) -> None:
    twins = [dataclasses.replace(world.order(3), id=f"twin-{n}", number="55") for n in (1, 2)]
    store_orders(database, [world.order(3), *twins])
    repository = QueueRepository(database)
    assert find_order(repository, "3").id == "3"
    assert find_order(repository, "twin-2").id == "twin-2"
    with pytest.raises(ExportError, match="у нескольких заказов"):
        find_order(repository, "55")
    with pytest.raises(ExportError, match="нет в локальной базе"):
        find_order(repository, "404")


def test_order_list_native_values_frozen_header_filter(
    world: World, database: Database, tmp_path: Path
) -> None:
    hostile = dataclasses.replace(
        world.order(9),
        id="hostile",
        number="=1+1",
        counterparties=(
            dataclasses.replace(world.order(9).counterparties[0], name="=cmd|' /C calc'!A0"),
        ),
    )
    store_orders(database, [*world.orders(8), hostile])
    set_state(database, ["2"], ReviewState.REJECTED)
    repository = QueueRepository(database)
    path = tmp_path / "заказы.xlsx"
    seen: list[tuple[int, int]] = []
    count = export_order_list(repository, path, progress=lambda d, t: seen.append((d, t)))
    assert count == 9 and seen[-1] == (9, 9)
    sheet = sheet_of(path)
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:O10"
    header = [c.value for c in sheet[1]]
    assert header[:9] == [
        "Номер", "Дата", "Покупатель", "ИНН", "КПП", "Вид", "Сумма", "Валюта", "Состояние"
    ]  # fmt: skip
    assert header[9:11] == ["Решение", "Контрагент 1С"]
    rows = {r[13].value: r for r in sheet.iter_rows(min_row=2)}
    first = rows["1"]
    order = world.order(1)
    assert first[1].value == dt.datetime.combine(order.date or dt.date.min, dt.time())
    assert first[1].number_format == "DD.MM.YYYY"
    assert first[6].value == pytest.approx(float(order.total or 0))
    assert first[6].number_format == "#,##0.00" and first[6].data_type == "n"
    assert first[8].value == "новый"
    assert rows["2"][8].value == "отклонён"
    assert {r[11].value for r in rows.values()} == {"нет"}  # «Изменён на портале» filled
    assert all(cell.font.sz == 11 for cell in first) and sheet["A1"].font.sz == 11
    assert rows["hostile"][0].data_type == "s" and rows["hostile"][0].value == "=1+1"
    assert rows["hostile"][2].data_type == "s"
    assert rows["hostile"][2].value == "=cmd|' /C calc'!A0"
    widths = [sheet.column_dimensions[c].width for c in "ABCDEFGHIJKLMNO"]
    assert all(w >= len(str(h)) + 3 for w, h in zip(widths, header, strict=True))
    buyer = max((str(r[2].value) for r in rows.values() if r[2].value), key=len)
    assert widths[2] >= min(60, len(buyer) * 1.2)  # Cyrillic is wider than the digits counted
    fit = sheet.sheet_properties.pageSetUpPr
    assert fit is not None and fit.fitToPage

    only = export_order_list(repository, tmp_path / "rejected.xlsx", state=ReviewState.REJECTED)
    assert only == 1
    assert sheet_of(tmp_path / "rejected.xlsx").max_row == 2


def test_order_list_cancelled_leaves_no_file(
    world: World, database: Database, tmp_path: Path
) -> None:
    store_orders(database, world.orders(3))
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(ExportError, match="отменена"):
        export_order_list(QueueRepository(database), tmp_path / "x.xlsx", cancel=cancel)
    assert list(tmp_path.glob("*.xlsx")) == [] and list(tmp_path.glob(".*")) == []
    assert not ALL_TEMP_FILES  # openpyxl's streaming file was removed, not left till exit


# --- the seller from 1C ---------------------------------------------------------------------


@pytest.fixture
def onec(world: World) -> Iterator[OneCEmulator]:
    with OneCEmulator(world, orders=2) as emulator:
        yield emulator


def test_seller_read_from_catalog_organizations(onec: OneCEmulator) -> None:
    head_office = onec.entities("Catalog_Организации")[0]
    (account,) = onec.entities(
        "Catalog_БанковскиеСчетаОрганизаций", Owner_Key=head_office["Ref_Key"]
    )
    client = ODataClient(OneCConnection(url=onec.service_root, user="Администратор", password=""))
    with client:
        publication = read_metadata(client.metadata(), client.root)
        objects = OneCObjects(client)
        reading = read_seller(objects, publication, head_office["ИНН"])
        several = read_seller(objects, publication)
    seller = reading.seller
    assert seller.name == head_office["НаименованиеПолное"]
    assert (seller.inn, seller.kpp) == (head_office["ИНН"], head_office["КПП"])
    assert seller.address == head_office["ЮридическийАдрес"]
    assert seller.account == account["НомерСчета"] and seller.bik == account["БИКБанка"]
    assert seller.corr_account == account["КоррСчетБанка"]
    assert seller.bank.startswith(account["НаименованиеБанка"])
    assert (seller.head, seller.accountant) == ("", "")  # not in the standard interface
    assert several.seller.is_empty
    cli, window = said_text(several.notes[0]), said_text(several.notes[0], window=True)
    assert "несколько организаций" in cli and "config set seller.inn" in cli
    assert "несколько организаций" in window and "вкладке «Продавец»" in window
    assert "seller.inn" not in window  # the window says where to act, not the CLI's key


def test_settings_win_and_1c_fills_the_blanks(onec: OneCEmulator, tmp_path: Path) -> None:
    head_office = onec.entities("Catalog_Организации")[0]
    onec.add_user("Менеджер", "пароль")
    keychain.store_password("onec", "Менеджер", onec.service_root, "пароль")
    mine = SellerRequisites(inn=head_office["ИНН"], head="Иванов И. И.", name="ТД Снабжение")
    current = settings.Settings(
        onec=settings.OneCSettings(url=onec.service_root, user="Менеджер"), seller=mine
    )
    reading = seller_for_invoices(current, tmp_path)
    assert reading.notes == ()
    assert reading.seller.name == "ТД Снабжение" and reading.seller.head == "Иванов И. И."
    assert reading.seller.kpp == head_office["КПП"] and len(reading.seller.account) == 20

    onec.stop()  # 1C unreachable: the settings' seller, and a note
    unreachable = seller_for_invoices(current, tmp_path)
    assert unreachable.seller == mine
    assert said_text(unreachable.notes[0]).startswith("Реквизиты продавца из 1С не прочитаны")
    assert seller_for_invoices(settings.Settings(seller=mine), tmp_path).notes == ()
