"""Where an export went: a status-bar message with an «Открыть» button, and where the next
save dialog starts.

A saved invoice is good news, not a problem: a modal box after every invoice is one more
click between the manager and the next order, so the message stays in the status bar for
half a minute with the one thing the manager may want next — open the file (or the folder
of a batch) in its own program, through the desktop (`QDesktopServices`). What an export
could not fill is said in the same message (and in the button's tooltip, whole).

The save dialog starts in the folder of the last export (remembered with the window's
layout, `UiState`), or in the user's documents folder the first time — never in the
program's working directory.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDir, QObject, QStandardPaths, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QStatusBar, QToolButton

from desktop_app.ui.status_bar import plain_tooltip
from desktop_app.ui.ui_state import UiState

translate = QCoreApplication.translate

SHOWN_MS = 30_000


def documents_folder() -> str:
    """The user's documents folder («Документы»), or the home folder where there is none."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return documents if documents and Path(documents).is_dir() else QDir.homePath()


class ExportFolders:
    """The folder the next save dialog opens in: the last export's, else the documents."""

    def __init__(self, ui_state: UiState | None) -> None:
        self._ui_state = ui_state

    def start(self) -> str:
        remembered = self._ui_state.export_folder() if self._ui_state is not None else ""
        return remembered if remembered and Path(remembered).is_dir() else documents_folder()

    def chose(self, path: str, *, is_folder: bool) -> None:
        if self._ui_state is not None:
            folder = Path(path) if is_folder else Path(path).parent
            self._ui_state.save_export_folder(str(folder))


class SavedNotice(QObject):
    """The message «… сохранён» with «Открыть» beside it, until the message goes."""

    def __init__(self, status: QStatusBar) -> None:
        super().__init__(status)
        self.status = status
        self.target: Path | None = None
        self.opener: Callable[[QUrl], object] = QDesktopServices.openUrl
        """What opens the file; the tests replace it (nothing is opened on their desktop)."""
        self.open_button = QToolButton(status)
        self.open_button.setText(translate("ExportNotice", "Открыть"))
        self.open_button.clicked.connect(self.open)
        status.addPermanentWidget(self.open_button)
        self.open_button.hide()
        self._text = ""
        status.messageChanged.connect(self._message_changed)

    def show(self, text: str, target: Path, details: list[str] | None = None) -> None:
        """Say `text` (and the `details`, shorter, after it) and offer to open `target`."""
        shown = " ".join([text, *(details or [])])
        self.target = target
        self._text = shown
        self.status.showMessage(shown, SHOWN_MS)
        opens = translate("ExportNotice", "Открыть {0}").format(target)
        self.open_button.setToolTip(plain_tooltip("\n".join([opens, text, *(details or [])])))
        self.open_button.show()

    @Slot()
    def open(self) -> None:
        if self.target is not None:
            self.opener(QUrl.fromLocalFile(str(self.target)))

    @Slot(str)
    def _message_changed(self, text: str) -> None:
        if text != self._text:
            self.open_button.hide()
            self._text = ""
