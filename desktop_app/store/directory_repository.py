"""The cached 1C directory: refreshes write it batch by batch, review looks it up.

A refresh (`start_refresh` … `finish_refresh`) reads a whole catalogue from 1C in pages and
hands each batch to `store_counterparties` / `store_partners`: one transaction per batch, a
few Core statements whatever its size, no ORM object, so memory stays flat over 200,000 rows
(how, and how a first fill is kept fast, is in `directory_writing`). The refresh id is the
*generation* every row it saw is stamped with.

Removal: 1C deletes elements physically too, and the cache must forget them, but a refresh
cut short has not reached every row, and one that read while 1C changed may have missed
some (directory_check). So only `finish_refresh(complete=True)` removes — the caller calls it
so only when its check reconciled — and
only the rows whose generation is older than its own (`<`, not `!=`: a later refresh of the
same catalogue running beside it has seen its rows, and they stay). For the same reason a
generation is only ever raised: an older refresh finding a row unchanged does not lower it.

Reads hand out the domain's frozen `DirectoryCounterparty` / `DirectoryPartner` rows; how a
look-up by ИНН or by name works is described in `directory_search`.

Normalized names are computed when a row is stored. A change of `normalize_name` must
therefore come with a migration that recomputes `name_normalized` and
`full_name_normalized` (or clears `data_version`, so the next refresh rewrites every row).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence

from sqlalchemy import Connection, delete, func, insert, select, update

from desktop_app.domain.onec_directory import DirectoryCounterparty, DirectoryPartner
from desktop_app.store.column_types import utc_now
from desktop_app.store.database import Database
from desktop_app.store.directory_rows import DirectoryKind, RefreshRow, RefreshStatus
from desktop_app.store.directory_search import (
    COUNTERPARTY_COLUMNS,
    PARTNER_COLUMNS,
    NameQuery,
    counterparty_filters,
    counterparty_select,
    name_neighbours_select,
    partner_select,
)
from desktop_app.store.directory_writing import (
    COUNTERPARTY_KEYS,
    PARTNER_KEYS,
    confirm_seen,
    counterparty_values,
    defer_indexes,
    partner_values,
    restore_indexes,
    seen_by,
    store_batch,
    stored_versions,
)
from desktop_app.store.in_lists import chunks
from desktop_app.store.models import DIRECTORY_REFRESHES, ONEC_COUNTERPARTIES, ONEC_PARTNERS
from desktop_app.store.sqlite_file import WRITE_OPTION

__all__ = ["DirectoryKind", "DirectoryRepository", "RefreshRow", "RefreshStatus"]

BULK_CACHE_KIB = 64 * 1024
DEFAULT_CACHE_KIB = 2000
"""SQLite's own default page cache, restored before the connection goes back to the pool."""
ABANDONED = "Обновление прервано: программа была закрыта или упала до его завершения."

_TABLES = {DirectoryKind.COUNTERPARTIES: ONEC_COUNTERPARTIES, DirectoryKind.PARTNERS: ONEC_PARTNERS}


