"""How a refresh writes the directory cache: a first fill without indexes (built at its end,
also after a kill) and without look-ups (two fills at once still store each row once), the
migration that drops the generation indexes, the durability of the refresh's own
connection, and a driver that takes named parameters."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Index, create_engine, insert, select
from sqlalchemy.exc import OperationalError
from test_store_directory import INN, counterparty, partner

from desktop_app.store import Database, schema_migration, sqlite_file
from desktop_app.store.column_types import utc_now
from desktop_app.store.directory_repository import DirectoryRepository, RefreshStatus
from desktop_app.store.directory_writing import (
    COUNTERPARTY_KEYS,
    counterparty_values,
    store_batch,
)
from desktop_app.store.models import DIRECTORY_REFRESHES, ONEC_COUNTERPARTIES, ONEC_PARTNERS, Base

ROOT = Path(__file__).resolve().parents[1]
DECLARED = {
    table.name: {str(index.name) for index in table.indexes}
    for table in (ONEC_COUNTERPARTIES, ONEC_PARTNERS)
}
FULL, NORMAL = 2, 1  # PRAGMA synchronous


def indexes(db: Database, table: str) -> set[str]:
    with db.reading() as connection:
        return {
            row[0]
            for row in connection.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ? "
                "AND sql IS NOT NULL",  # (not the primary key's own index)
                (table,),
            )
        }


def find_plan(db: Database) -> str:
    with db.reading() as connection:
        rows = connection.exec_driver_sql(
            "EXPLAIN QUERY PLAN SELECT ref_key FROM onec_counterparties WHERE inn = ?", (INN,)
        ).all()
    return " ".join(str(row[-1]) for row in rows)


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    with Database.open(tmp_path) as database:
        yield database


def test_a_first_refresh_fills_without_indexes_and_builds_them_at_its_end(db: Database) -> None:
    repository = DirectoryRepository(db)
    generation = repository.start_refresh("counterparties")
    assert indexes(db, "onec_counterparties") == set()
    assert indexes(db, "onec_partners") == DECLARED["onec_partners"]  # not its refresh
    assert repository.store_counterparties(generation, [counterparty(1), counterparty(2)]) == (
        2, 0, 0,
    )  # fmt: skip
    # Without its indexes the cache still answers, by reading the table.
    assert "SCAN" in find_plan(db)
    assert len(repository.find_counterparties(inn=INN)) == 2
    repository.finish_refresh(generation, complete=True)
    assert indexes(db, "onec_counterparties") == DECLARED["onec_counterparties"]
    assert "USING INDEX ix_onec_counterparties_inn_kpp" in find_plan(db)

    # A later refresh finds the table filled: it writes with the indexes in place.
    later = repository.start_refresh("counterparties")
    assert indexes(db, "onec_counterparties") == DECLARED["onec_counterparties"]
    assert repository.store_counterparties(later, [counterparty(1), counterparty(3)]) == (1, 0, 1)
    assert repository.finish_refresh(later, complete=True) == 1
    assert [row.ref_key for row in repository.find_counterparties(inn=INN)] == [
        counterparty(1).ref_key,
        counterparty(3).ref_key,
    ]


def test_a_first_refresh_that_fails_or_is_abandoned_builds_the_indexes_too(db: Database) -> None:
    repository = DirectoryRepository(db)
    failed = repository.start_refresh("partners")
    repository.store_partners(failed, [partner(1)])
    repository.finish_refresh(failed, complete=False, error="1С не ответила")
    assert indexes(db, "onec_partners") == DECLARED["onec_partners"]

    # Another process's first refresh died before its end; this one's next refresh starts
    # by abandoning it, and that builds what it left unbuilt.
    with db.writing() as connection:
        for name in DECLARED["onec_counterparties"]:
            connection.exec_driver_sql(f"DROP INDEX {name}")
    repository.start_refresh("counterparties")  # the table is empty: nothing to rebuild yet
    assert repository.abandon_unfinished_refreshes() == 1
    assert indexes(db, "onec_counterparties") == DECLARED["onec_counterparties"]


def test_two_first_fills_at_once_store_each_row_once(db: Database) -> None:
    """Two windows (or a window and the command line) fill an empty copy at the same time:
    the second finds rows the first stored, and merges instead of inserting them twice."""
    first, second = DirectoryRepository(db), DirectoryRepository(db)
    one = first.start_refresh("counterparties")
    two = second.start_refresh("counterparties")
    assert first.store_counterparties(one, [counterparty(n) for n in (1, 2, 3)]) == (3, 0, 0)
    renamed = counterparty(3, data_version="AAAAAgAAAAA=", description="Вектор Плюс")
    assert second.store_counterparties(two, [counterparty(2), renamed, counterparty(4)]) == (
        1, 1, 1,
    )  # fmt: skip
    assert second.store_counterparties(two, [counterparty(5)]) == (1, 0, 0)
    assert first.finish_refresh(one, complete=True) == 0
    assert second.finish_refresh(two, complete=True) == 1  # 1 was seen by the older one only
    assert first.counts()["counterparties"] == 4
    assert first.counterparty(renamed.ref_key) == renamed
    row = second.last_refresh("counterparties")
    assert row is not None and (row.seen, row.inserted, row.updated) == (4, 2, 1)
    assert indexes(db, "onec_counterparties") == DECLARED["onec_counterparties"]


KILLED_REFRESH = """
import os, signal, sys
from desktop_app.store import Database, schema_migration, sqlite_file
from desktop_app.store.column_types import utc_now
from desktop_app.store.directory_repository import DirectoryRepository
sys.path.insert(0, "tests")
from test_store_directory import counterparty

