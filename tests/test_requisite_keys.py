"""Check digits of Russian requisites against public test vectors.

The vectors are the published ones (rin-nas/postgresql-patterns-library, python-stdnum, vitya,
django-ru-validators, do-/node-ru-codes), re-checked independently; they are copied here as
literals so the suite runs on a bare clone.
"""

from __future__ import annotations

import pytest

from desktop_app.domain import requisite_keys as rk

INN10_VALID = ["7725088527", "7715034360", "1234567894", "7707083893", "0103006692"]
INN10_INVALID = ["7725088528", "7715034361", "1234567895", "2109000140"]
INN12_VALID = ["773370857141", "344809916052", "123456789047", "773711807351"]
INN12_INVALID = ["773370857142", "123456789037", "710403374602"]
OGRN_VALID = ["1027700132195", "1022200525819", "1027812400868", "1027700280937"]
OGRN_INVALID = ["1022500001328", "1027700280938"]
# 304500116000050: 30450011600005 mod 13 = 10 → check digit 0; stdnum 2.2 says invalid.
OGRNIP_VALID = ["307760324100018", "304500116000157", "385768585948949", "304500116000050"]
OGRNIP_INVALID = ["307760324100017", "304500116000154", "385768585948948"]
KPP_VALID = ["771401001", "0000AZ000", "7709AB002"]
KPP_INVALID = ["7714010O1", "12345", "1234567890"]
ACCOUNT_VALID = [
    ("40702810900000002851", "044030827"),
    ("40817810108670017419", "044525593"),
    ("40702810801400016513", "044525593"),
]
ACCOUNT_INVALID = [
    ("40702810000000002851", "044030827"),
    ("40502810216020102982", "046577795"),
]
CORR_VALID = [("30101810200000000827", "044030827"), ("30101810400000000225", "044525225")]
CORR_INVALID = [("30101810300000000827", "044030827")]
OKPO_VALID = ["47296611", "60419873", "0194265277", "27539247"]


@pytest.mark.parametrize("value", INN10_VALID)
def test_inn10_valid(value: str) -> None:
    assert rk.is_valid_inn10(value)
    assert rk.is_valid_inn(value)
    assert not rk.is_valid_inn12(value)
    assert rk.complete_inn10(value[:9]) == value


@pytest.mark.parametrize("value", INN10_INVALID)
def test_inn10_invalid(value: str) -> None:
    assert not rk.is_valid_inn10(value)
    assert not rk.is_valid_inn(value)


@pytest.mark.parametrize("value", INN12_VALID)
def test_inn12_valid(value: str) -> None:
    assert rk.is_valid_inn12(value)
    assert rk.is_valid_inn(value)
    assert not rk.is_valid_inn10(value)
    assert rk.complete_inn12(value[:10]) == value


@pytest.mark.parametrize("value", INN12_INVALID)
def test_inn12_invalid(value: str) -> None:
    assert not rk.is_valid_inn12(value)


@pytest.mark.parametrize("value", OGRN_VALID)
def test_ogrn_valid(value: str) -> None:
    assert rk.is_valid_ogrn(value)
    assert rk.is_valid_ogrn_any(value)
    assert rk.complete_ogrn(value[:12]) == value


@pytest.mark.parametrize("value", OGRN_INVALID)
def test_ogrn_invalid(value: str) -> None:
    assert not rk.is_valid_ogrn(value)


@pytest.mark.parametrize("value", OGRNIP_VALID)
def test_ogrnip_valid(value: str) -> None:
    assert rk.is_valid_ogrnip(value)
    assert rk.is_valid_ogrn_any(value)
    assert rk.complete_ogrnip(value[:14]) == value


@pytest.mark.parametrize("value", OGRNIP_INVALID)
def test_ogrnip_invalid(value: str) -> None:
    assert not rk.is_valid_ogrnip(value)


def test_ogrnip_remainder_above_nine_keeps_only_last_digit() -> None:
    assert int("30450011600005") % 13 == 10
    assert rk.is_valid_ogrnip("304500116000050")
    assert not rk.is_valid_ogrnip("304500116000051")


@pytest.mark.parametrize("value", KPP_VALID)
def test_kpp_valid(value: str) -> None:
    assert rk.is_valid_kpp(value)


@pytest.mark.parametrize("value", KPP_INVALID)
def test_kpp_invalid(value: str) -> None:
    assert not rk.is_valid_kpp(value)


def test_bik_format() -> None:
    assert rk.is_valid_bik("044525225")
    assert not rk.is_valid_bik("04452522")
    assert not rk.is_valid_bik("04452522A")


@pytest.mark.parametrize(("account", "bik"), ACCOUNT_VALID)
def test_settlement_account_valid(account: str, bik: str) -> None:
    assert rk.is_valid_account(account, bik)
    broken = account[:8] + str((int(account[8]) + 1) % 10) + account[9:]
    assert rk.complete_account(bik, broken) == account


@pytest.mark.parametrize(("account", "bik"), ACCOUNT_INVALID)
def test_settlement_account_invalid(account: str, bik: str) -> None:
    assert not rk.is_valid_account(account, bik)


@pytest.mark.parametrize(("corr", "bik"), CORR_VALID)
def test_corr_account_valid(corr: str, bik: str) -> None:
    assert rk.is_valid_corr_account(corr, bik)
    assert rk.complete_corr_account(bik, corr[:8] + "0" + corr[9:]) == corr


@pytest.mark.parametrize(("corr", "bik"), CORR_INVALID)
def test_corr_account_invalid(corr: str, bik: str) -> None:
    assert not rk.is_valid_corr_account(corr, bik)


def test_account_of_rkc_is_keyed_with_bik_digits_five_and_six() -> None:
    bik = "044599000"  # digits 7–8 are "00": a РКЦ
    account = rk.complete_account(bik, "40102810000000010001")
    assert rk.is_valid_account(account, bik)
    key_string = "0" + bik[4:6] + account
    assert sum(int(d) * (7, 1, 3)[i % 3] for i, d in enumerate(key_string)) % 10 == 0


@pytest.mark.parametrize("value", OKPO_VALID)
def test_okpo_valid(value: str) -> None:
    assert rk.is_valid_okpo(value)
    assert rk.complete_okpo(value[:-1]) == value


def test_okpo_invalid() -> None:
    for value in OKPO_VALID:
        wrong = value[:-1] + str((int(value[-1]) + 1) % 10)
        assert not rk.is_valid_okpo(wrong)
    assert not rk.is_valid_okpo("1234567")


@pytest.mark.parametrize(
    "value", ["", "77250885270", "772508852", "７７２５０８８５２７", "7725 088527", "²725088527"]
)
def test_malformed_values_are_invalid_not_errors(value: str) -> None:
    assert not rk.is_valid_inn(value)
    assert not rk.is_valid_ogrn_any(value)
    assert not rk.is_valid_okpo(value)
    assert not rk.is_valid_account(value, "044525225")


@pytest.mark.parametrize(
    ("function", "prefix"),
    [
        (rk.complete_inn10, "77250885"),
        (rk.complete_inn12, "77337085714"),
        (rk.complete_ogrn, "10277001321"),
        (rk.complete_ogrnip, "3045001160000"),
        (rk.complete_okpo, "12345678"),
    ],
)
def test_complete_refuses_wrong_prefix_length(function: object, prefix: str) -> None:
    assert callable(function)
    with pytest.raises(ValueError, match="prefix"):
        function(prefix)


def test_complete_account_refuses_bad_bik() -> None:
    with pytest.raises(ValueError, match="БИК"):
        rk.complete_account("04452522", "40702810000000002851")
