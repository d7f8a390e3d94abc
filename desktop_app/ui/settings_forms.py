"""The settings dialog's other tabs: the seller, the invoices, the review and the fetching.

Every text field is checked as `config set` checks it (`settings.field_refusal`: the same
parser and `setting_rules`), and a refusal is shown under its field, so the manager sees
which value is wrong and the dialog saves nothing until it is mended. A setting in
`settings.KEYS` that no tab shows by name (one added later, such as part of the 1C
section) gets a plain text row in its section's tab: nothing a manager can set is left
to the command line.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from desktop_app.domain.invoice_numbering import InvoiceDateSource
from desktop_app.domain.phrase import Phrase
from desktop_app.services import setting_rules
from desktop_app.services import settings as settings_file
from desktop_app.services.settings import Language, Settings
from desktop_app.ui.card_view import plain_label
from desktop_app.ui.wording import shown_code, shown_said
from desktop_app.wording.phrases import phrase_text
from desktop_app.wording.settings_help import SETTINGS_HELP

translate = QCoreApplication.translate

ERROR_STYLE = "QLabel { color: #c62828; }"
_LISTS_OF_CHOICES = ("order-link.kinds",)
"""Refusals that are only the list of what is allowed (after the key at the command line)."""


def refusal_words(key: str, text: str) -> str:
    """What is wrong with `text` for `key`, in the window's language; "" when nothing is."""
    reason = settings_file.field_refusal(key, text)
    if reason is None:
        return ""
    if isinstance(reason, Phrase):
        words = phrase_text(reason, translate)
        if reason.code in _LISTS_OF_CHOICES:
            return translate("SettingsForms", "Нужно одно из: {0}.").format(words)
        return words
    return shown_said(reason)


class FieldErrors:
    """A red sentence under each checked field of a form layout, hidden while it is fine."""

    def __init__(self) -> None:
        self.fields: dict[str, QLineEdit] = {}
        self.labels: dict[str, QLabel] = {}

    def attach(self, key: str, field: QLineEdit, layout: QFormLayout) -> None:
        """Check `field` as the setting `key`; its sentence goes in a row under the field."""
        label = plain_label("", field.parentWidget())
        label.setObjectName("fieldError")
        label.setStyleSheet(ERROR_STYLE)
        label.hide()
        row = _row_of(layout, field)
        layout.insertRow(row + 1, label)  # spanning: beside a field it would grow tall
        self.fields[key], self.labels[key] = field, label
        field.textChanged.connect(lambda _text, k=key: self.show(k, ""))

    def show(self, key: str, words: str) -> None:
        label = self.labels[key]
        label.setText(words)
        label.setVisible(bool(words))

    def check(self) -> list[QLineEdit]:
        """Check every field; the refused ones, in the order they were attached."""
        refused = []
        for key, field in self.fields.items():
            words = refusal_words(key, field.text())
            self.show(key, words)
            if words:
                refused.append(field)
        return refused


def _row_of(layout: QFormLayout, field: QWidget) -> int:
    """The row of `field` in `layout` (the last row when it is not there)."""
    for row in range(layout.rowCount()):
        item = layout.itemAt(row, QFormLayout.ItemRole.FieldRole)
        if item is not None and item.widget() is field:
            return row
    return layout.rowCount() - 1


def _line(text: str, parent: QWidget) -> QLineEdit:
    field = QLineEdit(text, parent)
    field.setCursorPosition(0)
    return field


