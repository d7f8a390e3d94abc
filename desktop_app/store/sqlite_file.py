"""What only a SQLite file needs: per-connection settings, transactions, probing, backups.

Everything SQLite-specific lives here, so the rest of the store speaks portable SQL and a team
can point the URL at PostgreSQL (GUIDE §7).

Transactions follow SQLAlchemy's documented recipe for the sqlite3 driver: the driver's own
(legacy) transaction control is switched off (`isolation_level = None`) and a `begin` event
emits BEGIN itself, so that DDL and SAVEPOINT really run inside the transaction (GUIDE §10).
A unit of work that writes asks for ``BEGIN IMMEDIATE`` (execution option `WRITE_OPTION`): it
takes the write lock up front, waiting up to the busy timeout for another writer, instead of
failing with "database is locked" when a read transaction later tries to become a write one.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import sqlite3
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, event

from desktop_app.store.errors import StoreError
from desktop_app.wording.said import Said

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 10_000
WRITE_OPTION = "order_review_write"
"""Execution option: the transaction will write, so begin it with ``BEGIN IMMEDIATE``."""


def configure_engine(engine: Engine) -> None:
    """Install the per-connection PRAGMAs and the BEGIN recipe on a SQLite engine."""
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)


def _on_connect(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None  # SQLAlchemy emits BEGIN, not the driver
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys = ON")
        mode = cursor.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if str(mode).lower() not in ("wal", "memory"):
            # A network share or a read-only medium: it works, but readers and the writer
            # now block each other. The data folder should be on a local disk.
            log.warning("SQLite refused WAL mode (journal_mode=%s); is the file local?", mode)
    finally:
        cursor.close()


def _on_begin(connection: Connection) -> None:
    writes = connection.get_execution_options().get(WRITE_OPTION, False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if writes else "BEGIN")


@contextlib.contextmanager
def foreign_keys_off(connection: Connection) -> Iterator[None]:
    """Switch foreign-key enforcement off around a migration, as SQLite's ALTER recipe says.

    Batch migrations rebuild a table (create a copy, drop the old one, rename), and dropping a
    parent table with enforcement on would delete or refuse its children. The PRAGMA only
    works outside a transaction, so it goes straight to the driver before BEGIN; the migration
    then checks the keys itself (`check_foreign_keys`) before it commits.
    """
    driver = connection.connection.driver_connection
    assert driver is not None and not connection.in_transaction()
    driver.execute("PRAGMA foreign_keys = OFF")
    try:
        yield
    finally:
        driver.execute("PRAGMA foreign_keys = ON")


def check_foreign_keys(connection: Connection) -> None:
    """Raise when a migration left a row pointing nowhere (its transaction then rolls back)."""
    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    if broken:
        example = str(tuple(broken[0]))
        raise StoreError(Said("store.links_broken", {"count": len(broken), "example": example}))


def read_only_connection(path: Path) -> sqlite3.Connection:
    """A connection that cannot change the file: for probing a database before trusting it."""
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)


def backup_database(path: Path, revision: str) -> Path:
    """Copy the database beside itself before a migration, with SQLite's online backup API.

    A plain file copy of a WAL database can miss the pages still in the `-wal` file or catch
    a half-written state; the backup API copies a consistent snapshot of the whole database.
    The name says which schema revision it holds and when it was made:
    ``order-review.sqlite3.bak-0001-20260105-143000``.
    """
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.bak-{revision}-{stamp}")
    suffix = 1
    while target.exists():
        suffix += 1
        target = path.with_name(f"{path.name}.bak-{revision}-{stamp}-{suffix}")
    source = read_only_connection(path)
    try:
        if os.name == "posix":  # the copy holds the same personal data: owner only
            os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE))
        destination = sqlite3.connect(target)
        try:
            source.backup(destination)
        finally:
            destination.close()
    except (sqlite3.Error, OSError) as error:
        target.unlink(missing_ok=True)
        said = Said("store.backup_failed", {"detail": str(error), "location": str(path)})
        raise StoreError(said) from error
    finally:
        source.close()
    log.info("Backed up %s (revision %s) to %s before migrating", path, revision, target)
    return target


PRIVATE_FILE = 0o600
PRIVATE_FOLDER = 0o700
COMPANION_SUFFIXES = ("", "-wal", "-shm", "-journal")
"""The database and the files SQLite keeps beside it; each holds buyers' personal data."""


def make_private(path: Path, folder: Path | None) -> None:
    """The database (with its -wal, -shm, -journal and backups) readable by the owner only.

    It holds buyers' names, addresses and phones (issue 14). A new file is created 0600
    before SQLite opens it, and SQLite gives the -wal, -shm and -journal files the mode of
    the database file (`robustFchown`/`findCreateFileMode` in os_unix.c); an existing
    installation made with the user's umask is put right here, at every opening. `folder`
    is the data folder when the app chose the file (a URL names only the file). On Windows
    the user's profile folder already keeps other users out, and chmod means little there.
    """
    if os.name != "posix":  # pragma: no cover - Windows
        return
    targets = [path.with_name(path.name + suffix) for suffix in COMPANION_SUFFIXES]
    targets += sorted(path.parent.glob(f"{path.name}.bak-*"))
    if not path.exists():
        try:
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE))
        except OSError as error:  # a read-only folder: SQLite will say what it cannot do
            log.debug("could not create %s ahead of SQLite: %s", path, error)
    for target in targets:
        _chmod(target, PRIVATE_FILE)
    if folder is not None:
        _chmod(folder, PRIVATE_FOLDER)


def _chmod(target: Path, mode: int) -> None:
    try:
        if target.exists() and stat.S_IMODE(target.stat().st_mode) != mode:
            os.chmod(target, mode)
            log.info("Made %s private (mode %o)", target, mode)
    except OSError as error:  # not the owner, a read-only disk: warn, never refuse to open
        log.warning("Could not make %s private: %s", target, error)
