"""The settings dialog: saving (passwords to the keychain), and the connection checks' answers."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from pytestqt.qtbot import QtBot

from desktop_app.adapters import keychain
from desktop_app.services import portal_check, settings
from desktop_app.services.connection_check import Reachability
from desktop_app.services.export_operations import export_order_invoice
from desktop_app.services.password_vault import KeychainVault
from desktop_app.services.registry_check import token_of
from desktop_app.services.settings import PortalMode
from desktop_app.services.workspace import Workspace
from desktop_app.ui.demo import DemoEnvironment
from desktop_app.ui.settings_dialog import SettingsDialog
from desktop_app.ui.workers import Task, TaskRunner

import invoice_samples

if TYPE_CHECKING:
    from desktop_app.ui.main_window import MainWindow

WAIT = 30_000
NO_ONEC_PASSWORD = "Введите пароль пользователя 1С или отметьте «У пользователя нет пароля»."


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
    assert "#b45309" in dialog.portal.answer.styleSheet()  # it works: advice, not a failure
    dialog.portal.password.setText("не тот пароль")
    finished(qtbot, dialog.check_portal())
    assert dialog.portal.answer.text().startswith("Портал не пустил: ")
    assert "#c62828" in dialog.portal.answer.styleSheet()  # it does not work: red
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
    assert dialog.onec.answer.text() == NO_ONEC_PASSWORD
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


def save_clicked(dialog: SettingsDialog) -> None:
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()


@pytest.fixture
def dialog(qtbot: QtBot, runner: TaskRunner, workspace: Workspace) -> SettingsDialog:
    """The dialog of a workspace with nothing set, shown."""
    opened = SettingsDialog(workspace, runner)
    qtbot.addWidget(opened)
    opened.show()
    return opened


def test_a_wrong_seller_inn_blocks_saving_with_the_sentence_beside_it(
    qtbot: QtBot, dialog: SettingsDialog, workspace: Workspace
) -> None:
    """The seller's ИНН is checked as `config set seller.inn` checks it (issue 16, point 13)."""
    inn = dialog.seller.texts["seller.inn"]
    inn.setText("7707083894")  # 7707083893 with a wrong check digit
    assert dialog.save() is None  # nothing started, nothing written
    beside = dialog.errors.labels["seller.inn"]
    assert beside.isVisible()
    assert beside.text() == "«7707083894» — не ИНН (10 или 12 цифр с верным ключом)."
    assert dialog.tabs.tabText(dialog.tabs.currentIndex()) == "Продавец"
    assert dialog.focusWidget() is inn  # the manager lands on the field to mend
    assert dialog.error.text().startswith("Продавец, ИНН: «7707083894» — не ИНН")
    assert not (workspace.data_dir / "settings.json").exists()
    with pytest.raises(settings.SettingsError):  # the same refusal at the command line
        settings.with_value(settings.Settings(), "seller.inn", "7707083894")
    inn.setText("7707083893")
    assert not beside.isVisible()  # typing again clears the refusal
    number = dialog.invoice.texts["invoice.number"]
    number.setText("СЧ-{nomer}")
    assert dialog.save() is None
    assert "нет поля «nomer»" in dialog.errors.labels["invoice.number"].text()
    assert dialog.tabs.tabText(dialog.tabs.currentIndex()) == "Счета"


def test_a_valid_seller_is_saved_and_printed_on_the_invoice(
    qtbot: QtBot, dialog: SettingsDialog, workspace: Workspace, tmp_path: Path
) -> None:
    typed = {
        "seller.name": ' ООО "Торговый дом «Снабжение»" ',
        "seller.inn": "7707083893",
        "seller.kpp": "773601001",
        "seller.address": "117997, г. Москва, ул. Вавилова, д. 19",
        "seller.bik": "044525225",
        "seller.account": "40702810938000012345",
        "seller.head": "Иванов И. И.",
    }
    for key, text in typed.items():
        dialog.seller.texts[key].setText(text)
    dialog.invoice.texts["invoice.number"].setText("СЧ-{year}-{number}")
    dialog.invoice.date.setCurrentIndex(dialog.invoice.date.findData("today"))
    with qtbot.waitSignal(dialog.saved, timeout=WAIT) as blocker:
        save_clicked(dialog)
    saved = workspace.settings
    assert blocker.args == [saved] and dialog.result()
    assert saved.seller.name == 'ООО "Торговый дом «Снабжение»"'  # trimmed as config set does
    assert saved.seller.inn == "7707083893" and saved.seller.account == "40702810938000012345"
    assert saved.invoice.number == "СЧ-{year}-{number}"
    assert settings.load(workspace.data_dir) == saved
    order = invoice_samples.order(invoice_samples.line("Гвозди", "2", "100.00"), number="1027")
    made = export_order_invoice(
        workspace.database, workspace.settings, workspace.data_dir, order, tmp_path / "счёт.xlsx"
    )
    assert made.invoice.seller.inn == "7707083893"
    assert made.invoice.seller.head == "Иванов И. И."
    assert made.invoice.number == f"СЧ-{dt.date.today().year}-1027"
    assert made.invoice.date == dt.date.today()
    again = SettingsDialog(workspace, dialog.runner)
    qtbot.addWidget(again)
    assert again.seller.texts["seller.kpp"].text() == "773601001"
    assert again.invoice.date.currentData() == "today"


