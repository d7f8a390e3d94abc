#!/usr/bin/env python3
"""The two commands of README's quick start, runnable on a fresh clone.

    python3 packaging/dev.py demo       # the Order Review window on its embedded demo
    python3 packaging/dev.py demo --lang en   # the same window in English
    python3 packaging/dev.py demo-cli   # the same pipeline in the terminal
    python3 packaging/dev.py test   # every check: ruff, ruff format, mypy, pytest

Each creates `.venv` in the checkout on first use and reinstalls the project
when `pyproject.toml` changes, so a newcomer needs only Python 3.11 and the
package registries. Standard library only: nothing is installed yet when this runs.
"""

from __future__ import annotations

import ctypes.util
import hashlib
import os
import shutil
import subprocess
import sys
import venv
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
STAMP = VENV / ".order-review-installed"
MIN_PYTHON = (3, 11)
QT_SYSTEM_LIBRARIES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libdbus-1.so.3": "libdbus-1-3",
}
"""What PySide6's xcb platform plugin (`libqxcb.so`) links and a minimal Debian/Ubuntu lacks,
with the package that ships each: `ldd libqxcb.so` on a fresh system lists them "not found"
and Qt then aborts with "Could not load the Qt platform plugin xcb"."""


def venv_python() -> Path:
    if os.name == "nt":
        return VENV / "Scripts" / "python.exe"
    return VENV / "bin" / "python"


def requirements_digest() -> str:
    return hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()


def ensure_venv() -> Path:
    """Create the environment and install the project (with test tools) when needed."""
    python = venv_python()
    if not python.exists():
        print(f"[dev] creating the virtual environment in {VENV}", flush=True)
        venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
    digest = requirements_digest()
    if not STAMP.exists() or STAMP.read_text(encoding="utf-8").strip() != digest:
        print("[dev] installing Order Review and its dependencies (first run only)", flush=True)
        subprocess.run(
            [str(python), "-m", "pip", "install", "--quiet", "--upgrade", "pip"],
            check=True,
        )
        subprocess.run(
            [str(python), "-m", "pip", "install", "--quiet", "-e", f"{ROOT}[test]"],
            check=True,
        )
        STAMP.write_text(digest, encoding="utf-8")
    return python


def ensure_translations(python: Path) -> None:
    """The `.qm` of each `.ts`, rebuilt when the `.ts` is newer (a pull, a merge).

    Installing builds them (setup.py), but the install is redone only when pyproject.toml
    changes; an English demo on a stale `.qm` would show the new texts in Russian."""
    folder = ROOT / "desktop_app" / "translations"
    stale = [
        ts for ts in folder.glob("*.ts")
        if not ts.with_suffix(".qm").exists()
        or ts.with_suffix(".qm").stat().st_mtime < ts.stat().st_mtime
    ]  # fmt: skip
    if stale:
        print("[dev] building the translations", flush=True)
        script = str(ROOT / "packaging" / "translations.py")
        subprocess.run([str(python), script, "release"], cwd=ROOT, check=True)


def run_step(title: str, argv: list[str]) -> None:
    print(f"[dev] {title}: {' '.join(argv[2:]) if len(argv) > 2 else argv[-1]}", flush=True)
    result = subprocess.run(argv, cwd=ROOT)
    if result.returncode != 0:
        print(f"[dev] FAILED: {title} (exit code {result.returncode})", file=sys.stderr, flush=True)
        sys.exit(result.returncode)


def ensure_libreoffice() -> None:
    """LibreOffice for the invoice PDF check, on CI machines that can install it.

    Only under CI (`CI` set), as root, with apt-get (Debian's `libreoffice-calc`): a
    developer's machine is not changed behind their back. Where it cannot be installed the
    test is skipped and says why; a failed install does not stop the checks.
    """
    if shutil.which("soffice") or not os.environ.get("CI") or not shutil.which("apt-get"):
        return
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        return
    print("[dev] installing LibreOffice Calc for the PDF check (CI only)", flush=True)
    environment = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    install = ["apt-get", "install", "-y", "-q", "--no-install-recommends", "libreoffice-calc"]
    for step in (install, ["apt-get", "update", "-q"], install):
        try:
            result = subprocess.run(
                step, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                timeout=1800, check=False,
            )  # fmt: skip
        except subprocess.TimeoutExpired:
            break
        if step is install and result.returncode == 0:
            return
    print("[dev] LibreOffice not installed: the PDF check will be skipped", flush=True)


