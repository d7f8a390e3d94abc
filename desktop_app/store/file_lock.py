"""Locks that hold between processes: a lock file, locked by the operating system.

Two uses: the database's single writer (`WriterLock`: one write transaction at a time across
every thread and process of the app, so SQLite never answers "database is locked" to one of
them) and the single fetch per data folder (`services/fetch_lock.py`). The lock belongs to
the open file, so a process that is killed lets go of it at once — nothing stale is left to
clean up, and the file itself may stay (it holds no state, at most a line for a message).

POSIX: `flock` (whole file). Windows: `msvcrt.locking` of one byte far beyond the text, so
the text itself stays readable by the process that was refused.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
import time
from pathlib import Path
from types import TracebackType

log = logging.getLogger(__name__)

_WINDOWS_BYTE = 1 << 30
"""The byte locked on Windows: beyond any text the file holds (locking past EOF is allowed)."""
_WINDOWS_PAUSE = 0.05


class FileLock:
    """One lock file, opened once; `acquire` blocks or, with ``wait=False``, just tries."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None

    def acquire(self, *, wait: bool = True) -> bool:
        """Take the lock; False only when ``wait=False`` and another holder has it.

        A lock file that exists on a read-only disk is locked through a read-only handle
        (`flock` needs no write access); one that cannot be opened at all raises `OSError`.
        """
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError:
            fd = os.open(self.path, os.O_RDONLY)
        try:
            taken = _lock(fd, wait)
        except BaseException:
            os.close(fd)
            raise
        if not taken:
            os.close(fd)
            return False
        self._fd = fd
        return True

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is not None:
            _unlock(fd)
            os.close(fd)

    def write_note(self, text: str) -> None:
        """Leave a line in the held lock file (who holds it), for the refused one to read;
        a lock file held read-only (a read-only disk) keeps its old line."""
        assert self._fd is not None
        try:
            os.ftruncate(self._fd, 0)
            os.lseek(self._fd, 0, os.SEEK_SET)
            os.write(self._fd, text.encode("utf-8"))
        except OSError as error:
            log.debug("lock note not written to %s: %s", self.path, error)

    def read_note(self) -> str:
        try:
            return self.path.read_text(encoding="utf-8", errors="replace").strip()
        except OSError:
            return ""


class WriterLock:
    """The single writer: a thread lock for this process, then the lock file for the others.

    Re-entrant in one thread (a unit of work that opens another on the same thread waits
    for nobody); the file is locked by the outermost holder only.
    """

    def __init__(self, path: Path | None) -> None:
        self._threads = threading.RLock()
        self._file = FileLock(path) if path is not None else None
        self._depth = 0
        self._file_held = False

    def __enter__(self) -> WriterLock:
        self._threads.acquire()
        if self._depth == 0 and self._file is not None:
            try:
                self._file_held = self._file.acquire()
            except OSError as error:
                # A read-only data folder with no lock file yet: nobody can write there
                # anyway, and SQLite says so in its own words (`database_faults`).
                log.warning("No inter-process write lock (%s): %s", self._file.path, error)
            except BaseException:
                self._threads.release()
                raise
        self._depth += 1
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self._depth -= 1
        try:
            if self._depth == 0 and self._file is not None and self._file_held:
                self._file_held = False
                self._file.release()
        finally:
            self._threads.release()


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _lock(fd: int, wait: bool) -> bool:
        os.lseek(fd, _WINDOWS_BYTE, os.SEEK_SET)
        while True:
            try:
                msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
                return True
            except OSError:
                if not wait:
                    return False
                time.sleep(_WINDOWS_PAUSE)  # msvcrt has no blocking lock without a limit

    def _unlock(fd: int) -> None:
        os.lseek(fd, _WINDOWS_BYTE, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(fd: int, wait: bool) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX if wait else fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
