"""Splitters the window remembers: each has a name (its key in the saved layout)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QSplitter, QWidget


def named_splitter(
    name: str,
    orientation: Qt.Orientation,
    parent: QWidget,
    widgets: list[QWidget],
    sizes: list[int] | None = None,
) -> QSplitter:
    """A splitter holding `widgets` whose panes never collapse to nothing."""
    splitter = QSplitter(orientation, parent)
    splitter.setObjectName(name)
    splitter.setChildrenCollapsible(False)
    for widget in widgets:
        splitter.addWidget(widget)
    if sizes:
        splitter.setSizes(sizes)
    return splitter


class WeightedGrowth(QObject):
    """Give a splitter's change of width to its panes by `weights`, not in proportion.

    QSplitter, once its sizes are set (by hand or restored), resizes its panes in proportion
    to their sizes, whatever the stretch factors say: a wider window then widens the queue as
    much as the data. With this, a queue of weight 1 beside a review of weight 4 gets a fifth
    of the extra width, and gives a fifth back when the window narrows (issue 16, point 6).
    """

    def __init__(self, splitter: QSplitter, weights: list[int]) -> None:
        super().__init__(splitter)
        self.splitter = splitter
        self.weights = weights
        splitter.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Qt may call the filter while the Python side of this object is still being built
        # or already torn down (a resize during a window's teardown): then it has no splitter.
        splitter: QSplitter | None = getattr(self, "splitter", None)
        if splitter is None or watched is not splitter or event.type() != QEvent.Type.Resize:
            return False
        assert isinstance(event, QResizeEvent)
        horizontal = splitter.orientation() == Qt.Orientation.Horizontal
        old, new = event.oldSize(), event.size()
        change = new.width() - old.width() if horizontal else new.height() - old.height()
        sizes = splitter.sizes()
        if old.isValid() and change and sum(sizes) > 0 and len(sizes) == len(self.weights):
            splitter.setSizes(shared(sizes, self.weights, change))
        return False


def shared(sizes: list[int], weights: list[int], change: int) -> list[int]:
    """`sizes` with `change` given out by `weights` (the last pane takes the rounding)."""
    total = sum(weights) or 1
    parts = [change * weight // total for weight in weights]
    parts[-1] = change - sum(parts[:-1])
    return [max(1, size + part) for size, part in zip(sizes, parts, strict=True)]
