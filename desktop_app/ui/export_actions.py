"""The window's XLSX exports: the invoice of the order on screen, invoices for the queue as
filtered into a folder, and the queue as a list.

The manager picks the file or folder in a window-modal dialog (`open()`, never `exec()`);
the export itself — reading the seller's requisites (from settings, blanks from 1C), the
orders, writing the workbooks — runs on the `TaskRunner` with progress and a cancel in the
status bar. What the invoice could not fill (a blank seller field, a total that differs from
the portal's) is said afterwards, in words. The export modules (openpyxl with them, a third
of a second) are imported by the first export, in its worker thread, not at start.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog

from desktop_app.services.decision_service import linked_counterparty
from desktop_app.services.leftovers import remember_export_folder
from desktop_app.store.queue_repository import QueueRepository
from desktop_app.ui.error_words import log_problem
from desktop_app.ui.status_bar import Describe, TaskProgress
from desktop_app.ui.workers import Task, TaskContext

if TYPE_CHECKING:
    from desktop_app.ui.main_window import MainWindow

translate = QCoreApplication.translate


def _counted(what: str) -> Describe:
    def describe(value: object) -> TaskProgress:
        done, total = value if isinstance(value, tuple) else (0, None)
        return TaskProgress(f"{what}: {done} / {total or '…'}", int(done), total)

    return describe


class ExportActions(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.dialog: QFileDialog | None = None
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
        action = QAction(text, self.window)
        if keys:
            action.setShortcut(QKeySequence(keys))
        action.triggered.connect(slot)
        self.window.addAction(action)
        return action

    # --- asking where ----------------------------------------------------------------------

    @Slot()
    def ask_invoice(self) -> None:
        order = self.window.review.order
        if order is None:
            self.window.show_problem(translate("ExportActions", "Выберите заказ в очереди."))
            return
        if self.window.review.portal.from_onec:
            self.window.show_problem(
                translate(
                    "ExportActions",
                    "Этот заказ известен только из 1С (портал его не отдал): строк заказа "
                    "портала нет, счёт по нему выставляется в 1С.",
                )
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
        dialog = QFileDialog(self.window)
        dialog.setFileMode(mode)
        if mode is QFileDialog.FileMode.AnyFile:
            dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
            dialog.setNameFilter(translate("ExportActions", "Книга Excel (*.xlsx)"))
            dialog.setDefaultSuffix("xlsx")
            dialog.selectFile(name)
        dialog.fileSelected.connect(chosen)
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()

    # --- exporting (the work runs off the GUI thread) --------------------------------------

    @Slot(str)
    def save_invoice(self, path: str) -> Task | None:
        order = self.window.review.order
        if order is None:
            return None
        workspace = self.window.workspace

        def run(_context: TaskContext) -> list[str]:
            from desktop_app.services import export_service as export
            from desktop_app.services.seller_source import seller_for_invoices

            remember_export_folder(workspace.data_dir, Path(path).parent)
            reading = seller_for_invoices(workspace.settings, workspace.data_dir)
            buyer = linked_counterparty(workspace.database, order)
            invoice = export.make_invoice(order, reading.seller, workspace.settings.invoice, buyer)
            saved = export.write_invoice(invoice, Path(path))
            done = translate("ExportActions", "Счёт сохранён: {0}").format(saved)
            return [done, *reading.notes, *invoice.warnings]

        return self._start("export-invoice", run, translate("ExportActions", "Счёт"))

    @Slot(str)
    def save_invoices(self, folder: str) -> Task | None:
        workspace, model = self.window.workspace, self.window.queue.model
        state, search = model.state, model.search or None

        def run(context: TaskContext) -> list[str]:
            from desktop_app.services.export_service import export_invoices
            from desktop_app.services.seller_source import seller_for_invoices

            remember_export_folder(workspace.data_dir, Path(folder))
            reading = seller_for_invoices(workspace.settings, workspace.data_dir)
            report = export_invoices(
                QueueRepository(workspace.database), Path(folder), reading.seller,
                state=state, search=search, numbering=workspace.settings.invoice,
                buyer_for=lambda order: linked_counterparty(workspace.database, order),
                progress=lambda done, total: context.report((done, total)),
                cancel=context.cancel,
            )  # fmt: skip
            done = translate("ExportActions", "Счета сохранены в {0}: {1} из {2}.").format(
                folder, len(report.written), report.total
            )
            return [done, *reading.notes, *(f"{key}: {why}" for key, why in report.failed)]

        return self._start("export-invoices", run, translate("ExportActions", "Счета"))

    @Slot(str)
    def save_list(self, path: str) -> Task | None:
        workspace, model = self.window.workspace, self.window.queue.model
        state, search = model.state, model.search or None

        def run(context: TaskContext) -> list[str]:
            from desktop_app.services.export_service import export_order_list

            remember_export_folder(workspace.data_dir, Path(path).parent)
            written = export_order_list(
                QueueRepository(workspace.database), Path(path), state=state, search=search,
                progress=lambda done, total: context.report((done, total)),
                cancel=context.cancel,
            )  # fmt: skip
            return [
                translate("ExportActions", "Список сохранён: {0} (заказов: {1}).").format(
                    path, written
                )
            ]

        return self._start("export-list", run, translate("ExportActions", "Список заказов"))

    def _start(self, name: str, run: Callable[[TaskContext], list[str]], what: str) -> Task | None:
        if self.window.runner.running(name) is not None:
            return None
        task = self.window.runner.start(name, run)
        describe = _counted(what)
        self.window.status.show_task(task, describe, describe(None))
        task.succeeded.connect(self._done)
        task.failed.connect(self._failed)
        return task

    @Slot(object)
    def _done(self, lines: list[str]) -> None:
        self.window.status.showMessage(lines[0], 30_000)
        if len(lines) > 1:
            self.window.show_problem("\n".join(lines))

    @Slot(object)
    def _failed(self, error: BaseException) -> None:
        message = log_problem(translate("ExportActions", "Экспорт в XLSX"), error)
        if message is None:
            self.window.crash.report(error)
        else:
            self.window.show_problem(message)
