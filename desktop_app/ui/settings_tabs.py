"""The settings dialog's tabs: Портал, 1С, Продавец, Счета, «Проверка и загрузка».

Each tab scrolls, so the dialog fits a 1366×768 screen (and smaller) whatever it holds. The
tabs know which field belongs to which setting: a refused field's tab is brought forward
and the field focused, and a setting that no tab shows by name (`_other_keys`: one added
to `settings.KEYS` later, such as a 1C option) gets a text row in its section's tab.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services.settings import KEYS, Settings
from desktop_app.ui.connection_form import OneCForm, PortalForm
from desktop_app.ui.settings_forms import (
    FieldErrors,
    InvoiceForm,
    ReviewForm,
    SellerForm,
    TextKeysForm,
)
from desktop_app.ui.wording import shown_code
from desktop_app.wording.settings_help import SETTINGS_HELP

translate = QCoreApplication.translate

_SHOWN_BY_NAME = ("seller.", "invoice.", "review.", "portal.fetch_every", "ui.language")
"""Keys the Продавец, Счета and «Проверка и загрузка» tabs show with their own widgets."""


def field_words() -> dict[str, str]:
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
    return {
        "onec.order_link": translate("SettingsDialog", "Где 1С хранит заказ сайта"),
        "registry.url": translate("SettingsDialog", "Адрес сервиса реестра (DaData)"),
        "registry.max_age_days": translate(
            "SettingsDialog", "Ответ реестра устаревает через, дней"
        ),
    }


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


def registry_token_field(form: TextKeysForm) -> QLineEdit:
    """DaData's API key, as a password: typed here, kept in the keychain (never in the
    settings file); left empty, the kept key stays."""
    field = QLineEdit(form)
    field.setObjectName("registryToken")
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setPlaceholderText(translate("SettingsDialog", "оставьте пустым, чтобы не менять"))
    field.setToolTip(
        translate(
            "SettingsDialog",
            "Ключ API DaData для проверки покупателей по ЕГРЮЛ/ЕГРИП. Хранится в хранилище "
            "паролей системы, как пароли портала и 1С.",
        )
    )
    form.form.addRow(translate("SettingsDialog", "Ключ DaData (реестр)"), field)
    return field


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


class SettingsTabs(QTabWidget):
    """Every form of the dialog, one tab a section; `errors` checks their text fields."""

    def __init__(self, current: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
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
        self.registry_token = registry_token_field(self.other[""])
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
            self.addTab(_scrolled(page), title)
        _show_help({"portal": self.portal, "onec": self.onec})

    def forms(self) -> tuple[TextKeysForm, ...]:
        """The forms whose values `config set` parses (all but the connections)."""
        return (self.seller, self.invoice, self.review, *self.other.values())

    def field_refusal(self) -> str | None:
        """Check every text field as `config set` would; the refusals stand under their
        fields, the first one's tab is shown and its field focused. None when all pass."""
        refused = self.errors.check()
        if not refused:
            return None
        field = refused[0]
        page = next((i for i in range(self.count()) if _holds(self.widget(i), field)), 0)
        self.setCurrentIndex(page)
        field.setFocus()
        key = next(k for k, f in self.errors.fields.items() if f is field)
        words = self.errors.labels[key].text()
        where = field_words().get(key) or _row_label(field, self.tabText(page))
        return translate("SettingsDialog", "{0}: {1}").format(where, words[:1].lower() + words[1:])


def _row_label(field: QLineEdit, tab: str) -> str:
    """«Продавец, ИНН»: the tab and the name of the field's row."""
    parent = field.parentWidget()
    layout = parent.layout() if parent is not None else None
    label = layout.labelForField(field) if isinstance(layout, QFormLayout) else None
    name = label.text() if isinstance(label, QLabel) else ""
    return f"{tab}, {name}" if name else tab


def _holds(page: QWidget | None, field: QWidget) -> bool:
    return page is not None and page.isAncestorOf(field)
