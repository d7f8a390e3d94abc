"""`export-invoice`, `export-invoices`, `export-orders` as a user runs them."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop_app.adapters import keychain
from desktop_app.domain.review_state import ReviewState
from desktop_app.domain.seller import SellerRequisites
from desktop_app.emulators.onec import OneCEmulator
from desktop_app.emulators.world import World
from desktop_app.services import settings
from desktop_app.store.database import Database

from conftest import ROOT
from export_store import set_state, store_orders
from invoice_samples import SELLER


def cli(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop_app", "--data-dir", str(data_dir), *args],
        cwd=ROOT, capture_output=True, text=True, encoding="utf-8", check=False, timeout=180,
    )  # fmt: skip


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A data folder with 12 orders (one with a hostile buyer name) and the seller set."""
    folder = tmp_path / "data"
    world = World.generate(seed=23, buyers=20)
    first = world.order(1)
    party = dataclasses.replace(first.counterparties[0], official_name="=2+2 ООО «Ромашка»")
    hostile = dataclasses.replace(first, id="evil", number="../../777", counterparties=(party,))
    with Database.open(folder) as database:
        store_orders(database, [*world.orders(11), hostile])
        set_state(database, ["3", "5", "evil"], ReviewState.DECIDED)
    settings.save(folder, settings.Settings(seller=SELLER))
    return folder


def test_export_invoice_by_number(data: Path, tmp_path: Path) -> None:
    target = tmp_path / "счёт 7.xlsx"
    result = cli(data, "export-invoice", "7", "-o", str(target))
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert "Счет на оплату № 7 от " in result.stdout and str(target) in result.stdout
    sheet = load_workbook(target).active
    assert sheet is not None
    assert sheet["A9"].value.startswith("Счет на оплату № 7 от ")
    assert sheet["A5"].value == SELLER.name


def test_export_invoice_number_and_date_given(data: Path, tmp_path: Path) -> None:
    target = tmp_path / "x.xlsx"
    result = cli(
        data, "export-invoice", "7", "-o", str(target), "--number", "СЧ-1", "--date", "2026-11-28"
    )
    assert result.returncode == 0, result.stderr
    sheet = load_workbook(target).active
    assert sheet is not None
    assert sheet["A9"].value == "Счет на оплату № СЧ-1 от 28 ноября 2026 г."


def test_missing_seller_requisites_warned_invoice_still_made(tmp_path: Path, data: Path) -> None:
    settings.save(data, settings.Settings(seller=dataclasses.replace(SELLER, kpp="", head="")))
    target = tmp_path / "x.xlsx"
    result = cli(data, "export-invoice", "evil", "-o", str(target))
    assert result.returncode == 1
    assert "не заполнено: КПП, руководитель" in result.stderr
    sheet = load_workbook(target).active
    assert sheet is not None
    assert sheet["C13"].data_type == "s" and sheet["C13"].value.startswith("=2+2 ООО «Ромашка»")


def test_user_errors_are_one_line_and_exit_2(data: Path, tmp_path: Path) -> None:
    for args, message in (
        (("export-invoice", "404", "-o", str(tmp_path / "x.xlsx")), "Заказа «404» нет"),
        (("export-invoice", "7", "-o", str(tmp_path / "x.pdf")), "оканчиваться на .xlsx"),
        (("export-invoice", "7", "-o", str(tmp_path / "no" / "x.xlsx")), "Папки"),
        (("export-invoice", "7", "-o", "x.xlsx", "--date", "28.11.2026"), "ГГГГ-ММ-ДД"),
        (("export-orders", "-o", str(tmp_path / "no" / "x.xlsx")), "Папки"),
    ):
        result = cli(data, *args)
        assert result.returncode == 2, (args, result.stderr)
        assert message in result.stderr
        assert "Traceback" not in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1


def test_export_invoices_by_state_into_a_folder(data: Path, tmp_path: Path) -> None:
    folder = tmp_path / "счета"
    result = cli(data, "export-invoices", "--state", "decided", "-o", str(folder))
    assert result.returncode == 0, result.stderr
    assert "Счетов создано: 3 из 3" in result.stdout
    names = sorted(p.name for p in folder.iterdir())
    assert len(names) == 3
    assert all(p.resolve().parent == folder.resolve() for p in folder.iterdir())
    assert [p.parent for p in tmp_path.rglob("*.xlsx")] == [folder] * 3  # none escaped
    nothing = cli(data, "export-invoices", "--state", "written", "-o", str(tmp_path / "empty"))
    assert nothing.returncode == 0 and "счета не созданы" in nothing.stdout


def test_export_orders_whole_queue_and_by_state(data: Path, tmp_path: Path) -> None:
    everything = tmp_path / "all.xlsx"
    result = cli(data, "export-orders", "-o", str(everything))
    assert result.returncode == 0, result.stderr
    assert "Заказов в списке: 12" in result.stdout
    sheet = load_workbook(everything).active
    assert sheet is not None
    assert sheet.max_row == 13 and sheet.freeze_panes == "A2"

    decided = tmp_path / "decided.xlsx"
    assert cli(data, "export-orders", "--state", "decided", "-o", str(decided)).returncode == 0
    sheet = load_workbook(decided).active
    assert sheet is not None
    assert sheet.max_row == 4
    assert {row[8].value for row in sheet.iter_rows(min_row=2)} == {"решение принято"}


def test_seller_blanks_filled_from_1c(data: Path, tmp_path: Path) -> None:
    with OneCEmulator(World.generate(seed=23, buyers=20)) as onec:
        head_office = onec.entities("Catalog_Организации")[0]
        (account,) = onec.entities(
            "Catalog_БанковскиеСчетаОрганизаций", Owner_Key=head_office["Ref_Key"]
        )
        mine = SellerRequisites(
            inn=head_office["ИНН"], head="Иванов И. И.", accountant="Петрова А. А."
        )
        onec_section = settings.OneCSettings(url=onec.service_root, user="Администратор")
        settings.save(data, settings.Settings(onec=onec_section, seller=mine))
        keychain.store_password("onec", "Администратор", onec.service_root, "")
        target = tmp_path / "x.xlsx"
        result = cli(data, "export-invoice", "7", "-o", str(target))
    assert result.returncode == 0, result.stderr
    sheet = load_workbook(target).active
    assert sheet is not None
    assert sheet["A5"].value == head_office["НаименованиеПолное"]
    assert sheet["F4"].value == account["НомерСчета"] and sheet["F1"].value == account["БИКБанка"]
    assert sheet["C4"].value == f"КПП {head_office['КПП']}"
