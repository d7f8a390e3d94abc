"""What one running window works on: the data folder, its database, settings and passwords.

The window, its background tasks and the settings dialog share one `Workspace`. It opens
(and migrates) the database once and keeps the connection settings in memory, so nothing
re-reads `settings.json` while the manager works; saving writes the file and the new values
at once. The passwords come from a `PasswordVault`: the keychain, or memory for the demo.
Keychain look-ups may block (a locked Secret Service asks the user to unlock it), so the
window asks for passwords from its background tasks, never on the GUI thread.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path

from desktop_app.services import app_dirs, leftovers
from desktop_app.services import settings as settings_file
from desktop_app.services.password_vault import PasswordVault
from desktop_app.services.quarantine_reread import reread_at_start
from desktop_app.services.settings import OneCSettings, PortalSettings, Settings
from desktop_app.store.database import Database


@dataclass
class Workspace:
    data_dir: Path
    database: Database
    vault: PasswordVault
    demo: bool = False
    """A throw-away demo world: nothing here outlives the process."""
    _settings: Settings = field(default_factory=Settings)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @classmethod
    def open(cls, data_dir: Path, vault: PasswordVault, *, demo: bool = False) -> Workspace:
        """Open the folder's database and read its settings.

        Raises `StoreError` for a database that cannot be used and `SettingsError` for a
        settings file that cannot be read; both carry a sentence for the manager.
        """
        loaded = settings_file.load(data_dir)
        database = Database.open(data_dir)
        reread_at_start(database)  # at each start: see services/quarantine_reread.py
        leftovers.clean_leftovers(data_dir)  # of a fetch or an export that was killed
        return cls(data_dir, database, vault, demo, loaded)

    def close(self) -> None:
        self.database.close()

    @property
    def work_dir(self) -> Path:
        return app_dirs.work_dir(self.data_dir)

    @property
    def settings(self) -> Settings:
        with self._lock:
            return self._settings

    def save_settings(self, new: Settings) -> None:
        """Write `settings.json` (atomically) and use the new values from now on."""
        settings_file.save(self.data_dir, new)
        with self._lock:
            self._settings = new

    @property
    def configured(self) -> bool:
        """Whether the portal is set up enough to try a fetch."""
        portal = self.settings.portal
        return bool(portal.url and portal.user)

    def portal_password(self, portal: PortalSettings | None = None) -> str | None:
        """The portal password for these (or the current) settings; may block: not on GUI."""
        section = portal or self.settings.portal
        if not section.url or not section.user:
            return None
        return self.vault.password("portal", section.user, section.url)

    def onec_password(self, onec: OneCSettings | None = None) -> str | None:
        """The 1C password for these (or the current) settings; may block: not on GUI."""
        section = onec or self.settings.onec
        if not section.url or not section.user:
            return None
        return self.vault.password("onec", section.user, section.url)
