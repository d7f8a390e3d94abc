"""The settings dialog: the portal and 1C connections, each with its own connection check.

A check runs on the values in the dialog (saved or not) and off the GUI thread; its answer
is a sentence under its button. Saving also runs off the GUI thread — the settings file is
written, and a password typed in goes to the workspace's vault (the keychain, or memory in
the demo) — and the dialog closes once both are done, or says what went wrong and stays.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services import connection_check, setting_rules
from desktop_app.services.connection_check import CheckResult
from desktop_app.services.settings import KEYS, Language, Settings
from desktop_app.services.workspace import Workspace
from desktop_app.ui.card_view import plain_label
from desktop_app.ui.connection_form import OneCForm, PortalForm
from desktop_app.ui.error_words import log_problem
from desktop_app.ui.wording import shown_code, shown_said
from desktop_app.ui.workers import Task, TaskContext, TaskRunner
from desktop_app.wording.settings_help import SETTINGS_HELP

translate = QCoreApplication.translate

FORM_WIDTH = 460


def _field_words() -> dict[str, str]:
    """The dialog's names of the fields a rule can refuse."""
    portal, onec = translate("SettingsDialog", "Портал"), translate("SettingsDialog", "1С")
    words = {
        "url": translate("SettingsDialog", "адрес"),
        "user": translate("SettingsDialog", "логин"),
        "ca_bundle": translate("SettingsDialog", "сертификаты ЦС"),
        "partner_access_group": translate("SettingsDialog", "группа доступа новых партнёров"),
    }
    return {
        f"{system}.{name}": f"{title}, {word}"
        for system, title in (("portal", portal), ("onec", onec))
        for name, word in words.items()
    }


_WIDGET_NAMES = {"partner_access_group": "access_group"}
"""A setting whose field in the form has another name."""


def _show_help(sections: dict[str, QWidget]) -> None:
    """Each setting's help (`wording.settings_help`) as its field's tooltip, where the form
    did not give the field a tooltip of its own."""
    for key in KEYS:
        section, _, name = key.partition(".")
        widget = getattr(sections.get(section), _WIDGET_NAMES.get(name, name), None)
        if isinstance(widget, QWidget) and not widget.toolTip():
            widget.setToolTip(shown_code(SETTINGS_HELP, key))


class SettingsDialog(QDialog):
    def __init__(
        self, workspace: Workspace, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("SettingsDialog", "Настройки подключения"))
        self.workspace = workspace
        self.runner = runner
        current = workspace.settings
        self.portal = PortalForm(current.portal, self)
        self.onec = OneCForm(current.onec, self)
        where = (
            translate("SettingsDialog", "Пароли хранятся в системном хранилище паролей.")
            if workspace.vault.persistent
            else translate(
                "SettingsDialog",
                "Демонстрация: пароли хранятся только в памяти и забываются при выходе.",
            )
        )
        self.language = QComboBox(self)
        self.language.addItem(translate("SettingsDialog", "как в системе"), Language.SYSTEM.value)
        self.language.addItem(translate("SettingsDialog", "Русский"), Language.RU.value)
        self.language.addItem("English", Language.EN.value)
        self.language.setCurrentIndex(self.language.findData(current.ui.language.value))
        language_row = QHBoxLayout()
        language_row.addWidget(plain_label(translate("SettingsDialog", "Язык окна:"), self))
        language_row.addWidget(self.language)
        language_row.addWidget(
            plain_label(translate("SettingsDialog", "меняется при следующем запуске"), self), 1
        )
        self.note = plain_label(where, self)
        self.error = plain_label("", self)
        self.error.setStyleSheet("QLabel { color: #c62828; }")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        forms = QHBoxLayout()
        for form in (self.portal, self.onec):
            form.setMinimumWidth(FORM_WIDTH)
            forms.addWidget(form, 1)
        _show_help({"portal": self.portal, "onec": self.onec, "ui": self})
        layout = QVBoxLayout(self)
        layout.addLayout(forms)
        layout.addLayout(language_row)
        layout.addWidget(self.note)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.portal.check_button.clicked.connect(self.check_portal)
        self.onec.check_button.clicked.connect(self.check_onec)
        self.check_tasks: list[Task] = []
        self.save_task: Task | None = None

    def values(self) -> Settings:
        current = self.workspace.settings
        return replace(
            current,
            portal=self.portal.values(current.portal),
            onec=self.onec.values(current.onec),
            ui=replace(current.ui, language=Language(self.language.currentData())),
        )

    # --- checks ----------------------------------------------------------------------------

    @Slot()
    def check_portal(self) -> Task:
        portal, typed, workspace = self.values().portal, self.portal.new_password(), self.workspace

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
        onec, typed, workspace = self.values().onec, self.onec.new_password(), self.workspace

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
        self.portal.show_answer(*PortalForm.words(result))

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
            where = _field_words().get(error.key, error.key)
            return translate("SettingsDialog", "{0}: нужно {1}.").format(
                where, shown_said(error.said)
            )
        return None

    @Slot()
    def save(self) -> Task | None:
        """Write the settings and the typed passwords (off the GUI thread), then close.

        Values the rules refuse are not written: the dialog says which and stays open."""
        new = self.values()
        refused = self.refusal(new)
        if refused:
            self.error.setText(refused)
            return None
        portal_password, onec_password = self.portal.new_password(), self.onec.new_password()
        workspace = self.workspace

        def run(_context: TaskContext) -> None:
            if portal_password is not None:
                workspace.vault.store("portal", new.portal.user, new.portal.url, portal_password)
            if onec_password is not None:
                workspace.vault.store("onec", new.onec.user, new.onec.url, onec_password)
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
        self.accept()

    @Slot(object)
    def _save_failed(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        message = log_problem("saving settings", error)
        self.error.setText(
            message
            or translate("SettingsDialog", "Не удалось сохранить настройки: {0}").format(error)
        )
