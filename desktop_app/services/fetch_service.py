"""One exchange with the portal: download, store, and only then confirm.

The order of the steps is the whole point (GUIDE §3):
1. checkauth, init, query — the answer is written to a file in the data folder and stored
   while it downloads (`answer_intake`);
2. storing is batch by batch (each batch one transaction) and an idempotent upsert by the
   portal's `Ид`, so a repeat is harmless (`answer_store`);
3. only when every batch is committed, and the answer was complete, and the portal page is
   the app's own, `success` is sent — the portal's cursor never passes an order the store
   has not committed. A crash anywhere before that just means the next fetch gets the same
   orders again, and they come out "unchanged".
"""

from __future__ import annotations

import logging
import shutil
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from desktop_app.adapters.portal.commerceml_reader import CommerceMLReader
from desktop_app.adapters.portal.exchange_client import ExchangeClient, PortalConnection
from desktop_app.adapters.portal.exchange_errors import FetchCancelledError, PortalError
from desktop_app.services.answer_intake import receive_answer
from desktop_app.services.answer_store import AnswerTally, SourceBytes, store_answer, store_chunks
from desktop_app.services.prepared_chunks import Chunk, Ending
from desktop_app.services.settings import PortalMode, PortalSettings
from desktop_app.store.database import Database
from desktop_app.store.order_repository import FetchCounts, OrderRepository, UpsertOutcome

log = logging.getLogger(__name__)
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
    rounds: list[AnswerTally] = []
    received = 0
    try:
        with ExchangeClient(connection_for(settings, password)) as client:
            report(FetchStage.CONNECTING, 0, None)
            client.checkauth()
            client.init()
            for _round in range(MAX_ROUNDS):
                tally = AnswerTally()
                stored_before = sum(len(t.outcomes) for t in rounds)

                sink = _RoundSink(repository, fetch_id, tally, report, stored_before, cancel)
                received += receive_answer(
                    client,
                    work_dir,
                    sink,
                    downloaded=lambda done, size: report(FetchStage.DOWNLOADING, done, size),
                    cancel=cancel,
                )
                rounds.append(tally)
                repository.finish_fetch(
                    fetch_id, "stored", counts=_counts(rounds), answer_bytes=received
                )
                if not tally.complete:
                    break
                if own_page:
                    report(FetchStage.CONFIRMING, 0, None)
                    client.success()
                    repository.finish_fetch(fetch_id, "confirmed")
                if tally.documents == 0:
                    break
        counts = _counts(rounds)
        complete = all(t.complete for t in rounds)
        result = FetchReport(
            fetch_id=fetch_id,
            new=counts.new,
            changed=counts.changed,
            unchanged=counts.unchanged,
            quarantined=counts.quarantined,
            received_bytes=received,
            confirmed=own_page and complete,
            complete=complete,
            problems=tuple(p for t in rounds for p in t.problems),
        )
        report(FetchStage.DONE, result.stored, result.stored)
        return result
    except (PortalError, FetchCancelledError) as error:
        repository.finish_fetch(fetch_id, "failed", error=str(error))
        raise
    finally:
        shutil.rmtree(work_dir, ignore_errors=True)


@dataclass
class _RoundSink:
    """Stores one query's answer, however it is read (see `answer_intake.AnswerSink`)."""

    repository: OrderRepository
    fetch_id: int
    tally: AnswerTally
    report: Progress
    stored_before: int
    cancel: threading.Event | None

    def _stored(self, count: int) -> None:
        self.report(FetchStage.STORING, self.stored_before + count, None)

    def from_reader(self, reader: CommerceMLReader, sources: SourceBytes) -> None:
        store_answer(
            self.repository, self.fetch_id, reader, sources, self.tally,
            stored=self._stored, cancel=self.cancel,
        )  # fmt: skip

    def from_chunks(self, parts: Iterator[Chunk | Ending]) -> None:
        store_chunks(
            self.repository, self.fetch_id, parts, self.tally,
            stored=self._stored, cancel=self.cancel,
        )  # fmt: skip


def _counts(rounds: list[AnswerTally]) -> FetchCounts:
    return FetchCounts(
        new=sum(t.count(UpsertOutcome.NEW) for t in rounds),
        changed=sum(t.count(UpsertOutcome.CHANGED) for t in rounds),
        unchanged=sum(t.count(UpsertOutcome.UNCHANGED) for t in rounds),
        quarantined=sum(t.quarantined for t in rounds),
    )
