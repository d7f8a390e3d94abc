"""The HTTP side of the exchange client: one requests session, retries, streamed downloads.

Kept apart from the protocol (exchange_client.py): what a request is sent with (the CA
file, the timeouts), which failures are worth another attempt, how a body streams to a
file, and how a connection problem is worded for the manager.

Against a hostile or broken server (issue 14): a redirect to another origin is refused
before the password, the cookie or the login form goes there (guarded_session.py); every
step — with its retries — and every answer has an overall deadline (`portal.deadline`), so
a server that trickles a byte at a time cannot hold a fetch forever; and a text answer is
read only up to `TEXT_LIMIT`, so its size cannot exhaust memory.
"""

from __future__ import annotations

import contextlib
import logging
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Self, TypeVar
from urllib.parse import urlsplit

import requests
import urllib3

from desktop_app.adapters.answer_deadline import Deadline
from desktop_app.adapters.guarded_session import (
    AnswerTooLargeError,
    GuardedSession,
    RedirectRefusedError,
    read_limited,
)
from desktop_app.adapters.portal.exchange_answers import (
    TEXT_LIMIT,
    check_text_answer,
    decode_answer,
    too_large_error,
)
from desktop_app.adapters.portal.exchange_errors import (
    FetchCancelledError,
    PortalCertificateError,
    PortalConfigError,
    PortalConnectionError,
    PortalDeadlineError,
    PortalError,
    PortalRedirectError,
    PortalTruncatedError,
)
from desktop_app.wording.said import Said

log = logging.getLogger(__name__)

T = TypeVar("T")
RETRYABLE = (
    requests.exceptions.ConnectionError,
    requests.exceptions.Timeout,
    requests.exceptions.ChunkedEncodingError,
    PortalTruncatedError,
)
"""Failures worth another attempt: the connection, not the portal's answer, went wrong."""

CHUNK = 256 * 1024
Progress = Callable[[int, int | None], None]


@dataclass(frozen=True, slots=True)
class PortalConnection:
    url: str
    """The full URL of the exchange page, as the portal administrator gives it."""
    user: str
    password: str
    ca_bundle: Path | None = None
    connect_timeout: float = 15.0
    read_timeout: float = 180.0
    retries: int = 3
    backoff: float = 1.0
    deadline: float = 600.0
    """Seconds a step may take in all, its retries and the whole answer included."""


@dataclass(frozen=True, slots=True)
class DownloadedAnswer:
    path: Path
    """The XML on disk (already unpacked when the portal sent a zip)."""
    received_bytes: int
    charset: str | None
    zipped: bool


def page_url(url: str) -> str:
    """The exchange page URL without a stray trailing slash after `.php`."""
    cleaned = url.strip()
    if not urlsplit(cleaned).scheme or not urlsplit(cleaned).netloc:
        raise PortalConfigError(Said("portal.url_not_whole", {"url": url}))
    return cleaned[:-1] if cleaned.lower().endswith(".php/") else cleaned


