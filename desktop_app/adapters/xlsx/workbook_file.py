"""Saving a workbook so that a crash never leaves half a file under the real name.

The workbook is written to a temporary file in the same folder (so the final rename stays
on one file system), flushed to disk, then renamed over the target with `os.replace`, which
is atomic on Windows and POSIX alike. If anything fails the temporary file is removed and
the old file, if there was one, is untouched. While it is written the temporary file is
locked, so that the next start can tell a killed export's file from a running one's.

`tempfile.mkstemp` creates its file 0600 whatever the umask, and the rename kept that, so
colleagues on a shared folder could not open an exported invoice (issue 14). Before the
rename the file gets the mode an ordinary new file would get: 0666 less the user's umask
(also when it replaces an older export, which may carry the old 0600).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import threading
from pathlib import Path

from openpyxl import Workbook

TEMP_PREFIX = ".order-review-"
TEMP_SUFFIX = ".xlsx.tmp"
_UMASK_LOCK = threading.Lock()


def save_atomically(workbook: Workbook, path: Path) -> Path:
    """Write `workbook` to `path`, whole or not at all."""
    handle, temporary = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=TEMP_SUFFIX, dir=path.parent)
    try:
        hold_while_writing(handle)
        with os.fdopen(handle, "wb") as stream:
            workbook.save(stream)
            stream.flush()
            if os.name == "posix":
                os.fchmod(stream.fileno(), 0o666 & ~current_umask())
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    return path


def hold_while_writing(handle: int) -> None:
    """Lock the temporary file while it is written: a cleaner that can take the lock knows
    its writer is dead (`services/leftovers.py`). Windows keeps an open file from being
    removed anyway, so there the lock is not needed."""
    if os.name == "posix":
        import fcntl

        fcntl.flock(handle, fcntl.LOCK_EX)


def is_abandoned(path: Path) -> bool:
    """Whether nobody writes this temporary file now (its writer died: a killed export)."""
    if os.name != "posix":
        return False  # the age rule alone decides there
    import fcntl

    try:
        handle = os.open(path, os.O_RDONLY)
    except OSError:
        return False
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    finally:
        os.close(handle)
    return True


def current_umask() -> int:
    """The process umask. Linux tells it in /proc; elsewhere it can only be read by setting
    it, which is done under a lock and undone at once."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    with _UMASK_LOCK:
        mask = os.umask(0o077)
        os.umask(mask)
    return mask
