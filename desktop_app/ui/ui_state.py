"""What the window remembers between runs: its geometry, its splitters, the queue's filter,
the folder of the last export.

The window always fits the screen it opens on (issue 16, point 6): the first time it takes
most of the screen's available area (never more), and a remembered geometry — saved on a
bigger monitor, or before the taskbar moved — is clipped to the screen it comes back on, so
the status bar at the bottom is never off-screen.

This is UI state, not configuration (GUIDE §7, Picard's split): it lives in an INI file
through QSettings — in the user's config folder, or inside the demo's throw-away folder —
and a value that cannot be read is simply not restored. Connection settings live in
`settings.json` (services/settings.py), never here.
"""

from __future__ import annotations

from pathlib import Path

import platformdirs
from PySide6.QtCore import QByteArray, QMargins, QPoint, QRect, QSettings, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMainWindow, QSplitter

from desktop_app.services.app_dirs import APP_DIR_NAME
from desktop_app.store.review_state import ReviewState

STATE_FILE = "window.ini"
PREFERRED = QSize(1366, 768)
"""The first size on a screen that has room for it; a bigger screen gives 85 % of itself."""
ASSUMED_FRAME = QMargins(4, 32, 4, 4)
"""The title bar, before the window manager has told its real frame (a window not shown)."""


def available_area(window: QMainWindow) -> QRect:
    """The available geometry (without taskbars) of the screen the window is on."""
    screen = QGuiApplication.screenAt(window.geometry().center()) or window.screen()
    screen = screen or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def _frame(window: QMainWindow) -> QMargins:
    frame, inner = window.frameGeometry(), window.geometry()
    real = QMargins(inner.left() - frame.left(), inner.top() - frame.top(),
                    frame.right() - inner.right(), frame.bottom() - inner.bottom())  # fmt: skip
    return real if window.isVisible() and not real.isNull() else ASSUMED_FRAME


def clipped(inner: QRect, frame: QMargins, area: QRect) -> QRect:
    """`inner` (the window without its frame) made to fit, frame included, inside `area`."""
    room = area.marginsRemoved(frame)
    size = inner.size().boundedTo(room.size())
    left = min(max(inner.left(), room.left()), room.right() + 1 - size.width())
    top = min(max(inner.top(), room.top()), room.bottom() + 1 - size.height())
    return QRect(QPoint(left, top), size)


def clip_to_screen(window: QMainWindow) -> None:
    """Shrink and move the window into its screen's available area (not when maximized)."""
    if window.isMaximized() or window.isFullScreen():
        return
    window.setGeometry(clipped(window.geometry(), _frame(window), available_area(window)))


def fit_first_time(window: QMainWindow) -> None:
    """The first geometry: the preferred size, more on a big screen, always within it."""
    area = available_area(window)
    room = area.marginsRemoved(_frame(window))
    size = PREFERRED.expandedTo(room.size() * 0.85).boundedTo(room.size())
    corner = room.topLeft() + QPoint(
        (room.width() - size.width()) // 2, (room.height() - size.height()) // 2
    )
    window.setGeometry(QRect(corner, size))


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
        clip_to_screen(window)
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
