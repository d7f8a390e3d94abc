"""Orders whose buyer the checks find something wrong with: one of each kind, for the demo.

A generated world is clean — every ИНН, КПП, ОГРН, ОКПО and account key valid — so a demo
of it never shows what the checks are for. The field is not clean: a typo in the ИНН, a
letter «О» in the КПП, an ОГРН with a dash, a legal entity paying from a personal (408…)
account, an ИНН only in the order's properties, a foreign company with none. A world made
`flawed` gives a few of its oldest orders of legal entities one such flaw set each, so
the demo's queue holds every finding the checks can make of a Bitrix buyer
(tests/test_demo_complete.py holds it to that). Flaws touch only the order (its buyer card
and the payer type's properties), so the portal and 1C's import see the same order.

Not made, because a 1C-Bitrix portal cannot send it: a correspondent account (the sale
module's `РасчетныйСчет/Банк` has no `СчетКорреспондентский`), hence the `corr-account-*`
findings; an order without a buyer (`buyer-missing`) is not a buyer's finding.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass

from desktop_app.domain import requisite_keys as rk
from desktop_app.domain.counterparty import BankAccount, Contact, Counterparty
from desktop_app.domain.order import Order, OrderProperty

Props = dict[str, str | None]
"""The payer type's requisite properties: «ИНН», «КПП», «ОГРН» (None: not sent)."""
Change = Callable[[Counterparty, Props, Counterparty], tuple[Counterparty, Props]]
"""(the buyer, its properties, another legal entity of the world) → the flawed pair."""
REQUISITE_PROPERTIES = ("ИНН", "КПП", "ОГРН")
FOREIGN_NAME = "ТОО «Алтын Сауда»"
"""Kazakhstan's ТОО: a company registered abroad, without a Russian ИНН."""


@dataclass(frozen=True, slots=True)
class Flaw:
    name: str
    codes: tuple[str, ...]
    """What the checks find in it (`wording.findings` codes)."""
    change: Change


def _digit_changed(value: str) -> str:
    """The same number with its last digit moved on: a check digit that no longer fits."""
    return value[:-1] + str((int(value[-1]) + 1) % 10)


def _account(party: Counterparty, **changes: str | None) -> tuple[BankAccount, ...]:
    first = party.bank_accounts[0]
    return (dataclasses.replace(first, **changes), *party.bank_accounts[1:])


_KEEP = object()


def _both(
    party: Counterparty, props: Props, *, inn: object = _KEEP, kpp: object = _KEEP
) -> tuple[Counterparty, Props]:
    """The same change on the card and in the properties (so they still agree)."""
    new_inn = party.inn if inn is _KEEP else (inn if isinstance(inn, str) else None)
    new_kpp = party.kpp if kpp is _KEEP else (kpp if isinstance(kpp, str) else None)
    flawed = dataclasses.replace(party, inn=new_inn, kpp=new_kpp)
    return flawed, {**props, "ИНН": new_inn, "КПП": new_kpp}


def _inn_typo(
    party: Counterparty, props: Props, _other: Counterparty
) -> tuple[Counterparty, Props]:
    return _both(party, props, inn=_digit_changed(party.inn or "0"))


def _spaces_and_letter_o(
    party: Counterparty, props: Props, _other: Counterparty
) -> tuple[Counterparty, Props]:
    inn, kpp = party.inn or "", party.kpp or ""
    return _both(party, props, inn=f"{inn[:4]} {inn[4:]}", kpp=kpp[:6] + "О" + kpp[7:])


def _long_inn(
    party: Counterparty, props: Props, _other: Counterparty
) -> tuple[Counterparty, Props]:
    flawed, props = _both(party, props, inn=(party.inn or "") + "7")
    return dataclasses.replace(flawed, okpo=(party.okpo or "1234567")[:7]), props


def _no_kpp(party: Counterparty, props: Props, _other: Counterparty) -> tuple[Counterparty, Props]:
    flawed, props = _both(party, props, kpp=None)
    return flawed, {**props, "ОГРН": _digit_changed(props.get("ОГРН") or "0")}


def _largest_taxpayer(
    party: Counterparty, props: Props, _other: Counterparty
) -> tuple[Counterparty, Props]:
    flawed, props = _both(party, props, kpp="997750001")
    account = party.bank_accounts[0].account or "0"
    return dataclasses.replace(
        flawed,
        okpo=_digit_changed(party.okpo or "0"),
        bank_accounts=_account(party, account=_digit_changed(account)),
    ), props


def _only_in_properties(
    party: Counterparty, props: Props, _other: Counterparty
) -> tuple[Counterparty, Props]:
    ogrn = props.get("ОГРН") or ""
    return dataclasses.replace(party, inn=None, kpp=None), {
        **props, "ОГРН": f"{ogrn[:4]}-{ogrn[4:]}"
    }  # fmt: skip


def _properties_differ(
    party: Counterparty, props: Props, other: Counterparty
) -> tuple[Counterparty, Props]:
    ogrn = props.get("ОГРН") or "1027700000000"
    record = rk.complete_ogrn("2" + ogrn[1:12])  # a record's ГРН, not the ОГРН
    return party, {**props, "ИНН": other.inn, "КПП": other.kpp, "ОГРН": record}


