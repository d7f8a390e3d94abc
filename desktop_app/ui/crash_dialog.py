"""A bug opens a dialog: what happened in one sentence, the details to copy, the log's path.

`CrashHandler.install()` takes over `sys.excepthook` and `threading.excepthook` (and the
failures of background tasks are handed to `report`). Whatever thread a bug happens in, it
is logged with its traceback at once and the dialog is shown on the GUI thread: the hook
only emits a signal, which Qt delivers, queued, to a `@Slot` of the handler (GUIDE §7:
a thread-safe excepthook). A second bug while the dialog is open adds to its details.

Not everything that reaches the hook is a bug: a database error of the disk or the file
(full, read-only, locked, damaged) can surface in any statement, also one run on the GUI
thread. Those are known problems (`error_words.user_message`, qutebrowser's split) and get
a message box with their sentence, not the crash dialog.
"""

from __future__ import annotations

import logging
import platform
import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app import __version__
from desktop_app.ui.card_view import plain_label
from desktop_app.ui.error_words import user_message

translate = QCoreApplication.translate

log = logging.getLogger(__name__)


def describe(error: BaseException) -> str:
    """The details a developer needs: versions, platform, the traceback."""
    lines = [
        f"Order Review {__version__}",
        f"Python {platform.python_version()}, PySide6 {pyside_version}, {platform.platform()}",
        translate("CrashDialog", "Поток: {0}").format(threading.current_thread().name),
        "",
        *traceback.format_exception(type(error), error, error.__traceback__),
    ]
    return "\n".join(line.rstrip("\n") for line in lines)


class CrashDialog(QDialog):
    def __init__(self, details: str, log_path: Path | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(translate("CrashDialog", "Ошибка в программе"))
        self.resize(720, 460)
        intro = plain_label(
            translate(
                "CrashDialog",
                "В программе произошла ошибка. Уже сохранённые заказы и решения не потеряны. "
                "Скопируйте подробности и отправьте их разработчикам вместе с журналом.",
            ),
            self,
        )
        where = str(log_path) if log_path else translate("CrashDialog", "журнал не ведётся")
        self.log_label = plain_label(translate("CrashDialog", "Журнал: {0}").format(where), self)
        self.details = QPlainTextEdit(self)
        self.details.setReadOnly(True)
        self.details.setPlainText(details)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.copy_button = QPushButton(translate("CrashDialog", "Скопировать подробности"), self)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.copy_button.clicked.connect(self.copy)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.details, 1)
        layout.addWidget(self.log_label)
        layout.addWidget(buttons)

    def add_details(self, details: str) -> None:
        self.details.appendPlainText("\n" + "-" * 40 + "\n" + details)

    @Slot()
    def copy(self) -> None:
        text = self.details.toPlainText() + "\n\n" + self.log_label.text()
        QGuiApplication.clipboard().setText(text)


class CrashHandler(QObject):
    crashed = Signal(str)
    problem = Signal(str)
    """A known problem reached the hook: its sentence, for a message box."""

    def __init__(self, log_path: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.log_path = log_path
        self.dialog: CrashDialog | None = None
        self.problem_box: QMessageBox | None = None
        self._parent = parent
        self.crashed.connect(self._show)
        self.problem.connect(self._show_problem)

    def install(self) -> None:
        sys.excepthook = self._excepthook
        threading.excepthook = self._thread_hook

    def report(self, error: BaseException) -> None:
        """A bug caught elsewhere (a background task's failure): log it, show it; a known
        problem that got this far is logged as one line and shown as its sentence."""
        message = user_message(error)
        if message is not None:
            log.warning("%s", message)
            self.problem.emit(message)
            return
        log.critical("unexpected error", exc_info=error)
        self.crashed.emit(describe(error))

    def _excepthook(
        self,
        kind: type[BaseException],
        error: BaseException,
        trace: TracebackType | None,
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, trace)
            return
        self.report(error.with_traceback(trace))

    def _thread_hook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            self.report(args.exc_value.with_traceback(args.exc_traceback))

    @Slot(str)
    def _show(self, details: str) -> None:
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.add_details(details)
            return
        self.dialog = CrashDialog(details, self.log_path, self._parent)
        self.dialog.open()

    @Slot(str)
    def _show_problem(self, message: str) -> None:
        if self.problem_box is not None and self.problem_box.isVisible():
            return  # the same trouble again (a full disk fails every write): said once
        self.problem_box = QMessageBox(
            QMessageBox.Icon.Warning, translate("CrashDialog", "Order Review"), message,
            QMessageBox.StandardButton.Ok, self._parent,
        )  # fmt: skip
        self.problem_box.setTextFormat(Qt.TextFormat.PlainText)
        self.problem_box.open()
