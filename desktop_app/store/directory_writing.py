"""How a refresh's batches go into the cached directory, fast enough for 200,000 rows.

A first refresh writes the whole of 1C's `Catalog_Контрагенты` and `Catalog_Партнеры`; later
ones rewrite only what changed. Four things keep that close to what SQLite itself costs:

- **Plain tuples.** A domain row becomes one tuple (`operator.attrgetter` over its fields,
  its normalized names, the stamp) and the executemany statements go to the driver with
  those tuples; no ORM object, no dict per row. SQLAlchemy's per-row parameter handling
  cost as much as the whole SQLite write.
- **Indexes built after a first fill.** Inserting 60,000 rows into a table with its
  secondary indexes took SQLite more than twice as long as into the bare table, because the
  name indexes take their rows in random order. So a refresh that finds its table empty drops
  them (`defer_indexes`) and `restore_indexes` builds each once, sorted, when the refresh
  ends, whether it finished, failed or was cancelled. If the process is killed in between,
  the next `Database.open` builds them (it builds any declared index that is missing); until then a
  look-up is a table scan: slower, never wrong.
- **No look-up in a first fill.** 1C's pages do not overlap (the pager drops the rows a
  keyset page reads again), so a batch of a refresh that found its table empty is inserted
  straight away; the stored versions are looked up only if a key turns out to be there
  already (a row 1C moved ahead while it was paged, or another refresh filling the table).
- **One transaction per batch.** The caller (the repository) decides the batch; a batch is
  committed whole or not at all, so a cancelled refresh keeps every batch it finished.

A key that occurs twice in one batch is stored once, from its later copy. A row whose
`DataVersion` did not change is not rewritten; only its `seen_generation` moves on (and is
never lowered: see `directory_repository`).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator, Sequence
from operator import attrgetter, itemgetter
from typing import Any, Protocol, TypeVar

from sqlalchemy import (
    BindParameter,
    Connection,
    Dialect,
    Insert,
    Table,
    Update,
    bindparam,
    func,
    insert,
    literal,
    select,
    update,
)
from sqlalchemy.exc import IntegrityError

from desktop_app.domain.company_names import normalize_name
from desktop_app.domain.onec_directory import DirectoryCounterparty, DirectoryPartner
from desktop_app.store.column_types import utc_now
from desktop_app.store.directory_search import COUNTERPARTY_COLUMNS, PARTNER_COLUMNS
from desktop_app.store.in_lists import chunks
from desktop_app.store.models import DIRECTORY_REFRESHES

STAMP_KEYS = ("seen_generation", "cached_at")
COUNTERPARTY_KEYS = (*COUNTERPARTY_COLUMNS, "name_normalized", "full_name_normalized")
PARTNER_KEYS = (*PARTNER_COLUMNS, "name_normalized")
"""The order of a row's values, before the stamp; `ref_key` comes first in both."""
assert COUNTERPARTY_KEYS[0] == PARTNER_KEYS[0] == "ref_key"

Values = tuple[Any, ...]
_counterparty_fields = attrgetter(*COUNTERPARTY_COLUMNS)
_partner_fields = attrgetter(*PARTNER_COLUMNS)


class Cached(Protocol):
    """What every directory row has: its 1C key and its version."""

    @property
    def ref_key(self) -> str: ...
    @property
    def data_version(self) -> str: ...


R = TypeVar("R", bound=Cached)


def counterparty_values(row: DirectoryCounterparty) -> Values:
    """The row in `COUNTERPARTY_KEYS` order; the full name is normalized only when it differs."""
    name = normalize_name(row.description)
    full = name if row.full_name == row.description else normalize_name(row.full_name)
    return (*_counterparty_fields(row), name, full)


def partner_values(row: DirectoryPartner) -> Values:
    """The row in `PARTNER_KEYS` order."""
    return (*_partner_fields(row), normalize_name(row.description))


