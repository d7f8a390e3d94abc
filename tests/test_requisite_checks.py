"""Requisite checks: every reference vector, our own vectors, the consistency rules, messages."""

from __future__ import annotations

import dataclasses
import random
import re
from pathlib import Path
from typing import Any

import pytest
from stdnum.ru import ogrn as stdnum_ogrn

from desktop_app.domain import requisite_keys as rk
from desktop_app.domain.counterparty import (
    BankAccount,
    Contact,
    Counterparty,
    CounterpartyKind,
    RawField,
)
from desktop_app.domain.order import Order, OrderProperty
from desktop_app.domain.requisite_checks import (
    Finding,
    Severity,
    check_buyer,
    check_inn,
    check_kpp,
    check_okpo,
    check_order,
    check_registration_number,
)
from desktop_app.emulators.world import World
from desktop_app.wording.findings import finding_text

from conftest import portal_buyer

LEGAL_INN = rk.complete_inn10("770708389")  # = 7707083893
IP_INN = rk.complete_inn12("7743012345")
OGRN = rk.complete_ogrn("102770013219")
OGRNIP = rk.complete_ogrnip("30477430000012")
GOOD_BANK = BankAccount("40702810900000002851", "Банк", "044030827", "30101810200000000827")


def party(**changes: Any) -> Counterparty:
    """A clean Russian legal entity; `changes` make it whatever a test needs."""
    return portal_buyer(**changes)


def entrepreneur(**changes: Any) -> Counterparty:
    values: dict[str, Any] = {
        "name": "ИП Петров Пётр Петрович",
        "official_name": "Индивидуальный предприниматель Петров Пётр Петрович",
        "kind": CounterpartyKind.ENTREPRENEUR,
        "inn": IP_INN,
        "kpp": None,
    }
    return party(**(values | changes))


def person(**changes: Any) -> Counterparty:
    values: dict[str, Any] = {
        "name": "Сидорова Анна Павловна",
        "official_name": None,
        "full_name": "Сидорова Анна Павловна",
        "kind": CounterpartyKind.PERSON,
        "inn": None,
        "kpp": None,
        "legal_address": None,
    }
    return party(**(values | changes))


def codes(findings: list[Finding], severity: Severity | None = None) -> set[str]:
    return {f.code for f in findings if severity is None or f.severity is severity}


def errors(findings: list[Finding]) -> set[str]:
    return codes(findings, Severity.ERROR)


# --- the reference vectors ---------------------------------------------------------------


def reference_vectors(folder: Path) -> dict[str, tuple[list[list[str]], list[list[str]]]]:
    """The table of requisites-test-vectors.md: kind → (valid, invalid); a value is a list
    (one number, or an account and its БИК)."""
    table: dict[str, tuple[list[list[str]], list[list[str]]]] = {}
    text = (folder / "requisites-test-vectors.md").read_text(encoding="utf-8")
    for line in text.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) != 3 or cells[0] in ("kind", "") or set(cells[0]) <= set("-: "):
            continue
        table[cells[0]] = (_values(cells[1]), _values(cells[2]))
    return table


def _values(cell: str) -> list[list[str]]:
    separator = ";" if "+" in cell else ","
    items = [item.strip() for item in cell.split(separator) if item.strip()]
    return [[re.findall(r"[0-9A-Z]+", part)[0] for part in item.split("+")] for item in items]


@pytest.fixture
def vectors(reference_dir: Path) -> dict[str, tuple[list[list[str]], list[list[str]]]]:
    if not (reference_dir / "requisites-test-vectors.md").is_file():
        pytest.skip(f"requisites-test-vectors.md not found in {reference_dir}")
    return reference_vectors(reference_dir)


def _kind_row(
    vectors: dict[str, tuple[list[list[str]], list[list[str]]]], start: str
) -> tuple[list[list[str]], list[list[str]]]:
    rows = [value for kind, value in vectors.items() if kind.startswith(start)]
    assert len(rows) == 1, f"no single row «{start}» in the vector table: {list(vectors)}"
    return rows[0]


def test_vector_table_is_read_whole(
    vectors: dict[str, tuple[list[list[str]], list[list[str]]]],
) -> None:
    counts = {kind[:8]: (len(valid), len(invalid)) for kind, (valid, invalid) in vectors.items()}
    assert len(vectors) == 8, counts
    assert sum(len(valid) + len(invalid) for valid, invalid in vectors.values()) >= 40, counts


