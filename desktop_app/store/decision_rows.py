"""The plain rows the decision store hands out: frozen, safe to pass between threads."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from desktop_app.domain.decisions import Decision, StepKind, StepState, WriteState
from desktop_app.wording.said import Said


@dataclass(frozen=True, slots=True)
class StepRow:
    id: int
    decision_id: int
    position: int
    kind: StepKind
    state: StepState
    attempts: int
    result_key: str | None
    said: Said | None
    """What the step came to (`wording.outcomes`)."""
    updated_at: dt.datetime


@dataclass(frozen=True, slots=True)
class DecisionRow:
    id: int
    portal_id: str
    order_number: str | None
    buyer_portal_id: str | None
    """The portal user the order came from (not the legal entity)."""
    decision: Decision
    marker: str
    """Written into the objects the decision creates in 1C, to recognise them on a retry."""
    current: bool
    write_state: WriteState
    write_said: Said | None
    """What the decision's writes came to, for the queue (`wording.outcomes`)."""
    written_at: dt.datetime | None
    steps: tuple[StepRow, ...]
    entity_key: str | None = None
    """The legal entity the decision was taken for (`domain.legal_entity_key`)."""
    buyer_entity_key: str | None = None
    """The legal entity the order names now (a later revision may name another)."""
    buyer_name: str | None = None
    order_date: dt.date | None = None
    """The portal order's date (a counterparty 1C made before it was not made for it)."""

    def result_of(self, kind: StepKind) -> str | None:
        """The Ref_Key an earlier step produced (the new partner, the new counterparty)."""
        return next((s.result_key for s in self.steps if s.kind is kind), None)


@dataclass(frozen=True, slots=True)
class Mapping:
    """A legal entity confirmed as a 1C counterparty (written to 1C by a link)."""

    entity_key: str
    entity_name: str | None
    buyer_portal_id: str | None
    """The portal user who ordered for it (kept beside the key, never the key)."""
    counterparty_key: str
    partner_key: str | None
    decision_id: int | None
    confirmed_at: dt.datetime
    confirmed_by: str
    needs_confirmation: bool = False
    """Not used automatically until a manager links an order of this entity again."""


@dataclass(frozen=True, slots=True)
class Recognised:
    """A new order whose buyer the automatic mapping can name in 1C."""

    portal_id: str
    counterparty_key: str
    partner_key: str | None
    by_mapping: bool
    """By a confirmed mapping of the buyer's legal entity (else by ИНН+КПП in the cache)."""
    entity_key: str | None
    """The order's legal entity, which says whether the link may go to 1C by itself."""