def store_batch(
    connection: Connection,
    table: Table,
    keys: tuple[str, ...],
    generation: int,
    rows: Sequence[R],
    values_of: Callable[[R], Values],
    *,
    first_fill: bool = False,
) -> tuple[int, int, int]:
    """Insert the new rows, rewrite the changed, stamp the unchanged as seen; in the caller's
    transaction. Returns (inserted, updated, unchanged) over the distinct keys of the batch.

    In a `first_fill` (the refresh found the table empty, and 1C's pages do not overlap)
    every row is new, so the batch is inserted without looking its keys up first; should a
    key be there after all (another refresh filling the same table at the same time), the
    insert is undone and the batch goes the usual way.
    """
    latest = {row.ref_key: row for row in rows}
    stamp = _stamp(connection, table, generation)
    every = (*keys, *STAMP_KEYS)
    if (
        first_fill
        and latest
        and _inserted_all(connection, table, every, latest.values(), values_of, stamp)
    ):
        counts = len(latest), 0, 0
    else:
        counts = _merge(connection, table, every, generation, latest, values_of, stamp)
    refreshes = DIRECTORY_REFRESHES
    connection.execute(
        update(refreshes)
        .where(refreshes.c.id == generation)
        .values(
            rows_seen=refreshes.c.rows_seen + len(latest),
            rows_inserted=refreshes.c.rows_inserted + counts[0],
            rows_updated=refreshes.c.rows_updated + counts[1],
        )
    )
    return counts


def _inserted_all(
    connection: Connection,
    table: Table,
    every: tuple[str, ...],
    rows: Iterable[R],
    values_of: Callable[[R], Values],
    stamp: Values,
) -> bool:
    """Insert every row as new, in a savepoint; False (and nothing inserted) on a key clash."""
    try:
        with connection.begin_nested():
            _execute_many(connection, insert(table), every, [values_of(r) + stamp for r in rows])
    except IntegrityError:
        return False
    return True


def _merge(
    connection: Connection,
    table: Table,
    every: tuple[str, ...],
    generation: int,
    latest: dict[str, R],
    values_of: Callable[[R], Values],
    stamp: Values,
) -> tuple[int, int, int]:
    """Compare with the stored versions: insert the new, rewrite the changed, stamp the rest."""
    stored = stored_versions(connection, table, list(latest))
    new: list[Values] = []
    changed: list[Values] = []
    same: list[str] = []
    for key, row in latest.items():
        version = stored.get(key)
        if version is None:
            new.append(values_of(row) + stamp)
        elif version != row.data_version:
            changed.append(values_of(row) + stamp)
        else:
            same.append(key)
    if new:
        _execute_many(connection, insert(table), every, new)
    if changed:
        statement = update(table).where(table.c.ref_key == bindparam("b_ref_key"))
        _execute_many(connection, statement, every, changed)
    for chunk in chunks(same):
        connection.execute(
            update(table)
            .where(table.c.ref_key.in_(chunk), table.c.seen_generation < generation)
            .values(seen_generation=generation)
        )
    return len(new), len(changed), len(same)


def stored_versions(connection: Connection, table: Table, keys: Sequence[str]) -> dict[str, str]:
    """The stored `DataVersion` of those `keys` that are cached, by key.

    The look-up of each chunk is compiled once per size and sent straight to the driver:
    SQLAlchemy building an IN list of 500 values for every chunk cost twice what SQLite
    took to answer it.
    """
    return {key: version for key, version, _ in _stored(connection, table, keys, seen=False)}


def stored_stamps(
    connection: Connection, table: Table, keys: Sequence[str]
) -> dict[str, tuple[str, int]]:
    """The stored (`DataVersion`, seen generation) of those `keys` that are cached, by key."""
    return {key: (version, seen) for key, version, seen in _stored(connection, table, keys)}


def _stored(
    connection: Connection, table: Table, keys: Sequence[str], *, seen: bool = True
) -> Iterator[tuple[str, str, int]]:
    for chunk in chunks(keys):
        sql, named = _versions_sql(connection.dialect, table, len(chunk), seen)
        parameters = (
            {f"k{index}": key for index, key in enumerate(chunk)} if named else tuple(chunk)
        )
        for row in connection.exec_driver_sql(sql, parameters):
            yield row[0], row[1], row[2] if seen else 0


