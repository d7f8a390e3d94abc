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

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from requests.auth import HTTPBasicAuth

from desktop_app.adapters.portal.exchange_answers import (
    TEXT_LIMIT,
    check_text_answer,
    decode_answer,
    unpack_if_zipped,
    without_lead,
)
from desktop_app.adapters.portal.exchange_errors import (
    PortalAuthError,
    PortalConfirmationRefusedError,
    PortalEmptyAnswerError,
    PortalPageError,
    PortalRefusedError,
)
from desktop_app.adapters.portal.exchange_transport import (
    DownloadedAnswer,
    ExchangeTransport,
    Progress,
)
from desktop_app.wording.said import Said

log = logging.getLogger(__name__)

PROTOCOL_VERSION = "2.08"
SOURCE_CHECK = "проверки источника запроса"
"""In CC_BSC1_ERROR_SOURCE_CHECK: the site is in secure mode and wants the sessid."""
UNKNOWN_COMMAND = "Неизвестная команда"
"""CC_BSC1_ERROR_UNKNOWN_COMMAND: an older core without `mode=info`."""
AUTHORIZE = "Ошибка авторизации"
"""CC_BSC1_ERROR_AUTHORIZE: not logged in (a wrong password, or no login at all)."""
RECOVERIES = 2
"""Refusals a query recovers from at most: a login, then the sessid."""
NO_RIGHTS = "нет прав для обмена"
"""In CC_BSC1_PERMISSION_DENIED: the user is not in the component's GROUP_PERMISSIONS."""


@dataclass(frozen=True, slots=True)
class InitAnswer:
    zip_allowed: bool
    file_limit: int | None
    version: str | None
    """What the portal wrote in its `version=` line (the cores we read always say 2.09)."""


