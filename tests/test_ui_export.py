"""The window's exports end in the status bar, start in the documents folder, remember it."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QStandardPaths, QUrl
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from desktop_app.store.queue_repository import QueueRepository
from desktop_app.ui.demo import DemoEnvironment
from desktop_app.ui.main_window import MainWindow

WAIT = 60_000


def test_one_invoice_is_a_status_message_with_open_not_a_box(
    qtbot: QtBot, filled_demo: DemoEnvironment, window: MainWindow, tmp_path: Path
) -> None:
    window.start()
    qtbot.waitUntil(lambda: not window.runner.tasks, timeout=WAIT)
    first = QueueRepository(window.workspace.database).queue(limit=1)[0]
    assert window.queue.select(first.portal_id)
    boxes: list[QMessageBox] = []
    window.export.problem.connect(lambda text, _manual: boxes.append(text))
    opened: list[QUrl] = []
    window.export.notice.opener = opened.append

    invoice = tmp_path / "счёт.xlsx"
    task = window.export.save_invoice(str(invoice))
    assert task is not None
    with qtbot.waitSignal(task.finished, timeout=WAIT):
        pass

    assert invoice.is_file()
    assert boxes == [] and window.message is None  # no modal, not even for a warning
    assert window.status.currentMessage() == f"Счёт сохранён: {invoice}"
    button = window.export.notice.open_button
    assert not button.isHidden()
    button.click()
    assert opened == [QUrl.fromLocalFile(str(invoice))]
    window.status.showMessage("другое")  # the next message takes the button away
    assert button.isHidden()


def test_the_save_dialog_starts_in_documents_then_where_the_last_export_went(
    window: MainWindow, demo: DemoEnvironment, tmp_path: Path
) -> None:
    documents = tmp_path / "Документы"
    documents.mkdir()
    config = Path(os.environ["XDG_CONFIG_HOME"])  # the test's own (conftest)
    config.mkdir(parents=True, exist_ok=True)
    (config / "user-dirs.dirs").write_text(f'XDG_DOCUMENTS_DIR="{documents}"\n', "utf-8")
    where = QStandardPaths.StandardLocation.DocumentsLocation
    assert QStandardPaths.writableLocation(where) == str(documents)
    window.export.ask_list()
    dialog = window.export.dialog
    assert isinstance(dialog, QFileDialog)
    assert Path(dialog.directory().absolutePath()) == documents
    chosen = tmp_path / "выгрузки"
    chosen.mkdir()
    dialog.fileSelected.emit(str(chosen / "Заказы.xlsx"))
    dialog.reject()

    window.export.ask_folder()
    again = window.export.dialog
    assert isinstance(again, QFileDialog) and again is not dialog
    assert Path(again.directory().absolutePath()) == chosen
    again.reject()
    assert window.ui_state.export_folder() == str(chosen)  # kept for the next start
