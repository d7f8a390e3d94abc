"""Decisions and their outbox steps: recorded first, written to 1C later, exactly once.

Every change is its own short transaction, so that the state in the file always says what
was asked of 1C: a step is marked `sending` (and committed) before its request leaves, and
its outcome is committed when the answer is read. A run killed in between leaves `sending`
behind, which the next push reads as "outcome unknown: look in 1C first".

A decision may be replaced until any of its writes may have reached 1C (a step `done`, or
`sending` with its outcome unknown); after that the manager must settle it in 1C itself.
"""

from __future__ import annotations

import dataclasses
import json
import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, Row, insert, select, update

from desktop_app.domain.counterparty import CounterpartyKind
from desktop_app.domain.decisions import (
    CounterpartyCard,
    Decision,
    DecisionKind,
    StepKind,
    StepState,
    WriteState,
    write_state,
)
from desktop_app.domain.review_state import ReviewState
from desktop_app.store.column_types import utc_now
from desktop_app.store.database import Database
from desktop_app.store.decision_rows import DecisionRow, Mapping, StepRow, UndecidedOrder
from desktop_app.store.errors import StoreError
from desktop_app.store.models import DECISIONS, MAPPINGS, ORDERS, OUTBOX_STEPS

__all__ = ["DecisionLockedError", "DecisionRepository", "DecisionRow", "Mapping", "StepRow"]

STATE_OF_ORDER = {
    WriteState.WRITTEN: ReviewState.WRITTEN,
    WriteState.CONFLICT: ReviewState.ERROR,
}


class DecisionLockedError(StoreError):
    """The decision has (maybe) reached 1C already and can no longer be replaced."""


class DecisionRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    # --- deciding --------------------------------------------------------------------------

    def record(self, portal_id: str, decision: Decision) -> DecisionRow:
        """Make `decision` the order's current one (replacing an unwritten one)."""
        now = utc_now()
        with self._db.writing() as connection:
            order = connection.execute(
                select(ORDERS.c.id).where(ORDERS.c.portal_id == portal_id)
            ).first()
            if order is None:
                raise StoreError(f"Заказа {portal_id} нет в локальной базе.")
            current = _current(connection, order.id)
            if current is not None:
                _require_replaceable(connection, current)
                connection.execute(
                    update(DECISIONS).where(DECISIONS.c.id == current.id).values(superseded_at=now)
                )
            plan = decision.plan()
            state = write_state([StepState.PENDING] * len(plan), confirmed=decision.confirmed)
            key = connection.execute(
                insert(DECISIONS).values(
                    order_id=order.id,
                    kind=decision.kind.value,
                    card=_card_json(decision.card),
                    counterparty_key=decision.counterparty_key,
                    partner_key=decision.partner_key,
                    reason=decision.reason,
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
            _set_order_state(connection, order.id, _order_state(decision.kind, state))
            return _decision(connection, int(key[0]))

    def confirm(self, portal_id: str, decided_by: str) -> DecisionRow:
        """The manager confirms the automatic decision of the order: it may be written now."""
        with self._db.writing() as connection:
            current = _current_by_portal_id(connection, portal_id)
            if current is None or not current.automatic:
                raise StoreError(f"У заказа {portal_id} нет автоматического решения.")
            connection.execute(
                update(DECISIONS)
                .where(DECISIONS.c.id == current.id)
                .values(confirmed=True, decided_by=decided_by)
            )
            _refresh_summary(connection, current.id)
            return _decision(connection, current.id)

    # --- reading ---------------------------------------------------------------------------

    def current(self, portal_id: str) -> DecisionRow | None:
        with self._db.reading() as connection:
            row = _current_by_portal_id(connection, portal_id)
            return None if row is None else _decision(connection, row.id)

    def current_for(self, portal_ids: Sequence[str]) -> dict[str, DecisionRow]:
        found: dict[str, DecisionRow] = {}
        with self._db.reading() as connection:
            for portal_id in portal_ids:
                row = _current_by_portal_id(connection, portal_id)
                if row is not None:
                    found[portal_id] = _decision(connection, row.id)
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
            return [_decision(connection, row.id) for row in connection.execute(query)]

    def to_push(self) -> list[DecisionRow]:
        """Current, confirmed decisions with writes not finished, oldest first."""
        query = (
            select(DECISIONS.c.id)
            .where(
                DECISIONS.c.superseded_at.is_(None),
                DECISIONS.c.confirmed.is_(True),
                DECISIONS.c.write_state.in_(
                    [WriteState.QUEUED.value, WriteState.WAITING.value, WriteState.FAILED.value]
                ),
            )
            .order_by(DECISIONS.c.id)
        )
        with self._db.reading() as connection:
            return [_decision(connection, row.id) for row in connection.execute(query)]

    def undecided_orders(self) -> list[UndecidedOrder]:
        """New orders without a decision: what the automatic mapping looks at."""
        decided = select(DECISIONS.c.order_id).where(DECISIONS.c.superseded_at.is_(None))
        query = select(
            ORDERS.c.portal_id, ORDERS.c.buyer_portal_id, ORDERS.c.buyer_inn, ORDERS.c.buyer_kpp
        ).where(ORDERS.c.review_state == ReviewState.NEW.value, ORDERS.c.id.not_in(decided))
        with self._db.reading() as connection:
            return [UndecidedOrder(*row) for row in connection.execute(query)]

    def queued_count(self) -> int:
        return len(self.to_push())

    # --- steps -----------------------------------------------------------------------------

    def claim_step(self, step: StepRow) -> StepRow | None:
        """Mark the step `sending` before its request: from now on its outcome is unknown.

        Compare-and-set on the state and attempt count read with `step`: when another push
        has claimed the step since, None, and this push leaves it alone.
        """
        with self._db.writing() as connection:
            result = connection.execute(
                update(OUTBOX_STEPS)
                .where(
                    OUTBOX_STEPS.c.id == step.id,
                    OUTBOX_STEPS.c.state == step.state.value,
                    OUTBOX_STEPS.c.attempts == step.attempts,
                )
                .values(
                    state=StepState.SENDING.value,
                    attempts=step.attempts + 1,
                    updated_at=utc_now(),
                )
            )
            return _step(connection, step.id) if result.rowcount == 1 else None

    def finish_step(
        self,
        step_id: int,
        state: StepState,
        *,
        result_key: str | None = None,
        message: str | None = None,
        mapping: Mapping | None = None,
    ) -> DecisionRow:
        """Record a step's outcome (and, for a written link, the confirmed mapping)."""
        now = utc_now()
        with self._db.writing() as connection:
            step = _step(connection, step_id)
            connection.execute(
                update(OUTBOX_STEPS)
                .where(OUTBOX_STEPS.c.id == step_id)
                .values(
                    state=state.value,
                    result_key=result_key or step.result_key,
                    message=message,
                    updated_at=now,
                )
            )
            if mapping is not None:
                _save_mapping(connection, mapping)
            _refresh_summary(connection, step.decision_id)
            return _decision(connection, step.decision_id)

    # --- mappings --------------------------------------------------------------------------

    def mapping(self, buyer_portal_id: str) -> Mapping | None:
        with self._db.reading() as connection:
            row = connection.execute(
                select(MAPPINGS).where(MAPPINGS.c.buyer_portal_id == buyer_portal_id)
            ).first()
        if row is None:
            return None
        return Mapping(
            row.buyer_portal_id, row.counterparty_key, row.partner_key, row.decision_id,
            row.confirmed_at, row.confirmed_by,
        )  # fmt: skip


def _card_json(card: CounterpartyCard | None) -> str | None:
    return None if card is None else json.dumps(dataclasses.asdict(card), ensure_ascii=False)


def _card(text: str | None) -> CounterpartyCard | None:
    if not text:
        return None
    values: dict[str, Any] = json.loads(text)
    values["kind"] = CounterpartyKind(values["kind"])
    return CounterpartyCard(**values)


def _order_state(kind: DecisionKind, state: WriteState) -> ReviewState:
    if kind is DecisionKind.REJECT:
        return ReviewState.REJECTED
    if kind is DecisionKind.DEFER or state is WriteState.NONE:
        return ReviewState.NEEDS_REVIEW
    return STATE_OF_ORDER.get(state, ReviewState.DECIDED)


def _set_order_state(connection: Connection, order_id: int, state: ReviewState) -> None:
    connection.execute(
        update(ORDERS)
        .where(ORDERS.c.id == order_id)
        .values(review_state=state.value, changed_since_review=False)
    )


def _current(connection: Connection, order_id: int) -> Row[Any] | None:
    return connection.execute(
        select(DECISIONS).where(
            DECISIONS.c.order_id == order_id, DECISIONS.c.superseded_at.is_(None)
        )
    ).first()


def _current_by_portal_id(connection: Connection, portal_id: str) -> Row[Any] | None:
    return connection.execute(
        select(DECISIONS)
        .join(ORDERS, ORDERS.c.id == DECISIONS.c.order_id)
        .where(ORDERS.c.portal_id == portal_id, DECISIONS.c.superseded_at.is_(None))
    ).first()


def _require_replaceable(connection: Connection, current: Row[Any]) -> None:
    states = [step.state for step in _steps(connection, current.id)]
    if StepState.DONE in states or StepState.SENDING in states:
        raise DecisionLockedError(
            "Решение по этому заказу уже (возможно, частично) записано в 1С и больше не "
            "меняется здесь. Исправьте заказ или контрагента в самой 1С."
        )


def _steps(connection: Connection, decision_id: int) -> list[StepRow]:
    rows = connection.execute(
        select(OUTBOX_STEPS)
        .where(OUTBOX_STEPS.c.decision_id == decision_id)
        .order_by(OUTBOX_STEPS.c.position)
    )
    return [_step_of(row) for row in rows]


def _step(connection: Connection, step_id: int) -> StepRow:
    row = connection.execute(select(OUTBOX_STEPS).where(OUTBOX_STEPS.c.id == step_id)).first()
    if row is None:
        raise StoreError(f"no outbox step {step_id}")
    return _step_of(row)


def _step_of(row: Row[Any]) -> StepRow:
    return StepRow(
        id=row.id, decision_id=row.decision_id, position=row.position, kind=StepKind(row.kind),
        state=StepState(row.state), attempts=row.attempts, result_key=row.result_key,
        message=row.message, updated_at=row.updated_at,
    )  # fmt: skip


def _refresh_summary(connection: Connection, decision_id: int) -> None:
    """Recompute the decision's write state and message and the order's review state."""
    row = connection.execute(select(DECISIONS).where(DECISIONS.c.id == decision_id)).one()
    steps = _steps(connection, decision_id)
    state = write_state([s.state for s in steps], confirmed=row.confirmed)
    message = next((s.message for s in steps if not s.state.final and s.message), None)
    message = message or next((s.message for s in steps if s.state is StepState.CONFLICT), None)
    written = utc_now() if state is WriteState.WRITTEN and row.written_at is None else None
    connection.execute(
        update(DECISIONS)
        .where(DECISIONS.c.id == decision_id)
        .values(
            write_state=state.value,
            write_message=message,
            **({"written_at": written} if written else {}),
        )
    )
    if row.superseded_at is None:
        _set_order_state(connection, row.order_id, _order_state(DecisionKind(row.kind), state))


def _save_mapping(connection: Connection, mapping: Mapping) -> None:
    values = dataclasses.asdict(mapping)
    existing = connection.execute(
        select(MAPPINGS.c.buyer_portal_id).where(
            MAPPINGS.c.buyer_portal_id == mapping.buyer_portal_id
        )
    ).first()
    if existing is None:
        connection.execute(insert(MAPPINGS).values(**values))
    else:
        connection.execute(
            update(MAPPINGS)
            .where(MAPPINGS.c.buyer_portal_id == mapping.buyer_portal_id)
            .values(**values)
        )


def _decision(connection: Connection, decision_id: int) -> DecisionRow:
    row = connection.execute(
        select(DECISIONS, ORDERS.c.portal_id, ORDERS.c.number, ORDERS.c.buyer_portal_id)
        .join(ORDERS, ORDERS.c.id == DECISIONS.c.order_id)
        .where(DECISIONS.c.id == decision_id)
    ).one()
    return DecisionRow(
        id=row.id,
        portal_id=row.portal_id,
        order_number=row.number,
        buyer_portal_id=row.buyer_portal_id,
        decision=Decision(
            kind=DecisionKind(row.kind),
            card=_card(row.card),
            counterparty_key=row.counterparty_key,
            partner_key=row.partner_key,
            reason=row.reason,
            automatic=row.automatic,
            confirmed=row.confirmed,
            decided_by=row.decided_by,
            decided_at=row.decided_at,
        ),
        marker=row.marker,
        current=row.superseded_at is None,
        write_state=WriteState(row.write_state),
        write_message=row.write_message,
        written_at=row.written_at,
        steps=tuple(_steps(connection, decision_id)),
    )
