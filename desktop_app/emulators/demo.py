"""The demo's outside world, composed once: one world, the portal, 1C and the registry on loopback.

`demo`, `gui --demo` and `emulators` show the same story — the portal's buyers and 1C's
counterparties come from one `World`: companies 1C knows, new ones, branches of known
companies — and 1C's site exchange has already imported the older four fifths of the
portal's orders (its exchange runs behind the portal). This is the only module of
`emulators/` the product imports (tests/test_emulator_imports.py holds it to that): what the
demo needs of the servers is said here, and the rest of the bench stays the tests' own.
"""

from __future__ import annotations

import datetime as dt
from typing import Self

from desktop_app.emulators.exchange_setup import ExchangeSetup
from desktop_app.emulators.loopback import Served
from desktop_app.emulators.onec import OneCEmulator
from desktop_app.emulators.onec.schema import ORGANIZATIONS
from desktop_app.emulators.onec_first import onec_takes_first
from desktop_app.emulators.portal import PortalEmulator
from desktop_app.emulators.registry.emulator import RegistryEmulator
from desktop_app.emulators.world import World

__all__ = [
    "DEMO_SEED",
    "SELLER_ACCOUNTANT",
    "SELLER_HEAD",
    "BusyPortError",
    "DemoServers",
    "ExchangeSetup",
    "OneCEmulator",
    "PortalEmulator",
    "World",
]

DEMO_SEED = 2026
BACKLOG_DAYS = 21
SELLER_HEAD = "Соколов А. В."
SELLER_ACCOUNTANT = "Миронова Е. П."
"""Who signs the demo's invoices: 1C's standard interface does not publish the organisation's
head and accountant, so the demo's settings name them."""
"""The orders are dated over the last three weeks: a fresh client has a backlog to fetch."""


class BusyPortError(Exception):
    """A server could not listen on the port asked for (another program holds it)."""

    def __init__(self, port: int, error: OSError) -> None:
        super().__init__(f"port {port}: {error}")
        self.port = port
        self.error = error


class DemoServers(Served):
    """Both emulators from one world, started and stopped together."""

    def __init__(
        self,
        *,
        orders: int,
        seed: int = DEMO_SEED,
        buyers: int | None = None,
        exchange: ExchangeSetup = ExchangeSetup.BITRIX_MODULE,
        onec_first: int = 0,
        zip_enabled: bool = False,
        port: int = 0,
        onec_port: int = 0,
        extra_counterparties: int = 0,
        onec_orders: int | None = None,
        flawed: bool = False,
    ) -> None:
        """`exchange`: how 1C takes the portal's orders (GUIDE §5); `onec_first`: how many of
        the newest orders of new buyers 1C's own exchange took before the app, on start
        (`onec_takes_first`); `onec_orders`: how many of the oldest orders 1C's site exchange
        has imported (four fifths unless given: its exchange runs behind the portal);
        `flawed`: a few orders with each flaw the checks find (`world_flaws`)."""
        start = dt.date.today() - dt.timedelta(days=BACKLOG_DAYS)
        if buyers is None:
            self.world = World.generate(seed=seed, start=start, exchange=exchange, flawed=flawed)
        else:
            self.world = World.generate(
                seed=seed, buyers=buyers, start=start, exchange=exchange, flawed=flawed
            )
        self.orders = orders
        self.onec_orders = orders * 4 // 5 if onec_orders is None else min(onec_orders, orders)
        self.portal = PortalEmulator(self.world, orders=orders, zip_enabled=zip_enabled, port=port)
        self.onec = OneCEmulator(
            self.world,
            orders=self.onec_orders,
            extra_counterparties=extra_counterparties,
            port=onec_port,
        )
        self.registry = RegistryEmulator(self.world)
        """The state registry (DaData) of the same buyers: on by default in the demo — point
        `registry.url` at `registry_url` and keep `registry_token` as its key (issue 17)."""
        self._onec_first = onec_first

    @property
    def portal_url(self) -> str:
        """The exchange page Order Review uses (1C's own page is `onec_page_url`)."""
        return self.portal.page_url(PortalEmulator.APP_PAGE)

    @property
    def seller_inn(self) -> str:
        """The ИНН of the organisation that sells most of 1C's orders: the demo's 1C has two,
        and an invoice needs to be told which one it is from (`seller.inn`)."""
        directory = self.onec.directory
        with directory.lock:
            row = directory.tables[ORGANIZATIONS].get(directory.organizations[0])
        return str(row["ИНН"]) if row is not None else ""

    @property
    def onec_page_url(self) -> str:
        return self.portal.page_url(PortalEmulator.ONEC_PAGE)

    @property
    def registry_url(self) -> str:
        return self.registry.base_url

    @property
    def registry_token(self) -> str:
        return self.registry.token

    def start(self) -> Self:
        """All servers listening, or none (`BusyPortError` says which port was taken)."""
        try:
            self.portal.start()
        except OSError as error:
            raise BusyPortError(self.portal.port, error) from None
        try:
            self.onec.start()
        except OSError as error:
            self.portal.stop()
            raise BusyPortError(self.onec.port, error) from None
        self.registry.start()  # an ephemeral port: never busy
        try:
            if self._onec_first:
                onec_takes_first(self.portal, self.onec, self.orders, wanted=self._onec_first)
        except BaseException:
            self.stop()
            raise
        return self

    def stop(self) -> None:
        self.portal.stop()
        self.onec.stop()
        self.registry.stop()
