"""One serialisation of a counterparty card: what the store keeps is what `decide --json` prints."""

from __future__ import annotations

import json

from desktop_app.domain.counterparty import CounterpartyKind
from desktop_app.domain.decisions import CounterpartyCard
from desktop_app.store.decision_queries import card_json, card_object, card_of

CARD = CounterpartyCard(
    name="ООО «Ромашка»", full_name="Общество с ограниченной ответственностью «Ромашка»",
    kind=CounterpartyKind.ENTREPRENEUR, inn="7707083893", email="buh@example.ru",
)  # fmt: skip


def test_the_stored_card_is_the_printed_card_and_reads_back() -> None:
    stored = card_json(CARD)
    assert stored is not None and "Ромашка" in stored  # Russian kept as Russian
    assert json.loads(stored) == card_object(CARD)
    assert card_of(stored) == CARD


def test_the_card_object_holds_plain_json_values_only() -> None:
    values = card_object(CARD)
    assert type(values["kind"]) is str and values["kind"] == "entrepreneur"
    assert all(type(value) is str for value in values.values())
