"""Is the portal reachable, is 1C reachable, and does 1C publish what the app needs?

"Проверить подключение" in the settings dialog and the reachability shown in the window's
status bar both come here. Each answer is a `Reachability` the window words for the manager,
plus the server's own explanation (already a Russian sentence from the adapters) and, for
1C, what the publication lacks. Nothing is raised for the ordinary ways of failing: being
unreachable is an answer, not an error. These calls block: run them off the GUI thread.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path

from desktop_app.adapters.onec.odata_client import ODataClient
from desktop_app.adapters.onec.odata_errors import (
    OneCAuthError,
    OneCConfigError,
    OneCConnectionError,
    OneCError,
)
from desktop_app.adapters.onec.odata_query import Query
from desktop_app.adapters.onec.onec_objects import ORGANIZATIONS
from desktop_app.adapters.portal.exchange_client import ExchangeClient
from desktop_app.adapters.portal.exchange_errors import (
    PortalAuthError,
    PortalConfigError,
    PortalConnectionError,
    PortalError,
)
from desktop_app.services import connections, onec_connection, order_link_setup, portal_check
from desktop_app.services.page_notes import PageNotes, load_notes
from desktop_app.services.settings import OneCSettings, PortalSettings
from desktop_app.store.database import Database

PROBE_CONNECT_TIMEOUT = 5.0
PROBE_READ_TIMEOUT = 30.0


class Reachability(StrEnum):
    UNKNOWN = "unknown"
    """Not asked yet."""
    OK = "ok"
    NOT_CONFIGURED = "not_configured"
    """No address or login in the settings (or a CA file that is missing)."""
    NO_PASSWORD = "no_password"  # noqa: S105 - a state, not a secret
    UNREACHABLE = "unreachable"
    """No connection, or no answer within the timeout."""
    REFUSED = "refused"
    """The server answered but did not accept the login, the password or the rights."""
    FAILED = "failed"
    """The server answered with an error or with something that is not the protocol."""


@dataclass(frozen=True, slots=True)
class CheckResult:
    state: Reachability
    detail: str | None = None
    """The adapter's explanation (a Russian sentence, the server's words quoted)."""
    gaps: tuple[str, ...] = ()
    """What to change, one sentence each: for the 1C administrator (what the publication
    lacks) or for the portal administrator (`check portal`'s advice)."""
    facts: tuple[str, ...] = ()
    """Portal only: what `check portal` found about the page, good or bad."""
    setup: tuple[str, ...] = ()
    """1C only: which exchange setup the base has — where the portal's orders are — in words."""


def check_portal(
    settings: PortalSettings, password: str | None, data_dir: Path | None = None
) -> CheckResult:
    """Address, login, password, rights, and what the page is (`portal_check`).

    It harms no exchange running meanwhile: the first request is a read-only `mode=info`
    logged in by Basic auth, without checkauth or sessid. Only when the site is in secure
    mode — and the page is not 1C's — does it log in with checkauth to prove the rights.
    `data_dir` holds the page notes of earlier fetches (none: nothing is known of them).
    """
    missing = _missing(settings.url, settings.user, password)
    if missing is not None:
        return missing
    assert password is not None
    quick = replace(settings, retries=0, connect_timeout=min(settings.connect_timeout, 15.0))
    rights_checked = True
    try:
        with ExchangeClient(connections.for_portal(quick, password)) as client:
            secure = client.probe()
            if secure:
                rights_checked = not portal_check.is_onec_page(settings.url)
                if rights_checked:
                    client.checkauth()
                    client.probe()  # with the sessid now: passes the rights check or refuses
    except PortalError as error:
        return portal_failure(error)
    notes = load_notes(data_dir, settings.url) if data_dir is not None else PageNotes(settings.url)
    found = portal_check.findings(
        settings, secure=secure, rights_checked=rights_checked, notes=notes
    )
    return CheckResult(Reachability.OK, gaps=found.advice, facts=found.facts)


def check_onec(
    settings: OneCSettings, password: str | None, data_dir: Path, database: Database | None = None
) -> CheckResult:
    """Read the publication's `$metadata` again and say what it lacks (the full check); with
    the `database`, also find out where 1C keeps the portal's orders (and keep it)."""
    missing = _missing(settings.url, settings.user, password, empty_password=True)
    if missing is not None:
        return missing
    try:
        session = onec_connection.connect(settings, password or "", data_dir, check=True, retries=0)
    except OneCError as error:
        return onec_failure(error)
    setup: tuple[str, ...] = ()
    with session.client:
        if database is not None:
            try:
                report = order_link_setup.check(
                    settings, session.client, session.publication, database, data_dir
                )
            except OneCError as error:
                return onec_failure(error)
            setup = report.lines
    return CheckResult(Reachability.OK, gaps=tuple(session.gaps), setup=setup)


def probe_onec(settings: OneCSettings, password: str | None) -> CheckResult:
    """A cheap question to 1C (how many organisations) for the status bar: up or down."""
    missing = _missing(settings.url, settings.user, password, empty_password=True)
    if missing is not None:
        return missing
    quick = replace(
        settings,
        connect_timeout=min(settings.connect_timeout, PROBE_CONNECT_TIMEOUT),
        read_timeout=min(settings.read_timeout, PROBE_READ_TIMEOUT),
    )
    connection = replace(connections.for_onec(quick, password or ""), retries=0)
    try:
        with ODataClient(connection) as client:
            client.count(Query(ORGANIZATIONS))
    except OneCError as error:
        return onec_failure(error)
    return CheckResult(Reachability.OK)


def _missing(
    url: str, user: str, password: str | None, *, empty_password: bool = False
) -> CheckResult | None:
    """NOT_CONFIGURED / NO_PASSWORD before any network is touched.

    A 1C user may have an empty password (`empty_password`); a portal user may not.
    """
    if not url.strip() or not user.strip():
        return CheckResult(Reachability.NOT_CONFIGURED)
    if password is None or (not password and not empty_password):
        return CheckResult(Reachability.NO_PASSWORD)
    return None


def portal_failure(error: PortalError) -> CheckResult:
    """What a portal error says about the link (a fetch's failure words the status bar too)."""
    if isinstance(error, PortalConfigError):
        return CheckResult(Reachability.NOT_CONFIGURED, error.message)
    if isinstance(error, PortalAuthError):
        return CheckResult(Reachability.REFUSED, error.message)
    if isinstance(error, PortalConnectionError):
        return CheckResult(Reachability.UNREACHABLE, error.message)
    return CheckResult(Reachability.FAILED, error.message)


def onec_failure(error: OneCError) -> CheckResult:
    """What a 1C error says about the link."""
    if isinstance(error, OneCConfigError):
        return CheckResult(Reachability.NOT_CONFIGURED, error.message)
    if isinstance(error, OneCAuthError):
        return CheckResult(Reachability.REFUSED, error.message)
    if isinstance(error, OneCConnectionError):
        return CheckResult(Reachability.UNREACHABLE, error.message)
    return CheckResult(Reachability.FAILED, error.message)
