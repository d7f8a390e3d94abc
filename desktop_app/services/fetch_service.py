"""One exchange with the portal: download, store, and only then confirm.

The order of the steps is the whole point (GUIDE §3):
1. checkauth, query — as 1C loads orders, without `init` (it would wipe 1C's pending
   upload) and without `sessid` until the site asks for it (see exchange_client.py); in
   peek mode without checkauth too, which would make 1C's exchange running on its page at
   that moment fail its `success` (the query logs in by itself); the
   answer is written to a file in the data folder and stored once it is in
   (`answer_intake`);
2. storing is batch by batch (each batch one transaction) and an idempotent upsert by the
   portal's `Ид`, so a repeat is harmless (`answer_store`);
3. only when every batch is committed, and the last answer was complete, and the portal
   page is the app's own, `success` is sent — once, at the end — so the portal's cursor
   never passes an order the store has not committed. A crash anywhere before that just
   means the next fetch gets the same orders again, and they come out "unchanged".

A query is repeated while it brings orders this fetch has not stored yet (by Ид and
version), in the same portal session, whose cursor goes on after the last order it exported:
- after an answer PHP cut short (it died: max_execution_time, memory), the next query brings
  the rest — a new session would start over and die at the same order again;
- after a whole answer, one more query, a second later, must bring nothing: the committed
  second then holds no order the store lacks. The newer core's exchange log is site-wide
  and skips, at the bound second, every order any query exported (export.php,
  `getLastOrderExported`), so an order of that second exported by a query whose answer
  was lost would otherwise be skipped for good — this is why `success` is not sent after
  each round. A portal that serves its last order again in every query (older cores:
  `>=DATE_UPDATE` without the log) ends the fetch at that query too.
An answer cut by the connection is asked again in a new session (the old one's cursor has
passed orders that never arrived), which starts at the committed time; when PHP kills that
one too, the new session is continued even though its first answer brought nothing new.
What no query can repair while PHP's limit stands is an answer lost while continuing a
killed export: its orders are logged at the second the new session's continuation starts
from, and a session starting earlier dies before them (`fetch_rounds.unreachable`). They
are named, and `success` waits for them (`_hold`): it would commit that second, and the next
order saved on the site would move the cursor past them for good. Left uncommitted, a fetch
from the old cursor brings them once the limit is raised or the log is pruned.

What the fetch notices about the page — the site demanded the sessid, `success` was
refused because another client logged in on the page, orders that never came — is said in
the report's words and kept for `check portal` (`page_notes`).
"""

from __future__ import annotations

import datetime as dt
import logging
import shutil
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from desktop_app.adapters.portal.commerceml_reader import CommerceMLReader, ReadItem
from desktop_app.adapters.portal.exchange_client import ExchangeClient
from desktop_app.adapters.portal.exchange_errors import (
    FetchCancelledError,
    PortalConfirmationRefusedError,
    PortalError,
)
from desktop_app.services import fetch_rounds, page_warnings
from desktop_app.services.answer_intake import receive_answer
from desktop_app.services.answer_store import AnswerTally, store_answer
from desktop_app.services.connections import for_portal
from desktop_app.services.fetch_lock import single_fetch
from desktop_app.services.page_notes import load_notes, observe, save_notes
from desktop_app.services.quarantine_reread import reread_quarantined
from desktop_app.services.settings import PortalMode, PortalSettings
from desktop_app.store.database import Database
from desktop_app.store.errors import DISK_ERRNOS, data_folder_error
from desktop_app.store.order_repository import OrderRepository
from desktop_app.wording.registry import said_text
from desktop_app.wording.said import Said

log = logging.getLogger(__name__)
MAX_ROUNDS = 20
"""Queries per fetch at most, a safety net: the next query is asked only while the last one
brought orders new to this fetch, which ends a fetch of a handful of orders within three."""


