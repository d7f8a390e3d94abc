"""One fetch at a time per data folder, whichever window or command runs it.

Two fetches at once used to trip over each other: the second one removed the first one's
download from `work/`, marked its fetch abandoned, and logged in on the same exchange page,
so the first one's `success` was refused (issue 14: «Портал отказал (шаг «success»)»
although its orders were stored). Now the second one stops at its start with a sentence.
The lock is the operating system's (`store.file_lock`): a killed fetch releases it at once.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path

from desktop_app.adapters.portal.exchange_errors import PortalError
from desktop_app.store.file_lock import FileLock

LOCK_NAME = "fetch.lock"


class FetchRunningError(PortalError):
    """Another fetch holds the data folder. A `PortalError`, because everything that starts
    a fetch already says those in words (CLI exit code 2, a message in the window)."""


def lock_path(data_dir: Path) -> Path:
    return data_dir / LOCK_NAME


@contextlib.contextmanager
def while_idle(data_dir: Path) -> Iterator[bool]:
    """True (holding the lock, so no fetch starts meanwhile) when no fetch runs; else False."""
    lock = FileLock(lock_path(data_dir))
    taken = lock.acquire(wait=False)
    try:
        yield taken
    finally:
        if taken:
            lock.release()


@contextlib.contextmanager
def single_fetch(data_dir: Path) -> Iterator[None]:
    """Hold the folder's fetch lock, or raise `FetchRunningError` saying who holds it."""
    data_dir.mkdir(parents=True, exist_ok=True)
    lock = FileLock(lock_path(data_dir))
    if not lock.acquire(wait=False):
        holder = lock.read_note()
        raise FetchRunningError(
            f"Уже идёт другое получение заказов ({holder or 'в другом окне или команде'}): "
            "дождитесь его окончания и повторите."
        )
    try:
        started = dt.datetime.now().strftime("%H:%M:%S")
        lock.write_note(f"процесс {os.getpid()}, начато в {started}")
        yield
    finally:
        lock.release()
