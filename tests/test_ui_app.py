"""The application around the window: demo, crash dialog, screenshots, `gui` and no command."""

from __future__ import annotations

import sys
import threading
from pathlib import Path
from typing import Any

import keyring
import pytest
from PySide6.QtGui import QGuiApplication, QImage
from pytestqt.qtbot import QtBot

from desktop_app.cli.main import main
from desktop_app.services.password_vault import MemoryVault
from desktop_app.ui import launch
from desktop_app.ui.crash_dialog import CrashHandler
from desktop_app.ui.demo import DemoEnvironment
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.screenshots import take_screenshots


def test_the_demo_is_configured_and_keeps_passwords_in_memory(demo: DemoEnvironment) -> None:
    workspace = demo.workspace
    assert workspace is not None and workspace.demo and workspace.configured
    assert isinstance(workspace.vault, MemoryVault) and not workspace.vault.persistent
    assert workspace.portal_password() == demo.portal.password
    assert workspace.onec_password() == demo.onec.password
    portal = workspace.settings.portal
    assert keyring.get_password("Order Review: portal", f"{portal.user}@{portal.url}") is None
    assert portal.url.startswith("http://127.0.0.1:")


@pytest.mark.expected_errors  # the bug is logged CRITICAL on purpose
def test_a_bug_opens_the_crash_dialog_with_copyable_details(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    handler = CrashHandler(tmp_path / "order-review.log", window)
    handler.install()
    try:
        raise ValueError("неожиданное значение")
    except ValueError:
        sys.excepthook(*sys.exc_info())
    qtbot.waitUntil(lambda: handler.dialog is not None and handler.dialog.isVisible())
    dialog = handler.dialog
    assert dialog is not None
    details = dialog.details.toPlainText()
    assert "ValueError: неожиданное значение" in details and "Traceback" in details
    assert str(tmp_path / "order-review.log") in dialog.log_label.text()
    dialog.copy_button.click()
    assert "ValueError: неожиданное значение" in QGuiApplication.clipboard().text()

    thread = threading.Thread(target=lambda: 1 / 0, name="worker")
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: "ZeroDivisionError" in dialog.details.toPlainText())
    assert "Поток: worker" in dialog.details.toPlainText()
    dialog.close()


@pytest.mark.expected_errors  # the bug is logged CRITICAL on purpose
def test_a_bug_in_a_background_task_reaches_the_crash_dialog(
    qtbot: QtBot, window: MainWindow
) -> None:
    def broken(_context: object) -> None:
        raise KeyError("ошибка в программе")

    task = window.runner.start("broken", broken)
    task.failed.connect(window.sync._probe_failed)
    qtbot.waitUntil(lambda: window.crash.dialog is not None and window.crash.dialog.isVisible())
    assert window.crash.dialog is not None
    assert "KeyError" in window.crash.dialog.details.toPlainText()
    window.crash.dialog.close()


def test_screenshots_of_the_main_screens(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    saved = take_screenshots(window, tmp_path / "shots")
    assert [p.name for p in saved] == [
        "queue.png",
        "review-new-legal-entity.png",
        "review-branch.png",
        "registry-liquidated.png",
        "create-card.png",
        "review-warning.png",
        "settings.png",
    ]
    for path in saved:
        image = QImage(str(path))
        assert (image.width(), image.height()) == (1366, 768)
    assert window.settings_dialog is not None and not window.settings_dialog.isVisible()


def test_gui_command_arguments(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["gui", "--screenshot", "x"]) == 2
    assert "--screenshot работает только вместе с --demo" in capsys.readouterr().err
    assert main(["gui", "--demo", "--orders", "0"]) == 2
    assert main(["gui", "--demo", "--screenshot", "x", "--size", "big"]) == 2
    assert "--size: ширина и высота окна" in capsys.readouterr().err


def test_no_command_offers_the_demo_when_nothing_is_configured(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    calls: list[dict[str, Any]] = []

    def run_gui(_data_dir: Path | None, **options: Any) -> int:
        calls.append(options)
        return 0

    monkeypatch.setattr(launch, "run_gui", run_gui)
    assert main(["--data-dir", str(tmp_path / "fresh")]) == 0
    assert calls == [{"offer": True, "language": None}]
    (tmp_path / "set").mkdir()
    (tmp_path / "set" / "settings.json").write_text(
        '{"portal": {"url": "https://b2b.example.ru/x.php", "user": "u"}}', encoding="utf-8"
    )
    assert main(["--data-dir", str(tmp_path / "set")]) == 0
    assert calls[-1] == {"offer": False, "language": None}

    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    assert main([]) == 2
    assert "gui --demo" in capsys.readouterr().err


def test_the_offer_can_be_declined(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(launch, "offer_demo", lambda: launch.Start.QUIT)
    monkeypatch.setattr(launch, "qInstallMessageHandler", lambda handler: None)
    assert launch.run_gui(None, offer=True) == 0
