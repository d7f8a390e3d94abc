"""Money and quantities as exact decimals.

Every amount in this product is a `Decimal`: a float cannot hold 0.10 exactly, and an
invoice that is off by a kopeck is wrong. Exchange files write numbers as text with
padding spaces, sometimes with a comma or thousands separators; this module is the one
place that turns such text into a number or refuses it.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

KOPECK = Decimal("0.01")

# Spaces a number may be padded or grouped with: ASCII, no-break and narrow no-break.
_GROUPING = re.compile(r"[\s\u00a0\u202f]+")
_PLAIN_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


class NotANumberError(ValueError):
    """Text that should be a number is not one."""


def parse_decimal(text: str) -> Decimal:
    """Read a number written by a person or a program: ``" 1 234,50 "`` → ``Decimal("1234.50")``.

    A comma is a decimal separator only when there is no dot; NaN and infinities are refused
    because no amount, price or quantity can be one.
    """
    if _PLAIN_NUMBER.fullmatch(text):  # the usual case: "1320.00"
        return Decimal(text)
    compact = _GROUPING.sub("", text)
    if "," in compact and "." not in compact and compact.count(",") == 1:
        compact = compact.replace(",", ".")
    if not _PLAIN_NUMBER.fullmatch(compact):
        raise NotANumberError(text)
    try:
        return Decimal(compact)
    except InvalidOperation as exc:  # pragma: no cover - the regex admits only valid literals
        raise NotANumberError(text) from exc


def to_money(value: Decimal) -> Decimal:
    """Round to kopecks, half up, as 1C and Russian invoices do at each line."""
    return value.quantize(KOPECK, rounding=ROUND_HALF_UP)


def format_decimal(value: Decimal) -> str:
    """Plain positional text without exponent (``Decimal("1E+3")`` → ``"1000"``)."""
    text = format(value, "f")
    return "0" if text in ("-0", "+0") else text


def money_text(value: Decimal) -> str:
    """Money as a Russian reader writes it: ``Decimal("1234567.5")`` → ``"1 234 567,50"``.

    The groups are separated by no-break spaces, so an amount never wraps in a table cell.
    """
    return f"{to_money(value):,.2f}".replace(",", "\u00a0").replace(".", ",")
