"""`decide`, `push` and the queue's decision column as a user runs them: subprocesses."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

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


def queue(folder: Path) -> list[dict[str, object]]:
    result = cli(folder, "queue", "--json", "--limit", "100")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_decide_create_then_push(data: tuple[Path, OneCEmulator]) -> None:
    folder, onec = data
    rows = queue(folder)
    target = next(
        r for r in rows
        if r["decision"] is None and int(str(r["number"])) <= IMPORTED and r["buyer"]["inn"]  # type: ignore[index]
        and not onec.entities(COUNTERPARTIES, ИНН=r["buyer"]["inn"])  # type: ignore[index]
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
    created = counterparties_with(onec, buyer["inn"], buyer["kpp"])  # type: ignore[index]
    assert len(created) == 1
    assert order_1c(onec, str(target["number"]))["Контрагент_Key"] == created[0]["Ref_Key"]
    after = next(r for r in queue(folder) if r["id"] == target["id"])
    assert after["state"] == "written"
    assert after["decision"]["write_state"] == "written"  # type: ignore[index]
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
    assert shown["decision"]["write_state"] == "failed"  # type: ignore[index]
    assert "Конфликт блокировок" in shown["decision"]["write_message"]  # type: ignore[index]


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
