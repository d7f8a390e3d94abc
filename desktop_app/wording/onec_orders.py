"""What the review says about a portal order's 1C order: the order, its counterparty, and the
signs that the site exchange made that counterparty.

The domain (`domain.onec_order_state`) and the store keep signs as codes and values; the line
is put together here, for the CLI in Russian and for the window through Qt's translation
(pass `QCoreApplication.translate`).
"""

from __future__ import annotations

from desktop_app.domain.onec_order_state import OneCOrderState, Sign
from desktop_app.wording.catalog import QT_TRANSLATE_NOOP, Table, Translate

SIGNS = Table(
    "1C order signs",
    {
        "made-seconds-before": QT_TRANSLATE_NOOP(
            "OneCOrder", "создан за {seconds} с до заказа — так его создаёт обмен с сайтом"
        ),
        "made-minutes-before": QT_TRANSLATE_NOOP(
            "OneCOrder", "создан за {minutes} мин до заказа — так его создаёт обмен с сайтом"
        ),
        "unknown-partner": QT_TRANSLATE_NOOP("OneCOrder", "партнёр «{partner}»"),
        "partner-made-with-order": QT_TRANSLATE_NOOP(
            "OneCOrder", "партнёр создан обменом с сайтом автоматически, вместе с заказом"
        ),
        "same-inn-kpp": QT_TRANSLATE_NOOP("OneCOrder", "те же ИНН и КПП, что у {others}"),
        "same-inn": QT_TRANSLATE_NOOP("OneCOrder", "те же ИНН, что у {others}"),
        "saved": QT_TRANSLATE_NOOP("OneCOrder", "{text}"),
    },
)

POSTED = QT_TRANSLATE_NOOP("OneCOrder", "Заказ 1С № {number} (проведён)")
NOT_POSTED = QT_TRANSLATE_NOOP("OneCOrder", "Заказ 1С № {number} (не проведён)")
NO_COUNTERPARTY = QT_TRANSLATE_NOOP("OneCOrder", "{head}: контрагент не указан.")
COUNTERPARTY = QT_TRANSLATE_NOOP("OneCOrder", "{head}: контрагент «{name}»{deleted}{partner}")
MARKED_DELETED = QT_TRANSLATE_NOOP("OneCOrder", " [помечен на удаление]")
PARTNER = QT_TRANSLATE_NOOP("OneCOrder", ", партнёр «{partner}»")
MADE_BY_EXCHANGE = QT_TRANSLATE_NOOP(
    "OneCOrder", "{line}. Похоже, создан обменом с сайтом: {signs}."
)
SIGN_SEPARATOR = QT_TRANSLATE_NOOP("OneCOrder", "; ")
LINE_END = QT_TRANSLATE_NOOP("OneCOrder", "{line}.")


def sign_text(sign: Sign, translate: Translate | None = None) -> str:
    return SIGNS.text(sign.code, sign.params, translate)


def order_words(state: OneCOrderState, translate: Translate | None = None) -> str:
    """One line for the review: the 1C order and what it holds."""
    head = (POSTED if state.posted else NOT_POSTED).text(translate, number=state.number)
    party = state.counterparty
    if party is None:
        return NO_COUNTERPARTY.text(translate, head=head)
    partner = PARTNER.text(translate, partner=party.partner_name) if party.partner_name else ""
    deleted = MARKED_DELETED.text(translate) if party.deletion_mark else ""
    line = COUNTERPARTY.text(
        translate, head=head, name=party.name, deleted=deleted, partner=partner
    )
    if not state.auto_signs:
        return LINE_END.text(translate, line=line)
    signs = SIGN_SEPARATOR.text(translate).join(sign_text(s, translate) for s in state.auto_signs)
    return MADE_BY_EXCHANGE.text(translate, line=line, signs=signs)
