"""The registry's answer as findings and as a prefilled card: pure, over real `data` objects."""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from desktop_app.domain.counterparty import CounterpartyKind
from desktop_app.domain.decisions import CounterpartyCard
from desktop_app.domain.registry_findings import (
    REGISTRY_CODES,
    Prefill,
    prefill,
    registry_findings,
    same_address,
)
from desktop_app.domain.registry_record import (
    BranchType,
    Lookup,
    LookupState,
    PartyType,
    RegistryStatus,
    record_of,
)
from desktop_app.domain.requisite_values import Severity
from desktop_app.wording.findings import FINDINGS, finding_text

from conftest import portal_buyer


def reference(reference_dir: Path, name: str) -> dict[str, Any]:
    path = reference_dir / "dadata" / name
    if not path.is_file():
        pytest.skip(f"reference DaData object not found at {path}")
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


@pytest.fixture
def steklokon(reference_dir: Path) -> dict[str, Any]:
    return reference(reference_dir, "dadata_party_data_KuliginStepan_organization.json")


@pytest.fixture
def motorika(reference_dir: Path) -> dict[str, Any]:
    return reference(reference_dir, "dadata_party_data_ekomobile_party.json")


def found(*data: dict[str, Any]) -> Lookup:
    return Lookup(LookupState.FOUND, tuple(record_of(d) for d in data))


def as_portal(data: dict[str, Any], **changes: Any) -> Any:
    """The buyer as a portal that agrees with the registry would send it."""
    values = {
        "name": data["name"]["short_with_opf"],
        "official_name": data["name"]["full_with_opf"],
        "inn": data["inn"],
        "kpp": data["kpp"],
        "legal_address": (data.get("address") or {}).get("unrestricted_value"),
    }
    return portal_buyer(**(values | changes))


def codes(findings: list[Any]) -> list[str]:
    return [f.wording_key for f in findings]


def test_a_real_data_object_is_read(steklokon: dict[str, Any]) -> None:
    record = record_of(steklokon)
    assert (record.inn, record.kpp, record.ogrn) == ("7725002343", "772501001", "1027739468877")
    assert record.status is RegistryStatus.ACTIVE and record.party_type is PartyType.LEGAL
    assert record.branch_type is BranchType.MAIN and not record.invalid
    assert record.short_name == 'ООО "СТЕКЛОКОН"' and record.opf_short == "ООО"
    assert record.head_name == "Овсепян Хачатур Меликович" and record.head_post == "ДИРЕКТОР"
    assert record.registered == dt.date(1993, 1, 28)  # 728179200000 ms, UTC midnight
    assert record.address.startswith("г Москва")


def test_a_real_object_without_an_address_is_read_without_one(motorika: dict[str, Any]) -> None:
    record = record_of(motorika)
    assert record.address == "" and record.short_name == 'ООО "МОТОРИКА"'


def test_a_buyer_the_registry_agrees_with_has_no_finding(steklokon: dict[str, Any]) -> None:
    assert registry_findings(as_portal(steklokon), found(steklokon)) == []


def test_the_real_object_liquidated_and_flagged(steklokon: dict[str, Any]) -> None:
    data = copy.deepcopy(steklokon)
    data["state"] |= {"status": "LIQUIDATED", "liquidation_date": 1731628800000}
    data["invalid"] = True
    findings = registry_findings(as_portal(steklokon), found(data))
    assert codes(findings) == ["registry-liquidated", "registry-invalid"]
    assert findings[0].severity is Severity.ERROR and findings[0].params["date"] == "15.11.2024"
    assert "15.11.2024" in finding_text(findings[0])


@pytest.mark.parametrize("status", ["LIQUIDATING", "BANKRUPT", "REORGANIZING"])
def test_a_company_on_its_way_out_is_a_warning(steklokon: dict[str, Any], status: str) -> None:
    data = copy.deepcopy(steklokon)
    data["state"]["status"] = status
    (finding,) = registry_findings(as_portal(steklokon), found(data))
    assert finding.code == f"registry-{status.lower()}" and finding.severity is Severity.WARNING


