"""Alembic, run by the app itself on its own connection at start-up.

The migration scripts ship inside the package (`desktop_app/store/migrations`) and the script
location is set here at run time from the package path, so an installed or frozen build finds
them without an `alembic.ini` (GUIDE §10). Their `env.py` does not call `fileConfig`, which
would replace the app's logging set-up.

On SQLite the whole upgrade runs in one transaction (the BEGIN recipe of `sqlite_file` makes
DDL transactional), with foreign-key enforcement off for the table rebuilds of batch mode and
a foreign-key check before the commit: a migration that fails leaves the file as it was.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, inspect

from desktop_app.store import sqlite_file
from desktop_app.store.errors import StoreError
from desktop_app.wording.said import Said

log = logging.getLogger(__name__)

VERSION_TABLE = "alembic_version"
CONNECTION_ATTRIBUTE = "connection"
"""Key of `Config.attributes` under which env.py finds the app's connection."""


@dataclass(frozen=True, slots=True)
class SchemaState:
    """What a database holds before the app touches it."""

    revisions: tuple[str, ...]
    """The Alembic revisions recorded in the database; () for a fresh or a foreign one."""
    has_tables: bool
    """Whether it has tables other than Alembic's own."""


def migrations_directory() -> Path:
    """The folder of the migration scripts inside the installed (or frozen) package."""
    folder = Path(str(resources.files("desktop_app.store") / "migrations"))
    if not (folder / "env.py").is_file():
        raise StoreError(Said("store.no_migrations", {"folder": str(folder)}))
    return folder


def alembic_config(connection: Connection | None = None) -> Config:
    """An Alembic configuration for the packaged scripts, bound to `connection` if given."""
    config = Config()
    config.set_main_option("script_location", str(migrations_directory()).replace("%", "%%"))
    config.set_main_option("path_separator", "os")
    if connection is not None:
        config.attributes[CONNECTION_ATTRIBUTE] = connection
    return config


def script_directory() -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    """The newest revision this version of the app knows."""
    head = script_directory().get_current_head()
    assert head is not None, "the packaged migrations have no head"
    return head


def known_revisions() -> frozenset[str]:
    return frozenset(script.revision for script in script_directory().walk_revisions())


def probe(connection: Connection) -> SchemaState:
    """Read the schema revision and whether there are tables, changing nothing."""
    revisions = MigrationContext.configure(connection).get_current_heads()
    tables = set(inspect(connection).get_table_names()) - {VERSION_TABLE}
    return SchemaState(revisions=tuple(revisions), has_tables=bool(tables))


def upgrade(engine: Engine, target: str = "head") -> None:
    """Migrate the database to `target` in one transaction on one of the app's connections."""
    with engine.connect() as connection:
        if engine.dialect.name == "sqlite":
            with sqlite_file.foreign_keys_off(connection):
                _upgrade_in_transaction(connection, target, check_keys=True)
        else:
            _upgrade_in_transaction(connection, target, check_keys=False)


def _upgrade_in_transaction(connection: Connection, target: str, *, check_keys: bool) -> None:
    connection.execution_options(**{sqlite_file.WRITE_OPTION: True})
    with connection.begin():
        command.upgrade(alembic_config(connection), target)
        if check_keys:
            sqlite_file.check_foreign_keys(connection)
    log.info("Database schema is at revision %s", target)
