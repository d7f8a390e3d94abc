"""The main window's background work on the demo world: fetch, cancel, directory, offline."""

from __future__ import annotations

import dataclasses
import time
from pathlib import Path

from pytestqt.qtbot import QtBot

from desktop_app.adapters.portal.exchange_errors import FetchCancelledError
from desktop_app.emulators.portal import Fault
from desktop_app.services.connection_check import Reachability
from desktop_app.services.fetch_service import fetch_orders
from desktop_app.store.database import Database
from desktop_app.store.review_state import ReviewState
from desktop_app.ui.demo import DemoEnvironment
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.screenshots import pick_orders
from desktop_app.ui.ui_state import UiState
from desktop_app.ui.workers import Task

WAIT = 60_000


def started(window: MainWindow, qtbot: QtBot) -> MainWindow:
    window.start()
    qtbot.waitUntil(lambda: not window.runner.tasks, timeout=WAIT)
    return window


def test_fetch_runs_in_the_background_with_progress_then_the_queue_fills(
    qtbot: QtBot, window: MainWindow
) -> None:
    started(window, qtbot)
    assert window.queue.model.rowCount() == 0
    assert window.queue.summary.text() == "Нет заказов"
    assert window.status.states["portal"] is Reachability.OK  # asked once at start
    progress: list[object] = []
    window.sync.fetch_action.trigger()
    task = window.runner.running("fetch")
    assert task is not None
    task.progress.connect(progress.append)
    assert window.status.task_label.isVisibleTo(window)
    assert window.status.task_label.text().startswith("Получение заказов")
    assert not window.sync.fetch_action.isEnabled()  # one fetch at a time
    with qtbot.waitSignal(task.succeeded, timeout=WAIT) as outcome:
        pass
    assert outcome.args[0].report.new == 40  # the fetch use case: its report and the mapping
    assert progress, "the fetch reported its progress"
    qtbot.waitUntil(lambda: window.queue.model.rowCount() == 40)
    assert window.queue.state_filter.itemText(0) == "Все (40)"
    assert window.status.sync_label.text().startswith("Последнее получение")
    assert "новых 40" in window.status.currentMessage()
    assert window.status.task_label.text() == window.status.currentMessage()  # one area
    assert not window.status.progress.isVisibleTo(window)
    assert not window.status.cancel_button.isVisibleTo(window)
    assert window.sync.fetch_action.isEnabled()


def test_a_long_fetch_can_be_cancelled(
    qtbot: QtBot, window: MainWindow, demo: DemoEnvironment
) -> None:
    started(window, qtbot)
    demo.portal.inject(Fault("query", "stall", seconds=120))
    task = window.sync.fetch()
    assert task is not None
    downloading: list[object] = []
    task.progress.connect(
        lambda value: (
            downloading.append(value) if "МБ" in str(window.status.task_label.text()) else None
        )
    )
    qtbot.waitUntil(lambda: bool(downloading), timeout=WAIT)  # the answer has begun to arrive
    begun = time.monotonic()
    with qtbot.waitSignal(task.failed, timeout=15_000) as outcome:
        window.status.cancel_button.click()
    assert time.monotonic() - begun < 10
    assert isinstance(outcome.args[0], FetchCancelledError)
    assert "отменено" in window.status.currentMessage()
    assert window.message is None, "a cancel is not a problem to report"
    qtbot.waitUntil(lambda: window.sync.fetch_action.isEnabled())


def test_directory_refresh_in_the_background(
    qtbot: QtBot, window: MainWindow, demo: DemoEnvironment
) -> None:
    started(window, qtbot)
    fetch = window.sync.fetch()
    assert fetch is not None
    with qtbot.waitSignal(fetch.finished, timeout=WAIT):
        pass
    refresh = window.sync.refresh_directory()
    assert refresh is not None
    assert window.sync.refresh_directory() is None  # already running
    progress: list[object] = []
    refresh.progress.connect(progress.append)
    with qtbot.waitSignal(refresh.succeeded, timeout=WAIT):
        pass
    assert progress and "Справочник 1С обновлён" in window.status.currentMessage()
    known = pick_orders(window).known
    assert known is not None and window.queue.select(known)
    assert window.review.onec.model.rowCount() >= 1


