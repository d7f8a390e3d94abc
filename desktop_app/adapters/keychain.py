"""Passwords in the operating system's keychain, and nowhere else.

Windows Credential Manager, macOS Keychain or the Secret Service on Linux, through `keyring`.
An entry is named by the system (portal, 1C), the login and the address, so two portals or
two 1C bases keep separate passwords. A missing or locked backend becomes `KeychainError`
with words a person can act on, never a traceback (GUIDE §10: frozen builds can lose the
backends' entry points).

`keyring` is imported on first use: finding its backends takes a noticeable part of a
second, which the window's start (and the demo, which keeps its passwords in memory)
need not pay.
"""

from __future__ import annotations

import os
from types import ModuleType

from desktop_app.wording.registry import worded
from desktop_app.wording.said import Said

SERVICE_PREFIX = "Order Review"

EMPTY_PASSWORD = "\x1e(empty password)\x1e"  # noqa: S105 - a marker, not a secret
"""What the keychain holds for a password that is empty (a 1C user may have none, and 1C
lets such a user in): some backends store an empty secret as nothing at all, or refuse it,
which would read back as "no password saved" and ask the manager again and again. The
record separators around it cannot be typed into a password field, so no real password
is ever taken for it."""


class KeychainError(Exception):
    """The keychain cannot be used; `str()` says what to do, `said` the same as a code
    (`wording.service_errors`) for the window; keyring's own words are a parameter."""

    def __init__(self, message: str | Said) -> None:
        text, self.said = worded(message)
        super().__init__(text)


def _service(system: str) -> str:
    return f"{SERVICE_PREFIX}: {system}"


def _account(user: str, url: str) -> str:
    return f"{user}@{url.rstrip('/')}"


def _unavailable(error: Exception) -> KeychainError:
    detail = f"{type(error).__name__}: {error}"
    return KeychainError(Said("keychain.unavailable", {"detail": detail}))


def _keyring() -> ModuleType:
    """keyring, with its backend chosen; a backend that cannot be loaded is `KeychainError`.

    keyring loads the backend named by `PYTHON_KEYRING_BACKEND` (or its `keyringrc.cfg`)
    lazily, on the first call, by importing it: an unknown name raises ImportError,
    AttributeError or ValueError from `keyring.core.load_keyring` (keyring 25, core.py),
    which used to reach the user as a traceback.
    """
    import keyring
    import keyring.errors

    try:
        keyring.get_keyring()
    except (ImportError, AttributeError, ValueError, TypeError) as error:
        raise _unloadable(error) from None  # the cause is in the name, not in the error
    except (keyring.errors.KeyringError, RuntimeError) as error:  # found, but not viable
        raise _unavailable(error) from None
    return keyring


def _unloadable(_error: Exception) -> KeychainError:
    chosen = os.environ.get("PYTHON_KEYRING_BACKEND")
    if chosen is None:
        return KeychainError(Said("keychain.unknown_in_config"))
    return KeychainError(Said("keychain.unknown_in_env", {"chosen": chosen}))


def store_password(system: str, user: str, url: str, password: str) -> None:
    keyring = _keyring()
    try:
        stored = password or EMPTY_PASSWORD
        keyring.set_password(_service(system), _account(user, url), stored)
    except (keyring.errors.KeyringError, RuntimeError) as error:
        raise _unavailable(error) from None


def password(system: str, user: str, url: str) -> str | None:
    """The stored password ("" for an empty one), or None when none is saved."""
    keyring = _keyring()
    try:
        found: str | None = keyring.get_password(_service(system), _account(user, url))
    except (keyring.errors.KeyringError, RuntimeError) as error:
        raise _unavailable(error) from None
    return "" if found == EMPTY_PASSWORD else found


def forget_password(system: str, user: str, url: str) -> None:
    keyring = _keyring()
    try:
        keyring.delete_password(_service(system), _account(user, url))
    except keyring.errors.PasswordDeleteError:
        return
    except (keyring.errors.KeyringError, RuntimeError) as error:
        raise _unavailable(error) from None
