"""Connecting to 1C: the client from the settings, and the publication check.

`$metadata` is read once and its summary kept in the data folder (`PublicationCache`): a
real УТ 11 answers it in seconds with megabytes. With it go the reference items new objects
point at (kinds of contact information, the partners' access group — onec_references.py),
read again by themselves when `onec.partner_access_group` changes. `check=True` reads all
again — what the "Проверить подключение" button and `check onec` do.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from desktop_app.adapters.onec.odata_client import ODataClient, service_root
from desktop_app.adapters.onec.odata_errors import OneCError, OneCRightsError
from desktop_app.adapters.onec.odata_query import Query
from desktop_app.adapters.onec.onec_objects import COUNTERPARTIES, KEY, PARTNERS
from desktop_app.adapters.onec.onec_references import ReferenceItems, read_references
from desktop_app.adapters.onec.publication import (
    OPTIONAL,
    REQUIRED,
    Publication,
    PublicationCache,
    read_metadata,
)
from desktop_app.services.connections import for_onec
from desktop_app.services.settings import OneCSettings


@dataclass(frozen=True, slots=True)
class OneCSession:
    client: ODataClient
    publication: Publication

    @property
    def gaps(self) -> list[str]:
        return self.publication.gaps()

    @property
    def directory_gaps(self) -> list[str]:
        """What keeps the directory (partners, counterparties) from being copied."""
        return self.publication.gaps(only=(PARTNERS, COUNTERPARTIES))


def connect(
    settings: OneCSettings,
    password: str,
    data_dir: Path,
    *,
    check: bool = False,
    retries: int | None = None,
) -> OneCSession:
    """A client for the publication, with what it offers (from the cache unless `check`).

    `retries` overrides the connection's retries (a check button wants its answer at once).
    """
    connection = for_onec(settings, password)
    if retries is not None:
        connection = replace(connection, retries=retries)
    client = ODataClient(connection)
    cache = PublicationCache(data_dir)
    cached = None if check else cache.load(service_root(settings.url))
    publication = cached
    try:
        if publication is None:
            publication = read_metadata(client.metadata(), client.root)
            publication = replace(publication, refused=refused_sets(client, publication))
        references = publication.references
        if references is None or references.setting != settings.partner_access_group.strip():
            references = read_references(client, publication.sets, settings.partner_access_group)
            publication = replace(publication, references=references)
    except BaseException:
        client.close()
        raise
    if publication is not cached:
        cache.save(publication)
    return OneCSession(client, publication)


def cached_references(settings: OneCSettings, data_dir: Path) -> ReferenceItems | None:
    """The reference items of the cached summary, if they are of the current settings."""
    if not settings.url.strip():
        return None
    try:
        publication = PublicationCache(data_dir).load(service_root(settings.url))
    except OneCError:
        return None
    references = publication.references if publication is not None else None
    if references is None or references.setting != settings.partner_access_group.strip():
        return None
    return references


def refused_sets(client: ODataClient, publication: Publication) -> dict[str, str]:
    """Ask each published set the app reads for one object: which does 1C refuse this user?

    Reads go with `allowedOnly=true`, so a refusal is the right on the set (a role), not a
    hidden row: worded for the 1C administrator by the client (OneCRightsError).
    """
    refused: dict[str, str] = {}
    for name in (*REQUIRED, *OPTIONAL):
        if name not in publication.sets:
            continue
        try:
            client.rows(Query(name).select(KEY).top(1))
        except OneCRightsError as error:
            refused[name] = error.message
    return refused
