"""The fields of the create card: an editor each, with the checks' sentence right under it.

Names and addresses are long (a full name with its legal form, an address with its
building and office): a one-line edit cuts them, so they get a plain-text edit that wraps
and grows to its text (up to a few lines) — never a horizontal scroll at 1366×768. Short
requisites (ИНН, КПП, ОГРН, phone, e-mail) stay one-line edits. Both say `text()` the same
way, one line, so the card compares them alike. What the checks say about a field is shown
as a badge under it, coloured by how sure the finding is (`findings_bar`).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QRect, Qt, Slot
from PySide6.QtGui import QResizeEvent, QTextOption
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.requisite_values import Severity
from desktop_app.ui.card_view import plain_label
from desktop_app.ui.findings_bar import badge_style

translate = QCoreApplication.translate
MAX_LINES = 5
"""A wrapping edit grows to this many lines, then scrolls vertically."""
_WORST = (Severity.ERROR, Severity.WARNING, Severity.INFO)


class WrappingEdit(QPlainTextEdit):
    """A plain-text edit for one long value: wraps at the widget's width, grows with it."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTabChangesFocus(True)  # Tab goes to the next field, as in a line edit
        self.setPlainText(text)
        self.textChanged.connect(self._fit)
        self._fit()

    def text(self) -> str:
        """The value on one line: a line break typed or pasted is a space."""
        return " ".join(self.toPlainText().splitlines())

    def setText(self, text: str) -> None:  # the QLineEdit spelling
        self.setPlainText(text)

    def line_count(self) -> int:
        """Lines the text takes wrapped at the edit's present width (measured with the
        font, not read from the document's layout, which is laid out lazily)."""
        width = self.viewport().width() - 2 * round(self.document().documentMargin())
        if width <= 0 or not self.toPlainText():
            return 1
        flags = int(Qt.TextFlag.TextWordWrap | Qt.TextFlag.TextWrapAnywhere)
        bounds = self.fontMetrics().boundingRect(
            QRect(0, 0, width, 1 << 20), flags, self.toPlainText()
        )
        return max(1, -(-bounds.height() // self.fontMetrics().lineSpacing()))

    def resizeEvent(self, event: QResizeEvent) -> None:  # Qt's name
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._fit()

    @Slot()
    def _fit(self) -> None:
        lines = min(self.line_count(), MAX_LINES)
        margins = self.contentsMargins()
        frame = margins.top() + margins.bottom() + 2 * round(self.document().documentMargin())
        self.setFixedHeight(lines * self.fontMetrics().lineSpacing() + frame + 2)


Editor = QLineEdit | WrappingEdit


def line_with_button(widget: QWidget, label: QLabel, button: QToolButton) -> None:
    """Lay out a line of words with its button at the end; hidden until there is something."""
    layout = QHBoxLayout(widget)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(label, 1)
    layout.addWidget(button)
    widget.hide()


class PrefillMark(QWidget):
    """«из реестра»: the field holds the registry's value; the portal's is one click away."""

    def __init__(self, editor: Editor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.portal = ""
        self.label = plain_label("", self)
        self.label.setStyleSheet(badge_style(Severity.INFO))
        self.back = QToolButton(self)
        self.back.setText(translate("CardEditors", "как на портале"))
        self.back.clicked.connect(self.restore)
        line_with_button(self, self.label, self.back)

    def mark(self, portal: str) -> None:
        self.portal = portal
        if portal:
            text = translate("CardEditors", "Из реестра (ЕГРЮЛ/ЕГРИП); на портале: «{0}»")
            self.label.setText(text.format(portal))
        else:
            self.label.setText(
                translate("CardEditors", "Из реестра (ЕГРЮЛ/ЕГРИП); портал не прислал")
            )
        self.back.setToolTip(translate("CardEditors", "Вернуть значение портала"))
        self.show()

    @Slot()
    def restore(self) -> None:
        """The portal's value back in the field; the mark goes (the field is the portal's)."""
        self.editor.setText(self.portal)
        self.hide()


class FieldBox(QWidget):
    """One field of the card: its editor, then what the checks say about it."""

    def __init__(self, editor: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        editor.setParent(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(editor)
        self.prefill: PrefillMark | None = None
        if isinstance(editor, QLineEdit | WrappingEdit):
            self.prefill = PrefillMark(editor, self)
            layout.addWidget(self.prefill)
        self.message: QLabel = plain_label("", self)
        self.message.hide()
        layout.addWidget(self.message)
        self.severity: Severity | None = None

    def say(self, found: Sequence[tuple[Severity, str]]) -> None:
        """Show the sentences about this field (none: nothing), styled by the worst one."""
        if not found:
            self.severity = None
            self.message.clear()
            self.message.hide()
            return
        self.severity = min((s for s, _ in found), key=_WORST.index)
        self.message.setText("\n".join(text for _, text in found))
        self.message.setStyleSheet(badge_style(self.severity))
        self.message.show()
