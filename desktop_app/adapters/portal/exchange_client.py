"""The 1C-Bitrix sale exchange (`type=sale`), spoken so that 1C's own exchange is not harmed.

One round is checkauth → query → (store) → success, as 1C itself loads orders (GUIDE §3).
The client never decides when to send `success`: the fetch service calls it only after the
answer is committed to the local store, and never in peek mode. Every step can be repeated
safely — checkauth and query only read; success copies the page's export time to the
committed time, which is the same whether it happens once or twice — so connection errors
are retried with backoff.

Two things the company's own exchange would suffer from are left out on purpose:

- No `init`: it deletes `/upload/1c_exchange/`, where 1C's upload waits between its
  `mode=file` and `mode=import` (sale.export.1c/component.php line 159), and all it gives is
  a schema version; without it the query answers in the 2.05 layout, which is read as well.
  (`init()` stays for tests and diagnostics; the fetch never calls it.)
- No `sessid` until the site asks for it: the first request that carries one switches the
  site-wide option `secure_1c_exchange` on for every exchange page (component.php lines
  71-74), and a 1C node set to exchange without a session id then fails. Only a «Ошибка
  проверки источника запроса» answer — the site is secure already — makes the client send
  the `sessid` checkauth gave, for the rest of its life; `sessid_asked` then says so.

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
    PortalConfirmationRefusedError,
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
SOURCE_CHECK = "проверки источника запроса"
"""In CC_BSC1_ERROR_SOURCE_CHECK: the site is in secure mode and wants the sessid."""
UNKNOWN_COMMAND = "Неизвестная команда"
"""CC_BSC1_ERROR_UNKNOWN_COMMAND: an older core without `mode=info`."""
NO_RIGHTS = "нет прав для обмена"
"""In CC_BSC1_PERMISSION_DENIED: the user is not in the component's GROUP_PERMISSIONS."""
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
        """The sessid checkauth offered; sent only once the site asked for it."""
        self._send_sessid = False
        self.sessid_asked = False
        """The site refused a request for want of sessid (it is in secure mode)."""
        self._downloading: requests.Response | None = None

    def __enter__(self) -> ExchangeClient:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._session.close()

    # --- the protocol ----------------------------------------------------------------------

    def checkauth(self) -> None:
        """Log in; HTTP Basic first, then Bitrix's login form fields (see `_logged_in`)."""
        lines = self._logged_in("checkauth")
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

    def probe(self) -> bool:
        """Whether the site is in secure mode, asked without harming anyone's exchange.

        One read-only request (`mode=info`), logged in by HTTP Basic on the request itself:
        no checkauth — which would make this client the page's export session, so that an
        exchange running on the page right now would have its `success` refused — and no
        sessid, which would switch secure mode on. After `checkauth` the sessid goes along,
        which proves the exchange right as well (the source check comes before the rights
        check, line 106). An older core without `mode=info` answers «Неизвестная команда»:
        that too means the request passed every check.
        """
        if self._sessid and self._session.cookies:
            sent = self._send_sessid
            self._send_sessid = True
            try:
                text, status = self._answer("info")
            finally:
                self._send_sessid = sent
            return self._secure(text, status)
        return self._secure(*self._answer_logged_in("info"))

    def _secure(self, text: str, status: int) -> bool:
        if text.lstrip().lstrip("\ufeff").startswith("<?xml"):
            return False
        try:
            check_text_answer("info", text, status=status)
        except PortalRefusedError as refusal:
            words = refusal.portal_words or ""
            if SOURCE_CHECK in words:
                return True
            if UNKNOWN_COMMAND in words:
                return False
            if NO_RIGHTS in words:
                raise PortalAuthError(refusal.message, portal_words=words) from None
            raise
        return False

    def _logged_in(self, mode: str) -> list[str]:
        """`mode` sent with a login, its lines checked; the POST form when Basic is refused.

        Some hostings (PHP as CGI/FastCGI) drop the Authorization header before PHP sees it;
        the form gets through there. Bitrix logs in from a POST only when it carries
        `AUTH_FORM` and `TYPE=AUTH` (main/include.php), so those go along.
        """
        text, status = self._answer_logged_in(mode)
        return check_text_answer(mode, text, status=status)

    def _answer_logged_in(self, mode: str) -> tuple[str, int]:
        user = self.connection.user.encode("utf-8")  # a Cyrillic login is UTF-8 (GUIDE §5)
        password = self.connection.password.encode("utf-8")
        text, status = self._answer(mode, auth=HTTPBasicAuth(user, password))
        if not _refused_login(text):
            return text, status
        log.info("%s with Basic auth refused, trying the POST form fields", mode)
        form = {
            "AUTH_FORM": "Y",
            "TYPE": "AUTH",
            "USER_LOGIN": self.connection.user,
            "USER_PASSWORD": self.connection.password,
        }
        retry, retry_status = self._answer(mode, method="POST", data=form)
        if _refused_login(retry):
            try:
                check_text_answer(mode, text, status=status)
            except PortalRefusedError as refusal:
                raise _auth_error(refusal) from None
        return retry, retry_status

    def init(self) -> InitAnswer:
        """`mode=init` with a version. The fetch never calls it: see the module docstring."""
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
        for _attempt in range(2):
            try:
                received, charset = self._attempts(
                    "query",
                    lambda: self.download(target, progress, cancel),
                    before_retry=self.relogin,
                )
                return self.inspect(target, received, charset)
            except PortalRefusedError as refusal:
                if not self.send_sessid_after(refusal):
                    raise
        raise AssertionError("unreachable")  # pragma: no cover - the second refusal raises

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
        """Confirm the export: the page's cursor moves to the time of the last query.

        `error` (PortalConfirmationRefusedError) means another client logged in on the same
        page since this client's checkauth; the cursor did not move.
        """
        text, status = self._answer("success")
        if text.strip().lstrip("\ufeff").split("\n")[0].strip() == "error":
            raise PortalConfirmationRefusedError(
                "Портал не принял подтверждение получения (success ответил «error»): с тех "
                "пор как программа вошла, на этой же странице обмена вошла другая программа "
                "— другое рабочее место Order Review или 1С.",
                portal_words=text.strip(),
            )
        lines = self._checked("success", text, status)
        if lines[0] != "success":
            raise PortalRefusedError(
                "Портал не подтвердил получение заказов: " + " ".join(lines)[:200],
                portal_words="\n".join(lines),
            )

    def send_sessid_after(self, refusal: PortalRefusedError) -> bool:
        """After a refusal for want of sessid: send it from now on; False for other refusals.

        The site is in secure mode already (someone switched it on), so sending the sessid
        changes nothing for anyone else; before such an answer it is never sent.
        """
        if self._send_sessid or SOURCE_CHECK not in (refusal.portal_words or ""):
            return False
        if not self._sessid:
            raise PortalRefusedError(
                refusal.message + " Портал требует sessid, но при входе его не выдал.",
                portal_words=refusal.portal_words,
            )
        log.warning(
            "the portal asked for sessid: secure_1c_exchange is on for the whole site; "
            "sending the sessid from now on"
        )
        self._send_sessid = True
        self.sessid_asked = True
        return True

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

    # --- transport -------------------------------------------------------------------------

    def _params(self, mode: str, extra: dict[str, str] | None = None) -> dict[str, str]:
        params = {"type": "sale", "mode": mode}
        if self._send_sessid and self._sessid and mode != "checkauth":
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
        """A text step's lines (retried on connection errors, and once with sessid if asked)."""
        text, status = self._answer(mode, method=method, extra=extra, **kwargs)
        return self._checked(mode, text, status, method=method, extra=extra, **kwargs)

    def _checked(
        self,
        mode: str,
        text: str,
        status: int,
        *,
        method: str = "GET",
        extra: dict[str, str] | None = None,
        **kwargs: Any,
    ) -> list[str]:
        try:
            return check_text_answer(mode, text, status=status)
        except PortalRefusedError as refusal:
            if mode == "checkauth" or not self.send_sessid_after(refusal):
                raise
        text, status = self._answer(mode, method=method, extra=extra, **kwargs)
        return check_text_answer(mode, text, status=status)

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


def _value_of(lines: list[str], key: str) -> str | None:
    prefix = f"{key}="
    for line in lines:
        if line.startswith(prefix):
            return line[len(prefix) :].strip()
    return None


def _refused_login(text: str) -> bool:
    """A `failure` whose reason is the authorisation (CC_BSC1_ERROR_AUTHORIZE)."""
    lines = text.strip().lstrip("\ufeff").splitlines()
    return bool(lines) and lines[0].strip() == "failure" and "авторизации" in text


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
