"""Paging a live-like 1C and keeping the copy right while 1C changes under it (real HTTP).

The emulator refuses what a live base refuses (`Ref_Key gt guid'…'`, test_onec_ordering);
here the client pages the way a live base allows (keyset over `Code`/`Description`), and a
hook changes the base between two pages — rows inserted before and after the cursor,
deleted after they were read and before, renamed across it — while `directory refresh`
runs. The copy must end as 1C's set, and never lose a row 1C still has.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest

from desktop_app.adapters import keychain
from desktop_app.adapters.onec.odata_query import Query
from desktop_app.adapters.onec.onec_objects import COUNTERPARTIES, PARTNERS
from desktop_app.emulators.onec import OneCEmulator, refs
from desktop_app.emulators.onec.server import RequestRecord
from desktop_app.emulators.world import World
from desktop_app.services import settings
from desktop_app.services.directory_service import (
    RefreshCancelledError,
    RefreshReport,
    refresh_directory,
)
from desktop_app.store.database import Database
from desktop_app.store.directory_repository import DirectoryRepository
from desktop_app.store.models import ONEC_COUNTERPARTIES, ONEC_PARTNERS

from conftest import cli
from conftest import onec_client as client_for

WORLD = World.generate(seed=31, buyers=60)
Row = dict[str, Any]
_CURSOR = re.compile(r"^Description (?:ge|gt) '(.*)'$", re.DOTALL)
_CHECK = re.compile(r"\$select=Ref_Key,DataVersion,Description(&|$)")


@pytest.fixture
def database(tmp_path: Path) -> Iterator[Database]:
    opened = Database.open(tmp_path / "data")
    yield opened
    opened.close()


@pytest.fixture
def onec() -> Iterator[OneCEmulator]:
    """A base of 2,500 generated counterparties (and their partners) beside the world's."""
    with OneCEmulator(WORLD, orders=5, extra_counterparties=2500) as emulator:
        yield emulator


class Meddler:
    """Changes the base from the emulator's `after_request` hook, between two pages.

    `plan[(kind, n)]` runs after the n-th page of that kind (1-based): kinds are `read`
    (a counterparty page of the refresh), `check` (a counterparty page of its key-only
    check; `check` counts through all the check passes) and `partners` (a partner page of
    the refresh). An action gets the emulator and the cursor of the page just answered.
    """

    def __init__(self, onec: OneCEmulator, plan: Mapping[tuple[str, int], Action]) -> None:
        self.onec = onec
        self.plan = plan
        self.seen: dict[str, int] = {}
        self.errors: list[BaseException] = []
        self.lock = threading.Lock()

    def __call__(self, record: RequestRecord) -> None:
        kind = _kind(record)
        if kind is None:
            return
        with self.lock:
            self.seen[kind] = number = self.seen.get(kind, 0) + 1
            action = self.plan.get((kind, number))
            if action is None:
                return
            try:
                action(self.onec, _cursor(record))
            except BaseException as error:  # shown by the test, not lost in a server thread
                self.errors.append(error)


Action = Callable[[OneCEmulator, str], None]


def _kind(record: RequestRecord) -> str | None:
    if record.method != "GET" or "$select=" not in record.query or "Ref_Key eq" in record.query:
        return None
    if record.path.endswith(PARTNERS):
        return "partners"
    if not record.path.endswith(COUNTERPARTIES):
        return None
    return "check" if _CHECK.search(record.query) else "read"


def _cursor(record: RequestRecord) -> str:
    """The value the page was read from ("" for the first page)."""
    for part in record.raw_query.split("&"):
        name, _, value = part.partition("=")
        if unquote(name) == "$filter":
            match = _CURSOR.match(unquote(value))
            if match:
                return match.group(1).replace("''", "'")
    return ""


def by_name(onec: OneCEmulator, entity_set: str = COUNTERPARTIES) -> list[Row]:
    """1C's order of the set's rows: by name (as 1C compares), then by reference."""
    rows = onec.entities(entity_set)
    return sorted(rows, key=lambda r: (r["Description"].casefold(), refs.order_key(r["Ref_Key"])))


def behind(onec: OneCEmulator, cursor: str) -> list[Row]:
    """Rows already read: their name sorts before the cursor of the page just answered."""
    return [r for r in by_name(onec) if r["Description"].casefold() < cursor.casefold()]


def ahead(onec: OneCEmulator, cursor: str, page: int) -> list[Row]:
    """Rows not read yet: after the page of `page` rows just answered from `cursor`."""
    rest = [r for r in by_name(onec) if r["Description"].casefold() >= cursor.casefold()]
    return rest[page:]


def copy_of(database: Database, table: Any) -> dict[str, str]:
    with database.reading() as connection:
        return dict(connection.execute(table.select().with_only_columns(
            table.c.ref_key, table.c.data_version)).all())  # fmt: skip


def in_1c(onec: OneCEmulator, entity_set: str) -> dict[str, str]:
    return {r["Ref_Key"]: r["DataVersion"] for r in onec.entities(entity_set)}


