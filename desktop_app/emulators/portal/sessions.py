"""PHP sessions and Bitrix's login, as the prolog runs them before the exchange component.

Sources (bitrix-core-business mirror): `modules/main/include.php` — every hit starts a PHP
session; a user is authorised by HTTP Basic on any request (`$USER->LoginByHttpAuth()`),
or by a POSTed login form, which counts only when `AUTH_FORM` is non-empty and
`TYPE=AUTH` (then `$USER->Login($_POST["USER_LOGIN"], $_POST["USER_PASSWORD"])`); bare
`USER_LOGIN`/`USER_PASSWORD` fields without those two are ignored, as on a real site.
`bitrix_sessid()` is an md5 hash tied to the session; `check_bitrix_sessid()` compares
`$_REQUEST["sessid"]` with it.

PHP answers a request without a session cookie (or with one it does not know — PHP's
default non-strict mode adopts the id) by starting a session and sending `Set-Cookie`,
whatever the request was; the emulator does the same. Sessions are kept in memory, the
oldest forgotten past `MAX_SESSIONS`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
import string
from collections import OrderedDict
from dataclasses import dataclass, field

from desktop_app.emulators.portal.protocol import Request
from desktop_app.emulators.portal.uploads import UploadFolder

SESSION_NAME = "PHPSESSID"
MAX_SESSIONS = 4096
_SID_ALPHABET = string.digits + string.ascii_lowercase[:22]  # PHP's 5 bits per character


@dataclass(slots=True)
class Session:
    id: str
    sessid: str
    login: str | None = None
    version: str | None = None
    """`$_SESSION["BX_CML2_EXPORT"]["version"]`: what `mode=init&version=` asked for."""
    last_order: dt.datetime | None = None
    """`$_SESSION["BX_CML2_EXPORT"]["LAST_ORDER_ID"]`: DATE_UPDATE of the last order this
    session exported since its last `success` — a cursor of its own (see exchange.py)."""
    zip: bool = False
    temp_folder: UploadFolder | None = None
    """`$_SESSION["BX_CML2_EXPORT"]["TEMP_DIR"]`: this session's upload folder when the
    component uses temporary folders (set by `init`; see uploads.py)."""


@dataclass(slots=True)
class User:
    password: str
    can_export: bool
    """In the component's GROUP_PERMISSIONS (the right to exchange orders)."""


@dataclass(slots=True)
class SessionTable:
    uniq: str = field(default_factory=lambda: secrets.token_hex(16))
    """CMain::GetServerUniqID(): the site's secret mixed into every sessid."""
    users: dict[str, User] = field(default_factory=dict)
    _sessions: OrderedDict[str, Session] = field(default_factory=OrderedDict)

    def add_user(self, login: str, password: str, *, can_export: bool = True) -> None:
        self.users[login] = User(password, can_export)

    def resolve(self, cookie_id: str | None) -> tuple[Session, bool]:
        """The request's session and whether it was just started (so a cookie must be set)."""
        if cookie_id and cookie_id in self._sessions:
            self._sessions.move_to_end(cookie_id)
            return self._sessions[cookie_id], False
        session_id = cookie_id or "".join(secrets.choice(_SID_ALPHABET) for _ in range(26))
        sessid = hashlib.md5((self.uniq + session_id).encode(), usedforsecurity=False)
        session = Session(session_id, sessid.hexdigest())
        self._sessions[session_id] = session
        while len(self._sessions) > MAX_SESSIONS:
            self._sessions.popitem(last=False)
        return session, True

    def authorize(self, session: Session, request: Request) -> None:
        """Log the session in by HTTP Basic or by the login form, as the prolog does."""
        attempts: list[tuple[str, str]] = []
        if request.basic is not None:
            attempts.append(request.basic)
        form = request.form
        if request.method == "POST" and form.get("AUTH_FORM") and form.get("TYPE") == "AUTH":
            attempts.append((form.get("USER_LOGIN", ""), form.get("USER_PASSWORD", "")))
        for login, password in attempts:
            if session.login == login:
                continue  # LoginByHttpAuth leaves an already logged-in user alone
            user = self.users.get(login)
            if user is not None and secrets.compare_digest(
                user.password.encode(), password.encode()
            ):
                session.login = login

    def can_export(self, session: Session) -> bool:
        user = self.users.get(session.login) if session.login else None
        return user is not None and user.can_export
