"""The three 1C writes of a decision, each safe to repeat.

Exactly once is built from two habits. Before creating anything, look for it: a counterparty
by ИНН+КПП (whoever made it — a second one would be a duplicate in 1C), and, after an attempt
whose answer was lost, our own object by the marker we wrote into it. Before linking an
order, read it again: if its counterparty is set already (by another manager, or by 1C's
exchange), nothing is overwritten and the step ends in a conflict that says who won.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.adapters.onec.odata_filter import Field
from desktop_app.adapters.onec.odata_query import Query
from desktop_app.adapters.onec.onec_bodies import (
    COUNTERPARTY_MARKER_FIELD,
    PARTNER_MARKER_FIELD,
    counterparty_body,
    marker_text,
    partner_body,
    short_name,
)
from desktop_app.adapters.onec.onec_objects import (
    COUNTERPARTIES,
    PARTNERS,
    OneCObjects,
)
from desktop_app.domain.decisions import CounterpartyCard, StepKind, StepState
from desktop_app.domain.onec_directory import EMPTY_REF, DirectoryCounterparty
from desktop_app.store.decision_rows import DecisionRow, StepRow


@dataclass(frozen=True, slots=True)
class StepOutcome:
    state: StepState
    result_key: str | None = None
    message: str | None = None
    partner_key: str | None = None
    """LINK_ORDER: the partner written with the counterparty (for the mapping)."""


def run_step(
    objects: OneCObjects, row: DecisionRow, step: StepRow, number_field: str
) -> StepOutcome:
    """Do one step; 1C errors propagate (the caller records them)."""
    if step.kind is StepKind.CREATE_PARTNER:
        return _create_partner(objects, row, step)
    if step.kind is StepKind.CREATE_COUNTERPARTY:
        return _create_counterparty(objects, row, step)
    return _link_order(objects, row, number_field)


def _card(row: DecisionRow) -> CounterpartyCard:
    card = row.decision.card
    if card is None:
        raise ValueError(f"decision {row.id} creates without a card")
    return card


def _existing_counterparty(
    objects: OneCObjects, card: CounterpartyCard
) -> DirectoryCounterparty | None:
    """A live counterparty of 1C with the card's ИНН (and КПП, or none), if any."""
    if not card.inn:
        return None
    found = [
        c
        for c in objects.counterparties_by_inn(card.inn, card.kpp or None)
        if not c.deletion_mark and (card.kpp or not c.kpp)
    ]
    return found[0] if found else None


def _create_partner(objects: OneCObjects, row: DecisionRow, step: StepRow) -> StepOutcome:
    card = _card(row)
    existing = _existing_counterparty(objects, card)
    if existing is not None and existing.partner_key:
        return StepOutcome(
            StepState.DONE, existing.partner_key,
            f"В 1С уже есть контрагент «{existing.description}» с этими ИНН и КПП: взят его "
            "партнёр, новый не создан.",
        )  # fmt: skip
    if step.attempts > 1:  # an earlier attempt may have created it and lost the answer
        query = (
            Query(PARTNERS)
            .select("Ref_Key", "Description", PARTNER_MARKER_FIELD)
            .filter(Field("Description").eq(short_name(card.name)))
        )
        marker = marker_text(row.marker)
        for found in objects.client.rows(query):
            if marker in str(found.get(PARTNER_MARKER_FIELD) or ""):
                return StepOutcome(StepState.DONE, str(found["Ref_Key"]))
    created = objects.create_partner(partner_body(card, row.marker, objects.references()))
    return StepOutcome(StepState.DONE, created.ref_key)


