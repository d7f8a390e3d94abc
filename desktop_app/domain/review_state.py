"""Where an order is in the manager's review.

A plain string enum: the values are stored as readable text ("needs_review") and printed by
`queue --json`, so they stay stable when members are reordered.
"""

from __future__ import annotations

from enum import StrEnum


class ReviewState(StrEnum):
    """Where an order is in the manager's review."""

    NEW = "new"
    """Fetched, nobody has looked at it yet."""
    NEEDS_REVIEW = "needs_review"
    """Looked at (or matched automatically) and waiting for the manager's decision."""
    DECIDED = "decided"
    """The manager decided (create, link); the decision waits in the outbox for 1C."""
    WRITTEN = "written"
    """The decision is written to 1C."""
    REJECTED = "rejected"
    """The manager rejected the order's counterparty."""
    ERROR = "error"
    """Writing the decision to 1C failed in a way that needs the manager."""


STATE_WORDS = {
    ReviewState.NEW: "новый",
    ReviewState.NEEDS_REVIEW: "на проверке",
    ReviewState.DECIDED: "решение принято",
    ReviewState.WRITTEN: "записан в 1С",
    ReviewState.REJECTED: "отклонён",
    ReviewState.ERROR: "ошибка",
}
"""The states as the manager reads them (queue, exported lists)."""
FROM_ONEC_WORDS = "есть в 1С, не получен с портала"
"""An order the app knows from 1C alone (domain/onec_only_order.py), until it is decided."""


def queue_state_words(state: ReviewState, from_onec: bool) -> str:
    """The state as the queue says it: an order known from 1C alone says so while open."""
    if from_onec and state in (ReviewState.NEW, ReviewState.NEEDS_REVIEW):
        return FROM_ONEC_WORDS
    return STATE_WORDS[state]
