"""The window's side of `desktop_app.wording`: a code's sentence through Qt's translation,
in its window variant (no CLI command, setting key or protocol step: `wording.window_words`)."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication

from desktop_app.wording.catalog import Table, Wording
from desktop_app.wording.registry import said_text
from desktop_app.wording.said import Said


def shown(wording: Wording, /, **params: object) -> str:
    return wording.text(QCoreApplication.translate, **params)


def shown_code(table: Table, code: str, params: Mapping[str, object] | None = None) -> str:
    return table.text(code, params, QCoreApplication.translate, window=True)


def shown_said(said: Said | None) -> str:
    """What the code below said (an outcome, an error), in the window's language."""
    return said_text(said, QCoreApplication.translate, window=True)
