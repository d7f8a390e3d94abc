"""The cache of the state registry's answers: one row per ИНН and КПП asked, with its date.

The service (services.registry_check) reads here first and asks DaData only for a key it has
never asked or whose answer is older than `registry.max_age_days`; the review reads only
here, so it works offline and shows an answer's age. An ИНН the registry does not know is
kept too (an empty list): asking again tomorrow would cost the same request for nothing.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, insert, select, tuple_

from desktop_app.domain.order import Order
from desktop_app.store.database import Database
from desktop_app.store.in_lists import chunks
from desktop_app.store.models import REGISTRY_ANSWERS, REVISIONS
from desktop_app.store.order_codec import order_from_payload

Key = tuple[str, str]
"""(ИНН, КПП asked — "" for none)."""


@dataclass(frozen=True, slots=True)
class CachedAnswer:
    inn: str
    kpp: str
    suggestions: list[Mapping[str, Any]]
    """DaData's `suggestions` list as it came."""
    asked_at: dt.datetime

    def age_days(self, now: dt.datetime) -> int:
        return max(0, (now - self.asked_at).days)


def registry_key(inn: str | None, kpp: str | None) -> Key:
    return (inn or "").strip(), (kpp or "").strip()


class RegistryAnswers:
    def __init__(self, db: Database) -> None:
        self._db = db

    def get(self, key: Key) -> CachedAnswer | None:
        return self.get_many([key]).get(key)

    def get_many(self, keys: Iterable[Key]) -> dict[Key, CachedAnswer]:
        """The cached answers of these keys; keys never asked are left out."""
        wanted = sorted(set(keys))
        found: dict[Key, CachedAnswer] = {}
        with self._db.reading() as connection:
            for chunk in chunks(wanted, 400):
                rows = connection.execute(
                    select(REGISTRY_ANSWERS).where(
                        tuple_(REGISTRY_ANSWERS.c.inn, REGISTRY_ANSWERS.c.kpp).in_(chunk)
                    )
                ).all()
                for row in rows:
                    answer = CachedAnswer(row.inn, row.kpp, json.loads(row.suggestions),
                                          row.asked_at)  # fmt: skip
                    found[(row.inn, row.kpp)] = answer
        return found

    def put(
        self, key: Key, suggestions: Sequence[Mapping[str, Any]], asked_at: dt.datetime
    ) -> None:
        """Keep (or replace) the answer of `key`."""
        text = json.dumps(list(suggestions), ensure_ascii=False)
        with self._db.writing() as connection:
            connection.execute(
                delete(REGISTRY_ANSWERS).where(
                    REGISTRY_ANSWERS.c.inn == key[0], REGISTRY_ANSWERS.c.kpp == key[1]
                )
            )
            connection.execute(
                insert(REGISTRY_ANSWERS),
                {"inn": key[0], "kpp": key[1], "suggestions": text, "asked_at": asked_at},
            )


def fetched_orders(db: Database, fetch_id: int) -> list[Order]:
    """The orders a fetch brought new or changed (their revisions of that fetch): what the
    registry check after a fetch looks at."""
    with db.reading() as connection:
        payloads = connection.execute(
            select(REVISIONS.c.payload).where(REVISIONS.c.fetch_id == fetch_id)
        ).scalars()
        return [order_from_payload(payload) for payload in payloads]
