"""What the window remembers between runs: its geometry, its splitters, the queue's filter,
the folder of the last export.

This is UI state, not configuration (GUIDE §7, Picard's split): it lives in an INI file
through QSettings — in the user's config folder, or inside the demo's throw-away folder —
and a value that cannot be read is simply not restored. Connection settings live in
`settings.json` (services/settings.py), never here.
"""

from __future__ import annotations

from pathlib import Path

import platformdirs
from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QMainWindow, QSplitter

from desktop_app.services.app_dirs import APP_DIR_NAME
from desktop_app.store.review_state import ReviewState

STATE_FILE = "window.ini"


def default_path() -> Path:
    return platformdirs.user_config_path(APP_DIR_NAME, appauthor=False) / STATE_FILE


class UiState:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._settings = QSettings(str(path), QSettings.Format.IniFormat)

    def save_window(self, window: QMainWindow, splitters: list[QSplitter]) -> None:
        self._settings.setValue("window/geometry", window.saveGeometry())
        self._settings.setValue("window/state", window.saveState())
        for splitter in splitters:
            self._settings.setValue(f"splitters/{splitter.objectName()}", splitter.saveState())

    def restore_window(self, window: QMainWindow, splitters: list[QSplitter]) -> bool:
        """Restore what was saved; False when there was nothing (first run)."""
        geometry = self._bytes("window/geometry")
        if geometry is None:
            return False
        window.restoreGeometry(geometry)
        state = self._bytes("window/state")
        if state is not None:
            window.restoreState(state)
        for splitter in splitters:
            saved = self._bytes(f"splitters/{splitter.objectName()}")
            if saved is not None:
                splitter.restoreState(saved)
        return True

    def save_filter(self, state: ReviewState | None, search: str) -> None:
        self._settings.setValue("queue/state", state.value if state else "")
        self._settings.setValue("queue/search", search)

    def restore_filter(self) -> tuple[ReviewState | None, str]:
        raw_state = self._settings.value("queue/state", "")
        search = self._settings.value("queue/search", "")
        try:
            state = ReviewState(str(raw_state)) if raw_state else None
        except ValueError:
            state = None
        return state, str(search or "")

    def export_folder(self) -> str:
        """The folder of the last export ("" before the first): the next save starts there."""
        return str(self._settings.value("export/folder", "") or "")

    def save_export_folder(self, folder: str) -> None:
        self._settings.setValue("export/folder", folder)

    def sync(self) -> None:
        self._settings.sync()

    def _bytes(self, key: str) -> QByteArray | None:
        value = self._settings.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None
