"""The amount in words and the date in words of an invoice."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from desktop_app.domain.amount_words import (
    UnsupportedCurrencyError,
    amount_in_words,
    currency_code,
)
from desktop_app.domain.russian_dates import long_date


@pytest.mark.parametrize(
    ("amount", "words"),
    [
        ("0.00", "Ноль рублей 00 копеек"),
        ("1.01", "Один рубль 01 копейка"),
        ("21.21", "Двадцать один рубль 21 копейка"),
        ("2.02", "Два рубля 02 копейки"),
        ("5.05", "Пять рублей 05 копеек"),
        ("11.11", "Одиннадцать рублей 11 копеек"),
        ("1000000.00", "Один миллион рублей 00 копеек"),
        ("146208.27", "Сто сорок шесть тысяч двести восемь рублей 27 копеек"),
        (
            "1234567.89",
            "Один миллион двести тридцать четыре тысячи пятьсот шестьдесят семь рублей 89 копеек",
        ),
    ],
)
def test_rubles_in_words_and_kopecks_as_two_digits_as_1c_prints(amount: str, words: str) -> None:
    """1C's currency parameter «…, копейка, копейки, копеек, ж, 2»: kopecks as two digits."""
    assert amount_in_words(Decimal(amount)) == words


def test_never_read_as_kopecks() -> None:
    """num2words reads an int as kopecks: 2 → «ноль рублей, две копейки». Not here."""
    assert amount_in_words(Decimal(2)) == "Два рубля 00 копеек"
    with pytest.raises(TypeError):
        amount_in_words(2)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        amount_in_words(2.5)  # type: ignore[arg-type]


def test_rounded_half_up_to_kopecks_and_negative_refused() -> None:
    assert amount_in_words(Decimal("0.005")) == "Ноль рублей 01 копейка"
    assert amount_in_words(Decimal("9.999")) == "Десять рублей 00 копеек"
    with pytest.raises(ValueError, match="negative"):
        amount_in_words(Decimal("-1.00"))


def test_currencies_as_the_portal_writes_them() -> None:
    for text in ("руб", "RUB", " rub ", "643", "", None, "руб."):
        assert currency_code(text) == "RUB"
    assert amount_in_words(Decimal("12.50"), "USD") == "Двенадцать долларов 50 центов"
    with pytest.raises(UnsupportedCurrencyError):
        currency_code("тугрик")


def test_long_date() -> None:
    assert long_date(dt.date(2026, 11, 28)) == "28 ноября 2026 г."
    assert long_date(dt.date(2026, 3, 1)) == "1 марта 2026 г."
    assert long_date(dt.date(2025, 5, 9)) == "9 мая 2025 г."
