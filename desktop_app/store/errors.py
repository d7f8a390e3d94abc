"""Errors of the local store that a user can act on.

`StoreError` carries a message written for the manager (in Russian), which the CLI prints as
its one line on stderr, and the same as `said` (a code and parameters, `wording.errors`),
which the window words in its language. Anything else raised from the store is a bug and
goes to the crash dialog (GUIDE §7).
"""

from __future__ import annotations

import errno
from pathlib import Path

from desktop_app.wording.registry import said_text, worded
from desktop_app.wording.said import Said


class StoreError(Exception):
    """The store cannot do what was asked for a reason the user can understand and fix."""

    def __init__(self, message: str | Said, *, said: Said | None = None) -> None:
        """`message` is the `Said` (its Russian words become `str()`) or the sentence itself
        (then `said`, if given, is the same as a code)."""
        text, code = worded(message)
        super().__init__(text)
        self.said = said if said is not None else code


class DatabaseTooNewError(StoreError):
    """The database was migrated by a newer Order Review; this version must not touch it."""

    def __init__(self, revision: str, location: str) -> None:
        self.revision = revision
        self.location = location
        said = Said("store.too_new", {"revision": revision, "location": location})
        super().__init__(said_text(said), said=said)


class DatabaseFaultError(StoreError):
    """SQLite could not do its work for a reason outside the program: the disk is full or
    read-only, the file is locked, unreadable or damaged (`database_faults`). A known
    problem said in one sentence, never a bug for the crash dialog (qutebrowser's split)."""

    def __init__(self, kind: str, message: str | Said) -> None:
        super().__init__(message)
        self.kind = kind


class DatabaseDamagedError(DatabaseFaultError):
    """SQLite found the file damaged; from then on nothing is written into it."""


class DataFolderError(StoreError):
    """A file of the data folder could not be written: the disk is full or read-only."""


_DISK_FULL = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}
_READ_ONLY = {errno.EROFS, errno.EACCES, errno.EPERM}
DISK_ERRNOS = _DISK_FULL | _READ_ONLY | {errno.EIO}
"""The errno values that mean "the disk", not the program: said in words, not as a bug."""


def data_folder_error(error: OSError, folder: Path, what: str) -> DataFolderError:
    """One sentence for a failed write of `what` (e.g. «настройки») into the data folder."""
    params: dict[str, str] = {"what": what, "folder": str(folder)}
    if error.errno in _DISK_FULL:
        said = Said("store.folder_full", params)
    elif error.errno in _READ_ONLY:
        said = Said("store.folder_read_only", params)
    else:
        said = Said("store.folder_disk", {**params, "detail": str(error.strerror or error)})
    return DataFolderError(said_text(said), said=said)
