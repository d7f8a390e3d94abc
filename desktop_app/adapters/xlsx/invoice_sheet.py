"""The invoice as 1C prints it («Счет на оплату»), laid out on one worksheet.

The layout follows 1C's printed form (GUIDE §9): the bank block in frames, the title with a
heavy rule, Поставщик / Покупатель / Основание, the lines table, the totals on the right,
the count and the amount in words, 1C's «Внимание!» paragraph, the signature lines. Values
are native — numbers with number formats, not text — so that the sheet can be summed and
re-used; everything from the portal goes in through `put_text`. The page is A4 portrait,
one page wide, with the table header repeated on every page.
"""

from __future__ import annotations

from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.merge import MergedCellRange
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from desktop_app.adapters.xlsx.safe_text import put_text
from desktop_app.adapters.xlsx.sheet_style import (
    BOLD,
    CENTER,
    LEFT,
    LEFT_CENTER,
    LINE_HEIGHT,
    MEDIUM,
    MONEY,
    NORMAL,
    RIGHT,
    SMALL,
    TITLE,
    TOP_CENTER,
    Frames,
    StyleMemo,
    quantity_format,
    text_lines,
)
from desktop_app.domain.invoice import Invoice
from desktop_app.domain.money import money_text

# №, Товары (two columns, so the bank block and the parties can split them), Кол-во, Ед.,
# Цена, Сумма. Units of Calibri-11 character width; 98 in all fits A4 portrait.
WIDTHS = {"A": 5.0, "B": 16.0, "C": 34.0, "D": 9.0, "E": 7.0, "F": 13.0, "G": 14.0}
LAST_COLUMN = "G"
HEADER_ROW = 17
TERMS = (
    "Внимание! Оплата данного счета означает согласие с условиями поставки товара. "
    "Уведомление об оплате обязательно, в противном случае не гарантируется наличие товара "
    "на складе. Товар отпускается по факту прихода денег на р/с Поставщика, самовывозом, при "
    "наличии доверенности и паспорта."
)
"""The paragraph 1C's «Счет на оплату» prints above the signatures (GUIDE §9): a buyer who
is used to 1C's invoices looks for it, and paying the invoice accepts it."""


class _Layout:
    """The sheet being written, with the few moves the layout is made of."""

    def __init__(self, sheet: Worksheet) -> None:
        self.sheet = sheet
        self.memo = StyleMemo()
        self.frames = Frames()

    def text(
        self,
        ref: str,
        value: str | None,
        font: Font = NORMAL,
        align: Alignment = LEFT,
    ) -> None:
        """Text into the range `ref` ("A1" or "A1:D2", merged), styled."""
        first = ref.split(":")[0]
        cell = self.sheet[first]
        put_text(cell, value)
        self.memo.look(cell, font, align)
        if ":" in ref:
            # Not `merge_cells`, which re-styles the covered cells one by one and compares
            # the range with every range merged before it: the frames are drawn by `box`,
            # and the layout never merges a range twice.
            self.sheet.merged_cells.ranges.add(MergedCellRange(self.sheet, ref))

    def number(self, ref: str, value: Decimal | None, number_format: str, font: Font) -> None:
        cell = self.sheet[ref]
        cell.value = value
        self.memo.look(cell, font, RIGHT, number_format)

    def height(self, row: int, lines: int, line: float = LINE_HEIGHT) -> None:
        self.sheet.row_dimensions[row].height = max(1, lines) * line + 1


