"""Receiving one query answer: downloaded to a file whole, then read and stored.

The answer is written to a file in the data folder (nothing depends on holding it in
memory, and a crash leaves evidence on disk), and only the finished file is read. One way of
reading serves every answer — small or large, zipped, broken or cut — and it keeps the speed
that counts: reading a finished file with one reader costs about what the download and a
bare parse cost together (tests/bench/bench_fetch.py).

- the answer is zipped, empty, or a text refusal (`failure`): judged on the whole file
  (`ExchangeClient.inspect`);
- the download broke off: it is repeated in a new portal session, with the client's retries;
  before each repeat the orders that came whole are stored (`_keep_what_came`), so an answer
  that breaks off again and again still leaves what it brought;
- the XML broke: the reader salvages the documents after the broken one from the file.

Orders stored before a repeat are stored again, harmlessly (an upsert), and counted once.
Nothing here sends `success`: that is the fetch service's decision, after this returns.

An answer that ends early without a transport error is either PHP dying part-way through the
export (memory, max_execution_time: the orders written so far, then PHP's own error text)
or a connection closed early on an answer that announced no length. Only the first is worth
continuing in the same portal session — that session's cursor stops right after the last
order PHP wrote, and PHP logs an order only after writing it whole; after the second, the
site has logged orders this client never read, and the same session would skip them.
`Received.php_died` says which it was, from the answer's last bytes.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from desktop_app.adapters.portal.commerceml_document import STORED_LINE_PROPERTIES
from desktop_app.adapters.portal.commerceml_reader import (
    CommerceMLReader,
    NotCommerceMLError,
    ReadItem,
)
from desktop_app.adapters.portal.exchange_client import RECOVERIES, ExchangeClient
from desktop_app.adapters.portal.exchange_errors import (
    FetchCancelledError,
    PortalEmptyAnswerError,
    PortalPageError,
    PortalRefusedError,
    PortalTruncatedError,
)
from desktop_app.adapters.portal.exchange_transport import RETRYABLE, DownloadedAnswer
from desktop_app.wording.said import Said

log = logging.getLogger(__name__)
PHP_FATAL_MARKS = (b"Fatal error</b>:", b"Fatal error:")
"""How PHP ends a page it died on, with display_errors on (HTML) or off-to-the-page (text)."""
TAIL_BYTES = 8 * 1024
CANCELLED = "Получение заказов отменено; подтверждение не отправлено."

Downloaded = Callable[[int, int | None], None]
Store = Callable[[CommerceMLReader, Iterable[ReadItem]], None]
"""Stores the items of a reader: all its documents, or only its orders (a cut download)."""


@dataclass(frozen=True, slots=True)
class Received:
    """What one query brought in: its size, and whether PHP died while exporting it."""

    bytes: int
    php_died: bool = False
    reasked: bool = False
    """The first answer broke off and this one came from a new portal session: what the
    lost one exported is logged on the site, and the old session's cursor has passed it."""


def receive_answer(
    client: ExchangeClient,
    folder: Path,
    store: Store,
    *,
    downloaded: Downloaded,
    cancel: threading.Event | None = None,
) -> Received:
    """Query once and pass the answer to `store`; what was received.

    Again when the portal refused the query for something the client can then supply: the
    sessid of a site in secure mode (sent from then on), or a login where logging in on the
    request itself did not get through (`ExchangeClient.recover`). A refused query exported
    nothing, so nothing was stored and nothing is skipped by asking again.
    """
    for attempt in range(RECOVERIES + 1):
        try:
            return _receive(client, folder, store, downloaded=downloaded, cancel=cancel)
        except PortalRefusedError as refusal:
            if attempt == RECOVERIES or not client.recover(refusal):
                raise
    raise AssertionError("unreachable")  # pragma: no cover - the last refusal raises


def _receive(
    client: ExchangeClient,
    folder: Path,
    store: Store,
    *,
    downloaded: Downloaded,
    cancel: threading.Event | None,
) -> Received:
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / "portal-answer.xml"
    answer, reasked = _whole_answer(client, target, store, downloaded, cancel)
    reader = _reader(answer.path, answer.charset)
    store(reader, reader.documents())
    return Received(answer.received_bytes, _php_died(answer.path), reasked)


def _php_died(path: Path) -> bool:
    """Whether the answer ends in PHP's fatal error text (see the module docstring)."""
    try:
        with path.open("rb") as handle:
            handle.seek(max(0, path.stat().st_size - TAIL_BYTES))
            tail = handle.read()
    except OSError:
        return False
    return any(mark in tail for mark in PHP_FATAL_MARKS)


@dataclass
class _Download:
    """One attempt at the answer, in a thread of its own so that a cancel ends it at once
    (a stalled server sends nothing a per-chunk check could notice)."""

    charset: str | None = None
    """The header's charset, known as soon as the body starts (a cut answer needs it too)."""
    received: int = 0
    error: BaseException | None = None

    def run(
        self,
        client: ExchangeClient,
        target: Path,
        downloaded: Downloaded,
        cancel: threading.Event | None,
    ) -> None:
        stop = threading.Event()  # the download's own cancel: set when the user's is

        def download() -> None:
            try:
                self.received, self.charset = client.download(
                    target, downloaded, stop, self._started
                )
            except BaseException as error:
                self.error = error

        thread = threading.Thread(target=download, name="portal-download", daemon=True)
        thread.start()
        while thread.is_alive():
            thread.join(0.2)
            if cancel is not None and cancel.is_set() and not stop.is_set():
                stop.set()
                client.abort_download()
        if isinstance(self.error, FetchCancelledError) or (cancel is not None and cancel.is_set()):
            raise FetchCancelledError(CANCELLED)

    def _started(self, charset: str | None) -> None:
        self.charset = charset


def _whole_answer(
    client: ExchangeClient,
    target: Path,
    store: Store,
    downloaded: Downloaded,
    cancel: threading.Event | None,
) -> tuple[DownloadedAnswer, bool]:
    """The whole answer on disk: the first one, or a fresh one (True) when that broke."""
    error: BaseException | None = None
    tries = max(1, client.connection.retries)
    pause = client.connection.backoff
    for attempt in range(tries + 1):
        if attempt:
            log.info("the answer broke off (%r); asking again in a new portal session", error)
            client.relogin()
        current = _Download()
        current.run(client, target, downloaded, cancel)
        if current.error is None:
            answer = client.inspect(target, current.received, current.charset)
            return answer, attempt > 0
        if not isinstance(current.error, RETRYABLE):
            raise current.error
        error = current.error
        _keep_what_came(target, current.charset, store)
        if attempt == tries:
            break
        if attempt:
            time.sleep(pause)
            pause *= 2
    raise PortalTruncatedError(Said("portal.cut_every_time")) from None


def _keep_what_came(target: Path, charset: str | None, store: Store) -> None:
    """Store the orders a broken download brought whole, before the answer is asked again."""
    try:
        reader = CommerceMLReader(
            target, fallback_encoding=charset, line_properties=STORED_LINE_PROPERTIES
        )
    except (NotCommerceMLError, OSError):
        return  # nothing readable came: a text refusal, an empty file, a zip cut short
    store(reader, reader.orders())  # its cut end is the repeat's business


def _reader(path: Path, charset: str | None) -> CommerceMLReader:
    try:
        return CommerceMLReader(
            path, fallback_encoding=charset, line_properties=STORED_LINE_PROPERTIES
        )
    except NotCommerceMLError as error:
        kind = PortalEmptyAnswerError if error.code == "empty" else PortalPageError
        raise kind(Said("portal.answer_not_taken", {"reason": error.said})) from None
