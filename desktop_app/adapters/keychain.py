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

from types import ModuleType

SERVICE_PREFIX = "Order Review"


class KeychainError(Exception):
    """The keychain cannot be used; the message says what to do."""


def _service(system: str) -> str:
    return f"{SERVICE_PREFIX}: {system}"


def _account(user: str, url: str) -> str:
    return f"{user}@{url.rstrip('/')}"


def _unavailable(error: Exception) -> KeychainError:
    return KeychainError(
        "Системное хранилище паролей недоступно "
        f"({type(error).__name__}: {error}). В Linux нужен работающий Secret Service "
        "(GNOME Keyring, KWallet); в Windows — диспетчер учётных данных."
    )


def _keyring() -> ModuleType:
    import keyring
    import keyring.errors

    return keyring


def store_password(system: str, user: str, url: str, password: str) -> None:
    keyring = _keyring()
    try:
        keyring.set_password(_service(system), _account(user, url), password)
    except (keyring.errors.KeyringError, RuntimeError) as error:
        raise _unavailable(error) from None


def password(system: str, user: str, url: str) -> str | None:
    keyring = _keyring()
    try:
        found: str | None = keyring.get_password(_service(system), _account(user, url))
    except (keyring.errors.KeyringError, RuntimeError) as error:
        raise _unavailable(error) from None
    return found


def forget_password(system: str, user: str, url: str) -> None:
    keyring = _keyring()
    try:
        keyring.delete_password(_service(system), _account(user, url))
    except keyring.errors.PasswordDeleteError:
        return
    except (keyring.errors.KeyringError, RuntimeError) as error:
        raise _unavailable(error) from None
