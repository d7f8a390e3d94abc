"""The manager's four decisions (Создать в 1С, Связать, Отклонить, Отложить), and a change.

They have their keyboard shortcuts and are enabled while an order is on screen (a link also
needs a 1C candidate chosen). Once the order's decision is written to 1C, «Создать в 1С»
and «Связать» are disabled with the reason as their tooltip (`set_written`): a new decision
for it goes through the explicit «Изменить решение» (`change_action`, which says
`change_requested`), so a written order is never re-decided by a stray key.
`decision_requested` carries a `DecisionRequest`: the kind, the order's portal `Ид` and,
for a link, the 1C candidate chosen in the *1С* column.
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
    change_requested = Signal(str)
    """The portal `Ид` of the order on screen whose written decision the manager will change."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._portal_id: str | None = None
        self._candidate: Candidate | None = None
        self._written: str | None = None
        self.actions: dict[DecisionKind, QAction] = {}
        for kind, (text, _hint) in _texts().items():
            action = QAction(text, parent)
            action.setObjectName(f"decision-{kind.value}")
            action.setShortcut(QKeySequence(SHORTCUTS[kind]))
            action.setData(kind.value)
            action.triggered.connect(self._triggered)
            parent.addAction(action)
            self.actions[kind] = action
        self.change_action = QAction(translate("ReviewActions", "Изменить решение"), parent)
        self.change_action.setObjectName("decision-change")
        self.change_action.setShortcut(QKeySequence("Ctrl+Shift+E"))
        self.change_action.triggered.connect(self._change)
        parent.addAction(self.change_action)
        self._update()

    @property
    def all_actions(self) -> list[QAction]:
        """The decisions, then «Изменить решение»: for the menu and the button row."""
        return [*self.actions.values(), self.change_action]

    def set_context(self, portal_id: str | None, candidate: Candidate | None) -> None:
        """The order on screen and the 1C candidate chosen for it."""
        self._portal_id, self._candidate = portal_id, candidate
        self._update()

    def set_written(self, reason: str | None) -> None:
        """Why create and link are closed for the order on screen (None: they are open)."""
        self._written = reason
        self._update()

    def _update(self) -> None:
        for kind, (_text, hint) in _texts().items():
            action = self.actions[kind]
            shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            possible = self._portal_id is not None
            if kind is DecisionKind.LINK:
                possible = possible and self._candidate is not None
            closed = self._written is not None and kind.writes
            action.setEnabled(possible and not closed)
            action.setToolTip(f"{self._written if closed else hint} ({shortcut})")
        change = self.change_action
        change.setEnabled(self._portal_id is not None and self._written is not None)
        keys = change.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        change.setToolTip(
            translate("ReviewActions", "Открыть «Создать в 1С» и «Связать» для нового решения")
            + f" ({keys})"
        )

    @Slot()
    def _change(self) -> None:
        if self._portal_id is not None and self._written is not None:
            self.change_requested.emit(self._portal_id)

    @Slot()
    def _triggered(self) -> None:
        action = self.sender()
        if not isinstance(action, QAction) or self._portal_id is None:
            return
        kind = DecisionKind(action.data())
        candidate = self._candidate if kind is DecisionKind.LINK else None
        self.decision_requested.emit(DecisionRequest(kind, self._portal_id, candidate))
