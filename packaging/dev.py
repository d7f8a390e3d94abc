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

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
STAMP = VENV / ".order-review-installed"
MIN_PYTHON = (3, 11)


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


def command_demo(python: Path, extra: list[str]) -> None:
    """The desktop window on the built-in portal and 1C (`demo-cli` for the terminal one)."""
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
