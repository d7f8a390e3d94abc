"""The statements decisions and the outbox share: rows in, frozen rows out.

Both repositories (`decision_repository`, `outbox_repository`) run these inside their own
transactions; after every change of a step `refresh_summary` recomputes what the queue shows
(the decision's write state and message, the order's review state).
"""

from __future__ import annotations

import dataclasses
import json
import uuid
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
from desktop_app.domain.entity_mapping import AUTOMATIC
from desktop_app.domain.review_state import ReviewState
from desktop_app.store.column_types import utc_now
from desktop_app.store.decision_rows import DecisionRow, Mapping, StepRow
from desktop_app.store.errors import StoreError
from desktop_app.store.models import DECISIONS, MAPPINGS, ORDERS, OUTBOX_STEPS
from desktop_app.wording.said import Said

STATE_OF_ORDER = {
    WriteState.WRITTEN: ReviewState.WRITTEN,
    WriteState.CONFLICT: ReviewState.ERROR,
}


class DecisionLockedError(StoreError):
    """The decision has (maybe) reached 1C already and can no longer be replaced."""


def card_object(card: CounterpartyCard) -> dict[str, Any]:
    """The card as plain JSON values: what `decisions.card` stores and `decide --json` prints
    (one serialisation of a card; `card_of` reads it back)."""
    values = dataclasses.asdict(card)
    values["kind"] = card.kind.value
    return values


def card_json(card: CounterpartyCard | None) -> str | None:
    return None if card is None else json.dumps(card_object(card), ensure_ascii=False)


def card_of(text: str | None) -> CounterpartyCard | None:
    if not text:
        return None
    values: dict[str, Any] = json.loads(text)
    values["kind"] = CounterpartyKind(values["kind"])
    return CounterpartyCard(**values)


def order_state(kind: DecisionKind, state: WriteState) -> ReviewState:
    if kind is DecisionKind.REJECT:
        return ReviewState.REJECTED
    if kind is DecisionKind.DEFER or state is WriteState.NONE:
        return ReviewState.NEEDS_REVIEW
    return STATE_OF_ORDER.get(state, ReviewState.DECIDED)


def set_order_state(connection: Connection, order_id: int, state: ReviewState) -> None:
    connection.execute(
        update(ORDERS)
        .where(ORDERS.c.id == order_id)
        .values(review_state=state.value, changed_since_review=False)
    )


def current_of_order(connection: Connection, order_id: int) -> Row[Any] | None:
    return connection.execute(
        select(DECISIONS).where(
            DECISIONS.c.order_id == order_id, DECISIONS.c.superseded_at.is_(None)
        )
    ).first()


def current_by_portal_id(connection: Connection, portal_id: str) -> Row[Any] | None:
    return connection.execute(
        select(DECISIONS)
        .join(ORDERS, ORDERS.c.id == DECISIONS.c.order_id)
        .where(ORDERS.c.portal_id == portal_id, DECISIONS.c.superseded_at.is_(None))
    ).first()


def locked_words(states: list[StepState]) -> Said | None:
    """Why a decision with these step states can no longer be replaced; None if it can."""
    if StepState.SENDING in states:
        return Said("store.outcome_unknown")
    if StepState.DONE in states:
        return Said("store.written")
    return None


def require_replaceable(connection: Connection, current: Row[Any]) -> None:
    words = locked_words([step.state for step in steps_of(connection, current.id)])
    if words is not None:
        raise DecisionLockedError(words)


def steps_of(connection: Connection, decision_id: int) -> list[StepRow]:
    rows = connection.execute(
        select(OUTBOX_STEPS)
        .where(OUTBOX_STEPS.c.decision_id == decision_id)
        .order_by(OUTBOX_STEPS.c.position)
    )
    return [step_of_row(row) for row in rows]


def step_by_id(connection: Connection, step_id: int) -> StepRow:
    row = connection.execute(select(OUTBOX_STEPS).where(OUTBOX_STEPS.c.id == step_id)).first()
    if row is None:
        raise StoreError(Said("store.no_step", {"step_id": step_id}))
    return step_of_row(row)


def step_of_row(row: Row[Any]) -> StepRow:
    return StepRow(
        id=row.id, decision_id=row.decision_id, position=row.position, kind=StepKind(row.kind),
        state=StepState(row.state), attempts=row.attempts, result_key=row.result_key,
        said=row.message, updated_at=row.updated_at,
    )  # fmt: skip


