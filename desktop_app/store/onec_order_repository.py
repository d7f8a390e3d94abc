"""What the 1C orders of the portal orders held when last read, and the portal keys to look for.

Review shows, offline, what 1C's exchange put on the order (its counterparty and partner and
whether the counterparty looks made by the exchange); the background read that fills this
table is `services.onec_orders`. The portal keys (`Ид` and number of every order the app has)
are what `check onec` compares 1C's orders with to find where the exchange keeps them.

The signs are saved as codes and values (`{"code": …, "params": {…}}`); a row saved before
that holds sentences, and each is read back as the sign `saved` that shows it as it was.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, func, insert, select

from desktop_app.domain.onec_order_state import OneCOrderState, OrderCounterparty, Sign
from desktop_app.domain.review_state import ReviewState
from desktop_app.store.database import Database
from desktop_app.store.in_lists import chunks
from desktop_app.store.models import ONEC_ORDERS, ORDERS
from desktop_app.store.review_state import OrderSource

OPEN_STATES = (
    ReviewState.NEW.value,
    ReviewState.NEEDS_REVIEW.value,
    ReviewState.DECIDED.value,
    ReviewState.ERROR.value,
)
"""Orders whose 1C order review may still need to see (not written, not rejected)."""


@dataclass(frozen=True, slots=True)
class PortalKeys:
    """The `Ид` and numbers of the portal orders the app has."""

    ids: frozenset[str]
    numbers: frozenset[str]

    def __bool__(self) -> bool:
        return bool(self.ids or self.numbers)


@dataclass(frozen=True, slots=True)
class OpenOrder:
    portal_id: str
    number: str | None
    date: dt.date | None


class OneCOrderRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    def portal_keys(self) -> PortalKeys:
        """What the portal sent (orders known from 1C alone would find themselves in 1C)."""
        query = select(ORDERS.c.portal_id, ORDERS.c.number).where(
            ORDERS.c.source == OrderSource.PORTAL.value
        )
        with self._db.reading() as connection:
            rows = connection.execute(query).all()
        ids = frozenset(r.portal_id.strip() for r in rows if r.portal_id)
        numbers = frozenset(r.number.strip() for r in rows if r.number and r.number.strip())
        return PortalKeys(ids, numbers)

    def portal_dates(self) -> tuple[dt.date, dt.date] | None:
        """The oldest and the newest date of the orders the portal sent; None for none."""
        dates = (func.min(ORDERS.c.order_date), func.max(ORDERS.c.order_date))
        query = select(*dates).where(ORDERS.c.source == OrderSource.PORTAL.value)
        with self._db.reading() as connection:
            oldest, newest = connection.execute(query).one()
        return None if oldest is None or newest is None else (oldest, newest)

    def open_orders(self) -> list[OpenOrder]:
        """Orders not written to 1C and not rejected, oldest first."""
        query = (
            select(ORDERS.c.portal_id, ORDERS.c.number, ORDERS.c.order_date)
            .where(ORDERS.c.review_state.in_(OPEN_STATES))
            .order_by(ORDERS.c.order_date, ORDERS.c.id)
        )
        with self._db.reading() as connection:
            return [OpenOrder(*row) for row in connection.execute(query)]

    def save(self, portal_ids: Iterable[str], states: Iterable[OneCOrderState]) -> None:
        """What was read for `portal_ids`: their states replace the old ones; a portal order
        read and not found in 1C loses its old state."""
        rows = [_row(state) for state in states]
        ids = sorted(set(portal_ids) | {row["portal_id"] for row in rows})
        settled = select(ORDERS.c.portal_id).where(ORDERS.c.review_state.not_in(OPEN_STATES))
        with self._db.writing() as connection:
            connection.execute(delete(ONEC_ORDERS).where(ONEC_ORDERS.c.portal_id.in_(settled)))
            for chunk in chunks(ids):
                connection.execute(delete(ONEC_ORDERS).where(ONEC_ORDERS.c.portal_id.in_(chunk)))
            if rows:
                connection.execute(insert(ONEC_ORDERS), rows)

    def state(self, portal_id: str) -> OneCOrderState | None:
        with self._db.reading() as connection:
            row = connection.execute(
                select(ONEC_ORDERS).where(ONEC_ORDERS.c.portal_id == portal_id)
            ).first()
        return None if row is None else _state(row.portal_id, row.details, row.read_at)


def _row(state: OneCOrderState) -> dict[str, Any]:
    details = dataclasses.asdict(state)
    for name in ("portal_id", "read_at"):
        details.pop(name)
    details["date"] = state.date.isoformat() if state.date else None
    return {
        "portal_id": state.portal_id,
        "ref_key": state.ref_key,
        "counterparty_key": state.counterparty_key,
        "auto_created": state.auto_created,
        "details": json.dumps(details, ensure_ascii=False),
        "read_at": state.read_at,
    }


def _state(portal_id: str, text: str, read_at: dt.datetime) -> OneCOrderState:
    values: dict[str, Any] = json.loads(text)
    party = values.pop("counterparty")
    counterparty = None
    if party is not None:
        party["same_inn"] = tuple(party.get("same_inn") or ())
        counterparty = OrderCounterparty(**party)
    date = values.pop("date")
    return OneCOrderState(
        portal_id=portal_id,
        counterparty=counterparty,
        date=dt.datetime.fromisoformat(date) if date else None,
        auto_signs=tuple(_sign(saved) for saved in values.pop("auto_signs")),
        read_at=read_at,
        **values,
    )


def _sign(saved: str | dict[str, Any]) -> Sign:
    if isinstance(saved, str):  # saved in words by a version before signs had codes
        return Sign("saved", {"text": saved})
    return Sign(saved["code"], saved.get("params") or {})
