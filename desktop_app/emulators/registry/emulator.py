"""`RegistryEmulator`: DaData's `findById/party` on 127.0.0.1, seeded from the `World`.

Point a `DadataClient` at `base_url` with `token`; `cases` names the world's companies whose
registry entry a review must catch (entries.py); `add_fault` injects what the real service
or the network does (faults.py); `asked` is every request body it was sent.
"""

from __future__ import annotations

import threading
from typing import Any

from desktop_app.emulators.loopback import LoopbackEmulator, LoopbackHTTPServer
from desktop_app.emulators.registry.entries import Data, RegistryWorld
from desktop_app.emulators.registry.faults import Fault
from desktop_app.emulators.registry.server import Registry, RegistryHTTPServer
from desktop_app.emulators.world import World

DEMO_TOKEN = "demo-registry-token"  # noqa: S105 — the emulator's own key, not a secret


class RegistryEmulator(LoopbackEmulator):
    title = "the registry emulator"

    def __init__(self, world: World, *, token: str = DEMO_TOKEN, port: int = 0) -> None:
        super().__init__()
        self.port = port
        self.registry = Registry(RegistryWorld.of(world), token)

    def _make_server(self, stopping: threading.Event) -> LoopbackHTTPServer:
        return RegistryHTTPServer(self.port, self.registry)

    @property
    def token(self) -> str:
        return self.registry.token

    @property
    def cases(self) -> dict[str, tuple[str, str]]:
        return self.registry.world.cases

    def entries(self, inn: str) -> list[Data]:
        """The registry's entries for `inn` (the test may change them in place)."""
        return self.registry.world.entries.setdefault(inn, [])

    def add_fault(self, kind: Any, *, seconds: float = 0, times: int = 1) -> None:
        self.registry.faults.add(Fault(kind, seconds=seconds, times=times))

    def clear_faults(self) -> None:
        self.registry.faults.clear()

    @property
    def asked(self) -> list[dict[str, Any]]:
        with self.registry.lock:
            return list(self.registry.asked)
