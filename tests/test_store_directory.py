"""The cached 1C directory: refreshes by DataVersion, removal, look-ups, and the migration to it."""

from __future__ import annotations

import dataclasses
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psutil  # type: ignore[import-untyped]  # no stubs in the test extras
import pytest
from sqlalchemy import Connection, create_engine, event, select

from desktop_app.domain.onec_directory import DirectoryCounterparty, DirectoryPartner
from desktop_app.domain.requisite_keys import complete_inn10, complete_inn12
from desktop_app.store import (
    DATABASE_FILE_NAME,
    Database,
    QueueRepository,
    schema_migration,
    sqlite_file,
)
from desktop_app.store.directory_repository import (
    BULK_CACHE_KIB,
    DEFAULT_CACHE_KIB,
    DirectoryKind,
    DirectoryRepository,
    RefreshStatus,
)
from desktop_app.store.models import ONEC_COUNTERPARTIES

INN = complete_inn10("770708389")
OTHER_INN = complete_inn10("502900123")
IP_INN = complete_inn12("7743012345")


def counterparty(n: int, **changes: Any) -> DirectoryCounterparty:
    """A plausible `Catalog_Контрагенты` element, keyed by `n`."""
    values: dict[str, Any] = {
        "ref_key": f"{n:08x}-1c00-4000-8000-{n:012x}",
        "data_version": "AAAAAQAAAAA=",
        "deletion_mark": False,
        "description": f"Вектор {n}",
        "full_name": f"Общество с ограниченной ответственностью «Вектор {n}»",
        "inn": INN,
        "kpp": "770701001",
        "registration_number": "1027700132195",
        "okpo": None,
        "legal_form": "ЮрЛицо",
        "partner_key": None,
        "head_key": None,
        "is_branch": False,
    }
    return DirectoryCounterparty(**(values | changes))


def partner(n: int, **changes: Any) -> DirectoryPartner:
    values: dict[str, Any] = {
        "ref_key": f"{n:08x}-9a00-4000-8000-{n:012x}",
        "data_version": "AAAAAQAAAAA=",
        "deletion_mark": False,
        "description": f"Вектор {n}",
        "legal_form": "Компания",
        "is_client": True,
        "manager_key": None,
        "comment": None,
    }
    return DirectoryPartner(**(values | changes))


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    with Database.open(tmp_path) as database:
        yield database


@pytest.fixture
def repository(db: Database) -> DirectoryRepository:
    return DirectoryRepository(db)


def refreshed(
    repository: DirectoryRepository, rows: list[DirectoryCounterparty], *, complete: bool = True
) -> int:
    """A whole refresh of counterparties holding `rows`; returns how many were removed."""
    generation = repository.start_refresh("counterparties")
    repository.store_counterparties(generation, rows)
    return repository.finish_refresh(generation, complete=complete)


def keys(rows: list[DirectoryCounterparty]) -> list[str]:
    return [row.description for row in rows]


# --- storing by DataVersion ----------------------------------------------------------------


def test_new_changed_and_unchanged_rows_by_data_version(repository: DirectoryRepository) -> None:
    first = repository.start_refresh(DirectoryKind.COUNTERPARTIES)
    rows = [counterparty(1), counterparty(2), counterparty(3)]
    assert repository.store_counterparties(first, rows) == (3, 0, 0)
    assert repository.counterparty(rows[0].ref_key) == rows[0]
    repository.finish_refresh(first, complete=True)

    second = repository.start_refresh("counterparties")
    assert second > first
    renamed = counterparty(2, data_version="AAAAAgAAAAA=", description="Вектор Плюс", kpp=None)
    assert repository.store_counterparties(second, [rows[0], renamed, rows[2]]) == (0, 1, 2)
    assert repository.counterparty(renamed.ref_key) == renamed
    assert repository.find_counterparties(name="ООО «Вектор плюс»") == [renamed]

    # The same data with an old version is still "changed": 1C's version is the truth.
    same_text = counterparty(3, data_version="AAAAAwAAAAA=")
    assert repository.store_counterparties(second, [same_text]) == (0, 1, 0)
    assert repository.finish_refresh(second, complete=True) == 0

    row = repository.last_refresh("counterparties")
    assert row is not None
    assert (row.generation, row.kind, row.status, row.complete) == (
        second,
        DirectoryKind.COUNTERPARTIES,
        RefreshStatus.FINISHED,
        True,
    )
    assert (row.seen, row.inserted, row.updated, row.unchanged, row.removed) == (4, 0, 2, 2, 0)
    assert row.finished_at is not None and row.finished_at >= row.started_at
    assert row.started_at.tzinfo is not None


