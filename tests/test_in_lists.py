"""The one rule for long IN lists: slices small enough for SQLite's smallest parameter limit."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from desktop_app.store.database import Database
from desktop_app.store.in_lists import CHUNK, chunks
from desktop_app.store.order_upsert import known_orders

OLD_SQLITE_LIMIT = 999
"""SQLITE_MAX_VARIABLE_NUMBER of SQLite builds before 3.32, still shipped by some systems."""


def test_slices_keep_order_and_every_value() -> None:
    values = list(range(2 * CHUNK + 7))
    parts = list(chunks(values))
    assert [len(p) for p in parts] == [CHUNK, CHUNK, 7]
    assert [v for p in parts for v in p] == values
    assert list(chunks([])) == []


def test_a_lookup_of_thousands_of_ids_works_under_the_old_limit(tmp_path: Path) -> None:
    """Many more `Ид` than the old limit allows in one statement are looked up in slices."""
    with Database.open(tmp_path) as database, database.reading() as connection:
        raw: Any = connection.connection.driver_connection
        raw.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, OLD_SQLITE_LIMIT)
        assert known_orders(connection, [str(n) for n in range(3 * OLD_SQLITE_LIMIT)]) == {}
