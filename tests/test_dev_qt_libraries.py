"""`dev.py demo` names the missing system libraries of Qt's xcb plugin instead of crashing."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

DEV = Path(__file__).resolve().parent.parent / "packaging" / "dev.py"


@pytest.fixture(scope="module")
def dev() -> ModuleType:
    spec = importlib.util.spec_from_file_location("order_review_dev", DEV)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_nothing_missing_means_no_message(dev: ModuleType) -> None:
    assert dev.missing_packages(lambda _soname: True) == []
    assert dev.qt_libraries_message([]) is None


def test_missing_libraries_give_the_apt_command_with_their_packages(dev: ModuleType) -> None:
    absent = {"libxcb-icccm.so.4", "libxcb-keysyms.so.1"}
    missing = dev.missing_packages(lambda soname: soname not in absent)
    assert missing == ["libxcb-icccm4", "libxcb-keysyms1"]
    message = dev.qt_libraries_message(missing)
    assert "sudo apt install libxcb-icccm4 libxcb-keysyms1" in message


def test_every_package_readme_names_is_checked(dev: ModuleType) -> None:
    readme = (DEV.parent.parent / "README.md").read_text(encoding="utf-8")
    for package in dev.QT_SYSTEM_LIBRARIES.values():
        assert package in readme, package


def test_the_demo_stops_with_the_command_instead_of_starting_qt(
    dev: ModuleType, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.setattr(dev, "system_lookup", lambda _plugin: lambda s: s != "libxcb-cursor.so.0")
    started: list[object] = []
    monkeypatch.setattr(dev.subprocess, "run", lambda *a, **k: started.append(a))
    with pytest.raises(SystemExit) as stop:
        dev.command_demo(Path(sys.executable), [])
    assert stop.value.code == 2
    assert "sudo apt install libxcb-cursor0" in capsys.readouterr().err
    assert started == []


def test_offscreen_needs_no_x11_libraries(dev: ModuleType, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    monkeypatch.setattr(dev, "system_lookup", lambda _plugin: lambda _s: False)
    dev.check_qt_libraries()


def test_ldd_answer_is_read_for_not_found_lines(
    dev: ModuleType, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    plugin = tmp_path / "libqxcb.so"
    plugin.write_bytes(b"")
    answer = (
        "\tlibGL.so.1 => /lib/x86_64-linux-gnu/libGL.so.1 (0x1)\n\tlibxcb-icccm.so.4 => not found\n"
    )

    class Result:
        returncode = 0
        stdout = answer

    monkeypatch.setattr(dev.shutil, "which", lambda _name: "/usr/bin/ldd")
    monkeypatch.setattr(dev.subprocess, "run", lambda *a, **k: Result())
    found = dev.system_lookup(plugin)
    assert dev.missing_packages(found) == ["libxcb-icccm4"]
