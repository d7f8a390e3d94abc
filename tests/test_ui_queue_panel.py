"""The queue panel: numbers sort and show whole, counts follow the search, no hidden order
stays open, and the current row wears a frame one can see."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QStyle
from pytestqt.qtbot import QtBot

from desktop_app.emulators.world import World
from desktop_app.store.incoming import IncomingOrder
from desktop_app.store.order_repository import OrderRepository
from desktop_app.store.queue_repository import QueueRepository, QueueRow
from desktop_app.store.review_state import ReviewState
from desktop_app.ui import queue_model as qm
from desktop_app.ui.demo import DemoEnvironment
from desktop_app.ui.main_window import QUEUE_SHARE, QUEUE_WIDTHS, MainWindow
from desktop_app.ui.queue_focus import frame_color

NUMBER_COLUMNS = (qm.COL_DATE, qm.COL_NUMBER, qm.COL_INN, qm.COL_TOTAL)


def rows(model: qm.QueueModel) -> list[QueueRow]:
    found = [model.row_at(n) for n in range(model.rowCount())]
    assert all(row is not None for row in found)
    return found  # type: ignore[return-value]


def test_order_numbers_sort_as_numbers(filled_demo: DemoEnvironment, window: MainWindow) -> None:
    model = window.queue.model
    model.sort(qm.COL_NUMBER, Qt.SortOrder.AscendingOrder)
    numbers = [int(row.number or 0) for row in rows(model)]
    assert numbers == sorted(numbers) and numbers.index(9) < numbers.index(10)
    model.sort(qm.COL_NUMBER, Qt.SortOrder.DescendingOrder)
    numbers = [int(row.number or 0) for row in rows(model)]
    assert numbers == sorted(numbers, reverse=True)
    model.sort(qm.COL_TOTAL, Qt.SortOrder.DescendingOrder)
    totals = [row.total for row in rows(model) if row.total is not None]
    assert totals == sorted(totals, reverse=True)


def fits(window: MainWindow) -> None:
    """Every value of the number columns is shown whole (nothing elided)."""
    view, model = window.queue.view, window.queue.model
    margin = view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
    for column in NUMBER_COLUMNS:
        width = view.horizontalHeader().sectionSize(column)
        for row in range(model.rowCount()):
            text = model.data(model.index(row, column))
            assert view.fontMetrics().horizontalAdvance(text) + 2 * margin <= width, text


def test_numbers_are_never_cut(filled_demo: DemoEnvironment, window: MainWindow) -> None:
    fits(window)
    assert filled_demo.workspace is not None
    order = World.generate(seed=1).order(3)
    order = dataclasses.replace(
        order, id="wide-1", number="ЗК-00001234567", total=Decimal("-123456789.99")
    )  # a long number and a refund of a big order, far down the queue
    repository = OrderRepository(filled_demo.workspace.database)
    fetch = repository.start_fetch("https://b2b.example.ru/x.php", "peek")
    repository.store_batch(fetch, [IncomingOrder(order, 1, None, None)])
    window.queue.refresh()
    window.queue.model.sort(qm.COL_TOTAL, Qt.SortOrder.AscendingOrder)
    fits(window)


def counts(window: MainWindow) -> dict[object, str]:
    combo = window.queue.state_filter
    return {combo.itemData(n): combo.itemText(n) for n in range(combo.count())}


def search(window: MainWindow, text: str) -> None:
    window.queue.search_box.setText(text)
    window.queue.search_box.returnPressed.emit()


def test_the_state_counts_follow_the_search(
    filled_demo: DemoEnvironment, window: MainWindow
) -> None:
    assert filled_demo.workspace is not None
    queue = QueueRepository(filled_demo.workspace.database)
    assert counts(window)[None] == "Все (40)"
    sample = next(row for row in queue.queue(limit=100) if row.buyer_inn)
    search(window, sample.buyer_inn or "")
    found = queue.count(search=sample.buyer_inn)
    assert 0 < found < 40
    shown = counts(window)
    assert shown[None] == f"Все ({found})"
    for state in ReviewState:
        assert shown[state.value].endswith(f"({queue.count(state, sample.buyer_inn)})")
    search(window, "")
    assert counts(window)[None] == "Все (40)"


def test_the_review_never_shows_an_order_the_filter_hides(
    qtbot: QtBot, filled_demo: DemoEnvironment, window: MainWindow
) -> None:
    panel, review = window.queue, window.review
    panel.select_row(3)
    hidden = review.order
    assert hidden is not None and hidden.buyer is not None
    other = next(
        row for row in rows(panel.model) if row.buyer_inn and row.buyer_inn != hidden.buyer.inn
    )
    search(window, other.buyer_inn or "")
    assert review.order is not None and review.order.id != hidden.id
    assert review.order.id in {row.portal_id for row in rows(panel.model)}  # the next visible
    assert panel.current_row() is not None and panel.current_row().portal_id == review.order.id  # type: ignore[union-attr]
    search(window, "нет-такого-заказа")
    assert panel.model.rowCount() == 0
    assert review.order is None and review.stack.currentIndex() == 0  # nothing
    search(window, "")
    panel.select_row(0)
    shown = review.order
    assert shown is not None
    panel.state_filter.setCurrentIndex(panel.state_filter.findData(ReviewState.REJECTED.value))
    panel.state_filter.activated.emit(panel.state_filter.currentIndex())
    assert review.order is None  # no rejected orders: nothing, not the hidden one


def test_the_current_row_wears_a_visible_frame(
    qtbot: QtBot, filled_demo: DemoEnvironment, window: MainWindow
) -> None:
    view = window.queue.view
    window.queue.select_row(2)
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    image = view.viewport().grab().toImage()
    frame = QColor(frame_color(view))

    def framed(row: int) -> bool:
        rect = view.visualRect(window.queue.model.index(row, qm.COL_NUMBER))  # in sight
        ratio = image.devicePixelRatio()
        y = int(rect.top() * ratio)
        xs = range(int(rect.left() * ratio) + 2, int(rect.right() * ratio) - 2)
        return all(QColor(image.pixel(x, y)).rgb() == frame.rgb() for x in xs)

    assert framed(2)
    assert not framed(1) and not framed(3)


def test_at_1366_the_marks_number_date_buyer_and_sum_are_in_sight(
    qtbot: QtBot, filled_demo: DemoEnvironment, window: MainWindow
) -> None:
    """The queue is about 440 px wide on a 1366×768 laptop: what a manager scans first is
    on screen, whole, even after choosing an order far down (no sideways scroll)."""
    window.resize(1366, 768)  # the fixture's screen is smaller: the laptop's, once shown
    qtbot.waitUntil(lambda: window.splitter.width() > 1300)
    low, high = QUEUE_WIDTHS  # the queue's share of a first start on a 1366-wide screen
    queue = min(max(int(1366 * QUEUE_SHARE), low), high)
    window.splitter.setSizes([queue, window.splitter.width() - queue])
    view, header = window.queue.view, window.queue.view.horizontalHeader()
    qtbot.waitUntil(lambda: view.viewport().width() > 400)
    window.queue.select_row(window.queue.model.rowCount() - 1)
    assert view.horizontalScrollBar().value() == 0
    first = (qm.COL_CHECKS, qm.COL_REGISTRY, qm.COL_NUMBER, qm.COL_DATE, qm.COL_BUYER)
    for place, column in enumerate((*first, qm.COL_TOTAL)):
        assert header.visualIndex(column) == place
        left = header.sectionViewportPosition(column)
        assert left >= 0 and left + header.sectionSize(column) <= view.viewport().width(), column
    across = view.horizontalScrollBar()  # scrolled right to read the decisions, the manager
    across.setValue(across.maximum())  # moves on: the queue stays where it was put
    assert across.value() > 0
    window.queue.select_row(0)
    assert across.value() == across.maximum()