@functools.lru_cache(maxsize=32)
def _versions_sql(dialect: Dialect, table: Table, size: int, seen: bool) -> tuple[str, bool]:
    """SELECT ref_key, data_version [, seen_generation] … WHERE ref_key IN (k0 … k{size-1});
    and whether the driver takes its parameters by name (in the order k0, k1, … if not)."""
    wanted: list[BindParameter[Any]] = [bindparam(f"k{index}") for index in range(size)]
    columns = [table.c.ref_key, table.c.data_version]
    if seen:
        columns.append(table.c.seen_generation)
    query = select(*columns).where(table.c.ref_key.in_(wanted))
    compiled = query.compile(dialect=dialect)
    order = compiled.positiontup
    assert order is None or list(order) == [f"k{index}" for index in range(size)]
    return str(compiled), order is None


def confirm_seen(
    connection: Connection, table: Table, generation: int, rows: Sequence[tuple[str, str]]
) -> list[str]:
    """Stamp the cached rows whose `DataVersion` equals 1C's as seen by `generation`; the
    keys of the others (not cached, or changed in 1C), for the caller to read again.

    For the check after a refresh (directory_check): 1C sent only (Ref_Key, DataVersion).
    A row is stamped once; one `generation` saw already costs nothing but the look-up.
    """
    stored = stored_stamps(connection, table, [key for key, _ in rows])
    again: list[str] = []
    confirmed: list[str] = []
    for key, version in rows:
        found = stored.get(key)
        if found is None or found[0] != version:
            again.append(key)
        elif found[1] < generation:
            confirmed.append(key)
    for chunk in chunks(confirmed):
        connection.execute(
            update(table)
            .where(table.c.ref_key.in_(chunk), table.c.seen_generation < generation)
            .values(seen_generation=generation)
        )
    if confirmed:
        refreshes = DIRECTORY_REFRESHES
        connection.execute(
            update(refreshes)
            .where(refreshes.c.id == generation)
            .values(rows_seen=refreshes.c.rows_seen + len(confirmed))
        )
    return again


def seen_by(connection: Connection, table: Table, generation: int) -> int:
    """How many cached rows `generation` (or a later refresh) has seen."""
    query = select(func.count()).select_from(table).where(table.c.seen_generation >= generation)
    return int(connection.execute(query).scalar_one())


def defer_indexes(connection: Connection, table: Table) -> bool:
    """Drop the table's secondary indexes if it is empty (a first fill); whether it was."""
    if connection.execute(select(literal(1)).select_from(table).limit(1)).first() is not None:
        return False
    for index in table.indexes:
        index.drop(connection, checkfirst=True)
    return True


def restore_indexes(connection: Connection, table: Table) -> None:
    """Build whichever of the table's declared indexes are missing (none: a few look-ups)."""
    for index in table.indexes:
        index.create(connection, checkfirst=True)


def _stamp(connection: Connection, table: Table, generation: int) -> Values:
    """The values of `STAMP_KEYS`, as the driver takes them (SQLAlchemy's own conversion)."""
    convert = table.c.cached_at.type.bind_processor(connection.dialect)
    now = utc_now()
    return generation, (convert(now) if convert else now)


def _execute_many(
    connection: Connection, statement: Insert | Update, keys: tuple[str, ...], rows: list[Values]
) -> None:
    """An executemany handed to the driver as it takes parameters, rows in `keys` order.

    An UPDATE sets every column but `ref_key` and finds its row by `b_ref_key` (the key).
    """
    is_update = isinstance(statement, Update)
    compiled = statement.compile(
        dialect=connection.dialect, column_keys=list(keys[1:] if is_update else keys)
    )
    position = {key: index for index, key in enumerate(keys)} | {"b_ref_key": 0}
    order = compiled.positiontup
    parameters: list[Any]
    if order is None:  # a driver with named parameters (PostgreSQL's)
        names = [key if key != "ref_key" or not is_update else "b_ref_key" for key in keys]
        parameters = [dict(zip(names, row, strict=True)) for row in rows]
    elif tuple(order) == keys:
        parameters = rows
    else:
        pick = itemgetter(*(position[key] for key in order))
        parameters = [pick(row) for row in rows]
    connection.exec_driver_sql(str(compiled), parameters)
