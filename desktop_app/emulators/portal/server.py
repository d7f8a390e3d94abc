"""The HTTP side of the portal emulator: nginx + PHP in front of the exchange component.

Any path ending in `.php` (or `/`, which PHP serves as `index.php`) runs the component, so
1C's `/bitrix/admin/1c_exchange.php` and an app's own page both work; other paths get
nginx's 404 page. Answers carry what the real stack sends: `Pragma: no-cache`, the PHP
session cookie, the component's Content-Type, and a Content-Length (the component buffers
its output) — except when PHP died, which closes the connection instead.

Faults (faults.py) are applied here, around the component. The server listens on
127.0.0.1 only. Request threads are not daemons and are joined on shutdown; open
keep-alive connections are shut down first so that no thread waits on an idle client.
"""

from __future__ import annotations

import base64
import binascii
import io
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from http.cookies import CookieError, SimpleCookie
from typing import BinaryIO, cast
from urllib.parse import parse_qsl, unquote, urlsplit

from desktop_app.emulators.loopback import LOOPBACK as LOOPBACK
from desktop_app.emulators.loopback import LoopbackHandler, LoopbackHTTPServer
from desktop_app.emulators.portal import bitrix_messages as words
from desktop_app.emulators.portal.exchange import SaleExchange
from desktop_app.emulators.portal.export_body import CHUNK, RenderStoppedError, render
from desktop_app.emulators.portal.faults import Fault, FaultBook
from desktop_app.emulators.portal.protocol import Answer, Request
from desktop_app.emulators.portal.sessions import SESSION_NAME
from desktop_app.emulators.world import World

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class RequestRecord:
    """One request as the emulator saw it, for tests to assert on."""

    method: str
    page: str
    mode: str
    had_sessid: bool
    had_cookie: bool
    had_auth: bool
    status: int | None
    """The HTTP status sent; None when the connection was dropped without an answer."""
    first_line: str | None
    """The text answer's first line (`success`, `failure`, …); None for a query body."""
    orders: int | None
    """How many orders a query answer carried."""
    fault: str | None


@dataclass(frozen=True, slots=True)
class Services:
    exchange: SaleExchange
    faults: FaultBook
    world: World
    stopping: threading.Event
    record: Callable[[RequestRecord], None]


class PortalHTTPServer(LoopbackHTTPServer):
    def __init__(self, port: int, services: Services) -> None:
        super().__init__(port, ExchangeHandler)
        self.services = services


