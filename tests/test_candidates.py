"""Candidates for a buyer from the directory cache, filled by a real refresh from 1C over HTTP."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_app.adapters.onec.onec_objects import OneCObjects
from desktop_app.domain.candidates import Candidate, CandidateReason, buyer_names, similarity
from desktop_app.domain.counterparty import Counterparty, CounterpartyKind
from desktop_app.domain.field_comparison import ComparisonStatus, compare
from desktop_app.emulators.onec import OneCEmulator
from desktop_app.emulators.world import World
from desktop_app.emulators.world_buyers import Buyer
from desktop_app.services.candidate_search import find_candidates
from desktop_app.services.directory_service import refresh_directory
from desktop_app.store.database import Database
from desktop_app.store.directory_repository import DirectoryRepository
from desktop_app.wording.phrases import phrase_text

from conftest import onec_client, portal_buyer

Reason = CandidateReason


@pytest.fixture(scope="module")
def world() -> World:
    return World.generate(seed=29, buyers=120)  # some branches whose head 1C knows too


@pytest.fixture(scope="module")
def directory(
    world: World, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[DirectoryRepository]:
    """The world's 1C directory (and 500 more counterparties), refreshed once, read-only."""
    with Database.open(tmp_path_factory.mktemp("candidates")) as database:
        repository = DirectoryRepository(database)
        with OneCEmulator(world, extra_counterparties=500) as onec, onec_client(onec) as client:
            refresh_directory(client, repository)
        yield repository


@pytest.fixture
def onec(world: World) -> Iterator[OneCEmulator]:
    """A 1C emulator of the tests' own, for the tests that change 1C."""
    with OneCEmulator(world, extra_counterparties=50) as emulator:
        yield emulator


@pytest.fixture
def repository(tmp_path: Path) -> Iterator[DirectoryRepository]:
    with Database.open(tmp_path / "data") as database:
        yield DirectoryRepository(database)


def refresh(onec: OneCEmulator, repository: DirectoryRepository) -> None:
    with onec_client(onec) as client:
        refresh_directory(client, repository)


def known(world: World, kind: CounterpartyKind, *, branch: bool = False) -> list[Buyer]:
    return [
        b
        for b in world.buyers
        if b.known_in_onec and b.counterparty.kind is kind and b.is_branch is branch
    ]


def reasons(candidates: list[Candidate]) -> list[Reason]:
    return [c.reason for c in candidates]


def test_every_known_buyer_is_found_with_every_field_alike(
    world: World, directory: DirectoryRepository
) -> None:
    """Names typed otherwise in 1C (`ТехноСнаб ООО`) still compare as the same name."""
    for buyer in (b for b in world.buyers if b.known_in_onec):
        party = buyer.counterparty
        found = find_candidates(directory, party)
        assert found, party
        expected = Reason.EXACT_INN_KPP if party.kpp else Reason.SAME_INN
        if not party.inn:
            expected = Reason.NAME_SIMILAR  # a person: 1C knows them by name only
        assert found[0].reason is expected, (party, found[0])
        statuses = [
            {
                c.field: c.status
                for c in compare(party, f.counterparty, registration_number=buyer.ogrn)
            }
            for f in found
        ]
        alike = [s for s in statuses if set(s.values()) == {ComparisonStatus.SAME}]
        assert alike, (party, statuses[0])


def test_exact_match_explained(world: World, directory: DirectoryRepository) -> None:
    party = known(world, CounterpartyKind.LEGAL)[0].counterparty
    first = find_candidates(directory, party)[0]
    assert (first.counterparty.inn, first.counterparty.kpp) == (party.inn, party.kpp)
    assert phrase_text(first.explanation) == f"Совпадают ИНН {party.inn} и КПП {party.kpp}."
    assert first.score == 100.0
    assert not first.deleted


def test_new_branch_is_offered_its_head(world: World, directory: DirectoryRepository) -> None:
    head = known(world, CounterpartyKind.LEGAL)[1].counterparty
    assert head.kpp is not None
    branch = dataclasses.replace(
        head,
        name=f"{head.name} (обособленное подразделение, г. Казань)",
        kpp=head.kpp[:2] + "99" + "43" + "001",
    )
    found = find_candidates(directory, branch, similarity=False)
    assert reasons(found)[0] is Reason.SAME_INN_OTHER_KPP
    assert Reason.EXACT_INN_KPP not in reasons(found)
    assert found[0].counterparty.kpp == head.kpp
    explanation = phrase_text(found[0].explanation)
    assert "филиал" in explanation and str(branch.kpp) in explanation
    fields = {c.field: c for c in compare(branch, found[0].counterparty)}
    assert fields["kpp"].status is ComparisonStatus.DIFFERS
    assert fields["inn"].status is ComparisonStatus.SAME


def test_known_branch_comes_with_its_head(world: World, directory: DirectoryRepository) -> None:
    branches = [
        b
        for b in known(world, CounterpartyKind.LEGAL, branch=True)
        if b.head is not None and world.buyers[b.head].known_in_onec
    ]
    assert branches, "the world has no branch of a known head: change the seed"
    branch = branches[0]
    found = find_candidates(directory, branch.counterparty)
    assert reasons(found)[:2] == [Reason.EXACT_INN_KPP, Reason.SAME_INN_OTHER_KPP]
    assert found[0].counterparty.is_branch
    head = world.buyers[branch.head or 0].counterparty
    assert head.kpp in {c.counterparty.kpp for c in found[1:]}


def test_entrepreneur_has_no_kpp(world: World, directory: DirectoryRepository) -> None:
    party = known(world, CounterpartyKind.ENTREPRENEUR)[0].counterparty
    found = find_candidates(directory, party, similarity=False)
    assert reasons(found) == [Reason.SAME_INN]
    assert "КПП нет" in phrase_text(found[0].explanation)


