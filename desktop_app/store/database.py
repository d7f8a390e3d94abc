"""The app's database: open (and migrate) it, and hand out units of work.

`Database.open(data_dir)` opens ``<data_dir>/order-review.sqlite3``; `Database.open(url)`
accepts any SQLAlchemy URL, so a team can point the store at a server database later. Opening
is careful with the user's data, in this order:

1. a database that is not SQLite at all, or another program's SQLite database, is refused with
   a message saying so (`StoreError`);
2. a database migrated by a newer Order Review is refused (`DatabaseTooNewError`) after a
   read-only look, so its file stays byte-for-byte as it was;
3. a database behind the app's schema is first copied beside itself with SQLite's online
   backup API, then migrated in one transaction.

Units of work: `session()` for the ORM, `writing()` and `reading()` for Core statements. Each
call gives a fresh transaction on a pooled connection; none of them may cross threads. The
writing ones go through one writer (`file_lock.WriterLock`: a thread lock, then a lock file
beside the database), so the app's own threads and processes queue for the write lock
instead of meeting SQLite's "database is locked" after its busy timeout — a long directory
refresh in the window no longer fails a `fetch` run beside it. Readers never wait (WAL).

Runtime errors of the disk or the file (full, read-only, locked, I/O, damaged) come out as
`DatabaseFaultError` with one sentence (`database_faults`); after SQLite reported damage,
nothing more is written. The file and its folder are kept private to the user
(`sqlite_file.make_private`): they hold buyers' personal data.
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType

from sqlalchemy import Connection, Engine, create_engine
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, OperationalError
from sqlalchemy.orm import Session
from sqlalchemy.pool import NullPool

from desktop_app.store import database_faults, models, schema_migration, sqlite_file
from desktop_app.store.errors import DatabaseTooNewError, StoreError
from desktop_app.store.file_lock import WriterLock
from desktop_app.wording.said import Param, Said

log = logging.getLogger(__name__)

DATABASE_FILE_NAME = "order-review.sqlite3"
WRITER_LOCK_SUFFIX = ".writer-lock"


class Database:
    """An open, migrated database and the engine that reaches it."""

    def __init__(
        self,
        engine: Engine,
        path: Path | None,
        backup_path: Path | None,
        damage: database_faults.Damage | None = None,
        writer: WriterLock | None = None,
    ) -> None:
        self.engine = engine
        self.path = path
        """The SQLite file, or None for a server database."""
        self.backup_path = backup_path
        """The copy made before migrating at this opening, if one was made."""
        self._write_engine = engine.execution_options(**{sqlite_file.WRITE_OPTION: True})
        self._damage = damage or database_faults.Damage(path)
        self._writer = writer or _writer_for(path)

    @classmethod
    def open(cls, location: str | os.PathLike[str]) -> Database:
        """Open a data folder (``<folder>/order-review.sqlite3``) or a SQLAlchemy URL."""
        url, path, folder = _resolve(location)
        if path is not None:
            sqlite_file.make_private(path, folder)
        backup_path: Path | None = None
        damage = database_faults.Damage(path)
        writer = _writer_for(path)
        if path is not None and path.exists() and path.stat().st_size > 0:
            state = _probe_file(path)
        else:
            state = None
        engine = create_engine(url)
        try:
            if engine.dialect.name == "sqlite":
                sqlite_file.configure_engine(engine)
            if state is None:
                state = _probe_engine(engine, path or url)
            damage.check_marker()
            head = schema_migration.head_revision()
            if state.revisions != (head,):
                with writer:  # two processes starting at once migrate one after the other
                    shown = _shown(path or url)
                    log.info("Migrating %s from %s to %s", shown, state.revisions, head)
                    if state.revisions and path is not None:
                        backup_path = sqlite_file.backup_database(path, "+".join(state.revisions))
                    _migrate(engine, path or url, backup_path)
            _restore_declared_indexes(engine)
            if engine.dialect.name == "sqlite":
                database_faults.install(engine, path, damage)
        except BaseException:
            engine.dispose()
            raise
        return cls(engine, path, backup_path, damage, writer)

    @property
    def url(self) -> URL:
        return self.engine.url

    def close(self) -> None:
        """Close every pooled connection (the last close of a WAL file checkpoints it)."""
        self.engine.dispose()

    def __enter__(self) -> Database:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    @contextlib.contextmanager
    def session(self) -> Iterator[Session]:
        """An ORM session for one unit of work: committed on success, rolled back on error."""
        with self._writer:
            self._damage.refuse_writes()
            with Session(self._write_engine, expire_on_commit=False) as session, session.begin():
                yield session

    @contextlib.contextmanager
    def writing(self) -> Iterator[Connection]:
        """A Core connection in a write transaction: committed on success, else rolled back."""
        with self._writer:
            self._damage.refuse_writes()
            with self._write_engine.begin() as connection:
                yield connection

    @contextlib.contextmanager
    def reading(self) -> Iterator[Connection]:
        """A Core connection in a read transaction: one consistent snapshot, never committed."""
        with self.engine.connect() as connection:
            transaction = connection.begin()
            try:
                yield connection
            finally:
                transaction.rollback()


def _writer_for(path: Path | None) -> WriterLock:
    """The single writer of this database: across processes for a file, in-process else."""
    return WriterLock(path.with_name(path.name + WRITER_LOCK_SUFFIX) if path else None)


def _resolve(location: str | os.PathLike[str]) -> tuple[URL, Path | None, Path | None]:
    """The URL to open, for a SQLite file its path, and the data folder when one was given."""
    if isinstance(location, os.PathLike) or "://" not in location:
        folder = Path(location)
        try:
            folder.mkdir(mode=sqlite_file.PRIVATE_FOLDER, parents=True, exist_ok=True)
        except OSError as error:
            said = Said("store.folder_not_made", {"folder": str(folder), "detail": str(error)})
            raise StoreError(said) from error
        path = (folder / DATABASE_FILE_NAME).resolve()
        return URL.create("sqlite", database=str(path)), path, folder
    try:
        url = make_url(location)
    except ArgumentError as error:
        said = Said("store.bad_url", {"location": repr(location), "detail": str(error)})
        raise StoreError(said) from error
    database = url.database
    is_file = url.get_backend_name() == "sqlite" and database not in (None, "", ":memory:")
    if is_file and database is not None and not database.startswith("file:"):
        return url, Path(database).resolve(), None
    return url, None, None


def _probe_file(path: Path) -> schema_migration.SchemaState:
    """Look at an existing SQLite file through a read-only connection."""
    probe = create_engine(
        "sqlite://",
        creator=lambda: sqlite_file.read_only_connection(path),
        poolclass=NullPool,
    )
    try:
        return _probe_engine(probe, path)
    finally:
        probe.dispose()


def _probe_engine(engine: Engine, where: Path | URL) -> schema_migration.SchemaState:
    shown = _shown(where)
    try:
        with engine.connect() as connection:
            state = schema_migration.probe(connection)
    except OperationalError as error:  # cannot open at all: rights, disk, server down
        said = Said("store.cannot_open", {"location": shown, "detail": str(error.orig)})
        raise StoreError(said) from error
    except DBAPIError as error:  # opened, but what is there is not a (sound) database
        said = Said("store.not_a_database", {"location": shown, "detail": str(error.orig)})
        raise StoreError(said) from error
    unknown = [rev for rev in state.revisions if rev not in schema_migration.known_revisions()]
    if unknown:
        raise DatabaseTooNewError(", ".join(unknown), shown)
    if not state.revisions and state.has_tables:
        raise StoreError(Said("store.other_program", {"location": shown}))
    return state


def _shown(where: Path | URL) -> str:
    """The file or the URL, for a message (a URL without its password)."""
    return where.render_as_string(hide_password=True) if isinstance(where, URL) else str(where)


def _restore_declared_indexes(engine: Engine) -> None:
    """Build any index the schema declares that the database lacks.

    A first directory refresh fills its tables without their secondary indexes and builds
    them at its end (`directory_writing`); a process killed in between leaves them missing,
    and look-ups slow, until this next opening. When nothing is missing this is a few reads.
    A database that cannot take the index now (read-only, disk full) still opens: a missing
    index makes look-ups slower, never wrong, and the next refresh builds it again.
    """
    try:
        with engine.begin() as connection:
            for table in models.Base.metadata.sorted_tables:
                for index in table.indexes:
                    index.create(connection, checkfirst=True)
    except DBAPIError as error:
        log.warning("Could not build a missing index (look-ups stay slower): %s", error.orig)


def _migrate(engine: Engine, where: Path | URL, backup_path: Path | None) -> None:
    try:
        schema_migration.upgrade(engine)
    except StoreError:
        raise
    except Exception as error:
        params: dict[str, Param] = {"location": _shown(where), "detail": str(error)}
        said = Said("store.not_upgraded", params) if backup_path is None else Said(
            "store.not_upgraded_kept", {**params, "backup": str(backup_path)}
        )  # fmt: skip
        raise StoreError(said) from error
