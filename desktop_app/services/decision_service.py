"""Deciding on an order's buyer, by hand or by the automatic mapping.

The manager's four decisions (create, link, reject, defer) are recorded with the time and the
operating-system user, to be written to 1C by `push_service` later. The automatic mapping
prepares link decisions for buyers the app can recognise: a legal entity linked before (a
confirmed mapping of its ИНН+КПП — never of the portal `Ид`, which names the portal user and
is shared by all the companies that user orders for), or whose ИНН+КПП matches exactly one
live counterparty of the local 1C directory. Whether such a decision is written without the
manager's confirmation is a setting (`review.*`): yes for confirmed mappings, no for
first-time matches, by default; never for a buyer without ИНН, known by name and address
only (`domain.entity_mapping.push_without_confirmation`).
"""

from __future__ import annotations

import getpass
import uuid
from dataclasses import dataclass, replace

from desktop_app.domain import card_checks
from desktop_app.domain.decisions import CounterpartyCard, Decision, DecisionKind, StepKind
from desktop_app.domain.entity_mapping import AUTOMATIC, push_without_confirmation
from desktop_app.domain.onec_directory import DirectoryCounterparty
from desktop_app.domain.onec_order_state import OneCOrderState
from desktop_app.domain.order import Order
from desktop_app.domain.order_buyer import order_buyer
from desktop_app.services.settings import ReviewSettings
from desktop_app.store.database import Database
from desktop_app.store.decision_queries import locked_words
from desktop_app.store.decision_repository import DecisionRepository, DecisionRow
from desktop_app.store.directory_repository import DirectoryRepository
from desktop_app.store.errors import StoreError
from desktop_app.store.onec_order_repository import OneCOrderRepository
from desktop_app.store.queue_repository import QueueRepository
from desktop_app.wording.card_problems import problem_text, refusal_text
from desktop_app.wording.onec_orders import order_words
from desktop_app.wording.registry import worded
from desktop_app.wording.said import Param, Said


class DecisionError(Exception):
    """A decision that cannot be recorded; `str()` is for the manager, `said` the same as a
    code for the window (`wording.service_errors`, `wording.store_errors`)."""

    def __init__(self, message: str | Said) -> None:
        text, self.said = worded(message)
        super().__init__(text)


class HeldByOtherError(DecisionError):
    """The 1C order holds another counterparty: only an explicit replace may overwrite it."""

    def __init__(self, state: OneCOrderState) -> None:
        self.state = state
        super().__init__(Said("decision.held_by_other", {"order": order_words(state)}))


@dataclass(frozen=True, slots=True)
class Replacement:
    """The manager's explicit choice to replace the counterparty the 1C order holds."""

    key: str
    """The counterparty shown on the 1C order (the old value)."""
    delete: bool = False
    """Also mark it for deletion (only one the site exchange made)."""


def current_user() -> str:
    """The operating-system (Windows) user name, recorded with each decision."""
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no user name in the environment (a service account)
        return "неизвестный пользователь"


def portal_card(order: Order) -> CounterpartyCard:
    """The create card prefilled from what the portal sent (ИНН, КПП and ОГРН from the
    order's properties where the counterparty element has none)."""
    buyer = order_buyer(order)
    if buyer is None:
        raise DecisionError(Said("decision.no_buyer", {"order": order.number or order.id}))
    return CounterpartyCard.from_portal(buyer.counterparty, buyer.registration_number)


