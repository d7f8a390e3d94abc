"""Reading what 1C's orders hold now, for the review: one background read, kept locally.

With 1C's standard site exchange the 1C order of a new buyer already has a counterparty —
found by ИНН+КПП or by name, or created under «Неизвестный партнер». Before deciding, the
manager must see it: which counterparty and partner, and whether it looks made by the
exchange. The open orders' 1C orders are read in one pass over the 1C orders dated from the
oldest open order on (`SiteOrders.since`), their counterparties once each, and the result is
kept in the store (`onec_orders`), so the review shows it offline and at once.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from desktop_app.adapters.onec.odata_client import ODataClient
from desktop_app.adapters.onec.onec_objects import OneCObjects
from desktop_app.adapters.onec.site_orders import SiteOrders
from desktop_app.domain.onec_documents import OneCCustomerOrder
from desktop_app.domain.onec_order_state import OneCOrderState, OrderCounterparty, auto_signs
from desktop_app.domain.order_link import OrderLink
from desktop_app.store.column_types import utc_now
from desktop_app.store.database import Database
from desktop_app.store.onec_order_repository import OneCOrderRepository

MARGIN = dt.timedelta(days=2)
"""1C may date an order a little before the site did (time zones, a clock off)."""
UNDATED = dt.timedelta(days=30)


@dataclass(frozen=True, slots=True)
class StatesReport:
    looked_for: int
    found: int
    auto_created: int


def refresh_order_states(client: ODataClient, database: Database, link: OrderLink) -> StatesReport:
    """Read the 1C orders of the open portal orders and keep what they hold."""
    repository = OneCOrderRepository(database)
    open_orders = repository.open_orders()
    if not open_orders or not link.known:
        return StatesReport(len(open_orders), 0, 0)
    dates = [o.date for o in open_orders if o.date is not None]
    start = dt.datetime.combine(min(dates), dt.time()) - MARGIN if dates else (
        dt.datetime.now() - UNDATED
    )  # fmt: skip
    wanted = {link.site_key(o.portal_id, o.number): o.portal_id for o in open_orders}
    found: dict[str, OneCCustomerOrder] = {}
    for site_order in SiteOrders(client, link).since(start):
        portal_id = wanted.get(site_order.site_key)
        if portal_id is not None and not site_order.order.deletion_mark:
            found.setdefault(portal_id, site_order.order)
    objects = OneCObjects(client)
    parties: dict[str, OrderCounterparty | None] = {}
    now = utc_now()
    states = []
    for portal_id, order in found.items():
        key = order.counterparty_key
        if key and key not in parties:
            parties[key] = objects.order_counterparty(key)
        party = parties.get(key) if key else None
        signs = auto_signs(order.ref_key, party) if party is not None else ()
        states.append(OneCOrderState(
            portal_id=portal_id, ref_key=order.ref_key, number=order.number, date=order.date,
            posted=order.posted, deletion_mark=order.deletion_mark, counterparty=party,
            auto_signs=signs, read_at=now,
        ))  # fmt: skip
    repository.save([o.portal_id for o in open_orders], states)
    return StatesReport(len(open_orders), len(states), sum(s.auto_created for s in states))
