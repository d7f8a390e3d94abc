"""The legal entity key and the automatic mapping's rule: pure functions, no store."""

from __future__ import annotations

import dataclasses

import pytest

from desktop_app.domain.counterparty import CounterpartyKind
from desktop_app.domain.entity_mapping import (
    EarlierEntity,
    earlier_entity_note,
    push_without_confirmation,
    requisites_changed_reason,
)
from desktop_app.domain.legal_entity_key import (
    EntityKeyKind,
    LegalEntityKey,
    legal_entity_key,
    order_entity_key,
)
from desktop_app.domain.order import OrderProperty
from desktop_app.emulators.world import World
from desktop_app.wording.phrases import phrase_text

from conftest import portal_buyer


def test_an_organisation_is_its_inn_and_kpp_not_its_portal_user() -> None:
    ooo = portal_buyer()
    ip = portal_buyer(name="ИП Иванов И. И.", inn="500100732259", kpp=None,
                      kind=CounterpartyKind.ENTREPRENEUR)  # fmt: skip
    assert ooo.id == ip.id  # one portal user, two legal entities
    assert legal_entity_key(ooo) == LegalEntityKey(EntityKeyKind.INN_KPP, "7707083893/770701001")
    assert legal_entity_key(ip) == LegalEntityKey(EntityKeyKind.INN, "500100732259")
    branch = portal_buyer(kpp="773643001")
    assert legal_entity_key(branch) != legal_entity_key(ooo)  # a branch is its own entity
    renamed = portal_buyer(id="99#other#Петров", name='ООО "Вектор-М"')
    assert legal_entity_key(renamed) == legal_entity_key(ooo)  # the requisites decide
    spaced = portal_buyer(inn=" 7707 083893 ", kpp="770701001\n")
    assert legal_entity_key(spaced) == legal_entity_key(ooo)
    assert legal_entity_key(portal_buyer(kpp="7707ab001")) == legal_entity_key(
        portal_buyer(kpp="7707AB001")
    )


def test_a_buyer_without_inn_is_its_name_and_address() -> None:
    foreign = portal_buyer(name="Nordic Trade AB", official_name="Nordic Trade Aktiebolag",
                           inn=None, kpp=None, legal_address="Sveavägen 12, Stockholm")  # fmt: skip
    key = legal_entity_key(foreign)
    assert key is not None and key.kind is EntityKeyKind.NAME_ADDRESS
    assert not key.auto_push_allowed
    same = dataclasses.replace(foreign, name="NORDIC TRADE AB", id=None)
    assert legal_entity_key(same) == key  # the official name and the address decide
    moved = dataclasses.replace(foreign, legal_address="Kungsgatan 1, Stockholm")
    assert legal_entity_key(moved) != key
    nobody = portal_buyer(name=None, official_name=None, inn=None, kpp=None)
    assert legal_entity_key(nobody) is None
    assert phrase_text(key.describe()) == "без ИНН (по наименованию и адресу)"


def test_the_key_uses_the_inn_and_kpp_the_checks_use() -> None:
    order = World.generate(5, buyers=20).order(3)
    party = order.buyer
    assert party is not None
    bare = dataclasses.replace(party, inn=None, kpp=None)
    properties = (OrderProperty("ИНН", ("7707083893",)), OrderProperty("КПП", ("770701001",)))
    from_properties = dataclasses.replace(order, counterparties=(bare,), properties=properties)
    assert order_entity_key(from_properties) == legal_entity_key(portal_buyer())
    both = dataclasses.replace(from_properties, counterparties=(party,))
    assert order_entity_key(both) == legal_entity_key(party)  # the card's own wins
    assert order_entity_key(dataclasses.replace(order, counterparties=())) is None


@pytest.mark.parametrize(
    "text", ["inn_kpp:7707083893/770701001", "inn:500100732259", "name_address:0123abcd"]
)
def test_a_key_survives_its_stored_text(text: str) -> None:
    key = LegalEntityKey.parse(text)
    assert key is not None and key.text == text


@pytest.mark.parametrize("text", [None, "", "7707083893", "portal:17#x", "inn:"])
def test_what_is_not_a_key_parses_to_none(text: str | None) -> None:
    assert LegalEntityKey.parse(text) is None


def test_only_requisites_write_to_1c_without_the_manager() -> None:
    def rule(key: str | None, *, by_mapping: bool, confirmed: bool, first: bool) -> bool:
        return push_without_confirmation(
            key, by_mapping=by_mapping, auto_push_confirmed=confirmed, auto_push_first=first
        )

    inn_kpp, by_name = "inn_kpp:7707083893/770701001", "name_address:0123abcd"
    assert rule(inn_kpp, by_mapping=True, confirmed=True, first=False)
    assert not rule(inn_kpp, by_mapping=True, confirmed=False, first=True)
    assert not rule(inn_kpp, by_mapping=False, confirmed=True, first=False)
    assert rule(inn_kpp, by_mapping=False, confirmed=False, first=True)
    assert not rule(by_name, by_mapping=True, confirmed=True, first=True)
    assert not rule(None, by_mapping=True, confirmed=True, first=True)


def test_the_note_and_the_reason_name_the_companies() -> None:
    earlier = EarlierEntity("inn_kpp:7707083893/770701001", 'ООО "Вектор"', "ref", "17#x#Иванов")
    note = phrase_text(earlier_entity_note(earlier))
    assert note.startswith('Этот покупатель уже заказывал от имени ООО "Вектор" (ИНН 7707083893')
    assert "другая организация" in note
    reason = phrase_text(
        requisites_changed_reason("inn_kpp:7707083893/770701001", "inn:500100732259")
    )
    assert "было: ИНН 7707083893, КПП 770701001; стало: ИНН 500100732259, без КПП" in reason
    assert "не указаны" in phrase_text(requisites_changed_reason(None, "inn:500100732259"))
