"""The window's side of `desktop_app.wording`: a code's sentence through Qt's translation."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication

from desktop_app.wording.catalog import Table, Wording


def shown(wording: Wording, /, **params: object) -> str:
    return wording.text(QCoreApplication.translate, **params)


def shown_code(table: Table, code: str, params: Mapping[str, object] | None = None) -> str:
    return table.text(code, params, QCoreApplication.translate)
