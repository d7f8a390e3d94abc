"""Findings about a buyer's requisites, each a code a sales manager's sentence is made of.

1C does not check what arrives over OData, so a typo in an ИНН or a КПП that is not caught
here ends up in the directory. Every value is checked on its own (`requisite_values`: format
and check digits, by `requisite_keys`) and against the others (here): a 10-digit ИНН is a
legal entity's and needs a КПП; a 12-digit ИНН is an entrepreneur's or a person's and has no
КПП; ОГРН (13 digits) belongs to a legal entity, ОГРНИП (15) to an entrepreneur; a foreign
buyer may have neither ИНН nor КПП.

Severity says how sure the finding is, not what the manager must do:
- `error`: the value is certainly wrong or the combination impossible (a check digit fails,
  a КПП beside a 12-digit ИНН);
- `warning`: probably wrong or unusual, worth a look (a КПП from another tax office than the
  ИНН — a branch, or a move; no ИНН for a company that may be foreign);
- `info`: worth knowing (a branch's КПП, a value taken from the order's properties).

Nothing is corrected: a value with a space in it is reported, never cleaned silently. The
sentences are `desktop_app.wording.findings`: here only codes and the values they are about.
"""

from __future__ import annotations

from desktop_app.domain.contact_checks import check_email, check_phone
from desktop_app.domain.counterparty import Counterparty, CounterpartyKind
from desktop_app.domain.order import Order
from desktop_app.domain.order_buyer import OrderBuyer, order_buyer
from desktop_app.domain.requisite_keys import is_valid_inn
from desktop_app.domain.requisite_values import (
    Finding,
    Severity,
    check_bank_account,
    check_inn,
    check_kpp,
    check_okpo,
    check_registration_number,
    is_digits,
    looks_foreign,
)

__all__ = [
    "Finding",
    "Severity",
    "check_bank_account",
    "check_buyer",
    "check_inn",
    "check_kpp",
    "check_okpo",
    "check_order",
    "check_registration_number",
    "party_type",
]

_COMPANY = (CounterpartyKind.LEGAL, CounterpartyKind.ENTREPRENEUR)
_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


def party_type(buyer: Counterparty) -> CounterpartyKind:
    """What the buyer is, the ИНН's length first (10: legal; 12: ИП or person), then `kind`.

    A 12-digit ИНН with a company name is an entrepreneur; without one, the portal's kind.
    """
    inn = buyer.inn or ""
    if is_digits(inn) and len(inn) == 10:
        return CounterpartyKind.LEGAL
    if is_digits(inn) and len(inn) == 12 and buyer.kind is not CounterpartyKind.PERSON:
        return CounterpartyKind.ENTREPRENEUR
    return buyer.kind


def check_buyer(buyer: Counterparty, *, registration_number: str | None = None) -> list[Finding]:
    """Every finding about the buyer's requisites, errors first.

    `registration_number` is the ОГРН/ОГРНИП the order carries in its properties (see
    `order_buyer`); None when it has none.
    """
    foreign = looks_foreign(buyer)
    findings = [*_consistency(buyer, registration_number, foreign)]
    if buyer.inn:
        findings += check_inn(buyer.inn, foreign=foreign)
    if buyer.kpp:
        findings += check_kpp(buyer.kpp)
    if registration_number:
        findings += check_registration_number(registration_number)
    if buyer.okpo:
        findings += check_okpo(buyer.okpo)
    for number, account in enumerate(buyer.bank_accounts, start=1):
        findings += check_bank_account(account, number, party_type(buyer))
    for email in buyer.emails:
        findings += check_email(email)
    for phone in buyer.phones:
        findings += check_phone(phone)
    return sorted(findings, key=lambda finding: _ORDER[finding.severity])


def check_order(order: Order) -> list[Finding]:
    """`check_buyer` for the order's buyer, with what the order's properties add."""
    buyer = order_buyer(order)
    if buyer is None:
        return [Finding("buyer-missing", Severity.ERROR, "buyer")]
    found = check_buyer(buyer.counterparty, registration_number=buyer.registration_number)
    return sorted(
        [*_property_findings(buyer), *found], key=lambda finding: _ORDER[finding.severity]
    )


def _property_findings(buyer: OrderBuyer) -> list[Finding]:
    findings: list[Finding] = []
    for field, card, prop in (
        ("inn", buyer.card_inn, buyer.property_inn),
        ("kpp", buyer.card_kpp, buyer.property_kpp),
    ):
        if card and prop and card != prop:
            findings.append(
                Finding(
                    f"{field}-property-differs",
                    Severity.WARNING,
                    field,
                    {"card": card, "property": prop},
                )
            )
        elif prop and not card:
            findings.append(
                Finding(
                    f"{field}-from-property",
                    Severity.INFO,
                    field,
                    {"property": prop},
                )
            )
    return findings


