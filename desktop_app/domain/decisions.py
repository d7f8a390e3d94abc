"""The manager's decision on an order's buyer, and the 1C writes it turns into.

A decision is recorded locally first (with when and who) and written to 1C later, maybe much
later: the app works offline. Until its first write has reached 1C the manager may change
it; a new decision then replaces the old one. Each decision that writes becomes a short plan
of steps (GUIDE §5): a new partner unless an existing one was chosen, the counterparty, then
the link of the 1C order; when the manager replaces a counterparty 1C's exchange put on the
order and marks it for deletion, that mark; last, the re-post of a posted order whose
counterparty changed. Steps are done one after another; each records its outcome, so a push
that was killed continues where it stopped.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields, replace
from enum import StrEnum

from desktop_app.domain.card_checks import CardProblemError, change_problem
from desktop_app.domain.counterparty import Counterparty, CounterpartyKind
from desktop_app.domain.phrase import PhraseError


class DecisionKind(StrEnum):
    CREATE = "create"
    """Create the counterparty in 1C (and its partner, unless an existing one is chosen)."""
    LINK = "link"
    """Link the 1C order to a counterparty 1C already has."""
    REJECT = "reject"
    """Not a buyer to put into 1C (a test order, a fraud, a duplicate): nothing is written."""
    DEFER = "defer"
    """Come back later: nothing is written."""

    @property
    def writes(self) -> bool:
        return self in (DecisionKind.CREATE, DecisionKind.LINK)


class StepKind(StrEnum):
    CREATE_PARTNER = "create_partner"
    CREATE_COUNTERPARTY = "create_counterparty"
    LINK_ORDER = "link_order"
    MARK_DELETED = "mark_deleted"
    """PATCH `DeletionMark` of the counterparty the decision replaced (never DELETE)."""
    POST_ORDER = "post_order"
    """Re-post a posted 1C order whose counterparty the link changed, so that its register
    records name the new one (a PATCH does not re-post, GUIDE §5)."""


class StepState(StrEnum):
    PENDING = "pending"
    """Not tried yet."""
    SENDING = "sending"
    """The request was (maybe) sent and no answer recorded: the outcome is unknown, so the
    next attempt looks the object up in 1C before it writes anything."""
    DONE = "done"
    WAITING = "waiting"
    """1C has not imported the portal order yet: tried again on the next push."""
    FAILED = "failed"
    """1C refused or was unreachable; 1C's own message is kept and the step is tried again."""
    CONFLICT = "conflict"
    """The 1C order already has another counterparty: nothing was overwritten."""
    BLOCKED = "blocked"
    """An earlier step of the decision has not succeeded yet."""

    @property
    def final(self) -> bool:
        return self in (StepState.DONE, StepState.CONFLICT)


class WriteState(StrEnum):
    """Where the decision of an order is on its way to 1C, as the queue shows it."""

    NONE = "none"
    """Nothing to write (no decision, reject, defer, or an automatic one not confirmed)."""
    QUEUED = "queued"
    WAITING = "waiting"
    FAILED = "failed"
    WRITTEN = "written"
    CONFLICT = "conflict"


@dataclass(frozen=True, slots=True)
class CounterpartyCard:
    """What a new 1C counterparty is created with: prefilled from the portal, then edited."""

    name: str
    full_name: str = ""
    kind: CounterpartyKind = CounterpartyKind.LEGAL
    inn: str = ""
    kpp: str = ""
    ogrn: str = ""
    legal_address: str = ""
    actual_address: str = ""
    """Where the buyer actually is (the portal's `Адрес`), when it differs from the legal one."""
    phone: str = ""
    email: str = ""
    head_key: str = ""
    """A branch (обособленное подразделение): the 1C counterparty of its head organisation."""

    @classmethod
    def from_portal(cls, buyer: Counterparty, ogrn: str | None = None) -> CounterpartyCard:
        """The card as the portal describes the buyer; `ogrn` comes from an order property
        (CommerceML has no field for it)."""
        address = buyer.legal_address or buyer.registration_address or buyer.address or ""
        actual = (buyer.address or "").strip()
        kind = buyer.kind if buyer.kind is not CounterpartyKind.UNKNOWN else _kind_of(buyer.inn)
        return cls(
            name=(buyer.display_name or "").strip(),
            full_name=(buyer.full_name or buyer.official_name or buyer.display_name).strip(),
            kind=kind,
            inn=(buyer.inn or "").strip(),
            kpp=(buyer.kpp or "").strip() if kind is CounterpartyKind.LEGAL else "",
            ogrn=(ogrn or "").strip(),
            legal_address=address.strip(),
            actual_address=actual if actual != address.strip() else "",
            phone=next(iter(buyer.phones), "").strip(),
            email=next(iter(buyer.emails), "").strip(),
        )

    def edited(self, changes: dict[str, str]) -> CounterpartyCard:
        """The card with some fields replaced; `CardProblemError` names an unknown field or kind,
        or a changed requisite that fails its check (`card_checks`: the window's card and
        `decide --create --field` both come through here)."""
        known = {f.name for f in fields(self)}
        unknown = sorted(set(changes) - known)
        if unknown:
            raise CardProblemError(
                "unknown-field", field=unknown[0], known=", ".join(sorted(known))
            )
        problem = change_problem(changes)
        if problem:
            raise problem
        values: dict[str, object] = {k: v.strip() for k, v in changes.items()}
        if "kind" in values:
            try:
                values["kind"] = CounterpartyKind(str(values["kind"]))
            except ValueError:
                raise CardProblemError("kind-value") from None
        card = replace(self, **values)  # type: ignore[arg-type]
        if not card.name:
            raise CardProblemError("name-missing")
        return card