class ExchangeClient(ExchangeTransport):
    """One exchange session with one portal page; not shared between threads."""

    _sessid: str | None = None
    """The sessid checkauth offered; sent only once the site asked for it."""
    _send_sessid: bool = False
    sessid_asked: bool = False
    """The site refused a request for want of sessid (it is in secure mode)."""
    _signed_in: bool = False
    """checkauth was done: this client is the page's export session."""

    def sign_in_on_each_request(self) -> None:
        """For a client that never confirms (peek): log in on every request, not by checkauth.

        checkauth makes this client the page's export session (`export_session_id_`, line
        98): on 1C's page, an exchange 1C is running at that moment would then have its
        `success` answered `error`. A client that sends no `success` does not need it —
        HTTP Basic on the request itself logs in (main/include.php, LoginByHttpAuth). Where
        the hosting drops the Authorization header, or the site wants the sessid (which
        only checkauth gives), `recover` falls back to checkauth.
        """
        user = self.connection.user.encode("utf-8")
        self._session.auth = HTTPBasicAuth(user, self.connection.password.encode("utf-8"))

    # --- the protocol ----------------------------------------------------------------------

    def checkauth(self) -> None:
        """Log in; HTTP Basic first, then Bitrix's login form fields (see `_logged_in`)."""
        lines = self._logged_in("checkauth")
        self._signed_in = True
        if lines[0] != "success":
            raise PortalPageError(
                Said("portal.login_unclear", {"answer": " ".join(lines)[:200]}),
                portal_words="\n".join(lines),
            )
        if len(lines) < 3:
            raise PortalAuthError(Said("portal.login_incomplete"), portal_words="\n".join(lines))
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
                raise PortalAuthError(refusal.said, portal_words=words) from None
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
                Said("portal.init_unclear", {"answer": " ".join(lines)[:200]}),
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
        for _attempt in range(RECOVERIES + 1):
            try:
                received, charset = self._attempts(
                    "query",
                    lambda: self.download(target, progress, cancel),
                    before_retry=self.relogin,
                )
                return self.inspect(target, received, charset)
            except PortalRefusedError as refusal:
                if _attempt == RECOVERIES or not self.recover(refusal):
                    raise
        raise AssertionError("unreachable")  # pragma: no cover - the last refusal raises

    def inspect(self, target: Path, received: int, charset: str | None) -> DownloadedAnswer:
        """A downloaded query answer checked for the portal's text refusals, and unzipped."""
        with target.open("rb") as stream:
            head = without_lead(stream.read(64 * 1024))  # a BOM and blank lines may come first
        if not head:
            raise PortalEmptyAnswerError(Said("portal.query_empty"))
        if head.startswith((b"failure", b"error")):
            with target.open("rb") as stream:  # a refusal is a few lines: read no more
                text = decode_answer(stream.read(TEXT_LIMIT), charset)
            check_text_answer("query", text)
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
                Said("portal.success_refused"), portal_words=text.strip()
            )
        lines = self._checked("success", text, status, lambda: self._answer("success"))
        if lines[0] != "success":
            raise PortalRefusedError(
                Said("portal.success_unconfirmed", {"answer": " ".join(lines)[:200]}),
                portal_words="\n".join(lines),
            )

    def recover(self, refusal: PortalRefusedError) -> bool:
        """Whether the refused request is worth asking again, having done what it lacked.

        For want of sessid: send it from now on — the site is in secure mode already
        (someone switched it on), so sending it changes nothing for anyone else; before
        such an answer it is never sent. For want of a login, when this client logged in
        on each request (peek) and Basic auth did not get through: checkauth. False for
        every other refusal.
        """
        words = refusal.portal_words or ""
        if not self._signed_in and AUTHORIZE in words:
            log.info("logging in on each request did not get through; using checkauth")
            self.checkauth()
            return True
        if self._send_sessid or SOURCE_CHECK not in words:
            return False
        if not self._sessid:
            self.checkauth()  # only checkauth hands out the sessid
        if not self._sessid:
            raise PortalRefusedError(
                Said("portal.no_sessid", {"refusal": refusal.said}),
                portal_words=refusal.portal_words,
            )
        log.warning(
            "the portal asked for sessid (secure_1c_exchange is on for the whole site); "
            "sending it from now on"
        )
        self._send_sessid = True
        self.sessid_asked = True
        return True

    def relogin(self) -> None:
        """Start a new portal session before repeating a query.

        The sale component remembers, per PHP session, the last order it exported and goes on
        after it until `success` resets it: a repeated query in the same session would skip
        the orders of the answer that was lost. A new session starts from the committed time.
        """
        self._session.cookies.clear()
        self._sessid = None
        if self._signed_in:
            self.checkauth()  # else the next request logs in by itself (peek)

    # --- sending ---------------------------------------------------------------------------

    def _params(self, mode: str, extra: dict[str, str] | None = None) -> dict[str, str]:
        params = super()._params(mode, extra)
        if self._send_sessid and self._sessid and mode != "checkauth":
            params["sessid"] = self._sessid
        return params

    def _text(self, mode: str, **request: Any) -> list[str]:
        """A text step's lines (retried on connection errors, and once with sessid if asked).

        `request`: what `_answer` sends (`method`, `extra` parameters, requests' options).
        """
        text, status = self._answer(mode, **request)
        return self._checked(mode, text, status, lambda: self._answer(mode, **request))

    def _checked(
        self, mode: str, text: str, status: int, again: Callable[[], tuple[str, int]]
    ) -> list[str]:
        """The lines of an answer; asked `again` with the sessid when the site wants it."""
        try:
            return check_text_answer(mode, text, status=status)
        except PortalRefusedError as refusal:
            if mode == "checkauth" or not self.recover(refusal):
                raise
        text, status = again()
        return check_text_answer(mode, text, status=status)


def _value_of(lines: list[str], key: str) -> str | None:
    prefix = f"{key}="
    for line in lines:
        if line.startswith(prefix):
            return line[len(prefix) :].strip()
    return None


def _refused_login(text: str) -> bool:
    """A `failure` whose reason is the authorisation (CC_BSC1_ERROR_AUTHORIZE)."""
    lines = text.strip().lstrip("\ufeff").splitlines()
    return bool(lines) and lines[0].strip() == "failure" and AUTHORIZE in text


def _auth_error(refusal: PortalRefusedError) -> PortalAuthError:
    words = refusal.portal_words or ""
    said = Said("portal.login_refused", {"words": words}) if words else Said(
        "portal.login_refused_silently"
    )  # fmt: skip
    return PortalAuthError(said, portal_words=words)
