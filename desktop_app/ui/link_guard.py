"""The Ctrl+L chain stops at an order the checks warn about.

A manager links order after order with Ctrl+L: each link opens the next order
(`QueuePanel.advance_from`) and the same key links it. An order whose checks found an error
or a warning (the same findings the panel's badges and the queue's mark show) must not be
linked by that reflex: the guard stands between the decision buttons and `DecisionFlow`
and, for such a link, asks first — with the findings in front of the manager and «Отмена»
as the default button, so a second Ctrl+L or Enter does not link it. Every other request
passes straight on.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop_app.domain.decisions import DecisionKind
from desktop_app.domain.order_findings import needs_attention
from desktop_app.domain.requisite_checks import Finding, Severity
from desktop_app.ui.findings_bar import finding_words, severity_word
from desktop_app.ui.plain_text import plain_message_box
from desktop_app.ui.review_actions import DecisionRequest

translate = QCoreApplication.translate


class LinkGuard(QObject):
    passed = Signal(object)
    """The `DecisionRequest` to carry out (as it came, or after the manager said yes)."""

    def __init__(self, findings: Callable[[str], Sequence[Finding]], parent: QWidget) -> None:
        super().__init__(parent)
        self._findings = findings
        self._parent = parent
        self.question: QMessageBox | None = None

    @Slot(object)
    def on_request(self, request: DecisionRequest) -> None:
        findings = self._findings(request.portal_id)
        if request.kind is not DecisionKind.LINK or not needs_attention(findings):
            self.passed.emit(request)
            return
        if self.question is not None and self.question.isVisible():
            return  # already asking: the key pressed again does not link
        lines = [
            f"• {severity_word(f.severity)}: {finding_words(f)}"
            for f in findings
            if f.severity is not Severity.INFO
        ]
        text = "\n".join(
            [translate("LinkGuard", "Проверки нашли в заказе замечания:"), *lines, "",
             translate("LinkGuard", "Всё равно связать заказ с выбранным контрагентом 1С?")]
        )  # fmt: skip
        box = plain_message_box(
            QMessageBox.Icon.Warning, translate("LinkGuard", "Связать заказ с замечаниями"),
            text, parent=self._parent,
        )  # fmt: skip
        link = box.addButton(translate("LinkGuard", "Связать"), QMessageBox.ButtonRole.AcceptRole)
        link.setObjectName("linkAnywayButton")
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)

        def answered() -> None:
            self.question = None
            if box.clickedButton() is link:
                self.passed.emit(request)

        box.finished.connect(answered)
        box.finished.connect(box.deleteLater)
        self.question = box
        box.open()