class ExchangeTransport:
    """One requests session with one portal page; the protocol is the subclass's."""

    def __init__(
        self,
        connection: PortalConnection,
        *,
        session: requests.Session | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.connection = connection
        self.url = page_url(connection.url)
        if connection.ca_bundle is not None and not connection.ca_bundle.is_file():
            raise PortalConfigError(
                Said("portal.ca_file_missing", {"path": str(connection.ca_bundle)})
            )
        self._session = session or GuardedSession()
        # Passed with every request: a Session's own `verify` loses to REQUESTS_CA_BUNDLE
        # from the environment (requests' merge_environment_settings), and a configured CA
        # file must win over whatever the machine's environment says.
        self._verify: str | bool = str(connection.ca_bundle) if connection.ca_bundle else True
        self._session.headers["User-Agent"] = "OrderReview (1C-Bitrix sale exchange)"
        self._sleep = sleep
        self._downloading: requests.Response | None = None
        self._step: Deadline | None = None
        """The deadline of the step under way (`_attempts`); None between steps."""

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._session.close()

    def abort_download(self) -> None:
        """From another thread: end a download stuck in a read (a stalled server, a cancel).

        Shutting the socket down wakes a blocked `recv` at once on every platform; closing it
        would not. Best effort: the answer object may be gone already.
        """
        response = self._downloading
        connection = getattr(getattr(response, "raw", None), "connection", None)
        sock = getattr(connection, "sock", None)
        if sock is not None:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)

    def _params(self, mode: str, extra: dict[str, str] | None = None) -> dict[str, str]:
        params = {"type": "sale", "mode": mode}
        params.update(extra or {})
        return params

    def _answer(
        self,
        mode: str,
        *,
        method: str = "GET",
        extra: dict[str, str] | None = None,
        **kwargs: Any,
    ) -> tuple[str, int]:
        """A text step's decoded body and HTTP status, retried on connection errors."""

        def attempt() -> tuple[bytes, str | None, int]:
            with self._send(method, mode, extra, stream=True, **kwargs) as response:
                try:
                    body = read_limited(response, TEXT_LIMIT)
                except AnswerTooLargeError as error:
                    raise too_large_error(mode, response.status_code, error) from None
                return body, response.encoding, response.status_code

        body, charset, status = self._attempts(mode, attempt)
        return decode_answer(body, charset), status

    def download(
        self,
        target: Path,
        progress: Progress | None,
        cancel: threading.Event | None,
        started: Callable[[str | None], None] | None = None,
    ) -> tuple[int, str | None]:
        """One attempt at `mode=query` into `target`: (bytes received, the header's charset).

        No retry here (see `query`); `started`, when given, is told the header's charset as
        the body starts (a cut answer is read with it). Connection errors come out as
        requests' own exceptions.
        """
        with self._send("GET", "query", None, stream=True) as response:
            self._downloading = response
            try:
                if response.status_code != 200:
                    try:
                        body = read_limited(response, TEXT_LIMIT)
                    except AnswerTooLargeError as error:
                        raise too_large_error("query", response.status_code, error) from None
                    check_text_answer(
                        "query", decode_answer(body, response.encoding), status=response.status_code
                    )
                announced = response.headers.get("Content-Length")
                total = int(announced) if announced and announced.isdigit() else None
                received = 0
                charset = (
                    response.encoding
                    if "charset" in response.headers.get("Content-Type", "")
                    else None
                )
                with target.open("wb") as out:
                    if started is not None:
                        started(charset)
                    for chunk in response.iter_content(CHUNK):
                        if cancel is not None and cancel.is_set():
                            raise FetchCancelledError("Получение заказов отменено.")
                        out.write(chunk)
                        received += len(chunk)
                        if progress is not None:
                            progress(received, total)
                if total is not None and received < total:
                    said = Said("portal.cut_short", {"received": received, "total": total})
                    raise PortalTruncatedError(said)
                return received, charset
            finally:
                self._downloading = None  # its connection may serve the next request

    @contextmanager
    def _send(
        self,
        method: str,
        mode: str,
        extra: dict[str, str] | None,
        *,
        stream: bool,
        **kwargs: Any,
    ) -> Iterator[requests.Response]:
        timeout = (self.connection.connect_timeout, self.connection.read_timeout)
        started = time.monotonic()
        deadline = self._step or Deadline(self.connection.deadline)
        with self._watch(deadline) as fired:
            try:
                response = self._session.request(
                    method,
                    self.url,
                    params=self._params(mode, extra),
                    timeout=timeout,
                    stream=stream,
                    verify=self._verify,
                    **kwargs,
                )
                try:
                    log.info(
                        "portal %s: HTTP %s in %.1f s",
                        mode,
                        response.status_code,
                        time.monotonic() - started,
                    )
                    yield response
                finally:
                    response.close()
            except RedirectRefusedError as refused:
                raise _redirect_error(mode, refused) from None
            except Exception:
                if fired.is_set():  # whatever broke, it broke because the time was up
                    raise self._deadline_error(mode) from None
                raise
            if fired.is_set():  # a body that ended with the cut connection is not whole
                raise self._deadline_error(mode)

    def _watch(self, deadline: Deadline) -> contextlib.AbstractContextManager[threading.Event]:
        adapter = getattr(self._session, "deadline_adapter", None)
        if adapter is None:  # a plain session given by a test: no deadline to keep
            return contextlib.nullcontext(threading.Event())
        watch: contextlib.AbstractContextManager[threading.Event] = adapter.watch(
            deadline.remaining()
        )
        return watch

    def _deadline_error(self, mode: str) -> PortalDeadlineError:
        seconds = f"{self.connection.deadline:g}"
        return PortalDeadlineError(Said("portal.too_slow", {"seconds": seconds, "mode": mode}))

    def _attempts(
        self, mode: str, action: Callable[[], T], before_retry: Callable[[], None] | None = None
    ) -> T:
        """Run a step, retrying connection errors and cut-off answers with growing pauses.

        The step as a whole has `connection.deadline`: a retry never starts after it, and a
        step nested in this one (a login before a repeated query) counts against it too.
        """
        outer = self._step
        self._step = outer or Deadline(self.connection.deadline)
        try:
            return self._attempted(mode, action, before_retry, self._step)
        finally:
            self._step = outer

    def _attempted(
        self,
        mode: str,
        action: Callable[[], T],
        before_retry: Callable[[], None] | None,
        deadline: Deadline,
    ) -> T:
        pause = self.connection.backoff
        for attempt in range(1, self.connection.retries + 2):
            try:
                if attempt > 1 and before_retry is not None:
                    before_retry()
                return action()
            except requests.exceptions.SSLError as error:
                raise PortalCertificateError(
                    Said("portal.certificate"), portal_words=str(error)
                ) from None
            except RETRYABLE as error:
                if attempt > self.connection.retries:
                    raise _connection_error(mode, error) from None
                if deadline.remaining() <= pause:
                    raise self._deadline_error(mode) from None
                log.warning(
                    "portal %s: %s; retry %d in %.1f s", mode, type(error).__name__, attempt, pause
                )
                self._sleep(pause)
                pause *= 2
        raise AssertionError("unreachable")  # pragma: no cover


