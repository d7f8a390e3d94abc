"""The emulated base: its tables, the lock every request holds, new references and numbers.

One re-entrant lock serialises requests, as 1C's own object locks would for these small
volumes; a page of 1,000 rows is made under it in a few milliseconds. New references come
from the clock like 1C's (version 1, strictly increasing even when the clock stands still),
so an object created later sorts after the others by Ref_Key. Document numbers and partner
codes continue the seeded ones.
"""

from __future__ import annotations

import datetime as dt
import random
import threading
from collections.abc import Callable
from typing import Any

from desktop_app.domain.legal_entity_key import order_entity_key
from desktop_app.domain.order import Order
from desktop_app.emulators.exchange_setup import ExchangeSetup
from desktop_app.emulators.onec import refs, seed_records, seed_reference, site_import
from desktop_app.emulators.onec.generated import ExtraCounterparties, ExtraPartners
from desktop_app.emulators.onec.order_docs import Placement, order_document
from desktop_app.emulators.onec.schema import (
    ACCESS_GROUPS,
    BANK_ACCOUNTS,
    BITRIX_MODULE_PROPS,
    CONTACT_KINDS,
    COUNTERPARTIES,
    ENTITY_SETS,
    ORDERS,
    ORGANIZATIONS,
    PARTNERS,
    PROPERTY_KINDS,
)
from desktop_app.emulators.onec.seed import KnownBuyer, seed_directory
from desktop_app.emulators.onec.table import Table
from desktop_app.emulators.world import World

Row = dict[str, Any]
IMPORT_DELAY = dt.timedelta(minutes=15)
"""How long after the site order 1C's exchange brought it in (seeded orders)."""
SITE_NUMBER_LENGTH = 11
"""ОбменССайтом.ЗагрузитьЗаказы looks for orders it loaded before by the site number cut to
`Строка(11)` (its table НомераИДатыЗаказов), compared with the whole number kept in the
additional attribute: an order whose number is longer is imported again, as a second 1C
order, on every exchange."""


