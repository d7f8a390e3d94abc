"""The DaData client against the registry emulator over real HTTP: answers, refusals, faults."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import requests

from desktop_app.adapters.registry.dadata_client import (
    PARTY_PATH,
    DadataClient,
    RegistryConnection,
)
from desktop_app.adapters.registry.registry_errors import RegistryError
from desktop_app.domain.counterparty import CounterpartyKind
from desktop_app.domain.registry_findings import registry_findings
from desktop_app.domain.registry_record import (
    BranchType,
    Lookup,
    LookupState,
    PartyType,
    RegistryStatus,
    records_of,
)
from desktop_app.emulators.registry.emulator import RegistryEmulator
from desktop_app.emulators.registry.entries import RegistryWorld, suggestion
from desktop_app.emulators.world import World
from desktop_app.wording.registry import said_text

WORLD = World.generate(seed=7)


@pytest.fixture(scope="module")
def registry() -> Iterator[RegistryEmulator]:
    with RegistryEmulator(WORLD) as emulator:
        yield emulator


@pytest.fixture
def client(registry: RegistryEmulator) -> Iterator[DadataClient]:
    registry.clear_faults()
    with DadataClient(RegistryConnection(registry.base_url, registry.token)) as made:
        yield made


def test_a_liquidated_company_is_read_with_its_dates(
    registry: RegistryEmulator, client: DadataClient
) -> None:
    inn, kpp = registry.cases["liquidated"]
    (record,) = client.find_party(inn)
    assert (record.inn, record.kpp, record.status) == (inn, kpp, RegistryStatus.LIQUIDATED)
    assert record.liquidated is not None and record.liquidated.year == 2024
    assert record.full_name.startswith("ОБЩЕСТВО С ОГРАНИЧЕННОЙ ОТВЕТСТВЕННОСТЬЮ")
    assert record.head_name and record.ogrn and record.address


def test_the_statuses_the_flag_and_an_entrepreneur(
    registry: RegistryEmulator, client: DadataClient
) -> None:
    for case, status in [
        ("liquidating", RegistryStatus.LIQUIDATING),
        ("bankrupt", RegistryStatus.BANKRUPT),
        ("reorganizing", RegistryStatus.REORGANIZING),
    ]:
        assert client.find_party(registry.cases[case][0])[0].status is status
    assert client.find_party(registry.cases["invalid"][0])[0].invalid
    (ip,) = client.find_party(registry.cases["entrepreneur"][0])
    assert ip.party_type is PartyType.INDIVIDUAL and ip.kpp == "" and ip.head_name == ""


def test_an_unknown_inn_is_no_suggestion_not_an_error(
    registry: RegistryEmulator, client: DadataClient
) -> None:
    assert client.find_party(registry.cases["unknown"][0]) == ()


def test_a_company_with_a_branch_answers_both(
    registry: RegistryEmulator, client: DadataClient
) -> None:
    inn, _kpp = registry.cases["branch_unknown"]
    records = client.find_party(inn)
    assert {r.branch_type for r in records} == {BranchType.MAIN, BranchType.BRANCH}
    assert any(r.branch_type is BranchType.BRANCH and not r.kpp for r in records)


@pytest.mark.parametrize(
    ("fault", "reason", "code"),
    [
        ("bad_token", "bad-token", "registry.bad_token"),
        ("daily_limit", "limit", "registry.daily_limit"),
        ("too_many", "limit", "registry.too_many"),
        ("error500", "server", "registry.server"),
        ("html", "answer", "registry.not_json"),
        ("drop", "offline", "registry.unreachable"),
    ],
)
def test_every_fault_is_a_sentence_with_its_reason(
    registry: RegistryEmulator, client: DadataClient, fault: str, reason: str, code: str
) -> None:
    registry.add_fault(fault)
    with pytest.raises(RegistryError) as raised:
        client.find_party(registry.cases["liquidated"][0])
    assert (raised.value.reason, raised.value.said.code) == (reason, code)
    assert raised.value.message == said_text(raised.value.said) and "{" not in raised.value.message
    assert client.find_party(registry.cases["liquidated"][0])  # the next one is served


def test_a_wrong_key_is_refused_in_words(registry: RegistryEmulator) -> None:
    connection = RegistryConnection(registry.base_url, "not-the-key")
    with DadataClient(connection) as wrong, pytest.raises(RegistryError) as raised:
        wrong.find_party(registry.cases["liquidated"][0])
    assert raised.value.status == 403 and "login registry" in raised.value.message


def test_a_slow_answer_is_cut_at_the_deadline(registry: RegistryEmulator) -> None:
    registry.add_fault("latency", seconds=5)
    connection = RegistryConnection(registry.base_url, registry.token, deadline=0.3)
    with DadataClient(connection) as slow, pytest.raises(RegistryError) as raised:
        slow.find_party(registry.cases["liquidated"][0])
    assert raised.value.reason == "offline" and raised.value.said.code == "registry.timeout"


def test_a_registry_that_is_not_there_is_offline() -> None:
    with RegistryEmulator(WORLD) as gone:
        url = gone.base_url
    gone_client = DadataClient(RegistryConnection(url, "key"))
    with gone_client as client, pytest.raises(RegistryError) as raised:
        client.find_party("7707083893")
    assert raised.value.reason == "offline"


def test_the_emulator_refuses_what_dadata_refuses(registry: RegistryEmulator) -> None:
    url = registry.base_url + PARTY_PATH
    token = {"Authorization": f"Token {registry.token}"}
    assert requests.post(url, json={"query": "1"}, timeout=5).status_code == 401
    assert requests.get(url, headers=token, timeout=5).status_code == 405
    assert requests.post(url, data=b"{not json", headers=token, timeout=5).status_code == 400
    missing = requests.post(url, json={"count": 1}, headers=token, timeout=5)
    assert missing.status_code == 400 and missing.json()["family"] == "CLIENT_ERROR"
    inn, kpp = registry.cases["branch_unknown"]
    narrowed = requests.post(url, json={"query": inn, "kpp": kpp}, headers=token, timeout=5)
    assert narrowed.json() == {"suggestions": []}  # an unknown branch КПП is not found by КПП
    main = requests.post(url, json={"query": inn, "branch_type": "MAIN"}, headers=token, timeout=5)
    assert [s["data"]["branch_type"] for s in main.json()["suggestions"]] == ["MAIN"]


def test_the_emulators_world_tells_one_story_with_the_portal() -> None:
    """An ordinary buyer of the world has no registry finding (but a branch whose КПП the
    registry does not know); each case has the one it is there for."""
    registry = RegistryWorld.of(WORLD)
    cases = {inn: case for case, (inn, _kpp) in registry.cases.items()}
    expected = {
        "liquidated": ["registry-liquidated"], "liquidating": ["registry-liquidating"],
        "bankrupt": ["registry-bankrupt"], "reorganizing": ["registry-reorganizing"],
        "invalid": ["registry-invalid"], "unknown": ["registry-not-found"],
        "renamed": ["registry-name-differs", "registry-address-differs"],
        "branch_unknown": ["registry-kpp-unmatched"], "branch_known": [], "entrepreneur": [],
    }  # fmt: skip
    for buyer in WORLD.buyers:
        party = buyer.counterparty
        if not party.inn or party.kind is CounterpartyKind.PERSON:
            continue
        entries = registry.entries.get(party.inn)
        records = records_of({"suggestions": [suggestion(e) for e in entries or []]})
        lookup = Lookup(LookupState.FOUND if records else LookupState.NOT_FOUND, records)
        found = [f.code for f in registry_findings(party, lookup)]
        case = cases.get(party.inn, "")
        kpp_unknown = buyer.is_branch and (party.inn, party.kpp or "") != registry.cases.get(
            "branch_known"
        )
        if case in expected and (case != "branch_unknown" or party.kpp == registry.cases[case][1]):
            assert found == expected[case], (case, found)
        elif found:
            assert found == ["registry-kpp-unmatched"] and kpp_unknown, (party, found)
