"""The settings dialog: everything a manager sets, in tabs that fit a 1366×768 screen.

Портал and 1С are the connections, each with its own connection check; Продавец and Счета
what an invoice prints; «Проверка и загрузка» what is written without asking and how often
orders are fetched. Every text field is checked as `config set` checks it and a refusal
stands under its field (`settings_forms.FieldErrors`); nothing is saved until all pass.
A setting no tab names gets a text row in its section's tab (`_other_keys`).

A check runs on the values in the dialog (saved or not) and off the GUI thread; its answer
is a sentence under its button. Saving also runs off the GUI thread — the settings file is
written, and a password typed in goes to the workspace's vault (the keychain, or memory in
the demo) — and the dialog closes once both are done, or says what went wrong and stays.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services import connection_check, setting_rules
from desktop_app.services.connection_check import CheckResult
from desktop_app.services.settings import KEYS, Settings, SettingsError
from desktop_app.services.workspace import Workspace
from desktop_app.ui.card_view import plain_label
from desktop_app.ui.connection_form import OneCForm, PortalForm
from desktop_app.ui.error_words import log_problem
from desktop_app.ui.settings_forms import (
    ERROR_STYLE,
    FieldErrors,
    InvoiceForm,
    ReviewForm,
    SellerForm,
    TextKeysForm,
)
from desktop_app.ui.wording import shown_code, shown_said
from desktop_app.ui.workers import Task, TaskContext, TaskRunner
from desktop_app.wording.settings_help import SETTINGS_HELP

translate = QCoreApplication.translate

DIALOG_SIZE = (760, 640)
"""What the dialog asks for; a smaller screen gets less (each tab scrolls)."""
SCREEN_MARGIN = 80
"""Pixels left around the dialog on a small screen (the taskbar, the title bar)."""

_SHOWN_BY_NAME = ("seller.", "invoice.", "review.", "portal.fetch_every", "ui.language")
"""Keys the Продавец, Счета and «Проверка и загрузка» tabs show with their own widgets."""


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


def _other_labels() -> dict[str, str]:
    """Row names of the settings shown in the generic rows (others: their help)."""
    return {"onec.order_link": translate("SettingsDialog", "Где 1С хранит заказ сайта")}


def _form_widget(forms: dict[str, QWidget], key: str) -> QWidget | None:
    """The widget a form shows the setting `key` in, if it has one by that name."""
    section, _, name = key.partition(".")
    widget = getattr(forms.get(section), _WIDGET_NAMES.get(name, name), None)
    return widget if isinstance(widget, QWidget) else None


def _other_keys(forms: dict[str, QWidget]) -> list[str]:
    """The settings no tab shows by name: each gets a text row in its section's tab."""
    return [
        key
        for key in KEYS
        if not key.startswith(_SHOWN_BY_NAME) and _form_widget(forms, key) is None
    ]


def _scrolled(widget: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setWidget(widget)
    return area


def _show_help(sections: dict[str, QWidget]) -> None:
    """Each setting's help (`wording.settings_help`) as its field's tooltip, where the form
    did not give the field a tooltip of its own."""
    for key in KEYS:
        widget = _form_widget(sections, key)
        if widget is not None and not widget.toolTip():
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
        self.errors = FieldErrors()
        self.portal = PortalForm(current.portal)
        self.onec = OneCForm(current.onec)
        self.seller = SellerForm(current, self.errors)
        self.invoice = InvoiceForm(current, self.errors)
        self.review = ReviewForm(current, self.errors)
        self.language = self.review.language
        for form, key in ((self.portal, "portal"), (self.onec, "onec")):
            for name in ("url", "user"):
                self.errors.attach(f"{key}.{name}", getattr(form, name), form.form)
        self.errors.attach("onec.partner_access_group", self.onec.access_group, self.onec.form)
        self.other = {
            "portal": TextKeysForm(self.errors),
            "onec": TextKeysForm(self.errors),
            "": TextKeysForm(self.errors),
        }
        labels = _other_labels()
        for key in _other_keys({"portal": self.portal, "onec": self.onec}):
            other = self.other.get(key.partition(".")[0], self.other[""])
            other.add_text(key, labels.get(key) or shown_code(SETTINGS_HELP, key), current)
        self.tabs = QTabWidget(self)
        for title, pages in (
            (translate("SettingsDialog", "Портал"), (self.portal, self.other["portal"])),
            (translate("SettingsDialog", "1С"), (self.onec, self.other["onec"])),
            (translate("SettingsDialog", "Продавец"), (self.seller,)),
            (translate("SettingsDialog", "Счета"), (self.invoice,)),
            (
                translate("SettingsDialog", "Проверка и загрузка"),
                (self.review, self.other[""]),
            ),
        ):
            page = QWidget()
            column = QVBoxLayout(page)
            for part in pages:
                column.addWidget(part)
            column.addStretch(1)
            self.tabs.addTab(_scrolled(page), title)
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
        _show_help({"portal": self.portal, "onec": self.onec})
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
        for form in (self.seller, self.invoice, self.review, *self.other.values()):
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

    def field_refusal(self) -> str | None:
        """Check every text field as `config set` would; the refusals stand under their
        fields, the first one's tab is shown and its field focused. None when all pass."""
        refused = self.errors.check()
        if not refused:
            return None
        field = refused[0]
        page = next((i for i in range(self.tabs.count()) if _holds(self.tabs.widget(i), field)), 0)
        self.tabs.setCurrentIndex(page)
        field.setFocus()
        key = next(k for k, f in self.errors.fields.items() if f is field)
        words = self.errors.labels[key].text()
        where = _field_words().get(key) or _row_label(field, self.tabs.tabText(page))
        return translate("SettingsDialog", "{0}: {1}").format(where, words[:1].lower() + words[1:])

    @Slot()
    def save(self) -> Task | None:
        """Write the settings and the typed passwords (off the GUI thread), then close.

        Values the rules refuse are not written: the dialog says which and stays open."""
        refused = self.field_refusal()
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


def _row_label(field: QLineEdit, tab: str) -> str:
    """«Продавец, ИНН»: the tab and the name of the field's row."""
    parent = field.parentWidget()
    layout = parent.layout() if parent is not None else None
    label = layout.labelForField(field) if isinstance(layout, QFormLayout) else None
    name = label.text() if isinstance(label, QLabel) else ""
    return f"{tab}, {name}" if name else tab


def _holds(page: QWidget | None, field: QWidget) -> bool:
    return page is not None and page.isAncestorOf(field)
