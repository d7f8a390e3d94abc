"""The settings dialog: saving (passwords to the keychain), and the connection checks' answers."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop_app.adapters import keychain
from desktop_app.services.password_vault import KeychainVault
from desktop_app.services.settings import PortalMode
from desktop_app.services.workspace import Workspace
from desktop_app.ui.demo import DemoEnvironment
from desktop_app.ui.settings_dialog import SettingsDialog
from desktop_app.ui.workers import Task, TaskRunner

WAIT = 30_000


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Workspace]:
    """A real installation's workspace: nothing configured, passwords in the keychain."""
    opened = Workspace.open(tmp_path / "data", KeychainVault())
    yield opened
    opened.close()


def finished(qtbot: QtBot, task: Task) -> None:
    with qtbot.waitSignal(task.finished, timeout=WAIT):
        pass


def test_settings_are_saved_and_the_password_goes_to_the_keychain(
    qtbot: QtBot, runner: TaskRunner, workspace: Workspace, demo: DemoEnvironment
) -> None:
    dialog = SettingsDialog(workspace, runner)
    qtbot.addWidget(dialog)
    assert "системном хранилище" in dialog.note.text()
    portal_url = demo.portal.page_url()
    dialog.portal.url.setText(f"  {portal_url} ")
    dialog.portal.user.setText(demo.portal.user)
    dialog.portal.password.setText(demo.portal.password)
    dialog.portal.mode.setCurrentIndex(dialog.portal.mode.findData("peek"))
    dialog.review.fetch_every.setValue(0)
    dialog.onec.url.setText(demo.onec.service_root)
    dialog.onec.user.setText(demo.onec.user)
    dialog.onec.access_group.setText(" Оптовые клиенты ")
    with qtbot.waitSignal(dialog.accepted, timeout=WAIT):
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    saved = workspace.settings
    assert saved.portal.url == portal_url and saved.portal.mode is PortalMode.PEEK
    assert saved.portal.fetch_every == 0
    assert saved.onec.partner_access_group == "Оптовые клиенты"
    on_disk = json.loads((workspace.data_dir / "settings.json").read_text(encoding="utf-8"))
    assert on_disk["portal"]["url"] == portal_url
    assert demo.portal.password not in json.dumps(on_disk)
    assert keychain.password("portal", demo.portal.user, portal_url) == demo.portal.password
    assert keychain.password("onec", demo.onec.user, demo.onec.service_root) is None  # untyped

    again = SettingsDialog(workspace, runner)
    qtbot.addWidget(again)
    assert again.portal.url.text() == portal_url and again.portal.password.text() == ""
    assert again.onec.access_group.text() == "Оптовые клиенты"
    finished(qtbot, again.check_portal())  # the stored password is used
    assert again.portal.answer.text().startswith("Подключение к порталу работает: вход выполнен.")


def test_connection_checks_answer_in_plain_words(
    qtbot: QtBot, runner: TaskRunner, demo: DemoEnvironment
) -> None:
    assert demo.workspace is not None
    dialog = SettingsDialog(demo.workspace, runner)
    qtbot.addWidget(dialog)
    assert "только в памяти" in dialog.note.text()
    finished(qtbot, dialog.check_portal())
    answer = dialog.portal.answer.text()
    assert answer.startswith("Подключение к порталу работает: вход выполнен.\n• ")
    assert "Страница обмена своя" in answer and "secure_1c_exchange) выключен" in answer
    assert "Что изменить" not in answer and "#2e7d32" in dialog.portal.answer.styleSheet()
    onec_page = dialog.portal.url.text().replace(
        "/order_review/exchange.php", "/bitrix/admin/1c_exchange.php"
    )
    dialog.portal.url.setText(onec_page)
    dialog.portal.password.setText(demo.portal.password)
    finished(qtbot, dialog.check_portal())  # own-page mode on 1C's page: told to change
    assert "Это страница обмена 1С" in dialog.portal.answer.text()
    assert "Что изменить администратору портала:" in dialog.portal.answer.text()
    assert "#c62828" in dialog.portal.answer.styleSheet()
    dialog.portal.password.setText("не тот пароль")
    finished(qtbot, dialog.check_portal())
    assert dialog.portal.answer.text().startswith("Портал не пустил: ")
    dialog.portal.url.setText("http://127.0.0.1:9/order_review/exchange.php")
    finished(qtbot, dialog.check_portal())
    assert dialog.portal.answer.text().startswith("Портал не отвечает.")
    dialog.portal.url.setText("")
    finished(qtbot, dialog.check_portal())
    assert dialog.portal.answer.text().startswith("Укажите адрес страницы обмена и логин")

    finished(qtbot, dialog.check_onec())
    first, *setup = dialog.onec.answer.text().split("\n")
    assert first == "Подключение к 1С работает, в публикации OData есть всё нужное."
    # and where 1C keeps the portal's orders: not yet known, since nothing was fetched
    assert setup[0] == (
        "В программе ещё нет заказов портала: получите их с портала, затем проверьте 1С снова."
    )
    dialog.onec.url.setText("http://127.0.0.1:9/ut11/odata/standard.odata/")
    finished(qtbot, dialog.check_onec())  # no password is kept for that address
    assert dialog.onec.answer.text() == "Введите пароль пользователя 1С."
    dialog.onec.password.setText("пароль")
    finished(qtbot, dialog.check_onec())
    assert dialog.onec.answer.text().startswith("1С не отвечает.")
    assert dialog.onec.check_button.isEnabled()
    dialog.reject()


def test_the_overall_deadlines_are_shown_and_saved(
    qtbot: QtBot, runner: TaskRunner, workspace: Workspace
) -> None:
    """portal.deadline and onec.deadline (issue 14, point 9) are in the dialog."""
    dialog = SettingsDialog(workspace, runner)
    qtbot.addWidget(dialog)
    assert dialog.portal.deadline.value() == 600 and dialog.onec.deadline.value() == 300
    dialog.portal.deadline.setValue(900)
    dialog.onec.deadline.setValue(120)
    with qtbot.waitSignal(dialog.accepted, timeout=WAIT):
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert workspace.settings.portal.deadline == 900
    assert workspace.settings.onec.deadline == 120
    again = SettingsDialog(workspace, runner)
    qtbot.addWidget(again)
    assert again.portal.deadline.value() == 900 and again.onec.deadline.value() == 120
