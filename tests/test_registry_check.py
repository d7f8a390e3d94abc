"""The registry check: asked once per ИНН, cached with its date, offline, linked, the CLI."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, insert, select

from desktop_app.adapters.registry.dadata_client import RegistryConnection
from desktop_app.domain.order import Order
from desktop_app.domain.portal_mode import PortalMode
from desktop_app.domain.registry_record import LookupState
from desktop_app.emulators.portal import PortalEmulator
from desktop_app.emulators.registry.emulator import RegistryEmulator
from desktop_app.emulators.world import World
from desktop_app.services import settings
from desktop_app.services.fetch_operation import fetch_and_map
from desktop_app.services.registry_check import RegistryCheck, registry_findings_for
from desktop_app.store import (
    DATABASE_FILE_NAME,
    Database,
    IncomingOrder,
    OrderRepository,
    schema_migration,
    sqlite_file,
)
from desktop_app.store.entity_mappings import MappingRepository
from desktop_app.store.models import MAPPINGS, REGISTRY_ANSWERS
from desktop_app.store.registry_answers import RegistryAnswers

from conftest import cli

WORLD = World.generate(seed=7)
NOW = dt.datetime(2026, 12, 4, 12, 0, tzinfo=dt.UTC)
TOKEN = "dadata-0123456789abcdef-secret"


@pytest.fixture
def registry() -> Iterator[RegistryEmulator]:
    with RegistryEmulator(WORLD, token=TOKEN) as emulator:
        yield emulator


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    with Database.open(tmp_path / "store") as database:
        yield database


def order_of(case: str, registry: RegistryEmulator, number: int = 1) -> Order:
    """A world order whose buyer is the case's company (its ИНН and КПП)."""
    inn, kpp = registry.cases[case]
    buyer = next(
        b.counterparty
        for b in WORLD.buyers
        if b.counterparty.inn == inn and (b.counterparty.kpp or "") == kpp
    )
    order = WORLD.order(number)
    own = f"{order.id}-{case}"
    return dataclasses.replace(order, id=own, counterparties=(buyer,), properties=())


def check_of(db: Database, registry: RegistryEmulator | None, **kwargs: object) -> RegistryCheck:
    connection = None if registry is None else RegistryConnection(registry.base_url, TOKEN)
    clock = kwargs.pop("clock", lambda: NOW)
    return RegistryCheck(RegistryAnswers(db), connection, clock=clock, **kwargs)  # type: ignore[arg-type]


def test_a_liquidated_buyer_is_found_after_the_fetch_check(
    db: Database, registry: RegistryEmulator
) -> None:
    order = order_of("liquidated", registry)
    summary = check_of(db, registry).check_orders([order])
    assert (summary.asked, summary.cached, summary.failed) == (1, 0, {})
    result = registry_findings_for(order, RegistryAnswers(db), now=NOW + dt.timedelta(days=3))
    assert [f.code for f in result.findings] == ["registry-liquidated"]
    assert result.age_days == 3 and result.asked_at == NOW


def test_one_request_per_inn_and_a_second_look_up_makes_none(
    db: Database, registry: RegistryEmulator
) -> None:
    cases = ["liquidated", "liquidated", "bankrupt", "unknown", "branch_unknown"]
    orders = [order_of(case, registry, n) for n, case in enumerate(cases, start=1)]
    check = check_of(db, registry)
    assert check.check_orders(orders).asked == 4
    assert len(registry.asked) == 4
    again = check.check_orders(orders)
    assert (again.asked, again.cached) == (0, 4) and len(registry.asked) == 4
    unknown = registry_findings_for(orders[3], RegistryAnswers(db), now=NOW)
    assert unknown.lookup is not None and unknown.lookup.state is LookupState.NOT_FOUND
    branch = registry_findings_for(orders[4], RegistryAnswers(db), now=NOW)
    assert [f.code for f in branch.findings] == ["registry-kpp-unmatched"]


def test_an_old_answer_is_asked_again(db: Database, registry: RegistryEmulator) -> None:
    order = order_of("bankrupt", registry)
    check_of(db, registry).check_orders([order])
    later = check_of(db, registry, max_age_days=30, clock=lambda: NOW + dt.timedelta(days=31))
    assert later.check_orders([order]).asked == 1 and len(registry.asked) == 2
    soon = check_of(db, registry, max_age_days=30, clock=lambda: NOW + dt.timedelta(days=29))
    assert soon.check_orders([order]).asked == 0 and len(registry.asked) == 2