def test_unchanged_rows_are_only_stamped_with_the_generation(
    db: Database, repository: DirectoryRepository
) -> None:
    refreshed(repository, [counterparty(1)])
    with db.reading() as connection:
        before = connection.execute(select(ONEC_COUNTERPARTIES)).one()._asdict()
    generation = repository.start_refresh("counterparties")
    assert repository.store_counterparties(generation, [counterparty(1)]) == (0, 0, 1)
    with db.reading() as connection:
        after = connection.execute(select(ONEC_COUNTERPARTIES)).one()._asdict()
    assert after == before | {"seen_generation": generation}
    assert after["cached_at"] == before["cached_at"]


def test_the_normalized_names_are_stored(db: Database, repository: DirectoryRepository) -> None:
    refreshed(repository, [counterparty(1, description="ТД «Ёлка»", full_name=None)])
    with db.reading() as connection:
        names = connection.execute(
            select(
                ONEC_COUNTERPARTIES.c.name_normalized, ONEC_COUNTERPARTIES.c.full_name_normalized
            )
        ).one()
    assert tuple(names) == ("тд елка", "")


def test_a_key_twice_in_one_page_is_stored_once_from_its_later_copy(
    repository: DirectoryRepository,
) -> None:
    generation = repository.start_refresh("counterparties")
    later = counterparty(1, data_version="v2", description="Позже")
    assert repository.store_counterparties(generation, [counterparty(1), later]) == (1, 0, 0)
    assert repository.counterparty(later.ref_key) == later
    assert repository.store_counterparties(generation, []) == (0, 0, 0)


def test_versions_lists_what_is_cached(repository: DirectoryRepository) -> None:
    refreshed(repository, [counterparty(n) for n in range(1, 1200)])
    wanted = [counterparty(n).ref_key for n in range(1100, 1300)]
    versions = repository.versions("counterparties", wanted)
    assert set(versions) == set(wanted[:100]) and set(versions.values()) == {"AAAAAQAAAAA="}
    assert repository.versions("partners", wanted) == {}
    assert repository.versions("counterparties", []) == {}


def test_pages_go_only_into_a_running_refresh_of_their_kind(
    repository: DirectoryRepository,
) -> None:
    partners = repository.start_refresh("partners")
    with pytest.raises(ValueError, match="not a refresh of counterparties"):
        repository.store_counterparties(partners, [counterparty(1)])
    with pytest.raises(ValueError, match="no directory refresh 999"):
        repository.store_partners(999, [partner(1)])
    repository.finish_refresh(partners, complete=True)
    with pytest.raises(ValueError, match="already ended"):
        repository.store_partners(partners, [partner(1)])
    with pytest.raises(ValueError, match="already ended"):
        repository.finish_refresh(partners, complete=True)
    with pytest.raises(ValueError, match="cannot be complete"):
        repository.finish_refresh(repository.start_refresh("partners"), complete=True, error="x")
    with pytest.raises(ValueError, match="'orders'"):
        repository.start_refresh("orders")
    assert repository.counts() == {"counterparties": 0, "partners": 0}


# --- removal -------------------------------------------------------------------------------


