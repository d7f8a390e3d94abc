"""The invoice workbook: values, formats, merged cells, print settings, hostile text."""

from __future__ import annotations

import dataclasses
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from desktop_app.adapters.xlsx.invoice_sheet import TERMS
from desktop_app.adapters.xlsx.safe_text import MAX_CELL_CHARS, clean_text
from desktop_app.adapters.xlsx.workbook_file import save_atomically
from desktop_app.domain.invoice import Invoice, build_invoice
from desktop_app.services.export_service import ExportError, write_invoice

from invoice_samples import SELLER, buyer, line, order

MONEY = "#,##0.00"


def saved(invoice: Invoice, tmp_path: Path, name: str = "invoice.xlsx") -> Worksheet:
    path = write_invoice(invoice, tmp_path / name)
    sheet = load_workbook(path).active
    assert isinstance(sheet, Worksheet)
    return sheet


def row_of(sheet: Worksheet, label: str) -> int:
    """The row whose column A holds `label`."""
    for (cell,) in sheet.iter_rows(min_col=1, max_col=1):
        if cell.value == label:
            return int(cell.row)
    raise AssertionError(f"no row {label!r}")


def test_layout_values_and_formats(tmp_path: Path) -> None:
    lines = [line("Каска защитная", "10", "120.00"), line("Кабель ВВГ", "2.5", "88.40", unit="м")]
    sheet = saved(build_invoice(order(*lines), SELLER), tmp_path)

    assert sheet["A1"].value == SELLER.bank
    assert sheet["F1"].value == SELLER.bik
    assert sheet["F2"].value == SELLER.corr_account
    assert sheet["F4"].value == SELLER.account
    assert sheet["A4"].value == f"ИНН {SELLER.inn}"
    assert sheet["C4"].value == f"КПП {SELLER.kpp}"
    assert sheet["A5"].value == SELLER.name
    assert sheet["A9"].value == "Счет на оплату № 1027 от 28 ноября 2026 г."
    assert sheet["A9"].font.b and sheet["A9"].font.sz == 14
    assert sheet["C11"].value.startswith(f"{SELLER.name}, ИНН {SELLER.inn}, КПП {SELLER.kpp}, ")
    assert sheet["C13"].value.startswith('ООО "Ромашка", ИНН 7701234567, КПП 770101001, 125009')
    assert sheet["C15"].value == "Заказ № 1027 от 28 ноября 2026 г."

    header = [sheet.cell(17, c).value for c in (1, 2, 4, 5, 6, 7)]
    assert header == ["№", "Товары (работы, услуги)", "Кол-во", "Ед.", "Цена", "Сумма"]
    assert [sheet.cell(18, c).value for c in range(1, 8)] == [
        1, "Каска защитная", None, 10, "шт", 120, 1200
    ]  # fmt: skip
    assert sheet["D18"].number_format == "#,##0"
    assert sheet["D19"].value == 2.5 and sheet["D19"].number_format == "#,##0.0##"
    assert sheet["E19"].value == "м"
    for ref in ("F18", "G18", "F19", "G19"):
        assert sheet[ref].number_format == MONEY
        assert sheet[ref].data_type == "n"
    assert sheet["G19"].value == pytest.approx(221.00)

    total = row_of(sheet, "Итого:")
    assert sheet.cell(total, 7).value == pytest.approx(1421.00)
    assert sheet.cell(total, 7).number_format == MONEY
    assert sheet.cell(total + 1, 1).value == "В том числе НДС (20%):"
    assert sheet.cell(total + 1, 7).value == pytest.approx(236.83)
    assert sheet.cell(total + 2, 1).value == "Всего к оплате:"
    assert sheet.cell(total + 2, 7).value == pytest.approx(1421.00)
    count = sheet.cell(total + 4, 1).value
    assert count == "Всего наименований 2, на сумму 1\u00a0421,00 руб."
    assert sheet.cell(total + 5, 1).value == ("Одна тысяча четыреста двадцать один рубль 00 копеек")
    assert sheet.cell(total + 5, 1).font.b
    terms = row_of(sheet, TERMS)
    assert TERMS.startswith("Внимание! Оплата данного счета означает согласие с условиями")
    assert total + 5 < terms < row_of(sheet, "Руководитель")  # above the signatures
    assert sheet.row_dimensions[terms].height >= 2 * 12  # wrapped over two lines at least
    assert sheet.cell(row_of(sheet, "Руководитель"), 4).value == SELLER.head
    assert sheet.cell(row_of(sheet, "Бухгалтер"), 4).value == SELLER.accountant


