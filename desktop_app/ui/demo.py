"""The demo: both emulators on loopback (emulators/demo.py), a throw-away data folder.

`gui --demo` (and `order-review` on a machine with nothing configured, if the manager
agrees) starts the portal emulator, the 1C emulator and the registry (DaData) emulator in
this process, seeded from the same
`World` — so the portal's buyers and 1C's counterparties tell one story: companies 1C knows,
new ones, branches of known companies — and opens a workspace already configured for them.
The demo passwords are well known and live only in memory (`MemoryVault`): nothing is
written to the user's keychain. The data folder, the window's remembered layout included,
is deleted when the demo ends, unless `keep` names a folder to keep it in.
"""

from __future__ import annotations

import functools
import tempfile
from pathlib import Path
from types import TracebackType

from desktop_app.domain.seller import SellerRequisites
from desktop_app.emulators.demo import (
    DEMO_SEED,
    SELLER_ACCOUNTANT,
    SELLER_HEAD,
    DemoServers,
    ExchangeSetup,
    OneCEmulator,
    PortalEmulator,
    World,
)
from desktop_app.services.password_vault import MemoryVault
from desktop_app.services.registry_check import store_token
from desktop_app.services.settings import OneCSettings, PortalSettings, RegistrySettings, Settings
from desktop_app.services.workspace import Workspace

DEMO_ORDERS = 40
DEMO_BUYERS = 60
FETCH_EVERY_MINUTES = 5
ONEC_FIRST = 2
"""Orders the demo's 1C took before the app: the queue shows them «есть в 1С, не получен с
портала» after the first read of 1C."""


class DemoEnvironment:
    def __init__(
        self,
        *,
        orders: int = DEMO_ORDERS,
        seed: int = DEMO_SEED,
        buyers: int = DEMO_BUYERS,
        keep: Path | None = None,
        fetch_every: int = FETCH_EVERY_MINUTES,
        exchange: ExchangeSetup = ExchangeSetup.BITRIX_MODULE,
        onec_first: int = ONEC_FIRST,
    ) -> None:
        """`exchange`: how the demo's 1C takes the portal's orders (the seed's setup, 1C-Bitrix's
        module, unless a test wants another, GUIDE §5); `onec_first`: how many of the newest
        orders of new buyers 1C's own exchange took before the app (`onec_takes_first`).

        1C's site exchange has imported every order of the window's demo: a decision on any
        of them is written at once, none waits for an order that a demo never brings. And a
        few of its oldest orders carry each flaw the checks find (`world_flaws`)."""
        self._make_servers = functools.partial(
            DemoServers, orders=orders, seed=seed, buyers=buyers, exchange=exchange,
            onec_first=onec_first, onec_orders=orders, flawed=True,
        )  # fmt: skip
        self.servers: DemoServers | None = None
        self._keep = keep
        self._fetch_every = fetch_every
        self._scratch: tempfile.TemporaryDirectory[str] | None = None
        self._vault = MemoryVault()
        self.workspace: Workspace | None = None

    @property
    def world(self) -> World:
        return self._served().world

    @property
    def portal(self) -> PortalEmulator:
        return self._served().portal

    @property
    def onec(self) -> OneCEmulator:
        return self._served().onec

    @property
    def served(self) -> DemoServers:
        """The running servers (an error before `serve`)."""
        return self._served()

    def _served(self) -> DemoServers:
        if self.servers is None:
            raise RuntimeError("the demo's servers are not up yet")
        return self.servers

    @property
    def data_dir(self) -> Path:
        if self.workspace is None:
            raise RuntimeError("the demo has not started")
        return self.workspace.data_dir

    @property
    def ui_state_path(self) -> Path:
        """The window's remembered layout: inside the demo's folder, gone with it."""
        return self.data_dir / "window.ini"

    def start(self) -> Workspace:
        """Open the workspace and serve (both, before returning: the CLI and the tests)."""
        workspace = self.open()
        try:
            self.serve()
        except BaseException:
            self.stop()
            raise
        return workspace

    def open(self) -> Workspace:
        """The demo's data folder and workspace, not yet configured: quick, so the window
        can show at once while `serve` builds the world (GUIDE §1: it opens fast)."""
        if self._keep is not None:
            folder = self._keep
        else:
            self._scratch = tempfile.TemporaryDirectory(prefix="order-review-demo-")
            folder = Path(self._scratch.name)
        try:
            self.workspace = Workspace.open(folder, self._vault, demo=True)
        except BaseException:
            self.stop()
            raise
        return self.workspace

    def serve(self) -> Workspace:
        """Generate the world, start both servers, and configure the workspace for them.

        The slow part — seconds for thousands of orders (1C's emulator imports every one of
        them, and its own exchange reads the portal once) — so the window runs it as a
        background job (`ui/demo_start.py`); the settings are saved last, so a fetch never
        sees a half-made demo."""
        workspace = self.workspace
        if workspace is None:
            raise RuntimeError("the demo's workspace is not open")
        servers = self._make_servers()
        servers.start()
        self.servers = servers
        portal, onec = servers.portal, servers.onec
        self._vault.store("portal", portal.user, servers.portal_url, portal.password)
        self._vault.store("onec", onec.user, onec.service_root, onec.password)
        registry_url = servers.registry_url  # the registry emulator: on in the demo
        store_token(self._vault, registry_url, servers.registry_token)
        workspace.save_settings(
            Settings(
                portal=PortalSettings(
                    url=servers.portal_url, user=portal.user, fetch_every=self._fetch_every
                ),
                onec=OneCSettings(url=onec.service_root, user=onec.user),
                registry=RegistrySettings(url=registry_url),
                seller=SellerRequisites(
                    inn=servers.seller_inn, head=SELLER_HEAD, accountant=SELLER_ACCOUNTANT
                ),
            )
        )
        return workspace

    def stop(self) -> None:
        if self.workspace is not None:
            self.workspace.close()
            self.workspace = None
        if self.servers is not None:
            self.servers.stop()
        if self._scratch is not None:
            self._scratch.cleanup()
            self._scratch = None

    def __enter__(self) -> Workspace:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()
