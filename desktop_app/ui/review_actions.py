"""The manager's four decisions: Создать в 1С, Связать, Отклонить, Отложить.

They have their keyboard shortcuts and are enabled while an order is on screen (a link also
needs a 1C candidate chosen). `decision_requested` carries a `DecisionRequest`: the kind, the
order's portal `Ид` and, for a link, the 1C candidate chosen in the *1С* column.
`DecisionFlow` receives it, asks what the decision needs (the editable card for a create, the
reason for a reject), records it off the GUI thread, and says `recorded`; the main window
then refreshes the queue and opens the next order.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from desktop_app.domain.candidates import Candidate
from desktop_app.domain.decisions import DecisionKind

translate = QCoreApplication.translate


@dataclass(frozen=True, slots=True)
class DecisionRequest:
    kind: DecisionKind
    portal_id: str
    candidate: Candidate | None
    """The 1C counterparty chosen in the *1С* column (what a link links to), if any."""


SHORTCUTS = {
    DecisionKind.CREATE: "Ctrl+N",
    DecisionKind.LINK: "Ctrl+L",
    DecisionKind.REJECT: "Ctrl+Del",
    DecisionKind.DEFER: "Ctrl+D",
}


def _texts() -> dict[DecisionKind, tuple[str, str]]:
    return {
        DecisionKind.CREATE: (
            translate("ReviewActions", "Создать в 1С"),
            translate("ReviewActions", "Создать контрагента в 1С по карточке портала"),
        ),
        DecisionKind.LINK: (
            translate("ReviewActions", "Связать"),
            translate("ReviewActions", "Связать заказ с контрагентом 1С, выбранным в списке"),
        ),
        DecisionKind.REJECT: (
            translate("ReviewActions", "Отклонить"),
            translate("ReviewActions", "Отклонить контрагента заказа, с причиной"),
        ),
        DecisionKind.DEFER: (
            translate("ReviewActions", "Отложить"),
            translate("ReviewActions", "Вернуться к заказу позже"),
        ),
    }


class ReviewActions(QObject):
    decision_requested = Signal(object)
    """A `DecisionRequest`, emitted on the GUI thread when the manager decides."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._portal_id: str | None = None
        self._candidate: Candidate | None = None
        self.actions: dict[DecisionKind, QAction] = {}
        for kind, (text, _hint) in _texts().items():
            action = QAction(text, parent)
            action.setObjectName(f"decision-{kind.value}")
            action.setShortcut(QKeySequence(SHORTCUTS[kind]))
            action.setData(kind.value)
            action.triggered.connect(self._triggered)
            parent.addAction(action)
            self.actions[kind] = action
        self._update()

    def set_context(self, portal_id: str | None, candidate: Candidate | None) -> None:
        """The order on screen and the 1C candidate chosen for it."""
        self._portal_id, self._candidate = portal_id, candidate
        self._update()

    def _update(self) -> None:
        for kind, (_text, hint) in _texts().items():
            action = self.actions[kind]
            shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            possible = self._portal_id is not None
            if kind is DecisionKind.LINK:
                possible = possible and self._candidate is not None
            action.setEnabled(possible)
            action.setToolTip(f"{hint} ({shortcut})")

    @Slot()
    def _triggered(self) -> None:
        action = self.sender()
        if not isinstance(action, QAction) or self._portal_id is None:
            return
        kind = DecisionKind(action.data())
        candidate = self._candidate if kind is DecisionKind.LINK else None
        self.decision_requested.emit(DecisionRequest(kind, self._portal_id, candidate))
