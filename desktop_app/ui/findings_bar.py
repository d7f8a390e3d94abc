"""The check findings of the order on screen, as badges with their sentences.

A finding is the requisite checks' (`domain.requisite_checks.Finding`): an error, a
warning or a note, each a code whose sentence is in `wording.findings`. An order without
findings takes no room. The sentences are plain text like everything that quotes order data.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLayout, QVBoxLayout, QWidget

from desktop_app.domain.requisite_checks import Finding, Severity
from desktop_app.ui.card_view import capitalized, plain_label
from desktop_app.ui.wording import shown_code
from desktop_app.wording.findings import FINDINGS, SEVERITIES

translate = QCoreApplication.translate

STYLES = {
    Severity.ERROR: "background-color: #ffd6d1; color: #7a1a10;",
    Severity.WARNING: "background-color: #fff0b3; color: #5c4500;",
    Severity.INFO: "background-color: #e4ecf7; color: #1f3b63;",
}


def severity_word(severity: Severity) -> str:
    return capitalized(shown_code(SEVERITIES, severity))


def finding_words(finding: Finding) -> str:
    return shown_code(FINDINGS, finding.wording_key, finding.params)


def badge_style(severity: Severity) -> str:
    return f"QLabel {{ {STYLES[severity]} border-radius: 3px; padding: 2px 6px; }}"


def clear_layout(layout: QLayout) -> None:
    """Take every widget out of `layout` (hidden at once, deleted later)."""
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget() if item is not None else None
        if widget is not None:
            widget.hide()
            widget.deleteLater()


def stack_layout(widget: QWidget) -> QVBoxLayout:
    """A tight vertical layout for a bar of badges; the bar takes no room until filled."""
    layout = QVBoxLayout(widget)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    widget.hide()
    return layout


class FindingsBar(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = stack_layout(self)
        self.badges: list[str] = []

    def show_findings(self, findings: Sequence[Finding]) -> None:
        clear_layout(self._layout)
        self.badges = []
        order = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
        for finding in sorted(findings, key=lambda f: order[f.severity]):
            text = f"{severity_word(finding.severity)}: {finding_words(finding)}"
            badge = plain_label(text, self)
            badge.setStyleSheet(badge_style(finding.severity))
            self._layout.addWidget(badge)
            self.badges.append(text)
        self.setVisible(bool(findings))
