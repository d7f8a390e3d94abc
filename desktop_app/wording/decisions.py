"""The manager's decisions and their writes to 1C, in words: the queue's decision column, the
review panel, the push progress, and `decide`, `push` and `queue` in the CLI.

One wording each; they used to be written three times (the window, `decide`, `push`) and
had drifted («отклонён» / «отклонить», «ждёт отправки» / «ждёт отправки в 1С»).
"""

from __future__ import annotations

from desktop_app.domain.decisions import DecisionKind, StepKind, StepState, WriteState
from desktop_app.wording.catalog import QT_TRANSLATE_NOOP, Table, Translate

DECISION_KINDS = Table(
    "decision kinds",
    {
        DecisionKind.CREATE: QT_TRANSLATE_NOOP("Decisions", "создать в 1С"),
        DecisionKind.LINK: QT_TRANSLATE_NOOP("Decisions", "связать"),
        DecisionKind.REJECT: QT_TRANSLATE_NOOP("Decisions", "отклонить"),
        DecisionKind.DEFER: QT_TRANSLATE_NOOP("Decisions", "отложить"),
    },
)
WRITE_STATES = Table(  # WriteState.NONE has no words: nothing to write
    "write states",
    {
        WriteState.QUEUED: QT_TRANSLATE_NOOP("Decisions", "ждёт отправки в 1С"),
        WriteState.WAITING: QT_TRANSLATE_NOOP("Decisions", "ждёт заказ в 1С"),
        WriteState.FAILED: QT_TRANSLATE_NOOP("Decisions", "ошибка записи"),
        WriteState.WRITTEN: QT_TRANSLATE_NOOP("Decisions", "записано в 1С"),
        WriteState.CONFLICT: QT_TRANSLATE_NOOP("Decisions", "конфликт в 1С"),
    },
)
STEP_KINDS = Table(
    "step kinds",
    {
        StepKind.CREATE_PARTNER: QT_TRANSLATE_NOOP("Decisions", "партнёр"),
        StepKind.CREATE_COUNTERPARTY: QT_TRANSLATE_NOOP("Decisions", "контрагент"),
        StepKind.LINK_ORDER: QT_TRANSLATE_NOOP("Decisions", "связь заказа"),
        StepKind.MARK_DELETED: QT_TRANSLATE_NOOP("Decisions", "пометка на удаление"),
        StepKind.POST_ORDER: QT_TRANSLATE_NOOP("Decisions", "перепроведение заказа"),
    },
)
STEP_STATES = Table(
    "step states",
    {
        StepState.DONE: QT_TRANSLATE_NOOP("Decisions", "готово"),
        StepState.WAITING: QT_TRANSLATE_NOOP("Decisions", "ждёт заказ в 1С"),
        StepState.FAILED: QT_TRANSLATE_NOOP("Decisions", "ошибка"),
        StepState.SENDING: QT_TRANSLATE_NOOP("Decisions", "ответ 1С не получен"),
        StepState.CONFLICT: QT_TRANSLATE_NOOP("Decisions", "конфликт"),
        StepState.BLOCKED: QT_TRANSLATE_NOOP("Decisions", "ждёт предыдущий шаг"),
        StepState.PENDING: QT_TRANSLATE_NOOP("Decisions", "в очереди"),
    },
)
AUTOMATIC = QT_TRANSLATE_NOOP("Decisions", "{kind} (авто)")
AUTOMATIC_TO_CONFIRM = QT_TRANSLATE_NOOP("Decisions", "{kind} (авто, подтвердите)")
WITH_WRITE = QT_TRANSLATE_NOOP("Decisions", "{decision}, {write}")


def write_text(state: WriteState, translate: Translate | None = None) -> str:
    return "" if state is WriteState.NONE else WRITE_STATES.text(state, None, translate)


def decision_short(
    kind: DecisionKind,
    *,
    automatic: bool,
    confirmed: bool,
    write: WriteState,
    translate: Translate | None = None,
) -> str:
    """The decision and where its writes are: «связать (авто), записано в 1С»."""
    words = DECISION_KINDS.text(kind, None, translate)
    if automatic:
        words = (AUTOMATIC if confirmed else AUTOMATIC_TO_CONFIRM).text(translate, kind=words)
    state = write_text(write, translate)
    return WITH_WRITE.text(translate, decision=words, write=state) if state else words
