"""`checks` and `candidates` as a user runs them: subprocesses over a real fetch and refresh."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import pytest

from desktop_app.adapters import keychain
from desktop_app.domain.order import Order
from desktop_app.emulators.onec import OneCEmulator
from desktop_app.emulators.portal import PortalEmulator
from desktop_app.emulators.world import World
from desktop_app.emulators.world_buyers import Buyer
from desktop_app.services import settings
from desktop_app.store import Database, IncomingOrder, OrderRepository

from conftest import cli, one_line_error

PASSWORD = "пароль-42"


@pytest.fixture
def world() -> World:
    return World.generate(seed=17, buyers=30)


@pytest.fixture
def fetched(world: World, tmp_path: Path) -> Path:
    """A data folder after `fetch` from the portal and `directory refresh` from 1C, both of
    the same world, run as a user runs them."""
    data = tmp_path / "data"
    with PortalEmulator(world, orders=40) as portal, OneCEmulator(world) as onec:
        portal.add_user("manager", PASSWORD)
        onec.add_user("Менеджер", PASSWORD)
        portal_section = settings.PortalSettings(url=portal.page_url(), user="manager", retries=1)
        onec_section = settings.OneCSettings(url=onec.service_root, user="Менеджер")
        settings.save(data, settings.Settings(portal=portal_section, onec=onec_section))
        keychain.store_password("portal", "manager", portal.page_url(), PASSWORD)
        keychain.store_password("onec", "Менеджер", onec.service_root, PASSWORD)
        for command in (("fetch",), ("directory", "refresh")):
            result = cli(data, *command)
            assert result.returncode == 0, result.stderr
    return data


def buyer_of(world: World, order: dict[str, Any]) -> Buyer:
    """The world's buyer of a queued order: by ИНН and КПП (a branch shares its head's ИНН)."""
    wanted = (order["buyer"]["inn"], order["buyer"]["kpp"])
    return next(b for b in world.buyers if (b.counterparty.inn, b.counterparty.kpp) == wanted)


def queue(data: Path) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = json.loads(cli(data, "queue", "--json", "--limit", "100").stdout)
    return rows


def test_checks_and_candidates_of_a_known_company(world: World, fetched: Path) -> None:
    rows = queue(fetched)
    order = next(
        r
        for r in rows
        if r["buyer"]["kind"] == "legal"
        and r["buyer"]["kpp"]
        and buyer_of(world, r).known_in_onec
        and not buyer_of(world, r).is_branch
    )
    buyer = buyer_of(world, order)

    checked = cli(fetched, "checks", order["id"], "--json")
    assert checked.returncode == 0, checked.stderr
    report = json.loads(checked.stdout)
    assert report["order"] == {"id": order["id"], "number": order["number"]}
    assert report["buyer"]["ogrn"] == buyer.ogrn  # from the order's properties
    assert report["buyer"]["inn"] == buyer.counterparty.inn
    assert all(f["severity"] != "error" for f in report["findings"])
    assert all(set(f) == {"code", "severity", "field", "message"} for f in report["findings"])

    found = cli(fetched, "candidates", order["id"], "--json")
    assert found.returncode == 0, found.stderr
    candidates = json.loads(found.stdout)["candidates"]
    first = candidates[0]
    assert first["reason"] == "exact_inn_kpp"
    assert (first["inn"], first["kpp"]) == (buyer.counterparty.inn, buyer.counterparty.kpp)
    assert first["deleted"] is False
    assert first["explanation"].startswith("Совпадают ИНН")
    assert {c["status"] for c in first["comparison"]} == {"same"}
    assert {c["field"] for c in first["comparison"]} == {
        "name", "full_name", "inn", "kpp", "ogrn", "okpo", "kind"
    }  # fmt: skip

    text = cli(fetched, "candidates", str(order["number"]))  # the portal number works too
    assert text.returncode == 0, text.stderr
    assert f"Заказ {order['number']} (Ид {order['id']})" in text.stdout
    assert f" 1. {first['description']}" in text.stdout
    assert first["ref_key"] in text.stdout
    text_checks = cli(fetched, "checks", str(order["number"]))
    assert text_checks.returncode == 0, text_checks.stderr
    assert f"ИНН {buyer.counterparty.inn}" in text_checks.stdout


def test_candidates_of_a_new_company(world: World, fetched: Path) -> None:
    rows = queue(fetched)
    new = [r for r in rows if r["buyer"]["inn"] and not buyer_of(world, r).known_in_onec]
    assert new, "every buyer of the world is known to 1C: change the seed"
    offered = 0
    for order in new:
        exact = json.loads(
            cli(fetched, "candidates", order["id"], "--json", "--no-similarity").stdout
        )
        reasons = {c["reason"] for c in exact["candidates"]}
        # Only another subdivision of the same legal entity that 1C knows: a new branch
        # finds its head, a head new to 1C its branch.
        assert reasons <= {"same_inn_other_kpp"}
        buyer = buyer_of(world, order)
        relatives = [
            b
            for b in world.buyers
            if b.counterparty.inn == buyer.counterparty.inn and b is not buyer and b.known_in_onec
        ]
        assert bool(reasons) == bool(relatives), order
        offered += bool(reasons)
        for candidate in exact["candidates"]:
            assert candidate["explanation"].startswith(f"Тот же ИНН {buyer.counterparty.inn}")
            assert candidate["kpp"] in {b.counterparty.kpp for b in relatives}
    assert offered, "no new buyer has a relative 1C knows: change the seed"


@pytest.fixture
def stored(world: World, tmp_path: Path) -> Path:
    """A data folder whose orders were stored in-process: one buyer with a mistyped ИНН,
    and two orders that share a number."""
    data = tmp_path / "data"
    orders = list(world.orders(3))
    broken = orders[0].buyer
    assert broken is not None and broken.inn is not None
    typo = dataclasses.replace(broken, inn=broken.inn[:-1] + str((int(broken.inn[-1]) + 1) % 10))
    orders[0] = _with_buyer(orders[0], typo, number="A-1")
    orders[1] = dataclasses.replace(orders[1], number="17")
    orders[2] = dataclasses.replace(orders[2], number="17")
    with Database.open(data) as database:
        repository = OrderRepository(database)
        fetch = repository.start_fetch("https://b2b.example.ru/exchange.php", "own-page")
        repository.store_batch(
            fetch, [IncomingOrder(o, i, None, None) for i, o in enumerate(orders, 1)]
        )
    return data


def _with_buyer(order: Order, buyer: Any, number: str) -> Order:
    others = tuple(c for c in order.counterparties if c is not order.buyer)
    properties = tuple(p for p in order.properties if p.name not in ("ИНН",))
    return dataclasses.replace(
        order, counterparties=(buyer, *others), properties=properties, number=number
    )


def test_checks_report_errors_with_exit_1(stored: Path) -> None:
    result = cli(stored, "checks", "A-1")
    assert result.returncode == 1, result.stderr
    assert "ошибка" in result.stdout and "не проходит проверку контрольных цифр" in result.stdout
    as_json = cli(stored, "checks", "A-1", "--json")
    assert as_json.returncode == 1
    codes = {f["code"] for f in json.loads(as_json.stdout)["findings"]}
    assert "inn-checksum" in codes


def test_order_argument_errors(stored: Path) -> None:
    one_line_error(cli(stored, "checks", "нет-такого"), "заказа «нет-такого» нет в локальной базе")
    one_line_error(cli(stored, "candidates", "17"), "есть у нескольких заказов")
    one_line_error(cli(stored, "candidates", "A-1"), "directory refresh")
    one_line_error(cli(stored, "candidates", "A-1", "--limit", "0"), "--limit")
