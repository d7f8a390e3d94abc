"""Where the review engine plugs into the window: candidates, check findings, decisions.

The window is built before the engine (issue 5), so it speaks to it through these small
types and one protocol, and ships a stand-in that needs nothing but the local copy of the
1C directory:

- `ReviewSource.candidates(order)` — the 1C counterparties to show in the *1С* column, best
  first, each with the reasons it is there. `DirectorySource` lists what the copy knows by
  the buyer's ИНН (and marks the same КПП); the engine's ranked matcher replaces it.
- `ReviewSource.findings(order)` — the check results shown as badges above the columns (a
  finding with a `field` also highlights that field of the portal card). None here yet.

Both are called on the GUI thread when the manager opens an order, so they may read the
local store (a few indexed queries) but must never touch the network. Decisions go the
other way, as a signal of `ReviewActions` (see review_actions.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from PySide6.QtCore import QCoreApplication

from desktop_app.domain.onec_directory import DirectoryCounterparty
from desktop_app.domain.order import Order
from desktop_app.store.directory_repository import DirectoryRepository

translate = QCoreApplication.translate

NAME_CANDIDATES = 10


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    OK = "ok"


@dataclass(frozen=True, slots=True)
class Finding:
    """One check result: a sentence for the manager, and the card field it concerns."""

    severity: Severity
    sentence: str
    field: str | None = None
    """A key of the portal card (`card_fields.PORTAL_KEYS`: "inn", "kpp", "bik", …)."""


@dataclass(frozen=True, slots=True)
class Candidate:
    """A 1C counterparty the order's buyer may be, and why it is offered."""

    counterparty: DirectoryCounterparty
    reasons: tuple[str, ...]
    score: float | None = None
    """The engine's rank (higher is better); None when the list is not ranked."""


class ReviewSource(Protocol):
    def candidates(self, order: Order) -> Sequence[Candidate]: ...

    def findings(self, order: Order) -> Sequence[Finding]: ...


class DirectorySource:
    """Before the engine: the copy of the 1C directory looked up by ИНН (else by name)."""

    def __init__(self, directory: DirectoryRepository) -> None:
        self._directory = directory

    def candidates(self, order: Order) -> list[Candidate]:
        buyer = order.buyer
        if buyer is None:
            return []
        if not buyer.inn:
            found = self._directory.find_counterparties(
                name=buyer.display_name, limit=NAME_CANDIDATES
            )
            return [
                Candidate(c, (translate("ReviewHooks", "похожее наименование"),)) for c in found
            ]
        found = self._directory.find_counterparties(inn=buyer.inn)
        offered = [Candidate(c, _reasons(c, buyer.kpp)) for c in found]
        offered.sort(key=lambda c: _rank(c.counterparty, buyer.kpp))
        return offered

    def findings(self, order: Order) -> list[Finding]:
        return []


def _rank(candidate: DirectoryCounterparty, kpp: str | None) -> tuple[bool, bool, bool]:
    """Same КПП first, then the live ones, then head organisations before branches."""
    return (candidate.kpp != kpp, candidate.deletion_mark, candidate.is_branch)


def _reasons(candidate: DirectoryCounterparty, kpp: str | None) -> tuple[str, ...]:
    reasons: list[str] = []
    if not kpp or candidate.kpp == kpp:
        reasons.append(
            translate("ReviewHooks", "тот же ИНН и КПП")
            if kpp
            else translate("ReviewHooks", "тот же ИНН")
        )
    elif candidate.is_branch:
        reasons.append(
            translate("ReviewHooks", "тот же ИНН, другой КПП: обособленное подразделение")
        )
    else:
        reasons.append(translate("ReviewHooks", "тот же ИНН, другой КПП: головная организация"))
    if candidate.deletion_mark:
        reasons.append(translate("ReviewHooks", "помечен на удаление"))
    return tuple(reasons)
