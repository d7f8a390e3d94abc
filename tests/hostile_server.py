"""A small hostile HTTP server on 127.0.0.1 for the tests: it answers as a test tells it,
and records every request that reached it (so a test can say a password never arrived).

Not an emulator of anything: each test gives it the one misbehaviour it is about — a
redirect elsewhere, a body trickled a byte at a time, an answer hundreds of megabytes long.
Bodies are produced lazily and stop when the client goes away or the server stops.
"""

from __future__ import annotations

import contextlib
import ssl
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from typing import Self


@dataclass(frozen=True)
class Seen:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes


@dataclass
class Reply:
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    body: Iterable[bytes] = ()
    """Sent piece by piece; a generator may sleep between pieces (a trickle)."""


Answer = Callable[[Seen], Reply]


class HostileServer:
    def __init__(
        self, answer: Answer, host: str = "127.0.0.1", tls: tuple[Path, Path] | None = None
    ) -> None:
        """`tls`: (certificate, key) to serve https."""
        self.answer = answer
        self.seen: list[Seen] = []
        self.sent_bytes = 0
        self.stopping = threading.Event()
        owner = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: object) -> None:
                pass

            def _serve(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                seen = Seen(
                    self.command, self.path, dict(self.headers.items()), self.rfile.read(length)
                )
                owner.seen.append(seen)
                reply = owner.answer(seen)
                self.send_response(reply.status)
                for name, value in reply.headers.items():
                    self.send_header(name, value)
                if "Content-Length" not in reply.headers:
                    self.send_header("Connection", "close")
                    self.close_connection = True
                self.end_headers()
                with contextlib.suppress(OSError):
                    for piece in reply.body:
                        if owner.stopping.is_set():
                            break
                        self.wfile.write(piece)
                        self.wfile.flush()
                        owner.sent_bytes += len(piece)

            do_GET = do_POST = do_PATCH = _serve  # noqa: N815

        self.server = ThreadingHTTPServer((host, 0), Handler)
        self.server.daemon_threads = True
        if tls is not None:
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain(*tls)
            self.server.socket = context.wrap_socket(self.server.socket, server_side=True)
        self.scheme = "https" if tls else "http"
        self.port = self.server.server_address[1]
        self.host = host
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def url(self, path: str = "/bitrix/admin/1c_exchange.php", *, host: str | None = None) -> str:
        return f"{self.scheme}://{host or self.host}:{self.port}{path}"

    def __enter__(self) -> Self:
        self._thread.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stopping.set()
        self.server.shutdown()
        self.server.server_close()
        self._thread.join()


def trickle(prefix: bytes, every: float, stopping: threading.Event) -> Iterable[bytes]:
    """`prefix`, then one byte every `every` seconds until the server stops."""
    yield prefix
    while not stopping.wait(every):
        yield b" "


def endless(line: bytes, total: int) -> Iterable[bytes]:
    """`total` bytes of `line` repeated, made a megabyte at a time (never held whole)."""
    block = line * max(1, (1024 * 1024) // len(line))
    sent = 0
    while sent < total:
        piece = block[: total - sent]
        sent += len(piece)
        yield piece
