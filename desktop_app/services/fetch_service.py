"""One exchange round with the portal: download, store, and only then confirm.

The order of the steps is the whole point (GUIDE §3):
1. checkauth, init, query — the answer is streamed to a file in the data folder;
2. the file is read document by document and stored in batches (each batch one transaction;
   storing is an idempotent upsert by the portal's `Ид`, so a repeat is harmless);
3. only when every batch is committed, and the answer was complete, and the portal page is
   the app's own, `success` is sent — the portal's cursor never passes an order the store
   has not committed. A crash anywhere before that just means the next round gets the same
   orders again, and they come out "unchanged".
"""

from __future__ import annotations

import logging
import shutil
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import BinaryIO

from desktop_app.adapters.portal.commerceml_reader import (
    NotCommerceMLError,
    ReadOrder,
    ReadProblem,
    read_commerceml,
)
from desktop_app.adapters.portal.commerceml_spans import Span, file_spans, read_span
from desktop_app.adapters.portal.exchange_client import ExchangeClient, PortalConnection
from desktop_app.adapters.portal.exchange_errors import (
    FetchCancelledError,
    PortalEmptyAnswerError,
    PortalError,
    PortalPageError,
)
from desktop_app.services.settings import PortalMode, PortalSettings
from desktop_app.store.database import Database
from desktop_app.store.order_repository import (
    FetchCounts,
    IncomingOrder,
    OrderRepository,
    QuarantinedDocument,
    UpsertOutcome,
)

log = logging.getLogger(__name__)
BATCH_SIZE = 500
MAX_ROUNDS = 100
"""Queries per fetch at most; each must bring something for the next one to be asked."""


class FetchStage(StrEnum):
    CONNECTING = "connecting"
    DOWNLOADING = "downloading"
    STORING = "storing"
    CONFIRMING = "confirming"
    DONE = "done"


Progress = Callable[[FetchStage, int, int | None], None]
"""(stage, done, total or None): bytes while downloading, orders while storing."""


@dataclass(frozen=True, slots=True)
class FetchReport:
    fetch_id: int
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    quarantined: int = 0
    received_bytes: int = 0
    confirmed: bool = False
    complete: bool = True
    """False when the answer was cut off: then nothing was confirmed to the portal."""
    problems: tuple[str, ...] = field(default_factory=tuple)

    @property
    def stored(self) -> int:
        return self.new + self.changed + self.unchanged


def connection_for(settings: PortalSettings, password: str) -> PortalConnection:
    return PortalConnection(
        url=settings.url,
        user=settings.user,
        password=password,
        ca_bundle=Path(settings.ca_bundle) if settings.ca_bundle else None,
        connect_timeout=settings.connect_timeout,
        read_timeout=settings.read_timeout,
        retries=settings.retries,
    )


