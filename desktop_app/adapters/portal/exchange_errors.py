"""What can go wrong when talking to the portal, each in words a sales manager can act on.

A 1C-Bitrix portal reports most of its failures with HTTP 200 — a `failure` line, a PHP error
page, an empty body — so these are judged by content, not by status (GUIDE §10). Every error
carries `message` (Russian, shown to the user and logged) and, where there is one, the
portal's own words in `portal_words`, quoted verbatim. `said` is the same as a code and
parameters (`wording.portal_errors`) for the window to word: an error is raised with its
`Said`, and its Russian `message` is that worded; one raised with a sentence only (a test's)
says it as `error.sentence`.
"""

from __future__ import annotations

from desktop_app.wording.registry import worded
from desktop_app.wording.said import Said


class PortalError(Exception):
    """Base of every portal problem; `message` is complete and user-facing."""

    def __init__(self, said: Said | str, *, portal_words: str | None = None) -> None:
        self.message, self.said = worded(said)
        super().__init__(self.message)
        self.portal_words = portal_words


class PortalRefusedError(PortalError):
    """The portal answered `failure` (or `error`) with a reason."""


class PortalAuthError(PortalRefusedError):
    """The portal did not accept the login, the password or the user's rights."""


class PortalConfirmationRefusedError(PortalRefusedError):
    """`success` was answered `error`: since this client's checkauth, another client logged
    in on the same exchange page (one `export_session_id_` per page), so the portal would
    not let this one move the page's cursor."""


class PortalPageError(PortalError):
    """A web page, a PHP error or an unexpected text came instead of the protocol's answer."""


class PortalRedirectError(PortalPageError):
    """The portal redirected to another origin; nothing — password, cookie — was sent there."""


class PortalTooLargeError(PortalPageError):
    """A text answer longer than any protocol answer can be; only its beginning was read."""


class PortalEmptyAnswerError(PortalError):
    """An empty body: on a Bitrix portal this is nearly always a PHP fatal error."""


class PortalTruncatedError(PortalError):
    """The answer stopped before its end (connection dropped, body shorter than announced)."""


class PortalConnectionError(PortalError):
    """The portal could not be reached, or stopped answering within the timeout."""


class PortalDeadlineError(PortalConnectionError):
    """A step did not end within `portal.deadline` (a server that answers a byte at a time)."""


class PortalCertificateError(PortalConnectionError):
    """The portal's TLS certificate could not be verified (verification is never switched off)."""


class PortalConfigError(PortalError):
    """The connection settings are incomplete or wrong (no URL, a CA file that is missing, …)."""


class FetchCancelledError(Exception):
    """The user cancelled; nothing was confirmed to the portal."""