def _personal_account(
    party: Counterparty, props: Props, _other: Counterparty
) -> tuple[Counterparty, Props]:
    first = party.bank_accounts[0]
    bik, account = first.bik or "", first.account or ""
    personal = rk.complete_account(bik, "40802" + account[5:])  # an ИП's account, key right
    return dataclasses.replace(party, bank_accounts=_account(party, account=personal)), {
        **props, "ОГРН": None
    }  # fmt: skip


def _short_bik(
    party: Counterparty, props: Props, _other: Counterparty
) -> tuple[Counterparty, Props]:
    bik = party.bank_accounts[0].bik or "044525000"
    return dataclasses.replace(party, bank_accounts=_account(party, bik=bik[:8])), props


def _short_account(
    party: Counterparty, props: Props, _other: Counterparty
) -> tuple[Counterparty, Props]:
    account = party.bank_accounts[0].account or ""
    return dataclasses.replace(party, bank_accounts=_account(party, account=account[:19])), props


def _no_bik(party: Counterparty, props: Props, _other: Counterparty) -> tuple[Counterparty, Props]:
    flawed = dataclasses.replace(party, bank_accounts=_account(party, bik=None))
    return flawed, {**props, "ОГРН": (props.get("ОГРН") or "")[:11]}


def _entrepreneur_inn(
    party: Counterparty, props: Props, _other: Counterparty
) -> tuple[Counterparty, Props]:
    inn = rk.complete_inn12((party.inn or "0000000000")[:10])
    return _both(party, props, inn=inn)


def _no_inn(party: Counterparty, props: Props, _other: Counterparty) -> tuple[Counterparty, Props]:
    return _both(party, props, inn=None)


def _foreign(party: Counterparty, props: Props, _other: Counterparty) -> tuple[Counterparty, Props]:
    foreign = dataclasses.replace(
        party, name=FOREIGN_NAME, official_name=FOREIGN_NAME, inn=None, kpp=None
    )
    return foreign, {**props, "ИНН": None, "КПП": None, "ОГРН": None}


def _contacts_mistyped(
    party: Counterparty, props: Props, _other: Counterparty
) -> tuple[Counterparty, Props]:
    """A buyer typed a comma for the dot and left the city code off (seen on every portal)."""
    contacts = (Contact("Электронная почта", "zakaz@mail,ru"), Contact("Телефон", "23-45-67"))
    return dataclasses.replace(party, contacts=contacts), props


FLAWS = (
    Flaw("a typo in the ИНН", ("inn-checksum",), _inn_typo),
    Flaw("a space in the ИНН, «О» in the КПП", ("inn-format", "kpp-format"), _spaces_and_letter_o),
    Flaw("an ИНН of 11 digits, an ОКПО of 7", ("inn-length", "okpo-format"), _long_inn),
    Flaw("no КПП, an ОГРН typo", ("kpp-missing", "ogrn-checksum"), _no_kpp),
    Flaw(
        "the largest taxpayers' КПП, ОКПО and account typos",
        ("kpp-largest-taxpayer", "okpo-checksum", "account-key"),
        _largest_taxpayer,
    ),
    Flaw(
        "ИНН and КПП only in the properties, an ОГРН with a dash",
        ("inn-from-property", "kpp-from-property", "ogrn-format"),
        _only_in_properties,
    ),
    Flaw(
        "properties of another company, a ГРН for the ОГРН",
        ("inn-property-differs", "kpp-property-differs", "ogrn-not-primary"),
        _properties_differ,
    ),
    Flaw(
        "an entrepreneur's account, no ОГРН",
        ("account-kind-mismatch", "ogrn-missing"),
        _personal_account,
    ),
    Flaw("a БИК of 8 digits", ("bik-format",), _short_bik),
    Flaw("an account of 19 digits", ("account-format",), _short_account),
    Flaw("no БИК, an ОГРН of 11 digits", ("account-without-bik", "ogrn-length"), _no_bik),
    Flaw(
        "a legal entity with a 12-digit ИНН",
        ("kind-inn-mismatch", "kpp-unexpected", "ogrn-kind-mismatch"),
        _entrepreneur_inn,
    ),
    Flaw("no ИНН, a КПП", ("inn-missing", "kpp-without-inn"), _no_inn),
    Flaw("a foreign company without an ИНН", ("inn-missing-foreign",), _foreign),
    Flaw(
        "an e-mail with a comma, a phone without its code",
        ("email-format", "phone-format"),
        _contacts_mistyped,
    ),
)


def flawed_order(order: Order, flaw: Flaw, other: Counterparty) -> Order:
    """The order with its buyer (the card and the payer type's properties) flawed."""
    buyer = order.buyer
    if buyer is None:
        return order
    props: Props = {p.name: p.value for p in order.properties if p.name in REQUISITE_PROPERTIES}
    party, changed = flaw.change(buyer, props, other)
    kept = [p for p in order.properties if p.name not in REQUISITE_PROPERTIES]
    requisites = [OrderProperty(n, (v,)) for n in REQUISITE_PROPERTIES if (v := changed.get(n))]
    parties = tuple(party if p is buyer else p for p in order.counterparties)
    return dataclasses.replace(order, counterparties=parties, properties=(*kept, *requisites))