def test_similar_name_under_another_inn(world: World, directory: DirectoryRepository) -> None:
    source = known(world, CounterpartyKind.LEGAL)[2].counterparty
    stranger = dataclasses.replace(source, inn="7707083893", kpp="770701001")
    found = find_candidates(directory, stranger)
    similar = [c for c in found if c.reason is Reason.NAME_SIMILAR]
    assert source.inn in {c.counterparty.inn for c in similar}
    match = next(c for c in similar if c.counterparty.inn == source.inn)
    assert match.score == 100.0
    assert phrase_text(match.explanation).startswith("Наименование совпадает")
    assert f"ИНН другой: в 1С {source.inn}" in phrase_text(match.explanation)
    subdivision = dataclasses.replace(stranger, name=f"{source.name} (обособленное подразделение)")
    same_full = next(
        c for c in find_candidates(directory, subdivision) if c.counterparty.inn == source.inn
    )
    assert phrase_text(same_full.explanation).startswith("Совпадает полное наименование")
    exact_only = find_candidates(directory, stranger, similarity=False)
    assert Reason.NAME_SIMILAR not in reasons(exact_only)


def test_confirmed_mapping_first(world: World, directory: DirectoryRepository) -> None:
    party = known(world, CounterpartyKind.LEGAL)[0].counterparty
    other = find_candidates(directory, known(world, CounterpartyKind.LEGAL)[3].counterparty)[0]
    found = find_candidates(directory, party, confirmed_ref_key=other.counterparty.ref_key)
    assert found[0].reason is Reason.CONFIRMED_MAPPING
    assert found[0].counterparty == other.counterparty
    assert "сопоставляли" in phrase_text(found[0].explanation)
    assert found[1].reason is Reason.EXACT_INN_KPP
    missing = "00000000-0000-0000-0000-00000000dead"
    assert find_candidates(directory, party, confirmed_ref_key=missing) == find_candidates(
        directory, party
    )


def test_limit(world: World, directory: DirectoryRepository) -> None:
    party = known(world, CounterpartyKind.LEGAL)[0].counterparty
    assert len(find_candidates(directory, party, limit=1)) == 1
    assert find_candidates(directory, party, limit=0) == []


def test_nothing_to_look_for(directory: DirectoryRepository) -> None:
    nobody = portal_buyer(
        id=None, name=None, official_name=None, kind=CounterpartyKind.UNKNOWN, role=None,
        inn=None, kpp=None, legal_address=None,
    )  # fmt: skip
    assert find_candidates(directory, nobody) == []


def _stranger(name: str) -> Counterparty:
    """A company 1C does not know by ИНН: only its name can find it."""
    return portal_buyer(name=name, official_name=None, inn=None, kpp=None)


def test_quotes_form_case_and_yo_do_not_matter(
    onec: OneCEmulator, repository: DirectoryRepository
) -> None:
    with onec_client(onec) as client:
        created = OneCObjects(client).create_counterparty(
            {"Description": "Ёлочка-Трейд ООО", "ЮрФизЛицо": "ЮрЛицо", "ИНН": "7725088527"}
        )
    refresh(onec, repository)
    for name in ("ООО «ЕЛОЧКА-ТРЕЙД»", 'Общество с ограниченной ответственностью "елочка трейд"'):
        found = find_candidates(repository, _stranger(name))
        assert found[0].counterparty.ref_key == created.ref_key, name
        assert found[0].reason is Reason.NAME_SIMILAR
        assert found[0].score == 100.0
        assert phrase_text(found[0].explanation) == (
            "Наименование совпадает (без учёта кавычек, формы собственности, регистра, ё/е)."
        )
    typo = find_candidates(repository, _stranger('ООО "Елочка-Треид"'))
    assert typo[0].counterparty.ref_key == created.ref_key
    assert 80 <= typo[0].score < 100
    assert "сходство" in phrase_text(typo[0].explanation)
    swapped = find_candidates(repository, _stranger("Трейд Ёлочка"))
    assert created.ref_key in {c.counterparty.ref_key for c in swapped}


def test_deleted_are_marked_and_ranked_after(
    world: World, onec: OneCEmulator, repository: DirectoryRepository
) -> None:
    party = known(world, CounterpartyKind.LEGAL)[0].counterparty
    refresh(onec, repository)
    old = find_candidates(repository, party)[0].counterparty
    with onec_client(onec) as client:
        objects = OneCObjects(client)
        objects.update_counterparty(old.ref_key, {"DeletionMark": True})
        again = objects.create_counterparty(
            {"Description": old.description, "ИНН": party.inn, "КПП": party.kpp,
             "ЮрФизЛицо": "ЮрЛицо"}
        )  # fmt: skip
    refresh(onec, repository)
    found = find_candidates(repository, party)
    assert reasons(found)[:2] == [Reason.EXACT_INN_KPP, Reason.EXACT_INN_KPP]
    assert [c.counterparty.ref_key for c in found[:2]] == [again.ref_key, old.ref_key]
    assert [c.deleted for c in found[:2]] == [False, True]


def test_names_and_similarity() -> None:
    person = _stranger("")
    person = dataclasses.replace(
        person, name=None, surname="Пётр", first_name="Ёлкин", patronymic=None
    )
    assert buyer_names(person) == ("петр елкин",)
    assert similarity("урал торг", "уралторг") == 100.0
    assert similarity("рога и копыта", "копыта и рога") == 100.0
    assert similarity("альфа", "бета") < 50
    assert similarity("", "альфа") == 0.0
