"""The check findings of the order on screen, as badges with their sentences.

A finding is the review engine's (`review_hooks.Finding`): an error, a warning or a passed
check, each a sentence for the manager. Until the engine exists there are none and the bar
takes no room. The sentences are plain text like everything that quotes order data.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QVBoxLayout, QWidget

from desktop_app.ui.card_view import plain_label
from desktop_app.ui.review_hooks import Finding, Severity

translate = QCoreApplication.translate

STYLES = {
    Severity.ERROR: "background-color: #ffd6d1; color: #7a1a10;",
    Severity.WARNING: "background-color: #fff0b3; color: #5c4500;",
    Severity.OK: "background-color: #dcf2dc; color: #1d5c1d;",
}


def severity_word(severity: Severity) -> str:
    return {
        Severity.ERROR: translate("FindingsBar", "Ошибка"),
        Severity.WARNING: translate("FindingsBar", "Внимание"),
        Severity.OK: translate("FindingsBar", "Проверено"),
    }[severity]


class FindingsBar(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(2)
        self.badges: list[str] = []
        self.hide()

    def show_findings(self, findings: Sequence[Finding]) -> None:
        while self._layout.count():
            item = self._layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        self.badges = []
        order = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.OK: 2}
        for finding in sorted(findings, key=lambda f: order[f.severity]):
            text = f"{severity_word(finding.severity)}: {finding.sentence}"
            badge = plain_label(text, self)
            badge.setStyleSheet(
                f"QLabel {{ {STYLES[finding.severity]} border-radius: 3px; padding: 2px 6px; }}"
            )
            self._layout.addWidget(badge)
            self.badges.append(text)
        self.setVisible(bool(findings))
