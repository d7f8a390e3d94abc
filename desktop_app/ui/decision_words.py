"""A decision and the state of its 1C writes, in the words the window shows."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop_app.store.decision_rows import DecisionRow
from desktop_app.ui.wording import shown_said
from desktop_app.wording import decisions
from desktop_app.wording.phrases import reason_text

translate = QCoreApplication.translate


def decision_short(row: DecisionRow) -> str:
    """For the queue's column: «связать (авто), записано в 1С» (`wording.decisions`)."""
    decision = row.decision
    return decisions.decision_short(
        decision.kind,
        automatic=decision.automatic,
        confirmed=decision.confirmed,
        write=row.write_state,
        translate=translate,
    )


def decision_text(row: DecisionRow) -> str:
    """For the review panel: who decided what, when, and what 1C said."""
    decision = row.decision
    when = (
        decision.decided_at.astimezone().strftime("%d.%m.%Y %H:%M") if decision.decided_at else ""
    )
    text = translate("DecisionWords", "Решение: {0} ({1}, {2}).").format(
        decision_short(row), decision.decided_by, when
    )
    if decision.reason:
        text += " " + translate("DecisionWords", "Причина: {0}.").format(
            reason_text(decision.reason, translate)
        )
    if row.write_said:
        text += " " + shown_said(row.write_said)
    return text