class TextKeysForm(QWidget):
    """Settings that are text, one row each (`config set KEY TEXT` as a field)."""

    def __init__(self, errors: FieldErrors, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.errors = errors
        self.form = QFormLayout(self)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.texts: dict[str, QLineEdit] = {}

    def add_text(self, key: str, label: str, current: Settings) -> QLineEdit:
        field = _line(settings_file.value_of(current, key), self)
        field.setToolTip(shown_code(SETTINGS_HELP, key))
        self.form.addRow(label, field)
        self.errors.attach(key, field, self.form)
        self.texts[key] = field
        return field

    def apply(self, current: Settings) -> Settings:
        """`current` with these fields' texts, parsed as `config set` parses them."""
        for key, field in self.texts.items():
            current = settings_file.with_value(current, key, field.text())
        return current


def _seller_labels() -> dict[str, str]:
    return {
        "name": translate("SettingsForms", "Наименование организации"),
        "inn": translate("SettingsForms", "ИНН"),
        "kpp": translate("SettingsForms", "КПП"),
        "address": translate("SettingsForms", "Адрес"),
        "bank": translate("SettingsForms", "Банк (наименование и город)"),
        "bik": translate("SettingsForms", "БИК"),
        "corr_account": translate("SettingsForms", "Корр. счёт"),
        "account": translate("SettingsForms", "Расчётный счёт"),
        "head": translate("SettingsForms", "Руководитель"),
        "accountant": translate("SettingsForms", "Бухгалтер"),
    }


class SellerForm(TextKeysForm):
    """The seller's requisites the invoice prints (`seller.*`); blanks come from 1C."""

    def __init__(self, current: Settings, errors: FieldErrors, parent: QWidget | None = None):
        super().__init__(errors, parent)
        note = translate(
            "SettingsForms",
            "Реквизиты продавца в счетах. Незаполненные берутся из 1С (организация и её "
            "банковский счёт), если 1С подключена.",
        )
        self.form.addRow(plain_label(note, self))
        for name, label in _seller_labels().items():
            self.add_text(f"seller.{name}", label, current)


class InvoiceForm(TextKeysForm):
    """How invoices are numbered and dated (`invoice.*`)."""

    def __init__(self, current: Settings, errors: FieldErrors, parent: QWidget | None = None):
        super().__init__(errors, parent)
        self.number = self.add_text(
            "invoice.number", translate("SettingsForms", "Номер счёта (шаблон)"), current
        )
        self.form.addRow(  # a row of its own: a wrapped label beside a field grows tall
            plain_label(
                translate(
                    "SettingsForms",
                    "{number} — номер заказа на портале, {id} — Ид заказа, {year} — год. "
                    "Например: СЧ-{year}-{number}",
                ),
                self,
            ),
        )
        self.date = QComboBox(self)
        self.date.addItem(translate("SettingsForms", "дата заказа"), InvoiceDateSource.ORDER.value)
        self.date.addItem(translate("SettingsForms", "день выписки"), InvoiceDateSource.TODAY.value)
        self.date.setCurrentIndex(max(0, self.date.findData(current.invoice.date.value)))
        self.form.addRow(translate("SettingsForms", "Дата счёта"), self.date)

    def apply(self, current: Settings) -> Settings:
        current = super().apply(current)
        date = InvoiceDateSource(self.date.currentData())
        return replace(current, invoice=replace(current.invoice, date=date))


class ReviewForm(TextKeysForm):
    """What is written without asking, how, how often orders are fetched, the language."""

    def __init__(self, current: Settings, errors: FieldErrors, parent: QWidget | None = None):
        super().__init__(errors, parent)
        review = current.review
        self.auto_push_confirmed = self._flag(
            translate("SettingsForms", "Записывать в 1С заказы уже связанных покупателей сразу"),
            review.auto_push_confirmed,
            "review.auto_push_confirmed",
        )
        self.auto_push_first = self._flag(
            translate("SettingsForms", "Записывать первое точное совпадение ИНН и КПП сразу"),
            review.auto_push_first,
            "review.auto_push_first",
        )
        self.repost_orders = self._flag(
            translate("SettingsForms", "Перепроводить проведённый заказ после замены контрагента"),
            review.repost_orders,
            "review.repost_orders",
        )
        self.parallel_writes = QSpinBox(self)
        self.parallel_writes.setRange(1, setting_rules.MAX_PARALLEL_WRITES)
        self.parallel_writes.setValue(review.parallel_writes)
        self.form.addRow(
            translate("SettingsForms", "Записей в 1С одновременно"), self.parallel_writes
        )
        self.fetch_every = QSpinBox(self)
        self.fetch_every.setRange(0, setting_rules.MAX_FETCH_EVERY)
        self.fetch_every.setSuffix(translate("ConnectionForm", " мин"))
        self.fetch_every.setSpecialValueText(translate("ConnectionForm", "только вручную"))
        self.fetch_every.setValue(current.portal.fetch_every)
        self.form.addRow(translate("ConnectionForm", "Получать заказы каждые"), self.fetch_every)
        self.language = QComboBox(self)
        self.language.addItem(translate("SettingsDialog", "как в системе"), Language.SYSTEM.value)
        self.language.addItem(translate("SettingsDialog", "Русский"), Language.RU.value)
        self.language.addItem("English", Language.EN.value)
        self.language.setCurrentIndex(self.language.findData(current.ui.language.value))
        self.form.addRow(translate("SettingsForms", "Язык окна"), self.language)
        self.form.addRow(
            plain_label(
                translate("SettingsForms", "Язык окна меняется при следующем запуске."), self
            )
        )
        for widget, key in (
            (self.parallel_writes, "review.parallel_writes"),
            (self.fetch_every, "portal.fetch_every"),
            (self.language, "ui.language"),
        ):
            widget.setToolTip(shown_code(SETTINGS_HELP, key))

    def _flag(self, text: str, value: bool, key: str) -> QCheckBox:
        box = QCheckBox(text, self)
        box.setChecked(value)
        box.setToolTip(shown_code(SETTINGS_HELP, key))
        self.form.addRow(box)
        return box

    def apply(self, current: Settings) -> Settings:
        current = super().apply(current)
        review = replace(
            current.review,
            auto_push_confirmed=self.auto_push_confirmed.isChecked(),
            auto_push_first=self.auto_push_first.isChecked(),
            repost_orders=self.repost_orders.isChecked(),
            parallel_writes=self.parallel_writes.value(),
        )
        portal = replace(current.portal, fetch_every=self.fetch_every.value())
        ui = replace(current.ui, language=Language(self.language.currentData()))
        return replace(current, review=review, portal=portal, ui=ui)
