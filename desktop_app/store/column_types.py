"""Column types that behave the same on SQLite and on a server database.

SQLite has no time zone in its date-time text and SQLAlchemy hands back naive values, while a
PostgreSQL ``timestamp with time zone`` hands back aware ones. The store keeps every moment in
UTC: `UtcDateTime` writes naive UTC and reads back an aware UTC `datetime`, whatever the backend.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import DateTime, Dialect
from sqlalchemy.types import TypeDecorator


class UtcDateTime(TypeDecorator[dt.datetime]):
    """A moment in time, stored as naive UTC, returned as an aware UTC `datetime`."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(f"a naive datetime cannot be stored as a moment: {value!r}")
        return value.astimezone(dt.UTC).replace(tzinfo=None)

    def process_result_value(
        self, value: dt.datetime | None, dialect: Dialect
    ) -> dt.datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


def utc_now() -> dt.datetime:
    """Now, in UTC, as the store records it."""
    return dt.datetime.now(dt.UTC)
