"""Every Russian text of the window goes through Qt's translation with an explicit context."""

from __future__ import annotations

import ast
import re
import xml.etree.ElementTree as ET
from pathlib import Path

from conftest import ROOT

CYRILLIC = re.compile("[\u0400-\u04ff]")
TRANSLATING = {"translate", "QT_TRANSLATE_NOOP"}
DATA = {"РУБ", "РУБ."}  # currency codes the portal writes, compared, never shown
TS = ROOT / "desktop_app" / "translations" / "order_review_en.ts"


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


def translatable(path: Path) -> set[tuple[str, str]]:
    """Every `(context, source)` a file passes to `translate` or `QT_TRANSLATE_NOOP`."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call) or len(node.args) < 2:
            continue
        name = getattr(node.func, "id", getattr(node.func, "attr", ""))
        context, source = node.args[0], node.args[1]
        if (
            name in TRANSLATING
            and isinstance(context, ast.Constant)
            and isinstance(context.value, str)
            and isinstance(source, ast.Constant)
            and isinstance(source.value, str)
        ):
            found.add((context.value, source.value))
    return found


def finished_entries(ts: Path) -> dict[tuple[str, str], str]:
    """The `.ts` file's translations that are finished (not unfinished, obsolete or vanished)."""
    entries = {}
    for context in ET.parse(ts).getroot().iter("context"):  # noqa: S314 (our own file)
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") or not translation.text:
                continue
            entries[(name, message.findtext("source", ""))] = translation.text
    return entries


def used_texts() -> set[tuple[str, str]]:
    return {
        text
        for folder in ("ui", "wording")
        for path in sorted((ROOT / "desktop_app" / folder).glob("*.py"))
        for text in translatable(path)
    }


def test_the_translation_source_has_every_text_finished() -> None:
    """A new or changed source string without its English fails here, by context and text."""
    assert len(used_texts()) > 300  # the scan itself finds the texts
    entries = finished_entries(TS)
    missing = sorted(f"{context}: {source!r}" for context, source in used_texts() - set(entries))
    assert missing == [], (
        "refresh and translate the .ts: packaging/translations.py update, then "
        "untranslated > todo.json, fill in the English, fill todo.json"
    )


def test_translations_keep_every_placeholder() -> None:
    """`{0}`, `{inn}`, `%n` and line breaks of a source come back in its translation."""
    marks = re.compile(r"\{\w*\}|%n|\n")
    changed = [
        f"{context}: {source!r} → {english!r}"
        for (context, source), english in finished_entries(TS).items()
        if sorted(marks.findall(source)) != sorted(marks.findall(english))
    ]
    assert changed == []


def test_the_english_has_no_russian_left() -> None:
    """Only a language's own name stays in its own script (the language picker)."""
    native = {"Русский"}
    left = [
        f"{context}: {english!r}"
        for (context, source), english in finished_entries(TS).items()
        if CYRILLIC.search(english.replace(source, "") if source in native else english)
    ]
    assert left == []
