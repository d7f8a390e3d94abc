"""The 1C-Bitrix sale exchange (`type=sale`), spoken the way 1C speaks it (GUIDE §3).

One round is checkauth → init → query → (store) → success. The client never decides when to
send `success`: the fetch service calls it only after the answer is committed to the local
store, and never in peek mode. Every step can be repeated safely — checkauth, init and query
only read; success copies the page's export time to the committed time, which is the same
whether it happens once or twice — so connection errors are retried with backoff.

Answers are judged by content: Bitrix reports failures with HTTP 200 (GUIDE §10).
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
from typing import Any, TypeVar
from urllib.parse import urlsplit

import requests
import urllib3
from requests.auth import HTTPBasicAuth

from desktop_app.adapters.portal.exchange_answers import (
    check_text_answer,
    decode_answer,
    unpack_if_zipped,
)
from desktop_app.adapters.portal.exchange_errors import (
    FetchCancelledError,
    PortalAuthError,
    PortalCertificateError,
    PortalConfigError,
    PortalConnectionError,
    PortalEmptyAnswerError,
    PortalError,
    PortalPageError,
    PortalRefusedError,
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

PROTOCOL_VERSION = "2.08"
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
class InitAnswer:
    zip_allowed: bool
    file_limit: int | None
    version: str | None
    """What the portal wrote in its `version=` line (the cores we read always say 2.09)."""


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


class ExchangeClient:
    """One exchange session with one portal page; not shared between threads."""

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
        self._sessid: str | None = None
        self._downloading: requests.Response | None = None

    def __enter__(self) -> ExchangeClient:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._session.close()

    # --- the protocol ----------------------------------------------------------------------

    def checkauth(self) -> None:
        """Log in; HTTP Basic first, then Bitrix's login form fields.

        Some hostings (PHP as CGI/FastCGI) drop the Authorization header before PHP sees it;
        the form gets through there. Bitrix logs in from a POST only when it carries
        `AUTH_FORM` and `TYPE=AUTH` (main/include.php), so those go along.
        """
        user = self.connection.user.encode("utf-8")  # a Cyrillic login is UTF-8 (GUIDE §5)
        password = self.connection.password.encode("utf-8")
        try:
            lines = self._text("checkauth", auth=HTTPBasicAuth(user, password))
        except PortalRefusedError as basic_refusal:
            log.info("checkauth with Basic auth refused, trying the POST form fields")
            try:
                lines = self._text(
                    "checkauth",
                    method="POST",
                    data={
                        "AUTH_FORM": "Y",
                        "TYPE": "AUTH",
                        "USER_LOGIN": self.connection.user,
                        "USER_PASSWORD": self.connection.password,
                    },
                )
            except PortalRefusedError:
                raise _auth_error(basic_refusal) from None
        if lines[0] != "success":
            raise PortalPageError(
                f"Портал ответил на вход непонятным текстом: «{' '.join(lines)[:200]}».",
                portal_words="\n".join(lines),
            )
        if len(lines) < 3:
            raise PortalAuthError(
                "Портал ответил на вход неполно: нет имени и значения cookie сеанса.",
                portal_words="\n".join(lines),
            )
        name, value = lines[1], lines[2]
        host = urlsplit(self.url).hostname or ""
        self._session.cookies.set(name, value, domain=host, path="/")
        self._sessid = _value_of(lines, "sessid") or self._sessid

    def init(self) -> InitAnswer:
        lines = self._text("init", extra={"version": PROTOCOL_VERSION})
        if _value_of(lines, "zip") is None and _value_of(lines, "file_limit") is None:
            raise PortalPageError(
                "Портал ответил на начало обмена (init) непонятным текстом: "
                f"«{' '.join(lines)[:200]}».",
                portal_words="\n".join(lines),
            )
        self._sessid = _value_of(lines, "sessid") or self._sessid
        limit = _value_of(lines, "file_limit")
        return InitAnswer(
            zip_allowed=_value_of(lines, "zip") == "yes",
            file_limit=int(limit) if limit and limit.isdigit() else None,
            version=_value_of(lines, "version"),
        )

    def query(
        self,
        folder: Path,
        *,
        progress: Progress | None = None,
        cancel: threading.Event | None = None,
    ) -> DownloadedAnswer:
        """Download the orders into `folder` (retrying); the caller owns (and deletes) the file."""
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / "portal-answer.xml"
        received, charset = self._attempts(
            "query", lambda: self.download(target, progress, cancel), before_retry=self.relogin
        )
        return self.inspect(target, received, charset)

    def inspect(self, target: Path, received: int, charset: str | None) -> DownloadedAnswer:
        """A downloaded query answer checked for the portal's text refusals, and unzipped."""
        with target.open("rb") as stream:
            head = stream.read(64)
        if not head.strip():
            raise PortalEmptyAnswerError(
                "Портал прислал пустой ответ на запрос заказов — обычно это ошибка PHP на "
                "сайте (в 1С такой случай называется «Получен пустой ответ сервера»)."
            )
        if head.lstrip().startswith((b"failure", b"error")):
            check_text_answer("query", decode_answer(target.read_bytes(), charset))
        path, zipped = unpack_if_zipped(target)
        return DownloadedAnswer(path=path, received_bytes=received, charset=charset, zipped=zipped)

    def success(self) -> None:
        """Confirm the export: the page's cursor moves to the time of the last query."""
        lines = self._text("success")
        if lines[0] != "success":
            raise PortalRefusedError(
                "Портал не подтвердил получение заказов: " + " ".join(lines)[:200],
                portal_words="\n".join(lines),
            )

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

    def relogin(self) -> None:
        """Start a new portal session before repeating a query.

        The sale component remembers, per PHP session, the last order it exported and goes on
        after it until `success` resets it: a repeated query in the same session would skip
        the orders of the answer that was lost. A new session starts from the committed time.
        """
        self._session.cookies.clear()
        self._sessid = None
        self.checkauth()
        self.init()

    # --- transport -------------------------------------------------------------------------

    def _params(self, mode: str, extra: dict[str, str] | None = None) -> dict[str, str]:
        params = {"type": "sale", "mode": mode}
        if self._sessid and mode != "checkauth":
            params["sessid"] = self._sessid
        params.update(extra or {})
        return params

    def _text(
        self,
        mode: str,
        *,
        method: str = "GET",
        extra: dict[str, str] | None = None,
        **kwargs: Any,
    ) -> list[str]:
        def attempt() -> tuple[bytes, str | None, int]:
            with self._send(method, mode, extra, stream=False, **kwargs) as response:
                return response.content, response.encoding, response.status_code

        body, charset, status = self._attempts(mode, attempt)
        return check_text_answer(mode, decode_answer(body, charset), status=status)

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


def _value_of(lines: list[str], key: str) -> str | None:
    prefix = f"{key}="
    for line in lines:
        if line.startswith(prefix):
            return line[len(prefix) :].strip()
    return None


def _auth_error(refusal: PortalRefusedError) -> PortalAuthError:
    words = refusal.portal_words or ""
    return PortalAuthError(
        f"Портал не пустил в обмен: «{words or 'без объяснения'}». Проверьте логин и пароль "
        "(login portal) и право пользователя выгружать заказы.",
        portal_words=words,
    )


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
