"""Opening the store: creation, WAL, migrations with a backup, refusals that leave files alone."""

from __future__ import annotations

import io
import sqlite3
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, func, insert, select
from sqlalchemy.exc import IntegrityError

from desktop_app.emulators.world import World
from desktop_app.store import (
    DATABASE_FILE_NAME,
    Database,
    DatabaseTooNewError,
    IncomingOrder,
    OrderRepository,
    QueueRepository,
    StoreError,
    UpsertOutcome,
    schema_migration,
    sqlite_file,
)
from desktop_app.store.column_types import utc_now
from desktop_app.store.models import FETCHES, ORDERS, Base, FetchRecord
from desktop_app.store.order_codec import content_hash, order_to_payload


def _revision_of(path: Path) -> list[str]:
    connection = sqlite3.connect(path)
    try:
        return [row[0] for row in connection.execute("SELECT version_num FROM alembic_version")]
    finally:
        connection.close()


def _fetch_values() -> dict[str, object]:
    return {"started_at": utc_now(), "portal_url": "u", "page_mode": "peek", "status": "started"}


def test_open_creates_the_file_in_wal_mode_at_head(tmp_path: Path) -> None:
    data_dir = tmp_path / "new" / "data"
    with Database.open(data_dir) as db:
        assert db.path == (data_dir / DATABASE_FILE_NAME).resolve()
        assert db.backup_path is None
        with db.reading() as connection:
            assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() == 10_000
    assert _revision_of(data_dir / DATABASE_FILE_NAME) == [schema_migration.head_revision()]
    header = (data_dir / DATABASE_FILE_NAME).read_bytes()[:20]
    assert header.startswith(b"SQLite format 3\x00") and header[18:20] == b"\x02\x02"  # WAL


def test_open_accepts_a_sqlalchemy_url(tmp_path: Path) -> None:
    path = tmp_path / "elsewhere.db"
    with Database.open(f"sqlite:///{path}") as db:
        assert db.path == path.resolve()
    assert _revision_of(path) == [schema_migration.head_revision()]


def test_an_empty_file_is_migrated_from_scratch(tmp_path: Path) -> None:
    (tmp_path / DATABASE_FILE_NAME).write_bytes(b"")
    with Database.open(tmp_path) as db:
        assert db.backup_path is None
        assert QueueRepository(db).count() == 0
    assert _revision_of(tmp_path / DATABASE_FILE_NAME) == [schema_migration.head_revision()]


def test_the_migrated_schema_is_exactly_the_models(tmp_path: Path) -> None:
    # The migrations alone: `Database.open` would also build any declared index they lack.
    engine = create_engine(f"sqlite:///{tmp_path / DATABASE_FILE_NAME}")
    sqlite_file.configure_engine(engine)
    try:
        schema_migration.upgrade(engine)
        with engine.connect() as connection:
            context = MigrationContext.configure(
                connection, opts={"compare_type": True, "compare_server_default": True}
            )
            assert compare_metadata(context, Base.metadata) == []
    finally:
        engine.dispose()


def test_check_constraints_survive_the_batch_rebuild(tmp_path: Path) -> None:
    with Database.open(tmp_path) as db:
        with pytest.raises(IntegrityError), db.writing() as connection:
            connection.execute(insert(FETCHES), _fetch_values() | {"status": "lost"})
        with pytest.raises(IntegrityError), db.writing() as connection:
            connection.exec_driver_sql(
                "INSERT INTO orders (portal_id, review_state, created_at, updated_at, "
                "content_hash) VALUES ('x', 'maybe', '2026-01-01', '2026-01-01', 'h')"
            )


def test_foreign_keys_are_enforced(tmp_path: Path) -> None:
    with Database.open(tmp_path) as db, pytest.raises(IntegrityError), db.writing() as c:
        c.exec_driver_sql(
            "INSERT INTO order_revisions (order_id, number, received_at, content_hash, payload)"
            " VALUES (999, 1, '2026-01-01', 'h', '{}')"
        )