def test_rows_gone_from_1c_are_removed_only_by_a_complete_refresh(
    repository: DirectoryRepository,
) -> None:
    a, b, c = counterparty(1), counterparty(2), counterparty(3)
    assert refreshed(repository, [a, b, c]) == 0

    # Cut short (network, cancel): c may simply not have been reached yet.
    assert refreshed(repository, [a, b], complete=False) == 0
    assert repository.counterparty(c.ref_key) == c

    generation = repository.start_refresh("counterparties")
    repository.store_counterparties(generation, [a])
    assert repository.finish_refresh(generation, complete=False, error="timeout") == 0
    failed = repository.last_refresh("counterparties")
    assert failed is not None and failed.status is RefreshStatus.FAILED
    assert failed.error == "timeout" and not failed.complete
    assert repository.counts()["counterparties"] == 3

    assert refreshed(repository, [a, b]) == 1
    assert repository.counterparty(c.ref_key) is None
    assert repository.counts() == {"counterparties": 2, "partners": 0}
    last = repository.last_refresh("counterparties", complete_only=True)
    assert last is not None and last.removed == 1 and last.complete

    # An empty catalogue read to its end is an empty catalogue.
    assert refreshed(repository, []) == 2
    assert repository.counts()["counterparties"] == 0


def test_a_refresh_leaves_the_other_catalogue_and_a_later_refresh_alone(
    repository: DirectoryRepository,
) -> None:
    partners = repository.start_refresh("partners")
    repository.store_partners(partners, [partner(1)])
    repository.finish_refresh(partners, complete=True)

    early = repository.start_refresh("counterparties")
    late = repository.start_refresh("counterparties")
    repository.store_counterparties(early, [counterparty(1)])
    repository.store_counterparties(late, [counterparty(2), counterparty(3)])
    # The earlier refresh finding 3 unchanged does not take it back from the later one.
    assert repository.store_counterparties(early, [counterparty(3)]) == (0, 0, 1)
    # The earlier refresh did not see counterparty 2, but a later one did: it stays.
    assert repository.finish_refresh(early, complete=True) == 0
    assert repository.counts() == {"counterparties": 3, "partners": 1}
    assert repository.finish_refresh(late, complete=True) == 1
    assert repository.counts() == {"counterparties": 2, "partners": 1}
    assert repository.counterparty(counterparty(1).ref_key) is None


def test_abandoned_refreshes_are_marked_failed(repository: DirectoryRepository) -> None:
    generation = repository.start_refresh("partners")
    repository.store_partners(generation, [partner(1)])
    assert repository.abandon_unfinished_refreshes() == 1
    row = repository.last_refresh("partners")
    assert row is not None and row.status is RefreshStatus.FAILED and row.error
    assert repository.partner(partner(1).ref_key) == partner(1)
    assert repository.last_refresh("partners", complete_only=True) is None
    assert repository.last_refresh("counterparties") is None


# --- look-ups ------------------------------------------------------------------------------


@pytest.fixture
def directory(repository: DirectoryRepository) -> DirectoryRepository:
    """A head office with two branches (one ИНН), look-alike names, an ИП, a deleted one."""
    rows = [
        counterparty(1, description="Рога и Копыта", full_name='ООО "Рога & Копыта"'),
        counterparty(
            2,
            description="Рога и Копыта (Казань)",
            full_name='ООО "Рога & Копыта"',
            kpp="165545001",
            is_branch=True,
            head_key=counterparty(1).ref_key,
        ),
        counterparty(
            3,
            description="Рога и Копыта (Тверь)",
            full_name='ООО "Рога & Копыта"',
            kpp="695045001",
            is_branch=True,
            head_key=counterparty(1).ref_key,
        ),
        counterparty(4, description="Рога и Копыта", inn=OTHER_INN, deletion_mark=True),
        counterparty(5, description="Новые Рога и Копыта", inn=complete_inn10("500100732")),
        counterparty(6, description="Копыта и Рога", inn=complete_inn10("500100733")),
        counterparty(7, description="Ёлочка-Рога и Копыта-2", inn=complete_inn10("500100734")),
        counterparty(
            8,
            description="Иванов Иван Иванович ИП",
            full_name="Индивидуальный предприниматель Иванов Иван Иванович",
            inn=IP_INN,
            kpp=None,
            legal_form="ИндивидуальныйПредприниматель",
            registration_number="304500116000157",
        ),
        counterparty(9, description="Фёдоров и партнёры", inn=complete_inn10("500100735")),
    ]
    refreshed(repository, rows)
    return repository


