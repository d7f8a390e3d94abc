"""Reading what 1C's orders hold now, for the review: one background read, kept locally.

With 1C's standard site exchange the 1C order of a new buyer already has a counterparty —
found by ИНН+КПП or by name, or created under «Неизвестный партнер». Before deciding, the
manager must see it: which counterparty and partner, and whether it looks made by the
exchange. The open orders' 1C orders are read in one pass over the 1C orders dated from the
oldest open order on (`SiteOrders.since`), their counterparties once each, and the result is
kept in the store (`onec_orders`), so the review shows it offline and at once.

The same pass finds the orders 1C has from the site that the app never received
(`onec_misses`): they join the queue first, and their 1C orders are read with the rest.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from desktop_app.adapters.onec.odata_client import ODataClient
from desktop_app.adapters.onec.onec_objects import OneCObjects
from desktop_app.adapters.onec.site_orders import SiteOrder, SiteOrders
from desktop_app.domain.onec_documents import OneCCustomerOrder
from desktop_app.domain.onec_order_state import OneCOrderState, OrderCounterparty, auto_signs
from desktop_app.domain.order_link import OrderLink
from desktop_app.services.onec_misses import (
    MARGIN,
    NO_MISSES,
    MissReport,
    list_misses,
    window_start,
)
from desktop_app.services.settings import OneCSettings
from desktop_app.store.column_types import utc_now
from desktop_app.store.database import Database
from desktop_app.store.onec_order_repository import OneCOrderRepository

UNDATED = dt.timedelta(days=30)


@dataclass(frozen=True, slots=True)
class StatesReport:
    looked_for: int
    found: int
    auto_created: int
    missed: MissReport = NO_MISSES
    """Orders 1C has from the site and the portal never sent: listed from 1C's data."""


def read_onec_orders(
    settings: OneCSettings, password: str, database: Database, data_dir: Path
) -> StatesReport:
    """Connect to 1C, find where it keeps the site's orders (once), and read them: what the
    open orders' 1C orders hold, and the orders the portal never sent. OneCError says why
    it could not."""
    from desktop_app.services.onec_connection import connect
    from desktop_app.services.order_link_setup import detect_and_keep, known_link

    session = connect(settings, password, data_dir)
    with session.client:
        link = (
            known_link(settings, data_dir)
            or detect_and_keep(session.client, session.publication, database, data_dir).link
        )
        return refresh_order_states(session.client, database, link)


def refresh_order_states(client: ODataClient, database: Database, link: OrderLink) -> StatesReport:
    """Read the 1C orders of the open portal orders and keep what they hold; list the 1C
    orders from the site the app never received."""
    repository = OneCOrderRepository(database)
    open_orders = repository.open_orders()
    misses_from = window_start(database)
    if not link.known or (not open_orders and misses_from is None):
        return StatesReport(len(open_orders), 0, 0)
    dates = [o.date for o in open_orders if o.date is not None]
    starts = [dt.datetime.combine(min(dates), dt.time()) - MARGIN] if dates else []
    if open_orders and not dates:
        starts.append(dt.datetime.now() - UNDATED)
    if misses_from is not None:
        starts.append(misses_from)
    site_orders: list[SiteOrder] = list(SiteOrders(client, link).since(min(starts)))
    objects = OneCObjects(client)
    missed = NO_MISSES
    if misses_from is not None:
        missed = list_misses(objects, database, link, site_orders, misses_from)
        open_orders = repository.open_orders()
    wanted = {link.site_key(o.portal_id, o.number): o.portal_id for o in open_orders}
    found: dict[str, OneCCustomerOrder] = {}
    for site_order in site_orders:
        portal_id = wanted.get(site_order.site_key)
        if portal_id is not None and not site_order.order.deletion_mark:
            found.setdefault(portal_id, site_order.order)
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
    auto = sum(s.auto_created for s in states)
    return StatesReport(len(open_orders), len(states), auto, missed)
