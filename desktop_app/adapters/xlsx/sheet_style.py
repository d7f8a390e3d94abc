"""The look shared by the workbooks the app writes: fonts, borders, number formats.

Style objects are made once here and shared: openpyxl keeps one copy of each distinct
style per workbook, so reusing the same objects costs a dictionary look-up per cell, while
making new ones per cell is what makes styled workbooks slow.
"""

from __future__ import annotations

import math
from decimal import Decimal
from typing import Any

from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import range_boundaries
from openpyxl.worksheet.worksheet import Worksheet

FONT_NAME = "Arial"
NORMAL = Font(name=FONT_NAME, size=9)
BOLD = Font(name=FONT_NAME, size=9, bold=True)
SMALL = Font(name=FONT_NAME, size=7)
TITLE = Font(name=FONT_NAME, size=14, bold=True)

THIN = Side(style="thin")
MEDIUM = Side(style="medium")

LEFT = Alignment(horizontal="left", vertical="top", wrap_text=True)
LEFT_CENTER = Alignment(horizontal="left", vertical="center", wrap_text=True)
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
TOP_CENTER = Alignment(horizontal="center", vertical="top", wrap_text=True)
RIGHT = Alignment(horizontal="right", vertical="top")
RIGHT_CENTER = Alignment(horizontal="right", vertical="center")

MONEY = "#,##0.00"
"""Money with thousands grouped: Russian Excel and LibreOffice show «1 234 567,89»."""
WHOLE = "#,##0"
FRACTION = "#,##0.0##"
DATE = "DD.MM.YYYY"
DATE_TIME = "DD.MM.YYYY HH:MM"

LINE_HEIGHT = 12.0
"""Points per line of 9-point Arial, with the spacing a row needs."""
CHARS_PER_UNIT = {False: 1.4, True: 1.2}
"""How many characters of 9-point Arial (regular, bold) fit in one unit of column width."""


def quantity_format(value: Decimal) -> str:
    """Whole quantities without decimals (1C prints «12», not «12,000»)."""
    return WHOLE if value == value.to_integral_value() else FRACTION


def text_lines(text: str, width: float, bold: bool = False) -> int:
    """How many lines `text` takes wrapped in a column (or merged columns) `width` wide.

    Neither Excel nor LibreOffice fits the height of a row whose text spans merged cells,
    so the writer sets the height itself from this estimate (generous rather than short).
    """
    per_line = max(1, int(width * CHARS_PER_UNIT[bold]))
    return sum(max(1, math.ceil(len(part) / per_line)) for part in text.split("\n"))


def box(sheet: Worksheet, ref: str, side: Side = THIN) -> None:
    """Draw a frame around the range `ref` ("A1:D3"); inner lines already there stay."""
    rows = _cells(sheet, ref)
    last_row, last_column = len(rows) - 1, len(rows[0]) - 1
    for i, row in enumerate(rows):
        for j, cell in enumerate(row):
            if 0 < i < last_row and 0 < j < last_column:
                continue
            now = cell.border
            cell.border = Border(
                left=side if j == 0 else now.left,
                right=side if j == last_column else now.right,
                top=side if i == 0 else now.top,
                bottom=side if i == last_row else now.bottom,
            )


def grid(sheet: Worksheet, ref: str, side: Side = THIN) -> None:
    """Every cell of `ref` framed: the lines table."""
    every = Border(left=side, right=side, top=side, bottom=side)
    for row in _cells(sheet, ref):
        for cell in row:
            cell.border = every


def underline(sheet: Worksheet, ref: str, side: Side = THIN) -> None:
    """A line under every cell of `ref`: the rule under a title, a line to sign on."""
    under = Border(bottom=side)
    for row in _cells(sheet, ref):
        for cell in row:
            cell.border = under


def _cells(sheet: Worksheet, ref: str) -> list[tuple[Any, ...]]:
    """The cells of `ref` by rows; a single cell ("E1") is a range of one."""
    min_col, min_row, max_col, max_row = range_boundaries(ref)
    return list(sheet.iter_rows(min_row=min_row, max_row=max_row, min_col=min_col, max_col=max_col))
