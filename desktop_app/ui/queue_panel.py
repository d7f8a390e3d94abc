"""The left side of the window: the search box, the state filter with counts, the queue.

Typing in the search box does not query at every key: a single-shot timer restarts with
each key and applies the search when the manager pauses (`SEARCH_DELAY_MS`), because a
search is a scan of the orders table. The state filter shows how many orders each state
holds among those the search finds. The panel announces the order the manager moved to
(`current_changed`) and can move on by itself after a decision (`advance_from`); when a
filter or a search hides the order on screen, the next one it shows opens (or none), so the
review panel never shows an order the queue hides. The number columns are as wide as the
longest value in the whole queue (`fit_columns`), and several rows can be selected for a
batch action (`selected_rows`, `add_selection_action`).
"""

from __future__ import annotations

from PySide6.QtCore import (
    QCoreApplication,
    QItemSelectionModel,
    QModelIndex,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.store.queue_repository import QueueRepository, QueueRow
from desktop_app.store.review_state import ReviewState
from desktop_app.ui import queue_model as qm
from desktop_app.ui.queue_focus import FRAME_WIDTH, attach_focus_frame
from desktop_app.ui.unread_words import unread_word

translate = QCoreApplication.translate

FROM_ONEC = "from-onec"
"""The state filter's entry for the orders known from 1C alone (not a review state)."""
UNREAD = "unread"
"""The state filter's entry for the documents put aside, shown «не прочитан»."""
REGISTRY = "registry-problems"
"""The state filter's entry for the orders whose buyer the registry says is gone or unreliable."""
SEARCH_DELAY_MS = 300
COLUMN_WIDTHS = {
    qm.COL_STATE: 84, qm.COL_DATE: 78, qm.COL_NUMBER: 40, qm.COL_BUYER: 100,
    qm.COL_INN: 100, qm.COL_TOTAL: 84, qm.COL_CHECKS: 36, qm.COL_DECISION: 160,
    qm.COL_REGISTRY: 50,
}  # fmt: skip
SHOWN_ORDER = (
    qm.COL_CHECKS, qm.COL_REGISTRY, qm.COL_NUMBER, qm.COL_DATE, qm.COL_BUYER, qm.COL_TOTAL,
    qm.COL_STATE, qm.COL_DECISION, qm.COL_INN,
)  # fmt: skip
"""Left to right on screen (the model's columns keep their numbers): the marks, the number,
the date, the buyer and the sum first, so that a queue 440 px wide (a 1366×768 screen) shows
them whole; the state, the decision and the ИНН (also in the review panel) follow."""


class QueuePanel(QWidget):
    current_changed = Signal(object)
    """The `QueueRow` the manager is on, or None."""

    def __init__(
        self,
        repository: QueueRepository,
        annotations: qm.QueueAnnotations,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._repository = repository
        self.model = qm.QueueModel(repository, annotations, self)
        self.search_box = QLineEdit(self)
        self.search_box.setPlaceholderText(translate("QueuePanel", "Поиск: номер, покупатель, ИНН"))
        self.search_box.setClearButtonEnabled(True)
        self.state_filter = QComboBox(self)
        self.state_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.summary = QLabel(self)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.view = QTableView(self)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._build()
        self.reload_counts()
        self._timer.timeout.connect(self._apply_filter)
        self.search_box.textEdited.connect(self._search_edited)
        self.search_box.returnPressed.connect(self._apply_filter)
        self.state_filter.activated.connect(self._apply_filter)
        self.view.selectionModel().currentRowChanged.connect(self._row_changed)
        self.model.modelReset.connect(self._show_summary)
        self._show_summary()
        self.fit_columns()
        QShortcut(QKeySequence.StandardKey.Find, self, self._focus_search)

    def _build(self) -> None:
        filters = QHBoxLayout()
        filters.addWidget(self.search_box, 1)
        filters.addWidget(self.state_filter)
        view = self.view
        view.setModel(self.model)
        self.focus_frame = attach_focus_frame(view)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)  # batch actions
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        view.setAlternatingRowColors(True)
        view.setWordWrap(False)
        view.setTextElideMode(Qt.TextElideMode.ElideRight)
        view.verticalHeader().hide()
        rows = view.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(view.fontMetrics().height() + 8)
        header = view.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        for column, width in COLUMN_WIDTHS.items():
            header.resizeSection(column, width)
        for place, column in enumerate(SHOWN_ORDER):
            header.moveSection(header.visualIndex(column), place)
        header.setSortIndicator(qm.COL_DATE, Qt.SortOrder.DescendingOrder)
        view.setSortingEnabled(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(filters)
        layout.addWidget(view, 1)
        layout.addWidget(self.summary)

    @Slot()
    def fit_columns(self) -> None:
        """Widen the number columns (date, number, ИНН, total) to their longest value in the
        whole queue, so that none is ever cut, and every column to its title (English titles are
        longer); they never narrow below what they are. Done
        when the queue is read again for new data (`refresh`), not for a new filter."""
        view, header = self.view, self.view.horizontalHeader()
        style = view.style()
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
        slack = 2 * margin + 2 * FRAME_WIDTH + 6
        plain_slack = 2 * style.pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header) + 4
        sort_mark = style.pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize, None, header)
        widest = self.model.widest_texts()
        for column in range(self.model.columnCount()):  # every title whole, in any language
            text = widest.get(column, "")
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal) or "")
            title_slack = plain_slack + (sort_mark if text else 0)  # the marks do not sort
            needed = max(
                view.fontMetrics().horizontalAdvance(text) + slack,
                header.fontMetrics().horizontalAdvance(title) + title_slack,
            )
            if header.sectionSize(column) < needed:
                header.resizeSection(column, needed)

    # --- filters ---------------------------------------------------------------------------

    def reload_counts(self) -> None:
        """Refill the state filter with the number of orders in each state that the search
        (if any) finds: the counts say what choosing a state would show."""
        search = self.model.search or None
        counts = self._repository.state_counts(search)
        chosen = self.model.state
        self.state_filter.blockSignals(True)
        self.state_filter.clear()
        self.state_filter.addItem(
            translate("QueuePanel", "Все ({0})").format(sum(counts.values())), None
        )
        for state in ReviewState:
            self.state_filter.addItem(f"{qm.state_word(state)} ({counts[state]})", state.value)
        from_onec = self._repository.count(search=search, from_onec=True)
        if from_onec or self.model.from_onec:
            self.state_filter.addItem(f"{qm.from_onec_word()} ({from_onec})", FROM_ONEC)
        unread = self._repository.unread_count(search)
        if unread or self.model.unread_only:
            self.state_filter.addItem(f"{unread_word()} ({unread})", UNREAD)
        problems = self._repository.count(search=search, registry_problems=True)
        if problems or self.model.registry_problems:
            words = translate("QueuePanel", "Проблемы в реестре ({0})").format(problems)
            self.state_filter.addItem(words, REGISTRY)
        chosen_data = FROM_ONEC if self.model.from_onec else (chosen.value if chosen else None)
        chosen_data = UNREAD if self.model.unread_only else chosen_data
        chosen_data = REGISTRY if self.model.registry_problems else chosen_data
        self.state_filter.setCurrentIndex(max(0, self.state_filter.findData(chosen_data)))
        self.state_filter.blockSignals(False)

    def set_filter(self, state: ReviewState | None, search: str) -> None:
        """Show this filter (used to restore the last session's filter)."""
        self.search_box.setText(search)
        self.state_filter.setCurrentIndex(
            max(0, self.state_filter.findData(state.value if state else None))
        )
        self._apply_filter()

    @Slot(str)
    def _search_edited(self, _text: str) -> None:
        self._timer.start()

    @Slot()
    def _apply_filter(self) -> None:
        self._timer.stop()
        data = self.state_filter.currentData()
        state = ReviewState(data) if data and data not in (FROM_ONEC, UNREAD, REGISTRY) else None
        current = self.current_row()
        near = max(self.view.currentIndex().row(), 0)
        searched = self.model.search
        self.model.set_filter(
            state, self.search_box.text(), from_onec=data == FROM_ONEC,
            unread_only=data == UNREAD, registry_problems=data == REGISTRY,
        )  # fmt: skip
        if self.model.search != searched:
            self.reload_counts()  # the counts follow the search
        self._reselect(current, near)

    @Slot()
    def _focus_search(self) -> None:
        self.search_box.setFocus()
        self.search_box.selectAll()

    @Slot()
    def _show_summary(self) -> None:
        unread = self.model.unread_rows
        rows = self.model.rowCount() - unread
        text = (
            translate("QueuePanel", "Заказов: {0}").format(rows)
            if rows
            else translate("QueuePanel", "Нет заказов")
        )
        if unread:
            text += translate("QueuePanel", "; не прочитано документов: {0}").format(unread)
        self.summary.setText(text)

    # --- the current order -----------------------------------------------------------------

    def current_row(self) -> QueueRow | None:
        index = self.view.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def selected_rows(self) -> list[QueueRow]:
        """The rows selected (Shift, Ctrl) for a batch action, top to bottom."""
        numbers = sorted(index.row() for index in self.view.selectionModel().selectedRows())
        found = (self.model.row_at(number) for number in numbers)
        return [row for row in found if row is not None]

    def add_selection_action(self, action: QAction) -> None:
        """An action on the selected rows, in the table's context menu (its shortcut works
        while the table has the focus; the window puts it in a menu too)."""
        self.view.addAction(action)

    def select_row(self, row: int) -> None:
        if not 0 <= row < self.model.rowCount():
            self.view.clearSelection()
            self.view.setCurrentIndex(QModelIndex())
            self.current_changed.emit(None)
            return
        index = self.model.index(row, qm.COL_BUYER)
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        across = self.view.horizontalScrollBar()
        kept = across.value()  # up and down only: the marks and the number stay in sight
        self.view.selectionModel().setCurrentIndex(index, flags)
        self.view.scrollTo(index)
        across.setValue(kept)

    def select(self, portal_id: str, near: int = 0) -> bool:
        """Move to the order if the queue shows it; False when it does not."""
        row = self.model.row_of(portal_id, near)
        if row is None:
            return False
        self.select_row(row)
        return True

    def refresh(self) -> None:
        """Read the queue and the counts again, staying on the same order when it is there
        (on the first order when none was open)."""
        current = self.current_row()
        near = self.view.currentIndex().row()
        self.model.refresh()
        self.reload_counts()
        self.fit_columns()  # orders came or went: the longest number may have changed
        if current is None:
            self.select_row(0)  # the first order opens once there are orders
        else:
            self._reselect(current, max(near, 0))

    def _reselect(self, current: QueueRow | None, near: int) -> None:
        """After the queue was read again: stay on `current` if the queue still shows it,
        else open the row now where it was (the next one), or nothing — the review panel
        never keeps an order the filter hides."""
        if current is None:
            return  # nothing was open: nothing to hide
        if not self.select(current.portal_id, near):
            self.select_row(min(near, self.model.rowCount() - 1))

    def advance_from(self, portal_id: str) -> None:
        """After a decision on `portal_id`: refresh and open the next order of the queue."""
        near = self.view.currentIndex().row()
        near = max(near, 0)
        self.model.refresh()
        self.reload_counts()
        still = self.model.row_at(near)
        if still is not None and still.portal_id == portal_id:
            near += 1
        self.select_row(min(near, self.model.rowCount() - 1))

    @Slot(QModelIndex, QModelIndex)
    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.current_changed.emit(self.model.row_at(current.row()) if current.isValid() else None)
