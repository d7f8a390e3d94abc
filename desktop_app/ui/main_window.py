"""The main window: the queue on the left, the order under review on the right.

It wires the parts together and owns their lifetime: the `TaskRunner` every background job
runs on (stopped, with its threads joined, when the window closes), the `SyncController`
(fetch, directory, links), the status bar, the crash handler, and the remembered layout.

The review engine is attached here: the review panel's `EngineSource` (candidates, findings,
the decision), the queue's `EngineAnnotations` (check badge, decision column), the
`DecisionFlow` behind the four decision buttons, and the `PushController` that writes to 1C
— by the button, after a decision, and whenever 1C answers again with writes waiting.
Every part is made with what it uses (never the window) and speaks in signals: the window
only connects them, so no part reaches back into it.

The window fits its screen (`ui_state`); extra width goes to the review's two columns, the
queue keeps about the width its columns need. Closing with decisions not yet written in 1C
asks first, saying how many and that they go at the next start (nothing is lost: they are
stored, and the next start writes them when 1C answers).
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Slot
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import QMainWindow, QMessageBox, QSplitter, QToolBar, QWidget

from desktop_app.domain.order_findings import REQUISITES, FindingSource
from desktop_app.services.directory_freshness import copy_if_first
from desktop_app.services.registry_source import RegistrySource
from desktop_app.services.workspace import Workspace
from desktop_app.store.directory_repository import DirectoryRepository
from desktop_app.store.onec_order_repository import OneCOrderRepository
from desktop_app.store.queue_repository import QueueRepository, QueueRow
from desktop_app.ui.batch_confirm import BatchConfirm
from desktop_app.ui.crash_dialog import CrashHandler
from desktop_app.ui.decision_flow import DecisionFlow
from desktop_app.ui.export_actions import ExportActions
from desktop_app.ui.help_menu import HelpMenu
from desktop_app.ui.link_guard import LinkGuard
from desktop_app.ui.plain_text import plain_message_box
from desktop_app.ui.push_controller import PushController
from desktop_app.ui.queue_annotations import EngineAnnotations
from desktop_app.ui.queue_panel import QueuePanel
from desktop_app.ui.registry_actions import RegistryActions
from desktop_app.ui.review_actions import ReviewActions
from desktop_app.ui.review_hooks import EngineSource
from desktop_app.ui.review_panel import ReviewPanel
from desktop_app.ui.settings_dialog import SettingsDialog
from desktop_app.ui.splitters import WeightedGrowth, named_splitter
from desktop_app.ui.status_bar import StatusBar
from desktop_app.ui.sync_controller import SyncController
from desktop_app.ui.ui_state import UiState, clip_to_screen, fit_first_time
from desktop_app.ui.workers import TaskRunner

translate = QCoreApplication.translate

log = logging.getLogger(__name__)
QUEUE_SHARE = 0.35
"""The queue's part of the first width, between QUEUE_WIDTHS: the rest is the review's."""
QUEUE_WIDTHS = (420, 680)


class MainWindow(QMainWindow):
    def __init__(
        self,
        workspace: Workspace,
        ui_state: UiState,
        *,
        log_path: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.ui_state = ui_state
        title = translate("MainWindow", "Order Review — проверка заказов с портала")
        self.setWindowTitle(
            title + (translate("MainWindow", " (демонстрация)") if workspace.demo else "")
        )
        self.runner = TaskRunner(self)
        database = workspace.database
        queue = QueueRepository(database)
        self.registry = RegistrySource(database)  # the registry's answers: one more check
        sources: tuple[FindingSource, ...] = (*REQUISITES, self.registry)
        annotations = EngineAnnotations(database, sources, lambda: self.registry.generation)
        self.queue = QueuePanel(queue, annotations, self)
        self.review = ReviewPanel(
            queue, DirectoryRepository(database), EngineSource(database, sources), self,
            onec_orders=OneCOrderRepository(database), registry=self.registry,
        )  # fmt: skip
        self.splitter = named_splitter(
            "mainSplitter", Qt.Orientation.Horizontal, self, [self.queue, self.review]
        )
        self.splitter.setStretchFactor(0, 1)  # extra width goes where the data is:
        self.splitter.setStretchFactor(1, 4)  # the portal's and 1C's columns
        self.growth = [
            WeightedGrowth(self.splitter, [1, 4]),
            WeightedGrowth(self.review.columns, [1, 1]),
        ]
        self.setCentralWidget(self.splitter)
        self.status = StatusBar(self)
        self.setStatusBar(self.status)
        self.outbox = PushController(workspace, self.runner, self.status, self)
        self.sync = SyncController(
            workspace, self.runner, self.status, self, queued_writes=self.outbox.counts,
            registry=self.registry,
        )  # fmt: skip
        self.registry_actions = RegistryActions(
            self.registry, workspace, self.runner, self.status, self,
            shown_order=lambda: self.review.order,
        )  # fmt: skip
        self.review.registry_line.set_action(self.registry_actions.check_action)
        self.crash = CrashHandler(log_path, self)
        self.settings_action = QAction(translate("MainWindow", "Настройки…"), self)
        self.settings_action.setShortcut(QKeySequence("Ctrl+,"))
        self.settings_action.triggered.connect(self.open_settings)
        self.settings_dialog: SettingsDialog | None = None
        self.message: QMessageBox | None = None
        self.quit_confirmed = False
        self._fitted = False
        self.export = ExportActions(
            workspace, self.runner, self.status, self,
            shown_order=lambda: self.review.order,
            queue_filter=lambda: (self.queue.model.state, self.queue.model.search),
            ui_state=ui_state,
        )  # fmt: skip
        self.flow = DecisionFlow(workspace, self.runner, self, cards=self.review)
        self.link_guard = LinkGuard(self.review.findings_of, self)
        selected = self.queue.selected_rows
        self.batch = BatchConfirm(selected, workspace, self.runner, self.status, self)
        self.queue.add_selection_action(self.batch.action)
        self._build_menus()
        self.queue.current_changed.connect(self._order_chosen)
        self.sync.orders_changed.connect(self._orders_changed)
        self.sync.orders_stored.connect(self.queue.refresh)  # a big fetch fills it as it goes
        self.sync.directory_changed.connect(self.review.reload)
        self.sync.onec_answered.connect(self.outbox.push_if_online)
        self.sync.orders_changed.connect(self.outbox.push_if_online)
        self.outbox.written.connect(self._orders_changed)
        self.review_actions.decision_requested.connect(self.link_guard.on_request)
        self.link_guard.passed.connect(self.flow.on_request)  # a warned link asks first
        self.flow.recorded.connect(self.decision_recorded)
        self.flow.recorded.connect(self.outbox.push_if_online)  # then, 1C answering, write it
        self.batch.confirmed.connect(self._orders_changed)
        self.registry_actions.checked.connect(self._orders_changed)
        self.registry_actions.bug.connect(self.crash.report)
        self.batch.confirmed.connect(self.outbox.push_if_online)
        for part in (self.sync, self.outbox, self.export, self.flow, self.batch):
            part.problem.connect(self._problem)
            part.bug.connect(self.crash.report)
        self._restore_layout()

    def _build_menus(self) -> None:
        sync = self.sync
        toolbar = QToolBar(translate("MainWindow", "Действия"), self)
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in (sync.fetch_action, sync.refresh_action, self.outbox.push_action):
            toolbar.addAction(action)
        toolbar.addSeparator()
        toolbar.addAction(self.settings_action)
        self.addToolBar(toolbar)
        menus = self.menuBar()
        file_menu = menus.addMenu(translate("MainWindow", "&Файл"))
        file_menu.addAction(self.settings_action)
        file_menu.addSeparator()
        quit_action = file_menu.addAction(translate("MainWindow", "Выход"))
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.triggered.connect(self.close)
        orders_menu = menus.addMenu(translate("MainWindow", "&Заказы"))
        for action in (sync.fetch_action, sync.refresh_action, self.outbox.push_action):
            orders_menu.addAction(action)
        decisions_menu = menus.addMenu(translate("MainWindow", "&Решение"))
        for action in self.review_actions.all_actions:
            decisions_menu.addAction(action)
        decisions_menu.addAction(self.batch.action)
        decisions_menu.addSeparator()
        decisions_menu.addAction(self.registry_actions.check_action)
        export_menu = menus.addMenu(translate("MainWindow", "&Экспорт"))
        for action in (
            self.export.invoice_action,
            self.export.invoices_action,
            self.export.list_action,
        ):
            export_menu.addAction(action)
        self.help = HelpMenu(self, self.workspace.data_dir)

    @property
    def review_actions(self) -> ReviewActions:
        return self.review.decisions

    @property
    def splitters(self) -> list[QSplitter]:
        review = self.review
        return [
            self.splitter,
            review.columns,
            review.sections,
            review.portal.splitter,
            review.onec.splitter,
        ]

    # --- life cycle ------------------------------------------------------------------------

    def _restore_layout(self) -> None:
        """The remembered geometry, splitters and filter (before the window is shown)."""
        if not self.ui_state.restore_window(self, self.splitters):
            fit_first_time(self)
            width = self.width()
            low, high = QUEUE_WIDTHS
            queue = min(max(int(width * QUEUE_SHARE), low), high)
            self.splitter.setSizes([queue, width - queue])
        state, search = self.ui_state.restore_filter()
        if state is not None or search:
            self.queue.set_filter(state, search)

    def start(self, *, fetch_now: bool = False, refresh_now: bool = False) -> None:
        """Start the background work: timers, link checks, and a fetch or refresh if asked."""
        self.queue.view.setFocus()  # the arrow keys walk the queue from the start
        if self.queue.current_row() is None:
            self.queue.select_row(0)
        self.sync.start(fetch_now=fetch_now, refresh_now=refresh_now)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._fitted:  # now the real frame is known: make sure it fits with it
            self._fitted = True
            clip_to_screen(self)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.StatusTip:
            return True  # QMainWindow would paint it as the bar's own message, over ours
        return super().event(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        unwritten = 0 if self.quit_confirmed else self.outbox.counts().unwritten
        if unwritten:
            event.ignore()
            self.ask_quit(unwritten)
            return
        self.ui_state.save_window(self, self.splitters)
        self.ui_state.save_filter(self.queue.model.state, self.queue.model.search)
        self.ui_state.sync()
        self.shutdown()
        event.accept()

    def ask_quit(self, unwritten: int) -> QMessageBox:
        """Ask (window-modal, never blocking) whether to quit with `unwritten` decisions."""
        text = translate(
            "MainWindow",
            "Решения, ещё не записанные в 1С: {0}. Они сохранены и будут отправлены в 1С при "
            "следующем запуске программы, когда 1С будет на связи. Выйти сейчас?",
        ).format(unwritten)
        title = translate("MainWindow", "Выход")
        box = plain_message_box(QMessageBox.Icon.Question, title, text, parent=self)
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.finished.connect(self._quit_answered)
        self.message = box
        box.open()
        return box

    @Slot(int)
    def _quit_answered(self, answer: int) -> None:
        if answer == QMessageBox.StandardButton.Yes.value:
            self.quit_confirmed = True
            self.close()

    def shutdown(self) -> None:
        """Stop the timers and every background task (waiting for their threads)."""
        self.sync.stop()
        if not self.runner.shutdown():
            log.warning("background tasks did not stop in time; closing anyway")

    # --- the queue and the review ----------------------------------------------------------

    @Slot(object)
    def _order_chosen(self, row: QueueRow | None) -> None:
        self.review.show_order(row)

    @Slot()
    def _orders_changed(self) -> None:
        self.queue.refresh()
        self.review.reload()

    @Slot(str)
    def decision_recorded(self, portal_id: str) -> None:
        """A decision was stored: refresh, count the outbox, open the next."""
        self.queue.advance_from(portal_id)
        self.status.set_queued_writes(self.outbox.counts())

    # --- dialogs ---------------------------------------------------------------------------

    @Slot()
    def open_settings(self) -> SettingsDialog:
        dialog = SettingsDialog(self.workspace, self.runner, self)
        dialog.accepted.connect(self._settings_saved)
        self.settings_dialog = dialog
        dialog.open()
        return dialog

    @Slot()
    def _settings_saved(self) -> None:
        self.sync.apply_settings()
        self.sync.probe_portal()
        self.sync.probe_onec()
        copy_if_first(self.workspace, self.sync.refresh_directory)  # day one: no duplicates

    @Slot(str, bool)
    def _problem(self, text: str, manual: bool) -> None:
        if manual:
            self.show_problem(text)

    def show_problem(self, text: str) -> None:
        """A known problem in words, in a message box (window-modal, plain text)."""
        title = translate("MainWindow", "Order Review")
        box = plain_message_box(QMessageBox.Icon.Warning, title, text, parent=self)
        self.message = box
        box.open()