def test_on_demand_asks_even_a_fresh_answer(db: Database, registry: RegistryEmulator) -> None:
    order = order_of("invalid", registry)
    check = check_of(db, registry)
    check.check_orders([order])
    result = check.check_order(order)
    assert len(registry.asked) == 2 and [f.code for f in result.findings] == ["registry-invalid"]


def test_without_a_key_or_the_network_the_review_says_not_asked(
    db: Database, registry: RegistryEmulator
) -> None:
    order = order_of("liquidated", registry)
    no_key = check_of(db, None)
    assert no_key.check_orders([order]).asked == 0 and registry.asked == []
    assert [f.wording_key for f in no_key.findings_for(order).findings] == [
        "registry-not-asked/no-token"
    ]
    url = registry.base_url
    registry.stop()
    down = RegistryCheck(RegistryAnswers(db), RegistryConnection(url, TOKEN), clock=lambda: NOW)
    summary = down.check_orders([order])
    assert summary.asked == 0 and set(summary.failed) == {(order.buyer.inn, "")}  # type: ignore[union-attr]
    (finding,) = down.findings_for(order).findings
    assert finding.wording_key == "registry-not-asked/offline"


def test_a_fault_is_a_reason_and_the_next_check_asks_again(
    db: Database, registry: RegistryEmulator
) -> None:
    order = order_of("reorganizing", registry)
    check = check_of(db, registry)
    registry.add_fault("daily_limit")
    assert check.check_orders([order]).asked == 0
    assert check.findings_for(order).findings[0].wording_key == "registry-not-asked/limit"
    assert check.check_orders([order]).asked == 1
    assert [f.code for f in check.findings_for(order).findings] == ["registry-reorganizing"]


def test_an_order_linked_by_a_confirmed_mapping_costs_no_request(
    db: Database, registry: RegistryEmulator
) -> None:
    order = order_of("liquidated", registry)
    inn, kpp = registry.cases["liquidated"]
    with db.writing() as connection:
        connection.execute(insert(MAPPINGS), {
            "entity_key": f"inn_kpp:{inn}/{kpp}", "entity_name": "x", "buyer_portal_id": None,
            "counterparty_key": "c0", "partner_key": None, "decision_id": None,
            "confirmed_at": NOW, "confirmed_by": "manager", "needs_confirmation": False,
        })  # fmt: skip
    check = check_of(db, registry, mappings=MappingRepository(db))
    summary = check.check_orders([order])
    assert (summary.linked, summary.asked, registry.asked) == (1, 0, [])
    assert check.findings_for(order).linked


def test_many_orders_are_checked_in_parallel_with_progress_and_can_be_cancelled(
    db: Database, registry: RegistryEmulator, tmp_path: Path
) -> None:
    orders = [order_of(case, registry, n) for n, case in enumerate(registry.cases, start=1)]
    seen: list[tuple[int, int]] = []
    check = check_of(db, registry, workers=4)
    summary = check.check_orders(orders, progress=lambda d, t: seen.append((d, t)))
    total = len({o.buyer.inn for o in orders if o.buyer is not None})
    assert summary.asked == total and seen[-1] == (total, total)
    assert [d for d, _t in seen] == list(range(1, total + 1))
    with Database.open(tmp_path / "other") as other:
        stopped = check_of(other, registry).check_orders(orders, cancelled=lambda: True)
        assert stopped.cancelled and stopped.asked == 0


def test_migration_from_0011_keeps_the_data_and_adds_the_cache(tmp_path: Path) -> None:
    folder = tmp_path / "old"
    folder.mkdir()
    path = folder / DATABASE_FILE_NAME
    engine = create_engine(f"sqlite:///{path}")
    sqlite_file.configure_engine(engine)
    schema_migration.upgrade(engine, "0011")
    with engine.begin() as connection:
        connection.execute(insert(MAPPINGS), {
            "entity_key": "inn:7707083893", "entity_name": "x", "buyer_portal_id": None,
            "counterparty_key": "c0", "partner_key": None, "decision_id": None,
            "confirmed_at": NOW, "confirmed_by": "manager", "needs_confirmation": False,
        })  # fmt: skip
    engine.dispose()
    with Database.open(folder) as db:
        assert MappingRepository(db).mapping("inn:7707083893") is not None
        RegistryAnswers(db).put(("7707083893", ""), [], NOW)
        with db.reading() as connection:
            assert connection.execute(select(REGISTRY_ANSWERS.c.inn)).scalars().all() == [
                "7707083893"
            ]


