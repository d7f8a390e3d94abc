"""The window refuses at the door what `config set` refuses (issue 14, points 8 and 11).

The settings dialog checks its values with the same rules (`services/setting_rules.py`) and
warns about an `http://` address; a settings file that is JSON but not settings stops the
window's start with one sentence, not the crash dialog; an unknown keyring backend is a
sentence in the dialog; the create card refuses a broken ИНН before a decision is recorded.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import keyring.core
import pytest
from pytestqt.qtbot import QtBot

from desktop_app.adapters import keychain
from desktop_app.services import setting_rules, settings
from desktop_app.services.password_vault import KeychainVault
from desktop_app.services.workspace import Workspace
from desktop_app.ui import launch
from desktop_app.ui.demo import DemoEnvironment
from desktop_app.ui.settings_dialog import SettingsDialog
from desktop_app.ui.workers import TaskRunner

from conftest import cli, one_line_error

WAIT = 30_000
PORTAL_PAGE = "https://b2b.example.ru/order_review/exchange.php"


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Workspace]:
    opened = Workspace.open(tmp_path / "data", KeychainVault())
    yield opened
    opened.close()


def test_http_address_is_warned_about_in_the_dialog(
    qtbot: QtBot, runner: TaskRunner, workspace: Workspace
) -> None:
    dialog = SettingsDialog(workspace, runner)
    qtbot.addWidget(dialog)
    dialog.show()
    for tab, form in enumerate((dialog.portal, dialog.onec)):  # the tabs Портал and 1С
        dialog.tabs.setCurrentIndex(tab)
        assert not form.clear_text.isVisible()
        form.url.setText("http://1c.office.local/ut11/odata/standard.odata/")
        assert form.clear_text.isVisible() and "незашифрованными" in form.clear_text.text()
        form.url.setText("https://1c.office.local/ut11/odata/standard.odata/")
        assert not form.clear_text.isVisible()
        form.url.setText("http://127.0.0.1:8080/exchange.php")  # never leaves the computer
        assert not form.clear_text.isVisible()
    dialog.portal.url.setText("http://b2b.example.ru/bitrix/admin/1c_exchange.php")
    dialog.portal.user.setText("manager")
    with qtbot.waitSignal(dialog.accepted, timeout=WAIT):  # allowed, only warned about
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert workspace.settings.portal.url.startswith("http://b2b.example.ru/")


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("ftp://b2b.example.ru/exchange.php", "Портал, адрес: нужно начать адрес с https://"),
        ("https://b2b.example.ru:99999/x.php", "Портал, адрес: нужно указать номер порта"),
        ("http://[::1/x", "Портал, адрес: нужно исправить адрес"),
    ],
)
def test_the_dialog_refuses_what_config_set_refuses(
    qtbot: QtBot, runner: TaskRunner, workspace: Workspace, url: str, words: str
) -> None:
    dialog = SettingsDialog(workspace, runner)
    qtbot.addWidget(dialog)
    dialog.portal.url.setText(url)
    assert dialog.save() is None  # nothing started, nothing written
    assert dialog.error.text().startswith(words)
    assert not (workspace.data_dir / settings.SETTINGS_FILE).exists()
    with pytest.raises(settings.SettingsError):  # the same rule at the command line's door
        settings.with_value(settings.Settings(), "portal.url", url)


def test_the_dialog_bounds_are_the_rules_bounds(
    qtbot: QtBot, runner: TaskRunner, workspace: Workspace
) -> None:
    dialog = SettingsDialog(workspace, runner)
    qtbot.addWidget(dialog)
    assert dialog.review.fetch_every.maximum() == setting_rules.MAX_FETCH_EVERY
    assert dialog.portal.retries.maximum() == setting_rules.MAX_RETRIES
    assert dialog.onec.read_timeout.maximum() == setting_rules.MAX_SECONDS
    setting_rules.check_all(dialog.values())  # whatever the boxes allow, the rules allow


@pytest.mark.parametrize(
    "content",
    ["[1,2,3]", "null", '{"portal": [1,2]}', '{"portal": {"fetch_every": 40000}}'],
)
def test_the_window_refuses_a_settings_file_that_is_not_settings(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, content: str
) -> None:
    path = tmp_path / "data" / settings.SETTINGS_FILE
    path.parent.mkdir()
    path.write_text(content, encoding="utf-8")
    shown: list[str] = []

    class Box:
        """The start-up error's message box, recorded instead of shown."""

        def __init__(self, _icon: Any, _title: str, text: str) -> None:
            shown.append(text)

        def exec(self) -> int:
            return 0

    monkeypatch.setattr(launch, "plain_message_box", Box)
    monkeypatch.setattr(launch, "qInstallMessageHandler", lambda handler: None)
    assert launch.run_gui(tmp_path / "data") == 2
    assert len(shown) == 1 and str(path) in shown[0] and "\n" not in shown[0]
    assert path.read_text(encoding="utf-8") == content