def test_reference_inn(vectors: dict[str, tuple[list[list[str]], list[list[str]]]]) -> None:
    for start, make in (("ИНН, 10", party), ("ИНН, 12", entrepreneur)):
        valid, invalid = _kind_row(vectors, start)
        assert valid and invalid
        for (inn,) in valid:
            kpp = inn[:4] + "01001" if len(inn) == 10 else None
            assert errors(check_buyer(make(inn=inn, kpp=kpp))) == set(), inn
            assert check_inn(inn) == []
        for (inn,) in invalid:
            kpp = inn[:4] + "01001" if len(inn) == 10 else None
            found = check_buyer(make(inn=inn, kpp=kpp))
            assert errors(found) == {"inn-checksum"}, inn
            assert inn in next(finding_text(f) for f in found if f.code == "inn-checksum")


def test_reference_ogrn_and_ogrnip(
    vectors: dict[str, tuple[list[list[str]], list[list[str]]]],
) -> None:
    for start, make in (("ОГРН, 13", party), ("ОГРНИП", entrepreneur)):
        valid, invalid = _kind_row(vectors, start)
        assert valid and invalid
        for (number,) in valid:
            assert check_registration_number(number) == [], number
            assert errors(check_buyer(make(), registration_number=number)) == set(), number
        for (number,) in invalid:
            found = check_buyer(make(), registration_number=number)
            assert errors(found) == {"ogrn-checksum"}, number


def test_reference_kpp(vectors: dict[str, tuple[list[list[str]], list[list[str]]]]) -> None:
    valid, invalid = _kind_row(vectors, "КПП")
    for (kpp,) in valid:
        assert check_kpp(kpp) == [], kpp
        assert "kpp-format" not in codes(check_buyer(party(kpp=kpp))), kpp
    for (kpp,) in invalid:
        assert errors(check_buyer(party(kpp=kpp))) == {"kpp-format"}, kpp


def test_reference_accounts(vectors: dict[str, tuple[list[list[str]], list[list[str]]]]) -> None:
    for start, field in (("р/с", "account"), ("к/с", "corr_account")):
        valid, invalid = _kind_row(vectors, start)
        assert valid and invalid
        for number, bik in valid:
            bank = BankAccount(
                **{"account": None, "corr_account": None, field: number}, bank="Б", bik=bik
            )
            found = check_buyer(party(bank_accounts=(bank,)))
            assert errors(found) == set(), (number, bik, found)
        for number, bik in invalid:
            bank = BankAccount(
                **{"account": None, "corr_account": None, field: number}, bank="Б", bik=bik
            )
            found = check_buyer(party(bank_accounts=(bank,)))
            code = field.replace("_", "-") + "-key"
            assert errors(found) == {code}, (number, bik, found)
            assert next(f.field for f in found if f.code == code) == f"bank_accounts[1].{field}"


def test_reference_okpo(vectors: dict[str, tuple[list[list[str]], list[list[str]]]]) -> None:
    valid, invalid = _kind_row(vectors, "ОКПО")
    assert valid
    for (okpo,) in valid:
        assert check_okpo(okpo) == [], okpo
        assert codes(check_buyer(party(okpo=okpo), registration_number=OGRN)) == set(), okpo
    for (okpo,) in invalid:
        assert errors(check_okpo(okpo)), okpo


# --- our own vectors ---------------------------------------------------------------------


def _digits(rng: random.Random, count: int) -> str:
    return "".join(rng.choice("0123456789") for _ in range(count))


def _broken(value: str) -> str:
    """The same number with its last (check) digit changed."""
    return value[:-1] + str((int(value[-1]) + 1 + random.Random(value).randrange(9)) % 10)  # noqa: S311


