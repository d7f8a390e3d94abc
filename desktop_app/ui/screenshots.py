"""`gui --demo --screenshot DIR`: the main screens of the demo rendered to PNG files.

The window is laid out at 1366×768 (a common office laptop), fetches the demo portal's
orders and copies the demo 1C directory as it would on a manager's first start, waits for
that background work to end, then shows in turn: the queue (on an order of a company 1C
knows), the review of a new legal entity, the review of a branch (1C knows the ИНН, with
another КПП), the review of an order known from 1C alone (1C's exchange took it first), the
review of a buyer the registry says is liquidated (`registry-liquidated`: the fetch asked
the demo's registry emulator), and the settings dialog with both connection checks
answered. Each screen is `QWidget.grab()`-ed, which needs no display
(QT_QPA_PLATFORM=offscreen works). The window speaks the language it was started in:
`gui --lang en --demo --screenshot docs/screenshots/en` makes the English set beside the
Russian one.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, QPoint, QSize, QTimer
from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtWidgets import QApplication

from desktop_app.store.directory_repository import DirectoryRepository
from desktop_app.store.queue_repository import QueueRepository
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.workers import TaskRunner

translate = QCoreApplication.translate

SIZE = QSize(1366, 768)


WAIT_MS = 180_000


@dataclass
class Picks:
    known: str | None = None
    new_legal: str | None = None
    branch: str | None = None
    from_onec: str | None = None
    liquidated: str | None = None
    """An order of a buyer the registry (the demo's emulator) says is liquidated."""


def wait_idle(runner: TaskRunner, timeout_ms: int = WAIT_MS) -> bool:
    """Run the event loop until no background task is left; False on timeout."""
    loop = QEventLoop()
    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(loop.quit)
    poll = QTimer()
    poll.timeout.connect(lambda: loop.quit() if not runner.tasks else None)
    timer.start(timeout_ms)
    poll.start(50)
    loop.exec()
    poll.stop()
    idle = not runner.tasks
    timer.stop()
    return idle


def pick_orders(window: MainWindow) -> Picks:
    """An order of each kind the screenshots show, from the queue as it stands."""
    database = window.workspace.database
    directory = DirectoryRepository(database)
    picks = Picks()
    queue = QueueRepository(database)
    for row in queue.queue(limit=1000):
        if picks.liquidated is None and row.buyer_inn and not row.from_onec:
            order = queue.order(row.portal_id)
            said = window.registry(order) if order is not None else []
            if any(f.code == "registry-liquidated" for f in said):
                picks.liquidated = row.portal_id
        if row.from_onec:
            picks.from_onec = picks.from_onec or row.portal_id
            continue
        if not row.buyer_inn or row.buyer_kind != "legal":
            continue
        found = directory.find_counterparties(inn=row.buyer_inn)
        if any(c.kpp == row.buyer_kpp for c in found):
            picks.known = picks.known or row.portal_id
        elif found:
            picks.branch = picks.branch or row.portal_id
        else:
            picks.new_legal = picks.new_legal or row.portal_id
    return picks


def _settle() -> None:
    QApplication.processEvents()
    QApplication.processEvents()


def take_screenshots(window: MainWindow, folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    window.resize(SIZE)
    window.show()
    window.start(fetch_now=True, refresh_now=True)
    wait_idle(window.runner)
    window.queue.refresh()
    window.resize(SIZE)
    picks = pick_orders(window)
    saved: list[Path] = []
    for name, portal_id in (
        ("queue.png", picks.known),
        ("review-new-legal-entity.png", picks.new_legal),
        ("review-branch.png", picks.branch),
        ("review-from-1c.png", picks.from_onec),
        ("registry-liquidated.png", picks.liquidated),
    ):
        if portal_id is None or not window.queue.select(portal_id):
            print(
                translate("Screenshots", "В демонстрации нет подходящего заказа для {0}").format(
                    name
                )
            )
            continue
        _settle()
        path = folder / name
        window.grab().save(str(path))
        saved.append(path)
    dialog = window.open_settings()
    dialog.check_portal()
    dialog.check_onec()
    wait_idle(window.runner)
    _settle()
    path = folder / "settings.png"
    _dimmed_behind(window.grab(), dialog.grab()).save(str(path))
    saved.append(path)
    dialog.reject()
    return saved


def _dimmed_behind(back: QPixmap, front: QPixmap) -> QPixmap:
    """The dialog over its window, as a manager sees it (the window dimmed behind)."""
    picture = QPixmap(back)
    painter = QPainter(picture)
    painter.fillRect(picture.rect(), QColor(0, 0, 0, 90))
    corner = QPoint(
        max(0, (picture.width() - front.width()) // 2),
        max(0, (picture.height() - front.height()) // 2),
    )
    painter.drawPixmap(corner, front)
    painter.end()
    return picture
