"""Dates as a Russian document writes them: «28 ноября 2026 г.»."""

from __future__ import annotations

import datetime as dt

MONTHS_GENITIVE = (
    "января", "февраля", "марта", "апреля", "мая", "июня",
    "июля", "августа", "сентября", "октября", "ноября", "декабря",
)  # fmt: skip


def long_date(date: dt.date) -> str:
    """The day, the month in words and the year, as 1C prints a document's date."""
    return f"{date.day} {MONTHS_GENITIVE[date.month - 1]} {date.year} г."


def short_date(date: dt.date) -> str:
    """«28.11.2026»."""
    return f"{date.day:02d}.{date.month:02d}.{date.year}"
