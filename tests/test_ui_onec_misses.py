"""In the window: orders 1C's own exchange took before the app (the demo's 1C takes the
newest orders of new buyers first) join the queue after the window's own fetch and read of
1C, say «Есть в 1С, не получен с портала», and are reviewed from 1C's data."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from test_ui_decisions import settle

from desktop_app.ui import queue_model as qm
from desktop_app.ui.demo import DemoEnvironment
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.queue_panel import FROM_ONEC


@pytest.fixture
def raced_demo(tmp_path: Path) -> Iterator[DemoEnvironment]:
    """The demo as it starts for a manager: 1C's exchange took the newest orders first."""
    environment = DemoEnvironment(orders=40, fetch_every=0, keep=tmp_path / "demo-data")
    environment.start()
    yield environment
    environment.stop()


@pytest.fixture
def raced_window(qtbot: Any, raced_demo: DemoEnvironment, tmp_path: Path) -> Iterator[MainWindow]:
    from conftest import shown_window

    assert raced_demo.workspace is not None
    yield from shown_window(qtbot, raced_demo.workspace, tmp_path)


def from_onec_rows(window: MainWindow) -> list[int]:
    model = window.queue.model
    return [r for r in range(model.rowCount()) if (row := model.row_at(r)) and row.from_onec]


def test_the_window_lists_what_1c_took_first_and_shows_why_the_portal_data_is_missing(
    qtbot: QtBot, raced_demo: DemoEnvironment, raced_window: MainWindow
) -> None:
    demo, window = raced_demo, raced_window
    taken = set(demo.portal.written_back_ids())
    assert taken, "the demo's 1C takes the newest orders first"

    window.start(fetch_now=True, refresh_now=True)
    settle(window, qtbot)
    qtbot.waitUntil(lambda: bool(from_onec_rows(window)), timeout=20_000)
    settle(window, qtbot)

    model = window.queue.model
    rows = from_onec_rows(window)
    for row in rows:
        shown = model.row_at(row)
        assert shown is not None and (shown.number or shown.portal_id) in taken
        state = model.data(model.index(row, qm.COL_STATE))
        assert state == "Есть в 1С, не получен с портала"
        hint = model.data(model.index(row, qm.COL_STATE), Qt.ItemDataRole.ToolTipRole)
        assert "раньше, чем программа его получила" in hint

    chosen = model.row_at(rows[0])
    assert chosen is not None
    assert window.queue.select(chosen.portal_id)
    assert window.review.heading.text().endswith("· Есть в 1С, не получен с портала")
    portal = window.review.portal
    assert portal.absent.isVisible()
    assert "Исходные данные портала недоступны" in portal.absent.text()
    assert "нет данных (заказ получен из 1С)" in portal.raw_caption.text()
    assert window.review.onec_order_line.isVisible()  # what the 1C order holds, read with it
    assert "контрагент не указан" in window.review.onec_order_line.text()

    combo = window.queue.state_filter
    entry = combo.findData(FROM_ONEC)
    assert entry >= 0 and f"({len(rows)})" in combo.itemText(entry)
    combo.setCurrentIndex(entry)
    combo.activated.emit(entry)
    assert model.rowCount() == len(rows)
    assert all(model.row_at(r).from_onec for r in range(model.rowCount()))  # type: ignore[union-attr]


def test_no_invoice_is_made_of_an_order_known_from_1c_alone(
    qtbot: QtBot, raced_window: MainWindow
) -> None:
    window = raced_window
    window.start(fetch_now=True, refresh_now=True)
    settle(window, qtbot)
    qtbot.waitUntil(lambda: bool(from_onec_rows(window)), timeout=20_000)
    settle(window, qtbot)
    chosen = window.queue.model.row_at(from_onec_rows(window)[0])
    assert chosen is not None and window.queue.select(chosen.portal_id)

    window.export.invoice_action.trigger()

    box = window.message
    assert box is not None
    assert box.isVisible() and "известен только из 1С" in box.text()
    assert window.export.dialog is None or not window.export.dialog.isVisible()
    box.close()
