"""The settings dialog: everything a manager sets, in tabs that fit a 1366×768 screen.

Портал and 1С are the connections, each with its own connection check; Продавец and Счета
what an invoice prints; «Проверка и загрузка» what is written without asking and how often
orders are fetched. Every text field is checked as `config set` checks it and a refusal
stands under its field (`settings_forms.FieldErrors`); nothing is saved until all pass.
A setting no tab names gets a text row in its section's tab (`settings_tabs`).

A check runs on the values in the dialog (saved or not) and off the GUI thread; its answer
is a sentence under its button. Saving also runs off the GUI thread — the settings file is
written, and a password typed in goes to the workspace's vault (the keychain, or memory in
the demo) — and the dialog closes once both are done, or says what went wrong and stays.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from desktop_app.services import connection_check, setting_rules
from desktop_app.services.connection_check import CheckResult, Reachability
from desktop_app.services.registry_check import store_token
from desktop_app.services.settings import Settings, SettingsError
from desktop_app.services.workspace import Workspace
from desktop_app.ui.card_view import plain_label
from desktop_app.ui.connection_form import OneCForm, PortalForm
from desktop_app.ui.error_words import log_problem
from desktop_app.ui.settings_forms import ERROR_STYLE
from desktop_app.ui.settings_tabs import SettingsTabs, field_words
from desktop_app.ui.wording import shown_said
from desktop_app.ui.workers import Task, TaskContext, TaskRunner

translate = QCoreApplication.translate

DIALOG_SIZE = (760, 640)
"""What the dialog asks for; a smaller screen gets less (each tab scrolls)."""
SCREEN_MARGIN = 80
"""Pixels left around the dialog on a small screen (the taskbar, the title bar)."""


class SettingsDialog(QDialog):
    def __init__(
        self, workspace: Workspace, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("SettingsDialog", "Настройки"))
        self.workspace = workspace
        self.runner = runner
        current = workspace.settings
        self.tabs = SettingsTabs(current, self)
        tabs = self.tabs
        self.errors, self.portal, self.onec = tabs.errors, tabs.portal, tabs.onec
        self.seller, self.invoice, self.review = tabs.seller, tabs.invoice, tabs.review
        self.other, self.language = tabs.other, tabs.review.language
        where = (
            translate("SettingsDialog", "Пароли хранятся в системном хранилище паролей.")
            if workspace.vault.persistent
            else translate(
                "SettingsDialog",
                "Демонстрация: пароли хранятся только в памяти и забываются при выходе.",
            )
        )
        self.note = plain_label(where, self)
        self.error = plain_label("", self)
        self.error.setStyleSheet(ERROR_STYLE)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.note)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.portal.check_button.clicked.connect(self.check_portal)
        self.onec.check_button.clicked.connect(self.check_onec)
        self._fit_screen()
        self.check_tasks: list[Task] = []
        self.save_task: Task | None = None

    saved = Signal(object)
    """The settings just written (`Settings`): whoever uses them takes the new ones now."""

    def _fit_screen(self) -> None:
        """Never taller or wider than the screen it opens on: the tabs scroll instead."""
        screen = (self.parentWidget() or self).screen() or QGuiApplication.primaryScreen()
        room = screen.availableGeometry()
        width, height = DIALOG_SIZE
        self.resize(
            min(width, room.width() - SCREEN_MARGIN), min(height, room.height() - SCREEN_MARGIN)
        )

    def connections(self) -> Settings:
        """The saved settings with the connection fields as typed (what a check uses)."""
        current = self.workspace.settings
        return replace(
            current,
            portal=self.portal.values(current.portal),
            onec=self.onec.values(current.onec),
        )

    def values(self) -> Settings:
        """Every field's value; `SettingsError` for a text `config set` would refuse."""
        new = self.connections()
        for form in self.tabs.forms():
            new = form.apply(new)
        return new

    # --- checks ----------------------------------------------------------------------------

    @Slot()
    def check_portal(self) -> Task:
        portal, typed = self.connections().portal, self.portal.new_password()
        workspace = self.workspace

        def run(_context: TaskContext) -> CheckResult:
            password = typed if typed is not None else workspace.portal_password(portal)
            return connection_check.check_portal(portal, password, workspace.data_dir)

        self.portal.show_checking()
        task = self.runner.start("check-portal", run)
        task.succeeded.connect(self._portal_checked)
        task.failed.connect(self._portal_check_failed)
        self.check_tasks.append(task)
        return task

    @Slot()
    def check_onec(self) -> Task:
        onec, typed, workspace = self.connections().onec, self.onec.new_password(), self.workspace

        def run(_context: TaskContext) -> CheckResult:
            password = typed if typed is not None else workspace.onec_password(onec)
            return connection_check.check_onec(
                onec, password, workspace.data_dir, workspace.database
            )

        self.onec.show_checking()
        task = self.runner.start("check-onec", run)
        task.succeeded.connect(self._onec_checked)
        task.failed.connect(self._onec_check_failed)
        self.check_tasks.append(task)
        return task

    @Slot(object)
    def _portal_checked(self, result: CheckResult) -> None:
        text, good = PortalForm.words(result)
        self.portal.show_answer(text, good, works=result.state is Reachability.OK)

    @Slot(object)
    def _onec_checked(self, result: CheckResult) -> None:
        self.onec.show_answer(*OneCForm.words(result))

    @Slot(object)
    def _portal_check_failed(self, error: BaseException) -> None:
        self.portal.show_answer(self._failure_words(error), False)

    @Slot(object)
    def _onec_check_failed(self, error: BaseException) -> None:
        self.onec.show_answer(self._failure_words(error), False)

    def _failure_words(self, error: BaseException) -> str:
        message = log_problem("connection check", error)
        return message or translate("SettingsDialog", "Проверка не удалась: {0}").format(error)

    # --- saving ----------------------------------------------------------------------------

    def refusal(self, new: Settings) -> str | None:
        """Why these values cannot be saved, by the rules `config set` applies; None if fine."""
        try:
            setting_rules.check_all(new)
        except setting_rules.RuleError as error:
            where = field_words().get(error.key, error.key)
            return translate("SettingsDialog", "{0}: нужно {1}.").format(
                where, shown_said(error.said)
            )
        return None

    @Slot()
    def save(self) -> Task | None:
        """Write the settings and the typed passwords (off the GUI thread), then close.

        Values the rules refuse are not written: the dialog says which and stays open."""
        refused = self.tabs.field_refusal()
        if refused:
            self.error.setText(refused)
            return None
        try:
            new = self.values()
        except SettingsError as error:  # the fields passed one by one; kept for safety
            self.error.setText(shown_said(error.said))
            return None
        refused = self.refusal(new)
        if refused:
            self.error.setText(refused)
            return None
        portal_password, onec_password = self.portal.new_password(), self.onec.new_password()
        registry_token = self.tabs.registry_token.text().strip() or None
        workspace = self.workspace

        def run(_context: TaskContext) -> None:
            if portal_password is not None:
                workspace.vault.store("portal", new.portal.user, new.portal.url, portal_password)
            if onec_password is not None:
                workspace.vault.store("onec", new.onec.user, new.onec.url, onec_password)
            if registry_token is not None:
                store_token(workspace.vault, new.registry.url, registry_token)
            workspace.save_settings(new)

        self.buttons.setEnabled(False)
        self.error.setText("")
        task = self.runner.start("save-settings", run)
        task.succeeded.connect(self._saved)
        task.failed.connect(self._save_failed)
        self.save_task = task
        return task

    @Slot(object)
    def _saved(self, _result: object) -> None:
        self.buttons.setEnabled(True)
        self.saved.emit(self.workspace.settings)
        self.accept()

    @Slot(object)
    def _save_failed(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        message = log_problem("saving settings", error)
        self.error.setText(
            message
            or translate("SettingsDialog", "Не удалось сохранить настройки: {0}").format(error)
        )