def test_an_unknown_keyring_backend_is_a_sentence_in_the_dialog(
    qtbot: QtBot, runner: TaskRunner, workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "nosuch.Backend")
    monkeypatch.setattr(keyring.core, "_keyring_backend", None)  # chosen again, from the env
    dialog = SettingsDialog(workspace, runner)
    qtbot.addWidget(dialog)
    dialog.portal.url.setText("https://b2b.example.ru/bitrix/admin/1c_exchange.php")
    dialog.portal.user.setText("manager")
    dialog.portal.password.setText("секрет")
    task = dialog.save()
    assert task is not None
    with qtbot.waitSignal(task.finished, timeout=WAIT):
        pass
    assert "PYTHON_KEYRING_BACKEND указано «nosuch.Backend»" in dialog.error.text()
    assert not dialog.result()  # still open, nothing saved
    assert not (workspace.data_dir / settings.SETTINGS_FILE).exists()


def test_json_of_the_settings_written_by_the_dialog_loads_again(
    qtbot: QtBot, runner: TaskRunner, workspace: Workspace
) -> None:
    dialog = SettingsDialog(workspace, runner)
    qtbot.addWidget(dialog)
    dialog.onec.url.setText("https://1c.example.ru/ut11/odata/standard.odata/")
    dialog.onec.user.setText("Менеджер")
    with qtbot.waitSignal(dialog.accepted, timeout=WAIT):
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    raw = json.loads((workspace.data_dir / settings.SETTINGS_FILE).read_text(encoding="utf-8"))
    assert raw["review"]["auto_push_confirmed"] is True  # a JSON boolean, read back as one
    assert settings.load(workspace.data_dir) == workspace.settings


def test_login_onec_takes_an_empty_password_and_login_portal_does_not(
    tmp_path: Path, demo: DemoEnvironment
) -> None:
    """`login onec` with an empty line saves "the user has no password" (1C lets such a
    user in), and the commands that talk to 1C then get in with it."""
    data = tmp_path / "cli"
    for key, value in [
        ("onec.url", demo.onec.service_root),
        ("onec.user", demo.onec.user),
        ("portal.url", PORTAL_PAGE),
        ("portal.user", "manager"),
    ]:
        assert cli(data, "config", "set", key, value).returncode == 0
    shown = cli(data, "config", "show").stdout
    assert "onec.password: не задан" in shown
    login = cli(data, "login", "onec", "--password-stdin", stdin="\n")
    assert login.returncode == 0, login.stderr
    assert "пароля нет" in login.stdout
    assert keychain.password("onec", demo.onec.user, demo.onec.service_root) == ""
    assert (
        "onec.password: сохранён в системном хранилище (пустой)"
        in cli(data, "config", "show").stdout
    )
    checked = cli(data, "check", "onec")
    assert checked.returncode == 0, checked.stderr
    one_line_error(cli(data, "login", "portal", "--password-stdin", stdin="\n"), "пустой")
    assert keychain.password("portal", "manager", PORTAL_PAGE) is None


def test_the_keychain_keeps_an_empty_password_apart_from_none() -> None:
    """Some keychains store an empty secret as nothing: an empty password is kept as a
    marker, and read back as "" — never as "no password saved"."""
    url = "https://1c.example.ru/ut11/odata/standard.odata/"
    assert keychain.password("onec", "Администратор", url) is None
    keychain.store_password("onec", "Администратор", url, "")
    assert keychain.password("onec", "Администратор", url) == ""
    raw = keyring.get_password("Order Review: onec", f"Администратор@{url.rstrip('/')}")
    assert raw == keychain.EMPTY_PASSWORD
    keychain.store_password("onec", "Администратор", url, "пароль")
    assert keychain.password("onec", "Администратор", url) == "пароль"
    keychain.forget_password("onec", "Администратор", url)
    assert keychain.password("onec", "Администратор", url) is None