def _redirect_error(mode: str, refused: RedirectRefusedError) -> PortalRedirectError:
    """What the portal did, and that the password stayed here."""
    where = Said("error.to_plain_http" if refused.to_plain_http else "error.to_other_origin")
    target = refused.target if len(refused.target) <= 200 else refused.target[:200] + "…"
    if mode == "checkauth":
        said = Said("portal.login_redirected", {"where": where, "target": target})
    else:
        said = Said("portal.redirected", {"mode": mode, "where": where, "target": target})
    return PortalRedirectError(said, portal_words=f"HTTP {refused.status} → {refused.target}")


def _connection_error(mode: str, error: Exception) -> PortalError:
    if isinstance(error, PortalTruncatedError):
        return error
    if isinstance(error, requests.exceptions.ChunkedEncodingError):
        return PortalTruncatedError(Said("portal.cut_midway"))
    # A timeout while the body streams in reaches us as a ConnectionError around urllib3's
    # ReadTimeoutError; it is the same "the portal stopped answering" for the user.
    timed_out = isinstance(error, requests.exceptions.Timeout) or (
        bool(error.args) and isinstance(error.args[0], urllib3.exceptions.ReadTimeoutError)
    )
    if timed_out:
        return PortalConnectionError(Said("portal.no_answer_in_time", {"mode": mode}))
    return PortalConnectionError(Said("portal.unreachable", {"mode": mode}))
