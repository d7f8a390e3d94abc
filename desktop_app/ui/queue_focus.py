"""The queue's table, with a focus frame around the current row one can see on any screen.

The manager walks the queue with the arrow keys and selects several rows with Shift or Ctrl
for a batch action; the row the review panel shows is the *current* one, which a selection
colour alone does not tell apart. Qt's own focus rectangle is a dotted line around one cell
that some styles hardly draw (Fusion, the offscreen platform of the screenshots), so the
table draws its own over the cells: a solid line in a darker shade of the palette's
highlight around the whole current row, thicker while the table has the keyboard focus.
It is painted once per paint of the table, after the cells (not cell by cell in a Python
delegate), so scrolling a long queue costs what it did.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect
from PySide6.QtGui import QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QTableView, QWidget

FRAME_WIDTH = 2
"""The frame's line while the table has the focus (1 px without it)."""
FRAME_COLOR_ROLE = QPalette.ColorRole.Highlight
FRAME_DARKER = 170
"""How much darker than the selection the frame is, to stand out on a selected row."""


class QueueTable(QTableView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)

    def currentChanged(
        self,
        current: QModelIndex | QPersistentModelIndex,
        previous: QModelIndex | QPersistentModelIndex,
    ) -> None:
        super().currentChanged(current, previous)
        self.viewport().update()  # the frame leaves the old row for the new one

    def frame_rect(self) -> QRect | None:
        """Where the frame goes: around the current row's visible cells (None: no row)."""
        current = self.currentIndex()
        model = self.model()
        if not current.isValid() or model is None or model.columnCount() == 0:
            return None
        header = self.horizontalHeader()
        shown = [c for c in range(header.count()) if not header.isSectionHidden(c)]
        if not shown:
            return None
        first = self.visualRect(model.index(current.row(), min(shown, key=header.visualIndex)))
        last = self.visualRect(model.index(current.row(), max(shown, key=header.visualIndex)))
        return first.united(last)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        rect = self.frame_rect()
        if rect is None or not rect.intersects(event.rect()):
            return
        focused = self.hasFocus()
        width = FRAME_WIDTH if focused else 1
        group = QPalette.ColorGroup.Active if focused else QPalette.ColorGroup.Inactive
        color = self.palette().color(group, FRAME_COLOR_ROLE).darker(FRAME_DARKER)
        painter = QPainter(self.viewport())
        for strip in (
            QRect(rect.left(), rect.top(), rect.width(), width),
            QRect(rect.left(), rect.bottom() - width + 1, rect.width(), width),
            QRect(rect.left(), rect.top(), width, rect.height()),
            QRect(rect.right() - width + 1, rect.top(), width, rect.height()),
        ):
            painter.fillRect(strip, color)
        painter.end()
