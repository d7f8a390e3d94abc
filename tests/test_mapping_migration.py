"""Migration 0006: buyer mappings move from the portal user's `Ид` to the legal entity.

A database as version 0005 left it: a portal user who ordered for two legal entities (one
`Контрагент/Ид`), whose first company a manager linked — so the old mapping, keyed on the
`Ид`, had already prepared an automatic link of the second company's order to the first one's
counterparty — and a user of one company. After the migration nothing in the file links or
writes the second company to the first one's counterparty, the shared mapping waits for a
manager, and the single one works as before; a manager's link makes the shared one work again.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from push_scene import IMPORTED, connection, make_world, push_all
from sqlalchemy import create_engine

from desktop_app.adapters.onec.odata_client import ODataClient
from desktop_app.domain.decisions import DecisionKind, WriteState
from desktop_app.domain.entity_mapping import AUTOMATIC
from desktop_app.domain.legal_entity_key import order_entity_key
from desktop_app.domain.order import Order
from desktop_app.emulators.onec import OneCEmulator
from desktop_app.emulators.world import World
from desktop_app.services.decision_service import DecisionService, auto_map
from desktop_app.services.directory_service import refresh_directory
from desktop_app.services.settings import ReviewSettings
from desktop_app.store import DATABASE_FILE_NAME, Database, schema_migration, sqlite_file
from desktop_app.store.decision_repository import DecisionRepository
from desktop_app.store.directory_repository import DirectoryRepository
from desktop_app.store.entity_mappings import MappingRepository
from desktop_app.store.order_codec import content_hash, order_to_payload
from desktop_app.store.outbox_repository import OutboxRepository
from desktop_app.store.queue_repository import QueueRepository
from desktop_app.store.review_state import ReviewState

WHEN = "2026-11-30 10:00:00.000000"


@dataclass
class Old:
    """The orders of the 0005 database, by who placed them."""

    first: list[Order]
    """The shared user's company 1C knows: linked by a manager, then one more, then a later."""
    second: list[Order]
    """The same user's other company (1C does not know it)."""
    single: list[Order]
    """A user of one company 1C knows, linked by a manager."""


def pick(world: World) -> Old:
    orders = [world.order(n) for n in range(1, 200)]
    by_entity: dict[str, list[Order]] = {}
    for order in orders:
        key = order_entity_key(order)
        assert key is not None
        by_entity.setdefault(key.text, []).append(order)
    known = {b.counterparty.id for b in world.buyers if b.known_in_onec}
    shared = single = None
    for buyer in world.buyers:
        mine = [b for b in world.buyers if b.counterparty.id == buyer.counterparty.id]
        placed = [[o for o in orders if o.buyer is b.counterparty] for b in mine]
        imported = [[o for o in p if int(o.number or 0) <= IMPORTED] for p in placed]
        if len(mine) > 1 and mine[0].known_in_onec and not mine[1].known_in_onec:
            if len(imported[0]) >= 2 and len(placed[0]) >= 3 and len(imported[1]) >= 2:
                shared = shared or (placed[0][:3], imported[1][:2])
        elif len(mine) == 1 and buyer.counterparty.id in known and len(imported[0]) >= 2:
            single = single or imported[0][:2]
    assert shared and single, "the world has no such users: change the seed"
    return Old(shared[0], shared[1], single)


def _insert_order(db: sqlite3.Connection, pk: int, order: Order) -> None:
    payload = order_to_payload(order)
    buyer = order.buyer
    assert buyer is not None
    db.execute(
        "INSERT INTO orders (id, portal_id, number, buyer_portal_id, buyer_name, buyer_inn, "
        "buyer_kpp, buyer_kind, search_text, review_state, changed_since_review, created_at, "
        "updated_at, content_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, '', 'new', 0, ?, ?, ?)",
        (pk, order.id, order.number, buyer.id, buyer.display_name, buyer.inn, buyer.kpp,
         buyer.kind.value, WHEN, WHEN, content_hash(payload)),
    )  # fmt: skip
    db.execute(
        "INSERT INTO order_revisions (id, order_id, number, received_at, content_hash, payload)"
        " VALUES (?, ?, 1, ?, ?, ?)",
        (pk, pk, WHEN, content_hash(payload), payload),
    )
    db.execute("UPDATE orders SET current_revision_id = ? WHERE id = ?", (pk, pk))


def _insert_link(
    db: sqlite3.Connection, pk: int, order_pk: int, counterparty: str, *, written: bool, by: str
) -> None:
    db.execute(
        "INSERT INTO decisions (id, order_id, kind, counterparty_key, automatic, confirmed, "
        "marker, decided_by, decided_at, write_state) VALUES (?, ?, 'link', ?, ?, 1, ?, ?, ?, ?)",
        (pk, order_pk, counterparty, by == AUTOMATIC, f"m{pk}", by, WHEN,
         "written" if written else "queued"),
    )  # fmt: skip
    db.execute(
        "INSERT INTO outbox_steps (decision_id, position, kind, state, attempts, updated_at) "
        "VALUES (?, 1, 'link_order', ?, ?, ?)",
        (pk, "done" if written else "pending", int(written), WHEN),
    )
    state = "written" if written else "decided"
    db.execute("UPDATE orders SET review_state = ? WHERE id = ?", (state, order_pk))


