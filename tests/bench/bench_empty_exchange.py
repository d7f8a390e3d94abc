"""What one fetch costs when there is nothing new: bytes on the wire and time.

    .venv/bin/python tests/bench/bench_empty_exchange.py [--repeat 20]

Measures Order Review's own `fetch_orders` (own-page mode, so checkauth + query + success)
against the portal emulator, through a small TCP relay on 127.0.0.1 that counts every byte
both ways — request lines, headers and bodies. Two portals: a newer core (an empty answer
is the root element alone) and an older core, which re-serves its last order in every
query, so each "empty" fetch carries that order twice. The figures are why the default of
`portal.fetch_every` is a few minutes (README, settings). Figures only; loopback hides
the network's latency, which a VPN adds per request (three requests, five on the older
core); the bare protocol is timed without the relay.
"""

from __future__ import annotations

import argparse
import contextlib
import socket
import statistics
import tempfile
import threading
import time
from pathlib import Path

import requests

from desktop_app.emulators.portal import PortalEmulator
from desktop_app.emulators.world import World
from desktop_app.services.fetch_service import fetch_orders
from desktop_app.services.settings import PortalSettings
from desktop_app.store.database import Database


class CountingRelay:
    """127.0.0.1:port → the emulator, counting bytes sent and received."""

    def __init__(self, target_port: int) -> None:
        self.target = target_port
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.up = 0
        self.down = 0
        self.lock = threading.Lock()
        threading.Thread(target=self._accept, daemon=True).start()

    def reset(self) -> None:
        with self.lock:
            self.up = self.down = 0

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            server = socket.create_connection(("127.0.0.1", self.target))
            threading.Thread(target=self._pipe, args=(client, server, True), daemon=True).start()
            threading.Thread(target=self._pipe, args=(server, client, False), daemon=True).start()

    def _pipe(self, source: socket.socket, sink: socket.socket, up: bool) -> None:
        try:
            while data := source.recv(65536):
                with self.lock:
                    if up:
                        self.up += len(data)
                    else:
                        self.down += len(data)
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for end in (source, sink):
                with contextlib.suppress(OSError):
                    end.shutdown(socket.SHUT_RDWR)


def bare(url: str, user: str, password: str) -> float:
    """checkauth + query + success with a bare `requests` session: the protocol alone."""
    started = time.perf_counter()
    with requests.Session() as http:
        http.get(url, params={"type": "sale", "mode": "checkauth"}, auth=(user, password))
        _ = http.get(url, params={"type": "sale", "mode": "query"}).content
        http.get(url, params={"type": "sale", "mode": "success"})
    return time.perf_counter() - started


def measure(exchange_log: bool, repeat: int) -> tuple[int, int, float, int, float]:
    world = World.generate(seed=5, buyers=20)
    with PortalEmulator(world, orders=20, exchange_log=exchange_log) as portal:
        relay = CountingRelay(int(portal.base_url.rsplit(":", 1)[1]))
        url = f"http://127.0.0.1:{relay.port}{PortalEmulator.APP_PAGE}"
        settings = PortalSettings(url=url, user=portal.user)
        with tempfile.TemporaryDirectory() as folder, Database.open(Path(folder)) as database:
            fetch_orders(settings, portal.password, database, Path(folder) / "work")  # backlog
            times: list[float] = []
            for _ in range(repeat):
                relay.reset()
                before = len(portal.requests)
                started = time.perf_counter()
                report = fetch_orders(settings, portal.password, database, Path(folder) / "work")
                times.append(time.perf_counter() - started)
                assert report.new == 0, report
                sent = len(portal.requests) - before
            up, down = relay.up, relay.down
            direct = portal.page_url(PortalEmulator.APP_PAGE)  # timed without the relay
            protocol = statistics.median(
                bare(direct, portal.user, portal.password) for _ in range(repeat)
            )
        return up, down, statistics.median(times), sent, protocol


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    for label, log in (("newer core", True), ("older core", False)):
        up, down, median, sent, protocol = measure(log, args.repeat)
        print(
            f"{label}: {sent} requests, {up} B sent + {down} B received = {up + down} B; "
            f"median {median * 1000:.1f} ms per empty fetch (store and notes included), "
            f"{protocol * 1000:.1f} ms for a bare checkauth + query + success"
        )


if __name__ == "__main__":
    main()
