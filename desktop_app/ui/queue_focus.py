"""A focus frame around the queue's current row, visible in every style and on every screen.

The manager walks the queue with the arrow keys and selects several rows with Shift or Ctrl
for a batch action; the row the review panel shows is the *current* one, which a selection
colour alone does not tell apart. Qt's own focus rectangle is a dotted line some styles do
not draw at all (Fusion off a real screen, the offscreen platform of the screenshots), so the
delegate draws its own: a solid line in the palette's highlight colour around the whole
current row, thicker while the table has the keyboard focus.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QTableView

FRAME_WIDTH = 2
"""The frame's line while the table has the focus (1 px without it)."""
FRAME_COLOR_ROLE = QPalette.ColorRole.Highlight
FRAME_DARKER = 170
"""How much darker than the selection the frame is, to stand out on a selected row."""


class FocusFrameDelegate(QStyledItemDelegate):
    def __init__(self, view: QTableView) -> None:
        super().__init__(view)
        self._view = view
        view.selectionModel().currentRowChanged.connect(lambda *_: view.viewport().update())

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        option.state &= ~QStyle.StateFlag.State_HasFocus  # Qt's dotted rectangle: ours instead
        super().paint(painter, option, index)
        current = self._view.currentIndex()
        if not current.isValid() or current.row() != index.row():
            return
        focused = self._view.hasFocus()
        width = FRAME_WIDTH if focused else 1
        color = (
            self._view.palette()
            .color(
                QPalette.ColorGroup.Active if focused else QPalette.ColorGroup.Inactive,
                FRAME_COLOR_ROLE,
            )
            .darker(FRAME_DARKER)
        )
        rect = option.rect
        header = self._view.horizontalHeader()
        shown = [c for c in range(header.count()) if not header.isSectionHidden(c)]
        strips = [
            QRect(rect.left(), rect.top(), rect.width(), width),
            QRect(rect.left(), rect.bottom() - width + 1, rect.width(), width),
        ]
        if index.column() == min(shown, key=header.visualIndex):
            strips.append(QRect(rect.left(), rect.top(), width, rect.height()))
        if index.column() == max(shown, key=header.visualIndex):
            strips.append(QRect(rect.right() - width + 1, rect.top(), width, rect.height()))
        painter.save()
        for strip in strips:
            painter.fillRect(strip, color)
        painter.restore()