class DirectoryRepository:
    """Writes and reads the local copy of 1C's counterparties and partners."""

    def __init__(self, db: Database) -> None:
        self._db = db
        self._bulk: Connection | None = None
        self._first_fills: set[int] = set()
        """Generations of the refreshes that found their table empty (see `store_batch`)."""

    @contextlib.contextmanager
    def bulk(self) -> Iterator[None]:
        """For a whole refresh: its batches share one connection whose page cache holds the
        indexes of a large directory (storing 200,000 rows took a fifth less time), and
        that cache is given back when the refresh ends. One thread at a time.

        The connection also commits without waiting for the disk (`synchronous = NORMAL`,
        still crash-safe in WAL mode): a power cut may lose the last batches of a copy that
        the next refresh reads again anyway, never the app's own records, whose connections
        keep SQLite's full durability."""
        if self._db.engine.dialect.name != "sqlite" or self._bulk is not None:
            yield
            return
        with self._db.engine.connect() as connection:
            driver = connection.connection.driver_connection
            assert driver is not None
            driver.execute("PRAGMA synchronous = NORMAL")  # only outside a transaction
            connection.exec_driver_sql(f"PRAGMA cache_size = -{BULK_CACHE_KIB}")
            connection.commit()
            self._bulk = connection.execution_options(**{WRITE_OPTION: True})
            try:
                yield
            finally:
                self._bulk = None
                connection.rollback()
                connection.exec_driver_sql(f"PRAGMA cache_size = -{DEFAULT_CACHE_KIB}")
                connection.commit()
                driver.execute("PRAGMA synchronous = FULL")

    @contextlib.contextmanager
    def _writing(self) -> Iterator[Connection]:
        if self._bulk is None:
            with self._db.writing() as connection:
                yield connection
        else:
            with self._bulk.begin():
                yield self._bulk

    # --- refreshes -----------------------------------------------------------------------

    def start_refresh(self, kind: DirectoryKind | str) -> int:
        """Record the start of a refresh of one catalogue; returns its generation.

        A first refresh (the table is empty) fills it without its secondary indexes, and
        `finish_refresh` builds them (see `directory_writing`).
        """
        kind = DirectoryKind(kind)
        status = RefreshStatus.STARTED.value
        values = {"kind": kind.value, "started_at": utc_now(), "status": status}
        with self._writing() as connection:
            key = connection.execute(insert(DIRECTORY_REFRESHES), values).inserted_primary_key
            assert key is not None
            generation = int(key[0])
            if defer_indexes(connection, _TABLES[kind]):
                self._first_fills.add(generation)
            return generation

    def finish_refresh(self, generation: int, *, complete: bool, error: str | None = None) -> int:
        """End a refresh; when it read the whole catalogue, forget what 1C no longer has.

        Returns how many cached rows were removed (always 0 unless `complete`). A refresh with
        an `error` is failed and cannot be complete.
        """
        if complete and error is not None:
            raise ValueError("a refresh that failed cannot be complete")
        self._first_fills.discard(generation)
        with self._writing() as connection:
            kind = _open_refresh(connection, generation)
            table = _TABLES[kind]
            restore_indexes(connection, table)
            removed = 0
            if complete:
                result = connection.execute(
                    delete(table).where(table.c.seen_generation < generation)
                )
                removed = int(result.rowcount)
            status = RefreshStatus.FAILED if error is not None else RefreshStatus.FINISHED
            connection.execute(
                update(DIRECTORY_REFRESHES)
                .where(DIRECTORY_REFRESHES.c.id == generation)
                .values(
                    status=status.value,
                    finished_at=utc_now(),
                    complete=complete,
                    rows_removed=removed,
                    error=error,
                )
            )
        return removed

    def abandon_unfinished_refreshes(self) -> int:
        """Mark as failed the refreshes a killed run left started; how many.

        The pages such a run stored are kept (each was committed); nothing is removed, and
        the indexes a killed first refresh had not built yet are built.
        """
        with self._writing() as connection:
            for table in _TABLES.values():
                restore_indexes(connection, table)
            result = connection.execute(
                update(DIRECTORY_REFRESHES)
                .where(DIRECTORY_REFRESHES.c.status == RefreshStatus.STARTED.value)
                .values(status=RefreshStatus.FAILED.value, finished_at=utc_now(), error=ABANDONED)
            )
            return int(result.rowcount)

    def last_refresh(
        self, kind: DirectoryKind | str, *, complete_only: bool = False
    ) -> RefreshRow | None:
        """The latest refresh of the catalogue (only a complete one if asked), or None."""
        table = DIRECTORY_REFRESHES
        query = select(table).where(table.c.kind == DirectoryKind(kind).value)
        if complete_only:
            query = query.where(table.c.complete.is_(True))
        query = query.order_by(table.c.id.desc()).limit(1)
        with self._db.reading() as connection:
            row = connection.execute(query).first()
        if row is None:
            return None
        return RefreshRow(
            generation=row.id,
            kind=DirectoryKind(row.kind),
            started_at=row.started_at,
            finished_at=row.finished_at,
            status=RefreshStatus(row.status),
            complete=bool(row.complete),
            seen=row.rows_seen,
            inserted=row.rows_inserted,
            updated=row.rows_updated,
            removed=row.rows_removed,
            error=row.error,
        )

    # --- writing -------------------------------------------------------------------------

    def versions(self, kind: DirectoryKind | str, ref_keys: Sequence[str]) -> dict[str, str]:
        """The stored `DataVersion` of those `ref_keys` that are cached, by key.

        For a refresh that reads keys and versions first and then only what changed.
        """
        table = _TABLES[DirectoryKind(kind)]
        with self._db.reading() as connection:
            return stored_versions(connection, table, ref_keys)

    def store_counterparties(
        self, generation: int, rows: Sequence[DirectoryCounterparty]
    ) -> tuple[int, int, int]:
        """Store one batch of `Catalog_Контрагенты`: (inserted, updated, unchanged)."""
        with self._writing() as connection:
            _check_refresh(connection, generation, DirectoryKind.COUNTERPARTIES)
            return store_batch(
                connection, ONEC_COUNTERPARTIES, COUNTERPARTY_KEYS, generation, rows,
                counterparty_values, first_fill=generation in self._first_fills,
            )  # fmt: skip

    def store_partners(
        self, generation: int, rows: Sequence[DirectoryPartner]
    ) -> tuple[int, int, int]:
        """Store one batch of `Catalog_Партнеры`: (inserted, updated, unchanged)."""
        with self._writing() as connection:
            _check_refresh(connection, generation, DirectoryKind.PARTNERS)
            return store_batch(
                connection, ONEC_PARTNERS, PARTNER_KEYS, generation, rows, partner_values,
                first_fill=generation in self._first_fills,
            )  # fmt: skip

    def confirm_seen(self, generation: int, rows: Sequence[tuple[str, str]]) -> list[str]:
        """For a check of the copy against 1C's (Ref_Key, DataVersion) pairs: stamp the rows
        cached with that version as seen by `generation`; the keys to read again (not
        cached, or changed in 1C) — see `directory_writing.confirm_seen`."""
        with self._writing() as connection:
            kind = _open_refresh(connection, generation)
            return confirm_seen(connection, _TABLES[kind], generation, rows)

    def seen_rows(self, generation: int) -> int:
        """How many cached rows of its catalogue the running refresh `generation` has seen
        (or a later refresh of it)."""
        with self._writing() as connection:
            kind = _open_refresh(connection, generation)
            return seen_by(connection, _TABLES[kind], generation)

    def unseen_keys(self, generation: int, *, limit: int) -> list[str]:
        """Up to `limit` keys of the cached rows the running refresh `generation` has not
        seen: what `finish_refresh(complete=True)` would remove."""
        with self._writing() as connection:
            table = _TABLES[_open_refresh(connection, generation)]
            query = (
                select(table.c.ref_key)
                .where(table.c.seen_generation < generation)
                .order_by(table.c.ref_key)
                .limit(limit)
            )
            return [row.ref_key for row in connection.execute(query)]

    # --- reading -------------------------------------------------------------------------

    def find_counterparties(
        self,
        *,
        inn: str | None = None,
        kpp: str | None = None,
        name: str | None = None,
        partner_key: str | None = None,
        include_deleted: bool = True,
        limit: int = 50,
    ) -> list[DirectoryCounterparty]:
        """Counterparties matching every criterion given, best first (see `directory_search`).

        `inn`/`kpp`/`partner_key` must be equal; `name` is compared normalized, equal names
        first, then names containing its words. Without any criterion (or with only a name
        that is nothing but a legal form) there is nothing to look for: [].
        """
        inn, kpp = (inn or "").strip() or None, (kpp or "").strip() or None
        query = NameQuery.of(name)
        if not (inn or kpp or partner_key or query) or limit < 1:
            return []
        terms = counterparty_filters(
            inn=inn, kpp=kpp, partner_key=partner_key, include_deleted=include_deleted
        )
        found: list[DirectoryCounterparty] = []
        with self._db.reading() as connection:
            for equal in (True, False) if query is not None else (True,):
                statement = counterparty_select(terms, query, equal=equal, limit=limit - len(found))
                found += [
                    DirectoryCounterparty(**row._mapping) for row in connection.execute(statement)
                ]
                if len(found) >= limit:
                    break
        return found

    def counterparty_names_near(
        self, keys: Sequence[str], *, per_key: int = 25
    ) -> dict[str, tuple[str, str]]:
        """The normalized (short, full) names of the counterparties whose name sorts next to
        one of the normalized `keys`, by ref_key (see `directory_search`): a bounded set for
        a similarity matcher to score, found by index range scans alone."""
        keys = [key for key in keys if key]
        if not keys or per_key < 1:
            return {}
        statement = name_neighbours_select(keys, per_key=per_key)
        with self._db.reading() as connection:
            rows = connection.execute(statement).all()
        return {ref_key: (name, full_name) for ref_key, name, full_name in rows}

    def counterparties(self, ref_keys: Sequence[str]) -> list[DirectoryCounterparty]:
        """The cached counterparties with these keys, in the order given (unknown ones left out)."""
        table = ONEC_COUNTERPARTIES
        columns = [table.c[name] for name in COUNTERPARTY_COLUMNS]
        found: dict[str, DirectoryCounterparty] = {}
        with self._db.reading() as connection:
            for chunk in chunks(list(dict.fromkeys(ref_keys))):
                query = select(*columns).where(table.c.ref_key.in_(chunk))
                for row in connection.execute(query):
                    found[row.ref_key] = DirectoryCounterparty(**row._mapping)
        return [found[key] for key in ref_keys if key in found]

    def find_partners(
        self, name: str, *, include_deleted: bool = True, limit: int = 50
    ) -> list[DirectoryPartner]:
        """Partners by normalized name: equal names first, then names containing its words."""
        query = NameQuery.of(name)
        if query is None or limit < 1:
            return []
        found: list[DirectoryPartner] = []
        with self._db.reading() as connection:
            for equal in (True, False):
                statement = partner_select(
                    query, include_deleted=include_deleted, equal=equal, limit=limit - len(found)
                )
                found += [DirectoryPartner(**row._mapping) for row in connection.execute(statement)]
                if len(found) >= limit:
                    break
        return found

    def counterparty(self, ref_key: str) -> DirectoryCounterparty | None:
        table = ONEC_COUNTERPARTIES
        query = select(*(table.c[name] for name in COUNTERPARTY_COLUMNS)).where(
            table.c.ref_key == ref_key
        )
        with self._db.reading() as connection:
            row = connection.execute(query).first()
        return None if row is None else DirectoryCounterparty(**row._mapping)

    def partner(self, ref_key: str) -> DirectoryPartner | None:
        table = ONEC_PARTNERS
        query = select(*(table.c[name] for name in PARTNER_COLUMNS)).where(
            table.c.ref_key == ref_key
        )
        with self._db.reading() as connection:
            row = connection.execute(query).first()
        return None if row is None else DirectoryPartner(**row._mapping)

    def counts(self) -> dict[str, int]:
        """Cached rows per catalogue: ``{"counterparties": n, "partners": m}``."""
        with self._db.reading() as connection:
            return {
                kind.value: int(
                    connection.execute(select(func.count()).select_from(table)).scalar_one()
                )
                for kind, table in _TABLES.items()
            }


def _open_refresh(connection: Connection, generation: int) -> DirectoryKind:
    """The kind of a refresh that is still running; ValueError for any other generation."""
    row = connection.execute(
        select(DIRECTORY_REFRESHES.c.kind, DIRECTORY_REFRESHES.c.status).where(
            DIRECTORY_REFRESHES.c.id == generation
        )
    ).first()
    if row is None:
        raise ValueError(f"no directory refresh {generation}")
    if row.status != RefreshStatus.STARTED.value:
        raise ValueError(f"directory refresh {generation} has already ended ({row.status})")
    return DirectoryKind(row.kind)


def _check_refresh(connection: Connection, generation: int, kind: DirectoryKind) -> None:
    if _open_refresh(connection, generation) != kind:
        raise ValueError(f"refresh {generation} is not a refresh of {kind.value}")
