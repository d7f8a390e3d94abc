"""The registry check as the settings and the keychain describe it: one door for CLI and window.

`registry.url` and `registry.max_age_days` come from the settings, DaData's key from the
keychain (`login registry`); without a key (or with the keychain locked) the check asks
nothing and its findings say «не задан ключ». `offline` asks nothing either (`checks
--offline`, a review without the network).
"""

from __future__ import annotations

import logging

from desktop_app.adapters import keychain
from desktop_app.adapters.registry.dadata_client import RegistryConnection
from desktop_app.services.password_vault import PasswordVault
from desktop_app.services.registry_check import RegistryCheck, token_of
from desktop_app.services.settings import Settings
from desktop_app.store.database import Database
from desktop_app.store.entity_mappings import MappingRepository
from desktop_app.store.registry_answers import RegistryAnswers

log = logging.getLogger(__name__)


def registry_connection(settings: Settings, vault: PasswordVault) -> RegistryConnection | None:
    """The connection to ask with; None when no key is kept."""
    try:
        token = token_of(vault, settings.registry.url)
    except keychain.KeychainError as error:
        log.warning("registry: the key could not be read from the keychain: %s", error)
        return None
    return RegistryConnection(url=settings.registry.url, token=token) if token else None


def registry_check_for(
    settings: Settings, vault: PasswordVault, database: Database, *, offline: bool = False
) -> RegistryCheck:
    connection = None if offline else registry_connection(settings, vault)
    check = RegistryCheck(
        RegistryAnswers(database),
        connection,
        max_age_days=settings.registry.max_age_days,
        mappings=MappingRepository(database),
    )
    if offline:
        check.offline = True
    return check
