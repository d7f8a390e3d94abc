"""The portal's orders table as far as the exchange sees it: DATE_UPDATE and UPDATED_1C.

`b_sale_order.DATE_UPDATE` has second resolution and is set to now on every save, which is
what makes the exchange re-export an edited order (`>=DATE_UPDATE` filter in
sale.export.1c/component.php). The export selects `ORDER BY DATE_UPDATE ASC, ID ASC`
(`CSaleExport::ExportOrders2Xml`, modules/sale/general/export.php of the
bitrix-core-business mirror), which `select` reproduces.

`UPDATED_1C`: every query filters `UPDATED_1C = N` (component.php line 215 at commit
50d93970), so an order 1C has loaded back (`mode=import` saves it with `UPDATED_1C = Y`,
see uploads.py) is exported to NO page any more. Any later change of the order on the site
sets it to N again (`OrderBase::onFieldModify`: every field but UPDATED_1C itself resets
it, modules/sale/lib/orderbase.php), and the order is exported again.

Orders the world generated and nobody touched are not kept: they are made again from their
number when exported, so 25,000 orders cost a dictionary of dates, not 150 MB of objects.
Edited and added orders are kept as they now are. Not thread-safe by itself: the exchange
state calls it under its lock.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from dataclasses import replace

from desktop_app.domain.order import Order
from desktop_app.emulators.portal.order_edits import edit_order
from desktop_app.emulators.world import World


def to_second(moment: dt.datetime) -> dt.datetime:
    """DATE_UPDATE's resolution: a DATETIME column without fractions."""
    return moment.replace(microsecond=0)


def _initial_update(order: Order, now: dt.datetime) -> dt.datetime:
    """When the order was last saved: placed, or its status changed later; never in the future.

    Capped at `now` so that a world dated ahead of the clock cannot put the committed
    cursor in the future (every later edit would then sort before it and be lost).
    """
    placed = dt.datetime.combine(order.date or now.date(), order.time or dt.time())
    latest = placed
    changed = order.property_value("Дата изменения статуса")
    if changed:
        with contextlib.suppress(ValueError):
            latest = max(latest, dt.datetime.strptime(changed, "%d.%m.%Y %H:%M:%S"))
    return to_second(min(latest, now))


class OrdersStore:
    """Orders numbered 1…N of a world, plus the edits and additions made since."""

    def __init__(self, world: World, count: int, now: dt.datetime) -> None:
        if count < 0:
            raise ValueError("the number of orders cannot be negative")
        self._world = world
        self._next = count + 1
        self._updated: dict[int, dt.datetime] = {
            number: _initial_update(world.order(number), now) for number in range(1, count + 1)
        }
        self._kept: dict[int, Order] = {}
        self._edits: dict[int, int] = {}
        self._updated_1c: set[int] = set()

    def __len__(self) -> int:
        return len(self._updated)

    def add(self, count: int, now: dt.datetime) -> list[str]:
        """`count` new orders placed at `now` (the world's next numbers); their Ид."""
        ids: list[str] = []
        moment = to_second(now)
        for _ in range(count):
            number = self._next
            self._next += 1
            order = replace(self._world.order(number), date=moment.date(), time=moment.time())
            self._kept[number] = order
            self._updated[number] = moment
            ids.append(order.id)
        return ids

    def edit(self, order_id: str, now: dt.datetime) -> Order:
        """Save a realistic change of the order at `now`; the order as it now is."""
        number = self.number_of(order_id)
        step = self._edits.get(number, 0)
        moment = to_second(now)
        edited = edit_order(self.get(number), moment, step)
        self._edits[number] = step + 1
        self._kept[number] = edited
        self._updated[number] = moment
        self._updated_1c.discard(number)
        return edited

    def write_back(self, number: int, now: dt.datetime) -> None:
        """1C loaded the order back: saved now with UPDATED_1C = Y."""
        self._updated[number] = to_second(now)
        self._updated_1c.add(number)

    def find(self, code: str) -> int | None:
        """`CSaleOrderLoader::getOrderIdByDocument`: the order by ID, else by ACCOUNT_NUMBER."""
        if code.isdigit() and int(code) in self._updated:
            return int(code)
        for number in self._updated:
            if self.get(number).number == code:
                return number
        return None

    def written_back(self) -> frozenset[str]:
        """Ид of the orders with UPDATED_1C = Y."""
        return frozenset(str(number) for number in self._updated_1c)

    def number_of(self, order_id: str) -> int:
        number = int(order_id) if order_id.isdigit() else 0
        if number not in self._updated:
            raise KeyError(f"no order with Ид {order_id!r} on the portal")
        return number

    def get(self, number: int) -> Order:
        kept = self._kept.get(number)
        return kept if kept is not None else self._world.order(number)

    def kept(self, number: int) -> Order | None:
        """The stored order when it was edited or added; None when the world makes it."""
        return self._kept.get(number)

    def updated(self, number: int) -> dt.datetime:
        return self._updated[number]

    def select(self, since: dt.datetime | None) -> list[tuple[dt.datetime, int]]:
        """(DATE_UPDATE, number) of the orders updated at or after `since` that 1C has not
        loaded back (UPDATED_1C = N), in export order."""
        rows = [
            (moment, number)
            for number, moment in self._updated.items()
            if (since is None or moment >= since) and number not in self._updated_1c
        ]
        rows.sort()
        return rows

    def updates(self) -> dict[str, dt.datetime]:
        """Ид → DATE_UPDATE of every order, for tests that check what a cursor skipped."""
        return {str(number): moment for number, moment in self._updated.items()}
