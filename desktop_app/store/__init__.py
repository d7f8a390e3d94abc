"""The local store: SQLAlchemy models, repositories, Alembic migrations.

`Database.open(data_dir)` opens (creating or migrating) ``order-review.sqlite3``;
`OrderRepository` is the write side the fetch service uses, `QueueRepository` the read side
the GUI and the CLI use; `DirectoryRepository` keeps the local copy of the 1C directory.
Only the domain is imported from here (GUIDE §2).
"""

from desktop_app.store.database import DATABASE_FILE_NAME, Database
from desktop_app.store.directory_repository import DirectoryRepository
from desktop_app.store.directory_rows import DirectoryKind, RefreshRow, RefreshStatus
from desktop_app.store.errors import DatabaseTooNewError, StoreError
from desktop_app.store.incoming import (
    FetchCounts,
    IncomingOrder,
    QuarantinedDocument,
    UpsertOutcome,
)
from desktop_app.store.order_repository import OrderRepository
from desktop_app.store.queue_repository import QueueRepository
from desktop_app.store.queue_rows import FetchRow, QuarantineRow, QueueRow, RevisionRow
from desktop_app.store.review_state import FetchStatus, ReviewState

__all__ = [
    "DATABASE_FILE_NAME",
    "Database",
    "DatabaseTooNewError",
    "DirectoryKind",
    "DirectoryRepository",
    "FetchCounts",
    "FetchRow",
    "FetchStatus",
    "IncomingOrder",
    "OrderRepository",
    "QuarantineRow",
    "QuarantinedDocument",
    "QueueRepository",
    "QueueRow",
    "RefreshRow",
    "RefreshStatus",
    "ReviewState",
    "RevisionRow",
    "StoreError",
    "UpsertOutcome",
]
