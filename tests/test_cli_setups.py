"""`check onec`, `config set onec.order_link` and `decide --replace` as a user runs them, in
each exchange setup: subprocesses against the emulators."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from push_scene import IMPORTED, PORTAL_ORDERS, make_world, order_1c
from test_cli_decide import cli, queue

from desktop_app.adapters import keychain
from desktop_app.domain.counterparty import CounterpartyKind
from desktop_app.emulators.exchange_setup import ExchangeSetup
from desktop_app.emulators.onec import OneCEmulator
from desktop_app.emulators.onec.seed_records import SITE_NUMBER_PROPERTY, UNKNOWN_PARTNER
from desktop_app.emulators.portal import PortalEmulator
from desktop_app.emulators.world import World
from desktop_app.services import settings

from conftest import ROOT

SAID = {
    ExchangeSetup.BITRIX_MODULE: "Обмен 1С с сайтом — модуль обмена 1С-Битрикс («Свойства БУС»): "
    "Ид заказа сайта — в поле «Б_Идентификатор» заказа клиента.",
    ExchangeSetup.SITE_EXCHANGE: "Обмен 1С с сайтом — стандартный «Обмен с сайтом» УТ 11: номер "
    "заказа сайта — в дополнительном реквизите «Номер заказа на сайте» заказа клиента.",
    ExchangeSetup.CUSTOM: "Обмен 1С с сайтом — свой (доработанный) обмен: номер заказа сайта — "
    "в поле «НомерПоДаннымКлиента» заказа клиента.",
}


@pytest.fixture(scope="module")
def world() -> World:
    return make_world()


def prepared(world: World, setup: ExchangeSetup, folder: Path) -> Iterator[OneCEmulator]:
    with (
        PortalEmulator(world, orders=PORTAL_ORDERS) as portal,
        OneCEmulator(world.with_exchange(setup), orders=IMPORTED) as onec,
    ):
        settings.save(folder, settings.Settings(
            portal=settings.PortalSettings(url=portal.page_url(), user=portal.user),
            onec=settings.OneCSettings(url=onec.service_root, user=onec.user),
        ))  # fmt: skip
        keychain.store_password("portal", portal.user, portal.page_url(), portal.password)
        keychain.store_password("onec", onec.user, onec.service_root, onec.password)
        assert cli(folder, "fetch").returncode == 0
        yield onec


@pytest.mark.parametrize("setup", list(ExchangeSetup), ids=[s.value for s in ExchangeSetup])
def test_check_onec_says_which_setup_it_found(
    world: World, setup: ExchangeSetup, tmp_path: Path
) -> None:
    for _onec in prepared(world, setup, tmp_path / "data"):
        checked = cli(tmp_path / "data", "check", "onec")
        assert checked.returncode == 0, checked.stderr
        lines = checked.stdout.splitlines()
        assert lines[0].startswith("Публикация 1С в порядке")
        assert lines[1].startswith(SAID[setup])
        assert f"Так в {IMPORTED} из {IMPORTED} последних заказов 1С" in checked.stdout
        kept = json.loads((tmp_path / "data" / "onec-order-link.json").read_text("utf-8"))
        assert kept["link"].split(":")[0] == {"bitrix": "bitrix", "site": "property",
                                              "custom": "field"}[setup.value]  # fmt: skip


def test_a_manual_order_link_wins_and_check_says_if_1c_disagrees(
    world: World, tmp_path: Path
) -> None:
    folder = tmp_path / "data"
    for _onec in prepared(world, ExchangeSetup.SITE_EXCHANGE, folder):
        refused = cli(folder, "config", "set", "onec.order_link", "property:nonsense")
        assert refused.returncode == 2 and "ключ свойства (GUID)" in refused.stderr
        assert cli(folder, "config", "set", "onec.order_link", "field:Комментарий").returncode == 0
        checked = cli(folder, "check", "onec")
        assert checked.returncode == 0, checked.stderr
        assert "Задано вручную (onec.order_link = field:Комментарий)" in checked.stdout
        assert "По заказам 1С похоже на другое: Обмен 1С с сайтом — стандартный" in checked.stdout
        assert SITE_NUMBER_PROPERTY in (folder / "onec-order-link.json").read_text("utf-8")


def test_decide_refuses_to_overwrite_and_replaces_on_request(world: World, tmp_path: Path) -> None:
    folder = tmp_path / "data"
    for onec in prepared(world, ExchangeSetup.SITE_EXCHANGE, folder):
        refreshed = cli(folder, "directory", "refresh")
        assert refreshed.returncode == 0, refreshed.stderr
        assert "с контрагентом, похожим на созданного обменом с сайтом:" in refreshed.stdout
        known = {b.counterparty.id for b in world.buyers if b.known_in_onec}
        target = next(
            r for r in queue(folder)
            if int(str(r["number"])) <= IMPORTED and r["decision"] is None
            and (buyer := world.order(int(str(r["number"]))).buyer) is not None
            and buyer.kind is CounterpartyKind.LEGAL and buyer.id not in known
        )  # fmt: skip
        held = order_1c(onec, str(target["number"]))
        old = held["Контрагент_Key"]
        refused = cli(folder, "decide", str(target["id"]), "--create")
        assert refused.returncode == 2
        assert "партнёр «Неизвестный партнер»" in refused.stderr
        assert f"--replace {old} --delete-replaced" in refused.stderr
        assert "Traceback" not in refused.stderr
        decided = cli(folder, "decide", str(target["id"]), "--create", "--replace", old,
                      "--delete-replaced")  # fmt: skip
        assert decided.returncode == 0, decided.stderr
        name = onec.entity("Catalog_Контрагенты", old)["Description"]  # type: ignore[index]
        assert f"будет заменён контрагент «{name}» ({old}) и помечен на удаление" in decided.stdout
        assert "пометка на удаление → перепроведение заказа" in decided.stdout
        pushed = cli(folder, "push")
        assert pushed.returncode == 0, pushed.stdout
        assert "перепроведение заказа — готово. Заказ 1С №" in pushed.stdout
        assert order_1c(onec, str(target["number"]))["Контрагент_Key"] != old
        assert onec.entity("Catalog_Контрагенты", old)["DeletionMark"] is True  # type: ignore[index]
        assert order_1c(onec, str(target["number"]))["Партнер_Key"] != UNKNOWN_PARTNER


def test_the_emulators_command_switches_the_exchange(tmp_path: Path) -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "desktop_app", "emulators", "--port", "0", "--orders", "5",
         "--exchange", "site"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8",
    )  # fmt: skip
    try:
        assert process.stdout is not None
        said = next(line for line in process.stdout if "Обмен 1С с сайтом:" in line)
        assert "стандартный «Обмен с сайтом» УТ 11" in said
    finally:
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=30) == 0
        process.stdout.close()  # type: ignore[union-attr]
        process.stderr.close()  # type: ignore[union-attr]
