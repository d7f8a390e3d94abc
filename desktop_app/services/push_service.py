"""Pushing decided orders to 1C: the outbox, a few decisions at a time.

1C answers a write in seconds (5–11 s on a live УТ 11), so decisions go in parallel — four by
default, under the publication's pool of about ten — while the steps of one decision stay in
order. Each step is claimed in the store before its request (compare-and-set on its attempt
count, so a second push running beside this one skips it) and its outcome is committed after.
Whatever happens — 1C refuses, the network drops, the process is killed — the store says what
was asked and what came back; the next push continues from there (see `outbox_steps`).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from desktop_app.adapters.onec.odata_client import ODataClient, OneCConnection
from desktop_app.adapters.onec.odata_errors import OneCConnectionError, OneCError
from desktop_app.adapters.onec.onec_objects import OneCObjects
from desktop_app.adapters.onec.onec_references import ReferenceItems
from desktop_app.domain.create_claims import CREATES, company_key
from desktop_app.domain.decisions import StepKind, StepState, WriteState
from desktop_app.services.create_waiting import POLL_SECONDS, Later, PushRun, claimed, renew
from desktop_app.services.outbox_steps import PushContext, StepOutcome, run_step
from desktop_app.store.column_types import utc_now
from desktop_app.store.database import Database
from desktop_app.store.decision_rows import DecisionRow, Mapping, StepRow
from desktop_app.store.outbox_repository import OutboxRepository
from desktop_app.wording.said import Said

log = logging.getLogger(__name__)

DEFAULT_PARALLEL = 4


@dataclass(frozen=True, slots=True)
class StepEvent:
    """One step's outcome, as `push` prints it and the GUI shows it."""

    portal_id: str
    order_number: str | None
    step: StepKind
    state: StepState
    said: Said | None
    """What the step came to, for the manager (`wording.outcomes`)."""
    attempt: int


@dataclass(slots=True)
class PushReport:
    decisions: int = 0
    states: dict[WriteState, int] = field(default_factory=dict)
    events: list[StepEvent] = field(default_factory=list)

    def count(self, state: WriteState) -> int:
        return self.states.get(state, 0)


def push(
    database: Database,
    connection: OneCConnection,
    *,
    context: PushContext,
    parallel: int = DEFAULT_PARALLEL,
    on_step: Callable[[StepEvent], None] | None = None,
    cancel: threading.Event | None = None,
    references: ReferenceItems | None = None,
    access_group: str = "",
) -> PushReport:
    """Write every confirmed, unfinished decision; `on_step` is called from worker threads.

    `context` says where this 1C base keeps the portal's orders and whether to re-post
    (`order_link_setup` finds the link; an unknown one makes the links wait); `references`
    (the cached summary's kinds and access group) spare each worker reading them; without
    them a worker reads them once, with `access_group`, when it first creates something.

    Decisions whose company another decision is creating come back in a later round, after
    it (`create_claims`): they then take what it made. One held by another push is waited
    for while that push holds it, and left waiting when it no longer does."""
    repository = OutboxRepository(database)
    decisions = repository.to_push()
    report = PushReport(decisions=len(decisions))
    lock = threading.Lock()
    run = PushRun.start(database, decisions)

    def record(event: StepEvent) -> None:
        with lock:
            report.events.append(event)
        if on_step is not None:
            on_step(event)

    local = threading.local()

    def work(row: DecisionRow) -> WriteState | Later:
        if not hasattr(local, "objects"):  # one client (and one look-up) per worker
            local.objects = OneCObjects(ODataClient(connection), references, access_group)
        outcome = _push_one(repository, local.objects, row, context, record, cancel, run)
        if not isinstance(outcome, Later):
            run.done_with(row.id)
        return outcome

    stop = threading.Event()
    heartbeat = threading.Thread(target=renew, args=(run.claims, stop), daemon=True,
                                 name="onec-push-lease")  # fmt: skip
    heartbeat.start()
    try:
        with ThreadPoolExecutor(max(1, parallel), thread_name_prefix="onec-push") as pool:
            todo = decisions
            while todo:
                outcomes = list(pool.map(work, todo))
                later = [r for r, o in zip(todo, outcomes, strict=True) if isinstance(o, Later)]
                for outcome in outcomes:
                    if not isinstance(outcome, Later):
                        report.states[outcome] = report.states.get(outcome, 0) + 1
                if len(later) == len(todo) and cancel is not None and cancel.is_set():
                    break
                if later and len(later) == len(todo):  # all in another push's hands
                    (cancel or threading.Event()).wait(POLL_SECONDS)
                todo = [repository.decision(r.id) for r in later]
    finally:
        stop.set()
        heartbeat.join()
        run.claims.release()
    return report


