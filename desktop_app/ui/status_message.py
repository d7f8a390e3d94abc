"""The status bar's one message area: a task's progress or the last thing said, never both.

`QStatusBar.showMessage` paints its temporary text over the place of the normal widgets and
hides them — until the next progress of a task shows them again, and the two texts are drawn
over each other (issue 16, point 11). Here there is one label, laid out between the other
widgets (so it can never cover the permanent ones on the right): the newest thing said wins
— a task that starts replaces a message, a message replaces the task's words until its time
is up, then the running task's words come back. A text longer than the place is cut with «…»
and shown whole in the tooltip; it never widens the window.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from desktop_app.ui.plain_text import plain_tooltip


class MessageArea(QLabel):
    """A one-line plain-text label that elides what does not fit."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(False)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._whole = ""
        self._task = ""
        self._message = ""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.clear_message)

    # --- what is said ----------------------------------------------------------------------

    def text(self) -> str:  # the whole text, not the elided one on screen
        return self._whole

    @property
    def message(self) -> str:
        return self._message

    def say_task(self, text: str, *, newest: bool) -> None:
        """A task's words; `newest`: a task starting or a manager's click, which replaces a
        message on show; a progress tick does not."""
        self._task = text
        if newest:
            self._drop_message()
        if not self._message:
            self._put(text)

    def end_task(self) -> None:
        self._task = ""
        if not self._message:
            self._put("")

    def say_message(self, text: str, timeout: int = 0) -> None:
        """A message replacing what is shown, for `timeout` ms (0: until the next one)."""
        self._timer.stop()
        self._message = text
        self._put(text)
        if text and timeout > 0:
            self._timer.start(timeout)

    def clear_message(self) -> None:
        self._drop_message()
        self._put(self._task)

    def _drop_message(self) -> None:
        self._timer.stop()
        self._message = ""

    # --- showing it ------------------------------------------------------------------------

    def _put(self, text: str) -> None:
        self._whole = text
        cut = self.fontMetrics().horizontalAdvance(text) > self.width()
        self.setToolTip(plain_tooltip(text) if cut else "")
        self._elide()

    def _elide(self) -> None:
        shown = self.fontMetrics().elidedText(self._whole, Qt.TextElideMode.ElideRight,
                                              max(0, self.width()))  # fmt: skip
        super().setText(shown)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._put(self._whole)

    def minimumSizeHint(self) -> QSize:
        return QSize(0, super().minimumSizeHint().height())
