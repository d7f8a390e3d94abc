#!/usr/bin/env python3
"""Refresh the translation source from the code, or build the `.qm` the package ships.

    .venv/bin/python packaging/translations.py update    # pyside6-lupdate → order_review_en.ts
    .venv/bin/python packaging/translations.py release   # pyside6-lrelease → order_review_en.qm

The window's words are in `desktop_app/ui/` (`translate("Context", …)`) and the tables
both the window and the CLI use are in `desktop_app/wording/` (`QT_TRANSLATE_NOOP`).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "desktop_app" / "translations"
SOURCES = ("desktop_app/ui", "desktop_app/wording")


def tool(name: str) -> str:
    beside = Path(sys.executable).with_name(name)
    found = str(beside) if beside.exists() else shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: install the project (pip install -e .) first")
    return found


def update() -> None:
    files = sorted(str(p.relative_to(ROOT)) for s in SOURCES for p in (ROOT / s).glob("*.py"))
    for ts in sorted(FOLDER.glob("*.ts")):
        subprocess.run(
            [tool("pyside6-lupdate"), *files, "-ts", str(ts.relative_to(ROOT))],
            cwd=ROOT,
            check=True,
        )


def release() -> None:
    for ts in sorted(FOLDER.glob("*.ts")):
        subprocess.run(
            [tool("pyside6-lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True
        )


if __name__ == "__main__":
    {"update": update, "release": release}[sys.argv[1] if len(sys.argv) > 1 else "update"]()
