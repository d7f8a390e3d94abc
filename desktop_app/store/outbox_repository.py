"""The outbox: decisions waiting for 1C, their steps claimed and finished one by one.

Every change is its own short transaction, so that the file always says what was asked of
1C: a step is marked `sending` (and committed) before its request leaves, and its outcome is
committed when the answer is read. A run killed in between leaves `sending` behind, which the
next push reads as "outcome unknown: look in 1C first".
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select, update

from desktop_app.domain.decisions import StepState, WriteState
from desktop_app.store.column_types import utc_now
from desktop_app.store.database import Database
from desktop_app.store.decision_queries import (
    decision_row,
    refresh_summary,
    save_mapping,
    step_by_id,
)
from desktop_app.store.decision_rows import DecisionRow, Mapping, StepRow
from desktop_app.store.models import DECISIONS, OUTBOX_STEPS
from desktop_app.wording.said import Said

_UNFINISHED = (
    DECISIONS.c.superseded_at.is_(None),
    DECISIONS.c.confirmed.is_(True),
    DECISIONS.c.write_state.in_(
        [WriteState.QUEUED.value, WriteState.WAITING.value, WriteState.FAILED.value]
    ),
)


@dataclass(frozen=True, slots=True)
class OutboxCounts:
    """The unfinished decisions, by whom they wait for."""

    for_app: int = 0
    """To be written by the next push (queued, or failed and to be tried again)."""
    for_order: int = 0
    """Written as far as they can be: they wait for their order to appear in 1C."""
    conflicts: int = 0
    """Stopped at a conflict: they wait for the manager, no push retries them."""

    @property
    def unwritten(self) -> int:
        """Decided, not yet whole in 1C (what quitting now leaves for the next start)."""
        return self.for_app + self.for_order


class OutboxRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    def to_push(self) -> list[DecisionRow]:
        """Current, confirmed decisions with writes not finished, oldest first."""
        query = select(DECISIONS.c.id).where(*_UNFINISHED).order_by(DECISIONS.c.id)
        with self._db.reading() as connection:
            return [decision_row(connection, row.id) for row in connection.execute(query)]

    def decision(self, decision_id: int) -> DecisionRow:
        """One decision as it stands now (another push may have moved it on)."""
        with self._db.reading() as connection:
            return decision_row(connection, decision_id)

    def queued_count(self) -> int:
        """How many `to_push` would give (one count: the status bar asks it often)."""
        query = select(func.count()).select_from(DECISIONS).where(*_UNFINISHED)
        with self._db.reading() as connection:
            return int(connection.execute(query).scalar_one())

    def counts(self) -> OutboxCounts:
        """The unfinished decisions by write state (one grouped count)."""
        query = (
            select(DECISIONS.c.write_state, func.count())
            .where(DECISIONS.c.superseded_at.is_(None), DECISIONS.c.confirmed.is_(True))
            .group_by(DECISIONS.c.write_state)
        )
        with self._db.reading() as connection:
            by_state = {WriteState(state): int(n) for state, n in connection.execute(query)}
        return OutboxCounts(
            for_app=by_state.get(WriteState.QUEUED, 0) + by_state.get(WriteState.FAILED, 0),
            for_order=by_state.get(WriteState.WAITING, 0),
            conflicts=by_state.get(WriteState.CONFLICT, 0),
        )

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
            return step_by_id(connection, step.id) if result.rowcount == 1 else None

    def finish_step(
        self,
        step_id: int,
        state: StepState,
        *,
        result_key: str | None = None,
        said: Said | None = None,
        mapping: Mapping | None = None,
    ) -> DecisionRow:
        """Record a step's outcome (and, for a written link, the confirmed mapping)."""
        now = utc_now()
        with self._db.writing() as connection:
            step = step_by_id(connection, step_id)
            connection.execute(
                update(OUTBOX_STEPS)
                .where(OUTBOX_STEPS.c.id == step_id)
                .values(
                    state=state.value,
                    result_key=result_key or step.result_key,
                    message=said,
                    updated_at=now,
                )
            )
            if mapping is not None:
                save_mapping(connection, mapping)
            refresh_summary(connection, step.decision_id)
            return decision_row(connection, step.decision_id)
