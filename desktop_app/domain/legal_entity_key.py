"""What identifies the legal entity behind an order: its requisites, never the portal user.

Bitrix writes the **user's** XML_ID as `Контрагент/Ид` (`CSaleExport::getUserXmlId` in
modules/sale/general/export.php: the user's `XML_ID`, else `USER_ID#LOGIN#Фамилия Имя Отчество`
cut to 40 characters), the same for every company that user orders for. A B2B buyer who
orders for an ООО today and an ИП tomorrow sends both under one `Ид`; a mapping keyed on it
would link the second company's orders to the first one's counterparty. So the key is:

- `inn_kpp` — ИНН and КПП of an organisation (a branch is an entity of its own: the head's
  ИНН, its own КПП);
- `inn` — the ИНН alone where there is no КПП: an ИП, a person with an ИНН (or an
  organisation whose КПП the portal did not send — the checks report that);
- `name_address` — for a buyer without ИНН (a foreign company, a private person): a digest of
  its normalized name and address. Two namesakes at one address share it, so a mapping by
  this key is offered, never written to 1C without the manager (`auto_push_allowed`).

The ИНН and КПП are the *effective* ones the checks use (`order_buyer`: the counterparty's
own, else the order property's), so the key, the checks and the candidate search agree on
what the buyer is. Values are compared without spaces (КПП in capitals); nothing else is
"corrected": a mistyped ИНН is a different key.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from enum import StrEnum

from desktop_app.domain.company_names import normalize_name
from desktop_app.domain.counterparty import Counterparty
from desktop_app.domain.order import Order
from desktop_app.domain.order_buyer import order_buyer
from desktop_app.domain.phrase import Phrase, phrase

_SPACES = re.compile(r"\s+")
_NOT_WORD = re.compile(r"[\W_]+")
DIGEST_LENGTH = 32
"""Hex digits of sha256 kept for a name+address key (128 bits)."""


class EntityKeyKind(StrEnum):
    INN_KPP = "inn_kpp"
    INN = "inn"
    NAME_ADDRESS = "name_address"


_KINDS = frozenset(kind.value for kind in EntityKeyKind)


@dataclass(frozen=True, slots=True)
class LegalEntityKey:
    kind: EntityKeyKind
    value: str
    """`ИНН/КПП`, the ИНН, or the name+address digest."""

    @property
    def text(self) -> str:
        """The stored form: ``inn_kpp:7707083893/770701001``."""
        return f"{self.kind.value}:{self.value}"

    @classmethod
    def parse(cls, text: str | None) -> LegalEntityKey | None:
        """The key of a stored `text`; None for None or a text that is not a key."""
        kind, sep, value = (text or "").partition(":")
        if not sep or not value or kind not in _KINDS:
            return None
        return cls(EntityKeyKind(kind), value)

    @property
    def auto_push_allowed(self) -> bool:
        """Whether a mapping by this key may write to 1C without the manager's confirmation:
        requisites identify a company; a name and an address only suggest one."""
        return self.kind is not EntityKeyKind.NAME_ADDRESS

    def describe(self) -> Phrase:
        """The key in a manager's words: «ИНН 7707083893, КПП 770701001» (`wording.entities`)."""
        if self.kind is EntityKeyKind.INN_KPP:
            inn, _, kpp = self.value.partition("/")
            return phrase("entity-key.inn-kpp", inn=inn, kpp=kpp)
        if self.kind is EntityKeyKind.INN:
            return phrase("entity-key.inn", inn=self.value)
        return phrase("entity-key.name-address")


def _bare(value: str | None) -> str:
    return _SPACES.sub("", value or "")


def _address(text: str | None) -> str:
    return " ".join(_NOT_WORD.split((text or "").casefold().replace("ё", "е"))).strip()


def legal_entity_key(party: Counterparty) -> LegalEntityKey | None:
    """The key of the counterparty as it stands (complete it from the order first:
    `order_entity_key`); None when it has neither an ИНН nor a name."""
    inn, kpp = _bare(party.inn), _bare(party.kpp).upper()
    if inn:
        if kpp:
            return LegalEntityKey(EntityKeyKind.INN_KPP, f"{inn}/{kpp}")
        return LegalEntityKey(EntityKeyKind.INN, inn)
    names = (party.official_name, party.full_name, party.name, party.person_name)
    name = next((n for n in map(normalize_name, names) if n), "")
    if not name:
        return None
    address = _address(party.legal_address or party.registration_address or party.address)
    digest = hashlib.sha256(f"{name}\n{address}".encode()).hexdigest()[:DIGEST_LENGTH]
    return LegalEntityKey(EntityKeyKind.NAME_ADDRESS, digest)


def order_entity_key(order: Order) -> LegalEntityKey | None:
    """The key of the order's buyer with the ИНН/КПП the checks use; None without a buyer."""
    buyer = order_buyer(order)
    return None if buyer is None else legal_entity_key(buyer.counterparty)
