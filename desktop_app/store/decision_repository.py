"""Decisions on orders' buyers: recorded with when and who, replaced until written.

Decisions are never edited in place: a new one supersedes the old, so the order's history
shows what was decided when and by whom. A decision may be replaced until any of its writes
may have reached 1C (a step `done`, or `sending` with its outcome unknown); after that the
manager must settle it in 1C itself. Writing them is `outbox_repository`'s part.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy import Connection, func, insert, select, update

from desktop_app.domain.decisions import Decision, StepState, write_state
from desktop_app.domain.review_state import ReviewState
from desktop_app.store.column_types import utc_now
from desktop_app.store.database import Database
from desktop_app.store.decision_queries import (
    DecisionLockedError,
    card_json,
    current_by_portal_id,
    current_of_order,
    decision_row,
    order_state,
    refresh_summary,
    require_replaceable,
    set_order_state,
)
from desktop_app.store.decision_rows import DecisionRow, Mapping, Recognised, StepRow
from desktop_app.store.errors import StoreError
from desktop_app.store.models import DECISIONS, MAPPINGS, ONEC_COUNTERPARTIES, ORDERS, OUTBOX_STEPS

__all__ = ["DecisionLockedError", "DecisionRepository", "DecisionRow", "Mapping", "StepRow"]


class DecisionRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    # --- deciding --------------------------------------------------------------------------

    def record(self, portal_id: str, decision: Decision) -> DecisionRow:
        """Make `decision` the order's current one (replacing an unwritten one)."""
        with self._db.writing() as connection:
            return decision_row(connection, _insert(connection, portal_id, decision))

    def record_new(self, decisions: Sequence[tuple[str, Decision]]) -> int:
        """Decisions for orders that have none (the automatic mapping's), in one transaction;
        an order that got a decision meanwhile is left alone. Returns how many were made."""
        made = 0
        with self._db.writing() as connection:
            for portal_id, decision in decisions:
                if current_by_portal_id(connection, portal_id) is None:
                    _insert(connection, portal_id, decision)
                    made += 1
        return made

    def confirm(self, portal_id: str, decided_by: str) -> DecisionRow:
        """The manager confirms the automatic decision of the order: it may be written now."""
        with self._db.writing() as connection:
            current = current_by_portal_id(connection, portal_id)
            if current is None or not current.automatic:
                raise StoreError(f"У заказа {portal_id} нет автоматического решения.")
            connection.execute(
                update(DECISIONS)
                .where(DECISIONS.c.id == current.id)
                .values(confirmed=True, decided_by=decided_by)
            )
            refresh_summary(connection, current.id)
            return decision_row(connection, current.id)

    # --- reading ---------------------------------------------------------------------------

    def current(self, portal_id: str) -> DecisionRow | None:
        with self._db.reading() as connection:
            row = current_by_portal_id(connection, portal_id)
            return None if row is None else decision_row(connection, row.id)

    def current_for(self, portal_ids: Sequence[str]) -> dict[str, DecisionRow]:
        found: dict[str, DecisionRow] = {}
        with self._db.reading() as connection:
            for portal_id in portal_ids:
                row = current_by_portal_id(connection, portal_id)
                if row is not None:
                    found[portal_id] = decision_row(connection, row.id)
        return found

    def history(self, portal_id: str) -> list[DecisionRow]:
        """Every decision of the order, oldest first."""
        query = (
            select(DECISIONS.c.id)
            .join(ORDERS, ORDERS.c.id == DECISIONS.c.order_id)
            .where(ORDERS.c.portal_id == portal_id)
            .order_by(DECISIONS.c.id)
        )
        with self._db.reading() as connection:
            return [decision_row(connection, row.id) for row in connection.execute(query)]

    def recognisable(self) -> list[Recognised]:
        """New orders without a decision whose buyer the app can name in 1C: by a confirmed
        mapping of its portal `Ид`, else by exactly one live cached counterparty with the
        same ИНН and КПП (no КПП for no КПП). Two set queries, whatever the queue's size."""
        decided = select(DECISIONS.c.order_id).where(DECISIONS.c.superseded_at.is_(None))
        open_orders = (ORDERS.c.review_state == ReviewState.NEW.value, ORDERS.c.id.not_in(decided))
        mapped = (
            select(ORDERS.c.portal_id, MAPPINGS.c.counterparty_key, MAPPINGS.c.partner_key)
            .join(MAPPINGS, MAPPINGS.c.buyer_portal_id == ORDERS.c.buyer_portal_id)
            .where(*open_orders)
        )
        cached = ONEC_COUNTERPARTIES
        matched = (
            select(ORDERS.c.portal_id, func.min(cached.c.ref_key), func.min(cached.c.partner_key))
            .join(
                cached,
                (cached.c.inn == ORDERS.c.buyer_inn)
                & (func.coalesce(cached.c.kpp, "") == func.coalesce(ORDERS.c.buyer_kpp, "")),
            )
            .where(
                *open_orders,
                cached.c.deletion_mark.is_(False),
                ORDERS.c.buyer_portal_id.is_(None)
                | ORDERS.c.buyer_portal_id.not_in(select(MAPPINGS.c.buyer_portal_id)),
            )
            .group_by(ORDERS.c.id)
            .having(func.count() == 1)
        )
        with self._db.reading() as connection:
            found = [Recognised(*row, by_mapping=True) for row in connection.execute(mapped)]
            found += [Recognised(*row, by_mapping=False) for row in connection.execute(matched)]
        return found


def _insert(connection: Connection, portal_id: str, decision: Decision) -> int:
    now = utc_now()
    order = connection.execute(select(ORDERS.c.id).where(ORDERS.c.portal_id == portal_id)).first()
    if order is None:
        raise StoreError(f"Заказа {portal_id} нет в локальной базе.")
    current = current_of_order(connection, order.id)
    if current is not None:
        require_replaceable(connection, current)
        connection.execute(
            update(DECISIONS).where(DECISIONS.c.id == current.id).values(superseded_at=now)
        )
    plan = decision.plan()
    state = write_state([StepState.PENDING] * len(plan), confirmed=decision.confirmed)
    key = connection.execute(
        insert(DECISIONS).values(
            order_id=order.id,
            kind=decision.kind.value,
            card=card_json(decision.card),
            counterparty_key=decision.counterparty_key,
            partner_key=decision.partner_key,
            reason=decision.reason,
            replaces_key=decision.replaces_key,
            delete_replaced=decision.delete_replaced,
            automatic=decision.automatic,
            confirmed=decision.confirmed,
            marker=uuid.uuid4().hex,
            decided_by=decision.decided_by,
            decided_at=decision.decided_at or now,
            write_state=state.value,
        )
    ).inserted_primary_key
    assert key is not None
    if plan:
        connection.execute(
            insert(OUTBOX_STEPS),
            [
                {"decision_id": key[0], "position": n, "kind": kind.value,
                 "state": StepState.PENDING.value, "updated_at": now}
                for n, kind in enumerate(plan, start=1)
            ],
        )  # fmt: skip
    set_order_state(connection, order.id, order_state(decision.kind, state))
    return int(key[0])
