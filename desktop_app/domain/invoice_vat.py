"""The VAT block of an invoice, from what the order says of its VAT.

The portal writes an order-level `Налог` (name, included or on top, amount) and a rate per
line; the amount of the order is what the buyer was shown, so it is the VAT total of the
invoice. The rows are split by rate from the lines (rounded half-up per line, as 1C does);
whatever the split does not account for — Bitrix taxes delivery on top at the last goods
line's rate without writing a rate on the delivery line — goes to the highest rate, so the
rows always add up to the order's VAT.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from desktop_app.domain.money import NotANumberError, format_decimal, parse_decimal, to_money
from desktop_app.domain.order import Order, OrderLine, Tax

HUNDRED = Decimal(100)


class VatMode(StrEnum):
    INCLUDED = "included"
    """Prices include VAT: the rows say how much of the total is VAT."""
    ON_TOP = "on_top"
    """VAT is added to the prices: the rows are added to the total."""
    NONE = "none"
    """No VAT: one row «Без налога (НДС)»."""


@dataclass(frozen=True, slots=True)
class VatRow:
    rate: Decimal | None
    """Percent (20, 10, 22), or None when the order does not say which."""
    amount: Decimal | None
    """None only in the «Без налога (НДС)» row, which prints a dash."""

    def label(self, mode: VatMode) -> str:
        if mode is VatMode.NONE:
            return "Без налога (НДС)"
        rate = "" if self.rate is None else f" ({format_decimal(self.rate.normalize())}%)"
        return f"В том числе НДС{rate}:" if mode is VatMode.INCLUDED else f"НДС{rate}:"


@dataclass(frozen=True, slots=True)
class VatSummary:
    mode: VatMode
    rows: tuple[VatRow, ...]

    @property
    def total(self) -> Decimal:
        return sum((r.amount for r in self.rows if r.amount is not None), Decimal(0))

    @property
    def added(self) -> Decimal:
        """What the VAT adds to the sum of the lines: all of it on top, nothing if included."""
        return self.total if self.mode is VatMode.ON_TOP else Decimal(0)


NO_VAT = VatSummary(VatMode.NONE, (VatRow(None, None),))


def parse_rate(text: str | None) -> Decimal | None:
    """«20», «20%», « 10 » → the percent; «Без налога», «Без НДС», «0», junk → None."""
    if not text:
        return None
    try:
        rate = parse_decimal(text.strip().rstrip("%").strip())
    except NotANumberError:
        return None
    return rate if rate > 0 else None


def line_vat(amount: Decimal, rate: Decimal, included: bool) -> Decimal:
    """The VAT of one line, rounded half-up to kopecks."""
    if included:
        return to_money(amount * rate / (HUNDRED + rate))
    return to_money(amount * rate / HUNDRED)


def _vat_tax(taxes: Sequence[Tax]) -> Tax | None:
    for tax in taxes:
        name = (tax.name or "").casefold()
        if not name or "ндс" in name or "vat" in name:
            return tax
    return None


def vat_summary(order: Order, amounts: Sequence[Decimal]) -> VatSummary:
    """The VAT rows for the order, whose lines come to `amounts` (rounded, one per line)."""
    tax = _vat_tax(order.taxes)
    rated = [
        (rate, amount, line)
        for line, amount in zip(order.lines, amounts, strict=True)
        if (rate := parse_rate(line.vat_rate)) is not None
    ]
    if tax is None and not rated:
        return NO_VAT
    if tax is not None and tax.rate and parse_rate(tax.rate) is None and not rated:
        return NO_VAT  # the order's tax says «Без налога»
    included = _included(tax, [line for _, _, line in rated])
    by_rate: dict[Decimal, Decimal] = defaultdict(Decimal)
    for rate, amount, _ in rated:
        by_rate[rate] += line_vat(amount, rate, included)
    mode = VatMode.INCLUDED if included else VatMode.ON_TOP
    if tax is not None and tax.amount is not None:
        if not by_rate:
            if tax.amount == 0:
                return NO_VAT
            return VatSummary(mode, (VatRow(parse_rate(tax.rate), to_money(tax.amount)),))
        gap = to_money(tax.amount) - sum(by_rate.values(), Decimal(0))
        by_rate[max(by_rate)] += gap
    rows = tuple(VatRow(rate, by_rate[rate]) for rate in sorted(by_rate, reverse=True))
    return VatSummary(mode, rows)


def _included(tax: Tax | None, lines: Sequence[OrderLine]) -> bool:
    """The order's word wins; then the lines'; a price includes VAT unless someone says not."""
    if tax is not None and tax.included is not None:
        return tax.included
    return all(line.vat_included is not False for line in lines)
