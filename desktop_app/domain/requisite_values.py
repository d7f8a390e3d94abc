"""Checks of one requisite at a time: its format and check digits, as a `Finding` each.

The arithmetic is `requisite_keys` (python-stdnum for ИНН and ОГРН, our own for ОГРНИП, whose
stdnum check is wrong for remainders 10–12, and for accounts and ОКПО). This module only
turns a failed check into a `Finding`: a code and the values it is about, never a sentence
(the sentences are `desktop_app.wording.findings`); how the values fit together is
`requisite_checks`.

`field` names the counterparty's attribute (`inn`, `kpp`, `ogrn`, `okpo`,
`bank_accounts[1].account` — accounts counted from 1), so a GUI can point at the field.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from desktop_app.domain import requisite_keys as rk
from desktop_app.domain.counterparty import BankAccount, Counterparty, CounterpartyKind


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing the checks found: a stable `code` for scripts and the values it is about.

    `variant` tells apart the shapes of sentence one code has (a plural, ОГРН or ОГРНИП, the
    buyer's kind); the wording is looked up by `wording_key`.
    """

    code: str
    severity: Severity
    field: str
    params: Mapping[str, object] = dataclasses.field(default_factory=dict, hash=False)
    variant: str = ""

    @property
    def wording_key(self) -> str:
        return f"{self.code}/{self.variant}" if self.variant else self.code


CODES: tuple[str, ...] = (
    "buyer-missing", "inn-format", "inn-length/one", "inn-length/few", "inn-length/many",
    "inn-checksum", "inn-checksum/foreign", "kpp-format", "kpp-format/letter-o", "ogrn-format",
    "ogrn-length/one", "ogrn-length/few", "ogrn-length/many", "ogrn-checksum",
    "ogrn-checksum/ogrnip", "ogrn-not-primary", "ogrn-not-primary/ogrnip", "okpo-format",
    "okpo-checksum", "bik-format", "account-format", "corr-account-format",
    "account-without-bik", "corr-account-without-bik", "account-key", "corr-account-key",
    "account-kind-mismatch/legal", "account-kind-mismatch/entrepreneur",
    "inn-property-differs", "kpp-property-differs", "inn-from-property", "kpp-from-property",
    "kpp-unexpected", "kind-inn-mismatch", "kind-inn-mismatch/entrepreneur",
    "kind-inn-mismatch/person", "inn-missing-foreign", "inn-missing", "kpp-without-inn",
    "kpp-missing", "kpp-branch", "kpp-largest-taxpayer", "kpp-other-office",
    "kpp-other-office/region", "ogrn-missing", "ogrn-missing/ogrnip", "ogrn-kind-mismatch",
    "ogrn-kind-mismatch/ogrnip", "email-format", "phone-format",
)  # fmt: skip
"""Every `wording_key` the checks can produce (here, in `contact_checks` and in
`requisite_checks`)."""


_FOREIGN_FORM = re.compile(
    r"(?<!\w)(LLC|LTD|LIMITED|GMBH|INC|CORP|ТОО|ОДО|ЧУП|ЧТУП|СООО|ИООО)(?!\w)",
    re.IGNORECASE,
)
"""Legal forms of companies registered abroad (Kazakhstan's ТОО, Belarus' ОДО/ЧУП, …)."""
_HOME = frozenset({"", "россия", "рф", "российская федерация", "russia"})


def is_digits(value: str) -> bool:
    """ASCII digits only (`str.isdigit` would also take "²")."""
    return bool(value) and value.isascii() and value.isdigit()


def plural(count: int) -> str:
    """Russian's plural category of `count` (CLDR's one / few / many): a variant, not a word."""
    if count % 10 == 1 and count % 100 != 11:
        return "one"
    if 2 <= count % 10 <= 4 and not 12 <= count % 100 <= 14:
        return "few"
    return "many"


def looks_foreign(buyer: Counterparty) -> bool:
    """Registered abroad, as far as the portal's data tells: a country other than Russia in
    an address the portal broke into fields, or a foreign legal form in a name."""
    values = dict(buyer.raw)
    for path, value in buyer.raw:
        if path.endswith("/Тип") and value.strip() == "Страна":
            country = values.get(path[: -len("Тип")] + "Значение", "")
            if country.strip().casefold() not in _HOME:
                return True
    names = " ".join(n for n in (buyer.name, buyer.official_name, buyer.full_name) if n)
    return _FOREIGN_FORM.search(names) is not None


def _not_digits(field: str, value: str) -> Finding:
    return Finding(f"{field}-format", Severity.ERROR, field, {"value": value})


