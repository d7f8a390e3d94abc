"""Checks of one requisite at a time: its format and check digits, as a `Finding` each.

The arithmetic is `requisite_keys` (python-stdnum for ИНН and ОГРН, our own for ОГРНИП, whose
stdnum check is wrong for remainders 10–12, and for accounts and ОКПО). This module only
turns a failed check into a sentence the manager can act on; how the values fit together is
`requisite_checks`.

`field` names the counterparty's attribute (`inn`, `kpp`, `ogrn`, `okpo`,
`bank_accounts[1].account` — accounts counted from 1), so a GUI can point at the field.
"""

from __future__ import annotations

import re
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
    """One thing the checks found: a stable `code` for scripts, a sentence for the manager."""

    code: str
    severity: Severity
    field: str
    message: str


_FOREIGN_FORM = re.compile(
    r"(?<!\w)(LLC|LTD|LIMITED|GMBH|INC|CORP|ТОО|ОДО|ЧУП|ЧТУП|СООО|ИООО)(?!\w)",
    re.IGNORECASE,
)
"""Legal forms of companies registered abroad (Kazakhstan's ТОО, Belarus' ОДО/ЧУП, …)."""
_HOME = frozenset({"", "россия", "рф", "российская федерация", "russia"})


def is_digits(value: str) -> bool:
    """ASCII digits only (`str.isdigit` would also take "²")."""
    return bool(value) and value.isascii() and value.isdigit()


def _digits_word(count: int) -> str:
    if count % 10 == 1 and count % 100 != 11:
        return f"{count} цифра"
    if 2 <= count % 10 <= 4 and not 12 <= count % 100 <= 14:
        return f"{count} цифры"
    return f"{count} цифр"


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


def _not_digits(field: str, label: str, value: str, what: str) -> Finding:
    return Finding(
        f"{field}-format",
        Severity.ERROR,
        field,
        f"{label} «{value}» должен состоять только из цифр ({what}); проверьте, нет ли в нём "
        "пробелов, букв или других знаков.",
    )


def check_inn(inn: str, *, foreign: bool = False) -> list[Finding]:
    """Format and check digits of an ИНН (10 digits: legal entity; 12: ИП or person)."""
    if not is_digits(inn):
        return [_not_digits("inn", "ИНН", inn, "10 у организации, 12 у ИП и физического лица")]
    if len(inn) not in (10, 12):
        return [
            Finding(
                "inn-length",
                Severity.ERROR,
                "inn",
                f"В ИНН {inn} {_digits_word(len(inn))}, а должно быть 10 (организация) "
                "или 12 (ИП, физическое лицо).",
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
                f"Номер {inn} не проходит проверку российского ИНН. У иностранной компании "
                "это может быть её собственный налоговый номер (БИН, УНП) — уточните.",
            )
        ]
    return [
        Finding(
            "inn-checksum",
            Severity.ERROR,
            "inn",
            f"ИНН {inn} не проходит проверку контрольных цифр — вероятно, опечатка. "
            "Сверьте с документами покупателя.",
        )
    ]


def check_kpp(kpp: str) -> list[Finding]:
    """Format of a КПП: 9 characters, the 5th and 6th digits or Latin capitals."""
    if rk.is_valid_kpp(kpp):
        return []
    hint = ""
    if len(kpp) == 9 and re.search("[OoОо]", kpp[:4] + kpp[6:]):
        hint = " Похоже, вместо нуля набрана буква «О»."
    return [
        Finding(
            "kpp-format",
            Severity.ERROR,
            "kpp",
            f"КПП «{kpp}» неверного вида: в КПП 9 знаков — цифры, только 5-й и 6-й могут "
            f"быть латинскими заглавными буквами.{hint}",
        )
    ]