def test_find_by_inn_lists_the_head_then_its_branches(directory: DirectoryRepository) -> None:
    found = directory.find_counterparties(inn=INN)
    assert keys(found) == ["Рога и Копыта", "Рога и Копыта (Казань)", "Рога и Копыта (Тверь)"]
    assert [row.is_branch for row in found] == [False, True, True]
    assert found[1].head_key == found[0].ref_key
    assert directory.find_counterparties(inn=f"  {INN} ") == found
    assert directory.find_counterparties(inn="0000000000") == []


def test_find_a_branch_by_inn_and_kpp(directory: DirectoryRepository) -> None:
    [branch] = directory.find_counterparties(inn=INN, kpp="165545001")
    assert branch.description == "Рога и Копыта (Казань)" and branch.kind == "legal"
    assert directory.find_counterparties(inn=INN, kpp="780101001") == []  # a branch 1C lacks


def test_find_an_entrepreneur_by_12_digit_inn(directory: DirectoryRepository) -> None:
    [person] = directory.find_counterparties(inn=IP_INN)
    assert person.kind == "entrepreneur" and person.kpp is None
    assert directory.find_counterparties(name="ИП Иванов Иван Иванович") == [person]


@pytest.mark.parametrize(
    "typed",
    [
        'ООО "Рога & Копыта"',
        "Общество с ограниченной ответственностью «РОГА И КОПЫТА»",
        "рога и копыта",
        "  Рога&Копыта ",
    ],
)
def test_find_by_name_ignores_quotes_forms_and_case(
    directory: DirectoryRepository, typed: str
) -> None:
    """Equal names first: the head and both branches by their full name, the deleted one last."""
    found = directory.find_counterparties(name=typed, limit=5)
    assert keys(found)[:4] == [
        "Рога и Копыта",
        "Рога и Копыта (Казань)",
        "Рога и Копыта (Тверь)",
        "Рога и Копыта",
    ]
    assert [row.deletion_mark for row in found[:4]] == [False, False, False, True]


def test_find_by_name_with_yo(directory: DirectoryRepository) -> None:
    assert keys(directory.find_counterparties(name="ФЕДОРОВ И ПАРТНЕРЫ")) == ["Фёдоров и партнёры"]
    assert keys(directory.find_counterparties(name="Елочка")) == ["Ёлочка-Рога и Копыта-2"]


def test_find_by_name_ranks_equal_prefix_word_start_inside_then_words(
    repository: DirectoryRepository,
) -> None:
    names = ["Рогатка", "Рога", "Сиброга", "Новые Рога", "Большие Рогатые", "Альфа"]
    refreshed(
        repository,
        [
            counterparty(n, description=name, full_name=None, inn=None, kpp=None)
            for n, name in enumerate(names, 1)
        ],
    )
    assert keys(repository.find_counterparties(name="«Рога»")) == [
        "Рога",  # equal
        "Рогатка",  # prefix
        "Новые Рога",  # at a word start, shorter first
        "Большие Рогатые",
        "Сиброга",  # inside a word
    ]
    assert keys(repository.find_counterparties(name="рога новые")) == ["Новые Рога"]  # words
    assert keys(repository.find_counterparties(name="рога", limit=2)) == ["Рога", "Рогатка"]


def test_find_combines_criteria_and_can_leave_deleted_out(directory: DirectoryRepository) -> None:
    assert keys(directory.find_counterparties(name="Рога и Копыта", inn=OTHER_INN)) == [
        "Рога и Копыта"
    ]
    assert directory.find_counterparties(inn=OTHER_INN, include_deleted=False) == []
    active = directory.find_counterparties(name="рога и копыта", include_deleted=False)
    assert not any(row.deletion_mark for row in active) and len(active) == 6
    assert keys(directory.find_counterparties(name="Копыта (Тверь)")) == ["Рога и Копыта (Тверь)"]


