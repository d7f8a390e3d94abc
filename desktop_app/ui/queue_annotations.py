"""The queue's check badge and decision column, from the review engine.

The model asks for them cell by cell as rows are painted, so each row is worked out once per
refresh and remembered (`forget` starts over). The badge checks what the queue row carries —
the buyer's ИНН and КПП, digits and check keys — so it costs no decoding of the order; the
review panel shows every finding of the whole order. The decision is one indexed read.
"""

from __future__ import annotations

from desktop_app.domain.requisite_checks import Severity, check_inn, check_kpp
from desktop_app.store.database import Database
from desktop_app.store.decision_repository import DecisionRepository
from desktop_app.store.queue_rows import QueueRow
from desktop_app.ui.decision_words import decision_short


def requisites_badge(row: QueueRow) -> str:
    """✖ an error in the ИНН or КПП, ⚠ a warning, ✓ both fine, — no ИНН at all."""
    if not row.buyer_inn:
        return "—"
    findings = check_inn(row.buyer_inn) + (check_kpp(row.buyer_kpp) if row.buyer_kpp else [])
    if any(f.severity is Severity.ERROR for f in findings):
        return "✖"
    if any(f.severity is Severity.WARNING for f in findings):
        return "⚠"
    return "✓"


class EngineAnnotations:
    def __init__(self, database: Database) -> None:
        self._decisions = DecisionRepository(database)
        self._badges: dict[str, str] = {}
        self._words: dict[str, str] = {}

    def badge(self, row: QueueRow) -> str:
        found = self._badges.get(row.portal_id)
        if found is None:
            found = self._badges[row.portal_id] = requisites_badge(row)
        return found

    def decision(self, row: QueueRow) -> str:
        found = self._words.get(row.portal_id)
        if found is None:
            current = self._decisions.current(row.portal_id)
            found = self._words[row.portal_id] = decision_short(current) if current else ""
        return found

    def forget(self) -> None:
        self._badges.clear()
        self._words.clear()
