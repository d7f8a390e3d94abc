"""The HTTP side of the 1C emulator: IIS with the 1C web extension, on 127.0.0.1 only.

Answers carry what that stack sends: `Server: Microsoft-IIS/10.0`, `DataServiceVersion:
3.0`, a Content-Length. The `Location` of a created object is written as raw UTF-8 bytes —
Cyrillic set names unencoded — because that is what a live 1C sends (odata1c-gate's M2
acceptance: a Python `http.server` proxy that encodes headers as latin-1 fell over it); a
client reading it with `requests` gets the text decoded as latin-1 and must re-decode it.

Faults (faults.py) are applied here, around the publication. Request threads are not
daemons and are joined on shutdown; open keep-alive connections are shut down first so
that no thread waits on an idle client.
"""

from __future__ import annotations

import dataclasses
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from http import HTTPStatus
from typing import cast
from urllib.parse import unquote

from desktop_app.emulators.loopback import LOOPBACK as LOOPBACK
from desktop_app.emulators.loopback import LoopbackHandler, LoopbackHTTPServer
from desktop_app.emulators.onec import errors, iis
from desktop_app.emulators.onec.faults import (
    CUTS,
    WRITE_FAILED,
    WRITES,
    Fault,
    FaultBook,
    PageFault,
    PageFaults,
)
from desktop_app.emulators.onec.render import JSON_TYPE, XML_TYPE, Answer
from desktop_app.emulators.onec.service import Publication, Request

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class RequestRecord:
    """One request as the emulator saw it, for tests to assert on."""

    method: str
    path: str
    """Percent-decoded."""
    query: str
    """Percent-decoded as 1C decodes it: a `+` stays a plus."""
    status: int | None
    """The status sent; None when the connection was dropped without an answer."""
    user: str | None
    fault: str | None
    raw_query: str = ""
    """As sent (percent-encoded)."""


@dataclass(frozen=True, slots=True)
class Services:
    publication: Publication
    faults: FaultBook
    stopping: threading.Event
    record: Callable[[RequestRecord], None]
    page_faults: PageFaults = field(default_factory=PageFaults)


class OneCHTTPServer(LoopbackHTTPServer):
    def __init__(self, port: int, services: Services) -> None:
        super().__init__(port, ODataHandler)
        self.services = services


class ODataHandler(LoopbackHandler):
    title = "1C emulator"

    def _services(self) -> Services:
        return cast(OneCHTTPServer, self.server).services

    def _serve(self) -> None:
        services = self._services()
        path, _, query = self.path.partition("?")
        body = self.read_body()
        if body is None:
            return
        headers = {name.lower(): value for name, value in self.headers.items()}
        request = Request(self.command, path, query, headers, body)
        publication = services.publication
        fault = services.faults.take(self.command, publication.resource(path))
        kind = fault.kind if fault is not None else None
        paging = services.page_faults.take(
            self.command, unquote(path, errors="replace"), publication.resource(path)
        )
        sent = request  # recorded as the client sent it; 1C gets what the proxy passes on
        if paging is not None:
            request = dataclasses.replace(
                request, query=services.page_faults.query(paging, request.query)
            )
        if kind == "latency" and fault is not None and services.stopping.wait(fault.seconds):
            self.close_connection = True
            return
        if kind == "html_error":
            answer = Answer(503, iis.SERVICE_UNAVAILABLE.encode("ascii"), "text/html")
        elif kind == "error500" and fault is not None:
            answer = _error500(request, fault, publication.resource(path))
        else:
            answer = self._handle(publication, request, headers.get("host", LOOPBACK))
        recorded: str | None = kind
        if paging is not None:
            answer = _paged_answer(services.page_faults, paging, publication.resource(path), answer)
            recorded = kind or paging.kind
        dropped = kind == "drop_after_write"  # the book gives it to writes only
        self._record(sent, None if dropped else answer.status, answer.user, recorded)
        if dropped:
            self.close_connection = True
            return
        self._send(answer, cut=kind if kind in CUTS else None)

    # The names http.server dispatches to; MERGE is OData v3's PATCH by another name.
    do_GET = do_POST = do_PATCH = do_PUT = do_DELETE = do_MERGE = _serve  # noqa: N815

    @staticmethod
    def _handle(publication: Publication, request: Request, host: str) -> Answer:
        """The publication's answer; a bug of the emulator is 1C's 500 «внутренняя ошибка»."""
        try:
            return publication.handle(request, host)
        except Exception:
            log.exception("1C emulator: request %s %s failed", request.method, request.path)
            error = errors.internal()
            return Answer(500, error.json_body(), JSON_TYPE)

    def _record(
        self, request: Request, status: int | None, user: str | None, fault: str | None
    ) -> None:
        """Recorded before the answer goes out, so a client never sees an unrecorded answer."""
        path = unquote(request.path, errors="replace")
        query = unquote(request.query, errors="replace")
        record = RequestRecord(
            request.method, path, query, status, user, fault, raw_query=request.query
        )
        self._services().record(record)

    def _send(self, answer: Answer, *, cut: str | None) -> None:
        """The answer as IIS sends it; `cut` (faults.CUTS) sends only half its body."""
        try:
            reason = HTTPStatus(answer.status).phrase
        except ValueError:
            reason = ""
        html = answer.content_type == "text/html"
        server = "Microsoft-HTTPAPI/2.0" if answer.status == 503 else "Microsoft-IIS/10.0"
        lines = [f"HTTP/1.1 {answer.status} {reason}", f"Server: {server}"]
        if answer.content_type:
            lines.append(f"Content-Type: {answer.content_type}")
        if not html and answer.status != 401:
            lines.append("DataServiceVersion: 3.0")
        lines.extend(f"{name}: {value}" for name, value in answer.headers)
        half = answer.body[: len(answer.body) // 2]
        body = answer.body if cut is None else half
        if cut == "chunked_cut":
            lines.append("Transfer-Encoding: chunked")
            body = f"{len(half):X}\r\n".encode("ascii") + half + b"\r\n"  # no last chunk
        else:
            lines.append(f"Content-Length: {len(body if cut == 'short_body' else answer.body)}")
        lines.append("X-Powered-By: ASP.NET")
        if cut is not None:
            lines.append("Connection: close")
            self.close_connection = True
        head = ("\r\n".join(lines) + "\r\n\r\n").encode("utf-8")
        try:
            self.wfile.write(head + body)
            self.wfile.flush()
        except OSError:  # the client went away (broken pipe, reset, shut down on stop)
            self.close_connection = True
        self.log_request(answer.status, len(answer.body))


def _error500(request: Request, fault: Fault, entity_set: str | None) -> Answer:
    """A configuration handler failed: 500 with code -1, in the format the request asked."""
    if fault.message:
        message = fault.message
    elif request.method in WRITES:
        message = WRITE_FAILED.format(object=(entity_set or "").partition("_")[2])
    else:
        message = errors.INTERNAL
    error = errors.internal(message)
    wants_json = "json" in request.query.lower() or "json" in request.headers.get("accept", "")
    if wants_json:
        return Answer(500, error.json_body(), JSON_TYPE)
    return Answer(500, error.xml_body(), XML_TYPE)


def _paged_answer(
    book: PageFaults, fault: PageFault, entity_set: str | None, answer: Answer
) -> Answer:
    """The answer of a paged read as the proxy in front of 1C passes it back."""
    if fault.kind == "answer":
        return Answer(fault.status, fault.body, JSON_TYPE, user=answer.user)
    if fault.kind == "repeat_page" and answer.status == 200:
        return dataclasses.replace(answer, body=book.repeated(fault, entity_set, answer.body))
    return answer