def test_find_by_partner(repository: DirectoryRepository) -> None:
    owner = partner(1).ref_key
    refreshed(repository, [counterparty(1, partner_key=owner), counterparty(2)])
    assert keys(repository.find_counterparties(partner_key=owner)) == ["Вектор 1"]


def test_find_without_a_criterion_finds_nothing(directory: DirectoryRepository) -> None:
    assert directory.find_counterparties() == []
    assert directory.find_counterparties(name="ООО") == []  # a legal form only
    assert directory.find_counterparties(name="«»", include_deleted=False) == []
    assert directory.find_counterparties(inn=INN, limit=0) == []


def test_a_name_with_like_wildcards_is_taken_literally(repository: DirectoryRepository) -> None:
    refreshed(repository, [counterparty(1, description="Сто процентов", full_name=None)])
    assert repository.find_counterparties(name="%") == []
    assert repository.find_counterparties(name="_") == []


def test_partners(repository: DirectoryRepository) -> None:
    generation = repository.start_refresh("partners")
    rows = [
        partner(1, description="Рога и Копыта"),
        partner(2, description="ООО «Рога и копыта»", deletion_mark=True),
        partner(3, description="Рога и Копыта Трейд", legal_form="ЧастноеЛицо", is_client=False),
    ]
    assert repository.store_partners(generation, rows) == (3, 0, 0)
    changed = dataclasses.replace(
        rows[0], data_version="AAAAAgAAAAA=", comment="VIP", manager_key="m-1"
    )
    assert repository.store_partners(generation, [changed, rows[1]]) == (0, 1, 1)
    assert repository.finish_refresh(generation, complete=True) == 0
    assert repository.partner(changed.ref_key) == changed
    assert repository.partner("missing") is None
    assert repository.counterparty("missing") is None
    assert [p.ref_key for p in repository.find_partners("Рога & Копыта")] == [
        changed.ref_key,
        rows[1].ref_key,
        rows[2].ref_key,
    ]
    assert repository.find_partners("рога и копыта", include_deleted=False)[0] == changed
    assert repository.find_partners("ООО") == []
    assert repository.counts() == {"counterparties": 0, "partners": 3}
    assert repository.versions("partners", [rows[2].ref_key]) == {rows[2].ref_key: "AAAAAQAAAAA="}


def test_rows_come_out_as_plain_frozen_values(directory: DirectoryRepository) -> None:
    row = directory.find_counterparties(inn=INN)[0]
    assert type(row) is DirectoryCounterparty
    with pytest.raises(dataclasses.FrozenInstanceError):
        row.description = "x"  # type: ignore[misc]
    assert isinstance(row.deletion_mark, bool) and isinstance(row.is_branch, bool)


# --- many rows: batches, flat memory, index use (the benchmark takes 200,000) ----------


BIG = 60_000
BATCH = 1_000


def big_page(start: int) -> list[DirectoryCounterparty]:
    """Rows `start`…`start+BATCH`: two per ИНН (a head and a branch), cheap to make."""
    rows = []
    for n in range(start, start + BATCH):
        inn = complete_inn10(f"{700000000 + n // 2:09d}")
        rows.append(
            DirectoryCounterparty(
                ref_key=f"{n:08x}-0000-4000-8000-{n:012x}",
                data_version="AAAAAQAAAAA=",
                deletion_mark=n % 97 == 0,
                description=f"Компания {n}",
                full_name=f"ООО «Компания {n}»",
                inn=inn,
                kpp=f"77{n % 2:02d}01001",
                registration_number=None,
                okpo=None,
                legal_form="ЮрЛицо",
                partner_key=None,
                head_key=None,
                is_branch=n % 2 == 1,
            )
        )
    return rows


