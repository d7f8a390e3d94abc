"""The local copy of 1C's directory: refresh from the 1C emulator, find, and the CLI."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from requests.auth import HTTPBasicAuth

from desktop_app.adapters import keychain
from desktop_app.adapters.onec.odata_errors import OneCServerError
from desktop_app.adapters.onec.odata_query import Query, encode_path, entity_path
from desktop_app.adapters.onec.onec_objects import COUNTERPARTIES, OneCObjects
from desktop_app.adapters.onec.publication import PublicationCache, read_metadata
from desktop_app.emulators.onec import Fault, OneCEmulator
from desktop_app.emulators.world import World
from desktop_app.services import settings
from desktop_app.services.directory_service import RefreshCancelledError, refresh_directory
from desktop_app.store.database import Database
from desktop_app.store.directory_repository import DirectoryRepository

from conftest import cli
from conftest import onec_client as client_for


@pytest.fixture(scope="module")
def world() -> World:
    return World.generate(seed=29, buyers=120)  # 120: some branches whose head 1C knows too


@pytest.fixture
def onec(world: World) -> Iterator[OneCEmulator]:
    with OneCEmulator(world, orders=10, extra_counterparties=1800) as emulator:
        yield emulator


@pytest.fixture
def repository(tmp_path: Path) -> Iterator[DirectoryRepository]:
    with Database.open(tmp_path / "data") as database:
        yield DirectoryRepository(database)


def test_refresh_copies_then_only_changes(
    onec: OneCEmulator, repository: DirectoryRepository
) -> None:
    with client_for(onec) as client:
        in_1c = client.count(Query(COUNTERPARTIES))
        first = refresh_directory(client, repository, page_size=500)
        again = refresh_directory(client, repository, page_size=500)
        some = client.rows(Query(COUNTERPARTIES).select("Ref_Key", "ИНН").top(2))
        OneCObjects(client).update_counterparty(some[0]["Ref_Key"], {"КПП": "999901001"})
        requests.delete(
            client.root + encode_path(entity_path(COUNTERPARTIES, some[1]["Ref_Key"])),
            auth=HTTPBasicAuth("Администратор".encode(), b""),
            timeout=10,
        ).raise_for_status()
        third = refresh_directory(client, repository, page_size=500)
    counterparties = {r.kind: r for r in first}["counterparties"]
    assert counterparties.rows == counterparties.inserted == in_1c
    assert {r.kind: r.unchanged for r in again}["counterparties"] == in_1c
    changed = {r.kind: r for r in third}["counterparties"]
    assert (changed.updated, changed.removed, changed.rows) == (1, 1, in_1c - 1)
    assert repository.counterparty(some[0]["Ref_Key"]).kpp == "999901001"  # type: ignore[union-attr]
    assert repository.counterparty(some[1]["Ref_Key"]) is None


def test_find_by_inn_branch_and_name(
    world: World, onec: OneCEmulator, repository: DirectoryRepository
) -> None:
    with client_for(onec) as client:
        refresh_directory(client, repository)
    branch = next(
        b
        for b in world.buyers
        if b.known_in_onec
        and b.is_branch
        and b.head is not None
        and world.buyers[b.head].known_in_onec
    )
    inn, kpp = branch.counterparty.inn, branch.counterparty.kpp
    everyone = repository.find_counterparties(inn=inn)
    assert len(everyone) >= 2  # the head and the branch share the ИНН
    exact = repository.find_counterparties(inn=inn, kpp=kpp)
    assert [c.kpp for c in exact] == [kpp]
    known = next(b for b in world.buyers if b.known_in_onec and b.counterparty.name)
    name = (known.counterparty.name or "").upper().replace('"', "«", 1)
    assert known.counterparty.inn in {c.inn for c in repository.find_counterparties(name=name)}


def test_cancel_keeps_what_was_stored_and_removes_nothing(
    onec: OneCEmulator, repository: DirectoryRepository
) -> None:
    with client_for(onec) as client:
        refresh_directory(client, repository, page_size=500)
        before = repository.counts()
        cancel = threading.Event()

        def progress(kind: str, done: int, _total: int | None) -> None:
            if kind == "counterparties" and done >= 500:
                cancel.set()

        with pytest.raises(RefreshCancelledError):
            refresh_directory(
                client, repository, progress=progress, cancel=cancel, page_size=500, store_rows=500
            )
    assert repository.counts() == before
    last = repository.last_refresh("counterparties")
    assert last is not None and not last.complete


def test_a_1c_error_mid_refresh_removes_nothing(
    onec: OneCEmulator, repository: DirectoryRepository
) -> None:
    with client_for(onec) as client:
        refresh_directory(client, repository, page_size=500)
        before = repository.counts()
        onec.inject(Fault(kind="error500", method="GET", entity_set=COUNTERPARTIES, times=99))
        with pytest.raises(OneCServerError):
            refresh_directory(client, repository, page_size=500)
    assert repository.counts() == before


def test_cli_check_refresh_and_find(world: World, onec: OneCEmulator, tmp_path: Path) -> None:
    data = tmp_path / "data"
    onec.add_user("Менеджер", "пароль")
    section = settings.OneCSettings(url=onec.service_root, user="Менеджер")
    settings.save(data, settings.Settings(onec=section))
    keychain.store_password("onec", "Менеджер", onec.service_root, "пароль")

    checked = cli(data, "check", "onec")
    assert checked.returncode == 0, checked.stderr
    assert "Публикация 1С в порядке" in checked.stdout

    refreshed = cli(data, "directory", "refresh")
    assert refreshed.returncode == 0, refreshed.stderr
    assert "Контрагенты: в 1С" in refreshed.stdout

    known = next(b for b in world.buyers if b.known_in_onec and b.counterparty.kpp)
    found = cli(data, "directory", "find", "--inn", known.counterparty.inn or "", "--json")
    rows = json.loads(found.stdout)
    assert known.counterparty.kpp in {r["kpp"] for r in rows}
    assert set(rows[0]) >= {"ref_key", "inn", "kpp", "description", "deletion_mark"}


def test_cli_refuses_an_incomplete_publication(onec: OneCEmulator, tmp_path: Path) -> None:
    data = tmp_path / "data"
    settings.save(
        data,
        settings.Settings(onec=settings.OneCSettings(url=onec.service_root, user="Администратор")),
    )
    keychain.store_password("onec", "Администратор", onec.service_root, "")
    with client_for(onec) as client:
        publication = read_metadata(client.metadata(), client.root)
    crippled = {k: v for k, v in publication.sets.items() if k != "Catalog_Партнеры"}
    PublicationCache(data).save(
        type(publication)(publication.service_root, crippled, publication.read_at)
    )
    refused = cli(data, "directory", "refresh")
    assert refused.returncode == 2
    assert "Catalog_Партнеры" in refused.stderr
    assert "check onec" in refused.stderr
    assert cli(data, "check", "onec").returncode == 0  # reads $metadata again, fixes the cache
    assert cli(data, "directory", "refresh").returncode == 0


def test_cli_without_settings_or_password(tmp_path: Path) -> None:
    result = cli(tmp_path, "directory", "refresh")
    assert result.returncode == 2
    assert "1С не настроена" in result.stderr
