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
from desktop_app.domain.phrase import Phrase, phrase

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
    def requisites(self) -> Phrase | None:
        key = LegalEntityKey.parse(self.entity_key)
        return key.describe() if key is not None else None

    def _said(self, code: str) -> Phrase:
        name: object = self.name or phrase("entity.other-organisation")
        if self.requisites is None:
            return phrase(code, name=name)
        return phrase(code + "/requisites", name=name, requisites=self.requisites)


def earlier_entity_note(entity: EarlierEntity) -> Phrase:
    """The note on an order whose requisites differ from everything its portal user has
    ordered for before: it is reviewed as a new legal entity."""
    return entity._said("entity.earlier")


def other_entity_explanation(entity: EarlierEntity) -> Phrase:
    """Why the earlier entity's counterparty is listed among the candidates (last)."""
    return entity._said("entity.other")


def requisites_changed_reason(before: str | None, after: str | None) -> Phrase:
    """Why an automatic decision was dropped when a new revision changed the buyer."""
    was, now = LegalEntityKey.parse(before), LegalEntityKey.parse(after)
    missing = phrase("entity.requisites-missing")
    return phrase(
        "entity.requisites-changed",
        was=was.describe() if was is not None else missing,
        now=now.describe() if now is not None else missing,
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
