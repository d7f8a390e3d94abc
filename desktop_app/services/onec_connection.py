"""Connecting to 1C: the client from the settings, and the publication check.

`$metadata` is read once and its summary kept in the data folder (`PublicationCache`): a
real УТ 11 answers it in seconds with megabytes. `check=True` reads it again — what the
"Проверить подключение" button and `check onec` do.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from desktop_app.adapters.onec.odata_client import ODataClient, OneCConnection, service_root
from desktop_app.adapters.onec.publication import Publication, PublicationCache, read_metadata
from desktop_app.services.settings import OneCSettings


@dataclass(frozen=True, slots=True)
class OneCSession:
    client: ODataClient
    publication: Publication

    @property
    def gaps(self) -> list[str]:
        return self.publication.gaps()


def connection_for(settings: OneCSettings, password: str) -> OneCConnection:
    return OneCConnection(
        url=settings.url,
        user=settings.user,
        password=password,
        ca_bundle=Path(settings.ca_bundle) if settings.ca_bundle else None,
        connect_timeout=settings.connect_timeout,
        read_timeout=settings.read_timeout,
    )


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
    connection = connection_for(settings, password)
    if retries is not None:
        connection = replace(connection, retries=retries)
    client = ODataClient(connection)
    cache = PublicationCache(data_dir)
    publication = None if check else cache.load(service_root(settings.url))
    if publication is None:
        try:
            publication = read_metadata(client.metadata(), client.root)
        except BaseException:
            client.close()
            raise
        cache.save(publication)
    return OneCSession(client, publication)