def _push_one(
    repository: OutboxRepository,
    objects: OneCObjects,
    row: DecisionRow,
    context: PushContext,
    record: Callable[[StepEvent], None],
    cancel: threading.Event | None,
    run: PushRun,
) -> WriteState | Later:
    relinked: bool | None = None  # whether this run's link changed a posted order
    for planned in row.steps:
        if planned.state is StepState.DONE:
            continue
        if planned.state is StepState.CONFLICT or (cancel is not None and cancel.is_set()):
            break
        given: StepOutcome | None = None
        if planned.kind in CREATES:
            held = claimed(run, row, planned)
            if isinstance(held, Later):
                return held
            given = held
        step = repository.claim_step(planned)
        if step is None:
            log.info("step %s of decision %s is taken by another push", planned.id, row.id)
            break
        if planned.kind in CREATES and given is None and row.decision.card is not None:
            run.claims.hold(company_key(row.decision.card), row.id)
        if given is not None:
            outcome = given
        elif step.kind is StepKind.POST_ORDER and relinked is False:
            outcome = StepOutcome(StepState.DONE, row.result_of(StepKind.LINK_ORDER))
        else:
            outcome = _attempt(objects, row, step, context, planned.state)
        if step.kind is StepKind.LINK_ORDER and outcome.state is StepState.DONE:
            relinked = outcome.changed_posted
        mapping = None
        if step.kind is StepKind.LINK_ORDER and outcome.state is StepState.DONE:
            mapping = _mapping(row, outcome)
        row = repository.finish_step(
            step.id, outcome.state, result_key=outcome.result_key,
            said=outcome.said, mapping=mapping,
        )  # fmt: skip
        record(StepEvent(row.portal_id, row.order_number, step.kind, outcome.state,
                         outcome.said, step.attempts))  # fmt: skip
        if outcome.state is not StepState.DONE:
            break
    return row.write_state


def _attempt(
    objects: OneCObjects,
    row: DecisionRow,
    step: StepRow,
    context: PushContext,
    before: StepState,
) -> StepOutcome:
    """Run the step; a failure is `failed` only when nothing of it can be in 1C.

    Unknown (`sending`): a lost or cut answer; an error after a write of this attempt was
    applied; an error of the look-up a retry makes after an unknown outcome (`before`), so
    that 1C was not looked at yet — exactly like a dropped connection."""
    applied = objects.writes_applied
    try:
        return run_step(objects, row, step, context)
    except OneCConnectionError as error:
        return StepOutcome(StepState.SENDING, said=_again(error.said))
    except Exception as error:
        unknown = objects.writes_applied > applied or (
            before is StepState.SENDING and objects.last_was_read
        )
        if isinstance(error, OneCError):
            said = error.said
        else:  # a bug: keep the outbox consistent, tell, go on with others
            log.exception("step %s of decision %s failed", step.id, row.id)
            said = Said("outcome.internal", {"kind": type(error).__name__})
        if unknown:
            return StepOutcome(StepState.SENDING, said=_again(said))
        return StepOutcome(StepState.FAILED, said=said)


def _again(error: Said) -> Said:
    """The request may have been applied and only the answer lost: the step stays `sending`,
    and the next attempt looks in 1C before it writes."""
    return Said("outcome.again", {"error": error})


def _mapping(row: DecisionRow, outcome: StepOutcome) -> Mapping | None:
    """The mapping a written link confirms: of the legal entity the decision was taken for
    (its requisites, not the portal user), and only while the order still names it."""
    counterparty_key = row.decision.counterparty_key or row.result_of(StepKind.CREATE_COUNTERPARTY)
    if not row.entity_key or row.entity_key != row.buyer_entity_key or not counterparty_key:
        return None
    return Mapping(
        entity_key=row.entity_key,
        entity_name=row.buyer_name,
        buyer_portal_id=row.buyer_portal_id,
        counterparty_key=counterparty_key,
        partner_key=outcome.partner_key,
        decision_id=row.id,
        confirmed_at=utc_now(),
        confirmed_by=row.decision.decided_by,
    )
