"""The amount of an invoice in words: «Одна тысяча двести рублей 50 копеек».

A Russian invoice repeats its total in words so that a figure cannot be altered unnoticed;
the words must agree with the figure to the kopeck and decline рубль and копейка by the
number before them. 1C prints the roubles in words and the kopecks as two digits (its
currency parameter «рубль, рубля, рублей, м, копейка, копейки, копеек, ж, 2», GUIDE §9), and
a manager compares our invoice with 1C's, so this does the same. num2words does the Russian
grammar; what is left here is to hand it whole units (an `int` of kopecks is never passed,
GUIDE §10) and to begin the sentence with a capital letter.
"""

from __future__ import annotations

from decimal import Decimal

from num2words import CONVERTER_CLASSES

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
    """`Decimal("21.05")` → «Двадцать один рубль 05 копеек», as 1C prints it.

    The amount is rounded half-up to kopecks first; a negative amount is refused, because
    no invoice asks for one.
    """
    if not isinstance(amount, Decimal):
        raise TypeError(f"amount must be a Decimal, not {type(amount).__name__}")
    if amount < 0:
        raise ValueError(f"negative amount: {amount}")
    russian = CONVERTER_CLASSES["ru"]
    units, cents = russian.CURRENCY_FORMS[currency_code(currency)]
    whole, fraction = divmod(int(to_money(amount) * 100), 100)
    words, unit = str(russian.to_cardinal(whole)), str(russian.pluralize(whole, units))
    text = f"{words} {unit} {fraction:02d} {russian.pluralize(fraction, cents)}"
    return text[:1].upper() + text[1:]
