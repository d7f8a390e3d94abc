"""Showing text from the portal or 1C literally wherever Qt would guess rich text.

A buyer types the company name on the site and 1C returns its own error text: either may
hold `<h1>`, `<img src=file:…>` or a link. A `QLabel` on its automatic format, a tooltip and
a message box all render such text as HTML when `Qt.mightBeRichText` says so (an image from
a local file, a clickable link). Labels and message boxes get `Qt.PlainText`; a tooltip has
no such switch, so its text is escaped and wrapped in `<qt>`, which makes Qt take it as rich
text whose only content is the literal characters (line breaks kept).
"""

from __future__ import annotations

import html
from typing import overload

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget


@overload
def plain_tooltip(text: str) -> str: ...
@overload
def plain_tooltip(text: None) -> None: ...
def plain_tooltip(text: str | None) -> str | None:
    """A tooltip that shows `text` exactly as it is; None (no tooltip) stays None."""
    if text is None:
        return None
    if not text:
        return text
    return "<qt>" + html.escape(text, quote=False).replace("\n", "<br>") + "</qt>"


def plain_message_box(
    icon: QMessageBox.Icon, title: str, text: str, parent: QWidget | None = None
) -> QMessageBox:
    """A message box whose text (a server's words among others) is shown literally."""
    box = QMessageBox(icon, title, text, parent=parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    return box
