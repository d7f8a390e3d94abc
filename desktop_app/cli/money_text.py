"""Money as a Russian reader writes it: "1 234 567,50"."""

from __future__ import annotations

from decimal import Decimal

from desktop_app.domain.money import to_money


def money(value: Decimal) -> str:
    return f"{to_money(value):,.2f}".replace(",", "\u00a0").replace(".", ",")
