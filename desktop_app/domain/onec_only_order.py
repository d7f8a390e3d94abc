"""A portal order the app knows from 1C alone: which 1C orders those are, and the order made
of what 1C knows.

1C's own exchange loads a site order (checkauth → query → success) and sends its documents
back; the site then marks the order `UPDATED_1C = Y` and serves it to no exchange page until
it is edited on the site (GUIDE §3). Had 1C been faster than the app, the app never sees the
order, while it is exactly the order that needs review: 1C-Bitrix's module leaves the
counterparty of a buyer 1C does not know empty, and 1C's standard exchange fills one in
itself — found by ИНН+КПП or by name, or newly made (GUIDE §5). So the app looks at 1C's
side and lists such orders, reviewed from 1C's data: the number, date and sum, the comment,
the counterparty on the order (its card as 1C has it). The portal's own document — the
buyer's requisites as the portal sent them, the lines — is not available.
"""

from __future__ import annotations

import datetime as dt

from desktop_app.domain.counterparty import Counterparty, CounterpartyKind
from desktop_app.domain.onec_directory import DirectoryCounterparty
from desktop_app.domain.onec_documents import OneCCustomerOrder
from desktop_app.domain.order import Order
from desktop_app.domain.order_link import LinkKind, OrderLink, SiteKey

ID_PREFIX = "1c:"
"""The `Ид` of an order known from 1C alone when 1C keeps the site's number only (the store
renames it to the portal's `Ид` when the portal sends the order: store/order_upsert.py)."""


def needs_review(order: OneCCustomerOrder, link: OrderLink) -> bool:
    """Whether a 1C order from the site is one the manager must see: its counterparty is
    empty (1C-Bitrix's module, a custom exchange), or 1C's standard exchange chose it."""
    if order.deletion_mark:
        return False
    return not order.counterparty_key or link.kind is LinkKind.PROPERTY


def order_id(order: OneCCustomerOrder, site_key: str, link: OrderLink) -> str:
    """The portal `Ид` when 1C keeps it, else `1c:` and the 1C order's reference."""
    return site_key if link.holds is SiteKey.ID else ID_PREFIX + order.ref_key


def order_from_onec(
    order: OneCCustomerOrder,
    site_key: str,
    link: OrderLink,
    counterparty: DirectoryCounterparty | None,
) -> Order:
    """The queue's order made of what 1C knows (no lines: 1C has goods, not the portal's).

    The buyer is the counterparty on the 1C order, as 1C's card has it; there is no portal
    user (`id` None), so no mapping of a portal user applies to it.
    """
    moment = order.date
    return Order(
        id=order_id(order, site_key, link),
        number=site_key if link.holds is SiteKey.NUMBER else None,
        version=None,
        date=moment.date() if moment else None,
        time=moment.time() if moment and moment.time() != dt.time() else None,
        operation="Заказ товара",
        role="Продавец",
        currency=None,
        exchange_rate=None,
        total=order.total,
        comment=order.comment,
        deleted=False,
        counterparties=() if counterparty is None else (buyer_of(counterparty),),
    )


def buyer_of(card: DirectoryCounterparty) -> Counterparty:
    """1C's counterparty as the order's buyer: the requisites 1C's card holds."""
    kind = card.kind
    official = card.full_name if kind is CounterpartyKind.LEGAL else None
    return Counterparty(
        id=None,
        name=card.description or None,
        official_name=official or None,
        full_name=card.full_name or None,
        kind=kind,
        role="Покупатель",
        inn=card.inn or None,
        kpp=card.kpp or None,
        okpo=card.okpo or None,
        surname=None,
        first_name=None,
        patronymic=None,
        legal_address=None,
        registration_address=None,
        address=None,
    )