def test_review_options_and_the_fetch_interval_are_saved(
    qtbot: QtBot, dialog: SettingsDialog, workspace: Workspace
) -> None:
    assert dialog.review.auto_push_confirmed.isChecked()
    assert not dialog.review.auto_push_first.isChecked()
    dialog.review.auto_push_confirmed.setChecked(False)
    dialog.review.repost_orders.setChecked(False)
    dialog.review.parallel_writes.setValue(2)
    dialog.review.fetch_every.setValue(15)
    with qtbot.waitSignal(dialog.accepted, timeout=WAIT):
        save_clicked(dialog)
    review = workspace.settings.review
    assert not review.auto_push_confirmed and not review.repost_orders
    assert review.parallel_writes == 2 and workspace.settings.portal.fetch_every == 15


def test_a_new_fetch_interval_applies_without_a_restart(qtbot: QtBot, window: MainWindow) -> None:
    window.start()
    assert not window.sync.fetch_timer.isActive()  # the fixture's demo: only by hand
    dialog = window.open_settings()
    dialog.review.fetch_every.setValue(7)
    with qtbot.waitSignal(dialog.accepted, timeout=WAIT):
        save_clicked(dialog)
    assert window.sync.fetch_timer.isActive()
    assert window.sync.fetch_timer.interval() == 7 * 60_000
    dialog = window.open_settings()
    dialog.review.fetch_every.setValue(0)
    with qtbot.waitSignal(dialog.accepted, timeout=WAIT):
        save_clicked(dialog)
    assert not window.sync.fetch_timer.isActive()
    qtbot.waitUntil(lambda: not window.runner.tasks, timeout=WAIT)  # the probes it started


def test_an_empty_1c_password_is_accepted_and_kept_apart_from_none(
    qtbot: QtBot, runner: TaskRunner, workspace: Workspace, demo: DemoEnvironment
) -> None:
    """The demo's 1C user has no password (1C lets such a user in)."""
    assert demo.onec.password == ""
    dialog = SettingsDialog(workspace, runner)
    qtbot.addWidget(dialog)
    dialog.onec.url.setText(demo.onec.service_root)
    dialog.onec.user.setText(demo.onec.user)
    finished(qtbot, dialog.check_onec())  # nothing stored, nothing typed
    assert dialog.onec.answer.text() == NO_ONEC_PASSWORD
    dialog.onec.password.setText("не тот пароль")
    finished(qtbot, dialog.check_onec())
    assert dialog.onec.answer.text().startswith("1С не пустила")
    dialog.onec.no_password.setChecked(True)
    assert not dialog.onec.password.isEnabled() and dialog.onec.password.text() == ""
    finished(qtbot, dialog.check_onec())
    assert dialog.onec.answer.text().startswith("Подключение к 1С работает")
    with qtbot.waitSignal(dialog.accepted, timeout=WAIT):
        save_clicked(dialog)
    url, user = demo.onec.service_root, demo.onec.user
    assert keychain.password("onec", user, url) == ""  # saved: an empty password
    assert keychain.password("onec", "someone else", url) is None  # nothing saved
    again = SettingsDialog(workspace, runner)
    qtbot.addWidget(again)
    assert not again.onec.no_password.isChecked()  # unticked: keep what is stored
    finished(qtbot, again.check_onec())  # the stored empty password is used
    assert again.onec.answer.text().startswith("Подключение к 1С работает")


def test_the_portal_address_hint_is_not_1cs_exchange_page(dialog: SettingsDialog) -> None:
    hint = dialog.portal.url.placeholderText()
    assert hint.startswith("https://") and not portal_check.is_onec_page(hint)
    assert "1c_exchange" not in hint


def test_the_dialog_fits_the_screen_in_tabs(dialog: SettingsDialog) -> None:
    room = dialog.screen().availableGeometry()
    assert dialog.width() <= room.width() and dialog.height() <= room.height()
    titles = [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
    assert titles == ["Портал", "1С", "Продавец", "Счета", "Проверка и загрузка"]
    # a setting no tab names by its widget still has a row: where 1C keeps the orders
    link = dialog.other["onec"].texts["onec.order_link"]
    onec_tab = dialog.tabs.widget(1)
    assert link.text() == "auto" and onec_tab is not None and onec_tab.isAncestorOf(link)
    link.setText("somewhere")
    assert dialog.save() is None
    assert dialog.errors.labels["onec.order_link"].text() == (
        "Нужно одно из: auto, bitrix, property:ГУИД или field:ПОЛЕ."
    )


def test_new_connection_settings_are_used_by_the_next_job(qtbot: QtBot, window: MainWindow) -> None:
    """No restart: the next talk to 1C logs in as the user just saved."""
    dialog = window.open_settings()
    dialog.onec.user.setText("Чужой")
    dialog.onec.password.setText("пароль")
    with qtbot.waitSignal(dialog.accepted, timeout=WAIT):
        save_clicked(dialog)
    qtbot.waitUntil(lambda: not window.runner.tasks, timeout=WAIT)  # the probes saving began
    task = window.sync.probe_onec()
    assert task is not None
    with qtbot.waitSignal(task.succeeded, timeout=WAIT) as blocker:
        pass
    assert blocker.args[0].state is Reachability.REFUSED


def test_the_registry_key_typed_in_settings_goes_to_the_keychain_only(
    qtbot: QtBot, runner: TaskRunner, workspace: Workspace
) -> None:
    typed_in(qtbot, SettingsDialog(workspace, runner), " secret-dadata-key ")
    assert token_of(workspace.vault, workspace.settings.registry.url) == "secret-dadata-key"
    on_disk = (workspace.data_dir / "settings.json").read_text(encoding="utf-8")
    assert "secret-dadata-key" not in on_disk


def typed_in(qtbot: QtBot, dialog: SettingsDialog, token: str) -> None:
    """The registry key typed in the dialog, saved."""
    qtbot.addWidget(dialog)
    dialog.tabs.registry_token.setText(token)
    with qtbot.waitSignal(dialog.accepted, timeout=WAIT):
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
