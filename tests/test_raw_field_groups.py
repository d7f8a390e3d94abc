"""Grouping the portal's raw counterparty leaves by the element they belong to (pure rule)."""

from __future__ import annotations

from desktop_app.domain.counterparty import RawField
from desktop_app.domain.raw_field_groups import GroupKind, grouped
from desktop_app.wording.raw_field_groups import group_title

RAW = (
    RawField("Ид", "17#buyer#Иванов"),
    RawField("Наименование", 'ООО "Вектор"'),
    RawField("ИНН", "7707083893"),
    RawField("@Тип", "ЮЛ"),
    RawField("Адрес/Представление", "г. Москва, ул. Фактическая, 1"),
    RawField("ЮридическийАдрес/Представление", "г. Москва, ул. Юридическая, 2"),
    RawField("ЮридическийАдрес/АдресноеПоле[1]/Значение", "119021"),
    RawField("РасчетныеСчета/РасчетныйСчет[1]/НомерСчета", "40702810900000002851"),
    RawField("РасчетныеСчета/РасчетныйСчет[1]/Банк/БИК", "044030827"),
    RawField("РасчетныеСчета/РасчетныйСчет[2]/НомерСчета", "40702810900000009999"),
    RawField("РасчетныеСчета/РасчетныйСчет[2]/Банк/БИК", "044525225"),
    RawField("Контакты/Контакт[1]/Значение", "a@b.ru"),
    RawField("Представители/Представитель/Контрагент/Наименование", "Иванов И. И."),
    RawField("ДопСведения/Поле", "что-то своё"),
    RawField("Адрес", ""),
)


def test_every_leaf_lands_once_in_its_element_s_group_in_a_fixed_order() -> None:
    groups = grouped(RAW)
    assert [(g.kind, g.number) for g in groups] == [
        (GroupKind.REQUISITES, None),
        (GroupKind.LEGAL_ADDRESS, None),
        (GroupKind.ADDRESS, None),
        (GroupKind.BANK_ACCOUNT, 1),
        (GroupKind.BANK_ACCOUNT, 2),
        (GroupKind.CONTACTS, None),
        (GroupKind.REPRESENTATIVES, None),
        (GroupKind.OTHER, None),
    ]
    assert sorted(f.field for g in groups for f in g.fields) == sorted(RAW)
    requisites, legal, address, _, second, contacts, person, other = groups
    assert [f.inside for f in requisites.fields] == ["Ид", "Наименование", "ИНН", "@Тип"]
    assert [f.inside for f in legal.fields] == ["Представление", "АдресноеПоле[1]/Значение"]
    assert [f.field.value for f in address.fields] == ["г. Москва, ул. Фактическая, 1", ""]
    assert [f.inside for f in second.fields] == ["НомерСчета", "Банк/БИК"]
    assert [f.inside for f in contacts.fields] == ["Контакт[1]/Значение"]
    assert [f.inside for f in person.fields] == ["Наименование"]
    assert other.element == "ДопСведения" and [f.inside for f in other.fields] == ["Поле"]


def test_a_leaf_names_the_card_field_it_is() -> None:
    keys = {f.field.path: f.card_key for g in grouped(RAW) for f in g.fields}
    assert keys["ИНН"] == "inn" and keys["Наименование"] == "name" and keys["Ид"] == "portal_id"
    assert keys["ЮридическийАдрес/Представление"] == "legal_address"
    assert keys["Адрес/Представление"] == "address"
    assert keys["РасчетныеСчета/РасчетныйСчет[2]/Банк/БИК"] == "bik 2"  # as the card numbers
    assert keys["Представители/Представитель/Контрагент/Наименование"] is None  # not the buyer's
    one = grouped([RawField("РасчетныеСчета/РасчетныйСчет/Банк/БИК", "044030827")])
    assert one[0].number is None and one[0].fields[0].card_key == "bik"


def test_group_titles_tell_the_addresses_apart() -> None:
    titles = [group_title(g) for g in grouped(RAW)]
    assert titles == [
        "Реквизиты",
        "Юридический адрес",
        "Адрес (фактический)",
        "Расчётный счёт 1",
        "Расчётный счёт 2",
        "Контакты",
        "Представитель",
        "ДопСведения",
    ]
    assert grouped([]) == []
