"""The «Справка» menu: the keys of the window, and what the program is and where it keeps things.

«Клавиши» is read from the window itself — every action (and named shortcut) it holds with a
key sequence — so that the list can never drift from what the keys really do, as a hand list
would. «О программе» names the version and the folders a manager or an administrator is asked
for when something goes wrong: the data folder (the database, settings) and the log folder
(`services.app_dirs`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, Slot
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMainWindow,
    QMenu,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app import __version__
from desktop_app.services import app_dirs
from desktop_app.ui.plain_text import plain_message_box

translate = QCoreApplication.translate


@dataclass(frozen=True, slots=True)
class KeyRow:
    what: str
    keys: str


def _plain(text: str) -> str:
    """An action's text as a sentence: no mnemonic `&`, no trailing «…»."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()


def key_rows(window: QWidget) -> list[KeyRow]:
    """Every key of the window's actions and named shortcuts, in menu order, once each."""
    rows: list[KeyRow] = []
    seen: set[tuple[str, str]] = set()
    for action in window.findChildren(QAction):
        sequences = [s for s in action.shortcuts() if not s.isEmpty()]
        if not sequences or not action.text():
            continue
        keys = ", ".join(s.toString(QKeySequence.SequenceFormat.NativeText) for s in sequences)
        row = KeyRow(_plain(action.text()), keys)
        if (row.what, row.keys) not in seen:
            seen.add((row.what, row.keys))
            rows.append(row)
    for shortcut in window.findChildren(QShortcut):
        if shortcut.whatsThis() and not shortcut.key().isEmpty():
            keys = shortcut.key().toString(QKeySequence.SequenceFormat.NativeText)
            rows.append(KeyRow(shortcut.whatsThis(), keys))
    return rows


class KeysDialog(QDialog):
    def __init__(self, rows: list[KeyRow], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("HelpMenu", "Клавиши"))
        self.table = QTableWidget(len(rows), 2, self)
        self.table.setHorizontalHeaderLabels(
            [translate("HelpMenu", "Действие"), translate("HelpMenu", "Клавиши")]
        )
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        for number, row in enumerate(rows):
            for column, text in enumerate((row.what, row.keys)):
                item = QTableWidgetItem(text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                self.table.setItem(number, column, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(520, 480)


def about_text(data_dir: Path, log_dir: Path) -> str:
    return translate(
        "HelpMenu",
        "Order Review {0}\n\nПроверка заказов с портала и запись контрагентов в 1С.\n\n"
        "Папка данных: {1}\nПапка журналов: {2}",
    ).format(__version__, data_dir, log_dir)


class HelpMenu(QObject):
    """Builds «Справка» in `window`'s menu bar; keeps its open dialog referenced."""

    def __init__(self, window: QMainWindow, data_dir: Path) -> None:
        super().__init__(window)
        self.window = window
        self.data_dir = data_dir
        self.menu: QMenu = window.menuBar().addMenu(translate("HelpMenu", "&Справка"))
        self.keys_action = self.menu.addAction(translate("HelpMenu", "Клавиши…"))
        self.keys_action.triggered.connect(self.show_keys)
        self.about_action = self.menu.addAction(translate("HelpMenu", "О программе…"))
        self.about_action.triggered.connect(self.show_about)
        self.dialog: QDialog | None = None

    @Slot()
    def show_keys(self) -> KeysDialog:
        dialog = KeysDialog(key_rows(self.window), self.window)
        self.dialog = dialog
        dialog.open()
        return dialog

    @Slot()
    def show_about(self) -> QMessageBox:
        title = translate("HelpMenu", "О программе")
        text = about_text(self.data_dir, app_dirs.log_dir())
        box = plain_message_box(QMessageBox.Icon.Information, title, text, parent=self.window)
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.dialog = box
        box.open()
        return box
