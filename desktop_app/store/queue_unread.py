"""The documents put aside that the queue shows as «не прочитан», and their re-reading.

A document the reader could not read is kept (`quarantined_documents`) with its bytes and
reason, and the portal is confirmed for the answer it came in: the site will not send it
again until someone edits the order there. So nothing may hide it: the queue lists every
such document until it is read — by a newer reader from its stored bytes (`reread` in
services), or because the portal sent the same order again and it was stored.

A row is shown when it is a document (not a problem outside any document), it is the
latest one kept for its Ид (peek mode brings the same broken document at every fetch), and
no revision of that Ид was stored after it.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass

from sqlalchemy import ColumnElement, and_, delete, exists, func, select, update
from sqlalchemy.orm import aliased

from desktop_app.store.database import Database
from desktop_app.store.models import ORDERS, QUARANTINED, REVISIONS, QuarantinedRecord
from desktop_app.store.queue_rows import UnreadRow

_LATER = aliased(QuarantinedRecord)


def _visible() -> ColumnElement[bool]:
    later_copy = exists().where(
        _LATER.portal_id == QUARANTINED.c.portal_id,
        _LATER.document_index.is_not(None),
        _LATER.id > QUARANTINED.c.id,
    )
    stored_after = exists().where(
        ORDERS.c.portal_id == QUARANTINED.c.portal_id,
        REVISIONS.c.order_id == ORDERS.c.id,
        REVISIONS.c.received_at > QUARANTINED.c.received_at,
    )
    return and_(QUARANTINED.c.document_index.is_not(None), ~later_copy, ~stored_after)


@dataclass(frozen=True, slots=True)
class StoredDocument:
    """What re-reading needs of a document put aside: where it came from and its bytes."""

    id: int
    fetch_id: int
    document_index: int
    source: bytes
    source_encoding: str | None


class UnreadDocuments:
    """Reads and the few writes of the documents put aside; each method one transaction."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def rows(self, search: str | None = None) -> list[UnreadRow]:
        """Every document shown as «не прочитан», oldest first; `search` words must all be
        in its number, Ид or reason (there are few of them: filtered here, not in SQL)."""
        query = (
            select(QUARANTINED, QUARANTINED.c.source_document.is_not(None).label("has_source"))
            .where(_visible())
            .order_by(QUARANTINED.c.id)
        )
        with self._db.reading() as connection:
            found = connection.execute(query).all()
        rows = [
            UnreadRow(
                id=row.id,
                fetch_id=row.fetch_id,
                document_index=row.document_index,
                portal_id=row.portal_id,
                number=row.number,
                code=row.code,
                message=row.message,
                received_at=row.received_at,
                reader_version=row.reader_version,
                has_source=bool(row.has_source),
            )
            for row in found
        ]
        words = (search or "").casefold().split()
        return [row for row in rows if all(word in _haystack(row) for word in words)]

    def count(self) -> int:
        query = select(func.count()).select_from(QUARANTINED).where(_visible())
        with self._db.reading() as connection:
            return int(connection.execute(query).scalar_one())

    def source(self, unread_id: int) -> tuple[bytes, str | None] | None:
        """The exact bytes kept of the document and their encoding; None when not kept."""
        query = select(QUARANTINED.c.source_document, QUARANTINED.c.source_encoding).where(
            QUARANTINED.c.id == unread_id
        )
        with self._db.reading() as connection:
            row = connection.execute(query).first()
        if row is None or row.source_document is None:
            return None
        return zlib.decompress(row.source_document), row.source_encoding

    def older_than(self, version: int) -> list[StoredDocument]:
        """The shown documents an older reader put aside, with bytes to read them again."""
        query = select(
            QUARANTINED.c.id,
            QUARANTINED.c.fetch_id,
            QUARANTINED.c.document_index,
            QUARANTINED.c.source_document,
            QUARANTINED.c.source_encoding,
        ).where(
            _visible(),
            QUARANTINED.c.reader_version < version,
            QUARANTINED.c.source_document.is_not(None),
        )
        with self._db.reading() as connection:
            found = connection.execute(query.order_by(QUARANTINED.c.id)).all()
        return [
            StoredDocument(
                row.id,
                row.fetch_id,
                row.document_index,
                zlib.decompress(row.source_document),
                row.source_encoding,
            )
            for row in found
        ]

    def read_at_last(self, unread_id: int) -> None:
        """The document was read and stored as an order: it leaves the quarantine, and so do
        the older copies of the same Ид (else the next older one would show instead)."""
        with self._db.writing() as connection:
            portal_id = connection.execute(
                select(QUARANTINED.c.portal_id).where(QUARANTINED.c.id == unread_id)
            ).scalar_one_or_none()
            same = QUARANTINED.c.id == unread_id
            if portal_id is not None:
                same = same | and_(
                    QUARANTINED.c.portal_id == portal_id, QUARANTINED.c.id < unread_id
                )
            connection.execute(delete(QUARANTINED).where(same))

    def still_unread(
        self, unread_id: int, version: int, code: str, message: str, number: str | None
    ) -> None:
        """The newer reader could not read it either: its reason, and who tried last."""
        values: dict[str, object] = {"reader_version": version, "code": code, "message": message}
        if number is not None:
            values["number"] = number
        with self._db.writing() as connection:
            connection.execute(
                update(QUARANTINED).where(QUARANTINED.c.id == unread_id).values(values)
            )


def _haystack(row: UnreadRow) -> str:
    return " ".join(p for p in (row.number, row.portal_id, row.message) if p).casefold()
