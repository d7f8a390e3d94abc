"""How a push waits for a company another decision is creating (`store.create_claims`).

A decision about to create its company claims it; when another decision holds the claim,
this one either takes what that decision made, comes back later in this push (the holder is
still to be written by this push, or another push is writing it right now), or waits for the
next push (the holder stopped with its outcome unknown, and no push is on it).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field

from desktop_app.domain.create_claims import CREATES, HolderProgress, company_key, made_key
from desktop_app.domain.decisions import StepKind, StepState
from desktop_app.services.order_steps import StepOutcome
from desktop_app.store.create_claims import CreateClaims
from desktop_app.store.database import Database
from desktop_app.store.decision_rows import DecisionRow, StepRow
from desktop_app.wording.said import Said

log = logging.getLogger(__name__)

POLL_SECONDS = 0.25
"""How often a push looks again at a company another push is creating."""
RENEW_SECONDS = 10.0
"""How often a running push renews its create claims (their lease lasts a minute)."""


@dataclass(frozen=True, slots=True)
class Later:
    """The decision's company is being created by another decision: come back to it."""

    poll: bool
    """That decision is in another push's hands: wait a moment before looking again."""


@dataclass(slots=True)
class PushRun:
    """What one push shares between its workers: its claims and which decisions it has."""

    claims: CreateClaims
    expected: frozenset[int]
    finished: set[int] = field(default_factory=set)
    lock: threading.Lock = field(default_factory=threading.Lock)

    @classmethod
    def start(cls, database: Database, decisions: Sequence[DecisionRow]) -> PushRun:
        return cls(CreateClaims(database), frozenset(d.id for d in decisions))

    def done_with(self, decision_id: int) -> None:
        with self.lock:
            self.finished.add(decision_id)
        self.claims.release(decision_id)

    def still_to_come(self, decision_id: int) -> bool:
        with self.lock:
            return decision_id in self.expected and decision_id not in self.finished


def renew(claims: CreateClaims, stop: threading.Event) -> None:
    """Renew this push's claims until `stop` (a thread of its own: a 1C request may take
    longer than a lease)."""
    while not stop.wait(RENEW_SECONDS):
        try:
            claims.renew()
        except Exception:  # a locked or full disk: the lease runs out, waiters stop waiting
            log.warning("could not renew the create claims", exc_info=True)


def claimed(run: PushRun, row: DecisionRow, step: StepRow) -> StepOutcome | Later | None:
    """None when this decision creates its company itself; else what the step becomes
    (the object the holding decision made, or waiting for it), or `Later`."""
    card = row.decision.card
    if card is None:
        return None
    claim = run.claims.claim(company_key(card), row.id, step.kind)
    if claim.ours:
        return None
    holder = claim.holder
    if holder is None:  # another push is writing this very decision: wait for it
        return Later(poll=True)
    shown = holder.order_number or holder.portal_id
    if claim.progress is HolderProgress.MADE:
        results = {kind: holder.result_of(kind) for kind in CREATES}
        key = made_key(step.kind, holder.decision, results)
        note = None if step.kind is StepKind.CREATE_PARTNER else Said(
            "outcome.made_by_other", {"name": card.name, "order": shown}
        )  # fmt: skip
        return StepOutcome(StepState.DONE, key, note)
    if run.still_to_come(holder.id):
        return Later(poll=False)
    if claim.leased:
        return Later(poll=True)
    said = Said("outcome.being_made", {"name": card.name, "order": shown})
    return StepOutcome(StepState.WAITING, said=said)