def _create_counterparty(objects: OneCObjects, row: DecisionRow, step: StepRow) -> StepOutcome:
    card = _card(row)
    existing = _existing_counterparty(objects, card)
    if existing is not None:
        ours = step.attempts > 1 and _has_marker(objects, existing.ref_key, row.marker)
        note = None if ours else (
            f"В 1С уже есть контрагент «{existing.description}» с этими ИНН и КПП: заказ "
            "связывается с ним, второй не создан."
        )  # fmt: skip
        return StepOutcome(StepState.DONE, existing.ref_key, note)
    if step.attempts > 1 and not card.inn:
        found = _by_marker(objects, card, row.marker)
        if found is not None:
            return StepOutcome(StepState.DONE, found)
    partner_key = row.decision.partner_key or row.result_of(StepKind.CREATE_PARTNER)
    body = counterparty_body(card, partner_key, row.marker, objects.references())
    created = objects.create_counterparty(body)
    return StepOutcome(StepState.DONE, created.ref_key)


def _has_marker(objects: OneCObjects, ref_key: str, marker: str) -> bool:
    found = objects.client.get(COUNTERPARTIES, ref_key, ("Ref_Key", COUNTERPARTY_MARKER_FIELD))
    return marker_text(marker) in str((found or {}).get(COUNTERPARTY_MARKER_FIELD) or "")


def _by_marker(objects: OneCObjects, card: CounterpartyCard, marker: str) -> str | None:
    """Our own counterparty without an ИНН (a person), found by name and then by marker."""
    query = (
        Query(COUNTERPARTIES)
        .select("Ref_Key", COUNTERPARTY_MARKER_FIELD)
        .filter(Field("Description").eq(short_name(card.name)))
    )
    for found in objects.client.rows(query):
        if marker_text(marker) in str(found.get(COUNTERPARTY_MARKER_FIELD) or ""):
            return str(found["Ref_Key"])
    return None


def _link_order(objects: OneCObjects, row: DecisionRow, number_field: str) -> StepOutcome:
    decision = row.decision
    counterparty_key = decision.counterparty_key or row.result_of(StepKind.CREATE_COUNTERPARTY)
    if not counterparty_key:
        return StepOutcome(StepState.BLOCKED, message="Контрагент ещё не создан в 1С.")
    number = (row.order_number or "").strip()
    orders = [o for o in objects.customer_orders_by_client_number(number, number_field)
              if not o.deletion_mark] if number else []  # fmt: skip
    if not orders:
        return StepOutcome(
            StepState.WAITING,
            message=f"В 1С ещё нет заказа с номером сайта {number or '(без номера)'} "
            "(обмен 1С с сайтом его пока не загрузил); связь будет записана, когда он появится.",
        )
    if decision.counterparty_key and objects.counterparty(counterparty_key) is None:
        # 1C would store a reference to nothing without a word (GUIDE §5): refuse here.
        return StepOutcome(
            StepState.FAILED,
            message=f"В 1С нет контрагента с ключом {counterparty_key} (удалён или ключ "
            "ошибочен): заказ не связан. Обновите справочник и выберите другого.",
        )
    partner_key = decision.partner_key or _partner_of(objects, counterparty_key, row)
    for order in orders:
        if order.counterparty_key and order.counterparty_key != counterparty_key:
            other = objects.counterparty(order.counterparty_key)
            who = f"«{other.description}»" if other is not None else order.counterparty_key
            return StepOutcome(
                StepState.CONFLICT, order.ref_key,
                f"Заказ 1С № {order.number} уже связан с контрагентом {who} (другой менеджер "
                "или сама 1С успели раньше); ничего не перезаписано.",
            )  # fmt: skip
    for order in orders:
        if order.counterparty_key != counterparty_key:
            objects.link_customer_order(order.ref_key, counterparty_key, partner_key or EMPTY_REF)
    return StepOutcome(StepState.DONE, orders[0].ref_key, partner_key=partner_key)


def _partner_of(objects: OneCObjects, counterparty_key: str, row: DecisionRow) -> str | None:
    made = row.result_of(StepKind.CREATE_PARTNER)
    if made:
        return made
    counterparty = objects.counterparty(counterparty_key)
    return counterparty.partner_key if counterparty is not None else None
