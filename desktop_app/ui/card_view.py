"""A card: labelled fields, one under the other, as plain text the manager can select and copy.

Every value is set with `Qt.PlainText`: the portal's data is typed by buyers, and a QLabel
left on its automatic format would render a company called `<b>x</b>` in bold (GUIDE §7).
A value is shown whole, wrapped to the card's width, so the card never scrolls sideways in a
450 px column (`ValueLabel`).
Fields can be highlighted — differing from the other side, or named by a check finding —
with the reason as the field's tooltip.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QScrollArea, QSizePolicy, QWidget

from desktop_app.ui.card_fields import CardRow
from desktop_app.ui.plain_text import plain_tooltip
from desktop_app.ui.value_label import ValueLabel

translate = QCoreApplication.translate

LABEL_STYLE = "QLabel { color: #6b6b6b; }"
HIGHLIGHT_STYLE = "QLabel { background-color: #fff0b3; border-radius: 3px; }"
ERROR_STYLE = "QLabel { background-color: #ffd6d1; border-radius: 3px; }"


def plain_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    """A label that shows its text literally, selectable, wrapping long values."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def emphasize(label: QLabel, *, larger: float = 0, bold: bool = True) -> QLabel:
    """Make a heading of a label: bold, and `larger` points bigger."""
    font = label.font()
    font.setBold(bold)
    if larger:
        font.setPointSizeF(font.pointSizeF() + larger)
    label.setFont(font)
    return label


class CardView(QScrollArea):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self._body = QWidget(self)
        self._grid = QGridLayout(self._body)
        self._grid.setContentsMargins(4, 4, 4, 4)
        self._grid.setHorizontalSpacing(10)
        self._grid.setVerticalSpacing(3)
        self._grid.setColumnStretch(1, 1)
        self.setWidget(self._body)
        self._values: dict[str, ValueLabel] = {}
        self._marked: set[str] = set()
        self._placeholder = ""
        self._rows: list[CardRow] = []

    def show_rows(
        self,
        rows: Sequence[CardRow],
        highlighted: Mapping[str, str] | None = None,
        errors: Mapping[str, str] | None = None,
    ) -> None:
        """Show these fields; `highlighted`/`errors` map a key to the tooltip saying why.

        Other fields than before (another order, another counterparty) are shown from the
        top; the same fields marked anew keep the scroll where the manager left it."""
        if list(rows) != self._rows:
            self.scroll_to_top()
        self._rows = list(rows)
        self._clear()
        highlighted, errors = highlighted or {}, errors or {}
        for line, row in enumerate(rows):
            name = plain_label(row.label, self._body)
            name.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            name.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Preferred)
            name.setStyleSheet(LABEL_STYLE)
            value = ValueLabel(row.value, self._body)
            value.setIndent(3)
            value.setObjectName(f"card-{row.key}")
            reason = errors.get(row.key) or highlighted.get(row.key)
            if reason is not None:
                value.setStyleSheet(ERROR_STYLE if row.key in errors else HIGHLIGHT_STYLE)
                value.setToolTip(plain_tooltip(reason))
                self._marked.add(row.key)
            self._grid.addWidget(name, line, 0)
            self._grid.addWidget(value, line, 1)
            self._values[row.key] = value
        if not rows and self._placeholder:
            self._grid.addWidget(plain_label(self._placeholder, self._body), 0, 0, 1, 2)
        self._grid.setRowStretch(len(rows) + 1, 1)

    def scroll_to_top(self) -> None:
        self.verticalScrollBar().setValue(0)

    def set_placeholder(self, text: str) -> None:
        """What an empty card says."""
        self._placeholder = text

    def value_label(self, key: str) -> ValueLabel | None:
        return self._values.get(key)

    def highlighted_keys(self) -> set[str]:
        return set(self._marked)

    def text(self) -> str:
        """The card as "Label: value" lines (for copying, tests); an empty card: its placeholder."""
        if not self._values:
            return self._placeholder
        lines = []
        for line in range(self._grid.rowCount()):
            name = self._grid.itemAtPosition(line, 0)
            value = self._grid.itemAtPosition(line, 1)
            if name is not None and value is not None:
                left, right = name.widget(), value.widget()
                if isinstance(left, QLabel) and isinstance(right, ValueLabel):
                    lines.append(f"{left.text()}: {right.value}")
        return "\n".join(lines)

    def _clear(self) -> None:
        self._values.clear()
        self._marked.clear()
        while self._grid.count():
            item = self._grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()  # deleted later, but must not show meanwhile
                widget.deleteLater()
        for line in range(self._grid.rowCount()):
            self._grid.setRowStretch(line, 0)


def capitalized(words: str) -> str:
    """A cell, a badge or a filter item starts with a capital; `wording` keeps words in lower
    case, as they stand inside the CLI's lines."""
    return words[:1].upper() + words[1:]
