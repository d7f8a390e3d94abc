"""The automatic mapping's rules and words: a legal entity maps itself, a portal user does not.

A confirmed mapping ties a legal entity (`legal_entity_key`) to a 1C counterparty; the
portal user who ordered is kept beside it, to tell the manager when that user now orders for
*another* entity («этот покупатель уже заказывал от имени ООО "…"»). Whether a decision the
mapping prepares is written to 1C without the manager is decided here, from the key and
the settings, so that the window, the CLI and the tests share one rule.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.domain.legal_entity_key import LegalEntityKey

AUTOMATIC = "автоматически"
"""`decided_by` of the decisions the app takes by itself."""


@dataclass(frozen=True, slots=True)
class EarlierEntity:
    """Another legal entity the same portal user ordered for, and its 1C counterparty."""

    entity_key: str
    name: str | None
    counterparty_key: str
    portal_user: str | None

    @property
    def requisites(self) -> str:
        key = LegalEntityKey.parse(self.entity_key)
        return key.describe() if key is not None else ""


def earlier_entity_note(entity: EarlierEntity) -> str:
    """The note on an order whose requisites differ from everything its portal user has
    ordered for before: it is reviewed as a new legal entity."""
    name = entity.name or "другой организации"
    requisites = f" ({entity.requisites})" if entity.requisites else ""
    return (
        f"Этот покупатель уже заказывал от имени {name}{requisites}. Реквизиты в этом "
        "заказе другие: это другая организация, её проверяют как новую — с контрагентом "
        f"{name} в 1С её не связывают."
    )


def other_entity_explanation(entity: EarlierEntity) -> str:
    """Why the earlier entity's counterparty is listed among the candidates (last)."""
    name = entity.name or "другой организации"
    requisites = f" ({entity.requisites})" if entity.requisites else ""
    return (
        f"Не кандидат: это контрагент {name}{requisites}"
        " — другой организации, от имени которой этот покупатель заказывал раньше. Показан "
        "для сравнения карточек."
    )


def requisites_changed_reason(before: str | None, after: str | None) -> str:
    """Why an automatic decision was dropped when a new revision changed the buyer."""
    was, now = LegalEntityKey.parse(before), LegalEntityKey.parse(after)
    was_text = was.describe() if was is not None else "не указаны"
    now_text = now.describe() if now is not None else "не указаны"
    return (
        "Автоматическое решение снято: в новой версии заказа у покупателя другие реквизиты "
        f"(было: {was_text}; стало: {now_text}). Это может быть другая организация — "
        "проверьте покупателя."
    )


def push_without_confirmation(
    entity_key: str | None, *, by_mapping: bool, auto_push_confirmed: bool, auto_push_first: bool
) -> bool:
    """Whether an automatic link may be written to 1C before the manager confirms it:
    by a confirmed mapping (`review.auto_push_confirmed`) or a first exact ИНН+КПП match
    (`review.auto_push_first`) — never by a name and an address alone."""
    key = LegalEntityKey.parse(entity_key)
    if key is None or not key.auto_push_allowed:
        return False
    return auto_push_confirmed if by_mapping else auto_push_first
