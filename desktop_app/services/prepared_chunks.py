"""What worker processes send back when they read an answer in shares (`parallel_reading`).

Plain, picklable values: prepared rows (see `store.order_upsert.Prepared`) and quarantined
documents, in chunks of consecutive documents, then one `Ending` per worker.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop_app.store.order_repository import QuarantinedDocument
from desktop_app.store.order_upsert import Prepared


@dataclass(frozen=True, slots=True)
class Chunk:
    number: int
    orders: list[Prepared]
    quarantine: list[QuarantinedDocument]


@dataclass
class Ending:
    """What a worker reports when it has read the whole file."""

    file_problems: list[QuarantinedDocument] = field(default_factory=list)
