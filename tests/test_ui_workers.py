"""The background-task helper: outcomes on the GUI thread, throttled progress, cancel, shutdown."""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import QThread
from pytestqt.qtbot import QtBot

from desktop_app.ui.workers import Task, TaskContext, TaskRunner


def test_result_and_progress_arrive_on_the_gui_thread(qtbot: QtBot, runner: TaskRunner) -> None:
    threads: list[object] = []
    seen: list[tuple[object, object]] = []

    def work(context: TaskContext) -> str:
        threads.append(QThread.currentThread())
        for step in range(500):
            context.report(step)
        return "готово"

    task = runner.start("work", work)
    task.progress.connect(lambda value: seen.append((value, QThread.currentThread())))
    with qtbot.waitSignal(task.succeeded, timeout=5000) as outcome:
        pass
    assert outcome.args == ["готово"]
    assert threads and threads[0] is not QThread.currentThread()
    assert seen, "progress was reported"
    assert all(where is QThread.currentThread() for _, where in seen)
    assert len(seen) < 50, "500 reports in a burst are throttled"
    assert seen[-1][0] == 499, "the last report always arrives"


def test_a_failure_carries_the_exception(qtbot: QtBot, runner: TaskRunner) -> None:
    def work(_context: TaskContext) -> None:
        raise ValueError("сломалось")

    task = runner.start("broken", work)
    ended: list[str] = []
    task.succeeded.connect(lambda _result: ended.append("succeeded"))
    task.finished.connect(lambda: ended.append("finished"))
    with qtbot.waitSignal(task.failed, timeout=5000) as outcome:
        pass
    qtbot.waitUntil(lambda: ended == ["finished"])
    error = outcome.args[0]
    assert isinstance(error, ValueError) and str(error) == "сломалось"
    assert error.__traceback__ is not None


def test_cancel_and_one_task_per_name(qtbot: QtBot, runner: TaskRunner) -> None:
    started = threading.Event()

    def work(context: TaskContext) -> str:
        started.set()
        while not context.cancelled:
            time.sleep(0.01)
        return "остановлено"

    task: Task = runner.start("long", work)
    assert started.wait(5)
    assert runner.running("long") is task and runner.running("other") is None
    with qtbot.waitSignal(task.finished, timeout=5000):
        task.cancel()
    assert runner.running("long") is None


def test_shutdown_cancels_and_joins(qtbot: QtBot) -> None:
    runner = TaskRunner()
    started = threading.Event()

    def work(context: TaskContext) -> None:
        started.set()
        context.cancel.wait(30)

    runner.start("a", work)
    assert started.wait(5)
    begun = time.monotonic()
    assert runner.shutdown(5000)
    assert runner.idle and time.monotonic() - begun < 5
    qtbot.waitUntil(lambda: not runner.tasks)
