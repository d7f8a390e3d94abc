"""The window fits its screen, and its status bar agrees with what the writes did (issue 16,
points 6 and 11): geometry within the available area, restored clipped, extra width to the
review; «на связи» and «нечего записывать» never while writes fail; the waits for a 1C
order counted apart; quitting with unwritten decisions asks, with the count."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from push_scene import carries
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QMessageBox, QStatusBar
from pytestqt.qtbot import QtBot

from desktop_app.domain.decisions import WriteState
from desktop_app.emulators.onec import Fault
from desktop_app.services.connection_check import Reachability
from desktop_app.services.decision_service import DecisionService
from desktop_app.store.decision_repository import DecisionRepository
from desktop_app.store.queue_repository import QueueRepository
from desktop_app.ui.demo import DemoEnvironment
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.status_bar import StatusBar, TaskProgress
from desktop_app.ui.ui_state import UiState, available_area
from desktop_app.ui.workers import Task

from conftest import destroy

WAIT = 60_000


def settle(window: MainWindow, qtbot: QtBot) -> None:
    qtbot.waitUntil(lambda: not window.runner.tasks, timeout=WAIT)


@pytest.fixture
def opened(qtbot: QtBot, demo: DemoEnvironment) -> Iterator[list[MainWindow]]:
    """Windows a test opens itself (at the size they choose), closed and deleted after."""
    windows: list[MainWindow] = []
    yield windows
    for window in windows:
        window.quit_confirmed = True
        window.close()
        qtbot.waitUntil(lambda w=window: not w.runner.tasks, timeout=WAIT)  # type: ignore[misc]
        destroy(window)


def new_window(demo: DemoEnvironment, state: Path, opened: list[MainWindow]) -> MainWindow:
    assert demo.workspace is not None
    window = MainWindow(demo.workspace, UiState(state))
    opened.append(window)
    return window


def test_the_first_window_fits_the_available_screen(
    demo: DemoEnvironment, tmp_path: Path, opened: list[MainWindow]
) -> None:
    window = new_window(demo, tmp_path / "first.ini", opened)
    window.show()
    area = available_area(window)
    assert area.contains(window.frameGeometry()), (window.frameGeometry(), area)
    hint = window.minimumSizeHint()  # it can be made to fit a 1366×768 laptop, status bar too
    assert hint.width() <= 1366 and hint.height() <= 768 - 40, hint


def test_a_remembered_geometry_comes_back_clipped_to_the_screen(
    demo: DemoEnvironment, tmp_path: Path, opened: list[MainWindow]
) -> None:
    first = new_window(demo, tmp_path / "saved.ini", opened)
    first.setGeometry(QRect(400, 300, 2400, 1500))  # saved on a big monitor
    first.close()
    again = new_window(demo, tmp_path / "saved.ini", opened)
    area = available_area(again)
    assert area.contains(again.frameGeometry()), (again.frameGeometry(), area)
    again.show()
    assert area.contains(again.frameGeometry()), (again.frameGeometry(), area)
    assert again.status.isVisibleTo(again)


def test_extra_width_goes_to_the_portal_and_1c_columns(
    qtbot: QtBot, filled_demo: DemoEnvironment, window: MainWindow
) -> None:
    window.start()
    settle(window, qtbot)
    assert window.review.order is not None
    window.resize(1366, 768)
    qtbot.waitUntil(lambda: sum(window.review.columns.sizes()) > 500)
    queue, review = window.splitter.sizes()
    portal, onec = window.review.columns.sizes()
    window.resize(1920, 1080)
    qtbot.waitUntil(lambda: sum(window.splitter.sizes()) > 1700)
    wider_queue, wider_review = window.splitter.sizes()
    assert wider_review - review >= 3 * (wider_queue - queue)
    wider_portal, wider_onec = window.review.columns.sizes()
    assert wider_portal > portal and wider_onec > onec  # both columns of data grow


def not_in_1c(window: MainWindow, demo: DemoEnvironment, *, imported: bool) -> str:
    """A legal entity's order whose counterparty 1C does not know; `imported`: its order is in
    1C already, else its 1C order is deleted first (the demo's 1C has every order)."""
    onec = demo.onec
    orders = onec.entities("Document_ЗаказКлиента")
    for row in QueueRepository(window.workspace.database).queue(limit=100):
        if row.buyer_kind != "legal" or not row.buyer_inn:
            continue
        if onec.entities("Catalog_Контрагенты", ИНН=row.buyer_inn):
            continue
        held = [order for order in orders if carries(onec, order, row.number)]
        if imported and not held:
            continue
        if not imported:
            for order in held:  # the manager's colleague has not loaded it into 1C yet
                onec.delete("Document_ЗаказКлиента", order["Ref_Key"])
        return row.portal_id
    raise AssertionError("the demo world has no such order")


def test_failing_writes_do_not_say_on_speaking_terms_or_nothing_to_write(
    qtbot: QtBot, filled_demo: DemoEnvironment, window: MainWindow
) -> None:
    window.start()
    settle(window, qtbot)
    assert window.status.states["onec"] is Reachability.OK
    assert "1С: на связи" in window.status.onec_label.text()
    portal_id = not_in_1c(window, filled_demo, imported=False)
    filled_demo.onec.inject(Fault("drop_after_write", method="POST", times=1000))
    DecisionService(window.workspace.database).create(portal_id)
    assert window.outbox.push() is not None
    settle(window, qtbot)
    row = DecisionRepository(window.workspace.database).current(portal_id)
    assert row is not None and row.write_state is not WriteState.WRITTEN
    status = window.status
    assert status.states["onec"] is Reachability.OK or "нет связи" in status.onec_label.text()
    assert "на связи" not in status.onec_label.text()
    assert "нечего записывать" not in status.currentMessage()
    assert status.currentMessage().startswith("Запись в 1С:")
    assert status.onec_label.toolTip(), "why, in the tooltip"
    assert "Ждут записи в 1С: 1" in status.writes_label.text()

    window.sync.probe_onec()  # 1C answers a probe: its writes still did not go
    settle(window, qtbot)
    assert "на связи" not in status.onec_label.text()

    filled_demo.onec.clear_faults()
    assert window.outbox.push() is not None
    settle(window, qtbot)
    assert "1С: на связи" in status.onec_label.text()  # a push went through: on terms again
    assert "Ждут записи в 1С: 0" in status.writes_label.text()


def test_decisions_waiting_for_the_1c_order_are_counted_apart(
    qtbot: QtBot, filled_demo: DemoEnvironment, window: MainWindow
) -> None:
    window.start()
    settle(window, qtbot)
    portal_id = not_in_1c(window, filled_demo, imported=False)
    DecisionService(window.workspace.database).create(portal_id)
    assert window.outbox.push() is not None
    settle(window, qtbot)
    row = DecisionRepository(window.workspace.database).current(portal_id)
    assert row is not None
    assert row.write_state is WriteState.WAITING, row.write_said
    status = window.status
    assert "Ждут записи в 1С: 0" in status.writes_label.text()  # nothing for the app to do
    assert status.order_wait_label.isVisibleTo(window)
    assert "Ждут заказ в 1С: 1" in status.order_wait_label.text()
    assert "1С: на связи" in status.onec_label.text()  # waiting is not failing


def test_quitting_with_unwritten_decisions_asks_with_the_count(
    qtbot: QtBot, filled_demo: DemoEnvironment, window: MainWindow
) -> None:
    window.start()
    settle(window, qtbot)
    filled_demo.onec.stop()  # decisions wait for 1C
    portal_id = not_in_1c(window, filled_demo, imported=False)
    DecisionService(window.workspace.database).create(portal_id)
    window.quit_confirmed = False
    assert not window.close()  # asked first
    box = window.message
    assert box is not None and box.isVisible()
    assert "ещё не записанные в 1С: 1" in box.text() and "при следующем запуске" in box.text()
    box.button(QMessageBox.StandardButton.No).click()
    assert window.isVisible()  # stays
    assert not window.close()
    assert window.message is not None and window.message is not box
    window.message.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: not window.isVisible())
    assert window.runner.idle


