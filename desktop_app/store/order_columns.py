"""The flat columns of an order row: what the queue filters, sorts and shows without decoding.

They are derived from the order on every store, so they always describe the current
revision. The buyer is the domain's buyer (the counterparty with the role Покупатель, else the
first one); its name is the name a manager recognises (`Counterparty.display_name`). Its
`Ид` names the portal user; the legal entity is `buyer_entity_key`, from the requisites the
checks use (`domain.legal_entity_key`).
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from desktop_app.domain.legal_entity_key import order_entity_key
from desktop_app.domain.order import Order

_BIGINT_MAX = 2**63 - 1
_KOPECKS = Decimal(100)


def total_kopecks(total: Decimal | None) -> int | None:
    """The total in whole kopecks, rounded half-up, for sorting; None when there is none."""
    if total is None or not total.is_finite():
        return None
    kopecks = int((total * _KOPECKS).to_integral_value(rounding=ROUND_HALF_UP))
    return kopecks if abs(kopecks) <= _BIGINT_MAX else None


def search_text(*parts: str | None) -> str:
    """The parts joined by newlines and case-folded: matched with a portable LIKE.

    SQLite's LIKE and lower() fold only ASCII, so "ромашка" would not find "РОМАШКА" there;
    folding in Python when storing, and the search words when searching, works everywhere.
    """
    return "\n".join(part.casefold() for part in parts if part)


def order_columns(order: Order) -> dict[str, Any]:
    """The `orders` columns that describe the order itself (not its review or history)."""
    buyer = order.buyer
    buyer_name = (buyer.display_name or None) if buyer is not None else None
    buyer_inn = buyer.inn if buyer is not None else None
    buyer_kpp = buyer.kpp if buyer is not None else None
    entity = order_entity_key(order)
    return {
        "number": order.number,
        "version": order.version,
        "order_date": order.date,
        "total": None if order.total is None else str(order.total),
        "total_kopecks": total_kopecks(order.total),
        "currency": order.currency,
        "buyer_portal_id": buyer.id if buyer is not None else None,
        "buyer_entity_key": entity.text if entity is not None else None,
        "buyer_name": buyer_name,
        "buyer_inn": buyer_inn,
        "buyer_kpp": buyer_kpp,
        "buyer_kind": buyer.kind.value if buyer is not None else None,
        "search_text": search_text(order.number, buyer_name, buyer_inn, buyer_kpp, order.id),
    }


def is_older_version(incoming: str | None, stored: str | None) -> bool:
    """Whether the incoming `НомерВерсии` is older than the stored one.

    Bitrix writes the order's version as an integer that grows with every edit; an answer
    replayed out of order must not roll the order back. Versions that are absent or not
    integers on either side are not compared (the content hash decides alone then).
    """
    if incoming is None or stored is None:
        return False
    incoming, stored = incoming.strip(), stored.strip()
    if not (incoming.isdecimal() and stored.isdecimal()):
        return False
    return int(incoming) < int(stored)