class DecisionService:
    def __init__(self, database: Database, user: str | None = None) -> None:
        self._orders = QueueRepository(database)
        self._decisions = DecisionRepository(database)
        self._directory = DirectoryRepository(database)
        self._database = database
        self.user = user or current_user()

    def _order(self, portal_id: str) -> Order:
        order = self._orders.order(portal_id)
        if order is None:
            raise DecisionError(Said("store.no_order", {"portal_id": portal_id}))
        return order

    def _require_changeable(self, portal_id: str) -> None:
        """Refuse at once when the current decision can no longer be replaced — above all one
        whose write to 1C has an unknown outcome (until the next push has looked in 1C)."""
        current = self._decisions.current(portal_id)
        words = None if current is None else locked_words([s.state for s in current.steps])
        if words is not None:
            raise DecisionError(words)

    def _record(self, portal_id: str, decision: Decision) -> DecisionRow:
        try:
            return self._decisions.record(portal_id, decision)
        except StoreError as error:
            raise DecisionError(error.said) from None

    def preview_card(self, portal_id: str) -> tuple[CounterpartyCard, DirectoryCounterparty | None]:
        """The create card as it would be prefilled, and the head organisation 1C knows when
        the buyer is a new branch of it (the card then names it, and its partner is used)."""
        self._require_changeable(portal_id)
        try:
            card = portal_card(self._order(portal_id))
        except ValueError as error:
            raise DecisionError(str(error)) from None
        head = self.head_of(card)
        return (card if head is None else replace(card, head_key=head.ref_key)), head

    def create(
        self,
        portal_id: str,
        changes: dict[str, str] | None = None,
        partner_key: str | None = None,
        replace: Replacement | None = None,
    ) -> DecisionRow:
        """Create the buyer in 1C from the portal card with the manager's `changes` (and,
        with `replace`, put it on the 1C order instead of the counterparty shown there).
        The card's edits are checked by `CounterpartyCard.edited`, the partner here, and the
        card as it would be written as `checks` checks it (`card_checks.card_errors`): an
        error refuses the decision, a warning was the manager's to accept."""
        problem = card_checks.partner_problem(partner_key)
        if problem:
            raise DecisionError(problem_text(problem))
        if partner_key is not None:
            partner_key = card_checks.guid_text(partner_key)
        card, head = self.preview_card(portal_id)
        if head is not None:  # a new branch of a company 1C knows: under its partner
            partner_key = partner_key or head.partner_key
        try:
            card = card.edited(changes or {})
        except ValueError as error:
            raise DecisionError(problem_text(error)) from None
        refused = card_checks.card_errors(card)
        if refused:  # whoever asks: the window's card says it beside the field first
            raise DecisionError(refusal_text(refused[0]))
        replaces, delete = self._replacement(portal_id, replace, None)
        decision = Decision(DecisionKind.CREATE, card=card, partner_key=partner_key,
                            replaces_key=replaces, delete_replaced=delete,
                            decided_by=self.user)  # fmt: skip
        return self._record(portal_id, decision)

    def _replacement(
        self, portal_id: str, replace: Replacement | None, counterparty_key: str | None
    ) -> tuple[str | None, bool]:
        """The replaced counterparty as the decision records it, checked against what the
        1C order was last seen holding (a mismatch means the manager saw something else)."""
        state = OneCOrderRepository(self._database).state(portal_id)
        if replace is None:
            if state is not None and state.counterparty_key not in (None, counterparty_key):
                raise HeldByOtherError(state)
            return None, False
        try:
            key = str(uuid.UUID(replace.key.strip()))
        except ValueError:
            raise DecisionError(Said("decision.not_a_key", {"key": replace.key})) from None
        if key == counterparty_key:
            raise DecisionError(Said("decision.already_held"))
        if state is not None and state.counterparty_key not in (None, key):
            holder = state.counterparty.name if state.counterparty else state.counterparty_key
            params: dict[str, Param] = {"number": state.number, "holder": str(holder), "key": key}
            raise DecisionError(Said("decision.holds_another", params))
        if replace.delete and (state is None or state.counterparty_key != key
                               or not state.auto_created):  # fmt: skip
            raise DecisionError(Said("decision.delete_not_made_by_exchange"))
        return key, replace.delete

    def head_of(self, card: CounterpartyCard) -> DirectoryCounterparty | None:
        """For a legal entity 1C knows under another КПП only: its head organisation (or,
        failing that, another live branch whose head is set)."""
        if not card.inn or not card.kpp:
            return None
        known = self._directory.find_counterparties(inn=card.inn, include_deleted=False)
        if any(c.kpp == card.kpp for c in known):
            return None  # 1C has this very one: a create will find it and not duplicate it
        same = [c for c in known if c.kpp]
        heads = [c for c in same if not c.is_branch] or [
            c for c in same if c.head_key and c.head_key != c.ref_key
        ]
        return heads[0] if heads else None

    def link(
        self, portal_id: str, counterparty_key: str, replace: Replacement | None = None
    ) -> DecisionRow:
        """Link the order to a counterparty 1C has (its partner comes along); with
        `replace`, instead of the counterparty the 1C order holds."""
        self._order(portal_id)
        self._require_changeable(portal_id)
        try:
            counterparty_key = str(uuid.UUID(counterparty_key.strip()))
        except ValueError:
            raise DecisionError(
                Said("decision.link_not_a_key", {"key": counterparty_key})
            ) from None
        cached = self._directory.counterparty(counterparty_key)
        partner = cached.partner_key if cached is not None else None
        replaces, delete = self._replacement(portal_id, replace, counterparty_key)
        decision = Decision(DecisionKind.LINK, counterparty_key=counterparty_key,
                            partner_key=partner, replaces_key=replaces, delete_replaced=delete,
                            decided_by=self.user)  # fmt: skip
        return self._record(portal_id, decision)

    def reject(self, portal_id: str, reason: str) -> DecisionRow:
        if not reason.strip():
            raise DecisionError(Said("decision.no_reason"))
        self._order(portal_id)
        self._require_changeable(portal_id)
        return self._record(
            portal_id, Decision(DecisionKind.REJECT, reason=reason.strip(), decided_by=self.user)
        )

    def defer(self, portal_id: str, comment: str = "") -> DecisionRow:
        self._order(portal_id)
        self._require_changeable(portal_id)
        return self._record(
            portal_id, Decision(DecisionKind.DEFER, reason=comment.strip(), decided_by=self.user)
        )

    def confirm(self, portal_id: str) -> DecisionRow:
        """Confirm the automatic decision of the order."""
        try:
            return self._decisions.confirm(portal_id, self.user)
        except StoreError as error:
            raise DecisionError(error.said) from None


