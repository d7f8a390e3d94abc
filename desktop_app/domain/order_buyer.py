"""The buyer of an order with every requisite the portal sent for it, wherever it put them.

CommerceML has no field for ОГРН, so portals put it in an order property of the payer type
("ОГРН" for a company, "ОГРНИП" for an entrepreneur, as the emulator's portal does). ИНН and
КПП travel twice: in the `Контрагент` element and, on many portals, as order properties as
well. Checks and candidate search work on one card: the counterparty's own value where it has
one, else the property's. A property that disagrees with the card is kept too, so the
manager is told about it instead of one of the two being dropped.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from desktop_app.domain.counterparty import Counterparty
from desktop_app.domain.order import Order

INN_PROPERTIES = frozenset({"инн", "инн покупателя", "инн организации"})
KPP_PROPERTIES = frozenset({"кпп", "кпп покупателя", "кпп организации"})
REGISTRATION_PROPERTIES = frozenset({"огрн", "огрнип", "огрн огрнип", "огрн или огрнип"})
"""Property names, compared folded (case, punctuation and spacing ignored)."""

_NOT_WORD = re.compile(r"[\W_]+")


@dataclass(frozen=True, slots=True)
class OrderBuyer:
    """The order's buyer, completed from the order's properties."""

    counterparty: Counterparty
    """The buyer's card; its ИНН/КПП taken from the properties where the card has none."""
    registration_number: str | None
    """ОГРН or ОГРНИП from the order's properties (CommerceML has no field for it)."""
    property_inn: str | None
    property_kpp: str | None
    card_inn: str | None
    """The ИНН of the `Контрагент` element itself, before completion."""
    card_kpp: str | None


def _folded(name: str) -> str:
    return " ".join(_NOT_WORD.split(name.casefold())).strip()


def _property(order: Order, names: frozenset[str]) -> str | None:
    for prop in order.properties:
        if _folded(prop.name) in names and prop.value:
            return prop.value.strip() or None
    return None


def order_buyer(order: Order) -> OrderBuyer | None:
    """The buyer with its requisites gathered from the whole order; None without a buyer."""
    party = order.buyer
    if party is None:
        return None
    inn = _property(order, INN_PROPERTIES)
    kpp = _property(order, KPP_PROPERTIES)
    completed = dataclasses.replace(party, inn=party.inn or inn, kpp=party.kpp or kpp)
    return OrderBuyer(
        counterparty=completed,
        registration_number=_property(order, REGISTRATION_PROPERTIES),
        property_inn=inn,
        property_kpp=kpp,
        card_inn=party.inn,
        card_kpp=party.kpp,
    )
