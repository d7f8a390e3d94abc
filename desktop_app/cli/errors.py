"""Errors the command line reports as one clear line instead of a traceback."""

from __future__ import annotations


class UserError(Exception):
    """Something the user can fix (a missing file, a bad argument, no configuration).

    The command prints the message on stderr and exits with code 2 (GUIDE §11).
    """

    exit_code = 2


def known_problem(error: BaseException) -> UserError | None:
    """A known problem that escaped a command (the store's disk full, read-only or damaged,
    in the middle of any command) as the `UserError` to report; None for a bug.

    Commands turn the errors they expect into `UserError` themselves; a database fault can
    happen in any statement of any command, so it is sorted here once, as qutebrowser sorts
    SQLite errors (GUIDE §2): the store's `StoreError` says its code, worded here in the
    CLI's one language (the Russian source, which is also its `str()`).
    """
    from desktop_app.services.settings import SettingsError
    from desktop_app.store.errors import StoreError
    from desktop_app.wording.registry import said_text

    if isinstance(error, StoreError | SettingsError):
        return UserError(said_text(error.said))
    return None
