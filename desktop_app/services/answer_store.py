"""Storing one portal answer: documents read → batches → the store, with their source bytes.

Each batch is one transaction, and storing is an idempotent upsert by the portal's `Ид`, so
an answer stored twice (after a download that had to start again) does no harm. The tally
keeps, per order, the strongest outcome seen (new over changed over unchanged), so that
storing the same orders twice still counts each order once and as what it really was.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import BinaryIO

from desktop_app.adapters.portal import commerceml_stored
from desktop_app.adapters.portal.commerceml_reader import (
    CommerceMLReader,
    ReadItem,
    ReadOrder,
    ReadProblem,
)
from desktop_app.adapters.portal.commerceml_spans import SpanTracker, read_span
from desktop_app.adapters.portal.exchange_errors import FetchCancelledError
from desktop_app.store.order_repository import (
    IncomingOrder,
    OrderRepository,
    QuarantinedDocument,
    UpsertOutcome,
)

BATCH_SIZE = 1000
"""Orders per transaction: each commit waits for the disk (fsync), so not too few."""
_STRENGTH = {UpsertOutcome.UNCHANGED: 0, UpsertOutcome.CHANGED: 1, UpsertOutcome.NEW: 2}


@dataclass
class AnswerTally:
    """What one query answer brought."""

    outcomes: dict[str, UpsertOutcome] = field(default_factory=dict)
    quarantined: int = 0
    quarantined_ids: set[str] = field(default_factory=set)
    """Ид of the documents put aside (they came, though they could not be read)."""
    complete: bool = True
    problems: list[str] = field(default_factory=list)

    def record(self, portal_id: str, outcome: UpsertOutcome) -> None:
        known = self.outcomes.get(portal_id)
        if known is None or _STRENGTH[outcome] > _STRENGTH[known]:
            self.outcomes[portal_id] = outcome

    def count(self, outcome: UpsertOutcome) -> int:
        return Counter(self.outcomes.values())[outcome]

    @property
    def documents(self) -> int:
        return len(self.outcomes) + self.quarantined

    def received(self) -> set[str]:
        """Ид of every document this answer brought, readable or not."""
        return set(self.outcomes) | self.quarantined_ids

    def fresh(self, seen: set[str]) -> set[str]:
        """Orders this answer brought that the fetch had not stored yet, by Ид and version.

        An Ид first seen in this fetch is fresh; one seen already is fresh only when its
        content differs from what the fetch stored (a new version: the store answered
        changed, not unchanged). A portal that re-serves its last order brings nothing fresh.
        """
        return {
            portal_id
            for portal_id, outcome in self.outcomes.items()
            if portal_id not in seen or outcome is not UpsertOutcome.UNCHANGED
        } | (self.quarantined_ids - seen)


class SourceBytes:
    """The exact bytes of each document, found by byte offsets in the answer file."""

    def __init__(self, handle: BinaryIO, spans: SpanTracker) -> None:
        self._handle = handle
        self._spans = spans

    def of(self, index: int | None) -> bytes | None:
        span = self._spans.span(index) if index else None
        return read_span(self._handle, span) if span is not None else None


def store_answer(
    repository: OrderRepository,
    fetch_id: int,
    reader: CommerceMLReader,
    items: Iterable[ReadItem],
    tally: AnswerTally,
    *,
    stored: Callable[[int], None],
    cancel: threading.Event | None = None,
) -> None:
    """Store the `items` of `reader` (all its documents, or only its orders) with their bytes.

    Problems are kept as quarantined. `tally.outcomes` grows as batches commit; quarantine,
    completeness and problems are set only when every item was stored (an interrupted read
    leaves them as they were).
    """
    encoding = reader.prolog.encoding
    batch: list[IncomingOrder] = []
    quarantine: list[QuarantinedDocument] = []
    problems: list[str] = []
    complete = True
    with reader.path.open("rb") as handle, reader.path.open("rb") as scan:
        sources = SourceBytes(handle, SpanTracker(scan, encoding))
        for item in items:
            if cancel is not None and cancel.is_set():
                raise FetchCancelledError(
                    "Получение заказов отменено; подтверждение не отправлено."
                )
            if isinstance(item, ReadOrder):
                batch.append(
                    IncomingOrder(item.order, item.index, sources.of(item.index), encoding)
                )
                if len(batch) >= BATCH_SIZE:
                    _flush(repository, fetch_id, batch, tally, stored)
            elif isinstance(item, ReadProblem):
                problems.append(item.message)
                complete = complete and item.code != "truncated"
                quarantine.append(quarantined(item, sources.of(item.index), encoding))
    _flush(repository, fetch_id, batch, tally, stored)
    if quarantine:
        repository.store_quarantined(fetch_id, quarantine)
    tally.quarantined = sum(1 for q in quarantine if q.document_index is not None)
    tally.quarantined_ids = {q.portal_id for q in quarantine if q.portal_id}
    tally.complete = complete
    tally.problems = problems


def _flush(
    repository: OrderRepository,
    fetch_id: int,
    batch: list[IncomingOrder],
    tally: AnswerTally,
    stored: Callable[[int], None],
) -> None:
    if not batch:
        return
    for item, outcome in zip(batch, repository.store_batch(fetch_id, batch), strict=True):
        tally.record(item.order.id, outcome)
    batch.clear()
    stored(len(tally.outcomes))


def quarantined(problem: ReadProblem, source: bytes | None, encoding: str) -> QuarantinedDocument:
    """A document put aside, with what it takes to show it and to read it again later."""
    return QuarantinedDocument(
        document_index=problem.index,
        portal_id=problem.document_id,
        line=problem.line,
        column=problem.column,
        code=problem.code,
        message=problem.message,
        source=source,
        source_encoding=encoding if source is not None else None,
        number=commerceml_stored.document_number(source, encoding),
        reader_version=commerceml_stored.READER_VERSION,
    )
