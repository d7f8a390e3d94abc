"""Where an order is in the review, in the manager's words: the queue, its filter, the review
panel, `queue` in the CLI and the exported lists say it the same way.

The words are written in lower case, as they stand inside a line (`queue`, the XLSX list);
the window starts a column's cell with a capital (`ui.wording.capitalized`).
"""

from __future__ import annotations

from desktop_app.domain.review_state import ReviewState
from desktop_app.wording.catalog import QT_TRANSLATE_NOOP, Table, Translate

REVIEW_STATES = Table(
    "review states",
    {
        ReviewState.NEW: QT_TRANSLATE_NOOP("ReviewStates", "новый"),
        ReviewState.NEEDS_REVIEW: QT_TRANSLATE_NOOP("ReviewStates", "на проверке"),
        ReviewState.DECIDED: QT_TRANSLATE_NOOP("ReviewStates", "решение принято"),
        ReviewState.WRITTEN: QT_TRANSLATE_NOOP("ReviewStates", "записан в 1С"),
        ReviewState.REJECTED: QT_TRANSLATE_NOOP("ReviewStates", "отклонён"),
        ReviewState.ERROR: QT_TRANSLATE_NOOP("ReviewStates", "ошибка"),
    },
)
FROM_ONEC = QT_TRANSLATE_NOOP("ReviewStates", "есть в 1С, не получен с портала")
"""An order the app knows from 1C alone (domain/onec_only_order.py), until it is decided."""

_NOT_RECEIVED = (ReviewState.NEW, ReviewState.NEEDS_REVIEW)


def state_text(state: ReviewState, translate: Translate | None = None) -> str:
    return REVIEW_STATES.text(state, None, translate)


def queue_state_text(
    state: ReviewState, from_onec: bool, translate: Translate | None = None
) -> str:
    """The state as the queue says it: an order known from 1C alone says so while open."""
    if from_onec and state in _NOT_RECEIVED:
        return FROM_ONEC.text(translate)
    return state_text(state, translate)
