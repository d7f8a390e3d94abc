"""Writing the decided orders to 1C from the window: «Отправить в 1С», and by itself.

The outbox (`push_service`) is written on the `TaskRunner`, never on the GUI thread, one push
at a time, with each step's outcome in the status bar. Besides the button, a push starts by
itself when there is something to write and 1C answers: after a decision, after a fetch that
brought orders the automatic mapping decided, and when 1C comes back after being unreachable
— so decisions taken offline go as soon as they can, with nothing for the manager to redo.

What a push came to is also the status bar's word on 1C: a push whose writes failed, were
cut or stopped at a conflict marks 1C «запись не проходит» (probes may still get answers),
and only a push that went through clears it. «нечего записывать» is said only when nothing
at all waits.
"""

from __future__ import annotations

import logging
from dataclasses import replace

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from desktop_app.adapters.onec.odata_errors import OneCError
from desktop_app.domain.decisions import StepKind, StepState, WriteState
from desktop_app.services import connection_check
from desktop_app.services.connection_check import Reachability
from desktop_app.services.push_service import PushReport, StepEvent
from desktop_app.services.workspace import Workspace
from desktop_app.store.outbox_repository import OutboxCounts, OutboxRepository
from desktop_app.ui import jobs
from desktop_app.ui.error_words import is_cancel, log_problem
from desktop_app.ui.status_bar import StatusBar, TaskProgress
from desktop_app.ui.wording import shown_code, shown_said
from desktop_app.ui.workers import Task, TaskRunner
from desktop_app.wording.decisions import STEP_KINDS, STEP_STATES

translate = QCoreApplication.translate
log = logging.getLogger(__name__)


def _step_word(step: StepKind) -> str:
    return shown_code(STEP_KINDS, step)


def _state_word(state: StepState) -> str:
    return shown_code(STEP_STATES, state)


def push_words(value: object) -> TaskProgress:
    if not isinstance(value, StepEvent):
        return push_start()
    return TaskProgress(
        translate("PushController", "Запись в 1С: заказ {0}, {1} — {2}").format(
            value.order_number or value.portal_id, _step_word(value.step), _state_word(value.state)
        )
    )


def push_start() -> TaskProgress:
    return TaskProgress(translate("PushController", "Запись в 1С: подключение…"))


_NOT_THROUGH = (WriteState.QUEUED, WriteState.FAILED, WriteState.CONFLICT)
"""A decision a push left in one of these did not get through to 1C."""


class PushController(QObject):
    written = Signal()
    """A push ended: decisions and orders changed state."""
    problem = Signal(str, bool)
    bug = Signal(object)

    def __init__(
        self, workspace: Workspace, runner: TaskRunner, status: StatusBar, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.runner = runner
        self.status = status
        self.push_action = QAction(translate("PushController", "Отправить в 1С"), parent)
        self.push_action.setShortcut(QKeySequence("Ctrl+Shift+S"))
        self.push_action.setToolTip(
            translate("PushController", "Записать принятые решения в 1С (Ctrl+Shift+S)")
        )
        self.push_action.triggered.connect(self._clicked)
        parent.addAction(self.push_action)
        self._manual: set[Task] = set()

    def queued(self) -> int:
        """Decisions whose writes are not finished (waiting and failed ones included)."""
        return OutboxRepository(self.workspace.database).queued_count()

    def counts(self) -> OutboxCounts:
        """The unfinished decisions by whom they wait for (the status bar's counts)."""
        return OutboxRepository(self.workspace.database).counts()

    def push(self) -> Task | None:
        """Start a push (None when one is running already)."""
        if self.runner.running("push") is not None:
            return None
        task = self.runner.start("push", jobs.push_job(self.workspace))
        self.status.show_task(task, push_words, push_start())
        task.succeeded.connect(self._pushed)
        task.failed.connect(self._failed)
        task.finished.connect(self._over)
        self.push_action.setEnabled(False)
        return task

    @Slot()
    def push_if_online(self) -> Task | None:
        """Push when there is something to write and 1C was last seen answering."""
        if self.status.states.get("onec") is not Reachability.OK or not self.queued():
            return None
        return self.push()

    @Slot()
    def _clicked(self) -> None:
        task = self.push()
        if task is not None:
            self._manual.add(task)

    @Slot(object)
    def _pushed(self, report: PushReport) -> None:
        counts = [
            (WriteState.WRITTEN, translate("PushController", "записано {0}")),
            (WriteState.WAITING, translate("PushController", "ждут заказ в 1С {0}")),
            (WriteState.QUEUED, translate("PushController", "не дошли, повторятся {0}")),
            (WriteState.FAILED, translate("PushController", "с ошибкой {0}")),
            (WriteState.CONFLICT, translate("PushController", "конфликтов {0}")),
        ]
        parts = [words.format(report.count(state)) for state, words in counts
                 if report.count(state)]  # fmt: skip
        left = self.counts()
        if not parts and report.decisions:  # all stopped before an outcome (cancelled)
            parts = [translate("PushController", "не записано {0}").format(report.decisions)]
        if not parts and left.conflicts:
            parts = [translate("PushController", "ждут решения конфликтов {0}").format(
                left.conflicts)]  # fmt: skip
        text = translate("PushController", "Запись в 1С: {0}.").format(
            ", ".join(parts) or translate("PushController", "нечего записывать")
        )
        log.info("push: %s", text)
        self.status.showMessage(text, 30_000)
        self.status.set_queued_writes(left)
        detail = next((shown_said(e.said) for e in reversed(report.events) if e.said
                       and e.state is not StepState.DONE), "")  # fmt: skip
        said = f"{text} {detail}".strip()
        not_through = sum(report.count(state) for state in _NOT_THROUGH)
        stuck = not_through or (not report.decisions and left.conflicts)
        self.status.set_write_problem(said if stuck else None)
        if report.count(WriteState.FAILED) + report.count(WriteState.CONFLICT):
            self.problem.emit(said, self.sender() in self._manual)
        self.written.emit()

    @Slot(object)
    def _failed(self, error: BaseException) -> None:
        what = translate("PushController", "Запись в 1С")
        message = log_problem(what, error)
        if message is None:
            self.bug.emit(error)
            return
        self.status.showMessage(f"{what}: {message}", 60_000)
        if not is_cancel(error):
            if isinstance(error, OneCError):
                link = connection_check.onec_failure(error)  # in the window's words
                self.status.set_reachability("onec", replace(link, detail=message))
            self.status.set_write_problem(f"{what}: {message}")
            self.problem.emit(f"{what}: {message}", self.sender() in self._manual)
        self.status.set_queued_writes(self.counts())
        self.written.emit()

    @Slot()
    def _over(self) -> None:
        self.push_action.setEnabled(True)
        self._manual.discard(self.sender())
