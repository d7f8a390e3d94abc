"""Checks of a buyer's e-mail and phone: the contacts a new 1C counterparty is created with.

1C takes any text into `АдресЭП` and `НомерТелефона` (GUIDE §5: no checks on OData writes),
so a typo there ends up in the directory and the invoice goes nowhere. An e-mail is either
an address or a mistake: one without `@` or a domain is an error. Phones are typed in many
ways ("+7 (495) 123-45-67", "8 495 1234567 доб. 12"), so only a number that cannot be a
phone — letters in it, or fewer than 10 or more than 15 digits — is a warning: a city number
without its code may still be what the buyer meant.

Like `requisite_values`, this says a `Finding` (a code and the value); the sentences are
`desktop_app.wording.findings`.
"""

from __future__ import annotations

import re

from desktop_app.domain.requisite_values import Finding, Severity

_EMAIL = re.compile(r"[^\s@<>(),;:\"]+@[^\s@<>(),;:\"]+\.[^\s@<>(),;:\".]{2,}")
_EXTENSION = re.compile(r"\s*(доб\.?|ext\.?|вн\.?)\s*\d{1,6}\s*$", re.IGNORECASE)
_PHONE = re.compile(r"\+?[\d\s().\-]+")


def check_email(email: str, field: str = "email") -> list[Finding]:
    """An address of the form box@domain.zone (Cyrillic domains such as .рф allowed)."""
    if _EMAIL.fullmatch(email.strip()):
        return []
    return [Finding("email-format", Severity.ERROR, field, {"email": email})]


def check_phone(phone: str, field: str = "phone") -> list[Finding]:
    """10 to 15 digits with the usual separators, an extension allowed at the end."""
    number = _EXTENSION.sub("", phone.strip())
    digits = sum(1 for char in number if char.isascii() and char.isdigit())
    if _PHONE.fullmatch(number) and 10 <= digits <= 15:
        return []
    return [Finding("phone-format", Severity.WARNING, field, {"phone": phone})]