def test_name_kpp_and_address_that_differ_quote_both(steklokon: dict[str, Any]) -> None:
    buyer = as_portal(
        steklokon,
        name='ООО "Стеклокон-Трейд"',
        official_name=None,
        kpp="772599001",
        legal_address="123456, г. Москва, ул. Другая, д. 9",
    )
    findings = {f.code: f for f in registry_findings(buyer, found(steklokon))}
    assert set(findings) == {
        "registry-name-differs",
        "registry-kpp-differs",
        "registry-address-differs",
    }
    assert findings["registry-name-differs"].params == {
        "portal": 'ООО "Стеклокон-Трейд"',
        "registry": 'ООО "СТЕКЛОКОН"',
    }
    kpp = findings["registry-kpp-differs"].params
    assert kpp == {"portal": "772599001", "registry": "772501001"}
    assert all(f.severity is Severity.WARNING for f in findings.values())


def test_an_address_typed_otherwise_is_the_same() -> None:
    registry = "г Москва, Даниловская наб, д 2 к 4"
    assert same_address("115114, Москва, Даниловская набережная, дом 2, корп. 4", registry)
    assert not same_address("115114, Москва, Даниловская набережная, дом 12", registry)


def test_a_branch_is_chosen_by_kpp_and_an_unknown_kpp_is_said(steklokon: dict[str, Any]) -> None:
    branch = copy.deepcopy(steklokon) | {"branch_type": "BRANCH", "kpp": "500143001"}
    unknown = copy.deepcopy(steklokon) | {"branch_type": "BRANCH", "kpp": None}
    buyer = as_portal(steklokon, kpp="500143001")
    assert registry_findings(buyer, found(steklokon, branch, unknown)) == []
    (finding,) = registry_findings(as_portal(steklokon, kpp="660143001"),
                                   found(steklokon, unknown))  # fmt: skip
    assert finding.code == "registry-kpp-unmatched"
    assert finding.params == {"kpp": "660143001", "head_kpp": "772501001"}


def test_the_portal_says_ooo_and_the_registry_ip(steklokon: dict[str, Any]) -> None:
    data = copy.deepcopy(steklokon) | {"type": "INDIVIDUAL", "kpp": None}
    findings = registry_findings(as_portal(steklokon, kpp=None), found(data))
    assert codes(findings) == ["registry-kind-mismatch"]
    assert findings[0].severity is Severity.ERROR


def test_not_found_and_not_asked() -> None:
    (missing,) = registry_findings(portal_buyer(), Lookup(LookupState.NOT_FOUND))
    assert missing.code == "registry-not-found" and "7707083893" in finding_text(missing)
    (offline,) = registry_findings(portal_buyer(), Lookup.not_asked("offline"))
    assert offline.severity is Severity.INFO and offline.wording_key == "registry-not-asked/offline"


def test_every_registry_code_has_its_sentence() -> None:
    assert set(REGISTRY_CODES) <= set(FINDINGS.wordings)


def test_the_card_is_prefilled_where_the_portal_is_empty_or_differs(
    steklokon: dict[str, Any],
) -> None:
    buyer = portal_buyer(inn=steklokon["inn"], kpp=None, legal_address=None,
                         official_name=None, name="Стеклокон")  # fmt: skip
    card = CounterpartyCard.from_portal(buyer, ogrn="1027739468870")
    fills = {f.field: f for f in prefill(card, found(steklokon))}
    assert set(fills) == {"full_name", "ogrn", "kpp", "legal_address", "head"}
    assert fills["ogrn"] == Prefill("ogrn", "1027739468877", "1027739468870")
    assert fills["kpp"] == Prefill("kpp", "772501001", "")
    assert fills["head"].registry == "Овсепян Хачатур Меликович, Директор"
    agreeing = CounterpartyCard.from_portal(as_portal(steklokon), ogrn="1027739468877")
    assert [f.field for f in prefill(agreeing, found(steklokon))] == ["head"]
    assert prefill(agreeing, Lookup.not_asked("offline")) == []


def test_an_entrepreneurs_card_gets_no_kpp(steklokon: dict[str, Any]) -> None:
    data = copy.deepcopy(steklokon) | {"type": "INDIVIDUAL", "kpp": None, "management": None}
    card = CounterpartyCard.from_portal(portal_buyer(kind=CounterpartyKind.ENTREPRENEUR, kpp=None))
    assert "kpp" not in {f.field for f in prefill(card, found(data))}
