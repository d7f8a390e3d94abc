"""The amount of an invoice in words: «Одна тысяча двести рублей, пятьдесят копеек».

A Russian invoice repeats its total in words so that a figure cannot be altered unnoticed;
the words must agree with the figure to the kopeck and decline рубль and копейка by the
number before them. num2words does the Russian grammar; what is left here is to hand it a
`Decimal` rounded to kopecks (an `int` would be read as kopecks, GUIDE §10) and to begin
the sentence with a capital letter.
"""

from __future__ import annotations

from decimal import Decimal

from num2words import num2words

from desktop_app.domain.money import to_money

_CURRENCIES = {
    "RUB": "RUB",
    "RUR": "RUB",
    "643": "RUB",
    "810": "RUB",
    "РУБ": "RUB",
    "РУБ.": "RUB",
    "USD": "USD",
    "840": "USD",
    "EUR": "EUR",
    "978": "EUR",
}


class UnsupportedCurrencyError(ValueError):
    """A currency the amount cannot be written out in."""


def currency_code(currency: str | None) -> str:
    """The ISO code of the portal's currency text ("руб", "RUB", "643"); rubles by default.

    An order that names no currency is in rubles: the portal's base currency is the ruble.
    """
    text = (currency or "RUB").strip().upper()
    code = _CURRENCIES.get(text or "RUB")
    if code is None:
        raise UnsupportedCurrencyError(currency)
    return code


def amount_in_words(amount: Decimal, currency: str | None = "RUB") -> str:
    """`Decimal("21.21")` → «Двадцать один рубль, двадцать одна копейка».

    The amount is rounded half-up to kopecks first; a negative amount is refused, because
    no invoice asks for one.
    """
    if not isinstance(amount, Decimal):
        raise TypeError(f"amount must be a Decimal, not {type(amount).__name__}")
    if amount < 0:
        raise ValueError(f"negative amount: {amount}")
    text: str = num2words(
        to_money(amount), lang="ru", to="currency", currency=currency_code(currency)
    )
    return text[:1].upper() + text[1:]
