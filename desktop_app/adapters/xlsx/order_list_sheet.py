"""A list of orders as a worksheet: one row per order, native values, ready to filter.

The list can hold the whole queue (tens of thousands of orders), so it is written in
openpyxl's write-only mode, row by row, with flat memory. That mode needs the column widths
before the first row, so the caller hands over the rows as a sequence and the widths are
fitted from them first, for the list's on-screen font size. Dates and amounts stay numbers
with a number format; text from the portal goes through `put_text`.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.properties import PageSetupProperties

from desktop_app.adapters.xlsx.safe_text import clean_text, put_text
from desktop_app.adapters.xlsx.sheet_style import DATE, DATE_TIME, FONT_NAME, MONEY, WHOLE

CellValue = str | Decimal | int | dt.date | dt.datetime | None
Progress = Callable[[int, int], None]
"""(rows written, rows in all)."""
MAX_WIDTH = 60.0
MIN_WIDTH = 10.0
LIST_FONT_SIZE = 11
"""A list is read on screen: Excel's own default size, not the invoice's print size (9)."""
LIST_FONT = Font(name=FONT_NAME, size=LIST_FONT_SIZE)
LIST_BOLD = Font(name=FONT_NAME, size=LIST_FONT_SIZE, bold=True)
WIDE_GLYPHS = 1.2
"""Column widths count Latin digits of the default font; Cyrillic letters in Arial 11 are
wider, so a width fitted by the character count alone cuts a Russian name short."""
HEADER_ALIGN = Alignment(horizontal="center", vertical="center", wrap_text=True)


class Kind(Enum):
    TEXT = "text"
    MONEY = "money"
    WHOLE = "whole"
    DATE = "date"
    DATE_TIME = "date_time"


@dataclass(frozen=True, slots=True)
class Column:
    title: str
    kind: Kind


class ListCancelledError(Exception):
    """The user stopped the export; nothing was saved."""


ORDER_COLUMNS = (
    Column("Номер", Kind.TEXT),
    Column("Дата", Kind.DATE),
    Column("Покупатель", Kind.TEXT),
    Column("ИНН", Kind.TEXT),
    Column("КПП", Kind.TEXT),
    Column("Вид", Kind.TEXT),
    Column("Сумма", Kind.MONEY),
    Column("Валюта", Kind.TEXT),
    Column("Состояние", Kind.TEXT),
    Column("Решение", Kind.TEXT),
    Column("Контрагент 1С", Kind.TEXT),
    Column("Изменён на портале", Kind.TEXT),
    Column("Версий", Kind.WHOLE),
    Column("Ид на портале", Kind.TEXT),
    Column("Получен", Kind.DATE_TIME),
)
"""The order list's columns; the service hands one value per column, in this order."""

_FORMATS = {Kind.MONEY: MONEY, Kind.WHOLE: WHOLE, Kind.DATE: DATE, Kind.DATE_TIME: DATE_TIME}
_SHOWN_WIDTH = {Kind.MONEY: 15, Kind.WHOLE: 8, Kind.DATE: 12, Kind.DATE_TIME: 17}


def list_workbook(
    rows: Sequence[Sequence[CellValue]],
    columns: Sequence[Column] = ORDER_COLUMNS,
    *,
    title: str = "Заказы",
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> Workbook:
    """A write-only workbook with the list; save it with `save_atomically` once."""
    workbook = Workbook(write_only=True)
    # Any: the stubs do not know the attributes a write-only sheet borrows from Worksheet.
    sheet: Any = workbook.create_sheet(title)
    for index, width in enumerate(_widths(rows, columns), start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    # Written before the rows in this mode, so set now: the page fits the width when printed.
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    total = len(rows)
    try:
        sheet.append([_header(sheet, column.title) for column in columns])
        for done, row in enumerate(rows, start=1):
            sheet.append([_cell(sheet, v, c.kind) for v, c in zip(row, columns, strict=True)])
            if done % 500 == 0 or done == total:
                if cancel is not None and cancel.is_set():
                    raise ListCancelledError("Выгрузка списка отменена.")
                if progress is not None:
                    progress(done, total)
    except BaseException:
        _discard(sheet)
        raise
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{total + 1}"
    sheet.print_title_rows = "1:1"
    setup = sheet.page_setup
    setup.orientation = "landscape"
    setup.paperSize = 9  # A4
    setup.fitToWidth, setup.fitToHeight = 1, 0
    return workbook


def _discard(sheet: Any) -> None:
    """Close a sheet that will not be saved and remove the temporary file it streams to
    (openpyxl would otherwise keep it until the program exits)."""
    sheet.close()
    writer = getattr(sheet, "_writer", None)  # openpyxl's own; no public way to drop it
    if writer is not None:
        writer.cleanup()


def _header(sheet: WriteOnlyWorksheet, title: str) -> Cell:
    cell = WriteOnlyCell(sheet)
    put_text(cell, title)
    cell.font = LIST_BOLD
    cell.alignment = HEADER_ALIGN
    return cell


def _cell(sheet: WriteOnlyWorksheet, value: CellValue, kind: Kind) -> Cell:
    cell = WriteOnlyCell(sheet)
    cell.font = LIST_FONT
    if value is None:
        return cell
    if kind is Kind.TEXT:
        put_text(cell, str(value))
        return cell
    if isinstance(value, dt.datetime) and value.tzinfo is not None:
        value = value.astimezone().replace(tzinfo=None)  # Excel has no time zones: local time
    cell.value = value
    cell.number_format = _FORMATS[kind]
    return cell


def _widths(rows: Sequence[Sequence[CellValue]], columns: Sequence[Column]) -> list[float]:
    """Each column as wide as its longest value (capped), and never narrower than its title
    plus room for the filter button."""
    widths = [max(MIN_WIDTH, len(column.title) * WIDE_GLYPHS + 3) for column in columns]
    for index, column in enumerate(columns):
        if column.kind is not Kind.TEXT:
            widths[index] = max(widths[index], _SHOWN_WIDTH[column.kind])
            continue
        longest = max((len(clean_text(str(row[index]))) for row in rows if row[index]), default=0)
        widths[index] = min(MAX_WIDTH, max(widths[index], longest * WIDE_GLYPHS + 2))
    return widths