@pytest.mark.parametrize("seed", range(40))
def test_own_vectors(seed: int) -> None:
    rng = random.Random(seed)  # noqa: S311
    inn10 = rk.complete_inn10(str(rng.randint(1, 9)) + _digits(rng, 8))
    inn12 = rk.complete_inn12(str(rng.randint(1, 9)) + _digits(rng, 9))
    ogrn = rk.complete_ogrn(rng.choice("15") + _digits(rng, 11))
    ogrnip = rk.complete_ogrnip("3" + _digits(rng, 13))
    okpo = rk.complete_okpo(str(rng.randint(1, 9)) + _digits(rng, rng.choice((6, 8))))
    bik = "04" + _digits(rng, 7)
    account = rk.complete_account(bik, "40702810" + _digits(rng, 12))
    corr = rk.complete_corr_account(bik, "30101810" + _digits(rng, 12))
    legal = party(inn=inn10, kpp=inn10[:4] + "01001", okpo=okpo)
    bank = BankAccount(account, "Банк", bik, corr)
    assert (
        codes(
            check_buyer(dataclasses.replace(legal, bank_accounts=(bank,)), registration_number=ogrn)
        )
        == set()
    )
    assert errors(check_buyer(entrepreneur(inn=inn12), registration_number=ogrnip)) == set()
    assert errors(check_buyer(party(inn=_broken(inn10), kpp=inn10[:4] + "01001"))) == {
        "inn-checksum"
    }
    assert errors(check_buyer(entrepreneur(inn=_broken(inn12)))) == {"inn-checksum"}
    assert errors(check_buyer(legal, registration_number=_broken(ogrn))) == {"ogrn-checksum"}
    assert errors(check_buyer(entrepreneur(), registration_number=_broken(ogrnip))) == {
        "ogrn-checksum"
    }
    assert errors(check_okpo(_broken(okpo))) == {"okpo-checksum"}
    broken = BankAccount(_broken(account), "Банк", bik, _broken(corr))
    assert errors(check_buyer(party(bank_accounts=(broken,)))) == {
        "account-key",
        "corr-account-key",
    }


def test_ogrnip_that_stdnum_gets_wrong() -> None:
    """ОГРНИП whose first 14 digits leave 10–12 modulo 13: valid, though stdnum 2.x says not."""
    rng = random.Random(5)  # noqa: S311
    found = 0
    while found < 30:
        prefix = "3" + _digits(rng, 13)
        if int(prefix) % 13 < 10:
            continue
        number = rk.complete_ogrnip(prefix)
        assert check_registration_number(number) == [], number
        assert errors(check_buyer(entrepreneur(), registration_number=number)) == set()
        found += 1
    assert check_registration_number("304500116000050") == []
    assert not stdnum_ogrn.is_valid("304500116000050")  # the library's pitfall still stands


def test_generated_world_has_no_false_errors() -> None:
    """The emulator's buyers are valid by construction: no check may call them wrong."""
    for buyer in World.generate(seed=11, buyers=300).buyers:
        found = check_buyer(buyer.counterparty, registration_number=buyer.ogrn)
        assert errors(found) == set(), (buyer.counterparty, found)


def test_generated_world_phones_and_e_mails_are_not_doubted() -> None:
    for buyer in World.generate(seed=11, buyers=300).buyers:
        found = check_buyer(buyer.counterparty, registration_number=buyer.ogrn)
        assert not {f.code for f in found} & {"email-format", "phone-format"}, found


@pytest.mark.parametrize(
    ("kind", "value", "code", "severity"),
    [
        ("Почта", "info@vector", "email-format", Severity.ERROR),
        ("Почта", "info vector@vector.ru", "email-format", Severity.ERROR),
        ("Почта", "продажи@вектор.рф", None, None),
        ("Телефон", "12-34-56", "phone-format", Severity.WARNING),
        ("Телефон", "+7 (495) 12З-45-67", "phone-format", Severity.WARNING),
        ("Телефон", "8 (495) 123-45-67 доб. 12", None, None),
    ],
)
def test_e_mails_and_phones_are_checked(
    kind: str, value: str, code: str | None, severity: Severity | None
) -> None:
    found = [f for f in check_buyer(party(contacts=(Contact(kind, value),)))
             if f.code in ("email-format", "phone-format")]  # fmt: skip
    assert [(f.code, f.severity) for f in found] == ([(code, severity)] if code else [])
    assert all(value in finding_text(f) for f in found)


# --- consistency rules -------------------------------------------------------------------


def test_legal_entity_needs_a_kpp() -> None:
    found = check_buyer(party(kpp=None))
    assert errors(found) == {"kpp-missing"}
    assert LEGAL_INN in finding_text(found[0])


