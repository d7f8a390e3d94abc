"""The «Справка» menu (issue 16, point 12): the keys read from the window's own actions, and
«О программе» with the version and the data and log folders."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QTableWidget
from pytestqt.qtbot import QtBot

from desktop_app import __version__
from desktop_app.services import app_dirs
from desktop_app.ui.help_menu import KeysDialog
from desktop_app.ui.main_window import MainWindow


def rows(table: QTableWidget) -> set[tuple[str, str]]:
    cells = [(table.item(r, 0), table.item(r, 1)) for r in range(table.rowCount())]
    return {(a.text(), b.text()) for a, b in cells if a is not None and b is not None}


def native(keys: str) -> str:
    return QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)


def test_the_help_menu_is_in_the_menu_bar(window: MainWindow) -> None:
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles[-1] == "&Справка"
    assert [a.text() for a in window.help.menu.actions()] == ["Клавиши…", "О программе…"]


def test_the_keys_are_those_of_the_windows_actions(qtbot: QtBot, window: MainWindow) -> None:
    dialog = window.help.show_keys()
    assert isinstance(dialog, KeysDialog) and dialog.isVisible()
    shown = rows(dialog.table)
    expected = {
        (a.text().replace("&", "").rstrip("…"), a.shortcut().toString(
            QKeySequence.SequenceFormat.NativeText))
        for a in window.findChildren(QAction)
        if not a.shortcut().isEmpty() and a.text()
    }  # fmt: skip
    assert expected <= shown
    assert ("Отправить в 1С", native("Ctrl+Shift+S")) in shown
    assert ("Выход", native("Ctrl+Q")) in shown
    assert ("Настройки", native("Ctrl+,")) in shown
    added = QAction("Новое действие", window)  # a new action shows up with no list to edit
    added.setShortcut(QKeySequence("Ctrl+Alt+J"))
    dialog.reject()
    assert ("Новое действие", native("Ctrl+Alt+J")) in rows(window.help.show_keys().table)


def test_about_names_the_version_and_the_folders(window: MainWindow) -> None:
    box = window.help.show_about()
    assert box.isVisible()
    text = box.text()
    assert __version__ in text
    assert f"Папка данных: {window.workspace.data_dir}" in text
    assert f"Папка журналов: {app_dirs.log_dir()}" in text
    box.close()
