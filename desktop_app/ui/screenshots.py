"""`gui --demo --screenshot DIR`: the main screens of the demo rendered to PNG files.

The window is laid out at `--size` (1366×768 by default — a common office laptop; 1920×1080
too), fetches the demo portal's orders and copies the demo 1C directory as it would on a
manager's first start, waits for that background work to end, then shows in turn: the queue
(on an order of a company 1C knows), the review of a new legal entity, the review of a branch
(1C knows the ИНН, with another КПП), the review of an order known from 1C alone (1C's
exchange took it first), the review of a buyer the registry says is liquidated
(`registry-liquidated`: the fetch asked the demo's registry emulator), the create card of
the new legal entity (`create-card`: the create action, then the window with the card
panel in the 1C column), an order with a warning among its findings, and the settings
dialog with both connection checks answered. Each screen is `QWidget.grab()`-ed, which
needs no display (QT_QPA_PLATFORM=offscreen works). The window speaks the language it was
started in:
`gui --lang en --demo --screenshot docs/screenshots/en` makes the English set beside the
Russian one.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, QPoint, QSize, QTimer
from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtWidgets import QApplication

from desktop_app.domain.decisions import DecisionKind
from desktop_app.domain.requisite_values import Severity
from desktop_app.store.directory_repository import DirectoryRepository
from desktop_app.store.queue_repository import QueueRepository
from desktop_app.ui.findings_bar import severity_word
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


def take_screenshots(window: MainWindow, folder: Path, size: QSize = SIZE) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    window.resize(size)
    window.show()
    window.start(fetch_now=True, refresh_now=True)
    wait_idle(window.runner)
    window.queue.refresh()
    window.resize(size)
    picks = pick_orders(window)
    saved: list[Path] = []
    for name, portal_id in (
        ("queue.png", picks.known),
        ("review-new-legal-entity.png", picks.new_legal),
        ("review-branch.png", picks.branch),
        ("review-from-1c.png", picks.from_onec),
        ("registry-liquidated.png", picks.liquidated),
    ):
        if _shown(window, portal_id, name):
            saved.append(_shot(window, folder / name))
    if _shown(window, picks.new_legal, "create-card.png"):
        saved.append(_create_card(window, folder / "create-card.png"))
    warned = _with_warning(window)
    if _shown(window, warned, "review-warning.png"):
        saved.append(_shot(window, folder / "review-warning.png"))
    dialog = window.open_settings()
    dialog.check_portal()
    dialog.check_onec()
    wait_idle(window.runner)
    _settle()
    path = folder / "settings.png"
    _dimmed_behind(window.grab(), dialog.grab()).save(str(path))
    saved.append(path)
    dialog.reject()
    window.quit_confirmed = True  # the demo's folder goes with it: nothing to ask
    return saved


def _shown(window: MainWindow, portal_id: str | None, name: str) -> bool:
    if portal_id is None or not window.queue.select(portal_id):
        print(
            translate("Screenshots", "В демонстрации нет подходящего заказа для {0}").format(name)
        )
        return False
    return True


def _shot(window: MainWindow, path: Path) -> Path:
    _settle()
    window.grab().save(str(path))
    return path


def _create_card(window: MainWindow, path: Path) -> Path:
    """The create action on the order on show, then the window (the card over it while it is
    a window of its own), then the card closed without creating anything."""
    window.review_actions.actions[DecisionKind.CREATE].trigger()
    _settle()
    card = window.flow.dialog
    if card is not None and card.isWindow() and card.isVisible():
        _dimmed_behind(window.grab(), card.grab()).save(str(path))
    else:
        window.grab().save(str(path))
    if card is not None:
        card.reject()
    return path


def _with_warning(window: MainWindow) -> str | None:
    """The first order of the queue whose review shows a warning (or an error)."""
    marks = (severity_word(Severity.WARNING), severity_word(Severity.ERROR))
    for row in QueueRepository(window.workspace.database).queue(limit=300):
        if row.from_onec or not window.queue.select(row.portal_id):
            continue
        if any(badge.startswith(marks) for badge in window.review.findings_bar.badges):
            return row.portal_id
    return None


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