@pytest.fixture(scope="module")
def big_directory(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Database, float]]:
    """60,000 counterparties stored through the repository; also the memory they cost."""
    process = psutil.Process()
    with Database.open(tmp_path_factory.mktemp("big")) as db:
        repository = DirectoryRepository(db)
        generation = repository.start_refresh("counterparties")
        settled = 0
        for start in range(0, BIG, BATCH):
            assert repository.store_counterparties(generation, big_page(start)) == (BATCH, 0, 0)
            if start == 20 * BATCH:
                settled = process.memory_info().rss
        grown = (process.memory_info().rss - settled) / 2**20
        assert repository.finish_refresh(generation, complete=True) == 0
        yield db, grown


@pytest.fixture
def captured(big_directory: tuple[Database, float]) -> Iterator[list[tuple[str, Any]]]:
    """The SELECTs the repository sends, with their parameters."""
    db, _ = big_directory
    statements: list[tuple[str, Any]] = []

    def record(_c: Connection, _cursor: Any, sql: str, params: Any, *_: Any) -> None:
        if sql.lstrip().upper().startswith("SELECT"):
            statements.append((sql, params))

    event.listen(db.engine, "before_cursor_execute", record)
    try:
        yield statements
    finally:
        event.remove(db.engine, "before_cursor_execute", record)


def plan(db: Database, sql: str, params: Any) -> str:
    with db.reading() as connection:
        rows = connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}", params).all()
    return "\n".join(str(row[-1]) for row in rows)


@pytest.mark.slow
def test_many_rows_in_batches_keep_memory_flat(big_directory: tuple[Database, float]) -> None:
    db, grown = big_directory
    assert DirectoryRepository(db).counts()["counterparties"] == BIG
    assert grown < 40, f"memory grew by {grown:.0f} MB from 20,000 to {BIG} rows"


@pytest.mark.slow
def test_find_by_inn_uses_the_index(
    big_directory: tuple[Database, float], captured: list[tuple[str, Any]]
) -> None:
    db, _ = big_directory
    repository = DirectoryRepository(db)
    inn = complete_inn10(f"{700000000 + 12_346 // 2:09d}")
    found = repository.find_counterparties(inn=inn)
    assert keys(found) == ["Компания 12346", "Компания 12347"]
    assert repository.find_counterparties(inn=inn, kpp="770101001") == [found[1]]
    assert len(captured) == 2
    for sql, params in captured:
        detail = plan(db, sql, params)
        assert "USING INDEX ix_onec_counterparties_inn_kpp" in detail, detail
        assert "SCAN onec_counterparties" not in detail, detail


@pytest.mark.slow
def test_find_by_equal_name_uses_the_name_indexes(
    big_directory: tuple[Database, float], captured: list[tuple[str, Any]]
) -> None:
    db, _ = big_directory
    found = DirectoryRepository(db).find_counterparties(name='ООО "Компания 4242"', limit=1)
    assert keys(found) == ["Компания 4242"]
    [(sql, params)] = captured  # the equal step filled the limit: no containment scan
    detail = plan(db, sql, params)
    assert "ix_onec_counterparties_name_normalized" in detail, detail
    assert "ix_onec_counterparties_full_name_normalized" in detail, detail
    assert "SCAN onec_counterparties" not in detail, detail


# --- the migration -------------------------------------------------------------------------


def _database_at_0002_with_a_fetch_and_an_order(path: Path) -> None:
    engine = create_engine(f"sqlite:///{path}")
    sqlite_file.configure_engine(engine)
    schema_migration.upgrade(engine, "0002")
    with engine.begin() as connection:
        connection.exec_driver_sql(
            "INSERT INTO fetches (id, started_at, portal_url, page_mode, status) "
            "VALUES (1, '2026-01-20 09:00:00.000000', 'https://b2b.example.ru/x', 'peek', 'stored')"
        )
        connection.exec_driver_sql(
            "INSERT INTO orders (id, portal_id, number, buyer_name, search_text, review_state, "
            "changed_since_review, created_at, updated_at, content_hash, first_seen_fetch_id, "
            "last_seen_fetch_id) VALUES (1, 'order-1', '101', 'ООО Старое', 'ооо старое', "
            "'needs_review', 0, '2026-01-20 09:00:00.000000', '2026-01-20 09:00:00.000000', "
            "'h', 1, 1)"
        )
    engine.dispose()


