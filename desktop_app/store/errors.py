"""Errors of the local store that a user can act on.

`StoreError` carries a message written for the manager (in Russian): the UI shows it as is and
the CLI prints it as its one line on stderr. Anything else raised from the store is a bug and
goes to the crash dialog (GUIDE §7).
"""

from __future__ import annotations

import errno
from pathlib import Path


class StoreError(Exception):
    """The store cannot do what was asked for a reason the user can understand and fix."""


class DatabaseTooNewError(StoreError):
    """The database was migrated by a newer Order Review; this version must not touch it."""

    def __init__(self, revision: str, location: str) -> None:
        self.revision = revision
        self.location = location
        super().__init__(
            f"База данных создана более новой версией Order Review (ревизия {revision}). "
            "Обновите программу до последней версии или укажите другую папку данных. "
            f"Файл не изменён: {location}"
        )


class DatabaseFaultError(StoreError):
    """SQLite could not do its work for a reason outside the program: the disk is full or
    read-only, the file is locked, unreadable or damaged (`database_faults`). A known
    problem said in one sentence, never a bug for the crash dialog (qutebrowser's split)."""

    def __init__(self, kind: str, message: str) -> None:
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
    if error.errno in _DISK_FULL:
        cause = "на диске не осталось места"
        advice = "освободите место и повторите"
    elif error.errno in _READ_ONLY:
        cause = "папка открыта только для чтения или нет прав на запись"
        advice = "проверьте права на папку"
    else:
        cause = f"ошибка диска ({error.strerror or error})"
        advice = "проверьте диск"
    return DataFolderError(
        f"Не удалось записать {what} в папку данных {folder}: {cause}, {advice}."
    )