HOLD = dt.timedelta(days=3)
"""How long `success` waits for orders a lost continuation answer took with it (`_hold`)."""


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
    queries: int = 0
    sessid_asked: bool = False
    """The site refused a request for want of sessid (secure mode); it was sent after that."""
    warnings: tuple[Said, ...] = field(default_factory=tuple)
    """About the exchange page: another client confirming on it, orders that never came."""

    @property
    def stored(self) -> int:
        return self.new + self.changed + self.unchanged


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

    `work_dir` is the scratch folder inside the data folder (`app_dirs.work_dir`); the page
    notes are kept beside it, in the data folder itself. One fetch per data folder at a
    time: another one running raises `FetchRunningError` before anything is touched.
    """
    try:
        with single_fetch(work_dir.parent):
            return _fetch_orders(
                settings, password, database, work_dir, progress=progress, cancel=cancel
            )
    except OSError as error:  # the answer's file in work/: a full or read-only disk
        if error.errno not in DISK_ERRNOS:
            raise
        log.warning("fetch: the data folder refused a write: %s", error)
        shutil.rmtree(work_dir, ignore_errors=True)
        raise data_folder_error(
            error, work_dir.parent, "ответ портала (заказы не получены, порталу не подтверждено)"
        ) from error


def _fetch_orders(
    settings: PortalSettings,
    password: str,
    database: Database,
    work_dir: Path,
    *,
    progress: Progress | None,
    cancel: threading.Event | None,
) -> FetchReport:
    repository = OrderRepository(database)
    repository.abandon_unfinished_fetches()
    fetch_id = repository.start_fetch(settings.url, settings.mode.value)
    shutil.rmtree(work_dir, ignore_errors=True)  # leftovers of a run that was killed
    report = progress or (lambda *_: None)
    own_page = settings.mode is PortalMode.OWN_PAGE
    rounds: list[AnswerTally] = []
    received = 0
    refused = False
    php_died = False
    client = ExchangeClient(for_portal(settings, password))
    try:
        with client:
            report(FetchStage.CONNECTING, 0, None)
            if own_page:
                client.checkauth()  # success needs this client to be the page's session
            else:
                client.sign_in_on_each_request()  # peek: leave 1C's export session alone
            seen: set[str] = set()
            started = 0.0
            moved = False  # this portal session's cursor went past an order already
            restarted = False  # this round is the first of a session begun after a cut
            lost_after: set[int] = set()
            killed_since = False  # PHP killed an export after an answer was lost
            for _round in range(MAX_ROUNDS):
                if cancel is not None and cancel.is_set():
                    raise FetchCancelledError(  # before the query: the site logs what it sends
                        "Получение заказов отменено; подтверждение не отправлено."
                    )
                if rounds and rounds[-1].complete:
                    fetch_rounds.close_the_second(started)
                started = time.monotonic()
                tally = AnswerTally()
                stored_before = sum(len(t.outcomes) for t in rounds)

                sink = _RoundSink(repository, fetch_id, tally, report, stored_before, cancel)
                answer = receive_answer(
                    client,
                    work_dir,
                    sink,
                    downloaded=lambda done, size: report(FetchStage.DOWNLOADING, done, size),
                    cancel=cancel,
                )
                received += answer.bytes
                php_died = php_died or answer.php_died
                if answer.reasked and moved:  # a continuation's answer was lost
                    _lost_after(rounds, lost_after)
                killed_since = killed_since or (answer.php_died and bool(lost_after))
                rounds.append(tally)
                repository.finish_fetch(
                    fetch_id, "stored", counts=fetch_rounds.counts(rounds), answer_bytes=received
                )
                fresh = tally.fresh(seen)
                seen |= tally.received()
                new_session = restarted or answer.reasked
                moved_before = moved and not answer.reasked
                moved = moved_before or tally.documents > 0
                restarted = False
                if not fresh and not (new_session and answer.php_died):
                    break  # nothing new: the boundary second is all stored (or no progress)
                if not tally.complete and not answer.php_died:
                    if moved_before:  # the cut answer was a continuation
                        _lost_after(rounds[:-1], lost_after)
                    client.relogin()  # cut by the connection: the session would skip the rest
                    moved, restarted = False, True
            # Without a kill since, the new session's queries served all the lost one had.
            unreachable = fetch_rounds.unreachable(rounds, lost_after if killed_since else set())
            held = _hold(settings.url, work_dir.parent, rounds, unreachable)
            if own_page and rounds[-1].complete and not held:
                report(FetchStage.CONFIRMING, 0, None)
                try:
                    client.success()
                except PortalConfirmationRefusedError as error:
                    log.warning("fetch %s: %s", fetch_id, error.message)
                    refused = True
                else:
                    repository.finish_fetch(fetch_id, "confirmed")
    except (PortalError, FetchCancelledError) as error:
        repository.finish_fetch(fetch_id, "failed", error=str(error))
        _remember(settings.url, work_dir.parent, rounds, client.sessid_asked, refused, php_died)
        raise
    finally:
        shutil.rmtree(work_dir, ignore_errors=True)
    missing = _remember(
        settings.url, work_dir.parent, rounds, client.sessid_asked, refused, php_died, unreachable
    )
    reread_quarantined(database)  # what an older reader put aside, read by today's
    warnings = [page_warnings.refused_words()] if refused else []
    outstanding = load_notes(work_dir.parent, settings.url).unreachable
    if outstanding:
        warnings.append(page_warnings.unreachable_words(outstanding, held=held))
    if missing:
        warnings.append(page_warnings.missing_words(missing))
    for warning in warnings:
        log.warning("fetch %s: %s", fetch_id, said_text(warning))
    counts = fetch_rounds.counts(rounds)
    complete = rounds[-1].complete  # a cut answer was continued by the next query
    result = FetchReport(
        fetch_id=fetch_id,
        new=counts.new,
        changed=counts.changed,
        unchanged=counts.unchanged,
        quarantined=counts.quarantined,
        received_bytes=received,
        confirmed=own_page and complete and not refused and not held,
        complete=complete,
        problems=fetch_rounds.problems_left(rounds),
        queries=len(rounds),
        sessid_asked=client.sessid_asked,
        warnings=tuple(warnings),
    )
    report(FetchStage.DONE, result.stored, result.stored)
    return result


def _remember(
    url: str,
    folder: Path,
    rounds: list[AnswerTally],
    sessid_asked: bool,
    refused: bool,
    php_died: bool,
    unreachable: tuple[int, ...] = (),
) -> tuple[int, ...]:
    """Update the page notes with this fetch; the orders it found missing."""
    received = set().union(*(t.received() for t in rounds)) if rounds else set()
    notes, missing = observe(
        load_notes(folder, url),
        received=received,
        sessid_asked=sessid_asked,
        refused=refused,
        now=dt.datetime.now(dt.UTC),
        exchange_log=fetch_rounds.exchange_log_seen(rounds),
        php_died=php_died,
        unreachable=unreachable,
    )
    try:
        save_notes(folder, notes)
    except OSError as error:
        log.warning("the page notes could not be written: %s", error)
    return missing


def _lost_after(rounds: list[AnswerTally], lost_after: set[int]) -> None:
    """Remember after which order a lost continuation answer went on."""
    last = fetch_rounds.last_order(rounds[-1]) if rounds else None
    if last is not None:
        lost_after.add(last)


def _hold(url: str, folder: Path, rounds: list[AnswerTally], unreachable: tuple[int, ...]) -> bool:
    """Whether `success` must wait: orders a lost continuation took with it have not come yet.

    `success` would commit the second they were saved in, and the next order saved on the
    site moves the page's cursor past it for good; left uncommitted, a fetch from the old
    cursor brings them once PHP's limit is lifted, or once the site prunes its exchange log
    (`ManagerExport::deleteLoggingDate`, a day or two). After `HOLD` the fetch confirms
    again (they may have been deleted or loaded by 1C), still naming them.
    """
    if unreachable:
        return True
    notes = load_notes(folder, url)
    if not {str(n) for n in notes.unreachable} - fetch_rounds.orders_received(rounds):
        return False
    since = notes.unreachable_at
    return since is None or dt.datetime.now(dt.UTC) - since < HOLD


@dataclass
class _RoundSink:
    """Stores what one query brought (`answer_intake.Store`), counting it in `tally`."""

    repository: OrderRepository
    fetch_id: int
    tally: AnswerTally
    report: Progress
    stored_before: int
    cancel: threading.Event | None

    def _stored(self, count: int) -> None:
        self.report(FetchStage.STORING, self.stored_before + count, None)

    def __call__(self, reader: CommerceMLReader, items: Iterable[ReadItem]) -> None:
        store_answer(
            self.repository, self.fetch_id, reader, items, self.tally,
            stored=self._stored, cancel=self.cancel,
        )  # fmt: skip