def test_savepoints_belong_to_the_enclosing_transaction(tmp_path: Path) -> None:
    """The sqlite3 legacy mode would commit a released savepoint on its own (GUIDE §10)."""
    with Database.open(tmp_path) as db:
        with db.writing() as connection:
            connection.execute(insert(FETCHES), _fetch_values() | {"portal_url": "kept"})
            savepoint = connection.begin_nested()
            connection.execute(insert(FETCHES), _fetch_values() | {"portal_url": "undone"})
            savepoint.rollback()

        def fail_after_a_released_savepoint() -> None:
            with db.writing() as connection:
                with connection.begin_nested():
                    connection.execute(insert(FETCHES), _fetch_values() | {"portal_url": "lost"})
                raise RuntimeError("the outer transaction fails")

        with pytest.raises(RuntimeError):
            fail_after_a_released_savepoint()
        with db.reading() as connection:
            urls = connection.execute(select(FETCHES.c.portal_url)).scalars().all()
        assert urls == ["kept"]


def test_session_commits_on_success_and_rolls_back_on_error(tmp_path: Path) -> None:
    with Database.open(tmp_path) as db:
        with db.session() as session:
            session.add(FetchRecord(**_fetch_values()))

        def fail_after_a_flush() -> None:
            with db.session() as session:
                session.add(FetchRecord(**_fetch_values()))
                session.flush()
                raise ValueError("boom")

        with pytest.raises(ValueError, match="boom"):
            fail_after_a_flush()
        with db.reading() as connection:
            assert connection.execute(select(func.count()).select_from(FETCHES)).scalar() == 1


def _database_at_0001_with_an_order(path: Path) -> str:
    """A database as the previous version of the app left it, with one stored order."""
    engine = create_engine(f"sqlite:///{path}")
    sqlite_file.configure_engine(engine)
    schema_migration.upgrade(engine, "0001")
    order = World.generate(seed=1).order(7)
    payload = order_to_payload(order)
    with engine.begin() as connection:
        connection.exec_driver_sql(
            "INSERT INTO orders (id, portal_id, number, order_date, total, total_kopecks, "
            "buyer_name, buyer_inn, search_text, review_state, changed_since_review, "
            "created_at, updated_at, content_hash) VALUES "
            "(1, ?, ?, ?, ?, ?, ?, ?, ?, 'decided', 0, '2025-12-01 10:00:00.000000', "
            "'2025-12-01 10:00:00.000000', ?)",
            (
                order.id,
                order.number,
                str(order.date),
                str(order.total),
                int((order.total or 0) * 100),
                "ООО Старое",
                "7707083893",
                "ооо старое",
                content_hash(payload),
            ),
        )
        connection.exec_driver_sql(
            "INSERT INTO order_revisions (id, order_id, number, received_at, content_hash, "
            "payload, source_document, source_encoding) "
            "VALUES (1, 1, 1, '2025-12-01 10:00:00.000000', ?, ?, NULL, NULL)",
            (content_hash(payload), payload),
        )
        connection.exec_driver_sql("UPDATE orders SET current_revision_id = 1")
    engine.dispose()
    return order.id


def test_migration_from_0001_keeps_the_data_and_a_backup(tmp_path: Path) -> None:
    path = tmp_path / DATABASE_FILE_NAME
    portal_id = _database_at_0001_with_an_order(path)
    assert _revision_of(path) == ["0001"]

    with Database.open(tmp_path) as db:
        backup = db.backup_path
        queue = QueueRepository(db)
        [row] = queue.queue()
        assert (row.portal_id, row.buyer_name, row.review_state) == (
            portal_id,
            "ООО Старое",
            "decided",
        )
        assert not row.from_onec  # what the store held before 0008 came from the portal
        assert queue.order(portal_id) == World.generate(seed=1).order(7)
        repository = OrderRepository(db)
        fetch = repository.start_fetch("https://b2b.example.ru/exchange/", "own-page")
        again = IncomingOrder(World.generate(seed=1).order(7), 1, None, None)
        assert repository.store_batch(fetch, [again]) == [UpsertOutcome.UNCHANGED]
        with db.reading() as connection:
            seen = connection.execute(select(ORDERS.c.last_seen_fetch_id)).scalar_one()
        assert seen == fetch

    assert _revision_of(path) == [schema_migration.head_revision()]
    assert backup is not None and backup.parent == tmp_path
    assert backup.name.startswith(f"{DATABASE_FILE_NAME}.bak-0001-")
    assert _revision_of(backup) == ["0001"]
    check = sqlite3.connect(backup)
    try:
        assert check.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert check.execute("SELECT portal_id FROM orders").fetchall() == [(portal_id,)]
    finally:
        check.close()


