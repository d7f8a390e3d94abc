"""Splitters the window remembers: each has a name (its key in the saved layout)."""

from __future__ import annotations

from PySide6.QtCore import Qt
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
