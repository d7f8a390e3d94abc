"""The window's XLSX exports: the invoice of the order on screen, invoices for the queue as
filtered into a folder, and the queue as a list.

The manager picks the file or folder in a window-modal dialog (`open()`, never `exec()`);
the export itself — reading the seller's requisites (from settings, blanks from 1C), the
orders, writing the workbooks — runs on the `TaskRunner` with progress and a cancel in the
status bar. A saved file is said in the status bar with «Открыть» beside it (`export_notice`),
never in a modal box; what one invoice could not fill (a blank seller field, a total that
differs from the portal's) is said in that message, what a batch could not fill in a box,
order by order. The dialog starts where the last export went, or in the documents folder.
The export modules (openpyxl with them, a third of a second) are imported by the first
export, in its worker thread, not at start.

Like `SyncController`, it is given what it uses — the workspace, the runner, the status bar,
and two callables for the order on screen and the queue's filter — and says its outcomes
as signals, so it knows nothing of the main window.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QWidget

from desktop_app.domain.order import Order
from desktop_app.domain.review_state import ReviewState
from desktop_app.services.workspace import Workspace
from desktop_app.store.queue_repository import QueueRepository
from desktop_app.ui.error_words import log_problem
from desktop_app.ui.export_notice import ExportFolders, SavedNotice
from desktop_app.ui.status_bar import Describe, StatusBar, TaskProgress
from desktop_app.ui.ui_state import UiState
from desktop_app.ui.workers import Task, TaskContext, TaskRunner

translate = QCoreApplication.translate

QueueFilter = Callable[[], tuple[ReviewState | None, str]]
"""The queue's filter as the manager set it: the state (None: all) and the search text."""


@dataclass(frozen=True, slots=True)
class Saved:
    """What an export saved and what it has to say of it."""

    target: Path
    """The file, or the folder of a batch: what «Открыть» opens."""
    text: str
    notes: list[str] = field(default_factory=list)
    """Said in the status bar after `text` (one invoice's blanks)."""
    problems: list[str] = field(default_factory=list)
    """Said in a box, one a line (a batch's, order by order)."""


def _counted(what: str) -> Describe:
    def describe(value: object) -> TaskProgress:
        done, total = value if isinstance(value, tuple) else (0, None)
        return TaskProgress(f"{what}: {done} / {total or '…'}", int(done), total)

    return describe