def _consistency(
    buyer: Counterparty, registration_number: str | None, foreign: bool
) -> list[Finding]:
    """The rules that tie the values together: kind, ИНН length, КПП, ОГРН length."""
    inn, kpp, kind = buyer.inn or "", buyer.kpp or "", buyer.kind
    findings: list[Finding] = []
    if foreign and inn and not is_valid_inn(inn):
        # A foreign company's own tax number (БИН, УНП): the ИНН's length rules do not apply.
        return _registration_kind(buyer, registration_number, foreign)
    if not inn:
        findings += _without_inn(kind, kpp, foreign)
    elif is_digits(inn) and len(inn) == 10:
        findings += _legal_inn(inn, kpp, kind)
    elif is_digits(inn) and len(inn) == 12 and kpp:
        findings.append(
            Finding(
                "kpp-unexpected",
                Severity.ERROR,
                "kpp",
                {"kpp": kpp, "inn": inn},
            )
        )
    if is_digits(inn) and len(inn) == 12 and kind is CounterpartyKind.LEGAL:
        findings.append(
            Finding(
                "kind-inn-mismatch",
                Severity.ERROR,
                "inn",
                {"inn": inn},
            )
        )
    findings += _registration_kind(buyer, registration_number, foreign)
    return findings


def _without_inn(kind: CounterpartyKind, kpp: str, foreign: bool) -> list[Finding]:
    findings: list[Finding] = []
    if kind in _COMPANY and foreign:
        findings.append(Finding("inn-missing-foreign", Severity.INFO, "inn"))
    elif kind in _COMPANY:
        findings.append(Finding("inn-missing", Severity.WARNING, "inn"))
    if kpp:
        findings.append(
            Finding(
                "kpp-without-inn",
                Severity.WARNING,
                "kpp",
                {"kpp": kpp},
            )
        )
    return findings


def _legal_inn(inn: str, kpp: str, kind: CounterpartyKind) -> list[Finding]:
    findings: list[Finding] = []
    if kind in (CounterpartyKind.ENTREPRENEUR, CounterpartyKind.PERSON):
        who = "entrepreneur" if kind is CounterpartyKind.ENTREPRENEUR else "person"
        findings.append(Finding("kind-inn-mismatch", Severity.ERROR, "inn", {"inn": inn}, who))
    if not kpp:
        findings.append(
            Finding(
                "kpp-missing",
                Severity.ERROR,
                "kpp",
                {"inn": inn},
            )
        )
        return findings
    if not (is_digits(kpp[:4]) and len(kpp) == 9):
        return findings  # a malformed КПП is check_kpp's finding
    if kpp[4:6] == "43":  # a branch is registered where it is, not where its head is
        findings.append(Finding("kpp-branch", Severity.INFO, "kpp", {"kpp": kpp}))
    elif kpp.startswith("99"):
        findings.append(Finding("kpp-largest-taxpayer", Severity.INFO, "kpp", {"kpp": kpp}))
    elif kpp[:4] != inn[:4]:
        offices = {"kpp": kpp, "kpp_office": kpp[:4], "inn": inn, "inn_office": inn[:4]}
        where = "region" if kpp[:2] != inn[:2] else ""
        findings.append(Finding("kpp-other-office", Severity.WARNING, "kpp", offices, where))
    return findings


def _registration_kind(buyer: Counterparty, number: str | None, foreign: bool) -> list[Finding]:
    """ОГРН for a legal entity, ОГРНИП for an entrepreneur; None is noted for a company."""
    kind = party_type(buyer)
    if not number:
        if kind in _COMPANY and not foreign:
            variant = "ogrnip" if kind is CounterpartyKind.ENTREPRENEUR else ""
            return [Finding("ogrn-missing", Severity.INFO, "ogrn", {}, variant)]
        return []
    if not is_digits(number):
        return []  # check_registration_number reports it
    if len(number) == 13 and kind in (CounterpartyKind.ENTREPRENEUR, CounterpartyKind.PERSON):
        return [
            Finding(
                "ogrn-kind-mismatch",
                Severity.ERROR,
                "ogrn",
                {"number": number},
            )
        ]
    if len(number) == 15 and kind is CounterpartyKind.LEGAL:
        return [
            Finding(
                "ogrn-kind-mismatch",
                Severity.ERROR,
                "ogrn",
                {"number": number},
                "ogrnip",
            )
        ]
    return []
