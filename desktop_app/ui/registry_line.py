"""The review panel's registry line: how old the registry's answer is, or why there is none.

The registry's findings themselves are badges in the findings bar (they are one more source
of `order_findings`); this line says what they are worth — «проверено 3 дня назад» — or,
without an answer, why the registry was not asked (no key, no network, the daily limit…),
beside the button «Проверить в реестре» that asks now. The not-asked finding is said here
and not as a badge too (`NOT_ASKED`).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QToolButton, QWidget

from desktop_app.domain.registry_record import LookupState
from desktop_app.services.registry_check import RegistryResult
from desktop_app.ui.card_editors import line_with_button
from desktop_app.ui.card_view import plain_label
from desktop_app.ui.findings_bar import finding_words

translate = QCoreApplication.translate
NOT_ASKED = "registry-not-asked"


def days_ago(days: int) -> str:
    """«сегодня», «вчера», «3 дня назад», «5 дней назад», «21 день назад»."""
    if days <= 0:
        return translate("RegistryLine", "сегодня")
    if days == 1:
        return translate("RegistryLine", "вчера")
    if days % 10 == 1 and days % 100 != 11:
        return translate("RegistryLine", "{0} день назад").format(days)
    if days % 10 in (2, 3, 4) and days % 100 not in (12, 13, 14):
        return translate("RegistryLine", "{0} дня назад").format(days)
    return translate("RegistryLine", "{0} дней назад").format(days)


def registry_line_text(result: RegistryResult) -> str:
    """The line's words for an order's registry result ("" when there is nothing to ask)."""
    if result.linked:
        return translate(
            "RegistryLine",
            "Реестр (ЕГРЮЛ/ЕГРИП) не спрашивали: покупатель связан с контрагентом 1С "
            "подтверждённым сопоставлением.",
        )
    lookup = result.lookup
    if lookup is None:
        return ""
    if lookup.state is LookupState.NOT_ASKED:
        said = next((f for f in result.findings if f.code == NOT_ASKED), None)
        return finding_words(said) if said is not None else ""
    return translate("RegistryLine", "Реестр (ЕГРЮЛ/ЕГРИП): проверено {0}.").format(
        days_ago(result.age_days or 0)
    )


class RegistryLine(QWidget):
    """The line and its button (the window gives it the action, `set_action`)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = plain_label("", self)
        self.label.setObjectName("registryLine")
        self.button = QToolButton(self)
        self.button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.button.hide()
        line_with_button(self, self.label, self.button)

    def set_action(self, action: QAction) -> None:
        self.button.setDefaultAction(action)
        self.button.show()

    def show_result(self, result: RegistryResult | None) -> None:
        text = registry_line_text(result) if result is not None else ""
        self.label.setText(text)
        self.setVisible(bool(text))
