"""The 1C writes of a decision, each safe to repeat; the creating ones are here.

Exactly once is built from two habits. Before creating anything, look for it: a counterparty
by ИНН+КПП (whoever made it — a second one would be a duplicate in 1C), and, after an attempt
whose answer was lost, our own object by the marker we wrote into it. The writes to the 1C
order itself (link, deletion mark of a replaced counterparty, re-post) are `order_steps`'.

One exception to "whoever made it": a counterparty that 1C's site exchange made (under the
predefined partner «Неизвестный партнер», or a partner it made itself) is not taken over
silently. If the decision replaces it, it is not looked at; if not, the create stops in a
conflict that names it, and the manager chooses — link to it, or create with replace.
"""

from __future__ import annotations

from desktop_app.adapters.onec.onec_bodies import counterparty_body, partner_body
from desktop_app.adapters.onec.onec_objects import OneCObjects
from desktop_app.domain.decisions import CounterpartyCard, StepKind, StepState
from desktop_app.domain.onec_directory import DirectoryCounterparty
from desktop_app.domain.onec_order_state import (
    AUTO_PARTNER_COMMENT,
    UNKNOWN_PARTNER,
    ref_moment,
)
from desktop_app.services import order_steps
from desktop_app.services.order_steps import PushContext, StepOutcome
from desktop_app.store.decision_rows import DecisionRow, StepRow
from desktop_app.wording.said import Said

__all__ = ["PushContext", "StepOutcome", "run_step"]


def run_step(
    objects: OneCObjects, row: DecisionRow, step: StepRow, context: PushContext
) -> StepOutcome:
    """Do one step; 1C errors propagate (the caller records them)."""
    if step.kind is StepKind.CREATE_PARTNER:
        return _create_partner(objects, row, step)
    if step.kind is StepKind.CREATE_COUNTERPARTY:
        return _create_counterparty(objects, row, step)
    if step.kind is StepKind.MARK_DELETED:
        return order_steps.mark_replaced(objects, row)
    if step.kind is StepKind.POST_ORDER:
        return order_steps.repost(objects, row, context)
    return order_steps.link_order(objects, row, context)


def _card(row: DecisionRow) -> CounterpartyCard:
    card = row.decision.card
    if card is None:
        raise ValueError(f"decision {row.id} creates without a card")
    return card


def _existing_counterparty(
    objects: OneCObjects, row: DecisionRow, card: CounterpartyCard
) -> DirectoryCounterparty | None:
    """A live counterparty of 1C with the card's ИНН (and КПП, or none), if any — not the
    one the decision replaces."""
    if not card.inn:
        return None
    replaced = row.decision.replaces_key
    found = [
        c
        for c in objects.counterparties_by_inn(card.inn, card.kpp or None)
        if not c.deletion_mark and (card.kpp or not c.kpp) and c.ref_key != replaced
    ]
    return found[0] if found else None


def _made_by_exchange(
    objects: OneCObjects, row: DecisionRow, found: DirectoryCounterparty
) -> str | None:
    """Its partner's name when 1C's site exchange made the counterparty for this order, else
    None. Under «Неизвестный партнер» it always is the exchange's; under a partner the
    exchange made (its comment) only when made since the portal order was placed: one the
    exchange made for an earlier order has been the company's counterparty since."""
    if not found.partner_key:
        return None
    partner = objects.partner_origin(found.partner_key)
    if partner is None:
        return None
    if partner.predefined == UNKNOWN_PARTNER:
        return partner.name
    if partner.comment.strip() != AUTO_PARTNER_COMMENT:
        return None
    made = ref_moment(found.ref_key)
    if row.order_date is not None and made is not None and made.date() < row.order_date:
        return None
    return partner.name


def _not_taken_over(found: DirectoryCounterparty, partner: str) -> StepOutcome:
    said = Said("outcome.exchange_made", {"name": found.description, "partner": partner})
    return StepOutcome(StepState.CONFLICT, found.ref_key, said)


def _create_partner(objects: OneCObjects, row: DecisionRow, step: StepRow) -> StepOutcome:
    card = _card(row)
    existing = _existing_counterparty(objects, row, card)
    made = _made_by_exchange(objects, row, existing) if existing is not None else None
    if existing is not None and made is not None:
        return _not_taken_over(existing, made)
    if existing is not None and existing.partner_key and made is None:
        said = Said("outcome.partner_taken", {"name": existing.description})
        return StepOutcome(StepState.DONE, existing.partner_key, said)
    if step.attempts > 1:  # an earlier attempt may have created it and lost the answer
        found = objects.partner_by_marker(card.name, row.marker)
        if found is not None:
            return StepOutcome(StepState.DONE, found)
    created = objects.create_partner(partner_body(card, row.marker, objects.references()))
    return StepOutcome(StepState.DONE, created.ref_key)


def _create_counterparty(objects: OneCObjects, row: DecisionRow, step: StepRow) -> StepOutcome:
    card = _card(row)
    existing = _existing_counterparty(objects, row, card)
    if existing is not None:
        ours = step.attempts > 1 and objects.counterparty_has_marker(existing.ref_key, row.marker)
        made = None if ours else _made_by_exchange(objects, row, existing)
        if made is not None:
            return _not_taken_over(existing, made)
        note = None if ours else Said("outcome.counterparty_taken", {"name": existing.description})
        return StepOutcome(StepState.DONE, existing.ref_key, note)
    if step.attempts > 1 and not card.inn:
        found = objects.counterparty_by_marker(card.name, row.marker)
        if found is not None:
            return StepOutcome(StepState.DONE, found)
    partner_key = row.decision.partner_key or row.result_of(StepKind.CREATE_PARTNER)
    body = counterparty_body(card, partner_key, row.marker, objects.references())
    created = objects.create_counterparty(body)
    return StepOutcome(StepState.DONE, created.ref_key)