def test_migration_from_0002_keeps_the_orders_adds_the_directory_and_a_backup(
    tmp_path: Path,
) -> None:
    path = tmp_path / DATABASE_FILE_NAME
    _database_at_0002_with_a_fetch_and_an_order(path)

    with Database.open(tmp_path) as db:
        backup = db.backup_path
        [order] = QueueRepository(db).queue()
        assert (order.portal_id, order.buyer_name, order.review_state) == (
            "order-1",
            "ООО Старое",
            "needs_review",
        )
        assert [fetch.id for fetch in QueueRepository(db).last_fetches()] == [1]
        repository = DirectoryRepository(db)
        assert repository.counts() == {"counterparties": 0, "partners": 0}
        assert refreshed(repository, [counterparty(1)]) == 0
        assert repository.find_counterparties(inn=INN) == [counterparty(1)]

    assert schema_migration.head_revision() == "0007"  # through 0003 (the directory)
    assert backup is not None and backup.name.startswith(f"{DATABASE_FILE_NAME}.bak-0002-")
    check = sqlite3.connect(backup)
    try:
        assert check.execute("SELECT version_num FROM alembic_version").fetchall() == [("0002",)]
        assert check.execute("SELECT portal_id FROM orders").fetchall() == [("order-1",)]
        tables = {row[0] for row in check.execute("SELECT name FROM sqlite_master")}
        assert "onec_counterparties" not in tables
    finally:
        check.close()
    check = sqlite3.connect(path)
    try:
        assert check.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        indexes = {
            row[0]
            for row in check.execute(
                "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name LIKE 'onec_%' "
                "AND name LIKE 'ix_%'"
            )
        }
    finally:
        check.close()
    assert indexes == {  # 0005 dropped the two on seen_generation
        "ix_onec_counterparties_inn_kpp",
        "ix_onec_counterparties_name_normalized",
        "ix_onec_counterparties_full_name_normalized",
        "ix_onec_counterparties_partner_key",
        "ix_onec_partners_name_normalized",
    }


def test_the_directory_tables_render_for_postgresql() -> None:
    import io

    from alembic import command

    output = io.StringIO()
    config = schema_migration.alembic_config()
    config.output_buffer = output
    config.set_main_option("sqlalchemy.url", "postgresql://")
    command.upgrade(config, "0002:0003", sql=True)
    script = output.getvalue()
    assert "CREATE TABLE onec_counterparties" in script
    assert "CREATE INDEX ix_onec_counterparties_inn_kpp ON onec_counterparties (inn, kpp)" in script
    assert "complete BOOLEAN DEFAULT false NOT NULL" in script
    assert "PRAGMA" not in script and "_alembic_tmp" not in script


def test_a_refresh_keeps_a_big_page_cache_only_while_it_runs(tmp_path: Path) -> None:
    with Database.open(tmp_path) as db:
        repository = DirectoryRepository(db)
        with repository.bulk():
            bulk = repository._bulk
            assert bulk is not None
            assert bulk.exec_driver_sql("PRAGMA cache_size").scalar() == -BULK_CACHE_KIB
            bulk.commit()
            raw = bulk.connection.dbapi_connection
            assert raw is not None
            generation = repository.start_refresh("counterparties")
            assert repository.store_counterparties(generation, [counterparty(1)]) == (1, 0, 0)
        assert raw.execute("PRAGMA cache_size").fetchone()[0] == -DEFAULT_CACHE_KIB
        assert repository.find_counterparties(inn=INN) == [counterparty(1)]
