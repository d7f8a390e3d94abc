"""What the adapters are given to connect: the portal's and 1C's connection from the settings.

Both sides share one rule — the address and login as set, the password from the keychain, a
CA bundle only when one is named (else the system's), and the timeouts and deadline of the
settings — so it is written once, in `_endpoint`. They differ in what only one has: the
portal's settings choose their retries; 1C keeps its client's own (`OneCConnection.retries`),
and a check that wants its answer at once turns them off itself.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from desktop_app.adapters.onec.odata_client import OneCConnection
from desktop_app.adapters.portal.exchange_transport import PortalConnection
from desktop_app.services.settings import OneCSettings, PortalSettings

__all__ = ["for_onec", "for_portal"]


def _endpoint(settings: PortalSettings | OneCSettings, password: str) -> dict[str, Any]:
    return {
        "url": settings.url,
        "user": settings.user,
        "password": password,
        "ca_bundle": Path(settings.ca_bundle) if settings.ca_bundle else None,
        "connect_timeout": settings.connect_timeout,
        "read_timeout": settings.read_timeout,
        "deadline": settings.deadline,
    }


def for_portal(settings: PortalSettings, password: str) -> PortalConnection:
    return PortalConnection(**_endpoint(settings, password), retries=settings.retries)


def for_onec(settings: OneCSettings, password: str) -> OneCConnection:
    return OneCConnection(**_endpoint(settings, password))
