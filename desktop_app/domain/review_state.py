"""Where an order is in the manager's review.

A plain string enum: the values are stored as readable text ("needs_review") and printed by
`queue --json`, so they stay stable when members are reordered. The manager's words for them
are `desktop_app.wording.states`.
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
