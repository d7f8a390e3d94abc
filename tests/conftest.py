"""Shared test set-up: offscreen Qt, no real user directories, the reference documents."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from desktop_app.adapters.onec.odata_client import ODataClient, OneCConnection
from desktop_app.domain.counterparty import Counterparty, CounterpartyKind
from desktop_app.emulators.onec import OneCEmulator
from desktop_app.emulators.portal import PortalEmulator
from desktop_app.emulators.world import World
from desktop_app.ui.demo import DemoEnvironment

if TYPE_CHECKING:
    from desktop_app.ui.main_window import MainWindow
    from desktop_app.ui.workers import TaskRunner

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# keyring's own switch to a throw-away backend: a plain file under XDG_DATA_HOME, which the
# fixture below points into the test's tmp_path. The user's real keychain is never touched.
os.environ["PYTHON_KEYRING_BACKEND"] = "keyrings.alt.file.PlaintextKeyring"

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
REFERENCE = Path(
    os.environ.get("ORDER_REVIEW_REFERENCE_DIR") or ROOT.parent / "shared" / "reference"
)


class _ErrorRecords(logging.Handler):
    """Every ERROR or CRITICAL record any logger sends while a test runs."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def _open_crash_dialogs() -> list[Any]:
    if "PySide6.QtWidgets" not in sys.modules:
        return []
    from PySide6.QtWidgets import QApplication

    from desktop_app.ui.crash_dialog import CrashDialog

    if QApplication.instance() is None:
        return []
    return [
        w for w in QApplication.topLevelWidgets() if isinstance(w, CrashDialog) and w.isVisible()
    ]


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Iterator[None]:
    """An unexpected ERROR log record or an open crash dialog fails the test (qutebrowser's
    logfail): a bug the app only logged, or showed to the user, is still a bug. A test that
    provokes one on purpose says so with `@pytest.mark.expected_errors`."""
    handler = _ErrorRecords()
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        result = yield
    finally:
        root.removeHandler(handler)
    if item.get_closest_marker("expected_errors") is None:
        if handler.records:
            shown = "; ".join(f"{r.name}: {r.getMessage()}" for r in handler.records[:3])
            pytest.fail(f"unexpected ERROR log records ({len(handler.records)}): {shown}")
        if _open_crash_dialogs():
            pytest.fail("a crash dialog is open at the end of the test")
    return result


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep every test away from the real user's data, config, cache and log folders."""
    home = tmp_path / "home"
    for variable, folder in {
        "XDG_DATA_HOME": "data",
        "XDG_CONFIG_HOME": "config",
        "XDG_CACHE_HOME": "cache",
        "XDG_STATE_HOME": "state",
    }.items():
        monkeypatch.setenv(variable, str(home / folder))
    monkeypatch.setenv("ORDER_REVIEW_DATA_DIR", str(tmp_path / "order-review-data"))


@pytest.fixture
def reference_dir() -> Path:
    """The third-party reference documents (../shared/reference), or a skip when absent."""
    if not REFERENCE.is_dir():
        pytest.skip(
            f"reference documents not found at {REFERENCE} (set ORDER_REVIEW_REFERENCE_DIR)"
        )
    return REFERENCE


@pytest.fixture
def portal() -> Iterator[PortalEmulator]:
    """A running portal emulator with 40 orders of a small generated world; stopped after."""
    emulator = PortalEmulator(World.generate(seed=17, buyers=30), orders=40)
    with emulator:
        yield emulator


def onec_client(emulator: OneCEmulator) -> ODataClient:
    """An OData client of the 1C emulator's administrator, with short retry pauses."""
    return ODataClient(
        OneCConnection(url=emulator.service_root, user="Администратор", password="", backoff=0.01)
    )


