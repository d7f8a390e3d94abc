"""The status bar: background work with its progress and cancel, and the state of the links.

On the right, always: whether the portal and 1C are reachable (the server's own words in
the tooltip), how many decisions wait to be written to 1C — apart from those that wait for
their order to appear in 1C, which no push can hurry — and when the queue was last fetched
in full. On the left, one message area (`status_message`): what a running task does, or the
last thing said. Progress arrives raw from the task and is worded here, on the GUI thread,
by the function the task was shown with.

1C answering a probe is not the whole truth about it: while its writes fail (refused, cut,
in conflict), the 1C label says so instead of «на связи» until a push goes through.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Slot
from PySide6.QtGui import Qt
from PySide6.QtWidgets import QLabel, QProgressBar, QStatusBar, QToolButton, QWidget

from desktop_app.services.connection_check import CheckResult, Reachability
from desktop_app.store.outbox_repository import OutboxCounts
from desktop_app.ui.card_view import plain_label
from desktop_app.ui.status_message import MessageArea
from desktop_app.ui.workers import Task

translate = QCoreApplication.translate

COLORS = {
    Reachability.OK: "#2e7d32",
    Reachability.UNREACHABLE: "#c62828",
    Reachability.REFUSED: "#c62828",
    Reachability.FAILED: "#c62828",
    Reachability.NO_PASSWORD: "#ef6c00",
    Reachability.NOT_CONFIGURED: "#ef6c00",
    Reachability.UNKNOWN: "#757575",
}


def reachability_word(state: Reachability) -> str:
    return {
        Reachability.UNKNOWN: translate("StatusBar", "не проверялся"),
        Reachability.OK: translate("StatusBar", "на связи"),
        Reachability.NOT_CONFIGURED: translate("StatusBar", "не настроен"),
        Reachability.NO_PASSWORD: translate("StatusBar", "нет пароля"),
        Reachability.UNREACHABLE: translate("StatusBar", "нет связи"),
        Reachability.REFUSED: translate("StatusBar", "не принимает вход"),
        Reachability.FAILED: translate("StatusBar", "ошибка"),
    }[state]


def plain_tooltip(text: str) -> str:
    """`text` as a tooltip that shows it literally.

    Qt renders a tooltip as rich text whenever it looks like HTML (Qt::mightBeRichText), and
    the detail is the server's own words: a `failure` answer with `<h1>`, `<img src=file:…>`
    or a link would render as such (issue 14, point 7). Qt's own conversion escapes it into
    rich text that shows exactly the characters that came, line breaks kept.
    """
    return Qt.convertFromPlainText(text) if text else ""


@dataclass(frozen=True, slots=True)
class TaskProgress:
    text: str
    done: int | None = None
    total: int | None = None
    """None: how much is left is not known (the bar just shows activity)."""


Describe = Callable[[object], TaskProgress]


class StatusBar(QStatusBar):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizeGripEnabled(False)
        self.task_label = MessageArea(self)
        """The one message area: the running task's words or the last message."""
        self.addWidget(self.task_label, 1)
        self.progress = QProgressBar(self)
        self.progress.setMaximumWidth(160)
        self.progress.setTextVisible(False)
        self.cancel_button = QToolButton(self)
        self.cancel_button.setText(translate("StatusBar", "Отменить"))
        self.cancel_button.clicked.connect(self._cancel)
        for widget in (self.progress, self.cancel_button):
            self.addWidget(widget)
            widget.hide()
        self.portal_label = self._permanent()
        self.onec_label = self._permanent()
        self.writes_label = self._permanent()
        self.order_wait_label = self._permanent()
        """Decisions waiting for their order to appear in 1C (shown only when there are)."""
        self.sync_label = self._permanent()
        self.states: dict[str, Reachability] = {}
        self._results: dict[str, CheckResult] = {}
        self.write_problem: str | None = None
        """Why the last writes to 1C did not go (None: they went, or none was tried)."""
        self.set_reachability("portal", CheckResult(Reachability.UNKNOWN))
        self.set_reachability("onec", CheckResult(Reachability.UNKNOWN))
        self.set_queued_writes(OutboxCounts())
        self.set_last_sync(None)
        self._shown: list[tuple[Task, Describe]] = []
        self._last: dict[Task, TaskProgress] = {}

    def _permanent(self) -> QLabel:
        label = plain_label("", self)
        label.setWordWrap(False)
        self.addPermanentWidget(label)
        return label

    # --- the links -------------------------------------------------------------------------

    def set_reachability(self, system: str, result: CheckResult) -> None:
        label = self.portal_label if system == "portal" else self.onec_label
        name = (
            translate("StatusBar", "Портал") if system == "portal" else translate("StatusBar", "1С")
        )
        self.states[system] = result.state
        self._results[system] = result
        word, color, detail = reachability_word(result.state), COLORS[result.state], result.detail
        if system == "onec" and result.state is Reachability.OK and self.write_problem:
            word = translate("StatusBar", "запись не проходит")
            color, detail = COLORS[Reachability.FAILED], self.write_problem
        label.setText(f"● {name}: {word}")
        label.setStyleSheet(f"QLabel {{ color: {color}; }}")
        label.setToolTip(plain_tooltip(detail or ""))

    def set_write_problem(self, problem: str | None) -> None:
        """Writes to 1C failed (why, in words) or went through again (None)."""
        self.write_problem = problem or None
        self.set_reachability("onec", self._results["onec"])

    def set_queued_writes(self, counts: OutboxCounts) -> None:
        self.writes_label.setText(
            translate("StatusBar", "Ждут записи в 1С: {0}").format(counts.for_app)
        )
        self.order_wait_label.setText(
            translate("StatusBar", "Ждут заказ в 1С: {0}").format(counts.for_order)
        )
        self.order_wait_label.setToolTip(
            translate(
                "StatusBar",
                "Решения записаны бы, но заказа в 1С ещё нет: они уйдут сами, когда 1С получит "
                "заказ с портала.",
            )
        )
        self.order_wait_label.setVisible(counts.for_order > 0)

    def set_last_sync(self, moment: dt.datetime | None) -> None:
        if moment is None:
            self.sync_label.setText(translate("StatusBar", "Заказы ещё не получены"))
            return
        local = moment.astimezone()
        shown = local.strftime("%H:%M") if local.date() == dt.date.today() else (
            local.strftime("%d.%m.%Y %H:%M")
        )  # fmt: skip
        self.sync_label.setText(translate("StatusBar", "Последнее получение: {0}").format(shown))

    # --- background tasks ------------------------------------------------------------------

    def show_task(self, task: Task, describe: Describe, first: TaskProgress) -> None:
        """Show the task's progress until it ends; the newest task is the one on show."""
        self._shown.append((task, describe))
        self._last[task] = first
        task.progress.connect(self._progress)
        task.finished.connect(self._finished)
        self._display(first, newest=True)

    @property
    def shown_task(self) -> Task | None:
        return self._shown[-1][0] if self._shown else None

    # --- the message area (QStatusBar's own temporary message is never painted) -----------

    def showMessage(self, text: str, timeout: int | None = 0) -> None:
        self.task_label.say_message(text, timeout or 0)
        self.messageChanged.emit(text)

    def currentMessage(self) -> str:
        return self.task_label.message

    def clearMessage(self) -> None:
        self.task_label.clear_message()
        self.messageChanged.emit("")

    def _display(self, progress: TaskProgress, *, newest: bool = False) -> None:
        self.task_label.say_task(progress.text, newest=newest)
        if progress.total:
            self.progress.setRange(0, 1000)
            self.progress.setValue(
                int(1000 * min(progress.done or 0, progress.total) / progress.total)
            )
        else:
            self.progress.setRange(0, 0)
        for widget in (self.progress, self.cancel_button):
            widget.show()
        self.cancel_button.setEnabled(True)

    @Slot(object)
    def _progress(self, value: object) -> None:
        task = self.sender()
        for shown, describe in self._shown:
            if shown is task:
                self._last[shown] = describe(value)
                if shown is self._shown[-1][0]:
                    self._display(self._last[shown])

    @Slot()
    def _finished(self) -> None:
        task = self.sender()
        self._shown = [(t, d) for t, d in self._shown if t is not task]
        self._last = {t: p for t, p in self._last.items() if t is not task}
        if not self._shown:
            self.task_label.end_task()
            for widget in (self.progress, self.cancel_button):
                widget.hide()
        else:
            self._display(self._last[self._shown[-1][0]])

    @Slot()
    def _cancel(self) -> None:
        if self._shown:
            self._shown[-1][0].cancel()
            self.cancel_button.setEnabled(False)
            self.task_label.say_task(translate("StatusBar", "Отмена…"), newest=True)
