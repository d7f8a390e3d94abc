"""Saving a workbook so that a crash never leaves half a file under the real name.

The workbook is written to a temporary file in the same folder (so the final rename stays
on one file system), flushed to disk, then renamed over the target with `os.replace`, which
is atomic on Windows and POSIX alike. If anything fails the temporary file is removed and
the old file, if there was one, is untouched.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from openpyxl import Workbook

TEMP_PREFIX = ".order-review-"
TEMP_SUFFIX = ".xlsx.tmp"


def save_atomically(workbook: Workbook, path: Path) -> Path:
    """Write `workbook` to `path`, whole or not at all."""
    handle, temporary = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=TEMP_SUFFIX, dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            workbook.save(stream)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    return path
