"""The window's background work: fetching orders, refreshing the 1C directory, watching links.

Each job runs on the `TaskRunner` (never on the GUI thread) and shows its progress and a
cancel in the status bar. One fetch and one refresh at a time: asking again while one runs
just points at the running one. A fetch also starts by itself every `portal.fetch_every`
minutes; 1C's reachability is asked every `PROBE_SECONDS`; the portal's is learnt from
each fetch (and asked once at start). A fetch is the use case the CLI's `fetch` runs too
(`services.fetch_operation`: fetch, then map the buyers the app knows), and its status line
says the mapping report in the CLI's words. Outcomes are signals the window turns into a
refreshed queue, a status line, a message box or — for a bug — the crash dialog.

While a fetch stores its batches, `orders_stored` says so at most every
`STORED_EVERY_MS`: the queue shows the first orders of a first fetch of thousands while the
rest are still coming, not when the whole fetch ends.

`queued_writes` (a callable giving the outbox counts, asked after every job, given at
construction) and the
`onec_answered` signal (1C answered a probe or a refresh) are for the push
(`push_controller`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from desktop_app.adapters.keychain import KeychainError
from desktop_app.adapters.onec.odata_errors import OneCError
from desktop_app.adapters.portal.exchange_errors import PortalError
from desktop_app.services import connection_check
from desktop_app.services.connection_check import CheckResult, Reachability
from desktop_app.services.directory_service import RefreshReport
from desktop_app.services.fetch_operation import FetchOutcome
from desktop_app.services.fetch_service import FetchStage
from desktop_app.services.onec_orders import StatesReport
from desktop_app.services.registry_source import RegistrySource
from desktop_app.services.workspace import Workspace
from desktop_app.store.outbox_repository import OutboxCounts
from desktop_app.store.queue_repository import QueueRepository
from desktop_app.ui import jobs, progress_words
from desktop_app.ui.error_words import NotReadyError, is_cancel, log_problem
from desktop_app.ui.status_bar import StatusBar
from desktop_app.ui.wording import shown, shown_said
from desktop_app.ui.workers import Task, TaskContext, TaskRunner
from desktop_app.wording.auto_mapping import RECOGNISED

translate = QCoreApplication.translate

log = logging.getLogger(__name__)
PROBE_SECONDS = 60
STORED_EVERY_MS = 500
"""How often a running fetch's stored batches reload the queue (each reload reads a page
and the counts: cheap, but not for every batch of a fast fetch)."""


_WORTH_ASKING = (Reachability.OK, Reachability.UNKNOWN)
"""1C is read after a fetch when it answered, or when it has not been asked yet (the first
fetch of a session often ends before the first probe does)."""


class SyncController(QObject):
    orders_changed = Signal()
    directory_changed = Signal()
    problem = Signal(str, bool)
    """A known problem in words, and whether the manager started the job (worth a dialog)."""
    bug = Signal(object)
    """An unexpected exception: for the crash dialog."""
    onec_answered = Signal()
    """1C answered (a probe or a directory refresh): writes waiting for it may go."""
    orders_stored = Signal()
    """A running fetch stored more orders (throttled): the queue may show them already."""

    def __init__(
        self,
        workspace: Workspace,
        runner: TaskRunner,
        status: StatusBar,
        parent: QWidget,
        *,
        queued_writes: Callable[[], OutboxCounts],
        registry: RegistrySource | None = None,
    ) -> None:
        """`registry`: the fetch checks its orders in the registry too (issue 17)."""
        super().__init__(parent)
        self.registry = registry
        self.workspace = workspace
        self.runner = runner
        self.status = status
        self.queued_writes = queued_writes
        self.fetch_action = self._action(
            parent, translate("SyncController", "Получить заказы"), "F5", self._fetch_clicked
        )
        self.refresh_action = self._action(
            parent,
            translate("SyncController", "Обновить справочник 1С"),
            "Shift+F5",
            self._refresh_clicked,
        )
        self.fetch_timer = QTimer(self)
        self.fetch_timer.timeout.connect(self._fetch_by_timer)
        self.probe_timer = QTimer(self)
        self.probe_timer.setInterval(PROBE_SECONDS * 1000)
        self.probe_timer.timeout.connect(self.probe_onec)
        self._manual: set[Task] = set()
        self.stored_timer = QTimer(self)
        self.stored_timer.setSingleShot(True)
        self.stored_timer.setInterval(STORED_EVERY_MS)
        self.stored_timer.timeout.connect(self.orders_stored)
        self._stored_seen = 0

    def _action(self, parent: QWidget, text: str, keys: str, slot: Callable[[], None]) -> QAction:
        action = QAction(text, parent)
        if keys:
            action.setShortcut(QKeySequence(keys))
            action.setToolTip(f"{text} ({keys})")
        action.triggered.connect(slot)
        parent.addAction(action)
        return action

    # --- life cycle ------------------------------------------------------------------------

    def start(self, *, fetch_now: bool = False, refresh_now: bool = False) -> None:
        """Show what is known, ask the links, start the timers; fetch and refresh if asked."""
        self.show_store_state()
        self.apply_settings()
        self.probe_timer.start()
        if fetch_now:
            self.fetch()
        else:
            self.probe_portal()
        if refresh_now:
            self.refresh_directory()
        else:
            self.probe_onec()

    def stop(self) -> None:
        self.fetch_timer.stop()
        self.probe_timer.stop()
        self.stored_timer.stop()

    def apply_settings(self) -> None:
        """The settings changed (or were read): restart the periodic fetch."""
        minutes = self.workspace.settings.portal.fetch_every
        if minutes > 0:
            self.fetch_timer.start(minutes * 60_000)
        else:
            self.fetch_timer.stop()

    def show_store_state(self) -> None:
        last = QueueRepository(self.workspace.database).last_successful_fetch()
        self.status.set_last_sync(last.finished_at if last else None)
        self.status.set_queued_writes(self.queued_writes())

    # --- fetch -----------------------------------------------------------------------------

    @Slot()
    def _fetch_clicked(self) -> None:
        task = self.fetch()
        if task is not None:
            self._manual.add(task)

    @Slot()
    def _fetch_by_timer(self) -> None:
        if self.workspace.configured:
            self.fetch()

    def fetch(self) -> Task | None:
        """Start a fetch (None when one is running already)."""
        if self.runner.running("fetch") is not None:
            return None
        task = self.runner.start("fetch", jobs.fetch_job(self.workspace, self.registry))
        words = progress_words.FetchWords()
        self.status.show_task(task, words, words.start())
        self._stored_seen = 0
        task.progress.connect(self._fetch_progress)
        task.succeeded.connect(self._fetched)
        task.failed.connect(self._fetch_failed)
        self.fetch_action.setEnabled(False)
        task.finished.connect(self._fetch_over)
        return task

    @Slot(object)
    def _fetch_progress(self, value: object) -> None:
        """More orders stored: say so once the throttle's interval is over (not per batch)."""
        stage, done, _total = value if isinstance(value, tuple) else (None, 0, None)
        if stage is FetchStage.STORING and int(done) > self._stored_seen:
            self._stored_seen = int(done)
            if not self.stored_timer.isActive():
                self.stored_timer.start()

    @Slot(object)
    def _fetched(self, outcome: FetchOutcome) -> None:
        report = outcome.report
        self.status.set_reachability("portal", CheckResult(Reachability.OK))
        text = translate(
            "SyncController", "Заказы получены: новых {0}, изменённых {1}, без изменений {2}."
        ).format(report.new, report.changed, report.unchanged)
        if report.quarantined:
            text += " " + translate("SyncController", "Отложено из-за ошибок: {0}.").format(
                report.quarantined
            )
        if not report.complete:
            text += " " + translate(
                "SyncController", "Ответ портала оборван; следующее получение повторит его."
            )
        for warning in report.warnings:  # about the exchange page: another client, lost orders
            text += " " + translate("SyncController", "Внимание: {0}").format(shown_said(warning))
        recognised = outcome.recognised()
        if recognised is not None:  # the buyers the app knew, as the CLI's fetch says
            text += " " + shown(RECOGNISED, **recognised)
        log.info("fetch %s: %s", report.fetch_id, text)
        self.status.showMessage(text, 30_000)
        self.show_store_state()
        self.orders_changed.emit()
        self.read_onec_orders()

    def read_onec_orders(self) -> Task | None:
        """Read what the new orders' 1C orders hold (1C's site exchange may have filled
        their counterparty), when 1C answers; the review shows it on reload."""
        if self.status.states.get("onec", Reachability.UNKNOWN) not in _WORTH_ASKING:
            return None  # known unreachable or not set up: the next probe says when it answers
        if self.runner.running("onec-orders") is not None:
            return None
        task = self.runner.start("onec-orders", jobs.onec_orders_job(self.workspace))
        task.succeeded.connect(self._onec_orders_read)
        task.failed.connect(self._onec_orders_failed)
        return task

    @Slot(object)
    def _onec_orders_read(self, report: object) -> None:
        self.directory_changed.emit()
        if isinstance(report, StatesReport) and (report.missed.new or report.missed.changed):
            self.orders_changed.emit()  # orders known from 1C alone joined the queue
        if isinstance(report, StatesReport) and report.missed.new:
            text = translate(
                "SyncController",
                "В 1С найдены заказы с сайта, которые портал программе не отдал: {0}. Они в "
                "очереди: «Есть в 1С, не получен с портала».",
            ).format(report.missed.new)
            log.info("1C orders not received from the portal: %s new", report.missed.new)
            self.status.showMessage(text, 30_000)

    @Slot(object)
    def _onec_orders_failed(self, error: BaseException) -> None:
        if isinstance(error, OneCError):
            self.status.set_reachability("onec", connection_check.onec_failure(error))
            log.warning("reading 1C orders: %s", error.message)
            return
        if isinstance(error, NotReadyError | KeychainError):
            log.info("1C orders not read: %s", error)  # the status bar says what 1C lacks
            return
        self.bug.emit(error)

    @Slot(object)
    def _fetch_failed(self, error: BaseException) -> None:
        self._failed(self.sender(), translate("SyncController", "Получение заказов"), error)
        if isinstance(error, PortalError):
            self.status.set_reachability("portal", connection_check.portal_failure(error))
        self.orders_changed.emit()  # a cancelled or broken fetch may have stored some batches

    @Slot()
    def _fetch_over(self) -> None:
        self.stored_timer.stop()  # the end of the fetch reloads everything (orders_changed)
        self.fetch_action.setEnabled(True)
        self._manual.discard(self.sender())

    # --- directory -------------------------------------------------------------------------

    @Slot()
    def _refresh_clicked(self) -> None:
        task = self.refresh_directory()
        if task is not None:
            self._manual.add(task)

    def refresh_directory(self) -> Task | None:
        """Start a refresh of the local copy of 1C's directory (None when one runs)."""
        if self.runner.running("directory") is not None:
            return None
        task = self.runner.start("directory", jobs.directory_job(self.workspace))
        self.status.show_task(
            task, progress_words.directory_words, progress_words.directory_start()
        )
        task.succeeded.connect(self._refreshed)
        task.failed.connect(self._refresh_failed)
        self.refresh_action.setEnabled(False)
        task.finished.connect(self._refresh_over)
        return task

    @Slot(object)
    def _refreshed(self, reports: list[RefreshReport]) -> None:
        self.status.set_reachability("onec", CheckResult(Reachability.OK))
        counts = {r.kind: r.rows for r in reports}
        notes = [report.note for report in reports if not report.complete]
        if notes:  # an incomplete copy's row count is not 1C's: no figures to mislead
            text = translate(
                "SyncController", "Справочник 1С прочитан не полностью, копия с 1С не сверена."
            )
        else:
            text = translate(
                "SyncController", "Справочник 1С обновлён: партнёров {0}, контрагентов {1}."
            ).format(counts.get("partners", 0), counts.get("counterparties", 0))
        text = " ".join([text, *notes])  # the service's words, as 1C's messages are shown
        log.info("directory refresh: %s", text)
        self.status.showMessage(text, 30_000)
        self.directory_changed.emit()
        self.onec_answered.emit()

    @Slot(object)
    def _refresh_failed(self, error: BaseException) -> None:
        self._failed(self.sender(), translate("SyncController", "Обновление справочника 1С"), error)
        if isinstance(error, OneCError):
            self.status.set_reachability("onec", connection_check.onec_failure(error))
        self.directory_changed.emit()

    @Slot()
    def _refresh_over(self) -> None:
        self.refresh_action.setEnabled(True)
        self._manual.discard(self.sender())

    # --- links -----------------------------------------------------------------------------

    @Slot()
    def probe_onec(self) -> Task | None:
        """Ask 1C whether it answers (off the GUI thread); the status bar shows the answer."""
        return self._probe("probe-onec", jobs.onec_probe_job(self.workspace), self._onec_probed)

    def probe_portal(self) -> Task | None:
        """Log in to the portal once (off the GUI thread) to learn whether it answers."""
        return self._probe(
            "probe-portal", jobs.portal_probe_job(self.workspace), self._portal_probed
        )

    def _probe(
        self,
        name: str,
        job: Callable[[TaskContext], CheckResult],
        done: Callable[[CheckResult], None],
    ) -> Task | None:
        if self.runner.running(name) is not None:
            return None
        task = self.runner.start(name, job)
        task.succeeded.connect(done)
        task.failed.connect(self._probe_failed)
        return task

    @Slot(object)
    def _onec_probed(self, result: CheckResult) -> None:
        self.status.set_reachability("onec", result)
        self.status.set_queued_writes(self.queued_writes())
        if result.state is Reachability.OK:
            self.onec_answered.emit()

    @Slot(object)
    def _portal_probed(self, result: CheckResult) -> None:
        if self.runner.running("fetch") is None:  # a fetch running now will tell better
            self.status.set_reachability("portal", result)

    @Slot(object)
    def _probe_failed(self, error: BaseException) -> None:
        self._failed(self.sender(), translate("SyncController", "Проверка связи"), error)

    def _failed(self, task: QObject | None, what: str, error: BaseException) -> None:
        message = log_problem(what, error)
        if message is None:
            self.bug.emit(error)
            return
        manual = task in self._manual
        self.status.showMessage(f"{what}: {message}", 60_000)
        if not is_cancel(error):
            self.problem.emit(f"{what}: {message}", manual)
