"""A focus frame around the queue's current row, one can see on any screen and in any style.

The manager walks the queue with the arrow keys and selects several rows with Shift or Ctrl
for a batch action; the row the review panel shows is the *current* one, which a selection
colour alone does not tell apart. Qt's own focus rectangle is a dotted line around one cell
that some styles hardly draw (Fusion, the offscreen platform of the screenshots), so the
table gets its own: a frame (a `QFrame` with a solid border in a darker shade of the
palette's highlight, transparent to the mouse) laid over the whole current row and moved
with it — when the current row changes, the table scrolls, a column is resized or the queue
is read again. No table method is overridden, so painting and scrolling cost what they did.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QTableView

FRAME_WIDTH = 2
FRAME_COLOR_ROLE = QPalette.ColorRole.Highlight
FRAME_DARKER = 170
"""How much darker than the selection the frame is, to stand out on a selected row."""


def frame_color(view: QTableView) -> str:
    color = view.palette().color(QPalette.ColorGroup.Active, FRAME_COLOR_ROLE)
    return color.darker(FRAME_DARKER).name()


def current_row_rect(view: QTableView) -> QRect | None:
    """The current row's visible cells in the viewport (None: no current row)."""
    current, model = view.currentIndex(), view.model()
    header = view.horizontalHeader()
    shown = [c for c in range(header.count()) if not header.isSectionHidden(c)]
    if not current.isValid() or model is None or not shown:
        return None
    first = view.visualRect(model.index(current.row(), min(shown, key=header.visualIndex)))
    last = view.visualRect(model.index(current.row(), max(shown, key=header.visualIndex)))
    return first.united(last)


def attach_focus_frame(view: QTableView) -> QFrame:
    """Lay the frame over `view` (its model set) and keep it on the current row."""
    frame = QFrame(view.viewport())
    frame.setObjectName("queueFocusFrame")
    frame.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
    frame.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    frame.setStyleSheet(
        f"QFrame#queueFocusFrame {{ border: {FRAME_WIDTH}px solid {frame_color(view)};"
        " background: transparent; }"
    )
    frame.hide()

    def follow(*_args: object) -> None:
        rect = current_row_rect(view)
        if rect is None or not rect.isValid():
            frame.hide()
            return
        frame.setGeometry(rect)
        frame.show()
        frame.raise_()

    view.selectionModel().currentChanged.connect(follow)
    view.verticalScrollBar().valueChanged.connect(follow)
    view.horizontalScrollBar().valueChanged.connect(follow)
    view.horizontalHeader().sectionResized.connect(follow)
    view.horizontalHeader().sectionMoved.connect(follow)
    model = view.model()
    for signal in (model.modelReset, model.layoutChanged, model.rowsInserted, model.rowsRemoved):
        signal.connect(follow)
    return frame
