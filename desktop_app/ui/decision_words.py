"""A decision and the state of its 1C writes, in the words the window shows."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop_app.domain.decisions import DecisionKind, WriteState
from desktop_app.store.decision_rows import DecisionRow
from desktop_app.ui.wording import shown_said

translate = QCoreApplication.translate


def kind_word(kind: DecisionKind) -> str:
    return {
        DecisionKind.CREATE: translate("DecisionWords", "создать в 1С"),
        DecisionKind.LINK: translate("DecisionWords", "связать"),
        DecisionKind.REJECT: translate("DecisionWords", "отклонён"),
        DecisionKind.DEFER: translate("DecisionWords", "отложен"),
    }[kind]


def write_word(state: WriteState) -> str:
    return {
        WriteState.NONE: "",
        WriteState.QUEUED: translate("DecisionWords", "ждёт отправки в 1С"),
        WriteState.WAITING: translate("DecisionWords", "ждёт заказ в 1С"),
        WriteState.FAILED: translate("DecisionWords", "ошибка записи"),
        WriteState.WRITTEN: translate("DecisionWords", "записано в 1С"),
        WriteState.CONFLICT: translate("DecisionWords", "конфликт в 1С"),
    }[state]


def decision_short(row: DecisionRow) -> str:
    """For the queue's column: «связать (авто), записано в 1С»."""
    words = kind_word(row.decision.kind)
    if row.decision.automatic:
        words += (
            translate("DecisionWords", " (авто)")
            if row.decision.confirmed
            else translate("DecisionWords", " (авто, подтвердите)")
        )
    state = write_word(row.write_state)
    return f"{words}, {state}" if state else words


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
        text += " " + translate("DecisionWords", "Причина: {0}.").format(decision.reason)
    if row.write_said:
        text += " " + shown_said(row.write_said)
    return text
