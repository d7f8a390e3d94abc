"""Alembic environment of the local store.

The app runs migrations itself (`schema_migration.upgrade`) and hands its own connection in
through `config.attributes[CONNECTION_ATTRIBUTE]`; the connection is already inside the transaction
the whole upgrade runs in. There is deliberately no `fileConfig` call: it would replace the
app's logging configuration. For developers, `alembic -c <ini>` with a `sqlalchemy.url` still
works (e.g. to generate a new revision against a scratch database).
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, create_engine, pool

from desktop_app.store.models import Base
from desktop_app.store.schema_migration import CONNECTION_ATTRIBUTE

config = context.config
target_metadata = Base.metadata


def run_on(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,  # SQLite can alter a table only by rebuilding it
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_online() -> None:
    connection = config.attributes.get(CONNECTION_ATTRIBUTE)
    if isinstance(connection, Connection):
        run_on(connection)
        return
    url = config.get_main_option("sqlalchemy.url")
    if not url:
        raise RuntimeError("no connection given and no sqlalchemy.url configured")
    engine = create_engine(url, poolclass=pool.NullPool)
    with engine.connect() as own_connection:
        run_on(own_connection)


if context.is_offline_mode():
    context.configure(
        url=config.get_main_option("sqlalchemy.url"),
        target_metadata=target_metadata,
        literal_binds=True,
        render_as_batch=True,
    )
    with context.begin_transaction():
        context.run_migrations()
else:
    run_online()
