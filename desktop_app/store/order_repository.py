"""The write side of the store, as the fetch service drives it.

A fetch may bring 25,000 orders, read as a stream; the service stores them in batches and the
memory used must stay flat in the number of orders. So each batch is a handful of Core
statements (`order_upsert`) in ONE transaction, and no ORM object is ever created. Orders are
upserts by the portal `Ид` (GUIDE §3): the portal re-exports an order on every edit, and an
answer that was stored but not confirmed is sent again, so storing the same batch twice must
change nothing the second time.

Within a batch the work is deterministic: orders are handled in the order of their last
occurrence in the batch, and an `Ид` that occurs twice is stored once, from its later copy
(the portal exports an order twice in one answer when it is edited during the export).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, insert, select, update

from desktop_app.domain.portal_mode import PortalMode
from desktop_app.store.column_types import utc_now
from desktop_app.store.database import Database
from desktop_app.store.incoming import (
    FetchCounts,
    IncomingOrder,
    QuarantinedDocument,
    UpsertOutcome,
)
from desktop_app.store.models import FETCHES, QUARANTINED
from desktop_app.store.order_columns import is_older_version
from desktop_app.store.order_upsert import (
    BatchWriter,
    Known,
    Prepared,
    adopt_onec_orders,
    compress,
    known_orders,
)
from desktop_app.store.review_state import FetchStatus

__all__ = [
    "FetchCounts",
    "IncomingOrder",
    "OrderRepository",
    "QuarantinedDocument",
    "UpsertOutcome",
]

ABANDONED = "Получение прервано: программа была закрыта или упала до его завершения."
_UNFINISHED = (FetchStatus.STARTED.value, FetchStatus.DOWNLOADED.value)


class OrderRepository:
    """Records fetches and stores the orders they bring, batch by batch."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def start_fetch(self, portal_url: str, mode: PortalMode | str) -> int:
        """Record the start of a fetch; returns its id for the calls that follow."""
        values = {
            "started_at": utc_now(),
            "portal_url": portal_url,
            "page_mode": PortalMode(mode).value,
            "status": FetchStatus.STARTED.value,
        }
        with self._db.writing() as connection:
            key = connection.execute(insert(FETCHES), values).inserted_primary_key
            assert key is not None
            return int(key[0])

    def finish_fetch(
        self,
        fetch_id: int,
        status: FetchStatus | str,
        *,
        counts: FetchCounts | None = None,
        answer_bytes: int | None = None,
        error: str | None = None,
    ) -> None:
        """Record how far a fetch got; a final status (stored, confirmed, failed) ends it."""
        checked = FetchStatus(status)
        values: dict[str, Any] = {"status": checked.value}
        if checked.is_final:
            values["finished_at"] = utc_now()
        if counts is not None:
            values |= {
                "new_count": counts.new,
                "changed_count": counts.changed,
                "unchanged_count": counts.unchanged,
                "quarantined_count": counts.quarantined,
            }
        if answer_bytes is not None:
            values["answer_bytes"] = answer_bytes
        if error is not None:
            values["error"] = error
        with self._db.writing() as connection:
            result = connection.execute(
                update(FETCHES).where(FETCHES.c.id == fetch_id).values(values)
            )
            if result.rowcount != 1:
                raise ValueError(f"no fetch with id {fetch_id}")

    def abandon_unfinished_fetches(self) -> int:
        """Mark as failed the fetches a killed run left started or downloaded; how many.

        Call it before starting a fetch. Orders such a run stored are kept (each batch was
        committed); only the fetch record learns that it never finished. A fetch another
        process is running at that moment would be marked too, and its own `finish_fetch`
        then sets the real status again.
        """
        with self._db.writing() as connection:
            result = connection.execute(
                update(FETCHES)
                .where(FETCHES.c.status.in_(_UNFINISHED))
                .values(status=FetchStatus.FAILED.value, finished_at=utc_now(), error=ABANDONED)
            )
            return int(result.rowcount)

    def store_quarantined(self, fetch_id: int, items: Sequence[QuarantinedDocument]) -> None:
        """Keep the documents that could not be read, with their reason and bytes."""
        if not items:
            return
        now = utc_now()
        rows = [
            {
                "fetch_id": fetch_id,
                "document_index": item.document_index,
                "portal_id": item.portal_id,
                "line": item.line,
                "column": item.column,
                "code": item.code,
                "message": item.message,
                "source_document": compress(item.source),
                "source_encoding": item.source_encoding,
                "received_at": now,
                "number": item.number,
                "reader_version": item.reader_version,
            }
            for item in items
        ]
        with self._db.writing() as connection:
            _require_fetch(connection, fetch_id)
            connection.execute(insert(QUARANTINED), rows)

    def store_batch(self, fetch_id: int, batch: Sequence[IncomingOrder]) -> list[UpsertOutcome]:
        """Upsert a batch of orders in one transaction; one outcome per item, in order.

        NEW: stored with revision 1. CHANGED: a new revision, the order row updated.
        UNCHANGED: the same content again, an older `НомерВерсии` than the stored one, or an
        earlier copy of an `Ид` that the batch holds again later (only the later is stored),
        so the outcomes add up to the documents while NEW + CHANGED count distinct orders.
        """
        return self.store_prepared(fetch_id, [Prepared.of(item) for item in batch])

    def store_prepared(self, fetch_id: int, prepared: Sequence[Prepared]) -> list[UpsertOutcome]:
        """`store_batch` for orders whose rows were prepared already (maybe elsewhere)."""
        outcomes = [UpsertOutcome.UNCHANGED] * len(prepared)
        if not prepared:
            return outcomes
        last_copy = {p.portal_id: index for index, p in enumerate(prepared)}
        winners = sorted(last_copy.values())
        with self._db.writing() as connection:
            _require_fetch(connection, fetch_id)
            adopt_onec_orders(connection, [prepared[i] for i in winners])
            known = known_orders(connection, [prepared[i].portal_id for i in winners])
            fresh: list[Prepared] = []
            changed: list[tuple[Prepared, Known]] = []
            seen_again: list[int] = []
            for index in winners:
                current = prepared[index]
                record = known.get(current.portal_id)
                if record is None:
                    fresh.append(current)
                    outcomes[index] = UpsertOutcome.NEW
                elif record.content_hash == current.content_hash or is_older_version(
                    current.version, record.version
                ):
                    seen_again.append(record.id)
                else:
                    changed.append((current, record))
                    outcomes[index] = UpsertOutcome.CHANGED
            writer = BatchWriter(connection, fetch_id)
            writer.insert_new(fresh)
            writer.update_changed(changed)
            writer.mark_seen(seen_again)
        return outcomes


def _require_fetch(connection: Connection, fetch_id: int) -> None:
    found = connection.execute(select(FETCHES.c.id).where(FETCHES.c.id == fetch_id)).first()
    if found is None:
        raise ValueError(f"no fetch with id {fetch_id}: call start_fetch first")
