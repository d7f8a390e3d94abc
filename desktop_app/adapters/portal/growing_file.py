"""Reading an answer while it is still being downloaded.

The portal's answer is written to a file (so nothing depends on holding it in memory, and a
crash leaves evidence on disk), and it can take minutes over a slow VPN. Reading it only
after the download would add that time to every fetch; `GrowingFile` lets the reader follow
the download instead: a read at the current end of the file waits until the downloading
thread writes more, finishes, or fails.
"""

from __future__ import annotations

import io
import threading
from collections.abc import Callable
from pathlib import Path

from desktop_app.adapters.portal.exchange_errors import FetchCancelledError


class DownloadInterruptedError(Exception):
    """The download that a `GrowingFile` follows failed; `cause` says how."""

    def __init__(self, cause: BaseException) -> None:
        super().__init__(f"the download stopped: {cause!r}")
        self.cause = cause


class DownloadState:
    """What the downloading thread tells the readers: started, grew, finished or failed.

    `cancel` (the user's) ends every wait at once with `FetchCancelledError`: a reader must
    not sit out a stalled download when the user has asked to stop.
    """

    def __init__(self, cancel: threading.Event | None = None) -> None:
        self._cancel = cancel
        self._changed = threading.Condition()
        self.size = 0
        self.started = False
        self.charset: str | None = None
        self.total: int | None = None
        """The announced size (Content-Length), when the server gave one."""
        self.finished = False
        self.error: BaseException | None = None

    def start(self, charset: str | None, total: int | None = None) -> None:
        with self._changed:
            self.started, self.charset, self.total = True, charset, total
            self._changed.notify_all()

    def grow(self, size: int) -> None:
        with self._changed:
            self.size = size
            self._changed.notify_all()

    def finish(self, error: BaseException | None = None) -> None:
        with self._changed:
            self.finished, self.error = True, error
            self._changed.notify_all()

    def wait_started(self) -> None:
        """Until the answer's headers are in (the file exists) or the download ended."""
        self._wait(lambda: self.started or self.finished)

    def wait_beyond(self, offset: int) -> None:
        """Until more than `offset` bytes are written, or the download ended."""
        self._wait(lambda: self.size > offset or self.finished)

    def _wait(self, ready: Callable[[], bool]) -> None:
        with self._changed:
            while not self._changed.wait_for(ready, timeout=0.2):
                if self._cancel is not None and self._cancel.is_set():
                    raise FetchCancelledError("Получение заказов отменено.")


class GrowingFile(io.RawIOBase):
    """A read-only view of a file another thread is appending to (see `DownloadState`).

    End of file is reported only when the download has finished; if it failed, the read
    raises `DownloadInterruptedError` instead, so a reader never mistakes a cut answer for a
    short one.
    """

    def __init__(self, path: Path, state: DownloadState) -> None:
        super().__init__()
        self._file = path.open("rb", buffering=0)
        self._state = state
        self._offset = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        while True:
            finished = self._state.finished  # read before the file: no byte can be missed
            count = self._file.readinto(buffer) or 0
            if count:
                self._offset += count
                return count
            if finished:
                if self._state.error is not None:
                    raise DownloadInterruptedError(self._state.error)
                return 0
            self._state.wait_beyond(self._offset)

    def read_up_to(self, size: int) -> bytes:
        """Exactly `size` bytes, or fewer only at the end of the finished download."""
        parts: list[bytes] = []
        wanted = size
        while wanted > 0:
            part = self.read(wanted)
            if not part:
                break
            parts.append(part)
            wanted -= len(part)
        return b"".join(parts)

    def close(self) -> None:
        self._file.close()
        super().close()
