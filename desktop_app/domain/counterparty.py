"""A counterparty as the portal describes it: the buyer's legal entity, entrepreneur or person.

Two views live side by side: the normalized card (ИНН, КПП, names, addresses, accounts) that
checks and matching work on, and `raw`, every leaf exactly as the portal sent it, in document
order. The manager compares the two; nothing the portal said is ever dropped on the way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from typing import NamedTuple


class CounterpartyKind(StrEnum):
    LEGAL = "legal"
    ENTREPRENEUR = "entrepreneur"
    PERSON = "person"
    UNKNOWN = "unknown"


KIND_WORDS = {
    CounterpartyKind.LEGAL.value: "юрлицо",
    CounterpartyKind.ENTREPRENEUR.value: "ИП",
    CounterpartyKind.PERSON.value: "физлицо",
    CounterpartyKind.UNKNOWN.value: "",
}
"""The kinds as a manager reads them, by their stored value."""


class RawField(NamedTuple):
    """One leaf of the portal's counterparty element: its path below `Контрагент` and its text.

    The text is exactly what the XML holds (padding, double-escaped `&quot;` and all).
    Repeated siblings carry a 1-based index: ``Контакты/Контакт[2]/Значение``.
    """

    path: str
    value: str


@dataclass(frozen=True, slots=True)
class BankAccount:
    account: str | None
    bank: str | None
    bik: str | None
    corr_account: str | None


@dataclass(frozen=True, slots=True)
class Contact:
    """A phone, an e-mail or anything else; `type` is the portal's own word for it."""

    type: str | None
    value: str | None

    @property
    def is_email(self) -> bool:
        kind = (self.type or "").casefold()
        return "почт" in kind or "mail" in kind

    @property
    def is_phone(self) -> bool:
        kind = (self.type or "").casefold()
        return "телефон" in kind or "phone" in kind


@dataclass(frozen=True, slots=True)
class Representative:
    relation: str | None
    name: str | None
    id: str | None


@dataclass(frozen=True, slots=True)
class Counterparty:
    id: str | None
    name: str | None
    official_name: str | None
    full_name: str | None
    kind: CounterpartyKind
    role: str | None
    inn: str | None
    kpp: str | None
    okpo: str | None
    surname: str | None
    first_name: str | None
    patronymic: str | None
    legal_address: str | None
    registration_address: str | None
    address: str | None
    okved: str | None = None
    contacts: tuple[Contact, ...] = ()
    bank_accounts: tuple[BankAccount, ...] = ()
    representatives: tuple[Representative, ...] = ()
    raw: tuple[RawField, ...] = ()

    @property
    def person_name(self) -> str:
        """Surname, first name and patronymic in one line; "" when the portal sent none."""
        return " ".join(p for p in (self.surname, self.first_name, self.patronymic) if p)

    @property
    def display_name(self) -> str:
        """The name a manager recognises: short, then official, then full, then the portal Ид."""
        return (
            self.name or self.official_name or self.full_name or self.person_name or self.id or ""
        )

    @property
    def is_buyer(self) -> bool:
        return (self.role or "").casefold() == "покупатель"

    @property
    def emails(self) -> tuple[str, ...]:
        return tuple(c.value for c in self.contacts if c.is_email and c.value)

    @property
    def phones(self) -> tuple[str, ...]:
        return tuple(c.value for c in self.contacts if c.is_phone and c.value)


# Organisational forms of legal entities (Russian and of neighbouring countries) at a word
# boundary; an ИП is recognised separately because it has a 12-digit ИНН like a person.
_LEGAL_FORM = re.compile(
    r"(?<![\w])(ООО|ОАО|ЗАО|ПАО|НАО|АО|ТОО|ОДО|ЧУП|УП|ФГУП|ГУП|МУП|НКО|АНО|LLC|LTD|GMBH|INC)(?![\w])"
    r"|общество с ограниченной|акционерное общество|товарищество",
    re.IGNORECASE,
)
_ENTREPRENEUR = re.compile(
    r"(?<![\w])(ИП|ИЧП)(?![\w])|индивидуальный предприниматель", re.IGNORECASE
)


def infer_kind(
    *,
    inn: str | None,
    kpp: str | None,
    official_name: str | None,
    name: str | None,
    full_name: str | None,
    legal_address: str | None,
    has_person_name: bool,
) -> CounterpartyKind:
    """Guess what the portal's counterparty is from the fields it filled.

    A 10-digit ИНН or a КПП means a legal entity; a 12-digit ИНН without КПП is an ИП or a
    person; a foreign buyer may have no ИНН, so names and organisational forms decide then.
    This is a hint for the manager, who sees the raw fields beside it.
    """
    digits = inn or ""
    names = " ".join(n for n in (official_name, name, full_name) if n)
    if _ENTREPRENEUR.search(names):
        return CounterpartyKind.ENTREPRENEUR
    if len(digits) == 10 or kpp or legal_address or _LEGAL_FORM.search(names):
        return CounterpartyKind.LEGAL
    if len(digits) == 12:
        return CounterpartyKind.ENTREPRENEUR if official_name else CounterpartyKind.PERSON
    if official_name:
        return CounterpartyKind.LEGAL
    if has_person_name or full_name:
        return CounterpartyKind.PERSON
    return CounterpartyKind.UNKNOWN