def database_at_0005(path: Path, old: Old, onec: OneCEmulator) -> dict[str, str]:
    """The file as 0005 left it; the 1C keys of the first and the single company."""
    engine = create_engine(f"sqlite:///{path}")
    sqlite_file.configure_engine(engine)
    schema_migration.upgrade(engine, "0005")
    engine.dispose()
    keys = {}
    for name, order in (("first", old.first[0]), ("single", old.single[0])):
        buyer = order.buyer
        assert buyer is not None
        [found] = onec.entities("Catalog_Контрагенты", ИНН=buyer.inn, КПП=buyer.kpp or "")
        keys[name] = str(found["Ref_Key"])
    db = sqlite3.connect(path)
    try:
        orders = [*old.first, *old.second, *old.single]
        for pk, order in enumerate(orders, start=1):
            _insert_order(db, pk, order)
        first, second, single = 1, len(old.first) + 1, len(old.first) + len(old.second) + 1
        _insert_link(db, 1, first, keys["first"], written=True, by="Иванова")
        _insert_link(db, 2, second, keys["first"], written=False, by=AUTOMATIC)  # the bug's
        _insert_link(db, 3, single, keys["single"], written=True, by="Иванова")
        for user, key, decision in (
            (old.first[0].buyer.id, keys["first"], 1),  # type: ignore[union-attr]
            (old.single[0].buyer.id, keys["single"], 3),  # type: ignore[union-attr]
        ):
            db.execute(
                "INSERT INTO counterparty_mappings (buyer_portal_id, counterparty_key, "
                "decision_id, confirmed_at, confirmed_by) VALUES (?, ?, ?, ?, 'Иванова')",
                (user, key, decision, WHEN),
            )
        db.commit()
    finally:
        db.close()
    return keys


@pytest.fixture(scope="module")
def world() -> World:
    return make_world()


@pytest.fixture
def onec(world: World) -> Iterator[OneCEmulator]:
    with OneCEmulator(world, orders=IMPORTED) as emulator:
        yield emulator


def key_of(order: Order) -> str:
    key = order_entity_key(order)
    assert key is not None
    return key.text


def test_a_mapping_two_companies_shared_is_not_used_until_a_manager_confirms_it(
    world: World, onec: OneCEmulator, tmp_path: Path
) -> None:
    old = pick(world)
    keys = database_at_0005(tmp_path / DATABASE_FILE_NAME, old, onec)

    with Database.open(tmp_path) as database:
        assert database.backup_path is not None  # the 0005 file is kept beside
        mappings = MappingRepository(database)
        shared = mappings.mapping(key_of(old.first[0]))
        assert shared is not None and shared.needs_confirmation
        assert shared.counterparty_key == keys["first"]
        assert shared.buyer_portal_id == old.first[0].buyer.id  # type: ignore[union-attr]
        assert mappings.mapping(key_of(old.second[0])) is None
        single = mappings.mapping(key_of(old.single[0]))
        assert single is not None and not single.needs_confirmation
        with database.reading() as reading:
            table = reading.exec_driver_sql(
                "SELECT entity_key, counterparty_key FROM legal_entity_mappings"
            ).all()
            old_table = reading.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE name = 'counterparty_mappings'"
            ).all()
        assert sorted(table) == sorted(
            [(key_of(old.first[0]), keys["first"]), (key_of(old.single[0]), keys["single"])]
        )
        assert old_table == []

        decisions = DecisionRepository(database)
        dropped = decisions.current(old.second[0].id)
        assert dropped is not None and dropped.decision.kind is DecisionKind.DEFER
        assert "нескольких организаций" in dropped.decision.reason
        assert dropped.decision.decided_by == AUTOMATIC
        assert [h.decision.kind for h in decisions.history(old.second[0].id)] == [
            DecisionKind.LINK, DecisionKind.DEFER
        ]  # fmt: skip
        assert QueueRepository(database).review_state(old.second[0].id) is ReviewState.NEEDS_REVIEW
        assert OutboxRepository(database).to_push() == []  # nothing left that would write it

        recognised = {r.portal_id: r for r in decisions.recognisable()}
        assert set(recognised) == {old.single[1].id}  # the shared mapping is not used
        auto_map(database, ReviewSettings())
        for waiting in (old.first[1], old.first[2], old.second[1]):
            assert decisions.current(waiting.id) is None
        follow = decisions.current(old.single[1].id)
        assert follow is not None and follow.decision.confirmed
        assert follow.decision.counterparty_key == keys["single"]

        with ODataClient(connection(onec)) as client:
            refresh_directory(client, DirectoryRepository(database))
        DecisionService(database, user="Петров").link(old.first[1].id, keys["first"])
        push_all(database, onec)
        confirmed = mappings.mapping(key_of(old.first[0]))
        assert confirmed is not None and not confirmed.needs_confirmation
        assert confirmed.confirmed_by == "Петров"

        auto_map(database, ReviewSettings())
        later = decisions.current(old.first[2].id)
        assert later is not None and later.decision.automatic and later.decision.confirmed
        assert later.decision.counterparty_key == keys["first"]
        assert decisions.current(old.second[1].id) is None  # the other company: still not
        assert later.write_state is WriteState.QUEUED
