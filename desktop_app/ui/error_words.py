"""Known problems, worded for the manager; anything else is a bug for the crash dialog.

qutebrowser's split (GUIDE §2): an error the user can act on — the portal is down, 1C
refused the password, the keychain is locked, the settings file is broken — is shown in
plain Russian in the window and written to the log; an exception of any other type is a
bug, and goes with its traceback to the crash dialog. The adapters and the store say their
errors as a code and parameters (`said`, beside the Russian `message` the log keeps): the
window words them through Qt's translation, 1C's and the portal's own words verbatim.
"""

from __future__ import annotations

import logging

from desktop_app.adapters.keychain import KeychainError
from desktop_app.adapters.onec.odata_errors import OneCError
from desktop_app.adapters.portal.exchange_errors import FetchCancelledError, PortalError
from desktop_app.services.decision_service import DecisionError
from desktop_app.services.export_errors import ExportError
from desktop_app.services.settings import SettingsError
from desktop_app.store.errors import StoreError
from desktop_app.ui.wording import shown_said

log = logging.getLogger(__name__)


class NotReadyError(Exception):
    """A job cannot start yet (no settings, no password); the text says what to do."""


KNOWN = (
    KeychainError, FetchCancelledError, StoreError, SettingsError, NotReadyError, DecisionError,
    ExportError,
)  # fmt: skip


def user_message(error: BaseException) -> str | None:
    """The sentence to show for a known problem; None for a bug."""
    if isinstance(error, PortalError | OneCError | StoreError | DecisionError | ExportError
                  | SettingsError | KeychainError):  # fmt: skip
        return shown_said(error.said)
    if isinstance(error, KNOWN):
        return str(error)
    return None


def is_cancel(error: BaseException) -> bool:
    return isinstance(error, FetchCancelledError)


def log_problem(what: str, error: BaseException) -> str | None:
    """Log a failed job: a known problem as a warning line, a bug with its traceback."""
    message = user_message(error)
    if message is None:
        log.error("%s: unexpected error", what, exc_info=error)
    else:  # the log keeps the Russian sentence, whatever the window's language
        log.warning("%s: %s", what, error)
    return message