def test_quitting_with_nothing_unwritten_does_not_ask(window: MainWindow) -> None:
    window.quit_confirmed = False
    assert window.close()
    assert window.message is None


def test_one_message_area_a_message_replaces_the_task_words_and_never_covers_the_rest(
    qtbot: QtBot,
) -> None:
    bar = StatusBar()
    qtbot.addWidget(bar)
    bar.resize(1366, 24)
    bar.show()
    qtbot.waitExposed(bar)
    task = Task("fetch")
    bar.show_task(task, lambda v: TaskProgress(f"Получение заказов: {v}"), TaskProgress("Начало"))
    assert bar.task_label.text() == "Начало"
    bar.showMessage("Запись в 1С: записано 1. " + "очень длинное сообщение " * 20, 30_000)
    task.progress.emit(5)  # a tick of the task does not draw over the message
    assert bar.task_label.text().startswith("Запись в 1С: записано 1.")
    assert QStatusBar.currentMessage(bar) == ""  # Qt's own message (painted over) is never set
    assert bar.progress.isVisible() and bar.cancel_button.isVisible()
    area = bar.task_label.geometry()
    for permanent in (bar.portal_label, bar.onec_label, bar.writes_label, bar.sync_label):
        assert not area.intersects(permanent.geometry()), permanent.text()
    assert bar.task_label.toolTip(), "the whole message in the tooltip when it is cut"
    bar.clearMessage()
    assert bar.task_label.text() == "Получение заказов: 5"  # the running task's words again
    task.finished.emit()
    assert bar.task_label.text() == "" and not bar.progress.isVisible()
