"""The portal's buyer beside a 1C counterparty, field by field: same, differs or missing.

The manager decides whether a candidate is the buyer by looking at the two side by side; the
status tells them where to look. Names are compared normalized (`normalize_name`: quotes,
legal form, case and ё/е do not count), so `ООО "Вектор"` and `Вектор ООО` are the same
name; requisites are compared as written (trimmed). Values are shown as each side has them,
but for the kind, which is a code (`legal`, …, or 1C's own name of a kind it does not know).
A field empty on both sides counts as the same. Labels and kinds are worded at the edge
(`wording.card_fields`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from desktop_app.domain.company_names import normalize_name
from desktop_app.domain.counterparty import Counterparty, CounterpartyKind
from desktop_app.domain.onec_directory import DirectoryCounterparty


class ComparisonStatus(StrEnum):
    SAME = "same"
    DIFFERS = "differs"
    MISSING_IN_PORTAL = "missing_in_portal"
    MISSING_IN_1C = "missing_in_1c"


@dataclass(frozen=True, slots=True)
class FieldComparison:
    field: str
    """The field's name (`inn`); its label is `wording.card_fields`'."""
    portal_value: str | None
    onec_value: str | None
    status: ComparisonStatus


KNOWN_KINDS = (CounterpartyKind.LEGAL, CounterpartyKind.ENTREPRENEUR, CounterpartyKind.PERSON)
NON_RESIDENT = "ЮрЛицоНеРезидент"


def _trimmed(value: str | None) -> str:
    return (value or "").strip()


def _row(
    field: str,
    portal: str | None,
    onec: str | None,
    key: Callable[[str | None], str] = _trimmed,
) -> FieldComparison:
    mine, theirs = key(portal), key(onec)
    if mine == theirs:  # both empty included
        status = ComparisonStatus.SAME
    elif not mine:
        status = ComparisonStatus.MISSING_IN_PORTAL
    elif not theirs:
        status = ComparisonStatus.MISSING_IN_1C
    else:
        status = ComparisonStatus.DIFFERS
    return FieldComparison(field, portal or None, onec or None, status)


def _kind_code(kind: CounterpartyKind) -> str | None:
    return kind.value if kind in KNOWN_KINDS else None


def onec_kind(candidate: DirectoryCounterparty) -> str | None:
    """1C's ЮрФизЛицо as a kind's code (`wording.card_fields.KINDS`); an unknown value as 1C
    names it."""
    if candidate.legal_form == NON_RESIDENT:
        return "non-resident"
    return _kind_code(candidate.kind) or candidate.legal_form or None


def compare(
    buyer: Counterparty,
    candidate: DirectoryCounterparty,
    *,
    registration_number: str | None = None,
) -> list[FieldComparison]:
    """Name, full name, ИНН, КПП, ОГРН, ОКПО and kind of the two, in that order.

    `registration_number` is the buyer's ОГРН/ОГРНИП from the order's properties, since the
    portal's counterparty element has no field for it.
    """
    name = buyer.name or buyer.person_name
    return [
        _row("name", name, candidate.description, normalize_name),
        _row(
            "full_name",
            buyer.official_name or buyer.full_name,
            candidate.full_name,
            normalize_name,
        ),
        _row("inn", buyer.inn, candidate.inn),
        _row("kpp", buyer.kpp, candidate.kpp),
        _row("ogrn", registration_number, candidate.registration_number),
        _row("okpo", buyer.okpo, candidate.okpo),
        _kind(buyer, candidate),
    ]


def _kind(buyer: Counterparty, candidate: DirectoryCounterparty) -> FieldComparison:
    """Compared as kinds (a non-resident is a legal entity), shown in words."""
    portal = _kind_code(buyer.kind)
    onec = onec_kind(candidate)
    row = _row("kind", portal, onec)
    if row.status is ComparisonStatus.DIFFERS and buyer.kind is candidate.kind:
        return FieldComparison(row.field, portal, onec, ComparisonStatus.SAME)
    return row
