"""An overall deadline for an HTTP answer, whatever pace the server keeps.

requests' timeouts are per socket operation: a server that sends one byte every two seconds
never lets a read time out, so `fetch` and `check onec` could wait forever (issue 14, point
9). The deadline is kept here instead: the adapter knows every socket its connections
opened, and a timer shuts them down when the time is up. Shutting a socket down wakes a
blocked `recv` at once on every platform (closing it would not), in the middle of the status
line, the headers or the body alike. Whatever then comes out of requests — an exception, or
a body that merely looks complete because the connection ended — the caller asks the watch
whether it fired, and an answer that was cut by the deadline is never taken for a whole one.

Shutting down every socket of the adapter is right because a client is not shared between
threads: the only busy socket is the one of the answer being watched; idle keep-alive
sockets that are cut with it are found dead and replaced by urllib3 before reuse.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from requests.adapters import HTTPAdapter
from urllib3 import PoolManager, ProxyManager
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool


class Deadline:
    """The moment a step (one answer, or one step with its retries) must be over by."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self._ends = time.monotonic() + seconds

    def remaining(self) -> float:
        return max(0.0, self._ends - time.monotonic())

    @property
    def passed(self) -> bool:
        return self.remaining() <= 0


class DeadlineAdapter(HTTPAdapter):
    """An HTTPAdapter whose connections register their sockets, so a deadline can cut them."""

    def __init__(self) -> None:
        self._sockets: weakref.WeakSet[socket.socket] = weakref.WeakSet()
        self._lock = threading.Lock()
        super().__init__()

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        self._watch_pools(self.poolmanager)

    def proxy_manager_for(self, proxy: str, **proxy_kwargs: Any) -> PoolManager:
        manager: PoolManager = super().proxy_manager_for(proxy, **proxy_kwargs)
        if isinstance(manager, ProxyManager):  # a SOCKS manager keeps its own pools (no deadline)
            self._watch_pools(manager)
        return manager

    def _register(self, sock: socket.socket | None) -> None:
        if sock is not None:
            with self._lock:
                self._sockets.add(sock)

    def cut_all(self) -> None:
        """Shut down every socket this adapter opened (from any thread)."""
        with self._lock:
            sockets = list(self._sockets)
        for sock in sockets:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)

    @contextmanager
    def watch(self, seconds: float) -> Iterator[threading.Event]:
        """Cut the adapter's sockets after `seconds`; the event says whether that happened."""
        fired = threading.Event()

        def cut() -> None:
            fired.set()
            self.cut_all()

        timer = threading.Timer(max(seconds, 0.0), cut)
        timer.daemon = True
        timer.start()
        try:
            yield fired
        finally:
            timer.cancel()

    def _watch_pools(self, manager: PoolManager) -> None:
        register = self._register

        class WatchedHTTPConnection(HTTPConnection):
            def connect(self) -> None:
                super().connect()
                register(self.sock)

        class WatchedHTTPSConnection(HTTPSConnection):
            # Registered once the TLS handshake is done: the ssl module detaches the plain
            # socket while wrapping it, so the handshake itself keeps only its per-read
            # timeout (connect_timeout).
            def connect(self) -> None:
                super().connect()
                register(self.sock)

        class WatchedHTTPPool(HTTPConnectionPool):
            ConnectionCls = WatchedHTTPConnection

        class WatchedHTTPSPool(HTTPSConnectionPool):
            ConnectionCls = WatchedHTTPSConnection

        manager.pool_classes_by_scheme = {"http": WatchedHTTPPool, "https": WatchedHTTPSPool}
