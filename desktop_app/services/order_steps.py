"""The writes to the 1C order of a decision: the link, the deletion mark of the replaced
counterparty, and the re-post. Each is safe to repeat.

The link finds the 1C order where the base's exchange keeps the portal's order (the
`OrderLink` of GUIDE §5's three setups) and reads it again right before writing. A
counterparty already on it is overwritten only when the manager chose to replace exactly
that one (`Decision.replaces_key`, shown to them); any other — a person's choice, or another
manager's after the review — ends in a conflict that names it. A posted order whose
counterparty changed is posted again (`review.repost_orders`), since a PATCH leaves its
register records naming the old one; 1C's refusal to post is kept in its own words, the
link stays written and the re-post is tried again on the next push.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.adapters.onec.odata_errors import OneCConnectionError, OneCError
from desktop_app.adapters.onec.onec_objects import OneCObjects
from desktop_app.domain.decisions import StepKind, StepState
from desktop_app.domain.onec_directory import EMPTY_REF
from desktop_app.domain.onec_documents import OneCCustomerOrder
from desktop_app.domain.order_link import UNKNOWN, OrderLink
from desktop_app.store.decision_rows import DecisionRow
from desktop_app.wording.phrases import phrase_text
from desktop_app.wording.said import Said


@dataclass(frozen=True, slots=True)
class PushContext:
    """What every step of a push needs to know about this 1C base."""

    link: OrderLink = UNKNOWN
    repost: bool = True
    """`review.repost_orders`."""
    unknown_reason: str = ""
    """Why the link is unknown (the last detection's words), for the waiting message."""


@dataclass(frozen=True, slots=True)
class StepOutcome:
    state: StepState
    result_key: str | None = None
    said: Said | None = None
    """What to tell the manager (`wording.outcomes`), if anything."""
    partner_key: str | None = None
    """LINK_ORDER: the partner written with the counterparty (for the mapping)."""
    changed_posted: bool = False
    """LINK_ORDER: a posted order's counterparty was changed (it needs a re-post)."""


def counterparty_of(row: DecisionRow) -> str | None:
    return row.decision.counterparty_key or row.result_of(StepKind.CREATE_COUNTERPARTY)


def _waiting_for_link(context: PushContext) -> StepOutcome:
    if context.unknown_reason:
        said = Said("outcome.link_waits_place_why", {"reason": context.unknown_reason})
    else:
        said = Said("outcome.link_waits_place")
    return StepOutcome(StepState.WAITING, said=said)


def link_order(objects: OneCObjects, row: DecisionRow, context: PushContext) -> StepOutcome:
    decision = row.decision
    counterparty_key = counterparty_of(row)
    if not counterparty_key:
        return StepOutcome(StepState.BLOCKED, said=Said("outcome.no_counterparty_yet"))
    link = context.link
    if not link.known:
        return _waiting_for_link(context)
    key = link.site_key(row.portal_id, row.order_number)
    orders = [o for o in objects.site_orders(link).find(key) if not o.deletion_mark]
    if not orders:
        shown = row.order_number or row.portal_id
        said = Said(
            "outcome.order_not_loaded",
            {"order": shown, "key": key, "place": phrase_text(link.place)},
        )
        return StepOutcome(StepState.WAITING, said=said)
    if decision.counterparty_key and objects.counterparty(counterparty_key) is None:
        # 1C would store a reference to nothing without a word (GUIDE §5): refuse here.
        said = Said("outcome.counterparty_missing", {"key": counterparty_key})
        return StepOutcome(StepState.FAILED, said=said)
    partner_key = decision.partner_key or _partner_of(objects, counterparty_key, row)
    for order in orders:
        conflict = _conflict(objects, row, order, counterparty_key)
        if conflict is not None:
            return conflict
    changed = [o for o in orders
               if o.counterparty_key != counterparty_key
               or (partner_key and o.partner_key != partner_key)]  # fmt: skip
    for order in changed:
        objects.link_customer_order(order.ref_key, counterparty_key, partner_key or EMPTY_REF)
    return StepOutcome(
        StepState.DONE, orders[0].ref_key, _replaced_words(objects, row, changed),
        partner_key=partner_key, changed_posted=any(o.posted for o in changed),
    )  # fmt: skip


def _conflict(
    objects: OneCObjects, row: DecisionRow, order: OneCCustomerOrder, counterparty_key: str
) -> StepOutcome | None:
    """None when the order may take the counterparty; else the conflict, in words."""
    current = order.counterparty_key
    replaces = row.decision.replaces_key
    if not current or current in (counterparty_key, replaces):
        return None
    other = objects.counterparty(current)
    who = f"«{other.description}»" if other is not None else current
    if replaces:
        gone = objects.counterparty(replaces)
        was = f"«{gone.description}»" if gone is not None else replaces
        said = Said("outcome.conflict_replaced_earlier",
                    {"number": order.number, "who": who, "was": was})  # fmt: skip
    else:
        said = Said("outcome.conflict_taken", {"number": order.number, "who": who})
    return StepOutcome(StepState.CONFLICT, order.ref_key, said)


def _replaced_words(
    objects: OneCObjects, row: DecisionRow, changed: list[OneCCustomerOrder]
) -> Said | None:
    replaced = [o for o in changed if o.counterparty_key and o.counterparty_key == (
        row.decision.replaces_key)]  # fmt: skip
    if not replaced:
        return None
    old = objects.counterparty(replaced[0].counterparty_key or "")
    new = objects.counterparty(counterparty_of(row) or "")
    was = f"«{old.description}»" if old is not None else replaced[0].counterparty_key
    now = f"«{new.description}»" if new is not None else counterparty_of(row)
    numbers = ", ".join(o.number for o in replaced)
    return Said("outcome.replaced", {"numbers": numbers, "was": was or "", "now": now or ""})


def _partner_of(objects: OneCObjects, counterparty_key: str, row: DecisionRow) -> str | None:
    made = row.result_of(StepKind.CREATE_PARTNER)
    if made:
        return made
    counterparty = objects.counterparty(counterparty_key)
    return counterparty.partner_key if counterparty is not None else None


def mark_replaced(objects: OneCObjects, row: DecisionRow) -> StepOutcome:
    """Set the deletion mark of the counterparty the decision replaced (PATCH, not DELETE)."""
    key = row.decision.replaces_key
    if not key or key == counterparty_of(row):
        return StepOutcome(StepState.DONE)
    found = objects.counterparty(key)
    if found is None:
        return StepOutcome(StepState.DONE, key, Said("outcome.replaced_gone"))
    if not found.deletion_mark:
        objects.mark_counterparty_deleted(key)
    return StepOutcome(
        StepState.DONE, key, Said("outcome.marked_deleted", {"name": found.description})
    )


def repost(objects: OneCObjects, row: DecisionRow, context: PushContext) -> StepOutcome:
    """Post the linked order again if it is posted (its registers follow the new fields)."""
    ref = row.result_of(StepKind.LINK_ORDER)
    order = objects.customer_order(ref) if ref else None
    if order is None or not order.posted:
        return StepOutcome(StepState.DONE, ref)
    if not context.repost:
        return StepOutcome(
            StepState.DONE, ref, Said("outcome.repost_off", {"number": order.number})
        )
    try:
        objects.post_customer_order(order.ref_key)
    except OneCConnectionError:
        raise
    except OneCError as error:
        words = error.onec_message or error.said  # 1C's own words stay verbatim
        said = Said("outcome.repost_refused", {"number": order.number, "words": words})
        return StepOutcome(StepState.FAILED, ref, said)
    return StepOutcome(StepState.DONE, ref, Said("outcome.reposted", {"number": order.number}))
