"""Decisions on orders' buyers: recorded with when and who, replaced until written.

Decisions are never edited in place: a new one supersedes the old, so the order's history
shows what was decided when and by whom. A decision may be replaced until any of its writes
may have reached 1C (a step `done`, or `sending` with its outcome unknown); after that the
manager must settle it in 1C itself. Writing them is `outbox_repository`'s part.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Connection, func, select, update

from desktop_app.domain.decisions import Decision
from desktop_app.domain.review_state import ReviewState
from desktop_app.store.database import Database
from desktop_app.store.decision_queries import (
    DecisionLockedError,
    current_by_portal_id,
    decision_row,
    insert_decision,
    refresh_summary,
)
from desktop_app.store.decision_rows import DecisionRow, Mapping, Recognised, StepRow
from desktop_app.store.errors import StoreError
from desktop_app.store.models import DECISIONS, MAPPINGS, ONEC_COUNTERPARTIES, ORDERS
from desktop_app.wording.said import Said

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
                raise StoreError(Said("store.no_automatic_decision", {"portal_id": portal_id}))
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
        """New orders without a decision whose buyer the app can name in 1C: by the mapping
        of its legal entity (ИНН+КПП, never the portal `Ид`, which is the portal user's and
        the same for every company that user orders for), else by exactly one live cached
        counterparty with the same ИНН and КПП (no КПП for no КПП). A mapping that waits for
        a manager's confirmation is not used. Two set queries, whatever the queue's size."""
        decided = select(DECISIONS.c.order_id).where(DECISIONS.c.superseded_at.is_(None))
        open_orders = (ORDERS.c.review_state == ReviewState.NEW.value, ORDERS.c.id.not_in(decided))
        usable = MAPPINGS.c.needs_confirmation.is_(False)
        mapped = (
            select(
                ORDERS.c.portal_id, MAPPINGS.c.counterparty_key, MAPPINGS.c.partner_key,
                ORDERS.c.buyer_entity_key,
            )
            .join(MAPPINGS, MAPPINGS.c.entity_key == ORDERS.c.buyer_entity_key)
            .where(*open_orders, usable)
        )  # fmt: skip
        cached = ONEC_COUNTERPARTIES
        matched = (
            select(
                ORDERS.c.portal_id, func.min(cached.c.ref_key), func.min(cached.c.partner_key),
                ORDERS.c.buyer_entity_key,
            )
            .join(
                cached,
                (cached.c.inn == ORDERS.c.buyer_inn)
                & (func.coalesce(cached.c.kpp, "") == func.coalesce(ORDERS.c.buyer_kpp, "")),
            )
            .where(
                *open_orders,
                cached.c.deletion_mark.is_(False),
                ORDERS.c.buyer_entity_key.is_(None)
                | ORDERS.c.buyer_entity_key.not_in(select(MAPPINGS.c.entity_key).where(usable)),
            )
            .group_by(ORDERS.c.id, ORDERS.c.portal_id, ORDERS.c.buyer_entity_key)
            .having(func.count() == 1)
        )  # fmt: skip
        with self._db.reading() as connection:
            found = [
                Recognised(portal_id, key, partner, by_mapping=True, entity_key=entity)
                for portal_id, key, partner, entity in connection.execute(mapped)
            ]
            found += [
                Recognised(portal_id, key, partner, by_mapping=False, entity_key=entity)
                for portal_id, key, partner, entity in connection.execute(matched)
            ]
        return found


def _insert(connection: Connection, portal_id: str, decision: Decision) -> int:
    order = connection.execute(select(ORDERS.c.id).where(ORDERS.c.portal_id == portal_id)).first()
    if order is None:
        raise StoreError(Said("store.no_order", {"portal_id": portal_id}))
    return insert_decision(connection, order.id, decision)
