"""Money as a Russian reader writes it: "1 234 567,50" (the domain's `format_money`)."""

from __future__ import annotations

from desktop_app.domain.money import format_money as money

__all__ = ["money"]
