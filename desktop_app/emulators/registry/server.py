"""The registry emulator's HTTP side: DaData's `findById/party` and what it refuses.

What the real service does, from its documentation (dadata.ru/api/find-party/, "Коды
ответа") and hflabs/dadata-py's client:

- only `POST /suggestions/api/4_1/rs/findById/party`; another method is 405, another path 404;
- `Authorization: Token <key>`: none is 401, a key it does not know is 403;
- a body that is not JSON (or not an object) is 400, and so is one without `query`;
- `query` is the ИНН or ОГРН; `kpp` and `branch_type` (MAIN/BRANCH) narrow exactly (a
  branch whose КПП the registry does not know is not found by КПП); `count` caps the list
  (DaData's maximum is 300; the default 10);
- an ИНН it does not know is `{"suggestions": []}` with 200.

Errors are DaData's JSON `{"family": "CLIENT_ERROR", "reason": …, "message": …}`.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from desktop_app.emulators.loopback import LoopbackHandler, LoopbackHTTPServer
from desktop_app.emulators.registry.entries import RegistryWorld, suggestion
from desktop_app.emulators.registry.faults import Fault, FaultBook

PARTY_PATH = "/suggestions/api/4_1/rs/findById/party"
MAX_COUNT = 300
DAILY_LIMIT = "Feature 'SUGGESTIONS' disabled for token '{token}'"
HTML_PAGE = (
    b"<html><head><title>\xd0\x92\xd1\x85\xd0\xbe\xd0\xb4</title></head>"
    b"<body>Proxy login</body></html>"
)
"""A proxy's login page answered with 200 in place of DaData's JSON."""


@dataclass
class Registry:
    """What the server serves: the entries, the key it accepts, the faults, what was asked."""

    world: RegistryWorld
    token: str
    faults: FaultBook = field(default_factory=FaultBook)
    asked: list[dict[str, Any]] = field(default_factory=list)
    """Every request body answered (a fault's included), in order: tests count look-ups."""
    lock: threading.Lock = field(default_factory=threading.Lock)
    sleep: Callable[[float], None] = time.sleep


class RegistryHTTPServer(LoopbackHTTPServer):
    def __init__(self, port: int, registry: Registry) -> None:
        super().__init__(port, PartyHandler)
        self.registry = registry


class PartyHandler(LoopbackHandler):
    title = "registry emulator"

    @property
    def _registry(self) -> Registry:
        server = self.server
        assert isinstance(server, RegistryHTTPServer)
        return server.registry

    def do_POST(self) -> None:  # noqa: N802 — http.server's name
        body = self.read_body()
        if body is None:
            return
        if self.path.split("?", 1)[0] != PARTY_PATH:
            self._error(404, "Not Found", "Not found")
            return
        token = self.headers.get("Authorization", "")
        if not token.startswith("Token ") or not token[6:].strip():
            self._error(401, "Unauthorized", "Token is missing")
            return
        if token[6:].strip() != self._registry.token:
            self._error(403, "Forbidden", "Unknown token")
            return
        self._answer(body)

    def do_GET(self) -> None:  # noqa: N802
        self._error(405, "Method Not Allowed", "Request method 'GET' not supported")

    do_PUT = do_DELETE = do_PATCH = do_GET  # noqa: N815

    def _answer(self, body: bytes) -> None:
        try:
            query = json.loads(body.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            self._error(400, "Bad Request", "Invalid JSON")
            return
        if not isinstance(query, dict) or not str(query.get("query") or "").strip():
            self._error(400, "Bad Request", "query is required")
            return
        registry = self._registry
        with registry.lock:
            registry.asked.append(query)
        fault = registry.faults.take()
        if fault is not None and self._fault(fault):
            return
        self._send_json(200, {"suggestions": found(registry.world, query)})

    def _fault(self, fault: Fault) -> bool:
        """Apply `fault`; True when it answered (or dropped) in place of the request."""
        if fault.kind == "latency":
            self._registry.sleep(fault.seconds)
            return False
        if fault.kind == "drop":
            self.close_connection = True
            self.connection.close()
            return True
        if fault.kind == "html":
            self._send(200, HTML_PAGE, "text/html")
            return True
        errors = {
            "bad_token": (403, "Forbidden", "Unknown token"),
            "daily_limit": (403, "Forbidden", DAILY_LIMIT.format(token=self._registry.token)),
            "too_many": (429, "Too Many Requests", "Too many requests"),
            "error500": (500, "Internal Server Error", "Internal Server Error"),
        }
        status, reason, message = errors[fault.kind]
        self._error(status, reason, message)
        return True

    def _error(self, status: int, reason: str, message: str) -> None:
        family = "SERVER_ERROR" if status >= 500 else "CLIENT_ERROR"
        self._send_json(status, {"family": family, "reason": reason, "message": message})

    def _send_json(self, status: int, answer: object) -> None:
        body = json.dumps(answer, ensure_ascii=False).encode("utf-8")
        self._send(status, body, "application/json;charset=UTF-8")

    def _send(self, status: int, body: bytes, content_type: str) -> None:
        try:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except OSError:  # the client gave up waiting (its deadline) and closed
            self.close_connection = True


def found(world: RegistryWorld, query: dict[str, Any]) -> list[dict[str, Any]]:
    """The suggestions for a query: by ИНН or ОГРН, narrowed by `kpp` and `branch_type`."""
    wanted = str(query["query"]).strip()
    entries = world.entries.get(wanted)
    if entries is None:
        entries = next((e for e in world.entries.values() if e[0].get("ogrn") == wanted), [])
    if query.get("kpp"):
        entries = [e for e in entries if e.get("kpp") == query["kpp"]]
    if query.get("branch_type"):
        entries = [e for e in entries if e.get("branch_type") == query["branch_type"]]
    count = query.get("count", 10)
    count = min(count, MAX_COUNT) if isinstance(count, int) and count > 0 else 10
    return [suggestion(e) for e in entries[:count]]
