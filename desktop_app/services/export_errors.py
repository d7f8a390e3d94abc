"""The export's error, apart from the export itself: the window names it without loading
openpyxl (a third of a second at start) until the manager exports something."""

from __future__ import annotations

from desktop_app.wording.registry import worded
from desktop_app.wording.said import Said


class ExportError(Exception):
    """An export that cannot be done as asked; `str()` says why in one sentence, `said` the
    same as a code (`wording.service_errors`) for the window."""

    def __init__(self, message: str | Said) -> None:
        text, self.said = worded(message)
        super().__init__(text)