def test_twelve_digit_inn_has_no_kpp() -> None:
    found = check_buyer(entrepreneur(kpp="770101001"))
    assert errors(found) == {"kpp-unexpected"}
    assert "770101001" in next(finding_text(f) for f in found if f.code == "kpp-unexpected")


def test_kind_and_inn_length_must_agree() -> None:
    assert "kind-inn-mismatch" in errors(check_buyer(entrepreneur(inn=LEGAL_INN)))
    assert "kind-inn-mismatch" in errors(check_buyer(person(inn=LEGAL_INN, kpp=None)))
    assert "kind-inn-mismatch" in errors(check_buyer(party(inn=IP_INN, kpp=None)))
    assert errors(check_buyer(person(inn=IP_INN))) == set()  # a person may give an ИНН


def test_ogrn_length_must_fit_the_kind() -> None:
    assert errors(check_buyer(entrepreneur(), registration_number=OGRN)) == {"ogrn-kind-mismatch"}
    assert errors(check_buyer(party(), registration_number=OGRNIP)) == {"ogrn-kind-mismatch"}
    assert errors(check_buyer(party(), registration_number=OGRN)) == set()
    assert errors(check_buyer(entrepreneur(), registration_number=OGRNIP)) == set()
    assert errors(check_buyer(party(), registration_number="12345")) == {"ogrn-length"}


def test_record_number_is_not_a_primary_number() -> None:
    grn = rk.complete_ogrn("202770013219")
    found = check_buyer(party(), registration_number=grn)
    assert codes(found, Severity.WARNING) == {"ogrn-not-primary"}
    assert errors(found) == set()


def test_missing_ogrn_is_noted_for_companies_only() -> None:
    assert codes(check_buyer(party())) == {"ogrn-missing"}
    assert "ОГРНИП" in finding_text(check_buyer(entrepreneur())[0])
    assert check_buyer(person()) == []


def test_foreign_buyer_may_have_neither_inn_nor_kpp() -> None:
    foreign = party(name="Acme Trading LLC", official_name="Acme Trading LLC", inn=None, kpp=None)
    found = check_buyer(foreign)
    assert codes(found) == {"inn-missing-foreign"}
    assert found[0].severity is Severity.INFO
    raw = (
        RawField("ЮридическийАдрес/АдресноеПоле[1]/Тип", "Страна"),
        RawField("ЮридическийАдрес/АдресноеПоле[1]/Значение", "Казахстан"),
    )
    kazakh = party(name='ТОО "Алма"', inn="123456789012", kpp=None, raw=raw)
    checked = check_buyer(kazakh)
    assert errors(checked) == set()
    assert "inn-checksum" in codes(checked, Severity.WARNING)


def test_russian_company_without_inn_is_a_warning() -> None:
    found = check_buyer(party(inn=None, kpp=None))
    assert codes(found, Severity.WARNING) == {"inn-missing"}
    assert codes(check_buyer(party(inn=None))) >= {"inn-missing", "kpp-without-inn"}


def test_kpp_of_another_tax_office_is_a_warning() -> None:
    inn = rk.complete_inn10("772501234")
    same_region = check_buyer(party(inn=inn, kpp="770101001"))
    assert codes(same_region, Severity.WARNING) == {"kpp-other-office"}
    message = finding_text(same_region[0])
    assert "7701" in message and "7725" in message and "другой инспекции" in message
    other_region = check_buyer(party(inn=inn, kpp="500101001"))
    assert "другого региона" in finding_text(other_region[0])
    assert errors(other_region) == set()


def test_branch_and_largest_taxpayer_kpp_are_explained() -> None:
    branch = check_buyer(party(kpp="366243001"))  # registered where the branch is
    assert codes(branch) == {"kpp-branch", "ogrn-missing"}
    assert "филиала" in finding_text(branch[0])
    largest = check_buyer(party(kpp="997750001"))
    assert "kpp-largest-taxpayer" in codes(largest, Severity.INFO)
    assert "kpp-other-office" not in codes(largest)


def test_values_are_reported_not_cleaned() -> None:
    found = check_buyer(party(inn="7707 083893"))
    assert errors(found) == {"inn-format"}
    assert "«7707 083893»" in finding_text(found[0])
    assert errors(check_buyer(party(inn="77070838"))) == {"inn-length"}
    assert "8 цифр" in finding_text(check_buyer(party(inn="77070838"))[0])
    hint = finding_text(check_buyer(party(kpp="7714010O1"))[0])
    assert "букв" in hint and "«О»" in hint
    assert errors(check_buyer(party(okpo="1234"))) == {"okpo-format"}


