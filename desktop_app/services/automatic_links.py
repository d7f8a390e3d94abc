"""Confirming the automatic mapping's links in one go, each with the reason it was made.

The automatic mapping links a new order whose buyer it recognises (a confirmed mapping, or
the ИНН and КПП of a 1C counterparty), and such a link waits for a manager's confirmation
before it is written (`review.auto_push_first`). A manager who selected many orders in the
queue confirms them at once — after reading, for each, to whom it is linked and why: the
reason is the 1C candidate's own explanation for that counterparty (the one the *1С*
column shows), so what the batch confirmation says is what the order's panel would say;
an order whose checks found an error or a warning carries them into the list too.

`automatic_links` reads (the store only; a few indexed reads and one candidate search per
order) and `confirm_links` writes, each meant for a background thread.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from desktop_app.domain.decisions import DecisionKind
from desktop_app.domain.order_findings import order_findings
from desktop_app.domain.phrase import Phrase
from desktop_app.domain.requisite_checks import Finding, Severity
from desktop_app.services.candidate_search import candidates_for_order
from desktop_app.services.decision_service import DecisionService
from desktop_app.store.database import Database
from desktop_app.store.decision_repository import DecisionRepository
from desktop_app.store.directory_repository import DirectoryRepository
from desktop_app.store.queue_repository import QueueRepository


@dataclass(frozen=True, slots=True)
class AutomaticLink:
    """An automatic link waiting for its confirmation, as the confirmation lists it."""

    portal_id: str
    number: str | None
    buyer_name: str | None
    counterparty_name: str | None
    """The 1C counterparty's name in the directory copy (None when not in the copy)."""
    reason: Phrase | None
    """Why the counterparty is offered for the buyer; None when it no longer is."""
    warnings: tuple[Finding, ...] = ()
    """The order's errors and warnings (`order_findings`, as its panel shows them)."""


def automatic_links(database: Database, portal_ids: Sequence[str]) -> list[AutomaticLink]:
    """The orders among `portal_ids` whose current decision is an automatic link not yet
    confirmed, in the order given."""
    decisions, orders = DecisionRepository(database), QueueRepository(database)
    directory = DirectoryRepository(database)
    found: list[AutomaticLink] = []
    for portal_id in portal_ids:
        row = decisions.current(portal_id)
        if row is None or row.decision.kind is not DecisionKind.LINK:
            continue
        if not row.decision.automatic or row.decision.confirmed:
            continue
        key = row.decision.counterparty_key or ""
        order = orders.order(portal_id)
        candidates = candidates_for_order(database, order)[1] if order is not None else []
        reason = next((c.explanation for c in candidates if c.counterparty.ref_key == key), None)
        counterparty = directory.counterparty(key)
        findings = order_findings(order) if order is not None else []
        found.append(
            AutomaticLink(
                portal_id, row.order_number, row.buyer_name,
                counterparty.description if counterparty is not None else None, reason,
                tuple(f for f in findings if f.severity is not Severity.INFO),
            )
        )  # fmt: skip
    return found


def confirm_links(
    database: Database,
    portal_ids: Sequence[str],
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Confirm each order's automatic link (by the operating-system user); how many were."""
    service = DecisionService(database)
    for done, portal_id in enumerate(portal_ids, start=1):
        service.confirm(portal_id)
        if progress is not None:
            progress(done, len(portal_ids))
    return len(portal_ids)
