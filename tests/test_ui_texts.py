"""Every Russian text of the window goes through Qt's translation with an explicit context."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from conftest import ROOT

CYRILLIC = re.compile("[\u0400-\u04ff]")
TRANSLATING = {"translate", "QT_TRANSLATE_NOOP"}
DATA = {"РУБ", "РУБ."}  # currency codes the portal writes, compared, never shown


def untranslated(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    found = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Constant) and isinstance(node.value, str)):
            continue
        if not CYRILLIC.search(node.value) or node.value in DATA:
            continue
        if isinstance(parents.get(node), ast.Expr):
            continue  # a docstring
        above = parents.get(node)
        while above is not None:
            if isinstance(above, ast.Call):
                name = getattr(above.func, "id", getattr(above.func, "attr", ""))
                first = above.args[0] if above.args else None
                if name in TRANSLATING and isinstance(first, ast.Constant):
                    break
            above = parents.get(above)
        else:
            found.append(f"{path.name}:{node.lineno}: {node.value[:40]!r}")
    return found


def test_ui_texts_are_translatable() -> None:
    problems = [
        p for path in sorted((ROOT / "desktop_app" / "ui").glob("*.py")) for p in untranslated(path)
    ]
    assert problems == []


def test_the_translation_source_lists_every_context() -> None:
    source = (ROOT / "desktop_app" / "translations" / "order_review_en.ts").read_text(
        encoding="utf-8"
    )
    contexts = set(re.findall(r"<name>(\w+)</name>", source))
    used = set()
    for path in [
        *(ROOT / "desktop_app" / "ui").glob("*.py"),
        *(ROOT / "desktop_app" / "wording").glob("*.py"),
    ]:
        used |= set(re.findall(r'translate\(\s*"(\w+)"', path.read_text(encoding="utf-8")))
        used |= set(re.findall(r'QT_TRANSLATE_NOOP\(\s*"(\w+)"', path.read_text(encoding="utf-8")))
    assert used <= contexts, "run pyside6-lupdate (see README) to refresh the .ts file"