def refresh(onec: OneCEmulator, database: Database, **options: Any) -> dict[str, RefreshReport]:
    with client_for(onec) as client:
        reports = refresh_directory(
            client, DirectoryRepository(database), page_size=200, check_page_size=500, **options
        )
    return {report.kind: report for report in reports}


def new(name: str, **fields: Any) -> Row:
    return {"Description": name, "ЮрФизЛицо": "ЮрЛицо", **fields}


def test_the_copy_ends_as_1c_set_when_rows_come_and_go_between_pages(
    onec: OneCEmulator, database: Database
) -> None:
    """2,500 counterparties; between pages rows are inserted behind and ahead of the cursor,
    deleted after they were read and before, renamed across the cursor, changed after they
    were read — and partners likewise."""
    moved: dict[str, str] = {}

    def come_and_go(base: OneCEmulator, cursor: str) -> None:
        base.create(COUNTERPARTIES, new("ААА вставлен позади курсора"))
        base.create(COUNTERPARTIES, new("ЯЯЯ вставлен впереди курсора"))
        base.delete(COUNTERPARTIES, behind(base, cursor)[-1]["Ref_Key"])
        base.delete(COUNTERPARTIES, ahead(base, cursor, 200)[5]["Ref_Key"])

    def rename_across(base: OneCEmulator, cursor: str) -> None:
        back = ahead(base, cursor, 200)[3]["Ref_Key"]
        base.change(COUNTERPARTIES, back, Description="ААБ переименован назад")
        forth = behind(base, cursor)[0]["Ref_Key"]
        base.change(COUNTERPARTIES, forth, Description="ЯЯБ переименован вперёд")
        moved.update(back=back, forth=forth)

    def change_read(base: OneCEmulator, cursor: str) -> None:
        base.change(COUNTERPARTIES, behind(base, cursor)[-2]["Ref_Key"], КПП="770101001")

    def partners(base: OneCEmulator, _cursor: str) -> None:
        base.create(PARTNERS, {"Description": "Новый партнёр", "ЮрФизЛицо": "Компания"})
        first = min(base.entities(PARTNERS), key=lambda r: r["Code"])
        base.delete(PARTNERS, first["Ref_Key"])

    plan = {("read", 2): come_and_go, ("read", 4): rename_across, ("read", 6): change_read}
    meddler = Meddler(onec, {**plan, ("partners", 3): partners})
    onec.after_request(meddler)
    reports = refresh(onec, database)
    onec.after_request(None)
    assert meddler.errors == []
    assert meddler.seen["read"] > 12 and meddler.seen["partners"] > 12  # many pages each
    assert copy_of(database, ONEC_COUNTERPARTIES) == in_1c(onec, COUNTERPARTIES)
    assert copy_of(database, ONEC_PARTNERS) == in_1c(onec, PARTNERS)
    counterparties = reports["counterparties"]
    assert counterparties.complete and counterparties.rows == len(in_1c(onec, COUNTERPARTIES))
    assert counterparties.rechecks == 1  # rows deleted after they were read: checked again
    repository = DirectoryRepository(database)
    back = repository.counterparty(moved["back"])
    assert back is not None and back.description == "ААБ переименован назад"
    assert reports["partners"].complete
    assert not any(r.status == 500 for r in onec.requests)


def test_a_quiet_1c_is_read_once_and_checked_once(onec: OneCEmulator, database: Database) -> None:
    reports = refresh(onec, database)
    assert {k: (r.complete, r.rechecks, r.removed) for k, r in reports.items()} == {
        "partners": (True, 0, 0),
        "counterparties": (True, 0, 0),
    }
    queries = [r.query for r in onec.requests if r.path.endswith(COUNTERPARTIES)]
    assert not any("Ref_Key gt" in q or "Ref_Key ge" in q for q in queries)
    assert not any("Ref_Key eq" in q for q in queries)  # nothing read again by key
    assert all(r.status == 200 for r in onec.requests)
    assert copy_of(database, ONEC_COUNTERPARTIES) == in_1c(onec, COUNTERPARTIES)


