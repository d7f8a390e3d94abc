"""`decide`, `push` and the queue's decision column as a user runs them: subprocesses."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from push_scene import (
    COUNTERPARTIES,
    IMPORTED,
    PORTAL_ORDERS,
    counterparties_with,
    make_world,
    order_1c,
)

from desktop_app.adapters import keychain
from desktop_app.domain.onec_directory import EMPTY_REF
from desktop_app.emulators.onec import Fault, OneCEmulator
from desktop_app.emulators.portal import PortalEmulator
from desktop_app.emulators.world import World
from desktop_app.services import settings

from conftest import ROOT


def cli(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop_app", "--data-dir", str(data_dir), *args],
        cwd=ROOT, capture_output=True, text=True, encoding="utf-8", check=False, timeout=180,
    )  # fmt: skip


@pytest.fixture(scope="module")
def world() -> World:
    return make_world()


@pytest.fixture
def data(world: World, tmp_path: Path) -> Iterator[tuple[Path, OneCEmulator]]:
    with (
        PortalEmulator(world, orders=PORTAL_ORDERS) as portal,
        OneCEmulator(world, orders=IMPORTED) as onec,
    ):
        folder = tmp_path / "data"
        onec.add_user("Менеджер", "пароль-1С")
        settings.save(folder, settings.Settings(
            portal=settings.PortalSettings(url=portal.page_url(), user=portal.user),
            onec=settings.OneCSettings(url=onec.service_root, user="Менеджер"),
        ))  # fmt: skip
        keychain.store_password("portal", portal.user, portal.page_url(), portal.password)
        keychain.store_password("onec", "Менеджер", onec.service_root, "пароль-1С")
        assert cli(folder, "directory", "refresh").returncode == 0
        fetched = cli(folder, "fetch")
        assert fetched.returncode == 0, fetched.stderr
        assert "Покупатели узнаны автоматически" in fetched.stdout  # exact ИНН+КПП matches
        yield folder, onec


def queue(folder: Path) -> list[dict[str, Any]]:
    result = cli(folder, "queue", "--json", "--limit", "100")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_decide_create_then_push(data: tuple[Path, OneCEmulator]) -> None:
    folder, onec = data
    rows = queue(folder)
    target = next(
        r for r in rows
        if r["decision"] is None and int(str(r["number"])) <= IMPORTED and r["buyer"]["inn"]
        and not onec.entities(COUNTERPARTIES, ИНН=r["buyer"]["inn"])
    )  # fmt: skip
    decided = cli(folder, "decide", str(target["id"]), "--create", "--field",
                  "email=buh@example.ru", "--json")  # fmt: skip
    assert decided.returncode == 0, decided.stderr
    answer = json.loads(decided.stdout)
    assert answer["card"]["email"] == "buh@example.ru"
    assert answer["write_state"] == "queued"
    assert [s["kind"] for s in answer["steps"]] == [
        "create_partner", "create_counterparty", "link_order", "post_order"]  # fmt: skip

    pushed = cli(folder, "push")

    assert pushed.returncode == 0, pushed.stderr
    assert f"Заказ {target['number']}: контрагент — готово." in pushed.stdout
    assert "записано в 1С: 1" in pushed.stdout
    buyer = target["buyer"]
    created = counterparties_with(onec, buyer["inn"], buyer["kpp"])
    assert len(created) == 1
    assert order_1c(onec, str(target["number"]))["Контрагент_Key"] == created[0]["Ref_Key"]
    after = next(r for r in queue(folder) if r["id"] == target["id"])
    assert after["state"] == "written"
    assert after["decision"]["write_state"] == "written"
    table = cli(folder, "queue").stdout
    assert "создать в 1С, записано в 1С" in table


def test_push_reports_1c_errors_and_exits_1(data: tuple[Path, OneCEmulator]) -> None:
    folder, onec = data
    target = next(r for r in queue(folder) if r["decision"] is None)
    assert cli(folder, "decide", str(target["id"]), "--create").returncode == 0
    onec.inject(Fault("error500", method="POST", times=5))
    pushed = cli(folder, "push")
    assert pushed.returncode == 1
    assert "ошибка" in pushed.stdout and "Конфликт блокировок" in pushed.stdout
    shown = next(r for r in queue(folder) if r["id"] == target["id"])
    assert shown["decision"]["write_state"] == "failed"
    assert "Конфликт блокировок" in shown["decision"]["write_message"]


def test_decide_errors_are_one_line(data: tuple[Path, OneCEmulator]) -> None:
    folder, _ = data
    some = str(queue(folder)[0]["id"])
    for args, words in [
        (("decide", "no-such-order", "--defer"), "нет в локальной базе"),
        (("decide", some, "--create", "--field", "colour=red"), "Нет поля «colour»"),
        (("decide", some, "--create", "--field", "kind=alien"), "Вид контрагента"),
        (("decide", some, "--reject", " "), "причину"),
        (("decide", some, "--defer", "--field", "inn=1"), "только вместе с --create"),
    ]:
        result = cli(folder, *args)
        assert result.returncode == 2, (args, result)
        assert "Traceback" not in result.stderr
        assert words in result.stderr, (args, result.stderr)


def test_a_users_second_company_is_never_linked_to_the_first_ones_counterparty(
    world: World, data: tuple[Path, OneCEmulator]
) -> None:
    """One portal user (one `Контрагент/Ид`), two legal entities: the link of the first one
    maps the first one only; the second is reviewed as new, with the note."""
    folder, onec = data
    rows = [r for r in queue(folder) if int(str(r["number"])) <= IMPORTED]
    requisites = {(b.counterparty.inn, b.counterparty.kpp): b for b in world.buyers}
    users: dict[str, list[list[dict[str, Any]]]] = {}
    for buyer in world.buyers:
        mine = [r for r in rows if requisites.get((r["buyer"]["inn"], r["buyer"]["kpp"])) is buyer]
        if mine:
            users.setdefault(buyer.counterparty.id or "", []).append(mine)
    first, second = next(
        (a, b) for a, b, *_ in (v for v in users.values() if len(v) > 1)
        if requisites[a[0]["buyer"]["inn"], a[0]["buyer"]["kpp"]].known_in_onec and len(b) > 1
    )  # fmt: skip
    assert first[0]["decision"]["automatic"]  # by ИНН+КПП at the first fetch, unconfirmed
    assert cli(folder, "decide", first[0]["id"], "--confirm").returncode == 0
    assert cli(folder, "push").returncode == 0
    theirs = order_1c(onec, first[0]["number"])["Контрагент_Key"]

    fetched = cli(folder, "fetch")  # the automatic mapping runs after every fetch
    assert fetched.returncode == 0, fetched.stderr
    assert cli(folder, "push").returncode == 0

    shown = {r["id"]: r for r in queue(folder)}
    for row in second:
        after = shown[row["id"]]
        assert after["decision"] is None and after["state"] == "new"
        assert order_1c(onec, row["number"])["Контрагент_Key"] == EMPTY_REF
        [earlier] = after["earlier_entities"]
        assert earlier["counterparty_key"] == theirs
        assert earlier["name"] == first[0]["buyer"]["name"]
        assert f"уже заказывал от имени {earlier['name']}" in earlier["note"]
    assert shown[first[0]["id"]]["earlier_entities"] == []
    found = cli(folder, "candidates", second[0]["id"], "--json")
    assert found.returncode == 0, found.stderr
    answer = json.loads(found.stdout)
    assert [e["counterparty_key"] for e in answer["earlier_entities"]] == [theirs]
    reasons = [c["reason"] for c in answer["candidates"]]
    assert "confirmed_mapping" not in reasons and reasons[-1] == "same_user_other_entity"
    assert answer["candidates"][-1]["ref_key"] == theirs
    text = cli(folder, "candidates", second[0]["id"]).stdout
    assert "Внимание: Этот покупатель уже заказывал от имени" in text and theirs in text
    table = cli(folder, "queue").stdout
    assert "покупатель уже заказывал от имени" in table


def test_decide_refuses_to_change_a_decision_whose_write_broke_off(
    data: tuple[Path, OneCEmulator],
) -> None:
    """1C applied the link but its answer broke off: until the next push has looked in 1C,
    `decide` refuses to replace the decision, in one sentence."""
    folder, onec = data
    target = next(
        r for r in queue(folder)
        if r["decision"] is None and int(str(r["number"])) <= IMPORTED and r["buyer"]["inn"]
        and not onec.entities(COUNTERPARTIES, ИНН=r["buyer"]["inn"])
    )  # fmt: skip
    assert cli(folder, "decide", str(target["id"]), "--create").returncode == 0
    onec.inject(Fault("chunked_cut", method="PATCH", entity_set="Document_ЗаказКлиента"))
    cli(folder, "push")

    refused = cli(folder, "decide", str(target["id"]), "--reject", "передумал")

    assert refused.returncode == 2, refused
    assert "Traceback" not in refused.stderr
    assert "неизвестно" in refused.stderr and "push" in refused.stderr, refused.stderr
    assert len(refused.stderr.strip().splitlines()) == 1
    assert cli(folder, "push").returncode == 0
    assert cli(folder, "decide", str(target["id"]), "--reject", "передумал").returncode == 2