def check_inn(inn: str, *, foreign: bool = False) -> list[Finding]:
    """Format and check digits of an ИНН (10 digits: legal entity; 12: ИП or person)."""
    if not is_digits(inn):
        return [_not_digits("inn", inn)]
    if len(inn) not in (10, 12):
        return [
            Finding(
                "inn-length",
                Severity.ERROR,
                "inn",
                {"inn": inn, "count": len(inn)},
                plural(len(inn)),
            )
        ]
    if rk.is_valid_inn(inn):
        return []
    if foreign:
        return [
            Finding(
                "inn-checksum",
                Severity.WARNING,
                "inn",
                {"inn": inn},
                "foreign",
            )
        ]
    return [
        Finding(
            "inn-checksum",
            Severity.ERROR,
            "inn",
            {"inn": inn},
        )
    ]


def check_kpp(kpp: str) -> list[Finding]:
    """Format of a КПП: 9 characters, the 5th and 6th digits or Latin capitals."""
    if rk.is_valid_kpp(kpp):
        return []
    letter_o = len(kpp) == 9 and re.search("[OoОо]", kpp[:4] + kpp[6:]) is not None
    return [
        Finding("kpp-format", Severity.ERROR, "kpp", {"kpp": kpp}, "letter-o" if letter_o else "")
    ]


def check_registration_number(number: str) -> list[Finding]:
    """ОГРН (13 digits, a legal entity) or ОГРНИП (15, an entrepreneur): format, check digit,
    and the first digit that tells a primary number (1, 5; ИП: 3) from a record's ГРН."""
    if not is_digits(number):
        return [_not_digits("ogrn", number)]
    if len(number) not in (13, 15):
        return [
            Finding(
                "ogrn-length",
                Severity.ERROR,
                "ogrn",
                {"number": number, "count": len(number)},
                plural(len(number)),
            )
        ]
    variant = "" if len(number) == 13 else "ogrnip"
    if not rk.is_valid_ogrn_any(number):
        return [Finding("ogrn-checksum", Severity.ERROR, "ogrn", {"number": number}, variant)]
    primary = "15" if len(number) == 13 else "3"
    if number[0] not in primary:
        return [Finding("ogrn-not-primary", Severity.WARNING, "ogrn", {"number": number}, variant)]
    return []


def check_okpo(okpo: str) -> list[Finding]:
    """ОКПО: 8 digits (legal entity) or 10 (entrepreneur, branch), with a check digit."""
    if not is_digits(okpo) or len(okpo) not in (8, 10):
        return [
            Finding(
                "okpo-format",
                Severity.ERROR,
                "okpo",
                {"okpo": okpo},
            )
        ]
    if rk.is_valid_okpo(okpo):
        return []
    return [
        Finding(
            "okpo-checksum",
            Severity.ERROR,
            "okpo",
            {"okpo": okpo},
        )
    ]


def check_bank_account(account: BankAccount, number: int, kind: CounterpartyKind) -> list[Finding]:
    """БИК, the settlement and correspondent accounts' keys with it, and the account's
    kind (407… a company's, 408… an entrepreneur's or a person's) against the buyer's."""
    field = f"bank_accounts[{number}]"
    findings: list[Finding] = []
    bik, settlement, corr = account.bik or "", account.account or "", account.corr_account or ""
    bik_ok = is_digits(bik) and len(bik) == 9
    if bik and not bik_ok:
        findings.append(
            Finding(
                "bik-format",
                Severity.ERROR,
                f"{field}.bik",
                {"bik": bik},
            )
        )
    for value, subfield, valid in (
        (settlement, "account", rk.is_valid_account),
        (corr, "corr_account", rk.is_valid_corr_account),
    ):
        if not value:
            continue
        code = subfield.replace("_", "-")
        if not (is_digits(value) and len(value) == 20):
            findings.append(
                Finding(
                    f"{code}-format",
                    Severity.ERROR,
                    f"{field}.{subfield}",
                    {"account": value},
                )
            )
        elif not bik:
            findings.append(
                Finding(
                    f"{code}-without-bik",
                    Severity.WARNING,
                    f"{field}.bik",
                    {"account": value},
                )
            )
        elif bik_ok and not valid(value, bik):
            findings.append(
                Finding(
                    f"{code}-key",
                    Severity.ERROR,
                    f"{field}.{subfield}",
                    {"account": value, "bik": bik},
                )
            )
    if is_digits(settlement) and len(settlement) == 20:
        findings += _account_kind(settlement, field, kind)
    return findings


def _account_kind(account: str, field: str, kind: CounterpartyKind) -> list[Finding]:
    if kind is CounterpartyKind.LEGAL and account.startswith("408"):
        variant = "legal"
    elif kind is CounterpartyKind.ENTREPRENEUR and account.startswith("407"):
        variant = "entrepreneur"
    else:
        return []
    return [
        Finding(
            "account-kind-mismatch",
            Severity.WARNING,
            f"{field}.account",
            {"account": account},
            variant,
        )
    ]
