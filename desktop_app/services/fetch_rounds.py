"""The rules between the rounds of one fetch: when the committed second is closed, what
the closing query says of the core, and how the rounds add up (see fetch_service.py)."""

from __future__ import annotations

import time

from desktop_app.services.answer_store import AnswerTally
from desktop_app.store.order_repository import FetchCounts, UpsertOutcome

BOUNDARY_PAUSE = 1.0
"""Seconds between the start of the last query that brought orders and the closing query
that must bring none: DATE_UPDATE has whole seconds, so the closing query then runs in a
later second than any order the previous one exported (see `close_the_second`)."""


def close_the_second(previous_start: float) -> None:
    """Wait, if need be, until the closing query runs in a later second than the last one.

    `success` commits the DATE_UPDATE of the last order the session exported, and the next
    exchange starts at that very second, skipping the orders of that second the site-wide
    exchange log already has — whoever's query logged them (export.php,
    `getLastOrderExported`). The committed second must therefore hold no order this fetch
    has not stored: an order saved later in that same second and exported by a query whose
    answer was then lost would be skipped for good. A query that brings nothing new, run
    after that second is over, proves it: every order of the second was exported to this
    session and stored before `success`.
    """
    wait = previous_start + BOUNDARY_PAUSE - time.monotonic()
    if wait > 0:
        time.sleep(wait)


def exchange_log_seen(rounds: list[AnswerTally]) -> bool | None:
    """What the closing query says of the core: nothing at all — it logs what it sent (newer
    core); only orders already received — it re-serves its boundary order (older core)."""
    if len(rounds) < 2 or not (rounds[-2].complete and rounds[-2].documents):
        return None
    last = rounds[-1]
    if not last.complete:
        return None
    if last.documents == 0:
        return True
    earlier = set().union(*(t.received() for t in rounds[:-1]))
    return False if last.received() <= earlier else None


def counts(rounds: list[AnswerTally]) -> FetchCounts:
    """Each order once, as what it was first (a cut answer's orders come again, unchanged)."""
    merged = AnswerTally()
    for tally in rounds:
        for portal_id, outcome in tally.outcomes.items():
            merged.record(portal_id, outcome)
    return FetchCounts(
        new=merged.count(UpsertOutcome.NEW),
        changed=merged.count(UpsertOutcome.CHANGED),
        unchanged=merged.count(UpsertOutcome.UNCHANGED),
        quarantined=sum(t.quarantined for t in rounds),
    )


def problems_left(rounds: list[AnswerTally]) -> tuple[str, ...]:
    """What went wrong, leaving out the cuts the next query of the fetch continued."""
    kept = [t for t in rounds[:-1] if t.complete] + rounds[-1:]
    return tuple(p for t in kept for p in t.problems)


def last_order(tally: AnswerTally) -> int | None:
    """The numeric Ид of the last order an answer brought, in the answer's order."""
    numbers = [int(portal_id) for portal_id in tally.outcomes if portal_id.isdigit()]
    return numbers[-1] if numbers else None


def orders_received(rounds: list[AnswerTally]) -> set[str]:
    """Ид of the orders the rounds brought; a document put aside in a cut answer is no order
    (it broke off with the answer)."""
    kept = (set(t.outcomes) | (t.quarantined_ids if t.complete else set()) for t in rounds)
    return set().union(*kept)


def unreachable(rounds: list[AnswerTally], lost_after: set[int]) -> tuple[int, ...]:
    """The orders a lost continuation answer took with it: numeric Ид after the last order
    received before it, below the highest one this fetch received, that never came.

    The lost answer went on after that order in `DATE_UPDATE, ID` order, and the site logged
    what it exported at the second of its bound; a query bound at that second skips them and
    one bound earlier dies at the same order again, so while PHP's limit stands no query
    brings them. Orders of that second with a higher Ид than any received cannot be named.
    """
    received = {int(p) for p in orders_received(rounds) if p.isdigit()}
    if not lost_after or not received:
        return ()
    top = max(received)
    gone = {n for after in lost_after for n in range(after + 1, top) if n not in received}
    return tuple(sorted(gone))