def test_merged_cells_borders_and_print_settings(tmp_path: Path) -> None:
    sheet = saved(build_invoice(order(line("Каска", "1", "100.00")), SELLER), tmp_path)
    merged = {str(r) for r in sheet.merged_cells.ranges}
    assert {"A1:D2", "F1:G1", "E2:E3", "F2:G3", "E4:E7", "F4:G7", "A5:D6", "A9:G9"} <= merged
    assert {"A11:B11", "C11:G11", "C13:G13", "B17:C17", "B18:C18"} <= merged
    assert sheet["A17"].border.top.style == "medium"  # the table's frame
    assert sheet["G18"].border.right.style == "medium"
    assert sheet["B18"].border.bottom.style == "medium"
    assert sheet["A1"].border.top.style == "thin" and sheet["A1"].border.left.style == "thin"
    assert sheet["D9"].border.bottom.style == "medium"  # the rule under the title
    assert sheet.column_dimensions["C"].width == 34

    setup = sheet.page_setup
    assert setup.orientation == "portrait"
    assert setup.paperSize == 9  # A4
    assert (setup.fitToWidth, setup.fitToHeight) == (1, 0)
    fit = sheet.sheet_properties.pageSetUpPr
    assert fit is not None and fit.fitToPage
    last = row_of(sheet, "Бухгалтер") + 1
    assert sheet.print_area == f"'Счет'!$A$1:$G${last}"
    assert sheet.print_title_rows == "$17:$17"


def test_vat_on_top_and_without_vat_rows(tmp_path: Path) -> None:
    on_top = saved(
        build_invoice(order(line("Каска", "10", "120.00"), vat="on_top"), SELLER), tmp_path
    )
    total = row_of(on_top, "Итого:")
    assert on_top.cell(total, 7).value == pytest.approx(1200)
    assert on_top.cell(total + 1, 1).value == "НДС (20%):"
    assert on_top.cell(total + 1, 7).value == pytest.approx(240)
    assert on_top.cell(total + 2, 7).value == pytest.approx(1440)

    free = build_invoice(order(line("Услуга", "1", "500.00", None), vat="none"), SELLER)
    none = saved(free, tmp_path, "free.xlsx")
    total = row_of(none, "Итого:")
    assert none.cell(total + 1, 1).value == "Без налога (НДС)"
    assert none.cell(total + 1, 7).value == "-"
    assert none.cell(total + 2, 7).value == pytest.approx(500)


@pytest.mark.parametrize("start", ["=", "+", "-", "@"])
def test_portal_text_that_looks_like_a_formula_stays_text(tmp_path: Path, start: str) -> None:
    hostile = f'{start}HYPERLINK("http://evil.example/","Ромашка")'
    party = buyer(name=hostile)
    lines = [line(f"{start}1+1", "1", "10.00")]
    sheet = saved(build_invoice(order(*lines, party=party), SELLER), tmp_path)
    buyer_cell = sheet["C13"]
    assert buyer_cell.data_type == "s"
    assert buyer_cell.value.startswith(hostile)
    assert buyer_cell.quotePrefix
    assert sheet["B18"].data_type == "s" and sheet["B18"].value == f"{start}1+1"
    with zipfile.ZipFile(tmp_path / "invoice.xlsx") as package:
        xml = package.read("xl/worksheets/sheet1.xml").decode("utf-8")
    assert "<f>" not in xml and "<f " not in xml  # no formula anywhere in the sheet


