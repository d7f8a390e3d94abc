"""A table cell that shows its whole text, wrapped to the column's width, never elided.

Qt's own delegate wraps only at word boundaries and elides what still does not fit: a long
e-mail, an account with its bank's code glued on, or a path like
`Представитель/Контрагент/ПолноеНаименование` ends in «…» in a narrow column, and the
manager cannot read what the portal sent. This delegate lays the text out with
`WrapAtWordBoundaryOrAnywhere` (at a word boundary when there is one, else anywhere) and
says the height that takes, so the row grows instead of the text being cut. Painting the
cell's background, selection and focus is left to the style.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QSize, Qt
from PySide6.QtGui import QFont, QPainter, QPalette, QTextLayout, QTextOption
from PySide6.QtWidgets import (
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
)

AnyIndex = QModelIndex | QPersistentModelIndex
MARGIN = 4
"""Pixels between the text and the cell's edge, left and right."""
LINE_BREAK = "\u2028"
"""QTextLayout breaks a line at U+2028, not at "\\n"."""


def laid_out(text: str, font: QFont, width: int) -> tuple[QTextLayout, float]:
    """`text` in lines of at most `width` pixels, and the height of them all."""
    layout = QTextLayout(text.replace("\r\n", "\n").replace("\n", LINE_BREAK), font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    layout.beginLayout()
    height = 0.0
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(max(width, 1))
        line.setPosition(QPointF(0, height))
        height += line.height()
    layout.endLayout()
    return layout, height


class WrappingDelegate(QStyledItemDelegate):
    def __init__(self, view: QTableView) -> None:
        super().__init__(view)
        self._view = view

    def text_width(self, index: AnyIndex) -> int:
        """The room the text of `index` has: its columns (a span included) less the margins."""
        view, row, column = self._view, index.row(), index.column()
        span = max(view.columnSpan(row, column), 1)
        width = sum(view.columnWidth(c) for c in range(column, column + span))
        return width - 2 * MARGIN - 2

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        shown = QStyleOptionViewItem(option)
        self.initStyleOption(shown, index)
        width = self.text_width(index)
        _, height = laid_out(shown.text, shown.font, width)
        lines = max(height, float(shown.fontMetrics.height()))
        return QSize(width + 2 * MARGIN, int(lines + 0.999) + 2 * MARGIN)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        shown = QStyleOptionViewItem(option)
        self.initStyleOption(shown, index)
        text, shown.text = shown.text, ""
        widget = shown.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, shown, painter, widget)
        area = shown.rect.adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN)
        layout, _ = laid_out(text, shown.font, area.width())
        selected = bool(shown.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.save()
        painter.setClipRect(shown.rect)
        painter.setPen(shown.palette.color(role))
        layout.draw(painter, QPointF(area.topLeft()))
        painter.restore()


def wrap_cells(view: QTableView) -> WrappingDelegate:
    """Let `view` show every cell whole: wrapped text, rows as tall as it needs, no elision."""
    delegate = WrappingDelegate(view)
    view.setItemDelegate(delegate)
    view.setWordWrap(True)
    view.setTextElideMode(Qt.TextElideMode.ElideNone)
    view.setVerticalScrollMode(QTableView.ScrollMode.ScrollPerPixel)
    view.setHorizontalScrollMode(QTableView.ScrollMode.ScrollPerPixel)
    view.horizontalHeader().sectionResized.connect(view.resizeRowsToContents)
    return delegate
