"""What the domain says, one sample of each shape, for `test_wording_tables`."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from desktop_app.domain import order_link
from desktop_app.domain.candidates import CandidateReason, explain
from desktop_app.domain.counterparty import CounterpartyKind
from desktop_app.domain.decisions import Decision, DecisionKind
from desktop_app.domain.entity_mapping import (
    EarlierEntity,
    earlier_entity_note,
    other_entity_explanation,
    requisites_changed_reason,
)
from desktop_app.domain.invoice_numbering import check_template
from desktop_app.domain.onec_directory import DirectoryCounterparty
from desktop_app.domain.order_link import LinkKind, OrderLink
from desktop_app.domain.phrase import Phrase, PhraseError

from conftest import portal_buyer


def onec_row(
    name: str, inn: str | None, kpp: str | None, *, branch: bool = False
) -> DirectoryCounterparty:
    return DirectoryCounterparty(
        "ref", "1", False, name, None, inn, kpp, None, None, "ЮрЛицо", None, None, branch
    )


def candidate_phrases() -> list[Phrase]:
    legal = portal_buyer(name="Вектор", inn="7707083893", kpp="770701001")
    person = portal_buyer(name="Вектор", inn="7707083893", kpp=None, kind=CounterpartyKind.PERSON)
    no_kpp = portal_buyer(name="Вектор", inn="7707083893", kpp=None)
    same = onec_row("Вектор", "7707083893", "770701001")
    said = [explain(reason, legal, same, 100.0) for reason in CandidateReason]
    for row in (onec_row("Вектор", "7707083893", "770702001", branch=True),
                onec_row("Вектор", "7707083893", None)):  # fmt: skip
        said.append(explain(CandidateReason.SAME_INN_OTHER_KPP, legal, row, 90.0))
    said += [explain(CandidateReason.SAME_INN, b, same, 90.0) for b in (person, no_kpp)]
    for row in (onec_row("Вектор", None, None), onec_row("ВЕКТОР", "500100732259", None),
                onec_row("Векторр", "7707083893", None)):  # fmt: skip
        said.append(explain(CandidateReason.NAME_SIMILAR, legal, row, 91.0))
    full = portal_buyer(name="Вектор", official_name="Вектор Плюс", inn=None, kpp=None)
    said.append(explain(CandidateReason.NAME_SIMILAR, full, onec_row("Вектор Плюс", None, None), 1))
    return said


def entity_phrases() -> list[Phrase]:
    named = EarlierEntity("inn_kpp:7707083893/770701001", 'ООО "Вектор"', "ref", "17#x#Иванов")
    unnamed = EarlierEntity("not a key", None, "ref", None)
    return [
        *(
            say(e)
            for e in (named, unnamed)
            for say in (earlier_entity_note, other_entity_explanation)
        ),
        requisites_changed_reason("inn:500100732259", "name_address:0123abcd"),
        requisites_changed_reason(None, "inn_kpp:7707083893/770701001"),
    ]


def codes(said: Phrase) -> set[str]:
    """The phrase's code and those of the phrases among its values."""
    inner = (codes(v) for v in said.params.values() if isinstance(v, Phrase))
    return {said.code}.union(*inner)


def link_phrases() -> list[Phrase]:
    links = [
        order_link.UNKNOWN,
        order_link.bitrix(),
        OrderLink(LinkKind.PROPERTY, property_key="8f3c2a0e-6d7b-4e1f-9a2b-3c4d5e6f7a8b",
                  property_name="Номер заказа на сайте"),
        OrderLink(LinkKind.FIELD, field="НомерПоДаннымКлиента"),
    ]  # fmt: skip
    return [*map(order_link.describe, links), order_link.UNKNOWN.place]


def refusals() -> list[PhraseError]:
    """The domain's refusals: a decision that cannot be, a number template that does not work."""
    attempts: list[Callable[[], object]] = [
        lambda: Decision(DecisionKind.REJECT, reason=" "),
        lambda: Decision(DecisionKind.LINK, counterparty_key="a", delete_replaced=True),
        lambda: Decision(DecisionKind.LINK, counterparty_key="a", replaces_key="a"),
        *(
            partial(check_template, template)
            for template in ("{number", "СЧ-", "{nope}-{number}", "{number}" + "-" * 200,
                             "{number:{year}}", "{number:>99}", "{number:d}")
        ),
        *(partial(order_link.parse, text) for text in ("property:x", "field:", "where")),
    ]  # fmt: skip
    refused = []
    for attempt in attempts:
        try:
            attempt()
        except PhraseError as error:
            refused.append(error)
    assert len(refused) == len(attempts), "an attempt the domain took"
    return refused
