"""The widest values the queue's number columns may have to show, so none is ever cut.

The queue is paged: only the rows on screen are ever read, so their widths say nothing of
the order 200 pages down whose number or total is the longest. Three small reads over the
whole table (not the filter, so the columns do not jump as the manager types) find the
longest order number, the largest total either way and the currencies in use; the window
sizes its columns to these. Each is a scan of one or two columns — a few milliseconds for
100,000 orders — made when the queue is read again, not as rows are painted.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import func, select

from desktop_app.store.database import Database
from desktop_app.store.models import ORDERS


@dataclass(frozen=True, slots=True)
class WidestValues:
    number: str
    """The longest order number ("" with no orders)."""
    total: Decimal | None
    """The total of the largest absolute value (a refund may be negative)."""
    currencies: tuple[str, ...]
    """Every currency the orders name (None left out)."""


def widest_values(db: Database) -> WidestValues:
    longest = (
        select(ORDERS.c.number)
        .where(ORDERS.c.number.is_not(None))
        .order_by(func.length(ORDERS.c.number).desc())
        .limit(1)
    )
    largest = (
        select(ORDERS.c.total)
        .where(ORDERS.c.total_kopecks.is_not(None))
        .order_by(func.abs(ORDERS.c.total_kopecks).desc())
        .limit(1)
    )
    currencies = select(ORDERS.c.currency).where(ORDERS.c.currency.is_not(None)).distinct()
    with db.reading() as connection:
        number = connection.execute(longest).scalar_one_or_none()
        total = connection.execute(largest).scalar_one_or_none()
        found = connection.execute(currencies).scalars().all()
    return WidestValues(
        number or "",
        None if total is None else Decimal(total),
        tuple(sorted(str(c) for c in found)),
    )