def test_offline_1c_is_shown_and_review_still_works(
    qtbot: QtBot, filled_demo: DemoEnvironment, window: MainWindow
) -> None:
    started(window, qtbot)
    assert window.status.states["onec"] is Reachability.OK
    filled_demo.onec.stop()
    window.status.states.clear()
    probe = window.sync.probe_onec()
    assert probe is not None
    with qtbot.waitSignal(probe.finished, timeout=WAIT):
        pass
    assert window.status.states.get("onec") == Reachability.UNREACHABLE
    assert "1С: нет связи" in window.status.onec_label.text()
    assert window.status.onec_label.toolTip(), "the connection error in the tooltip"
    known = pick_orders(window).known
    assert known is not None and window.queue.select(known)
    assert window.review.order is not None and window.review.order.id == known
    assert window.review.onec.model.rowCount() >= 1, "1C's copy is there offline"
    window.sync.refresh_action.trigger()  # the manager asks: a message says why not
    task = window.runner.running("directory")
    assert isinstance(task, Task)
    with qtbot.waitSignal(task.finished, timeout=WAIT):
        pass
    assert window.message is not None and "1С" in window.message.text()
    window.message.close()


def test_layout_and_filter_are_remembered(
    qtbot: QtBot, filled_demo: DemoEnvironment, window: MainWindow, tmp_path: object
) -> None:
    started(window, qtbot)
    window.queue.set_filter(ReviewState.NEW, "ооо")
    window.resize(760, 560)  # within the offscreen screen, which geometry is kept inside
    qtbot.waitUntil(lambda: sum(window.splitter.sizes()) < 760)
    window.splitter.setSizes([300, 460])
    sizes = window.splitter.sizes()
    count = window.queue.model.rowCount()
    window.close()
    assert filled_demo.workspace is not None
    again = MainWindow(filled_demo.workspace, UiState(window.ui_state.path))
    again.show()
    try:
        again.start()
        assert again.queue.model.state is ReviewState.NEW
        assert again.queue.search_box.text() == "ооо"
        assert again.queue.model.rowCount() == count
        assert again.size() == window.size()
        qtbot.waitUntil(lambda: again.splitter.sizes() == sizes)  # once laid out
    finally:
        again.close()
        qtbot.waitUntil(lambda: not again.runner.tasks, timeout=WAIT)


def test_periodic_fetch_follows_the_setting(
    qtbot: QtBot, window: MainWindow, demo: DemoEnvironment
) -> None:
    assert demo.workspace is not None
    started(window, qtbot)
    assert not window.sync.fetch_timer.isActive()  # the fixture's demo: 0, only by hand
    settings = demo.workspace.settings
    portal = dataclasses.replace(settings.portal, fetch_every=7)
    demo.workspace.save_settings(dataclasses.replace(settings, portal=portal))
    window.sync.apply_settings()
    assert window.sync.fetch_timer.isActive()
    assert window.sync.fetch_timer.interval() == 7 * 60_000
    with qtbot.waitSignal(window.runner.task_started, timeout=WAIT) as blocker:
        window.sync.fetch_timer.timeout.emit()  # as if seven minutes had passed
    task = blocker.args[0]
    assert task.name == "fetch"
    with qtbot.waitSignal(task.finished, timeout=WAIT):
        pass
    assert window.queue.model.rowCount() == 40
    assert window.message is None  # a fetch nobody asked for does not pop up dialogs


def test_a_fetch_that_noticed_another_workstation_says_so(
    qtbot: QtBot, window: MainWindow, demo: DemoEnvironment, tmp_path: Path
) -> None:
    started(window, qtbot)
    window.sync.fetch_action.trigger()
    qtbot.waitUntil(lambda: window.queue.model.rowCount() == 40, timeout=WAIT)
    qtbot.waitUntil(lambda: window.runner.running("fetch") is None, timeout=WAIT)  # the queue
    # fills while a fetch stores its batches: 40 rows do not mean the fetch has confirmed yet
    taken = demo.portal.add_orders(2)
    assert demo.workspace is not None
    with Database.open(tmp_path / "second") as other:  # a second installation, same page
        fetch_orders(demo.workspace.settings.portal, demo.portal.password, other, tmp_path / "w")
    demo.portal.add_orders(1)
    window.sync.fetch_action.trigger()
    qtbot.waitUntil(lambda: window.queue.model.rowCount() == 41, timeout=WAIT)
    qtbot.waitUntil(lambda: window.runner.running("fetch") is None, timeout=WAIT)
    message = window.status.currentMessage()
    assert "Внимание:" in message and f"Ид {', '.join(taken)} " in message