database = Database.open(sys.argv[1])
repository = DirectoryRepository(database)
with repository.bulk():
    generation = repository.start_refresh("counterparties")
    repository.store_counterparties(generation, [counterparty(n) for n in range(1, 501)])
    print("stored", flush=True)
    os.kill(os.getpid(), signal.SIGKILL)
"""


def test_a_first_refresh_killed_midway_keeps_its_rows_and_the_next_opening_builds_the_indexes(
    tmp_path: Path,
) -> None:
    Database.open(tmp_path).close()
    run = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(KILLED_REFRESH), str(tmp_path)],
        cwd=ROOT, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert run.returncode == -signal.SIGKILL, run.stderr
    assert run.stdout.strip() == "stored"

    with Database.open(tmp_path) as db:
        assert indexes(db, "onec_counterparties") == DECLARED["onec_counterparties"]
        assert "USING INDEX ix_onec_counterparties_inn_kpp" in find_plan(db)
        repository = DirectoryRepository(db)
        assert repository.counts()["counterparties"] == 500
        assert repository.abandon_unfinished_refreshes() == 1
        row = repository.last_refresh("counterparties")
        assert row is not None and row.status is RefreshStatus.FAILED and not row.complete
        with db.reading() as connection:
            check = connection.exec_driver_sql("PRAGMA integrity_check").scalar()
        assert check == "ok"


def test_only_the_refresh_connection_commits_without_waiting_for_the_disk(db: Database) -> None:
    repository = DirectoryRepository(db)
    with repository.bulk():
        bulk = repository._bulk
        assert bulk is not None
        raw = bulk.connection.dbapi_connection
        assert raw is not None
        assert raw.execute("PRAGMA synchronous").fetchone()[0] == NORMAL
        with db.writing() as other:  # the app's own records: full durability
            assert other.exec_driver_sql("PRAGMA synchronous").scalar() == FULL
        generation = repository.start_refresh("counterparties")
        repository.store_counterparties(generation, [counterparty(1)])
        repository.finish_refresh(generation, complete=True)
    assert raw.execute("PRAGMA synchronous").fetchone()[0] == FULL
    assert repository.find_counterparties(inn=INN) == [counterparty(1)]


def test_a_batch_goes_to_a_driver_that_takes_named_parameters(tmp_path: Path) -> None:
    """PostgreSQL's drivers take named parameters; SQLite can be asked to, which shows the
    tuples are handed over by name as well."""
    engine = create_engine(f"sqlite:///{tmp_path / 'named.sqlite3'}", paramstyle="named")
    Base.metadata.create_all(engine)
    rows = ONEC_COUNTERPARTIES
    assert insert(rows).compile(dialect=engine.dialect).positiontup is None  # named, indeed
    try:
        with engine.begin() as connection:
            connection.execute(
                insert(DIRECTORY_REFRESHES).values(
                    id=1, kind="counterparties", status="started", started_at=utc_now()
                )
            )
            first = [counterparty(1), counterparty(2)]
            assert store_batch(
                connection, rows, COUNTERPARTY_KEYS, 1, first, counterparty_values
            ) == (2, 0, 0)
            renamed = counterparty(2, data_version="AAAAAgAAAAA=", description="Вектор Плюс")
            assert store_batch(
                connection, rows, COUNTERPARTY_KEYS, 1, [counterparty(1), renamed],
                counterparty_values,
            ) == (0, 1, 1)  # fmt: skip
            stored = connection.execute(
                select(rows.c.description, rows.c.name_normalized).order_by(rows.c.ref_key)
            ).all()
        assert [tuple(row) for row in stored] == [
            ("Вектор 1", "вектор 1"),
            ("Вектор Плюс", "вектор плюс"),
        ]
    finally:
        engine.dispose()


def test_the_migration_that_drops_the_generation_indexes_copes_with_a_killed_first_fill(
    tmp_path: Path,
) -> None:
    """At 0004 a first refresh died with its indexes dropped; 0005 drops two of them."""
    engine = create_engine(f"sqlite:///{tmp_path / 'order-review.sqlite3'}")
    sqlite_file.configure_engine(engine)
    schema_migration.upgrade(engine, "0004")
    with engine.begin() as connection:
        for index in ("inn_kpp", "name_normalized", "seen_generation"):
            connection.exec_driver_sql(f"DROP INDEX ix_onec_counterparties_{index}")
    engine.dispose()

    with Database.open(tmp_path) as db:
        assert indexes(db, "onec_counterparties") == DECLARED["onec_counterparties"]
        assert indexes(db, "onec_partners") == DECLARED["onec_partners"]
    assert not any("seen_generation" in name for names in DECLARED.values() for name in names)


def test_a_database_that_cannot_take_a_missing_index_still_opens(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    with Database.open(tmp_path) as db:
        repository = DirectoryRepository(db)
        generation = repository.start_refresh("counterparties")  # drops them; never finished
        repository.store_counterparties(generation, [counterparty(1)])

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise OperationalError("CREATE INDEX", {}, sqlite3.OperationalError("disk is full"))

    monkeypatch.setattr(Index, "create", refuse)
    with Database.open(tmp_path) as db:
        assert indexes(db, "onec_counterparties") == set()
        assert DirectoryRepository(db).find_counterparties(inn=INN) == [counterparty(1)]
    assert "disk is full" in caplog.text