def test_a_failed_migration_leaves_the_database_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The whole upgrade is one transaction, DDL included: a failure at its end undoes all."""
    path = tmp_path / DATABASE_FILE_NAME
    _database_at_0001_with_an_order(path)

    def broken_check(_connection: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(sqlite_file, "check_foreign_keys", broken_check)
    with pytest.raises(StoreError, match="disk full") as raised:
        Database.open(tmp_path)
    [backup] = tmp_path.glob("*.bak-0001-*")
    assert str(backup) in str(raised.value)
    assert _revision_of(path) == ["0001"]
    check = sqlite3.connect(path)
    try:
        tables = {row[0] for row in check.execute("SELECT name FROM sqlite_master")}
        columns = {row[1] for row in check.execute("PRAGMA table_info(orders)")}
        assert check.execute("SELECT count(*) FROM orders").fetchone() == (1,)
    finally:
        check.close()
    assert "fetches" not in tables and not any(name.startswith("_alembic") for name in tables)
    assert "last_seen_fetch_id" not in columns

    monkeypatch.undo()
    with Database.open(tmp_path) as db:
        assert QueueRepository(db).count() == 1
    assert _revision_of(path) == [schema_migration.head_revision()]


def test_the_migrations_render_for_postgresql() -> None:
    """A team may point the store at PostgreSQL: the scripts must not be SQLite-only."""
    output = io.StringIO()
    config = schema_migration.alembic_config()
    config.output_buffer = output
    config.set_main_option("sqlalchemy.url", "postgresql://")
    command.upgrade(config, "head", sql=True)
    script = output.getvalue()
    assert (
        "ALTER TABLE orders ADD CONSTRAINT fk_orders_current_revision_id_order_revisions" in script
    )
    assert "ALTER TABLE order_revisions ADD COLUMN fetch_id INTEGER" in script
    assert "_alembic_tmp" not in script and "PRAGMA" not in script
    assert "UPDATE alembic_version SET version_num='0002'" in script


def test_an_unreachable_folder_is_refused_clearly(tmp_path: Path) -> None:
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x")
    with pytest.raises(StoreError, match="Не удаётся создать папку данных"):
        Database.open(blocker)
    with pytest.raises(StoreError, match="Не удаётся открыть базу данных"):
        Database.open(f"sqlite:///{tmp_path}/missing/dir/order-review.sqlite3")


def test_a_database_of_a_newer_app_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / DATABASE_FILE_NAME
    Database.open(tmp_path).close()
    connection = sqlite3.connect(path)
    connection.execute("UPDATE alembic_version SET version_num = '0099_future'")
    connection.commit()
    connection.close()
    before = path.read_bytes()
    mtime = path.stat().st_mtime_ns

    with pytest.raises(DatabaseTooNewError) as raised:
        Database.open(tmp_path)

    message = str(raised.value)
    assert "База данных создана более новой версией Order Review" in message
    assert "0099_future" in message and "Обновите программу" in message
    assert raised.value.revision == "0099_future"
    assert isinstance(raised.value, StoreError)
    assert path.read_bytes() == before
    assert path.stat().st_mtime_ns == mtime
    assert not list(tmp_path.glob("*.bak-*"))


@pytest.mark.parametrize(
    "content",
    [b"<html><body>Fatal error</body></html>\n" * 50, b"SQLite format 3\x00" + b"\xff" * 2000],
    ids=["html", "damaged-header"],
)
def test_a_file_that_is_not_a_database_is_refused_clearly(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / DATABASE_FILE_NAME
    path.write_bytes(content)
    with pytest.raises(StoreError, match="не является базой данных") as raised:
        Database.open(tmp_path)
    assert str(path) in str(raised.value)
    assert path.read_bytes() == content


def test_another_programs_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / DATABASE_FILE_NAME
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
    connection.commit()
    connection.close()
    before = path.read_bytes()
    with pytest.raises(StoreError, match="другой программы"):
        Database.open(tmp_path)
    assert path.read_bytes() == before
