"""The look shared by the workbooks the app writes: fonts, borders, number formats.

Setting a style on a cell is openpyxl's slow path: it hashes the whole style object (a
border is four sides of colours) to find it in the workbook's list, about 80 µs a time,
and an invoice sets a thousand of them. `StyleMemo` does each distinct change once per
workbook through the public setters and then copies the resulting style ids onto the other
cells — the same file, at a fraction of the cost (see tests/bench/bench_invoices.py).
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Hashable
from copy import copy
from decimal import Decimal
from typing import Any

from openpyxl.cell.cell import Cell, MergedCell
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.worksheet.cell_range import CellRange
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


class StyleMemo:
    """The style changes made in one workbook, remembered by (style before, change).

    A cell's style is a small array of indexes into the workbook's lists of fonts, borders,
    formats…; the same change to the same style always gives the same array. So the first
    time a change is made it goes through openpyxl's setter, and every later time the array
    it gave is copied. One memo per workbook: the indexes mean nothing in another.
    """

    def __init__(self) -> None:
        self._after: dict[tuple[tuple[int, ...], Hashable], Any] = {}

    def change(self, cell: Cell | MergedCell, key: Hashable, apply: Callable[[Any], None]) -> None:
        """Make the change `apply` (named by `key`) to the cell's style."""
        styled: Any = cell  # `_style` (the array of ids) is openpyxl's, not in its stubs
        before = tuple(styled._style or ())  # None until a cell is first styled
        after = self._after.get((before, key))
        if after is None:
            apply(cell)
            self._after[(before, key)] = copy(styled._style)
        else:
            styled._style = copy(after)

    def look(self, cell: Cell, font: Font, alignment: Alignment, number_format: str = "") -> None:
        """Font, alignment and (if given) number format, as one remembered change."""

        def apply(target: Cell) -> None:
            target.font = font
            target.alignment = alignment
            if number_format:
                target.number_format = number_format

        self.change(cell, ("look", id(font), id(alignment), number_format), apply)


_SIDES = ("left", "right", "top", "bottom")


@functools.lru_cache(maxsize=256)
def _border(left: Side | None, right: Side | None, top: Side | None, bottom: Side | None) -> Border:
    return Border(left=left, right=right, top=top, bottom=bottom)


class Frames:
    """The lines of a sheet, gathered first and drawn once per cell.

    Drawing frame after frame straight onto cells would give a cell a new border for every
    frame it touches, and each of those in-between borders would end up in the workbook's
    style list. Here a later line wins over an earlier one on the same side, as if drawn.
    """

    def __init__(self) -> None:
        self._sides: dict[tuple[int, int], dict[str, Side]] = {}

    def box(self, ref: str, side: Side = THIN) -> None:
        """A frame around the range `ref` ("A1:D3"); inner lines already there stay."""
        min_col, min_row, max_col, max_row = _bounds(ref)
        for row in range(min_row, max_row + 1):
            self._set(row, min_col, "left", side)
            self._set(row, max_col, "right", side)
        for column in range(min_col, max_col + 1):
            self._set(min_row, column, "top", side)
            self._set(max_row, column, "bottom", side)

    def grid(self, ref: str, side: Side = THIN) -> None:
        """Every cell of `ref` framed: the lines table."""
        min_col, min_row, max_col, max_row = _bounds(ref)
        for row in range(min_row, max_row + 1):
            for column in range(min_col, max_col + 1):
                for name in _SIDES:
                    self._set(row, column, name, side)

    def underline(self, ref: str, side: Side = THIN) -> None:
        """A line under every cell of `ref`: the rule under a title, a line to sign on."""
        min_col, min_row, max_col, max_row = _bounds(ref)
        for row in range(min_row, max_row + 1):
            for column in range(min_col, max_col + 1):
                self._set(row, column, "bottom", side)

    def draw(self, sheet: Worksheet, memo: StyleMemo) -> None:
        """Put the gathered lines on the sheet's cells (a covered cell of a merged range
        too: Excel draws a merged range's frame from the cells along its edges)."""
        for (row, column), sides in self._sides.items():
            border = _border(*(sides.get(name) for name in _SIDES))

            def apply(target: Cell, border: Border = border) -> None:
                target.border = border

            memo.change(sheet.cell(row, column), ("border", id(border)), apply)

    def _set(self, row: int, column: int, name: str, side: Side) -> None:
        self._sides.setdefault((row, column), {})[name] = side


def _bounds(ref: str) -> tuple[int, int, int, int]:
    """(first column, first row, last column, last row) of "A1:D3" or "E1"."""
    cells = CellRange(ref)
    return cells.min_col, cells.min_row, cells.max_col, cells.max_row
