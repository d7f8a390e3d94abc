"""The states an order and a fetch go through, as the store records them.

They are plain string enums so that the values written into the database are readable text
(``"needs_review"``) and stay stable when members are reordered. `ReviewState` lives in the
domain (it is the manager's notion); it is re-exported here for the store's modules.
"""

from __future__ import annotations

from enum import StrEnum

from desktop_app.domain.review_state import ReviewState

__all__ = ["FetchStatus", "OrderSource", "ReviewState", "sql_in_list"]


class FetchStatus(StrEnum):
    """Progress of one fetch from the portal; the store is told each step by the fetch service.

    ``stored`` comes before ``confirmed``: `mode=success` is sent only after the orders are
    committed (GUIDE §3), and never in peek mode, where ``stored`` is the last step.
    """

    STARTED = "started"
    DOWNLOADED = "downloaded"
    STORED = "stored"
    CONFIRMED = "confirmed"
    FAILED = "failed"

    @property
    def is_final(self) -> bool:
        """True for the statuses after which nothing more happens to the fetch."""
        return self in (FetchStatus.STORED, FetchStatus.CONFIRMED, FetchStatus.FAILED)


class OrderSource(StrEnum):
    """Where the app learned of an order: the portal's exchange page, or 1C alone.

    ``onec``: 1C's own exchange loaded the order from the site and sent it back before the
    app fetched it, so the site serves it to no page any more (`UPDATED_1C`, GUIDE §3); the
    app knows what 1C knows of it, not what the portal sent.
    """

    PORTAL = "portal"
    ONEC = "onec"


def sql_in_list(values: type[StrEnum]) -> str:
    """The members as an SQL ``IN`` list for a CHECK constraint: ``('new', 'decided')``."""
    return "(" + ", ".join(f"'{member.value}'" for member in values) + ")"