def check_registration_number(number: str) -> list[Finding]:
    """ОГРН (13 digits, a legal entity) or ОГРНИП (15, an entrepreneur): format, check digit,
    and the first digit that tells a primary number (1, 5; ИП: 3) from a record's ГРН."""
    if not is_digits(number):
        return [_not_digits("ogrn", "ОГРН", number, "13 у организации, 15 у ИП")]
    if len(number) not in (13, 15):
        return [
            Finding(
                "ogrn-length",
                Severity.ERROR,
                "ogrn",
                f"В ОГРН {number} {_digits_word(len(number))}, а должно быть 13 (ОГРН "
                "организации) или 15 (ОГРНИП индивидуального предпринимателя).",
            )
        ]
    label = "ОГРН" if len(number) == 13 else "ОГРНИП"
    if not rk.is_valid_ogrn_any(number):
        return [
            Finding(
                "ogrn-checksum",
                Severity.ERROR,
                "ogrn",
                f"{label} {number} не проходит проверку контрольной цифры — вероятно, "
                "опечатка. Сверьте с выпиской из реестра.",
            )
        ]
    primary = "15" if len(number) == 13 else "3"
    if number[0] not in primary:
        return [
            Finding(
                "ogrn-not-primary",
                Severity.WARNING,
                "ogrn",
                f"{number} похож на номер записи в реестре (ГРН), а не на {label}: "
                f"{label} начинается с {' или '.join(primary)}. Уточните у покупателя.",
            )
        ]
    return []


def check_okpo(okpo: str) -> list[Finding]:
    """ОКПО: 8 digits (legal entity) or 10 (entrepreneur, branch), with a check digit."""
    if not is_digits(okpo) or len(okpo) not in (8, 10):
        return [
            Finding(
                "okpo-format",
                Severity.ERROR,
                "okpo",
                f"ОКПО «{okpo}» неверного вида: в нём 8 цифр (организация) или 10 "
                "(ИП, обособленное подразделение).",
            )
        ]
    if rk.is_valid_okpo(okpo):
        return []
    return [
        Finding(
            "okpo-checksum",
            Severity.ERROR,
            "okpo",
            f"ОКПО {okpo} не проходит проверку контрольной цифры — вероятно, опечатка.",
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
                f"БИК «{bik}» неверного вида: в БИК 9 цифр.",
            )
        )
    for value, subfield, label, valid in (
        (settlement, "account", "Расчётный счёт", rk.is_valid_account),
        (corr, "corr_account", "Корреспондентский счёт", rk.is_valid_corr_account),
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
                    f"{label} «{value}» неверного вида: в счёте 20 цифр.",
                )
            )
        elif not bik:
            findings.append(
                Finding(
                    f"{code}-without-bik",
                    Severity.WARNING,
                    f"{field}.bik",
                    f"{label} {value} указан без БИК банка, поэтому его нельзя проверить.",
                )
            )
        elif bik_ok and not valid(value, bik):
            findings.append(
                Finding(
                    f"{code}-key",
                    Severity.ERROR,
                    f"{field}.{subfield}",
                    f"{label} {value} не сходится с БИК {bik} по контрольному ключу: "
                    "опечатка в счёте или в БИК.",
                )
            )
    if is_digits(settlement) and len(settlement) == 20:
        findings += _account_kind(settlement, field, kind)
    return findings


def _account_kind(account: str, field: str, kind: CounterpartyKind) -> list[Finding]:
    if kind is CounterpartyKind.LEGAL and account.startswith("408"):
        whose = "организация (её счета начинаются с 407)"
    elif kind is CounterpartyKind.ENTREPRENEUR and account.startswith("407"):
        whose = "ИП (его счета начинаются с 40802)"
    else:
        return []
    owner = "организации" if account.startswith("407") else "ИП или физического лица"
    return [
        Finding(
            "account-kind-mismatch",
            Severity.WARNING,
            f"{field}.account",
            f"Расчётный счёт {account} — счёт {owner}, а покупатель — {whose}. "
            "Проверьте, чей это счёт.",
        )
    ]
