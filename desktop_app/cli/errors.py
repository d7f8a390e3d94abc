"""Errors the command line reports as one clear line instead of a traceback."""

from __future__ import annotations


class UserError(Exception):
    """Something the user can fix (a missing file, a bad argument, no configuration).

    The command prints the message on stderr and exits with code 2 (GUIDE §11).
    """

    exit_code = 2
