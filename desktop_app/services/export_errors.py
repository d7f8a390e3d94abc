"""The export's error, apart from the export itself: the window names it without loading
openpyxl (a third of a second at start) until the manager exports something."""

from __future__ import annotations


class ExportError(Exception):
    """An export that cannot be done as asked; the message says why in one sentence."""