def test_the_key_lives_only_in_the_keychain_and_checks_json_says_the_registry(
    registry: RegistryEmulator, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    assert cli(data, "config", "set", "registry.url", registry.base_url).returncode == 0
    login = cli(data, "login", "registry", "--password-stdin", stdin=TOKEN + "\n")
    assert login.returncode == 0, login.stderr
    order = order_of("liquidated", registry)
    with Database.open(data) as db:
        repository = OrderRepository(db)
        fetch = repository.start_fetch("http://portal", PortalMode.OWN_PAGE)
        repository.store_batch(fetch, [IncomingOrder(order, 1, None, None)])
    checked = cli(data, "checks", order.id, "--json")
    assert checked.returncode == 1, checked.stderr  # a liquidated buyer is an error
    document = json.loads(checked.stdout)
    codes = [f["code"] for f in document["findings"]]
    assert "registry-liquidated" in codes and document["registry"]["age_days"] == 0
    assert len(registry.asked) == 1
    offline = json.loads(cli(data, "checks", order.id, "--json", "--offline").stdout)
    assert "registry-liquidated" in [f["code"] for f in offline["findings"]]
    assert len(registry.asked) == 1  # from the store
    every = cli(data, "registry", "check")
    assert every.returncode == 0, every.stderr
    assert (
        "Спрошено ИНН: 0, ответ уже сохранён: 1" in every.stdout and "ликвидирован" in every.stdout
    )
    assert cli(data, "registry", "check", order.id).returncode == 0
    assert len(registry.asked) == 2  # on demand: asked again
    assert "registry.token: сохранён в системном хранилище" in cli(data, "config", "show").stdout
    logs = Path(os.environ["XDG_STATE_HOME"])
    files = [p for p in [*data.rglob("*"), *logs.rglob("*")] if p.is_file()]
    assert any(p.name == settings.SETTINGS_FILE for p in files)
    for path in files:
        assert TOKEN.encode() not in path.read_bytes(), path


def test_a_key_in_the_wrong_layout_is_said_not_a_crash(
    db: Database, registry: RegistryEmulator, tmp_path: Path
) -> None:
    order = order_of("liquidated", registry)
    connection = RegistryConnection(registry.base_url, "вфвфеф-ключ")
    check = RegistryCheck(RegistryAnswers(db), connection, clock=lambda: NOW)
    summary = check.check_orders([order])
    assert [e.said.code for e in summary.failed.values()] == ["registry.token_letters"]
    assert check.findings_for(order).findings[0].wording_key == "registry-not-asked/bad-token"
    refused = cli(tmp_path / "d", "login", "registry", "--password-stdin", stdin="ключ\n")
    assert refused.returncode != 0 and "латиницы" in refused.stderr


def test_the_fetch_checks_the_orders_it_brought_once_per_inn(db: Database, tmp_path: Path) -> None:
    world = World.generate(seed=17, buyers=30)
    with PortalEmulator(world, orders=20) as portal, RegistryEmulator(world, token=TOKEN) as reg:
        page = portal.page_url(PortalEmulator.APP_PAGE)
        settings_ = settings.PortalSettings(url=page, user="exchange")
        check = RegistryCheck(RegistryAnswers(db), RegistryConnection(reg.base_url, TOKEN),
                              clock=lambda: NOW)  # fmt: skip
        seen: list[int] = []
        outcome = fetch_and_map(
            settings_, "secret", db, tmp_path / "work", settings.ReviewSettings(),
            registry=check, registry_progress=lambda done, _total: seen.append(done),
        )  # fmt: skip
        assert outcome.registry is not None and outcome.report.new == 20
        inns = {o.buyer.inn for o in world.orders(20) if o.buyer is not None and o.buyer.inn}
        assert (
            outcome.registry.asked == len(reg.asked) == len({i for i in inns if len(i) in (10, 12)})
        )
        assert len({q["query"] for q in reg.asked}) == len(reg.asked)  # once per ИНН
        assert seen == list(range(1, len(reg.asked) + 1))
