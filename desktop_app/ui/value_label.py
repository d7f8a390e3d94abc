"""A card's value: the whole text, wrapped to the width it is given, copied exactly.

A `QLabel` wraps only between words, so one long run without a space (an e-mail, a portal
`Ид` such as `1417#snab@vektor-plus.ru#Кузнецова`, an account glued to its bank's code)
makes the label as wide as the run, and the card in a 450 px column scrolls sideways. Such
a run gets an invisible break opportunity (U+200B) every `RUN` characters for showing;
copying — the selection with Ctrl+C or the context menu — gives the text without them, as
the portal or 1C sent it.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QContextMenuEvent, QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMenu, QWidget

translate = QCoreApplication.translate
BREAK = "\u200b"
RUN = 20
"""A run longer than this many characters without a space may break after each such stretch."""
_LONG_RUN = re.compile(rf"\S{{{RUN + 1},}}")
_STRETCH = re.compile(rf"\S{{{RUN}}}(?=\S)")


def breakable(text: str) -> str:
    """`text` with a break opportunity inside each run too long to fit a narrow column."""
    return _LONG_RUN.sub(lambda run: _STRETCH.sub(lambda s: s.group() + BREAK, run.group()), text)


class ValueLabel(QLabel):
    def __init__(self, value: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.value = value
        """The text exactly, without the breaks added for showing it."""
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setText(breakable(value))
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    def copied(self) -> str:
        """What a copy gives: the selection, or the whole value when nothing is selected."""
        chosen = self.selectedText() if self.hasSelectedText() else self.value
        return chosen.replace(BREAK, "")

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Copy):
            QGuiApplication.clipboard().setText(self.copied())
            event.accept()
            return
        super().keyPressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = QMenu(self)
        menu.addAction(
            translate("CardView", "Копировать значение"),
            lambda: QGuiApplication.clipboard().setText(self.value),
        )
        if self.hasSelectedText():
            menu.addAction(
                translate("CardView", "Копировать выделенное"),
                lambda: QGuiApplication.clipboard().setText(self.copied()),
            )
        menu.exec(event.globalPos())
