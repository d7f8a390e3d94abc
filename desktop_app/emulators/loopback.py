"""What both emulators share: an HTTP server on 127.0.0.1, its handler's basics, its life cycle.

The server joins its request threads on shutdown (they are not daemons) and first shuts down
every open keep-alive connection, so that no thread waits on an idle client. The life cycle
(`start`, `stop`, `with`, `base_url`) is the same for the portal and for 1C; each emulator
only says how to make its server.
"""

from __future__ import annotations

import contextlib
import logging
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Self

LOOPBACK = "127.0.0.1"
MAX_BODY = 64 * 1024 * 1024
"""A longer request body is refused with 413 before it is read."""


class LoopbackHandler(BaseHTTPRequestHandler):
    """Keep-alive HTTP/1.1 as both real servers speak it; a subclass says `title`."""

    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go out in separate writes
    timeout = 120  # an idle keep-alive client does not hold a thread forever
    title = "emulator"

    def log_message(self, format: str, *args: Any) -> None:
        logging.getLogger(type(self).__module__).debug(self.title + ": " + format, *args)

    def read_body(self) -> bytes | None:
        """The request body; None when it was refused (413 already sent)."""
        length = self.headers.get("Content-Length")
        if not length:
            return b""
        if not length.isdigit() or int(length) > MAX_BODY:
            self.send_error(413)
            return None
        return self.rfile.read(int(length))


class LoopbackHTTPServer(ThreadingHTTPServer):
    daemon_threads = False
    block_on_close = True

    def __init__(self, port: int, handler: type[BaseHTTPRequestHandler]) -> None:
        super().__init__((LOOPBACK, port), handler)
        self._open: set[socket.socket] = set()
        self._open_lock = threading.Lock()

    def process_request(self, request: Any, client_address: Any) -> None:
        with self._open_lock:
            self._open.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request: Any) -> None:
        with self._open_lock:
            self._open.discard(request)
        super().shutdown_request(request)

    def close_connections(self) -> None:
        """Wake every request thread still reading from or writing to a client."""
        with self._open_lock:
            sockets = list(self._open)
        for sock in sockets:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)


class Served:
    """`with` starts it and stops it, whatever happens inside."""

    def start(self) -> Self:
        raise NotImplementedError

    def stop(self) -> None:
        raise NotImplementedError

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *_: object) -> None:
        self.stop()


class LoopbackEmulator(Served):
    """Serving in a thread; a subclass makes its server in `_make_server`."""

    title = "the emulator"
    """For messages: "the portal emulator is not running"."""
    port: int

    def __init__(self) -> None:
        self._server: LoopbackHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._stopping = threading.Event()

    def _make_server(self, stopping: threading.Event) -> LoopbackHTTPServer:
        raise NotImplementedError

    def start(self) -> Self:
        """Listen on 127.0.0.1 (an ephemeral port unless `port` was given) in a thread."""
        if self._server is not None:
            raise RuntimeError(f"{self.title} is already running")
        self._stopping = threading.Event()
        self._server = self._make_server(self._stopping)
        self._thread = threading.Thread(
            target=self._server.serve_forever,
            kwargs={"poll_interval": 0.1},
            name=self.title.replace(" ", "-"),
            daemon=True,
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving, wake and close every connection, join every thread."""
        server, thread = self._server, self._thread
        if server is None or thread is None:
            return
        self._stopping.set()
        server.shutdown()
        server.close_connections()
        server.server_close()
        thread.join()
        self._server = self._thread = None

    def __enter__(self) -> Self:
        return self if self._server is not None else self.start()

    @property
    def running(self) -> bool:
        return self._server is not None

    @property
    def base_url(self) -> str:
        if self._server is None:
            raise RuntimeError(f"{self.title} is not running; call start() first")
        return f"http://{LOOPBACK}:{self._server.server_address[1]}"
