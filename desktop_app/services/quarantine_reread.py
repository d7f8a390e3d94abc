"""Reading again the documents an older reader put aside, from their stored bytes.

The portal confirmed those documents long ago and will not send them again unless they are
edited on the site (see `commerceml_stored`), so the app's copy is the only one. Each start
of the app and each fetch call `reread_quarantined`: a document that the current reader
reads becomes a normal order (stored by the same idempotent upsert as a fetch, under the
fetch that brought it) and leaves the quarantine; one it still cannot read keeps its place
in the queue with today's reason. Only documents put aside by an older reader are read, so
a start with nothing new to read costs one small query and writes nothing.

A crash between storing the order and clearing the quarantine leaves both; the next call
reads the document again, the store finds the order unchanged and the quarantine is cleared.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy.exc import SQLAlchemyError

from desktop_app.adapters.portal import commerceml_stored as stored
from desktop_app.adapters.portal.commerceml_reader import ReadOrder
from desktop_app.store.database import Database
from desktop_app.store.incoming import IncomingOrder
from desktop_app.store.order_repository import OrderRepository
from desktop_app.store.queue_unread import UnreadDocuments

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class RereadReport:
    read: int = 0
    """Documents that became orders."""
    still_unread: int = 0
    not_orders: int = 0
    """Documents that turned out to be no order (a payment, a shipment): dropped."""


def reread_quarantined(database: Database) -> RereadReport:
    """Read again every shown document put aside by a reader older than today's."""
    version = stored.READER_VERSION
    unread = UnreadDocuments(database)
    orders = OrderRepository(database)
    read = still = not_orders = 0
    for document in unread.older_than(version):
        item = stored.read_stored_document(
            document.source, document.source_encoding, document.document_index
        )
        if isinstance(item, ReadOrder):
            incoming = IncomingOrder(
                item.order, document.document_index, document.source, document.source_encoding
            )
            orders.store_batch(document.fetch_id, [incoming])
            unread.read_at_last(document.id)
            read += 1
        elif item is None:
            unread.read_at_last(document.id)
            not_orders += 1
        else:
            number = stored.document_number(document.source, document.source_encoding)
            unread.still_unread(document.id, version, item.code, item.message, number)
            still += 1
    if read or still or not_orders:
        log.info(
            "documents put aside read again: %d became orders, %d still unread, %d not orders",
            read, still, not_orders,
        )  # fmt: skip
    return RereadReport(read, still, not_orders)


def reread_at_start(database: Database) -> RereadReport | None:
    """`reread_quarantined` where a failure must not stop the start (a read-only folder, a
    locked database): the documents stay in the queue as they are; None then."""
    try:
        return reread_quarantined(database)
    except SQLAlchemyError as error:
        log.warning("documents put aside were not read again: %s", error)
        return None
