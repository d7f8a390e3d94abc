"""The portal's raw counterparty fields, grouped, wrapped to the column, and copyable.

This is what the manager checks a new legal entity against, so every value is read whole
in a column of 450 px (rows grow, nothing is elided, no horizontal scrolling), the legal and
the actual address sit under their own titles, and a value or its exact XML path can be
copied — from the context menu or with Ctrl+C on the selected row (a title row copies its
group as "path: value" lines). The model is `RawFieldsModel`; cells are drawn by
`WrappingDelegate`.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, Slot
from PySide6.QtGui import QAction, QGuiApplication, QKeyEvent, QKeySequence, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from desktop_app.ui.raw_fields_model import COL_PATH, RawFieldsModel
from desktop_app.ui.wrapping_delegate import wrap_cells

translate = QCoreApplication.translate
PATH_WIDTH = 170
"""The path column's widest: `АдресноеПоле[3]/Значение` on one line."""
PATH_SHARE = 0.4
"""Of a narrower view the path column takes this share, and the value the rest."""


class RawFieldsView(QTableView):
    def __init__(self, model: RawFieldsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("portalRawFields")
        self.raw_model = model
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setShowGrid(False)
        self.verticalHeader().hide()
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header = self.horizontalHeader()
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        header.setMinimumSectionSize(60)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.resizeSection(COL_PATH, PATH_WIDTH)
        self._path_width_chosen = False
        self._fitting = False
        """The manager dragged the path column: its width is theirs from then on."""
        header.sectionResized.connect(self._path_resized)
        wrap_cells(self)
        model.modelReset.connect(self._laid_out)
        self.copy_value = self._action(
            translate("RawFields", "Копировать значение"), self._copy_value
        )
        self.copy_value.setShortcut(QKeySequence(QKeySequence.StandardKey.Copy))
        self.copy_value.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.copy_path = self._action(translate("RawFields", "Копировать путь"), self._copy_path)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.selectionModel().currentRowChanged.connect(self._current_changed)

    def _action(self, text: str, slot: Callable[[], None]) -> QAction:
        action = QAction(text, self)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    @Slot()
    def _laid_out(self) -> None:
        """Titles span both columns; rows take the height their text needs."""
        self.clearSpans()
        for row in range(self.raw_model.rowCount()):
            if self.raw_model.is_title(row):
                self.setSpan(row, 0, 1, 2)
        self.resizeRowsToContents()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if not self._path_width_chosen:
            self._fitting = True
            width = min(PATH_WIDTH, int(self.viewport().width() * PATH_SHARE))
            self.horizontalHeader().resizeSection(COL_PATH, max(width, 60))
            self._fitting = False

    @Slot(int, int, int)
    def _path_resized(self, section: int, _old: int, _new: int) -> None:
        if section == COL_PATH and not self._fitting and self.isVisible():
            self._path_width_chosen = True

    @Slot(QModelIndex, QModelIndex)
    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        """A title row has a group to copy, but no path of its own."""
        self.copy_path.setEnabled(self.raw_model.field_at(current.row()) is not None)

    def current_row(self) -> int | None:
        index = self.currentIndex()
        return index.row() if index.isValid() else None

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Copy):
            self._copy_value()
            event.accept()
            return
        super().keyPressEvent(event)

    @Slot()
    def _copy_value(self) -> None:
        row = self.current_row()
        if row is None:
            return
        field = self.raw_model.field_at(row)
        if field is not None:
            self._put(field.value)
        else:
            self._put("\n".join(f"{f.path}: {f.value}" for f in self.raw_model.group_of(row)))

    @Slot()
    def _copy_path(self) -> None:
        row = self.current_row()
        field = self.raw_model.field_at(row) if row is not None else None
        if field is not None:
            self._put(field.path)

    def _put(self, text: str) -> None:
        QGuiApplication.clipboard().setText(text)