@dataclass(frozen=True, slots=True)
class AutoReport:
    by_mapping: int
    by_requisites: int
    pushed_without_confirmation: int


def auto_map(database: Database, settings: ReviewSettings) -> AutoReport:
    """Prepare link decisions for new orders whose buyer the app recognises."""
    found = DecisionRepository(database).recognisable()
    decisions = []
    for item in found:
        confirmed = push_without_confirmation(
            item.entity_key, by_mapping=item.by_mapping,
            auto_push_confirmed=settings.auto_push_confirmed,
            auto_push_first=settings.auto_push_first,
        )  # fmt: skip
        decisions.append((item.portal_id, Decision(
            DecisionKind.LINK, counterparty_key=item.counterparty_key,
            partner_key=item.partner_key, automatic=True, confirmed=confirmed,
            decided_by=AUTOMATIC,
        )))  # fmt: skip
    DecisionRepository(database).record_new(decisions)
    by_mapping = sum(1 for item in found if item.by_mapping)
    pushed = sum(1 for _, decision in decisions if decision.confirmed)
    return AutoReport(by_mapping, len(found) - by_mapping, pushed)


def linked_counterparty(database: Database, order: Order) -> DirectoryCounterparty | None:
    """The 1C counterparty the order is linked to (by its current decision), as the local
    directory knows it; None when not linked or not in the copy yet (then the portal's
    data stands for the buyer, e.g. on an invoice)."""
    row = DecisionRepository(database).current(order.id)
    if row is None or row.decision.kind not in (DecisionKind.LINK, DecisionKind.CREATE):
        return None
    key = row.decision.counterparty_key or row.result_of(StepKind.CREATE_COUNTERPARTY)
    return DirectoryRepository(database).counterparty(key) if key else None
