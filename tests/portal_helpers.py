"""A bare exchange client and a fake clock for the portal emulator's tests.

The client speaks the protocol by hand (no project code), so a test sees every answer the
emulator gives; the clock is one the test moves, so DATE_UPDATE seconds are exact.
"""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import requests
from requests.auth import HTTPBasicAuth

from desktop_app.adapters.portal.commerceml_reader import CommerceMLReader, ReadOrder
from desktop_app.emulators.portal import PortalEmulator
from desktop_app.emulators.world import World

START = dt.datetime(2026, 2, 2, 10, 0, 0)
APP = PortalEmulator.APP_PAGE
ONEC = PortalEmulator.ONEC_PAGE


class FakeClock:
    def __init__(self, now: dt.datetime = START) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now

    def tick(self, seconds: float = 1) -> dt.datetime:
        self.now += dt.timedelta(seconds=seconds)
        return self.now


class Client:
    """A bare exchange client: the protocol by hand, so the test sees every answer."""

    def __init__(self, portal: PortalEmulator, page: str = APP) -> None:
        self.http = requests.Session()
        self.url = portal.page_url(page)
        self.sessid: str | None = None

    def close(self) -> None:
        self.http.close()

    def call(self, mode: str, *, with_sessid: bool = True, **params: str) -> requests.Response:
        query = {"type": "sale", "mode": mode, **params}
        if with_sessid and self.sessid:
            query["sessid"] = self.sessid
        return self.http.get(self.url, params=query, timeout=10)

    def text(self, mode: str, *, with_sessid: bool = True, **params: str) -> str:
        return self.call(mode, with_sessid=with_sessid, **params).content.decode("cp1251")

    def checkauth(self, user: str = "exchange", password: str = "secret") -> list[str]:
        auth = HTTPBasicAuth(user.encode("utf-8"), password.encode("utf-8"))
        answer = self.http.get(
            self.url, params={"type": "sale", "mode": "checkauth"}, auth=auth, timeout=10
        )
        lines = answer.content.decode("cp1251").split("\n")
        if lines[0] == "success":
            self.sessid = lines[3].removeprefix("sessid=")
        return lines

    def query_ids(self, folder: Path) -> list[str]:
        """The Ид of a query answer's orders, read back by the project's reader."""
        return order_ids(save(self.call("query").content, folder))


def save(body: bytes, folder: Path) -> Path:
    path = folder / f"answer-{time.monotonic_ns()}.xml"
    path.write_bytes(body)
    return path


def order_ids(path: Path) -> list[str]:
    return [
        item.order.id for item in CommerceMLReader(path).documents() if isinstance(item, ReadOrder)
    ]


class PortalFactory:
    """Starts emulators of one world on one fake clock; `stop_all` stops every one."""

    def __init__(self, world: World, clock: FakeClock, orders: int) -> None:
        self.world, self.clock, self.orders = world, clock, orders
        self.started: list[PortalEmulator] = []

    def __call__(self, **options: object) -> PortalEmulator:
        options.setdefault("orders", self.orders)
        options.setdefault("clock", self.clock)
        portal = PortalEmulator(self.world, **options).start()  # type: ignore[arg-type]
        self.started.append(portal)
        return portal

    def stop_all(self) -> None:
        for portal in self.started:
            portal.stop()
