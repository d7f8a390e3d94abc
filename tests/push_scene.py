"""A small world on both emulators, fetched and with 1C's directory copied: for push tests.

The portal has 24 orders; 1C's own exchange has imported the first 18 of them (with an empty
counterparty where 1C did not know the buyer). Everything runs over real HTTP on 127.0.0.1.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop_app.adapters.onec.odata_client import ODataClient, OneCConnection
from desktop_app.adapters.onec.publication import read_metadata
from desktop_app.adapters.onec.site_orders import property_value
from desktop_app.emulators.exchange_setup import ExchangeSetup
from desktop_app.emulators.onec import OneCEmulator
from desktop_app.emulators.onec.seed_records import SITE_NUMBER_PROPERTY
from desktop_app.emulators.portal import PortalEmulator
from desktop_app.emulators.world import World
from desktop_app.emulators.world_buyers import Buyer
from desktop_app.services.directory_service import refresh_directory
from desktop_app.services.fetch_service import fetch_orders
from desktop_app.services.order_link_detection import detect
from desktop_app.services.order_steps import PushContext
from desktop_app.services.push_service import PushReport, push
from desktop_app.services.settings import PortalSettings
from desktop_app.store.database import Database
from desktop_app.store.directory_repository import DirectoryRepository
from desktop_app.store.onec_order_repository import OneCOrderRepository
from desktop_app.store.queue_repository import QueueRepository
from desktop_app.store.queue_rows import QueueRow

PORTAL_ORDERS = 24
IMPORTED = 18
COUNTERPARTIES = "Catalog_Контрагенты"
ORDERS_1C = "Document_ЗаказКлиента"


def make_world() -> World:
    return World.generate(seed=41, buyers=40, start=dt.date(2026, 11, 1))


def connection(onec: OneCEmulator) -> OneCConnection:
    return OneCConnection(url=onec.service_root, user=onec.user, password=onec.password,
                          retries=1, backoff=0.05, read_timeout=20)  # fmt: skip


@dataclass
class Scene:
    world: World
    portal: PortalEmulator
    onec: OneCEmulator
    database: Database


@contextmanager
def running_scene(data_dir: Path, world: World | None = None) -> Iterator[Scene]:
    """Both emulators of `world` (`make_world()` by default), the portal's orders fetched
    into `data_dir` and 1C's directory copied there, the store open."""
    world = world or make_world()
    with (
        PortalEmulator(world, orders=PORTAL_ORDERS) as portal,
        OneCEmulator(world, orders=IMPORTED) as onec,
    ):
        fill(data_dir, portal, onec)
        with Database.open(data_dir) as database:
            yield Scene(world, portal, onec, database)


def fill(data_dir: Path, portal: PortalEmulator, onec: OneCEmulator) -> None:
    """Fetch the portal's orders into `data_dir` and copy 1C's directory there."""
    with Database.open(data_dir) as database:
        fetch_orders(PortalSettings(url=portal.page_url(), user=portal.user), portal.password,
                     database, data_dir / "work")  # fmt: skip
        with ODataClient(connection(onec)) as client:
            refresh_directory(client, DirectoryRepository(database))


@dataclass
class Buyers:
    """Queue rows sorted by what 1C knows of their buyer."""

    unknown: list[QueueRow]
    known: list[QueueRow]
    branches: list[QueueRow]
    """1C knows the ИНН under another КПП only: a new branch of a known company."""


def buyers(database: Database, onec: OneCEmulator, *, imported: bool = True) -> Buyers:
    unknown, known, branches = [], [], []
    for row in QueueRepository(database).queue(limit=1000):
        if not row.buyer_inn or (int(row.number or 0) <= IMPORTED) != imported:
            continue
        same = onec.entities(COUNTERPARTIES, ИНН=row.buyer_inn)
        if any((c["КПП"] or None) == (row.buyer_kpp or None) for c in same):
            known.append(row)
        elif not same:
            unknown.append(row)
        elif row.buyer_kpp:
            branches.append(row)
    return Buyers(unknown, known, branches)


@dataclass
class SharedUser:
    """Orders of one portal user (one `Контрагент/Ид`) for two legal entities, all imported
    by 1C's exchange: `first` of a company 1C knows, `second` of one it does not."""

    portal_user: str
    first: list[QueueRow]
    second: list[QueueRow]


def shared_user(world: World, database: Database) -> SharedUser:
    """The first portal user of the world with two orders of each of two of their legal
    entities, the first one known to 1C (the world has such users: world_buyers)."""
    rows = [
        r for r in QueueRepository(database).queue(limit=1000) if int(r.number or 0) <= IMPORTED
    ]
    users: dict[str, list[Buyer]] = {}
    for buyer in world.buyers:
        users.setdefault(buyer.counterparty.id or "", []).append(buyer)
    for user, entities in users.items():
        orders = [[r for r in rows if (r.buyer_inn, r.buyer_kpp) == (b.counterparty.inn,
                   b.counterparty.kpp)] for b in entities]  # fmt: skip
        known = [o for b, o in zip(entities, orders, strict=True) if b.known_in_onec and len(o) > 1]
        new = [
            o for b, o in zip(entities, orders, strict=True) if not b.known_in_onec and len(o) > 1
        ]
        if known and new:
            return SharedUser(user, known[0], new[0])
    raise AssertionError("no portal user orders for two legal entities here: change the seed")


def context(database: Database, onec: OneCEmulator, *, repost: bool = True) -> PushContext:
    """The push context the app finds for this 1C: the order link by detection."""
    with ODataClient(connection(onec)) as client:
        publication = read_metadata(client.metadata(), client.root)
        found = detect(client, publication, OneCOrderRepository(database).portal_keys())
    assert found.link.known, found.lines
    return PushContext(found.link, repost)


def push_all(
    database: Database, onec: OneCEmulator, via: OneCConnection | None = None, **options: Any
) -> PushReport:
    """`push` as the app runs it, with the link detected from the emulated 1C; `via`: another
    1C user's connection than the administrator's."""
    repost = options.pop("repost", True)
    return push(database, via or connection(onec),
                context=context(database, onec, repost=repost), **options)  # fmt: skip


def carries(onec: OneCEmulator, row: dict[str, Any], number: str | None) -> bool:
    """Whether the 1C order holds portal order `number` where the setup keeps it (in the
    generated world the portal's `Ид` is its number)."""
    if onec.exchange is ExchangeSetup.BITRIX_MODULE:
        return row.get("Б_Идентификатор") == number
    if onec.exchange is ExchangeSetup.CUSTOM:
        return row.get("НомерПоДаннымКлиента") == number
    lines = row.get("ДополнительныеРеквизиты") or []
    return property_value(lines, SITE_NUMBER_PROPERTY) == number


def order_1c(onec: OneCEmulator, number: str | None) -> dict[str, Any]:
    found = [row for row in onec.entities(ORDERS_1C) if carries(onec, row, number)]
    assert len(found) == 1, found
    return found[0]


def counterparties_with(onec: OneCEmulator, inn: str, kpp: str | None) -> list[dict[str, Any]]:
    return [c for c in onec.entities(COUNTERPARTIES, ИНН=inn) if (c["КПП"] or None) == kpp]
