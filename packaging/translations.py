#!/usr/bin/env python3
"""Refresh the translation source from the code, list and fill what is left, build the `.qm`.

    .venv/bin/python packaging/translations.py update        # pyside6-lupdate → order_review_en.ts
    .venv/bin/python packaging/translations.py untranslated  # what still needs words, as JSON
    .venv/bin/python packaging/translations.py fill FILE     # take the words back from that JSON
    .venv/bin/python packaging/translations.py release       # pyside6-lrelease → order_review_en.qm

The window's words are in `desktop_app/ui/` (`translate("Context", …)`) and the tables
both the window and the CLI use are in `desktop_app/wording/` (`QT_TRANSLATE_NOOP`).

When new Russian texts arrive (after a merge, say): `update` adds them to the `.ts` as
unfinished; `untranslated > todo.json` lists them as `{"Context": {"source": ""}}`; write the
English into the empty strings and `fill todo.json` puts it in, marks it finished and runs
`update` again so the file keeps lupdate's own layout. `untranslated` exits with 1 while
anything is left, so it can stand in a check.

`release` builds the `.qm` beside the `.ts`; the package build runs it too (`setup.py`), so a
wheel and an editable install both carry the `.qm`. The `.qm` is not committed (`.gitignore`):
it is a product of the `.ts`, and a committed copy would go stale the moment someone edits
the `.ts` and would conflict in every merge. Standard library only (it runs from `setup.py`).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "desktop_app" / "translations"
SOURCES = ("desktop_app/ui", "desktop_app/wording")


def tool(name: str) -> str:
    """A Qt tool of PySide6: beside this Python, on PATH, or in the PySide6 package."""
    beside = Path(sys.executable).with_name(name)
    if beside.exists():
        return str(beside)
    found = shutil.which(name)
    if found is not None:
        return found
    try:
        import PySide6
    except ImportError:
        raise SystemExit(f"{name} not found: install PySide6 (pip install -e .) first") from None
    bare = name.removeprefix("pyside6-")
    for folder in (Path(PySide6.__file__).parent, Path(PySide6.__file__).parent / "Qt" / "bin"):
        for candidate in (folder / bare, folder / f"{bare}.exe"):
            if candidate.exists():
                return str(candidate)
    raise SystemExit(f"{name} not found: install PySide6 (pip install -e .) first")


def sources() -> list[Path]:
    return sorted(FOLDER.glob("*.ts"))


def update() -> None:
    files = sorted(str(p.relative_to(ROOT)) for s in SOURCES for p in (ROOT / s).glob("*.py"))
    for ts in sources():
        subprocess.run(
            [tool("pyside6-lupdate"), *files, "-no-obsolete", "-ts", str(ts.relative_to(ROOT))],
            cwd=ROOT,
            check=True,
            stdout=subprocess.DEVNULL,
        )


def release(folder: Path = FOLDER) -> list[Path]:
    """Build a `.qm` for each `.ts` into `folder`; the paths built."""
    built = []
    for ts in sources():
        qm = folder / ts.with_suffix(".qm").name
        subprocess.run(
            [tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)],
            check=True,
        )
        built.append(qm)
    return built


def unfinished(ts: Path) -> dict[str, dict[str, str]]:
    """Messages without a finished translation, by context: `{context: {source: ""}}`.

    Obsolete and vanished ones (their source is gone from the code) do not count."""
    left: dict[str, dict[str, str]] = {}
    for context in ET.parse(ts).getroot().iter("context"):  # noqa: S314 (our own file)
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = "unfinished" if translation is None else translation.get("type", "")
            if kind in ("obsolete", "vanished"):
                continue
            forms = [] if translation is None else translation.findall("numerusform")
            texts = [f.text for f in forms] if forms else [getattr(translation, "text", "")]
            if kind == "unfinished" or not all(texts):
                left.setdefault(name, {})[message.findtext("source", "")] = ""
    return left


def untranslated() -> int:
    left = {ts.name: unfinished(ts) for ts in sources()}
    words = {name: found for name, found in left.items() if found}
    print(json.dumps(words, ensure_ascii=False, indent=2))
    return 1 if words else 0


def fill(path: Path) -> None:
    """Put the translations of `path` (as `untranslated` writes it) into the `.ts` files."""
    given: dict[str, dict[str, dict[str, str]]] = json.loads(path.read_text(encoding="utf-8"))
    for ts in sources():
        words = given.get(ts.name, {})
        tree = ET.parse(ts)  # noqa: S314 (our own file)
        for context in tree.getroot().iter("context"):
            texts = words.get(context.findtext("name", ""), {})
            for message in context.iter("message"):
                english = texts.get(message.findtext("source", ""))
                translation = message.find("translation")
                if english and translation is not None:
                    translation.text = english
                    translation.attrib.pop("type", None)
        tree.write(ts, encoding="utf-8", xml_declaration=True)
    update()


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "update"
    if command == "untranslated":
        sys.exit(untranslated())
    if command == "fill":
        fill(Path(sys.argv[2]))
    elif command == "release":
        release()
    elif command == "update":
        update()
    else:
        sys.exit("usage: translations.py {update|untranslated|fill FILE|release}")