def refresh_summary(connection: Connection, decision_id: int) -> None:
    """Recompute the decision's write state and message and the order's review state."""
    row = connection.execute(select(DECISIONS).where(DECISIONS.c.id == decision_id)).one()
    steps = steps_of(connection, decision_id)
    state = write_state([s.state for s in steps], confirmed=row.confirmed)
    message = next((s.said for s in steps if not s.state.final and s.said), None)
    message = message or next((s.said for s in steps if s.state is StepState.CONFLICT), None)
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
        set_order_state(connection, row.order_id, order_state(DecisionKind(row.kind), state))


def insert_decision(connection: Connection, order_id: int, decision: Decision) -> int:
    """Make `decision` the order's current one (superseding a replaceable one); its id.

    The decision remembers the legal entity the order names now (`entity_key`): what was
    decided is about that entity, whatever a later revision of the order says.
    """
    now = utc_now()
    current = current_of_order(connection, order_id)
    if current is not None:
        require_replaceable(connection, current)
        connection.execute(
            update(DECISIONS).where(DECISIONS.c.id == current.id).values(superseded_at=now)
        )
    entity_key = connection.execute(
        select(ORDERS.c.buyer_entity_key).where(ORDERS.c.id == order_id)
    ).scalar_one()
    plan = decision.plan()
    state = write_state([StepState.PENDING] * len(plan), confirmed=decision.confirmed)
    key = connection.execute(
        insert(DECISIONS).values(
            order_id=order_id,
            kind=decision.kind.value,
            card=card_json(decision.card),
            counterparty_key=decision.counterparty_key,
            partner_key=decision.partner_key,
            entity_key=entity_key,
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
    set_order_state(connection, order_id, order_state(decision.kind, state))
    return int(key[0])


def drop_automatic(connection: Connection, order_id: int, reason: str) -> bool:
    """Replace the order's automatic decision by a deferral that says `reason`, unless a
    write of it may have reached 1C already; whether it was dropped.

    The order stays flagged as changed since review: the manager must look at it again.
    """
    current = current_of_order(connection, order_id)
    if current is None or not current.automatic or current.kind != DecisionKind.LINK.value:
        return False
    states = {step.state for step in steps_of(connection, current.id)}
    if StepState.DONE in states or StepState.SENDING in states:
        return False
    insert_decision(
        connection, order_id, Decision(DecisionKind.DEFER, reason=reason, decided_by=AUTOMATIC)
    )
    connection.execute(
        update(ORDERS).where(ORDERS.c.id == order_id).values(changed_since_review=True)
    )
    return True


def save_mapping(connection: Connection, mapping: Mapping) -> None:
    """Insert or replace the mapping of `mapping.entity_key`."""
    values = dataclasses.asdict(mapping)
    existing = connection.execute(
        select(MAPPINGS.c.entity_key).where(MAPPINGS.c.entity_key == mapping.entity_key)
    ).first()
    if existing is None:
        connection.execute(insert(MAPPINGS).values(**values))
    else:
        connection.execute(
            update(MAPPINGS).where(MAPPINGS.c.entity_key == mapping.entity_key).values(**values)
        )


def mapping_of(row: Row[Any]) -> Mapping:
    return Mapping(
        entity_key=row.entity_key, entity_name=row.entity_name,
        buyer_portal_id=row.buyer_portal_id, counterparty_key=row.counterparty_key,
        partner_key=row.partner_key, decision_id=row.decision_id,
        confirmed_at=row.confirmed_at, confirmed_by=row.confirmed_by,
        needs_confirmation=row.needs_confirmation,
    )  # fmt: skip


def decision_row(connection: Connection, decision_id: int) -> DecisionRow:
    row = connection.execute(
        select(
            DECISIONS,
            ORDERS.c.portal_id,
            ORDERS.c.number,
            ORDERS.c.buyer_portal_id,
            ORDERS.c.buyer_entity_key,
            ORDERS.c.buyer_name,
            ORDERS.c.order_date,
        )
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
            card=card_of(row.card),
            counterparty_key=row.counterparty_key,
            partner_key=row.partner_key,
            reason=row.reason,
            replaces_key=row.replaces_key,
            delete_replaced=row.delete_replaced,
            automatic=row.automatic,
            confirmed=row.confirmed,
            decided_by=row.decided_by,
            decided_at=row.decided_at,
        ),
        marker=row.marker,
        current=row.superseded_at is None,
        write_state=WriteState(row.write_state),
        write_said=row.write_message,
        written_at=row.written_at,
        steps=tuple(steps_of(connection, decision_id)),
        entity_key=row.entity_key,
        buyer_entity_key=row.buyer_entity_key,
        buyer_name=row.buyer_name,
        order_date=row.order_date,
    )