def test_a_row_the_check_misses_is_asked_for_before_it_is_removed(
    onec: OneCEmulator, database: Database
) -> None:
    """1C changes during the check too: a row renamed behind the check's cursor is seen by
    no pass, and the counts agree — it is asked for by key, and kept."""
    kept: dict[str, str] = {}

    def delete_read(base: OneCEmulator, cursor: str) -> None:
        base.delete(COUNTERPARTIES, behind(base, cursor)[-1]["Ref_Key"])  # a check again

    def slip_behind(base: OneCEmulator, cursor: str) -> None:
        kept["ref"] = ref = ahead(base, cursor, 500)[10]["Ref_Key"]
        base.change(COUNTERPARTIES, ref, Description="ААА ускользнул от сверки")
        kept["gone"] = gone = behind(base, cursor)[-1]["Ref_Key"]
        base.delete(COUNTERPARTIES, gone)

    # a pass's pages, and one more that confirms its end (a short page is no end: odata_paging)
    checks = -(-len(onec.entities(COUNTERPARTIES)) // 500) + 1
    meddler = Meddler(onec, {("read", 3): delete_read, ("check", checks + 2): slip_behind})
    onec.after_request(meddler)
    reports = refresh(onec, database)
    onec.after_request(None)
    assert meddler.errors == [] and reports["counterparties"].rechecks == 1
    repository = DirectoryRepository(database)
    row = repository.counterparty(kept["ref"])
    assert row is not None and row.description == "ААА ускользнул от сверки"
    # The one limit of any reader: the row deleted behind the check's cursor is still in
    # the copy (the counts agreed); the next refresh removes it.
    assert repository.counterparty(kept["gone"]) is not None
    assert refresh(onec, database)["counterparties"].removed == 1
    assert copy_of(database, ONEC_COUNTERPARTIES) == in_1c(onec, COUNTERPARTIES)


def test_1c_that_never_stands_still_keeps_all_and_removes_nothing(
    onec: OneCEmulator, database: Database, tmp_path: Path
) -> None:
    refresh(onec, database)
    deleted = by_name(onec)[100]["Ref_Key"]
    onec.delete(COUNTERPARTIES, deleted)
    created: list[str] = []

    def insert_behind(base: OneCEmulator, cursor: str) -> None:
        created.append(base.create(COUNTERPARTIES, new(f"ААА {len(created)}"))["Ref_Key"])

    pages = -(-len(onec.entities(COUNTERPARTIES)) // 500)
    plan = {("check", n): insert_behind for n in range(2, 4 * pages, pages)}
    onec.after_request(Meddler(onec, plan))
    report = refresh(onec, database)["counterparties"]
    onec.after_request(None)
    assert (report.complete, report.removed, report.rechecks) == (False, 0, 2)
    assert "не удалены" in report.note
    copy = copy_of(database, ONEC_COUNTERPARTIES)
    assert deleted in copy  # nothing removed from a copy that did not reconcile
    assert set(in_1c(onec, COUNTERPARTIES)) - set(copy) <= set(created[-1:])
    last = DirectoryRepository(database).last_refresh("counterparties")
    assert last is not None and not last.complete

    data = tmp_path / "cli"
    section = settings.OneCSettings(url=onec.service_root, user="Менеджер")
    settings.save(data, settings.Settings(onec=section))
    onec.add_user("Менеджер", "пароль")
    keychain.store_password("onec", "Менеджер", onec.service_root, "пароль")
    cli(data, "directory", "refresh")  # a first copy, while 1C is quiet
    onec.after_request(Meddler(onec, {("check", n): insert_behind for n in range(1, 99)}))
    refreshed = cli(data, "directory", "refresh")
    onec.after_request(None)
    assert refreshed.returncode == 1, refreshed.stderr
    assert "не удалены" in refreshed.stdout


def test_the_pager_reads_a_name_shared_by_more_rows_than_a_page_once(
    onec: OneCEmulator,
) -> None:
    """Thirty counterparties of one name (in two spellings 1C takes as equal), a quote in
    it, pages of ten: every row once, the group read whole with `eq`, then on with `gt`."""
    for n in range(30):
        name = 'ООО "Дубль" O\'Neil' if n % 3 else 'ооо "дубль" o\'neil  '
        onec.create(COUNTERPARTIES, new(name, ИНН=f"{n:010d}"))
    with client_for(onec) as client:
        query = Query(COUNTERPARTIES).select("Ref_Key", "ИНН")
        pages = list(client.pages(query, "Description", size=10))
        total = client.count(Query(COUNTERPARTIES))
    keys = [row["Ref_Key"] for page in pages for row in page]
    assert len(keys) == len(set(keys)) == total
    filters = [unquote(r.raw_query) for r in onec.requests if "Description" in r.query]
    equal = ("Description eq 'ООО \"Дубль\" O''Neil'", "Description eq 'ооо \"дубль\" o''neil  '")
    assert any(e in f for f in filters for e in equal)
    assert any("Description gt '" in f for f in filters)


def test_a_refresh_cancelled_during_its_check_removes_nothing(
    onec: OneCEmulator, database: Database
) -> None:
    refresh(onec, database)
    gone = by_name(onec)[7]["Ref_Key"]
    onec.delete(COUNTERPARTIES, gone)
    cancel = threading.Event()
    calls: list[tuple[str, int, int | None]] = []

    def progress(kind: str, done: int, total: int | None) -> None:
        calls.append((kind, done, total))
        read = [c for c in calls if c[0] == "counterparties"]
        if kind == "counterparties" and len(read) > 1 and read[-2][1] == total:
            cancel.set()  # counterparties were read to the end: this is the check's page

    with pytest.raises(RefreshCancelledError):
        refresh(onec, database, progress=progress, cancel=cancel)
    assert gone in copy_of(database, ONEC_COUNTERPARTIES)
    last = DirectoryRepository(database).last_refresh("counterparties")
    assert last is not None and not last.complete
    partners = DirectoryRepository(database).last_refresh("partners")
    assert partners is not None and partners.complete  # checked before counterparties