class ExportActions(QObject):
    problem = Signal(str, bool)
    """A known problem (or what an export could not fill) in words; always asked for."""
    bug = Signal(object)
    """An unexpected exception: for the crash dialog."""

    def __init__(
        self,
        workspace: Workspace,
        runner: TaskRunner,
        status: StatusBar,
        parent: QWidget,
        *,
        shown_order: Callable[[], Order | None],
        queue_filter: QueueFilter,
        ui_state: UiState | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.runner = runner
        self.status = status
        self._parent = parent
        self._shown_order = shown_order
        self._queue_filter = queue_filter
        self.dialog: QFileDialog | None = None
        self.folders = ExportFolders(ui_state)
        self.notice = SavedNotice(status)
        self._asking_folder = False
        self.invoice_action = self._action(
            translate("ExportActions", "Счёт на оплату в XLSX…"), "Ctrl+E", self.ask_invoice
        )
        self.invoices_action = self._action(
            translate("ExportActions", "Счета по заказам очереди в папку…"), "", self.ask_folder
        )
        self.list_action = self._action(
            translate("ExportActions", "Список заказов в XLSX…"), "", self.ask_list
        )

    def _action(self, text: str, keys: str, slot: Callable[[], None]) -> QAction:
        action = QAction(text, self._parent)
        if keys:
            action.setShortcut(QKeySequence(keys))
        action.triggered.connect(slot)
        self._parent.addAction(action)
        return action

    # --- asking where ----------------------------------------------------------------------

    @Slot()
    def ask_invoice(self) -> None:
        order = self._shown_order()
        if order is None:
            self.problem.emit(translate("ExportActions", "Выберите заказ в очереди."), True)
            return
        if QueueRepository(self.workspace.database).from_onec(order.id):
            self.problem.emit(
                translate(
                    "ExportActions",
                    "Этот заказ известен только из 1С (портал его не отдал): строк заказа "
                    "портала нет, счёт по нему выставляется в 1С.",
                ),
                True,
            )
            return
        name = translate("ExportActions", "Счёт {0}.xlsx").format(order.number or order.id)
        self._ask(QFileDialog.FileMode.AnyFile, name, self.save_invoice)

    @Slot()
    def ask_folder(self) -> None:
        self._ask(QFileDialog.FileMode.Directory, "", self.save_invoices)

    @Slot()
    def ask_list(self) -> None:
        self._ask(
            QFileDialog.FileMode.AnyFile,
            translate("ExportActions", "Заказы.xlsx"),
            self.save_list,
        )

    def _ask(self, mode: QFileDialog.FileMode, name: str, chosen: Callable[[str], object]) -> None:
        dialog = QFileDialog(self._parent)
        dialog.setFileMode(mode)
        dialog.setDirectory(self.folders.start())
        self._asking_folder = mode is QFileDialog.FileMode.Directory
        dialog.fileSelected.connect(self._remember_folder)
        if mode is QFileDialog.FileMode.AnyFile:
            dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
            dialog.setNameFilter(translate("ExportActions", "Книга Excel (*.xlsx)"))
            dialog.setDefaultSuffix("xlsx")
            dialog.selectFile(name)
        dialog.fileSelected.connect(chosen)
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()

    @Slot(str)
    def _remember_folder(self, path: str) -> None:
        self.folders.chose(path, is_folder=self._asking_folder)

    # --- exporting (the work runs off the GUI thread, in services.export_operations) -------

    @Slot(str)
    def save_invoice(self, path: str) -> Task | None:
        order = self._shown_order()
        if order is None:
            return None
        workspace = self.workspace

        def run(_context: TaskContext) -> Saved:
            from desktop_app.services.export_operations import export_order_invoice

            done = export_order_invoice(
                workspace.database, workspace.settings, workspace.data_dir, order, Path(path),
                vault=workspace.vault,
            )  # fmt: skip
            saved = translate("ExportActions", "Счёт сохранён: {0}").format(done.path)
            return Saved(done.path, saved, list(done.worded_problems(translate, window=True)))

        return self._start("export-invoice", run, translate("ExportActions", "Счёт"))

    @Slot(str)
    def save_invoices(self, folder: str) -> Task | None:
        workspace = self.workspace
        state, search = self._queue_filter()

        def run(context: TaskContext) -> Saved:
            from desktop_app.services.export_operations import export_queue_invoices

            done = export_queue_invoices(
                workspace.database, workspace.settings, workspace.data_dir, Path(folder),
                state=state, search=search or None,
                progress=lambda done, total: context.report((done, total)),
                cancel=context.cancel, vault=workspace.vault,
            )  # fmt: skip
            saved = translate("ExportActions", "Счета сохранены в {0}: {1} из {2}.").format(
                folder, len(done.report.written), done.report.total
            )
            problems = done.worded_problems(translate, window=True)
            return Saved(Path(folder), saved, problems=problems)

        return self._start("export-invoices", run, translate("ExportActions", "Счета"))

    @Slot(str)
    def save_list(self, path: str) -> Task | None:
        workspace = self.workspace
        state, search = self._queue_filter()

        def run(context: TaskContext) -> Saved:
            from desktop_app.services.export_operations import export_queue_list

            written = export_queue_list(
                workspace.database, workspace.data_dir, Path(path), state=state,
                search=search or None,
                progress=lambda done, total: context.report((done, total)),
                cancel=context.cancel,
            )  # fmt: skip
            saved = translate("ExportActions", "Список сохранён: {0} (заказов: {1}).")
            return Saved(Path(path), saved.format(path, written))

        return self._start("export-list", run, translate("ExportActions", "Список заказов"))

    def _start(self, name: str, run: Callable[[TaskContext], Saved], what: str) -> Task | None:
        if self.runner.running(name) is not None:
            return None
        task = self.runner.start(name, run)
        describe = _counted(what)
        self.status.show_task(task, describe, describe(None))
        task.succeeded.connect(self._done)
        task.failed.connect(self._failed)
        return task

    @Slot(object)
    def _done(self, saved: Saved) -> None:
        self.notice.show(saved.text, saved.target, saved.notes)
        if saved.problems:
            self.problem.emit("\n".join([saved.text, *saved.problems]), True)

    @Slot(object)
    def _failed(self, error: BaseException) -> None:
        message = log_problem(translate("ExportActions", "Экспорт в XLSX"), error)
        if message is None:
            self.bug.emit(error)
        else:
            self.problem.emit(message, True)
