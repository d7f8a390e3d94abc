"""Portal text into a spreadsheet cell: always text, never a formula, never a broken file.

Whatever a buyer typed on the portal ends up in a cell. openpyxl stores a string that starts
with `=` as a formula, which Excel would then run (formula injection: `=HYPERLINK(…)`,
`=cmd|…`); control characters that XML 1.0 forbids make openpyxl refuse the value or the
file unreadable; a lone surrogate cannot be encoded; Excel refuses a cell over 32,767
characters. Each cell written from outside data goes through `put_text`.
"""

from __future__ import annotations

import re

from openpyxl.cell.cell import Cell

MAX_CELL_CHARS = 32_767
"""Excel's limit for the text of one cell."""

# What XML 1.0 does not allow in a document: C0 controls but tab, LF, CR; the surrogate
# halves (only ever alone in a Python str); U+FFFE and U+FFFF.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_FORMULA_START = ("=", "+", "-", "@")


def clean_text(value: str | None) -> str:
    """The text without the characters XML forbids, cut to what a cell holds."""
    if not value:
        return ""
    text = _ILLEGAL.sub("", value) if _ILLEGAL.search(value) else value
    if len(text) > MAX_CELL_CHARS:
        text = text[: MAX_CELL_CHARS - 1] + "…"
    return text


def looks_like_formula(text: str) -> bool:
    """True for text a spreadsheet would take for a formula when a person edits the cell."""
    return text.startswith(_FORMULA_START)


def put_text(cell: Cell, value: str | None) -> None:
    """Write `value` into `cell` as a plain string, whatever its first character.

    The type is forced to string after assigning (openpyxl guesses a formula from a
    leading `=`), and a value that looks like a formula gets the quote prefix: Excel and
    LibreOffice then keep it text even when the user opens the cell and presses Enter.
    """
    text = clean_text(value)
    cell.value = text
    cell.data_type = "s"
    if looks_like_formula(text):
        cell.quotePrefix = True
