"""The portal's raw counterparty fields, grouped by the element of `Контрагент` they belong to.

In a flat list of paths the legal address and the actual one differ by one word at the start
of a long path (`ЮридическийАдрес/АдресноеПоле[3]/Значение` beside
`Адрес/АдресноеПоле[3]/Значение`), and a manager reading them in a narrow column mixes them up.
The first step of a path (GUIDE §4) says what a leaf belongs to: the counterparty's own
requisites (a leaf or an attribute of `Контрагент` itself), its legal address, its actual
address, a person's registration address, a bank account, the contacts, the representatives.
A group is a kind (worded in `wording.raw_field_groups`); each bank account and each
representative is a group of its own, numbered when the portal sent several. A row keeps its
whole path and its path inside the group. A leaf under an element this table does not know
keeps a group of its own, named by the element. Groups come in a fixed order; rows keep the
document's order.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from desktop_app.domain.counterparty import RawField


class GroupKind(StrEnum):
    REQUISITES = "requisites"
    LEGAL_ADDRESS = "legal_address"
    ADDRESS = "address"
    REGISTRATION_ADDRESS = "registration_address"
    BANK_ACCOUNT = "bank_account"
    CONTACTS = "contacts"
    REPRESENTATIVES = "representatives"
    OTHER = "other"
    """An element the reader does not know; the group is named by the element."""


ELEMENTS = {
    "ЮридическийАдрес": GroupKind.LEGAL_ADDRESS,
    "Адрес": GroupKind.ADDRESS,
    "АдресРегистрации": GroupKind.REGISTRATION_ADDRESS,
    "РасчетныеСчета": GroupKind.BANK_ACCOUNT,
    "Контакты": GroupKind.CONTACTS,
    "Представители": GroupKind.REPRESENTATIVES,
}
"""The first step of a path → its group (CommerceML's names, GUIDE §4)."""

ORDER = tuple(GroupKind)
EACH = (GroupKind.BANK_ACCOUNT, GroupKind.REPRESENTATIVES)
"""Kinds whose element lists items (`РасчетныйСчет`, `Представитель/Контрагент`): a group each."""

REQUISITE_KEYS = {
    "Ид": "portal_id",
    "Наименование": "name",
    "ОфициальноеНаименование": "official_name",
    "ПолноеНаименование": "full_name",
    "ИНН": "inn",
    "КПП": "kpp",
    "ОКПО": "okpo",
    "КодПоОКПО": "okpo",
    "ОКВЭД": "okved",
}
"""A leaf of `Контрагент` itself → the card's key of the same field (`ui.card_fields`)."""

ADDRESS_KEYS = {
    GroupKind.LEGAL_ADDRESS: "legal_address",
    GroupKind.ADDRESS: "address",
    GroupKind.REGISTRATION_ADDRESS: "registration_address",
}
ACCOUNT_KEYS = {
    "НомерСчета": "account",
    "Банк/Наименование": "bank",
    "Банк/БИК": "bik",
    "Банк/СчетКорреспондентский": "corr_account",
}

_INDEX = re.compile(r"\[(\d+)\]$")


@dataclass(frozen=True, slots=True)
class GroupedField:
    field: RawField
    inside: str
    """The path below the group's element (the whole path for a requisite)."""
    card_key: str | None
    """The card's key of this leaf (`inn`, `bik 2`), which marks it with the card's field."""


@dataclass(frozen=True, slots=True)
class RawGroup:
    kind: GroupKind
    number: int | None
    """The account's or representative's number when the portal sent several; else None."""
    element: str
    """The element's name as the document has it (what names an `OTHER` group)."""
    fields: tuple[GroupedField, ...]


def _step(path: str) -> tuple[str, str]:
    """``РасчетныеСчета/РасчетныйСчет[2]/Банк/БИК`` → (``РасчетныеСчета``, the rest)."""
    head, _, rest = path.partition("/")
    return _INDEX.sub("", head), rest


def _place(path: str) -> tuple[GroupKind, int, str, str]:
    """A path's group: kind, account number (1 unless repeated), element and inner path."""
    head, rest = _step(path)
    if not rest and (head.startswith("@") or head not in ELEMENTS):
        return GroupKind.REQUISITES, 1, "", path
    kind = ELEMENTS.get(head, GroupKind.OTHER)
    if kind in EACH and rest:
        item, _, inner = rest.partition("/")
        found = _INDEX.search(item)
        inner = inner.removeprefix("Контрагент/") if kind is GroupKind.REPRESENTATIVES else inner
        return kind, int(found.group(1)) if found else 1, head, inner or item
    return kind, 1, head, rest or head


def _card_key(kind: GroupKind, inside: str, number: int | None) -> str | None:
    if kind is GroupKind.REQUISITES:
        return REQUISITE_KEYS.get(inside)
    if kind in ADDRESS_KEYS:
        return ADDRESS_KEYS[kind] if inside in ("Представление", "Адрес") else None
    if kind is GroupKind.BANK_ACCOUNT and inside in ACCOUNT_KEYS:
        name = ACCOUNT_KEYS[inside]
        return f"{name} {number}" if number is not None else name
    return None


def grouped(raw: Sequence[RawField]) -> list[RawGroup]:
    """The leaves by group, every one of them once, in the fixed order of the groups."""
    places: dict[tuple[GroupKind, int, str], list[tuple[RawField, str]]] = {}
    for field in raw:
        kind, number, element, inside = _place(field.path)
        places.setdefault((kind, number, element), []).append((field, inside))
    counts = {kind: sum(1 for place in places if place[0] is kind) for kind in EACH}
    groups = []
    first_seen = list(places)
    for kind, number, element in sorted(
        places, key=lambda place: (ORDER.index(place[0]), place[1], first_seen.index(place))
    ):
        shown = number if counts.get(kind, 0) > 1 else None
        fields = tuple(
            GroupedField(field, inside, _card_key(kind, inside, shown))
            for field, inside in places[(kind, number, element)]
        )
        groups.append(RawGroup(kind, shown, element, fields))
    return groups
