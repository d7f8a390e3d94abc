"""The HTTP side of the exchange client: one requests session, retries, streamed downloads.

Kept apart from the protocol (exchange_client.py): what a request is sent with (the CA
file, the timeouts), which failures are worth another attempt, how a body streams to a
file, and how a connection problem is worded for the manager.
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

from desktop_app.adapters.portal.exchange_answers import check_text_answer, decode_answer
from desktop_app.adapters.portal.exchange_errors import (
    FetchCancelledError,
    PortalCertificateError,
    PortalConfigError,
    PortalConnectionError,
    PortalError,
    PortalTruncatedError,
)
from desktop_app.adapters.portal.growing_file import DownloadState

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
        raise PortalConfigError(
            f"Адрес портала «{url}» — не полный URL. Нужен адрес страницы обмена целиком, "
            "например https://b2b.example.ru/bitrix/admin/1c_exchange.php"
        )
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
                f"Файл сертификатов «{connection.ca_bundle}» (portal.ca_bundle) не найден."
            )
        self._session = session or requests.Session()
        # Passed with every request: a Session's own `verify` loses to REQUESTS_CA_BUNDLE
        # from the environment (requests' merge_environment_settings), and a configured CA
        # file must win over whatever the machine's environment says.
        self._verify: str | bool = str(connection.ca_bundle) if connection.ca_bundle else True
        self._session.headers["User-Agent"] = "OrderReview (1C-Bitrix sale exchange)"
        self._sleep = sleep
        self._downloading: requests.Response | None = None

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
            with self._send(method, mode, extra, stream=False, **kwargs) as response:
                return response.content, response.encoding, response.status_code

        body, charset, status = self._attempts(mode, attempt)
        return decode_answer(body, charset), status

    def download(
        self,
        target: Path,
        progress: Progress | None,
        cancel: threading.Event | None,
        state: DownloadState | None = None,
    ) -> tuple[int, str | None]:
        """One attempt at `mode=query` into `target`: (bytes received, the header's charset).

        No retry here (see `query`); `state`, when given, lets a reader follow the file as it
        grows (`GrowingFile`). Connection errors come out as requests' own exceptions.
        """
        with self._send("GET", "query", None, stream=True) as response:
            self._downloading = response
            try:
                if response.status_code != 200:
                    check_text_answer(
                        "query",
                        decode_answer(response.content, response.encoding),
                        status=response.status_code,
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
                    if state is not None:
                        state.start(charset, total)
                    for chunk in response.iter_content(CHUNK):
                        if cancel is not None and cancel.is_set():
                            raise FetchCancelledError("Получение заказов отменено.")
                        out.write(chunk)
                        out.flush()
                        received += len(chunk)
                        if state is not None:
                            state.grow(received)
                        if progress is not None:
                            progress(received, total)
                if total is not None and received < total:
                    raise PortalTruncatedError(
                        f"Ответ портала оборвался: получено {received} из {total} байт."
                    )
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

    def _attempts(
        self, mode: str, action: Callable[[], T], before_retry: Callable[[], None] | None = None
    ) -> T:
        """Run a step, retrying connection errors and cut-off answers with growing pauses."""
        pause = self.connection.backoff
        for attempt in range(1, self.connection.retries + 2):
            try:
                if attempt > 1 and before_retry is not None:
                    before_retry()
                return action()
            except requests.exceptions.SSLError as error:
                raise PortalCertificateError(
                    "Не удалось проверить сертификат портала. Если у портала собственный "
                    "сертификат, укажите файл центра сертификации: "
                    "config set portal.ca_bundle ФАЙЛ.",
                    portal_words=str(error),
                ) from None
            except RETRYABLE as error:
                if attempt > self.connection.retries:
                    raise _connection_error(mode, error) from None
                log.warning(
                    "portal %s: %s; retry %d in %.1f s", mode, type(error).__name__, attempt, pause
                )
                self._sleep(pause)
                pause *= 2
        raise AssertionError("unreachable")  # pragma: no cover


def _connection_error(mode: str, error: Exception) -> PortalError:
    if isinstance(error, PortalTruncatedError):
        return error
    if isinstance(error, requests.exceptions.ChunkedEncodingError):
        return PortalTruncatedError(
            "Ответ портала оборвался на середине (соединение закрылось раньше конца данных)."
        )
    # A timeout while the body streams in reaches us as a ConnectionError around urllib3's
    # ReadTimeoutError; it is the same "the portal stopped answering" for the user.
    timed_out = isinstance(error, requests.exceptions.Timeout) or (
        bool(error.args) and isinstance(error.args[0], urllib3.exceptions.ReadTimeoutError)
    )
    if timed_out:
        return PortalConnectionError(
            f"Портал не ответил вовремя (шаг «{mode}»). Проверьте связь или увеличьте "
            "portal.read_timeout."
        )
    return PortalConnectionError(
        f"Не удалось связаться с порталом (шаг «{mode}»): соединение не установлено или "
        "разорвано. Проверьте адрес портала и подключение к сети."
    )
