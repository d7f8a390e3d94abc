"""What the 1C order of a portal order holds now, and whether its counterparty looks made
by 1C's site exchange rather than chosen by a person.

1C's standard "Обмен с сайтом" fills the counterparty itself: it finds one by ИНН+КПП or by
name, or creates one under the predefined partner «Неизвестный партнер»
(ОбменССайтамиУТ.СоздатьКонтрагента), moments before it writes the order. The manager must
see that before deciding: a counterparty a person chose is never replaced without an
explicit choice, while a duplicate the exchange made is usually replaced, and may be marked
for deletion in the same decision. The signs are read from 1C, never guessed:
- the references of 1C are version-1 UUIDs (time in the first three groups), so the moment
  a counterparty and an order were made can be read from their `Ref_Key`;
- the predefined partner is known by its `PredefinedDataName`, not by its (editable) name;
- other live counterparties with the same ИНН and КПП (duplicates) are named.

Each sign is a `Sign`, a code and the values it is about, and is saved so (the store); the
sentences are `desktop_app.wording.onec_orders`.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field

UNKNOWN_PARTNER = "НеизвестныйПартнер"
"""PredefinedDataName of «Неизвестный партнер» (Catalogs/Партнеры/Ext/Predefined.xml)."""
AUTO_PARTNER_COMMENT = "Создан автоматически при импорте заказов с сайта"
"""Комментарий of a partner the exchange made (ОбменССайтамиУТ.ВновьСозданныйПартнер)."""
EXCHANGE_WINDOW = dt.timedelta(minutes=10)
"""How long before its order a counterparty may have been made by the same exchange run."""
_GREGORIAN = dt.datetime(1582, 10, 15)
_UNKNOWN = "Неизвестный партнер"
"""The predefined partner's name in a new 1C base (1C's word, shown as 1C has it)."""


def ref_moment(ref_key: str | None) -> dt.datetime | None:
    """When 1C made the object, from its version-1 reference; None for another kind."""
    try:
        value = uuid.UUID(ref_key or "")
    except ValueError:
        return None
    if value.version != 1:
        return None
    return _GREGORIAN + dt.timedelta(microseconds=value.time // 10)


@dataclass(frozen=True, slots=True)
class OrderCounterparty:
    """The counterparty (and partner) on a 1C order, with what tells who made it."""

    key: str
    name: str
    inn: str | None
    kpp: str | None
    deletion_mark: bool
    partner_key: str | None
    partner_name: str | None
    partner_predefined: str | None
    """The partner's PredefinedDataName ("" for an ordinary one)."""
    partner_comment: str | None
    same_inn: tuple[str, ...] = ()
    """Names of other live counterparties with the same ИНН and КПП (a duplicate; a branch
    has a КПП of its own and is not one)."""


@dataclass(frozen=True, slots=True)
class Sign:
    """One reason a counterparty looks made by the site exchange: a code from `SIGN_CODES`."""

    code: str
    params: Mapping[str, object] = field(default_factory=dict, hash=False)


SIGN_CODES = (
    "made-seconds-before", "made-minutes-before", "unknown-partner", "partner-made-with-order",
    "same-inn-kpp", "same-inn", "saved",
)  # fmt: skip
"""Every sign code; `saved` is a sentence an older version saved, shown as it was saved."""


def _made_for(ref_key: str | None, ordered: dt.datetime | None) -> bool:
    """Whether the object was made within EXCHANGE_WINDOW before the order was."""
    made = ref_moment(ref_key)
    return (
        made is not None
        and ordered is not None
        and (dt.timedelta(0) <= ordered - made <= EXCHANGE_WINDOW)
    )


def auto_signs(order_key: str, counterparty: OrderCounterparty) -> tuple[Sign, ...]:
    """Why the counterparty looks made by the site exchange; () when it does not."""
    signs = []
    made, ordered = ref_moment(counterparty.key), ref_moment(order_key)
    if made is not None and ordered is not None and _made_for(counterparty.key, ordered):
        seconds = int((ordered - made).total_seconds())
        if seconds < 60:
            signs.append(Sign("made-seconds-before", {"seconds": seconds}))
        else:
            signs.append(Sign("made-minutes-before", {"minutes": seconds // 60}))
    if counterparty.partner_predefined == UNKNOWN_PARTNER:
        signs.append(Sign("unknown-partner", {"partner": counterparty.partner_name or _UNKNOWN}))
    elif (counterparty.partner_comment or "").strip() == AUTO_PARTNER_COMMENT and _made_for(
        counterparty.partner_key, ordered
    ):
        # the comment alone says only that the exchange made the partner once: a partner it
        # made years ago has been a manager's partner since
        signs.append(Sign("partner-made-with-order"))
    if counterparty.same_inn:
        others = ", ".join(f"«{name}»" for name in counterparty.same_inn[:3])
        signs.append(Sign("same-inn-kpp" if counterparty.kpp else "same-inn", {"others": others}))
    return tuple(signs)


@dataclass(frozen=True, slots=True)
class OneCOrderState:
    """A 1C order made from a portal order, as last read from 1C."""

    portal_id: str
    ref_key: str
    number: str
    date: dt.datetime | None
    posted: bool
    deletion_mark: bool
    counterparty: OrderCounterparty | None
    auto_signs: tuple[Sign, ...]
    read_at: dt.datetime

    @property
    def auto_created(self) -> bool:
        return bool(self.auto_signs)

    @property
    def counterparty_key(self) -> str | None:
        return self.counterparty.key if self.counterparty is not None else None