class ExchangeHandler(LoopbackHandler):
    title = "portal emulator"

    def version_string(self) -> str:
        return "nginx"

    def _services(self) -> Services:
        return cast(PortalHTTPServer, self.server).services

    def _serve(self) -> None:
        services = self._services()
        split = urlsplit(self.path)
        page = unquote(split.path)
        if page.endswith("/"):
            page += "index.php"
        body = self.read_body()
        if body is None:
            return
        if not page.endswith(".php"):
            answer = Answer(words.NGINX_404, status=404, content_type="text/html")
            self._deliver(services, answer, None, self._record(page, "", answer, None))
            return
        request = self._request(page, split.query, body)
        fault = services.faults.take(request.mode)
        if fault is not None and fault.kind == "latency" and services.stopping.wait(fault.seconds):
            self.close_connection = True
            return
        answer = self._answer(services, request, fault)
        record = self._record(page, request.mode, answer, fault, request)
        self._deliver(services, answer, fault, record)

    do_GET = do_POST = _serve  # noqa: N815 (http.server dispatches by these names)

    def _request(self, page: str, query: str, body: bytes) -> Request:
        form: dict[str, str] = {}
        content_type = self.headers.get("Content-Type", "")
        if self.command == "POST" and "application/x-www-form-urlencoded" in content_type:
            form = dict(parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True))
        cookies: dict[str, str] = {}
        try:
            jar = SimpleCookie(self.headers.get("Cookie", ""))
            cookies = {name: morsel.value for name, morsel in jar.items()}
        except CookieError:
            pass
        return Request(
            method=self.command,
            page=page,
            query=dict(parse_qsl(query, keep_blank_values=True)),
            form=form,
            cookies=cookies,
            basic=self._basic(),
            body=body,
        )

    def _basic(self) -> tuple[str, str] | None:
        header = self.headers.get("Authorization", "")
        scheme, _, encoded = header.partition(" ")
        if scheme.lower() != "basic":
            return None
        try:
            decoded = base64.b64decode(encoded.strip(), validate=True).decode("utf-8", "replace")
        except (binascii.Error, ValueError):
            return None
        login, _, password = decoded.partition(":")
        return login, password

    def _answer(self, services: Services, request: Request, fault: Fault | None) -> Answer:
        kind = fault.kind if fault is not None else None
        message = fault.message if fault is not None else ""
        if kind == "failure":
            return Answer("failure\n" + (message or words.ERROR_INIT))
        if kind == "html500":
            return Answer(message or words.NGINX_500, status=500, content_type="text/html")
        if kind == "empty":
            return Answer("")
        if kind == "php_fatal":
            if request.mode == "query":
                return services.exchange.handle(request, crash_text=message or words.PHP_FATAL)
            return Answer(
                message or words.PHP_FATAL,
                content_type="text/html; charset=UTF-8",
                with_length=False,
            )
        return services.exchange.handle(request)

    def _record(
        self,
        page: str,
        mode: str,
        answer: Answer,
        fault: Fault | None,
        request: Request | None = None,
    ) -> RequestRecord:
        """Recorded before the answer goes out, so a client never sees an unrecorded answer."""
        dropped = fault is not None and fault.kind == "drop"
        record = RequestRecord(
            method=self.command,
            page=page,
            mode=mode,
            had_sessid=bool(request and request.sessid),
            had_cookie=bool(request and SESSION_NAME in request.cookies),
            had_auth=bool(request and request.basic),
            status=None if dropped else answer.status,
            first_line=answer.first_line,
            orders=len(answer.export.orders) if answer.export is not None else None,
            fault=fault.kind if fault is not None else None,
        )
        self._services().record(record)
        return record

    def _deliver(
        self, services: Services, answer: Answer, fault: Fault | None, record: RequestRecord
    ) -> None:
        kind = fault.kind if fault is not None else None
        if record.status is None:  # dropped: the work is done, the answer never leaves
            self.close_connection = True
            return
        body: BinaryIO
        if answer.export is not None:
            try:
                body, size = render(answer.export, services.world, services.stopping)
            except RenderStoppedError:
                self.close_connection = True
                return
        else:
            data = answer.text.encode(_codec_of(services), "replace")
            body, size = io.BytesIO(data), len(data)
        lead = services.exchange.settings.lead_bytes  # printed by PHP before the component ran
        if kind == "html500" or answer.status == 404:
            lead = b""  # nginx's own pages: PHP never ran
        try:
            self.send_response(answer.status)
            self.send_header("Content-Type", answer.content_type)
            self.send_header("Pragma", "no-cache")
            self.send_header("X-Powered-CMS", "Bitrix Site Manager")
            for cookie in answer.cookies:
                self.send_header("Set-Cookie", cookie)
            if answer.with_length:
                self.send_header("Content-Length", str(len(lead) + size))
            else:
                self.send_header("Connection", "close")
                self.close_connection = True
            self.end_headers()
            self.wfile.write(lead)
            first = size // 2 if kind in ("truncate", "stall") else size
            self._copy(body, first)
            if kind == "truncate":
                self.close_connection = True
                return
            if kind == "stall" and fault is not None and services.stopping.wait(fault.seconds):
                self.close_connection = True
                return
            self._copy(body, size - first)
        except OSError:  # the client went away (broken pipe, reset, shut down on stop)
            self.close_connection = True
        finally:
            body.close()

    def _copy(self, body: BinaryIO, count: int) -> None:
        while count > 0:
            chunk = body.read(min(CHUNK, count))
            if not chunk:
                break
            self.wfile.write(chunk)
            count -= len(chunk)
        self.wfile.flush()


def _codec_of(services: Services) -> str:
    """Text answers: windows-1251 as the component converts them; CRM mode leaves UTF-8."""
    encoding = services.exchange.settings.encoding.replace("_", "-").casefold()
    return "utf-8" if encoding in ("utf-8", "utf8") else "cp1251"
