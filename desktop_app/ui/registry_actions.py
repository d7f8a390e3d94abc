"""«Проверить в реестре»: ask the registry about the order on screen now, in the background.

The panel's findings are read from the store (services.registry_source); this action is the
one way the window asks on demand (the fetch asks about the orders it brings). The look-up
runs on the `TaskRunner` — the key comes from the keychain, the answer over the network —
with its progress in the status bar; when it ends, `checked` tells the window to read the
order and the queue again. A failure (no key, a refused key, the limit) is no error of the
window: the panel's registry line says it, from what the source learned.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from desktop_app.domain.order import Order
from desktop_app.services.registry_check import registry_key_of
from desktop_app.services.registry_source import RegistrySource
from desktop_app.services.workspace import Workspace
from desktop_app.ui import jobs
from desktop_app.ui.status_bar import StatusBar, TaskProgress
from desktop_app.ui.workers import Task, TaskRunner

translate = QCoreApplication.translate
log = logging.getLogger(__name__)
TASK = "registry-order"


class RegistryActions(QObject):
    checked = Signal(str)
    """The order (portal id) whose buyer the registry was asked about."""
    bug = Signal(object)
    """An unexpected exception: for the crash dialog."""

    def __init__(
        self,
        source: RegistrySource,
        workspace: Workspace,
        runner: TaskRunner,
        status: StatusBar,
        parent: QWidget,
        *,
        shown_order: Callable[[], Order | None],
    ) -> None:
        """`shown_order`: the order on screen, whose buyer the action asks about."""
        super().__init__(parent)
        self.workspace, self.runner, self.status, self.source = workspace, runner, status, source
        self.shown_order = shown_order
        self.check_action = QAction(translate("RegistryActions", "Проверить в реестре"), parent)
        self.check_action.setObjectName("checkRegistryAction")
        self.check_action.setShortcut(QKeySequence("Ctrl+R"))
        self.check_action.setToolTip(
            translate(
                "RegistryActions",
                "Спросить ЕГРЮЛ/ЕГРИП (DaData) о покупателе этого заказа сейчас, даже если "
                "ответ уже есть.",
            )
        )
        self.check_action.triggered.connect(self.check)

    @Slot()
    def check(self) -> Task | None:
        """Ask about the buyer of the order on screen (None: no buyer's ИНН to ask, or a
        look-up is running already)."""
        order = self.shown_order()
        if order is None or registry_key_of(order) is None or self.runner.running(TASK):
            if order is not None and registry_key_of(order) is None:
                self.status.showMessage(
                    translate("RegistryActions", "У покупателя этого заказа нет ИНН для реестра."),
                    10_000,
                )
            return None
        task = self.runner.start(TASK, jobs.registry_order_job(self.workspace, self.source, order))
        start = TaskProgress(translate("RegistryActions", "Проверка покупателя в реестре…"))
        self.status.show_task(task, lambda _value: start, start)
        self.check_action.setEnabled(False)
        task.succeeded.connect(lambda _result: self.checked.emit(order.id))
        task.failed.connect(self._failed)
        task.finished.connect(lambda: self.check_action.setEnabled(True))
        return task

    @Slot(object)
    def _failed(self, error: BaseException) -> None:
        self.bug.emit(error)  # registry errors are kept by the check, not raised
