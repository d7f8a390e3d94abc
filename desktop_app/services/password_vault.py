"""Where the running program takes the portal's and 1C's passwords from.

A real installation keeps them in the operating system's keychain and nowhere else
(`adapters/keychain.py`). The demo is a throw-away world on loopback whose passwords are
known to everyone: putting those into the user's keychain would leave litter behind (and
might overwrite a real entry), so the demo holds them in memory for the life of the process.
The window and the settings dialog see only this interface and cannot tell the two apart.
"""

from __future__ import annotations

from typing import Protocol

from desktop_app.adapters import keychain


class PasswordVault(Protocol):
    """Passwords by system ("portal" or "onec"), login and address."""

    def password(self, system: str, user: str, url: str) -> str | None:
        """The stored password, or None; raises `keychain.KeychainError` when unusable."""
        ...

    def store(self, system: str, user: str, url: str, password: str) -> None: ...

    @property
    def persistent(self) -> bool:
        """True when a stored password outlives the process (the keychain)."""
        ...


class KeychainVault:
    """The operating system's keychain (the only place a real password may live)."""

    def password(self, system: str, user: str, url: str) -> str | None:
        return keychain.password(system, user, url)

    def store(self, system: str, user: str, url: str, password: str) -> None:
        keychain.store_password(system, user, url, password)

    @property
    def persistent(self) -> bool:
        return True


class MemoryVault:
    """Passwords held by this process only; forgotten when it ends (the demo)."""

    def __init__(self) -> None:
        self._secrets: dict[tuple[str, str, str], str] = {}

    def password(self, system: str, user: str, url: str) -> str | None:
        return self._secrets.get((system, user, url.rstrip("/")))

    def store(self, system: str, user: str, url: str, password: str) -> None:
        self._secrets[(system, user, url.rstrip("/"))] = password

    @property
    def persistent(self) -> bool:
        return False