def test_bank_account_rules() -> None:
    bank = BankAccount(
        rk.complete_account("044525225", "40802810000000000001"), "Сбер", "044525225", None
    )
    assert codes(check_buyer(party(bank_accounts=(bank,))), Severity.WARNING) == {
        "account-kind-mismatch"
    }
    legal_account = BankAccount(GOOD_BANK.account, "Банк", GOOD_BANK.bik, None)
    ip_found = check_buyer(entrepreneur(bank_accounts=(legal_account,)))
    assert codes(ip_found, Severity.WARNING) == {"account-kind-mismatch"}
    no_bik = BankAccount(GOOD_BANK.account, "Банк", None, None)
    assert codes(check_buyer(party(bank_accounts=(no_bik,))), Severity.WARNING) == {
        "account-without-bik"
    }
    bad = BankAccount("4070281090000000285", "Банк", "04403082", None)
    assert errors(check_buyer(party(bank_accounts=(GOOD_BANK, bad)))) == {
        "bik-format",
        "account-format",
    }
    assert {f.field for f in check_buyer(party(bank_accounts=(GOOD_BANK, bad)))} >= {
        "bank_accounts[2].bik",
        "bank_accounts[2].account",
    }


def test_errors_come_first() -> None:
    found = check_buyer(party(inn="7725088528", kpp="770101001"), registration_number=None)
    severities = [f.severity for f in found]
    assert severities == sorted(
        severities, key=[Severity.ERROR, Severity.WARNING, Severity.INFO].index
    )
    assert severities[0] is Severity.ERROR and Severity.INFO in severities


# --- the order -----------------------------------------------------------------------------


def order(buyer: Counterparty | None, *properties: tuple[str, str]) -> Order:
    return Order(
        id="order-1",
        number="1",
        version=None,
        date=None,
        time=None,
        operation="Заказ товара",
        role="Продавец",
        currency="RUB",
        exchange_rate=None,
        total=None,
        comment=None,
        deleted=False,
        counterparties=(buyer,) if buyer else (),
        properties=tuple(OrderProperty(name, (value,)) for name, value in properties),
    )


def test_order_properties_fill_and_contradict_the_card() -> None:
    from_props = check_order(
        order(
            party(inn=None, kpp=None),
            ("ИНН", LEGAL_INN),
            ("КПП", LEGAL_INN[:4] + "01001"),
            ("ОГРН", OGRN),
        )
    )
    assert codes(from_props) == {"inn-from-property", "kpp-from-property"}
    contradicting = check_order(order(party(), ("ИНН", "7725088527"), ("огрн", _broken(OGRN))))
    assert errors(contradicting) == {"ogrn-checksum"}
    assert "inn-property-differs" in codes(contradicting, Severity.WARNING)
    ip = check_order(order(entrepreneur(), ("ОГРНИП", OGRN)))
    assert errors(ip) == {"ogrn-kind-mismatch"}


def test_order_without_buyer() -> None:
    assert codes(check_order(order(None))) == {"buyer-missing"}


def test_every_message_is_a_sentence() -> None:
    samples = [
        party(inn="7707 083893"), party(inn="123"), party(inn="7725088528", kpp=None),
        party(kpp="7714010O1", okpo="1", bank_accounts=(BankAccount("1", "Б", "2", "3"),)),
        entrepreneur(inn=LEGAL_INN, kpp="770701001"), person(inn=LEGAL_INN), party(inn=IP_INN),
        party(inn=None), party(name="Acme LLC", inn=None, kpp=None), party(kpp="500143001"),
    ]  # fmt: skip
    findings = [f for p in samples for f in check_buyer(p, registration_number="1x")]
    findings += check_buyer(party(), registration_number=OGRNIP)
    assert len({f.code for f in findings}) >= 15
    for finding in findings:
        message = finding_text(finding)
        assert re.match(r"[А-ЯЁ0-9]", message), finding
        assert message.endswith("."), finding
        assert re.search("[а-яё]{3}", message), finding
        assert "None" not in message, finding
        assert finding.field