def test_control_characters_removed_not_crashing(tmp_path: Path) -> None:
    party = buyer(name="ООО\x07 «Ромашка»\x00\x1f", legal_address="г. Москва\x0b, ул.\ud800 Ленина")
    lines = [line("Каска\x01 белая\ufffe", "1", "10.00")]
    sheet = saved(build_invoice(order(*lines, party=party), SELLER), tmp_path)
    assert sheet["C13"].value.startswith("ООО «Ромашка», ИНН")
    assert sheet["C13"].value.endswith("г. Москва, ул. Ленина")
    assert sheet["B18"].value == "Каска белая"


def test_ten_megabytes_in_a_field_cut_to_what_a_cell_holds(tmp_path: Path) -> None:
    huge = "Ромашка " * 1_300_000
    sheet = saved(build_invoice(order(line(huge, "1", "10.00")), SELLER), tmp_path)
    assert len(sheet["B18"].value) == MAX_CELL_CHARS
    assert clean_text("a\tb\nc\r") == "a\tb\nc\r"  # tab and line breaks are allowed


def test_blank_seller_still_makes_an_invoice(tmp_path: Path) -> None:
    from desktop_app.domain.seller import SellerRequisites

    invoice = build_invoice(order(line("Каска", "1", "100.00")), SellerRequisites(head="Иванов"))
    sheet = saved(invoice, tmp_path)
    assert sheet["A4"].value == "ИНН " and sheet["F4"].value is None
    assert invoice.warnings[0].startswith("В реквизитах продавца не заполнено: наименование")


def test_saved_whole_or_not_at_all(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "invoice.xlsx"
    first = build_invoice(order(line("Каска", "1", "100.00")), SELLER)
    write_invoice(first, target)
    before = target.read_bytes()

    def crash(self: object, stream: object) -> None:
        getattr(stream, "write")(b"PK\x03\x04 half a file")  # noqa: B009 - a stream of any type
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("openpyxl.workbook.workbook.Workbook.save", crash)
    second = dataclasses.replace(first, number="2000")
    with pytest.raises(ExportError, match="не записать"):
        write_invoice(second, target)
    assert target.read_bytes() == before  # the old file, untouched
    assert sorted(p.name for p in tmp_path.iterdir()) == ["invoice.xlsx"]  # no temp left

    with pytest.raises(OSError, match="No space"):
        save_atomically(load_workbook(target), tmp_path / "new.xlsx")
    assert not (tmp_path / "new.xlsx").exists()


def test_bad_target_is_a_clear_error(tmp_path: Path) -> None:
    invoice = build_invoice(order(line("Каска", "1", "100.00")), SELLER)
    with pytest.raises(ExportError, match=r"оканчиваться на \.xlsx"):
        write_invoice(invoice, tmp_path / "invoice.pdf")
    with pytest.raises(ExportError, match=r"Папки .* нет"):
        write_invoice(invoice, tmp_path / "missing" / "invoice.xlsx")


def test_many_lines_fit_the_width_and_repeat_the_header(tmp_path: Path) -> None:
    lines = [line(f"Товар с длинным наименованием номер {n} " * 3, "1", "1.00") for n in range(80)]
    sheet = saved(build_invoice(order(*lines), SELLER), tmp_path)
    assert sheet.cell(17 + 80, 1).value == 80
    assert sheet.row_dimensions[18].height >= 2 * 12  # a long name wraps: the row grows
    assert sheet.print_title_rows == "$17:$17"
    assert Decimal(str(sheet.cell(row_of(sheet, "Итого:"), 7).value)) == Decimal(80)


def test_an_order_without_lines_still_gives_a_whole_invoice(tmp_path: Path) -> None:
    invoice = build_invoice(order(vat="none", total="0"), SELLER)
    sheet = saved(invoice, tmp_path)
    assert sheet["A17"].value == "№"
    total = row_of(sheet, "Итого:")
    assert total == 18 and sheet.cell(total, 7).value == 0
    assert sheet.cell(total + 4, 1).value == "Всего наименований 0, на сумму 0,00 руб."
    assert sheet.cell(total + 5, 1).value == "Ноль рублей 00 копеек"
