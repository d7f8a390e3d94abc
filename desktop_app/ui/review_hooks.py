"""What the review panel asks of the review engine: candidates, findings, the decision.

`ReviewSource` is the panel's only view of the engine, so tests can hand it a stand-in.
`EngineSource` is the real one: the ranked 1C candidates of `candidate_search` (the buyer's
confirmed mapping first), the other legal entities the same portal user ordered for (the
note), the findings of `order_findings` (the requisite checks, and whatever check joins
its sources; the queue's «Пров.» mark is made of the same), and the order's current decision with
where its writes are. All three read the local store only — a few indexed
queries, milliseconds — and never the network, so they run on the GUI thread when the
manager opens an order.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import QCoreApplication

from desktop_app.domain.candidates import Candidate
from desktop_app.domain.decisions import StepKind, WriteState
from desktop_app.domain.entity_mapping import EarlierEntity
from desktop_app.domain.legal_entity_key import order_entity_key
from desktop_app.domain.order import Order
from desktop_app.domain.order_findings import REQUISITES, FindingSource, order_findings
from desktop_app.domain.requisite_checks import Finding
from desktop_app.services.candidate_search import candidates_for_order
from desktop_app.store.database import Database
from desktop_app.store.decision_repository import DecisionRepository
from desktop_app.store.entity_mappings import MappingRepository
from desktop_app.ui.decision_words import decision_text
from desktop_app.wording.phrases import phrase_text

translate = QCoreApplication.translate

_BANK_FIELD = re.compile(r"bank_accounts\[(\d+)\]\.(\w+)")


@dataclass(frozen=True, slots=True)
class WrittenDecision:
    """An order's decision that 1C has: the counterparty its 1C order now holds."""

    counterparty_key: str
    name: str
    """The counterparty's name as the decision knew it (a new one may not be copied yet)."""
    written_at: dt.datetime | None


class ReviewSource(Protocol):
    def candidates(self, order: Order) -> Sequence[Candidate]: ...

    def earlier_entities(self, order: Order) -> Sequence[EarlierEntity]:
        """Other legal entities the order's portal user ordered for, when the order's own
        has no mapping: the note above the columns."""
        ...

    def findings(self, order: Order) -> Sequence[Finding]: ...

    def decision(self, order: Order) -> str:
        """The order's current decision and the state of its writes, in words ("" if none)."""
        ...

    def written(self, order: Order) -> WrittenDecision | None:
        """The order's decision when 1C has it whole (a create or a link), else None."""
        ...


class EngineSource:
    def __init__(self, database: Database, sources: Sequence[FindingSource] = REQUISITES) -> None:
        self._database = database
        self._sources = tuple(sources)

    def candidates(self, order: Order) -> list[Candidate]:
        return candidates_for_order(self._database, order)[1]

    def earlier_entities(self, order: Order) -> list[EarlierEntity]:
        key = order_entity_key(order)
        user = order.buyer.id if order.buyer is not None else None
        return MappingRepository(self._database).earlier_entities(user, key.text if key else None)

    def findings(self, order: Order) -> list[Finding]:
        return order_findings(order, self._sources)  # the queue's mark is made of the same

    def decision(self, order: Order) -> str:
        row = DecisionRepository(self._database).current(order.id)
        return decision_text(row) if row is not None else ""

    def written(self, order: Order) -> WrittenDecision | None:
        row = DecisionRepository(self._database).current(order.id)
        if row is None or row.write_state is not WriteState.WRITTEN:
            return None
        decision = row.decision
        key = decision.counterparty_key or row.result_of(StepKind.CREATE_COUNTERPARTY)
        if not decision.kind.writes or not key:
            return None
        name = decision.card.name if decision.card is not None else ""
        return WrittenDecision(key, name, row.written_at)


def reasons_text(candidate: Candidate) -> str:
    """Why the candidate is offered, for the list and the card."""
    explanation = phrase_text(candidate.explanation, translate)
    if candidate.deleted:
        return explanation + " " + translate("ReviewHooks", "(помечен на удаление)")
    return explanation


def card_key(field: str, accounts: int) -> str:
    """The portal card's key of a finding's field ("bank_accounts[2].bik" → "bik 2")."""
    found = _BANK_FIELD.fullmatch(field)
    if found is None:
        return field
    number, name = int(found.group(1)), found.group(2)  # counted from 1, as the card
    return f"{name} {number}" if accounts > 1 else name
