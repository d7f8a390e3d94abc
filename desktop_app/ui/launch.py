"""Starting the desktop window: a configured workspace, the demo, or the offer of the demo.

`run_gui` is what `gui` (and `order-review` with no arguments) runs: it makes the Qt
application, opens the workspace — the data folder with the keychain, or the demo — shows
the window, and cleans everything up when the window closes. Problems a manager can act on
(a database that cannot be opened, a broken settings file) are a message box and exit code
2; bugs go to the crash dialog and the log. Qt's own warnings go to the log too.
"""

from __future__ import annotations

import logging
import signal
from enum import StrEnum
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QMessageLogContext,
    QSize,
    QTimer,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtWidgets import QMessageBox

from desktop_app.services import app_dirs, logging_setup, settings
from desktop_app.services.password_vault import KeychainVault
from desktop_app.services.settings import Language, SettingsError
from desktop_app.services.workspace import Workspace
from desktop_app.store.directory_repository import DirectoryKind, DirectoryRepository
from desktop_app.store.errors import StoreError
from desktop_app.ui import qt_app
from desktop_app.ui.demo import DemoEnvironment
from desktop_app.ui.demo_start import DemoStart
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.plain_text import plain_message_box
from desktop_app.ui.ui_state import UiState, default_path

translate = QCoreApplication.translate

log = logging.getLogger(__name__)
qt_log = logging.getLogger("qt")


class Start(StrEnum):
    DEMO = "demo"
    SETTINGS = "settings"
    QUIT = "quit"


def offer_demo() -> Start:
    """Nothing is configured: ask whether to see the demo or to set up the connections."""
    text = translate(
        "Launch",
        "Подключения к порталу и 1С ещё не настроены.\n\n"
        "Показать демонстрацию? Она запускает встроенные портал 1С-Битрикс и 1С:УТ 11 "
        "с придуманными заказами и ничего не меняет на этом компьютере.",
    )
    box = QMessageBox(QMessageBox.Icon.Question, translate("Launch", "Order Review"), text)
    demo = box.addButton(translate("Launch", "Демонстрация"), QMessageBox.ButtonRole.AcceptRole)
    settings = box.addButton(
        translate("Launch", "Настроить подключения"), QMessageBox.ButtonRole.ActionRole
    )
    box.addButton(translate("Launch", "Выход"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    clicked = box.clickedButton()
    return Start.DEMO if clicked is demo else Start.SETTINGS if clicked is settings else Start.QUIT


def _qt_message(kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
    level = {
        QtMsgType.QtDebugMsg: logging.DEBUG,
        QtMsgType.QtInfoMsg: logging.INFO,
        QtMsgType.QtWarningMsg: logging.WARNING,
    }.get(kind, logging.ERROR)
    qt_log.log(level, "%s", message)


def run_gui(
    data_dir: Path | None,
    *,
    demo: bool = False,
    offer: bool = False,
    screenshot: Path | None = None,
    screenshot_size: tuple[int, int] | None = None,
    orders: int | None = None,
    seed: int | None = None,
    language: Language | None = None,
) -> int:
    app = qt_app.application(language=language or language_setting(data_dir))
    qInstallMessageHandler(_qt_message)
    start = Start.DEMO if demo else (offer_demo() if offer else Start.SETTINGS)
    if start is Start.QUIT:
        return 0
    environment: DemoEnvironment | None = None
    try:
        if start is Start.DEMO:
            environment = DemoEnvironment(orders=orders or 40, seed=seed or 2026)
            # The window shows at once; the world is made behind it (`DemoStart`) — except
            # for screenshots, which need the whole demo before the first picture.
            workspace = environment.start() if screenshot is not None else environment.open()
            ui_state = UiState(environment.ui_state_path)
        else:
            workspace = Workspace.open(app_dirs.data_dir(data_dir), KeychainVault())
            ui_state = UiState(default_path())
    except (StoreError, SettingsError) as error:
        log.warning("cannot open the workspace: %s", error)
        title = translate("Launch", "Order Review")
        plain_message_box(QMessageBox.Icon.Critical, title, str(error)).exec()
        return 2
    try:
        window = MainWindow(workspace, ui_state, log_path=_log_path())
        window.crash.install()
        if screenshot is not None:
            from desktop_app.ui.screenshots import SIZE, take_screenshots

            size = QSize(*screenshot_size) if screenshot_size else SIZE
            for path in take_screenshots(window, screenshot, size):
                print(path)
            window.close()
            return 0
        window.show()
        stop_on_signals(window)
        if environment is not None:
            DemoStart(environment, window).begin()
            return int(app.exec())
        directory = DirectoryRepository(workspace.database)
        never_copied = directory.last_refresh(DirectoryKind.COUNTERPARTIES) is None
        onec_set = bool(workspace.settings.onec.url)
        window.start(fetch_now=workspace.configured, refresh_now=never_copied and onec_set)
        if not workspace.configured:
            window.open_settings()
        return int(app.exec())
    finally:
        workspace.close()
        if environment is not None:
            environment.stop()


def language_setting(data_dir: Path | None) -> Language:
    """The `ui.language` of the data folder (also for the demo, whose own settings are new).

    A broken settings file means `system` here: the window says what is wrong with it."""
    try:
        return settings.load(app_dirs.data_dir(data_dir)).ui.language
    except SettingsError:
        return Language.SYSTEM


def stop_on_signals(window: MainWindow) -> None:
    """Ctrl+C in the terminal (or a TERM from the system) closes the window properly.

    Python handles a signal only when it runs some Python code; the idle timer gives it that
    chance four times a second while Qt's event loop waits.
    """

    def close(_number: int, _frame: object) -> None:
        log.info("closing on a signal")
        window.close()

    for number in (signal.SIGINT, signal.SIGTERM):
        signal.signal(number, close)
    idle = QTimer(window)
    idle.timeout.connect(lambda: None)
    idle.start(250)


def _log_path() -> Path | None:
    path = app_dirs.log_dir() / logging_setup.LOG_FILE
    return path if path.exists() else None
