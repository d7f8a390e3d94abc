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

import tempfile
from pathlib import Path
from types import TracebackType

from desktop_app.emulators.demo import DEMO_SEED, DemoServers, ExchangeSetup
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
        orders of new buyers 1C's own exchange took before the app (`onec_takes_first`)."""
        self.servers = DemoServers(
            orders=orders, seed=seed, buyers=buyers, exchange=exchange, onec_first=onec_first
        )
        self.world = self.servers.world
        self.portal, self.onec = self.servers.portal, self.servers.onec
        self._keep = keep
        self._fetch_every = fetch_every
        self._scratch: tempfile.TemporaryDirectory[str] | None = None
        self.workspace: Workspace | None = None

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
        self.servers.start()
        try:
            if self._keep is not None:
                folder = self._keep
            else:
                self._scratch = tempfile.TemporaryDirectory(prefix="order-review-demo-")
                folder = Path(self._scratch.name)
            vault = MemoryVault()
            portal_url = self.servers.portal_url
            vault.store("portal", self.portal.user, portal_url, self.portal.password)
            vault.store("onec", self.onec.user, self.onec.service_root, self.onec.password)
            registry_url = self.servers.registry_url  # the registry emulator: on in the demo
            store_token(vault, registry_url, self.servers.registry_token)
            workspace = Workspace.open(folder, vault, demo=True)
            workspace.save_settings(
                Settings(
                    portal=PortalSettings(
                        url=portal_url, user=self.portal.user, fetch_every=self._fetch_every
                    ),
                    onec=OneCSettings(url=self.onec.service_root, user=self.onec.user),
                    registry=RegistrySettings(url=registry_url),
                )
            )
        except BaseException:
            self.stop()
            raise
        self.workspace = workspace
        return workspace

    def stop(self) -> None:
        if self.workspace is not None:
            self.workspace.close()
            self.workspace = None
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
