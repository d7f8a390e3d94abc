"""Errors of the local store that a user can act on.

`StoreError` carries a message written for the manager (in Russian): the UI shows it as is and
the CLI prints it as its one line on stderr. Anything else raised from the store is a bug and
goes to the crash dialog (GUIDE §7).
"""

from __future__ import annotations


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
