"""Which company a create decision makes in 1C, and how far the decision making it has got.

Several decisions may create the same new company: four orders of one new buyer, decided one
by one, pushed four at a time or by two workstations at once. Each of them looking in 1C
before it creates is not enough — they all look before any of them has created, and 1C
answers a write in seconds (GUIDE §5). So the creates of one company are claimed, in the
shared store, by one decision; the others wait for it and take what it made.

The company is its ИНН and КПП (a branch is a company of its own; no КПП for an ИП); a buyer
without an ИНН — a private person, a foreign company — is its name and address, the same
identity `legal_entity_key` gives it: the retry of our own create finds it by the marker, the
claim keeps a second decision for the same person from creating another.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from enum import StrEnum

from desktop_app.domain.company_names import normalize_name
from desktop_app.domain.decisions import CounterpartyCard, Decision, StepKind, StepState

CREATES = (StepKind.CREATE_PARTNER, StepKind.CREATE_COUNTERPARTY)
_SPACES = re.compile(r"\s+")
_NOT_WORD = re.compile(r"[\W_]+")


class HolderProgress(StrEnum):
    """Where the decision holding a company's creates is, for one kind of create step."""

    MADE = "made"
    """That object exists in 1C: the others take it."""
    GAVE_UP = "gave_up"
    """Replaced, refused by 1C or in a conflict: nothing of it in 1C, another may create."""
    WORKING = "working"
    """Not yet done, or its outcome unknown: the others wait."""


def company_key(card: CounterpartyCard) -> str:
    """The company a create card makes: ``inn_kpp:ИНН/КПП``, ``inn:ИНН``, or ``person:`` a
    digest of the normalised name and address (as `legal_entity_key` does)."""
    inn, kpp = _SPACES.sub("", card.inn), _SPACES.sub("", card.kpp).upper()
    if inn:
        return f"inn_kpp:{inn}/{kpp}" if kpp else f"inn:{inn}"
    name = normalize_name(card.full_name) or normalize_name(card.name)
    address = " ".join(_NOT_WORD.split(card.legal_address.casefold().replace("ё", "е"))).strip()
    digest = hashlib.sha256(f"{name}\n{address}".encode()).hexdigest()[:32]
    return f"person:{digest}"


def holder_progress(
    kind: StepKind, current: bool, steps: Sequence[tuple[StepKind, StepState]]
) -> HolderProgress:
    """How far the holding decision is with the object `kind` makes."""
    if not current:
        return HolderProgress.GAVE_UP  # replaced: nothing of it reached 1C (decision_queries)
    creates = [(k, s) for k, s in steps if k in CREATES]
    own = next((s for k, s in creates if k is kind), None)
    if own is StepState.DONE:
        return HolderProgress.MADE
    if own is None and all(s is StepState.DONE for _, s in creates):
        return HolderProgress.MADE  # it put the counterparty under a partner it was given
    first_open = next((s for _, s in creates if s is not StepState.DONE), None)
    if first_open in (StepState.FAILED, StepState.CONFLICT):
        return HolderProgress.GAVE_UP
    return HolderProgress.WORKING


def made_key(kind: StepKind, decision: Decision, results: dict[StepKind, str | None]) -> str | None:
    """The Ref_Key of the object of `kind` the holding decision made (or was given)."""
    if kind is StepKind.CREATE_PARTNER:
        return results.get(StepKind.CREATE_PARTNER) or decision.partner_key
    return results.get(StepKind.CREATE_COUNTERPARTY)
