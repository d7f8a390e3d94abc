"""`config`, `login`, `fetch`, `queue` and `emulators` as a user runs them: subprocesses."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
import requests

from desktop_app.adapters import keychain
from desktop_app.emulators.portal import Fault, PortalEmulator
from desktop_app.services import settings

from conftest import ROOT, cli, one_line_error

PASSWORD = "s3cr3t-Пароль-42"


def configure(data_dir: Path, portal: PortalEmulator, password: str = PASSWORD) -> None:
    """What `config set` and `login` do (tested through the CLI once, below), in-process."""
    portal.add_user("manager", PASSWORD)
    section = settings.PortalSettings(url=portal.page_url(), user="manager", retries=1)
    settings.save(data_dir, settings.Settings(portal=section))
    keychain.store_password("portal", "manager", portal.page_url(), password)


def test_fetch_then_queue(portal: PortalEmulator, tmp_path: Path) -> None:
    data = tmp_path / "data"
    configure(data, portal)
    fetched = cli(data, "fetch")
    assert fetched.returncode == 0, fetched.stderr
    assert "Новых заказов: 40" in fetched.stdout
    assert "подтверждено порталу" in fetched.stdout
    listed = json.loads(cli(data, "queue", "--json", "--limit", "1000").stdout)
    assert len(listed) == 40
    assert {row["state"] for row in listed} == {"new"}
    first = listed[0]
    assert set(first) >= {"id", "number", "date", "buyer", "total", "state", "revisions"}
    assert first["id"] in portal.order_updates()
    table = cli(data, "queue", "--limit", "5")
    assert "Показано 5 из 40" in table.stdout
    assert cli(data, "queue", "--json", "--state", "written").stdout.strip() == "[]"


def test_password_lives_only_in_the_keychain(portal: PortalEmulator, tmp_path: Path) -> None:
    data = tmp_path / "data"
    portal.add_user("manager", PASSWORD)
    for key, value in [("portal.url", portal.page_url()), ("portal.user", "manager")]:
        assert cli(data, "config", "set", key, value).returncode == 0
    login = cli(data, "login", "portal", "--password-stdin", stdin=PASSWORD + "\n")
    assert login.returncode == 0, login.stderr
    assert cli(data, "fetch").returncode == 0
    shown = cli(data, "config", "show")
    assert "portal.password: сохранён в системном хранилище" in shown.stdout
    logs = Path(os.environ["XDG_STATE_HOME"])
    files = [p for p in [*data.rglob("*"), *logs.rglob("*")] if p.is_file()]
    assert any(p.name.endswith(".log") for p in files)
    for path in files:
        assert PASSWORD.encode() not in path.read_bytes(), path


def test_password_is_refused_as_a_setting(tmp_path: Path) -> None:
    result = cli(tmp_path, "config", "set", "portal.password", "x")
    one_line_error(result, "login portal")
    assert not (tmp_path / "settings.json").exists()


def test_bad_setting_values(tmp_path: Path) -> None:
    one_line_error(cli(tmp_path, "config", "set", "portal.mode", "steal"), "own-page или peek")
    one_line_error(cli(tmp_path, "config", "set", "portal.read_timeout", "-1"), "положительное")
    one_line_error(cli(tmp_path, "config", "set", "portal.colour", "red"), "Нет такой настройки")


def test_fetch_without_configuration(tmp_path: Path) -> None:
    one_line_error(cli(tmp_path, "fetch"), "портал не настроен")


def test_fetch_without_password(portal: PortalEmulator, tmp_path: Path) -> None:
    cli(tmp_path, "config", "set", "portal.url", portal.page_url())
    cli(tmp_path, "config", "set", "portal.user", "manager")
    one_line_error(cli(tmp_path, "fetch"), "login portal")


def test_fetch_with_a_wrong_password(portal: PortalEmulator, tmp_path: Path) -> None:
    configure(tmp_path, portal, password="not-it")
    one_line_error(cli(tmp_path, "fetch"), "Портал не пустил в обмен")


def test_fetch_when_the_portal_is_down(portal: PortalEmulator, tmp_path: Path) -> None:
    configure(tmp_path, portal)
    portal.stop()
    one_line_error(cli(tmp_path, "fetch"), "Не удалось связаться с порталом")


@pytest.mark.parametrize(
    ("fault", "words"),
    [
        (Fault("checkauth", "html500"), "веб-страниц"),
        (
            Fault("query", "failure", message="Модуль sale не установлен"),
            "Модуль sale не установлен",
        ),
        (Fault("query", "empty"), "пустой ответ"),
        (Fault("query", "truncate", times=5), "оборвался"),
        (Fault("checkauth", "drop", times=5), "Не удалось связаться"),
    ],
)
def test_portal_faults_are_one_clear_line(
    portal: PortalEmulator, tmp_path: Path, fault: Fault, words: str
) -> None:
    configure(tmp_path, portal)
    portal.inject(fault)
    one_line_error(cli(tmp_path, "fetch"), words)


def test_php_error_mid_answer_is_exit_1_with_the_problem_listed(
    portal: PortalEmulator, tmp_path: Path
) -> None:
    configure(tmp_path, portal)
    portal.inject(Fault("query", "php_fatal", times=100))  # PHP dies in every query
    result = cli(tmp_path, "fetch")
    assert result.returncode == 1
    assert "получение не подтверждено" in result.stdout
    assert portal.committed_time() is None


def test_emulators_command_serves_until_interrupted(tmp_path: Path) -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "desktop_app", "emulators", "--port", "0", "--orders", "5"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8",
    )  # fmt: skip
    try:
        assert process.stdout is not None
        url = ""
        for line in process.stdout:
            if "order_review" in line:
                url = line.split()[-1]
                break
        assert url.startswith("http://127.0.0.1:")
        answer = requests.get(
            url,
            params={"type": "sale", "mode": "checkauth"},
            auth=("exchange", "secret"),
            timeout=10,
        )
        assert answer.text.startswith("success")
    finally:
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=30) == 0
        process.stdout.close()  # type: ignore[union-attr]
        process.stderr.close()  # type: ignore[union-attr]


def test_demo_runs_the_whole_pipeline_with_nothing_configured(tmp_path: Path) -> None:
    result = cli(tmp_path / "unused", "demo", "--orders", "6")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Первое получение: новых 6" in out
    assert "Справочник 1С скопирован" in out and "контрагентов" in out
    queue_lines = [line for line in out.splitlines() if "  новый  " in line]
    assert len(queue_lines) == 6
    assert all(line.rstrip().endswith(("в 1С есть", "в 1С нет", "в 1С есть головная", "нет ИНН"))
               for line in queue_lines)  # fmt: skip
    assert "Второе получение: новых 2, изменённых 3" in out


def test_check_portal_says_what_the_page_is_and_what_to_change(
    portal: PortalEmulator, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    configure(data, portal)
    fetched = json.loads(cli(data, "fetch", "--json").stdout)
    assert fetched["queries"] == 2 and fetched["warnings"] == [] and not fetched["sessid_asked"]
    own = cli(data, "check", "portal")
    assert own.returncode == 1, own.stderr  # the fetch saw the site-wide exchange log
    assert "Страница обмена своя" in own.stdout and "выключен" in own.stdout
    assert "Чужих подтверждений на этой странице программа не замечала" in own.stdout
    assert "журнал обмена" in own.stdout and "INTERVAL = 0" in own.stdout
    onec_page = portal.page_url(PortalEmulator.ONEC_PAGE)
    assert cli(data, "config", "set", "portal.url", onec_page).returncode == 0
    keychain.store_password("portal", "manager", onec_page, PASSWORD)
    on_1c = cli(data, "check", "portal")
    assert on_1c.returncode == 1, on_1c.stderr
    assert "Это страница обмена 1С" in on_1c.stdout
    assert "Что изменить администратору портала:" in on_1c.stdout
    assert "/order_review/exchange.php" in on_1c.stdout
    closed = "http://127.0.0.1:9/order_review/exchange.php"
    assert cli(data, "config", "set", "portal.url", closed).returncode == 0
    keychain.store_password("portal", "manager", closed, PASSWORD)
    one_line_error(cli(data, "check", "portal"), "Не удалось связаться с порталом")


def test_fetch_says_when_the_portal_demanded_the_sessid(tmp_path: Path) -> None:
    from desktop_app.emulators.world import World

    with PortalEmulator(World.generate(seed=31, buyers=5), orders=2, secure_exchange=True) as site:
        configure(tmp_path, site)
        fetched = cli(tmp_path, "fetch")
    assert fetched.returncode == 0, fetched.stderr
    assert "Портал потребовал sessid" in fetched.stdout
    assert "secure_1c_exchange" in fetched.stdout and "Новых заказов: 2" in fetched.stdout