class Directory:
    def __init__(
        self,
        world: World,
        *,
        orders: int,
        extra_counterparties: int,
        clock: Callable[[], dt.datetime],
        exchange: ExchangeSetup | None = None,
        new_partners: bool = False,
    ) -> None:
        if orders < 0 or extra_counterparties < 0:
            raise ValueError("orders and extra_counterparties cannot be negative")
        self.lock = threading.RLock()
        self.world = world
        self.clock = clock
        self.exchange = exchange or world.exchange
        self.new_partners = new_partners
        """The site exchange node's «Создавать партнеров для новых контрагентов»."""
        self.hidden: dict[str, frozenset[str]] = {}
        """Properties this base does not have (a base without 1C-Bitrix's module has no Б_)."""
        if self.exchange is not ExchangeSetup.BITRIX_MODULE:
            self.hidden[ORDERS] = frozenset(BITRIX_MODULE_PROPS)
        seeded = seed_directory(world)
        partners = ExtraPartners(extra_counterparties, world.seed)
        self.tables: dict[str, Table] = {name: Table(d) for name, d in ENTITY_SETS.items()}
        self.tables[PARTNERS] = Table(ENTITY_SETS[PARTNERS], partners)
        self.tables[COUNTERPARTIES] = Table(
            ENTITY_SETS[COUNTERPARTIES],
            ExtraCounterparties(extra_counterparties, world.seed, partners),
        )
        for name, rows in (
            (ORGANIZATIONS, seeded.organizations),
            (BANK_ACCOUNTS, seeded.bank_accounts),
            (PARTNERS, seeded.partners),
            (COUNTERPARTIES, seeded.counterparties),
            (CONTACT_KINDS, seeded.contact_kinds),
            (ACCESS_GROUPS, seeded.access_groups),
            (PARTNERS, [seed_records.unknown_partner(seed_reference.ACCESS_GROUP_SITE)]),
            (PROPERTY_KINDS, seed_records.property_kinds()),
        ):
            for row in rows:
                self.tables[name].put(row)
        self.known = seeded.known
        self.organizations = [row["Ref_Key"] for row in seeded.organizations]
        self.next_code = len(seeded.partners) + 1
        self.next_number = 1
        self._last_ticks = seeded.last_ticks
        self._seeding = False
        for number in range(1, orders + 1):
            self.import_order(number, seeded=True)

    def table(self, name: str) -> Table:
        return self.tables[name]

    def lookup(self, set_name: str, ref: str) -> Row | None:
        """The object `ref` of `set_name`, for navigation paths and `$expand`."""
        table = self.tables.get(set_name)
        return None if table is None else table.get(ref, sections=False)

    def new_ref(self) -> str:
        now = self._last_ticks + 1 if self._seeding else refs.ticks(self.clock())
        self._last_ticks = max(self._last_ticks + 1, now)
        return refs.ref_from_ticks(self._last_ticks)

    def now_text(self) -> str:
        return self.clock().replace(microsecond=0, tzinfo=None).isoformat()

    def take_number(self) -> str:
        number = f"0000-{self.next_number:06d}"
        self.next_number += 1
        return number

    def take_code(self) -> str:
        code = f"00-{self.next_code:08d}"
        self.next_code += 1
        return code

    def import_order(self, portal_number: int, *, seeded: bool = False) -> str:
        """1C's site exchange brings in portal order `portal_number`; its Ref_Key. An order
        it has brought in before is found where the setup keeps the site's order and left
        as it is."""
        with self.lock:
            order = self.world.order(portal_number)
            # Seeding imports each order of the world once into an empty table: no earlier
            # import to find, and looking for one (a scan of every order) made seeding
            # quadratic — minutes for a 20,000-order demo.
            found = None if seeded else self._imported(order.id or "", order.number or "")
            if found is not None:
                return found
            rng = random.Random(self.world.seed * 31 + portal_number)  # noqa: S311
            if seeded:  # references made when the exchange ran, after the site order
                moment = dt.datetime.combine(order.date or dt.date.today(), order.time or dt.time())
                self._last_ticks = max(self._last_ticks, refs.ticks(moment + IMPORT_DELAY) - 1)
            self._seeding = seeded
            try:
                buyer = self._buyer(order)
                ref = self.new_ref()
            finally:
                self._seeding = False
            organization = self.organizations[0 if rng.random() < 0.85 else 1]
            place = Placement(
                ref, self.next_number, organization, buyer, rng.randint(1, 6), self.exchange
            )
            self.next_number += 1
            self.tables[ORDERS].put(order_document(order, place))
            return ref

    def _buyer(self, order: Order) -> KnownBuyer | None:
        """Who the exchange puts on the order: the known buyer, or (1C's standard exchange)
        whoever it finds or creates. 1C knows a legal entity by its requisites: the portal's
        `Контрагент/Ид` is the portal user's, the same for all the user's companies."""
        party = order.buyer
        if party is None:
            return None
        entity = order_entity_key(order)
        known = self.known.get(entity.text) if entity is not None else None
        if self.exchange is ExchangeSetup.SITE_EXCHANGE:
            settled = site_import.settle(self, party, new_partners=self.new_partners)
            manager = seed_records.MANAGERS[0]
            return KnownBuyer(settled.counterparty, settled.partner,
                              known.manager if known else manager)  # fmt: skip
        return known

    def _imported(self, site_id: str, number: str) -> str | None:
        """The order the exchange made of this site order before, if any."""
        for row in self.tables[ORDERS].rows():
            if self.exchange is ExchangeSetup.BITRIX_MODULE:
                if row.get("Б_Идентификатор") == site_id:
                    return str(row["Ref_Key"])
            elif self.exchange is ExchangeSetup.CUSTOM:
                if row.get("НомерПоДаннымКлиента") == number:
                    return str(row["Ref_Key"])
            elif any(
                line["Свойство_Key"] == seed_records.SITE_NUMBER_PROPERTY
                and line["Значение"] == number.strip()[:SITE_NUMBER_LENGTH]
                for line in row.get("ДополнительныеРеквизиты") or ()
            ):
                return str(row["Ref_Key"])
        return None
