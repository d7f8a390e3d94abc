"""The plain rows the decision store hands out: frozen, safe to pass between threads."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from desktop_app.domain.decisions import Decision, StepKind, StepState, WriteState


@dataclass(frozen=True, slots=True)
class StepRow:
    id: int
    decision_id: int
    position: int
    kind: StepKind
    state: StepState
    attempts: int
    result_key: str | None
    message: str | None
    updated_at: dt.datetime


@dataclass(frozen=True, slots=True)
class DecisionRow:
    id: int
    portal_id: str
    order_number: str | None
    buyer_portal_id: str | None
    decision: Decision
    marker: str
    """Written into the objects the decision creates in 1C, to recognise them on a retry."""
    current: bool
    write_state: WriteState
    write_message: str | None
    written_at: dt.datetime | None
    steps: tuple[StepRow, ...]

    def result_of(self, kind: StepKind) -> str | None:
        """The Ref_Key an earlier step produced (the new partner, the new counterparty)."""
        return next((s.result_key for s in self.steps if s.kind is kind), None)


@dataclass(frozen=True, slots=True)
class Mapping:
    """A portal buyer confirmed as a 1C counterparty (written to 1C by a link)."""

    buyer_portal_id: str
    counterparty_key: str
    partner_key: str | None
    decision_id: int | None
    confirmed_at: dt.datetime
    confirmed_by: str


@dataclass(frozen=True, slots=True)
class Recognised:
    """A new order whose buyer the automatic mapping can name in 1C."""

    portal_id: str
    counterparty_key: str
    partner_key: str | None
    by_mapping: bool
    """By a confirmed mapping of the buyer's portal `Ид` (else by ИНН+КПП in the cache)."""
