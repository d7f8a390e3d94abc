"""Orders 1C has from the site and the app never received: found from 1C's side.

The site serves an order to no exchange page once 1C's own exchange has loaded it and sent
it back (`UPDATED_1C = Y`, GUIDE §3), so an order 1C fetched first may never reach the app,
however often it fetches. After each read of 1C's orders (`onec_orders`) the 1C orders from
the site that the app does not hold are compared with what it has, and those the manager must
review (`domain.onec_only_order.needs_review`) are kept as queue orders known from 1C alone.

Only 1C orders dated from the oldest order the portal sent the app on are looked at (older
ones were 1C's business before the app existed), and none more than `LOOKBACK` older than
the newest: a miss is found at the first read of 1C after it happens, every few minutes
while the window is open, so a month covers a long holiday of the workstation.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from desktop_app.adapters.onec.onec_objects import OneCObjects
from desktop_app.adapters.onec.site_orders import SiteOrder
from desktop_app.domain.onec_directory import DirectoryCounterparty
from desktop_app.domain.onec_only_order import needs_review, order_from_onec
from desktop_app.domain.order import Order
from desktop_app.domain.order_link import OrderLink, SiteKey
from desktop_app.store.database import Database
from desktop_app.store.directory_repository import DirectoryRepository
from desktop_app.store.onec_only_orders import OneCOnlyOrders
from desktop_app.store.onec_order_repository import OneCOrderRepository

LOOKBACK = dt.timedelta(days=31)
MARGIN = dt.timedelta(days=2)
"""1C may date an order a little before the site did (time zones, a clock off)."""


@dataclass(frozen=True, slots=True)
class MissReport:
    listed: int
    """1C orders from the site the app holds from 1C alone (new or known before)."""
    new: int
    changed: int = 0
    """Known before, and 1C's data of them changed (a counterparty filled in, a sum)."""


NO_MISSES = MissReport(0, 0)


def window_start(database: Database) -> dt.datetime | None:
    """From when 1C's orders are compared; None while the portal has sent no dated order."""
    dates = OneCOrderRepository(database).portal_dates()
    if dates is None:
        return None
    oldest, newest = dates
    day = max(oldest, newest - LOOKBACK)
    return dt.datetime.combine(day, dt.time()) - MARGIN


def list_misses(
    objects: OneCObjects,
    database: Database,
    link: OrderLink,
    site_orders: Sequence[SiteOrder],
    start: dt.datetime,
) -> MissReport:
    """Store, as orders known from 1C alone, the 1C orders from the site dated from `start`
    that the portal never sent the app and that need review."""
    keys = OneCOrderRepository(database).portal_keys()
    held = keys.ids if link.holds is SiteKey.ID else keys.numbers
    cards = _Cards(objects, DirectoryRepository(database))
    orders: list[Order] = []
    for site in site_orders:
        order = site.order
        if site.site_key in held or order.date is None or order.date < start:
            continue
        if not needs_review(order, link):
            continue
        card = cards.get(order.counterparty_key) if order.counterparty_key else None
        orders.append(order_from_onec(order, site.site_key, link, card))
    counts = OneCOnlyOrders(database).store(orders)
    return MissReport(listed=len(orders), new=counts.new, changed=counts.changed)


class _Cards:
    """Counterparty cards: the local copy first, 1C for one made since the last refresh."""

    def __init__(self, objects: OneCObjects, directory: DirectoryRepository) -> None:
        self.objects = objects
        self.directory = directory
        self.known: dict[str, DirectoryCounterparty | None] = {}

    def get(self, ref_key: str) -> DirectoryCounterparty | None:
        if ref_key not in self.known:
            card = self.directory.counterparty(ref_key)
            self.known[ref_key] = card if card is not None else self.objects.counterparty(ref_key)
        return self.known[ref_key]