def invoice_workbook(invoice: Invoice) -> Workbook:
    """A workbook with the invoice on its only sheet, ready to save or print."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Счет"
    layout = _Layout(sheet)
    for column, width in WIDTHS.items():
        sheet.column_dimensions[column].width = width
    _bank_block(layout, invoice)
    _heading(layout, invoice)
    last = _lines_table(layout, invoice)
    last = _totals(layout, invoice, last + 1)
    last = _terms(layout, last + 2)
    last = _signatures(layout, invoice, last + 2)
    layout.frames.draw(sheet, layout.memo)
    _page_setup(sheet, last)
    return workbook


def _bank_block(layout: _Layout, invoice: Invoice) -> None:
    seller = invoice.seller
    layout.text("A1:D2", seller.bank)
    layout.text("E1", "БИК")
    layout.text("F1:G1", seller.bik)
    layout.text("E2:E3", "Сч. №")
    layout.text("F2:G3", seller.corr_account)
    layout.text("A3:D3", "Банк получателя", SMALL)
    layout.text("A4:B4", f"ИНН {seller.inn}")
    layout.text("C4:D4", f"КПП {seller.kpp}")
    layout.text("E4:E7", "Сч. №")
    layout.text("F4:G7", seller.account)
    layout.text("A5:D6", seller.name)
    layout.text("A7:D7", "Получатель", SMALL)
    frames = ("A1:D3", "E1", "F1:G1", "E2:E3", "F2:G3", "A4:B4", "C4:D4", "A4:D7", "E4:E7", "F4:G7")
    for ref in frames:
        layout.frames.box(ref)
    bank_lines = text_lines(seller.bank, WIDTHS["A"] + WIDTHS["B"] + WIDTHS["C"] + WIDTHS["D"])
    layout.height(1, 1)
    layout.height(2, max(1, bank_lines - 1))
    name_lines = text_lines(seller.name, WIDTHS["A"] + WIDTHS["B"] + WIDTHS["C"] + WIDTHS["D"])
    layout.height(5, 1)
    layout.height(6, max(1, name_lines - 1))
    layout.height(3, 1, 10)
    layout.height(7, 1, 10)


def _heading(layout: _Layout, invoice: Invoice) -> None:
    layout.text(f"A9:{LAST_COLUMN}9", invoice.title, TITLE, LEFT_CENTER)
    layout.frames.underline(f"A9:{LAST_COLUMN}9", MEDIUM)
    layout.height(9, 1, 24)
    wide = sum(WIDTHS[c] for c in "CDEFG")
    rows = (
        (11, "Поставщик\n(Исполнитель):", invoice.seller_party.presentation, BOLD),
        (13, "Покупатель\n(Заказчик):", invoice.buyer.presentation, BOLD),
        (15, "Основание:", invoice.basis, NORMAL),
    )
    for row, label, value, font in rows:
        layout.text(f"A{row}:B{row}", label)
        layout.text(f"C{row}:{LAST_COLUMN}{row}", value, font)
        layout.height(row, max(label.count("\n") + 1, text_lines(value, wide, font.b or False)))


def _lines_table(layout: _Layout, invoice: Invoice) -> int:
    """The table with its header; returns the last row written."""
    sheet, row = layout.sheet, HEADER_ROW
    heads = (("A", "№"), ("B:C", "Товары (работы, услуги)"), ("D", "Кол-во"), ("E", "Ед."))
    for columns, title in (*heads, ("F", "Цена"), ("G", "Сумма")):
        first, _, last = columns.partition(":")
        ref = f"{first}{row}:{last}{row}" if last else f"{first}{row}"
        layout.text(ref, title, BOLD, CENTER)
    name_width = WIDTHS["B"] + WIDTHS["C"]
    for line in invoice.lines:
        row += 1
        cell = sheet[f"A{row}"]
        cell.value = line.number
        layout.memo.look(cell, NORMAL, TOP_CENTER, "0")
        layout.text(f"B{row}:C{row}", line.name)
        if line.quantity is not None:
            layout.number(f"D{row}", line.quantity, quantity_format(line.quantity), NORMAL)
        layout.text(f"E{row}", line.unit, NORMAL, TOP_CENTER)
        layout.number(f"F{row}", line.price, MONEY, NORMAL)
        layout.number(f"G{row}", line.amount, MONEY, NORMAL)
        layout.height(row, text_lines(line.name, name_width))
    layout.frames.grid(f"A{HEADER_ROW}:G{row}")
    layout.frames.box(f"A{HEADER_ROW}:G{row}", MEDIUM)
    return row


def _totals(layout: _Layout, invoice: Invoice, row: int) -> int:
    """Итого, the VAT rows, Всего к оплате, the count and the words; returns the last row."""
    rows: list[tuple[str, Decimal | None]] = [("Итого:", invoice.total)]
    rows += [(vat.label(invoice.vat.mode), vat.amount) for vat in invoice.vat.rows]
    rows.append(("Всего к оплате:", invoice.to_pay))
    for label, amount in rows:
        layout.text(f"A{row}:F{row}", label, BOLD, RIGHT)
        if amount is None:
            layout.text(f"G{row}", "-", BOLD, RIGHT)
        else:
            layout.number(f"G{row}", amount, MONEY, BOLD)
        row += 1
    row += 1
    currency = f" {invoice.currency}" if invoice.currency else ""
    count = (
        f"Всего наименований {len(invoice.lines)}, на сумму {money_text(invoice.to_pay)}{currency}"
    )
    layout.text(f"A{row}:{LAST_COLUMN}{row}", count)
    row += 1
    layout.text(f"A{row}:{LAST_COLUMN}{row}", invoice.amount_words, BOLD)
    layout.height(row, text_lines(invoice.amount_words, sum(WIDTHS.values()), bold=True))
    layout.frames.underline(f"A{row}:{LAST_COLUMN}{row}", MEDIUM)
    return row


def _terms(layout: _Layout, row: int) -> int:
    """The «Внимание!» paragraph, wrapped across the page width; returns its row."""
    layout.text(f"A{row}:{LAST_COLUMN}{row}", TERMS, NORMAL, LEFT)
    layout.height(row, text_lines(TERMS, sum(WIDTHS.values())))
    return row


def _signatures(layout: _Layout, invoice: Invoice, row: int) -> int:
    """Руководитель and Бухгалтер: a line to sign on and the name under its own line."""
    for title, name in (
        ("Руководитель", invoice.seller.head),
        ("Бухгалтер", invoice.seller.accountant),
    ):
        layout.text(f"A{row}:B{row}", title, BOLD, LEFT_CENTER)
        layout.text(f"D{row}:G{row}", name, NORMAL, CENTER)
        layout.frames.underline(f"C{row}:G{row}")
        layout.height(row, 1, 18)
        layout.text(f"C{row + 1}", "подпись", SMALL, CENTER)
        layout.text(f"D{row + 1}:G{row + 1}", "расшифровка подписи", SMALL, CENTER)
        layout.height(row + 1, 1, 10)
        row += 3
    return row - 2


def _page_setup(sheet: Worksheet, last_row: int) -> None:
    """A4 portrait, one page wide (as tall as it needs), the table header on every page."""
    setup = sheet.page_setup
    setup.paperSize = sheet.PAPERSIZE_A4
    setup.orientation = sheet.ORIENTATION_PORTRAIT
    setup.fitToWidth = 1
    setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.print_options.horizontalCentered = True
    margins = sheet.page_margins
    margins.left = margins.right = 0.4
    margins.top = margins.bottom = 0.5
    margins.header = margins.footer = 0.3
    sheet.print_area = f"A1:{LAST_COLUMN}{last_row}"
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    sheet.sheet_view.showGridLines = False