def portal_buyer(**changes: Any) -> Counterparty:
    """A clean Russian legal entity as the portal sends it; `changes` make it what a test needs."""
    values: dict[str, Any] = {
        "id": "17#buyer#Иванов",
        "name": 'ООО "Вектор"',
        "official_name": 'Общество с ограниченной ответственностью "Вектор"',
        "full_name": None,
        "kind": CounterpartyKind.LEGAL,
        "role": "Покупатель",
        "inn": "7707083893",
        "kpp": "770701001",
        "okpo": None,
        "surname": None,
        "first_name": None,
        "patronymic": None,
        "legal_address": "119021, г. Москва, ул. Садовая, д. 11",
        "registration_address": None,
        "address": None,
    }
    return Counterparty(**(values | changes))


def cli(data_dir: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    """`python -m desktop_app --data-dir DATA_DIR ARGS…` as a user runs it, in a subprocess."""
    return subprocess.run(
        [sys.executable, "-m", "desktop_app", "--data-dir", str(data_dir), *args],
        cwd=ROOT, input=stdin, capture_output=True, text=True, encoding="utf-8",
        check=False, timeout=180,
    )  # fmt: skip


def one_line_error(result: subprocess.CompletedProcess[str], words: str) -> None:
    """The command could not start (exit 2) and said so in one line, no traceback."""
    assert result.returncode == 2, result
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, lines
    assert words in lines[0]


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[DemoEnvironment]:
    """The GUI demo's world: both emulators on loopback, a configured workspace; no timer.
    Every order reaches the portal's pages (1C's exchange took none first: see
    test_ui_onec_misses.py for the demo's own)."""
    environment = DemoEnvironment(
        orders=40, fetch_every=0, keep=tmp_path / "demo-data", onec_first=0
    )
    environment.start()
    yield environment
    environment.stop()


@pytest.fixture
def window(qtbot: Any, demo: DemoEnvironment, tmp_path: Path) -> Iterator[MainWindow]:
    """The main window on the demo workspace, not started; closed (threads joined) after."""
    assert demo.workspace is not None
    yield from shown_window(qtbot, demo.workspace, tmp_path)


def shown_window(qtbot: Any, workspace: Any, tmp_path: Path) -> Iterator[MainWindow]:
    """A window fixture's body: the main window on `workspace` at 1366×768, shown; after the
    test, closed with its threads joined and its C++ side deleted."""
    from desktop_app.ui.main_window import MainWindow
    from desktop_app.ui.ui_state import UiState

    shown = MainWindow(workspace, UiState(tmp_path / "window.ini"))
    shown.resize(1366, 768)
    shown.show()
    yield shown
    shown.quit_confirmed = True  # the test's end, not a manager quitting: nothing to ask
    shown.close()  # cancels the background tasks and joins their threads
    assert shown.runner.idle, "background threads left running"
    qtbot.waitUntil(lambda: not shown.runner.tasks)  # their last signals delivered
    destroy(shown)


def destroy(widget: Any) -> None:
    """Delete a closed window's C++ side now: no widget of one test lives on into the next."""
    from PySide6.QtCore import QCoreApplication, QEvent

    widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def filled_demo(demo: DemoEnvironment) -> DemoEnvironment:
    """The demo with its orders fetched and 1C's directory copied (straight, not in the GUI)."""
    from desktop_app.services.directory_service import refresh_directory
    from desktop_app.services.fetch_service import fetch_orders
    from desktop_app.services.onec_connection import connect
    from desktop_app.store.directory_repository import DirectoryRepository

    workspace = demo.workspace
    assert workspace is not None
    settings = workspace.settings
    fetch_orders(settings.portal, demo.portal.password, workspace.database, workspace.work_dir)
    session = connect(settings.onec, demo.onec.password, workspace.data_dir)
    with session.client:
        refresh_directory(session.client, DirectoryRepository(workspace.database))
    return demo


@pytest.fixture
def runner(qtbot: Any) -> Iterator[TaskRunner]:
    """A background-task runner of its own, shut down (threads joined) after the test."""
    from desktop_app.ui.workers import TaskRunner

    tasks = TaskRunner()
    yield tasks
    assert tasks.shutdown(5000)
    qtbot.waitUntil(lambda: not tasks.tasks)
