"""The portal's buyer beside a 1C counterparty, field by field: same, differs or missing.

The manager decides whether a candidate is the buyer by looking at the two side by side; the
status tells them where to look. Names are compared normalized (`normalize_name`: quotes,
legal form, case and ё/е do not count), so `ООО "Вектор"` and `Вектор ООО` are the same
name; requisites are compared as written (trimmed). Values are shown as each side has them.
A field empty on both sides counts as the same.
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
    label_ru: str
    portal_value: str | None
    onec_value: str | None
    status: ComparisonStatus


KIND_WORDS = {
    CounterpartyKind.LEGAL: "Юридическое лицо",
    CounterpartyKind.ENTREPRENEUR: "Индивидуальный предприниматель",
    CounterpartyKind.PERSON: "Физическое лицо",
}
NON_RESIDENT = "ЮрЛицоНеРезидент"


def _trimmed(value: str | None) -> str:
    return (value or "").strip()


def _row(
    field: str,
    label: str,
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
    return FieldComparison(field, label, portal or None, onec or None, status)


def onec_kind_words(candidate: DirectoryCounterparty) -> str | None:
    """1C's ЮрФизЛицо in words; an unknown value as 1C names it."""
    if candidate.legal_form == NON_RESIDENT:
        return "Юридическое лицо (нерезидент)"
    return KIND_WORDS.get(candidate.kind, candidate.legal_form or None)


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
        _row("name", "Наименование", name, candidate.description, normalize_name),
        _row(
            "full_name",
            "Полное наименование",
            buyer.official_name or buyer.full_name,
            candidate.full_name,
            normalize_name,
        ),
        _row("inn", "ИНН", buyer.inn, candidate.inn),
        _row("kpp", "КПП", buyer.kpp, candidate.kpp),
        _row("ogrn", "ОГРН / ОГРНИП", registration_number, candidate.registration_number),
        _row("okpo", "ОКПО", buyer.okpo, candidate.okpo),
        _kind(buyer, candidate),
    ]


def _kind(buyer: Counterparty, candidate: DirectoryCounterparty) -> FieldComparison:
    """Compared as kinds (a non-resident is a legal entity), shown in words."""
    portal = KIND_WORDS.get(buyer.kind)
    onec = onec_kind_words(candidate)
    row = _row("kind", "Вид (юр./физ. лицо)", portal, onec)
    if row.status is ComparisonStatus.DIFFERS and buyer.kind is candidate.kind:
        return FieldComparison(row.field, row.label_ru, portal, onec, ComparisonStatus.SAME)
    return row