def command_test(python: Path, extra: list[str]) -> None:
    ensure_libreoffice()
    ensure_translations(python)
    py = str(python)
    run_step("ruff check", [py, "-m", "ruff", "check", "."])
    run_step("ruff format", [py, "-m", "ruff", "format", "--check", "."])
    run_step("mypy", [py, "-m", "mypy"])
    run_step("pytest", [py, "-m", "pytest", *extra])
    print("[dev] all checks passed", flush=True)


def missing_packages(found: Callable[[str], bool]) -> list[str]:
    """The Debian packages of the Qt libraries that `found` (a soname lookup) does not find."""
    return [package for soname, package in QT_SYSTEM_LIBRARIES.items() if not found(soname)]


def _ldd_not_found(plugin: Path) -> set[str] | None:
    """The sonames `ldd` cannot resolve for the plugin, or None when ldd cannot be asked."""
    if not plugin.exists() or not shutil.which("ldd"):
        return None
    try:
        result = subprocess.run(
            ["ldd", str(plugin)], capture_output=True, text=True, timeout=30, check=False
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    if result.returncode != 0:
        return None
    return {
        line.split("=>")[0].strip()
        for line in result.stdout.splitlines()
        if "=>" in line and "not found" in line
    }


def system_lookup(plugin: Path) -> Callable[[str], bool]:
    """ldd of the plugin when it can be asked (it follows the plugin's own links), else the
    dynamic loader's search through `ctypes.util.find_library`."""
    not_found = _ldd_not_found(plugin)
    if not_found is not None:
        return lambda soname: soname not in not_found
    return lambda soname: ctypes.util.find_library(soname[3:].split(".so")[0]) is not None


def qxcb_plugin() -> Path:
    pattern = "lib/python3*/site-packages/PySide6/Qt/plugins/platforms/libqxcb.so"
    return next(iter(sorted(VENV.glob(pattern))), VENV / "libqxcb.so")


def qt_libraries_message(missing: list[str]) -> str | None:
    """What to run when the window cannot start for want of system libraries, or None."""
    if not missing:
        return None
    return (
        "[dev] the Qt window needs system libraries this machine lacks: "
        + ", ".join(missing)
        + "\n[dev] install them and run the demo again:\n    sudo apt install "
        + " ".join(missing)
    )


def check_qt_libraries() -> None:
    """Linux only, and only when Qt would use X11 (xcb): a missing library would crash Qt."""
    platform = os.environ.get("QT_QPA_PLATFORM") or "xcb"
    if not sys.platform.startswith("linux") or not platform.startswith("xcb"):
        return
    message = qt_libraries_message(missing_packages(system_lookup(qxcb_plugin())))
    if message is not None:
        print(message, file=sys.stderr, flush=True)
        sys.exit(2)


def command_demo(python: Path, extra: list[str]) -> None:
    """The desktop window on the built-in portal and 1C (`demo-cli` for the terminal one)."""
    check_qt_libraries()
    ensure_translations(python)
    result = subprocess.run([str(python), "-m", "desktop_app", "gui", "--demo", *extra], cwd=ROOT)
    sys.exit(result.returncode)


def command_demo_cli(python: Path, extra: list[str]) -> None:
    result = subprocess.run([str(python), "-m", "desktop_app", "demo", *extra], cwd=ROOT)
    sys.exit(result.returncode)


def main(argv: list[str]) -> None:
    if sys.version_info < MIN_PYTHON:
        sys.exit(f"Order Review needs Python {MIN_PYTHON[0]}.{MIN_PYTHON[1]} or newer.")
    commands = {"demo": command_demo, "demo-cli": command_demo_cli, "test": command_test}
    if not argv or argv[0] not in commands:
        sys.exit("usage: python3 packaging/dev.py {demo|demo-cli|test} [arguments...]")
    python = ensure_venv()
    commands[argv[0]](python, argv[1:])


if __name__ == "__main__":
    main(sys.argv[1:])