def fetch_orders(
    settings: PortalSettings,
    password: str,
    database: Database,
    work_dir: Path,
    *,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> FetchReport:
    """Run one exchange; raises `PortalError` (or `FetchCancelledError`) when it failed.

    A portal may cut one query short (Bitrix stops after its INTERVAL, 30 s by default), so
    queries repeat in the same session until one brings no documents: in own-page mode each
    is confirmed before the next; in peek mode the session itself remembers where it stopped.
    """
    repository = OrderRepository(database)
    repository.abandon_unfinished_fetches()
    fetch_id = repository.start_fetch(settings.url, settings.mode.value)
    shutil.rmtree(work_dir, ignore_errors=True)  # leftovers of a run that was killed
    report = progress or (lambda *_: None)
    own_page = settings.mode is PortalMode.OWN_PAGE
    total = _Counts()
    received = 0
    try:
        with ExchangeClient(connection_for(settings, password)) as client:
            report(FetchStage.CONNECTING, 0, None)
            client.checkauth()
            client.init()
            for _round in range(MAX_ROUNDS):
                answer = client.query(
                    work_dir,
                    progress=lambda done, size: report(FetchStage.DOWNLOADING, done, size),
                    cancel=cancel,
                )
                received += answer.received_bytes
                repository.finish_fetch(fetch_id, "downloaded", answer_bytes=received)
                counts = _store_answer(
                    repository, fetch_id, answer.path, answer.charset, report, cancel, total
                )
                repository.finish_fetch(fetch_id, "stored", counts=total.as_store_counts())
                if not counts.complete:
                    break
                if own_page:
                    report(FetchStage.CONFIRMING, 0, None)
                    client.success()
                    repository.finish_fetch(fetch_id, "confirmed")
                if counts.documents == 0:
                    break
        result = FetchReport(
            fetch_id=fetch_id,
            new=total.new,
            changed=total.changed,
            unchanged=total.unchanged,
            quarantined=total.quarantined,
            received_bytes=received,
            confirmed=own_page and total.complete,
            complete=total.complete,
            problems=tuple(total.problems),
        )
        report(FetchStage.DONE, result.stored, result.stored)
        return result
    except (PortalError, FetchCancelledError) as error:
        repository.finish_fetch(fetch_id, "failed", error=str(error))
        raise
    finally:
        shutil.rmtree(work_dir, ignore_errors=True)


@dataclass
class _Counts:
    """What one query answer (or, summed, a whole fetch) brought."""

    new: int = 0
    changed: int = 0
    unchanged: int = 0
    quarantined: int = 0
    complete: bool = True
    problems: list[str] = field(default_factory=list)

    @property
    def documents(self) -> int:
        return self.new + self.changed + self.unchanged + self.quarantined

    def add(self, other: _Counts) -> None:
        self.new += other.new
        self.changed += other.changed
        self.unchanged += other.unchanged
        self.quarantined += other.quarantined
        self.complete = self.complete and other.complete
        self.problems.extend(other.problems)

    def as_store_counts(self) -> FetchCounts:
        return FetchCounts(
            new=self.new,
            changed=self.changed,
            unchanged=self.unchanged,
            quarantined=self.quarantined,
        )


def _store_answer(
    repository: OrderRepository,
    fetch_id: int,
    path: Path,
    charset: str | None,
    report: Progress,
    cancel: threading.Event | None,
    total: _Counts,
) -> _Counts:
    """Store one answer in batches; its counts are also added to `total` as they come."""
    try:
        reader = read_commerceml(path, fallback_encoding=charset)
    except NotCommerceMLError as error:
        kind = PortalEmptyAnswerError if error.code == "empty" else PortalPageError
        raise kind(f"Ответ портала на запрос заказов не принят: {error.message}") from None
    counts = _Counts()
    encoding = reader.prolog.encoding
    spans = file_spans(path, encoding)
    with path.open("rb") as data:
        batch: list[IncomingOrder] = []
        quarantine: list[QuarantinedDocument] = []
        for item in reader:
            if cancel is not None and cancel.is_set():
                raise FetchCancelledError(
                    "Получение заказов отменено; подтверждение не отправлено."
                )
            if isinstance(item, ReadOrder):
                source = _source(data, spans, item.index)
                batch.append(IncomingOrder(item.order, item.index, source, encoding))
                if len(batch) >= BATCH_SIZE:
                    _flush(repository, fetch_id, batch, counts, total, report)
            elif isinstance(item, ReadProblem):
                counts.problems.append(item.message)
                counts.complete = counts.complete and item.code != "truncated"
                source = _source(data, spans, item.index) if item.index else None
                quarantine.append(_quarantined(item, source, encoding))
        _flush(repository, fetch_id, batch, counts, total, report)
    if quarantine:
        repository.store_quarantined(fetch_id, quarantine)
    counts.quarantined = sum(1 for q in quarantine if q.document_index is not None)
    total.quarantined += counts.quarantined
    total.complete = total.complete and counts.complete
    total.problems.extend(counts.problems)
    return counts


def _flush(
    repository: OrderRepository,
    fetch_id: int,
    batch: list[IncomingOrder],
    counts: _Counts,
    total: _Counts,
    report: Progress,
) -> None:
    if not batch:
        return
    for outcome in repository.store_batch(fetch_id, batch):
        for tally in (counts, total):
            if outcome is UpsertOutcome.NEW:
                tally.new += 1
            elif outcome is UpsertOutcome.CHANGED:
                tally.changed += 1
            else:
                tally.unchanged += 1
    batch.clear()
    report(FetchStage.STORING, total.new + total.changed + total.unchanged, None)


def _source(data: BinaryIO, spans: list[Span], index: int) -> bytes | None:
    """The exact bytes of document `index` as the portal sent them, when it can be found."""
    return read_span(data, spans[index - 1]) if 0 < index <= len(spans) else None


def _quarantined(problem: ReadProblem, source: bytes | None, encoding: str) -> QuarantinedDocument:
    return QuarantinedDocument(
        document_index=problem.index,
        portal_id=problem.document_id,
        line=problem.line,
        column=problem.column,
        code=problem.code,
        message=problem.message,
        source=source,
        source_encoding=encoding if source is not None else None,
    )
