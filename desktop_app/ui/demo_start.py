"""The demo's servers are made behind an open window, not before it.

Generating the demo's world and seeding its 1C takes seconds for a few thousand orders (20 s
for 5,000 before this, with no window at all). A new user who runs the demo must see the
program at once: the window opens on the demo's empty workspace, the world is made on the
`TaskRunner` with a busy bar in the status bar, and only then does the window start its
usual work — the first fetch, whose stored batches fill the queue as they come
(`SyncController.orders_stored`), and the copy of 1C's directory.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot

from desktop_app.services.workspace import Workspace
from desktop_app.ui.demo import DemoEnvironment
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.status_bar import TaskProgress
from desktop_app.ui.workers import Task, TaskContext

translate = QCoreApplication.translate

log = logging.getLogger(__name__)


def _preparing(_value: object = None) -> TaskProgress:
    return TaskProgress(translate("DemoStart", "Демонстрация: запускаются встроенные портал и 1С…"))


class DemoStart(QObject):
    """Serve the demo in the background, then start the window's work on it."""

    served = Signal()

    def __init__(self, environment: DemoEnvironment, window: MainWindow) -> None:
        super().__init__(window)
        self.environment = environment
        self.window = window
        self.task: Task | None = None

    def begin(self) -> Task:
        environment = self.environment

        def run(_context: TaskContext) -> Workspace:
            return environment.serve()

        task = self.window.runner.start("demo", run)
        self.window.status.show_task(task, _preparing, _preparing())
        task.succeeded.connect(self._served)
        task.failed.connect(self._failed)
        self.task = task
        return task

    @Slot(object)
    def _served(self, _workspace: object) -> None:
        log.info("demo served: the portal and 1C are listening")
        self.window.start(fetch_now=True, refresh_now=True)
        self.served.emit()

    @Slot(object)
    def _failed(self, error: BaseException) -> None:
        log.error("the demo could not start", exc_info=error)
        self.window.crash.report(error)
