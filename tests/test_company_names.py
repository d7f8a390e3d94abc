"""Normalized company names: one key for every way a person types the same company."""

from __future__ import annotations

import pytest

from desktop_app.domain.company_names import (
    LEGAL_FORM_ABBREVIATIONS,
    LEGAL_FORM_PHRASES,
    name_tokens,
    normalize_name,
)
from desktop_app.emulators.world_names import SPECIAL_NAMES

CASES = [
    # quotes of every kind, forms abbreviated and written out, & = и
    ('ООО "Рога & Копыта"', "рога и копыта"),
    ("Общество с ограниченной ответственностью «Рога и Копыта»", "рога и копыта"),
    ("ООО „Рога и Копыта“", "рога и копыта"),
    ("ооо 'Рога и Копыта'", "рога и копыта"),
    ("РОГА И КОПЫТА, ООО", "рога и копыта"),
    ("ООО«Рога&Копыта»", "рога и копыта"),
    ("`Рога и Копыта` ООО", "рога и копыта"),
    ("ООО ТД «Вектор»", "тд вектор"),
    ('ТД "Вектор"', "тд вектор"),
    ("ПАО «Сбербанк России»", "сбербанк россии"),
    ("Публичное акционерное общество «Сбербанк России»", "сбербанк россии"),
    ("АО «Тинькофф Банк»", "тинькофф банк"),
    ("Акционерное общество «Тинькофф Банк»", "тинькофф банк"),
    ("Закрытое акционерное общество «Прогресс»", "прогресс"),
    ("ОАО «РЖД»", "ржд"),
    ("Открытое акционерное общество «Российские железные дороги»", "российские железные дороги"),
    ("НАО «Эталон»", "эталон"),
    ("Непубличное акционерное общество «Эталон»", "эталон"),
    ("ЗАО Гарант", "гарант"),
    ("ФГУП «Почта России»", "почта россии"),
    ("Федеральное государственное унитарное предприятие «Почта России»", "почта россии"),
    ("ГУП «Мосгортранс»", "мосгортранс"),
    ("МУП «Водоканал»", "водоканал"),
    ("Муниципальное унитарное предприятие «Водоканал»", "водоканал"),
    ("АНО «Центр развития»", "центр развития"),
    ("Автономная некоммерческая организация «Центр развития»", "центр развития"),
    ("ТОО «Астана Трейд»", "астана трейд"),
    ("Товарищество с ограниченной ответственностью «Астана Трейд»", "астана трейд"),
    # entrepreneurs
    ("ИП Иванов Иван Иванович", "иванов иван иванович"),
    ("Индивидуальный предприниматель Иванов Иван Иванович", "иванов иван иванович"),
    ("Иванов Иван Иванович ИП", "иванов иван иванович"),
    ("ип  ИВАНОВ   иван\tиванович", "иванов иван иванович"),
    ("ИП Иванов И.И.", "иванов и и"),
    ("Иванов И.П.", "иванов и п"),  # initials, not a dotted ИП
    ("Глава КФХ Петров Пётр Петрович", "петров петр петрович"),
    # ё is е
    ("ООО «Ёлки-Палки»", "елки палки"),
    ("ИП Фёдоров Семён Артёмович", "федоров семен артемович"),
    ("Берёзка", "березка"),
    # numbers and dashes
    ("ООО «ТД-7»", "тд 7"),
    ("ТД-7", "тд 7"),
    ("Завод №1", "завод 1"),
    ("ООО «Строй-2000»", "строй 2000"),
    ("1С-Рарус", "1с рарус"),
    ("<Бизнес-Линия>", "бизнес линия"),
    ("Вектор™", "вектор"),
    # Latin names
    ("Smith & Sons Rus", "smith и sons rus"),
    ("Smith and Sons Rus LLC", "smith и sons rus"),
    ("Horns & Hooves Ltd.", "horns и hooves"),
    ("ACME Limited Liability Company", "acme"),
    ("Siemens GmbH", "siemens"),
    ("AO Kaspersky Lab", "kaspersky lab"),
    ("OOO «Альфа»", "альфа"),  # Latin O's
    ("O'Reilly Трейд", "oreilly трейд"),
    ("O’Reilly Трейд", "oreilly трейд"),
    ("Д'Артаньян и партнёры", "дартаньян и партнеры"),
    ("Кофейня Café", "кофейня cafe"),
    ("Альфa Снаб", "альфа снаб"),  # a Latin "a" inside a Cyrillic word
    ("1C-Рарус", "1с рарус"),  # a Latin "C"
    ("Альфа CMYK", "альфа cmyk"),  # a Latin word stays Latin
    ("Sony 3C", "sony 3c"),  # no Cyrillic in the name at all
    ("ООО 3M", "3m"),  # nor once the form is gone: as "3M LLC"
    ("3M LLC", "3m"),
    ("АО «3M Россия»", "3м россия"),
    # Bitrix's escaping, non-breaking spaces, padding
    ("ООО &quot;Вектор&quot;", "вектор"),
    ("ООО &amp;quot;Вектор&amp;quot;", "вектор"),
    ("Рога &amp; Копыта", "рога и копыта"),
    ("&laquo;Вектор&raquo;", "вектор"),
    ("ООО\u00a0«Вектор»\u00a0", "вектор"),
    ("   Вектор   ", "вектор"),
    # forms only inside whole words
    ("Аоста", "аоста"),
    ("Ипподром", "ипподром"),
    ("Ооошка", "ооошка"),
    ("Общество любителей чая", "общество любителей чая"),
    # nothing left
    ("ООО", ""),
    ('""', ""),
    ("", ""),
    (None, ""),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_normalize_name(text: str | None, expected: str) -> None:
    assert normalize_name(text) == expected


@pytest.mark.parametrize(("text", "_expected"), CASES)
def test_normalizing_twice_changes_nothing(text: str | None, _expected: str) -> None:
    once = normalize_name(text)
    assert normalize_name(once) == once


def test_one_company_many_spellings() -> None:
    spellings = [
        'ООО "Рога & Копыта"',
        "Общество с ограниченной ответственностью «Рога и Копыта»",
        "рога и копыта ооо",
        "РОГА&КОПЫТА",
        "«Рога и Копыта»",
        "Рога and Копыта LLC",
    ]
    assert {normalize_name(text) for text in spellings} == {"рога и копыта"}


def test_a_form_hidden_behind_another_is_dropped_too() -> None:
    """`ООО` removed reveals a phrase; a second pass must not find more to drop."""
    assert normalize_name("Общество ООО с ограниченной ответственностью Вектор") == "вектор"


def test_name_tokens() -> None:
    assert name_tokens("ИП Иванов Иван Иванович") == ("иванов", "иван", "иванович")
    assert name_tokens('ООО "ТД-7"') == ("тд", "7")
    assert name_tokens("ООО") == ()
    assert name_tokens(None) == ()


def test_the_generated_worlds_awkward_names_keep_their_words() -> None:
    """The emulator's names that break naive quoting all keep letters to match on."""
    for name in SPECIAL_NAMES:
        normalized = normalize_name(name)
        assert normalized and normalized == normalized.strip()
        assert all(word.isalnum() for word in normalized.split())


def test_the_form_lists_are_normalized_themselves() -> None:
    """A form listed with ё or capitals could never match a normalized word."""
    for word in LEGAL_FORM_ABBREVIATIONS:
        assert name_tokens(word) == () and word == word.casefold() and "ё" not in word
    for phrase in LEGAL_FORM_PHRASES:
        assert normalize_name(" ".join(phrase)) == ""
        assert all(word == word.casefold() and "ё" not in word for word in phrase)