def _kind_of(inn: str | None) -> CounterpartyKind:
    digits = (inn or "").strip()
    if len(digits) == 10:
        return CounterpartyKind.LEGAL
    if len(digits) == 12:
        return CounterpartyKind.ENTREPRENEUR
    return CounterpartyKind.UNKNOWN


@dataclass(frozen=True, slots=True)
class Decision:
    """One decision as the manager (or the automatic mapping) made it."""

    kind: DecisionKind
    card: CounterpartyCard | None = None
    """CREATE: the counterparty to create."""
    counterparty_key: str | None = None
    """LINK: the chosen 1C counterparty."""
    partner_key: str | None = None
    """LINK: its partner; CREATE: an existing partner to put it under (None: a new one)."""
    reason: str = ""
    """REJECT: why (required); others: an optional comment."""
    replaces_key: str | None = None
    """LINK/CREATE: the counterparty the 1C order held when the manager chose to replace it
    (shown to them). Without it a counterparty already on the order is never overwritten;
    with it, only this one is — another one there means another manager won (a conflict)."""
    delete_replaced: bool = False
    """Mark the replaced counterparty for deletion (a duplicate 1C's site exchange made)."""
    automatic: bool = False
    """Prepared by the automatic mapping, not by a person."""
    confirmed: bool = True
    """An automatic decision waits for the manager's confirmation unless settings say not."""
    decided_by: str = ""
    decided_at: dt.datetime | None = None

    def __post_init__(self) -> None:
        if self.kind is DecisionKind.CREATE and self.card is None:
            raise ValueError("a create decision needs a card")
        if self.kind is DecisionKind.LINK and not self.counterparty_key:
            raise ValueError("a link decision needs the counterparty")
        if self.kind is DecisionKind.REJECT and not self.reason.strip():
            raise PhraseError("Укажите причину отказа.", "decision.reject-reason")
        if (self.replaces_key or self.delete_replaced) and not self.kind.writes:
            raise ValueError("only a link or a create replaces a counterparty")
        if self.delete_replaced and not self.replaces_key:
            raise PhraseError(
                "Пометить на удаление можно только заменяемого контрагента.",
                "decision.delete-not-replaced",
            )
        if self.replaces_key and self.replaces_key == self.counterparty_key:
            raise PhraseError("Контрагент не может заменить сам себя.", "decision.replaces-itself")

    def plan(self) -> tuple[StepKind, ...]:
        """The 1C writes, in order."""
        if self.kind is DecisionKind.LINK:
            core: tuple[StepKind, ...] = (StepKind.LINK_ORDER,)
        elif self.kind is DecisionKind.CREATE:
            first = () if self.partner_key else (StepKind.CREATE_PARTNER,)
            core = (*first, StepKind.CREATE_COUNTERPARTY, StepKind.LINK_ORDER)
        else:
            return ()
        mark = (StepKind.MARK_DELETED,) if self.delete_replaced else ()
        return (*core, *mark, StepKind.POST_ORDER)


def write_state(states: list[StepState], *, confirmed: bool) -> WriteState:
    """The queue's summary of a decision's steps."""
    if not states or not confirmed:
        return WriteState.NONE
    if StepState.CONFLICT in states:
        return WriteState.CONFLICT
    if all(state is StepState.DONE for state in states):
        return WriteState.WRITTEN
    if StepState.FAILED in states:
        return WriteState.FAILED
    if StepState.WAITING in states:
        return WriteState.WAITING
    return WriteState.QUEUED
