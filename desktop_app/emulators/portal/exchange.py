"""The `bitrix:sale.export.1c` component: the exchange's rules and the site state they keep.

Source: `modules/sale/install/components/bitrix/sale.export.1c/component.php` and
`modules/sale/general/export.php` (`CSaleExport`) of the avshatalov48/bitrix-core-business
mirror; line numbers are those of component.php at commit 50d93970. Behaviour kept:

- Site options per exchange page, keyed by the FIRST 22 CHARACTERS of the page path
  (`$curPage = mb_substr($APPLICATION->GetCurPage(), 0, 22)`, line 64):
  `export_session_name_`, `export_session_id_` (set by checkauth, lines 98-99),
  `last_export_time_` and `last_export_time_committed_`. Two pages sharing those 22
  characters share one cursor.
- `secure_1c_exchange` is ONE site-wide option: the first request carrying a non-empty
  `sessid` (on any page, any session, any mode) switches it on for good (lines 71-74);
  from then on every request but checkauth needs the right `sessid` (`check_bitrix_sessid()`,
  line 106). `secure_exchange=True` starts a site where someone already switched it on.
- Check order after checkauth: not logged in → failure (authorisation, line 102); sessid
  wrong → failure (request source, line 106); no exchange right → failure (permission,
  line 110). checkauth itself succeeds for any logged-in user, rights or not.
- `mode=query` (lines 197-366): filter `UPDATED_1C = N`, `!EXTERNAL_ORDER = Y` (lines
  215-216; see orders_store.py), `last_export_time_` = now (line 260); orders with
  `DATE_UPDATE >=` the committed time (all when nothing is committed, lines 258-259),
  `ORDER BY DATE_UPDATE, ID`. `CSaleExport::prepareFilter` replaces that bound by the
  session's `LAST_ORDER_ID` — the DATE_UPDATE of the last order this PHP session exported —
  until a `success` resets it, so a second query in the same session starts at the last
  order of the first (still `>=`). After the export, `last_export_time_` becomes that
  session value (lines 327-331). With `version` sent at init, the export is cut after
  `INTERVAL` seconds (30 by default, lines 284-291); the emulator cuts after
  `orders_per_query` orders instead.
- An unversioned query (no `init&version=`, as Order Review asks) is never cut by INTERVAL
  (`if version == '' INTERVAL = 0`, line 286), but the component calls `set_time_limit(0)`
  only when its own INTERVAL parameter is 0 (line 30; the default option `1C_INTERVAL` is
  30), so php.ini's max_execution_time still ends a long export: PHP dies part-way, the
  orders written so far and the error text are sent, and the session cursor and the log
  have moved for those orders — every time at about the same order (`time_limit_orders`).
- The boundary second, two cores (`exchange_log`). Newer cores keep `b_sale_exchange_log`
  and skip the orders whose (ID, DATE_UPDATE) the log already has at the bound's exact
  second (`getLastOrderExported` + `exportedLastExport`/`Exchange::isEffected` in
  export.php at commits 50d93970/03e3b576). Older cores have the same `>=` bounds without
  the log (`ExportOrders2Xml` calls only `prepareFilter`; e.g. the sale 16 copy in a
  `CSaleExport2` override of the core's method): the last order of every export — the one
  whose DATE_UPDATE became the bound — comes AGAIN in the next query of the same session
  and in the next exchange, however often one asks.
  What is site-wide and what is not: `b_sale_exchange_log` rows carry no page and no
  session (`ExchangeLogTable` map, sale/lib/exchange/internals/exchangelog.php), are
  written by `CSaleExport::log` for each order AS IT IS EXPORTED (before the answer leaves,
  whether or not it arrives, whatever `success` does later), and `getLastOrderExported`
  reads them by DATE_UPDATE and direction only: an order any client's query exported is
  skipped at that second by every page's next query. Per page: the cursor
  (`last_export_time_*`, `export_session_*`). Per PHP session: LAST_ORDER_ID and the
  version. `ManagerExport::deleteLoggingDate` (each query) drops log rows inserted more
  than `SALE_EXCHANGE_DEBUG_INTERVAL_DAY` (1) days before the newest one's date; the
  emulator's tests are shorter than a day and keep them all.
  Hence an answer lost while CONTINUING a killed export: its orders are logged at the
  continuation's bound second S; a later query bound at S skips them, one bound earlier
  (`getLastOrderExported('')` when nothing is committed: no skip) serves S's orders from the
  lowest ID and PHP dies at the same count again — no query reaches them while the limit
  stands (`set_time_limit_orders` models the admin raising it).
- `mode=success` (lines 367-380): when `$_COOKIE[export_session_name_] ==
  export_session_id_` (loose PHP comparison: a page never checkauth-ed matches anything),
  copy `last_export_time_` to `last_export_time_committed_`, reset the session's
  LAST_ORDER_ID, answer `success`; otherwise answer `error`.
- `mode=init` (lines 150-196): `zip=yes|no`, `file_limit=<bytes>`; with a non-empty
  `version`, also `sessid=…` and the fixed `version=2.09` (no newline after it), and the
  version is kept in the session for the query's layout. It also wipes 1C's upload folder.
- `mode=file`, `mode=import`: 1C's uploads, see uploads.py; `mode=info`: see site_info.py;
  any other mode: unknown command.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from dataclasses import dataclass, field

from desktop_app.emulators.portal import bitrix_messages as words
from desktop_app.emulators.portal.export_body import layout_for
from desktop_app.emulators.portal.orders_store import OrdersStore, to_second
from desktop_app.emulators.portal.protocol import (
    XML_TYPE,
    ZIP_TYPE,
    Answer,
    ExportPlan,
    Request,
)
from desktop_app.emulators.portal.sessions import SESSION_NAME, Session, SessionTable
from desktop_app.emulators.portal.site_info import info_text
from desktop_app.emulators.portal.uploads import UploadFolder, clean_name, documents

ADMIN_PAGE = "/bitrix/admin/1c_exchange.php"
PAGE_KEY_LENGTH = 22


def page_key(page: str) -> str:
    return page[:PAGE_KEY_LENGTH]


@dataclass(slots=True)
class PageOptions:
    """The `b_option` rows of one page key, plus what the emulator tells tests about it."""

    session_name: str | None = None
    session_id: str | None = None
    last_export: dt.datetime | None = None
    committed: dt.datetime | None = None
    delivered: dict[str, None] = field(default_factory=dict)
    """Ид sent by queries on this page since its last successful `success` (first-sent order;
    a dict so a peek-mode client querying all day does not grow it with repeats)."""
    confirmed: set[str] = field(default_factory=set)
    """Ид whose delivery a `success` has confirmed on this page."""


@dataclass(frozen=True, slots=True)
class ExchangeSettings:
    zip_enabled: bool = False
    encoding: str = "windows-1251"
    file_limit: int = 200 * 1024  # FILE_SIZE_LIMIT's default in the component
    orders_per_query: int | None = None
    zip_answer: bool = False
    language: str = "ru"
    """LANGUAGE_ID of the exchange page: the export's tags follow it (CSaleExport::getTagName)."""
    lead_bytes: bytes = b""
    """What the site's PHP files print before every answer: the BOM of a dbconn.php or init.php
    saved in a Windows editor, blank lines after a closing `?>`."""
    exchange_log: bool = True
    """The newer cores' exchange log; False: an older core that re-serves the boundary order."""
    use_temp_dir: bool = False
    """The component's USE_TEMP_DIR: each session uploads into its own temporary folder."""
    time_limit_orders: int | None = None
    """PHP's max_execution_time, as the number of orders an unversioned export writes before
    PHP kills it (None: the limit is never reached)."""


class SaleExchange:
    """The site's exchange state; `handle` is one hit of the component, under one lock."""

    def __init__(
        self, store: OrdersStore, clock: Callable[[], dt.datetime], settings: ExchangeSettings
    ) -> None:
        self.lock = threading.RLock()
        self.store = store
        self.sessions = SessionTable()
        self.settings = settings
        self.secure = False
        self.upload = UploadFolder()
        """/upload/1c_exchange/: the site's one upload folder (see uploads.py)."""
        self._clock = clock
        self._pages: dict[str, PageOptions] = {}
        self._exported: dict[dt.datetime, set[int]] = {}  # b_sale_exchange_log, by DATE_UPDATE

    def now(self) -> dt.datetime:
        return to_second(self._clock())

    def page(self, page: str) -> PageOptions:
        with self.lock:
            return self._pages.setdefault(page_key(page), PageOptions())

    def handle(self, request: Request, *, crash_text: str | None = None) -> Answer:
        """Answer one request. `crash_text`: PHP dies part-way through a query with it."""
        with self.lock:
            session, started = self.sessions.resolve(request.cookies.get(SESSION_NAME))
            self.sessions.authorize(session, request)
            answer = self._component(request, session, crash_text)
            if started:
                answer.cookies.insert(0, f"{SESSION_NAME}={session.id}; path=/; HttpOnly")
            return answer

    def _component(self, request: Request, session: Session, crash: str | None) -> Answer:
        mode = request.mode
        if request.page == ADMIN_PAGE and request.query.get("type") != "sale":
            return Answer("failure\n" + words.UNKNOWN_TYPE)
        if request.sessid:
            self.secure = True  # before any check, even on checkauth, as the component does
        if mode == "checkauth" and session.login is not None:
            options = self.page(request.page)
            options.session_name, options.session_id = SESSION_NAME, session.id
            return Answer(f"success\n{SESSION_NAME}\n{session.id}\nsessid={session.sessid}\n")
        if session.login is None:
            return Answer("failure\n" + words.AUTHORIZE)
        if self.secure and request.sessid != session.sessid:
            return Answer("failure\n" + words.SOURCE_CHECK)
        if not self.sessions.can_export(session):
            return Answer("failure\n" + words.PERMISSION_DENIED)
        if mode == "init":
            return self._init(request, session)
        if mode == "query":
            return self._query(request, session, crash)
        if mode == "success":
            return self._success(request, session)
        if mode == "file":
            return self._file(request, session)
        if mode == "import" and self._file_name(request, session):
            return self._import(request, session)
        if mode == "info":
            return Answer(info_text(), content_type=XML_TYPE)
        return Answer("failure\n" + words.UNKNOWN_COMMAND)

    def _init(self, request: Request, session: Session) -> Answer:
        if self.settings.use_temp_dir:
            session.temp_folder = UploadFolder()  # CTempFile::GetDirectoryName, line 154
        else:
            self.upload.wipe()  # DeleteDirFilesEx, line 159: 1C's pending upload is gone
        session.zip = self.settings.zip_enabled
        text = f"zip={'yes' if session.zip else 'no'}\nfile_limit={self.settings.file_limit}\n"
        version = request.query.get("version", "")
        if version:
            text += f"sessid={session.sessid}\nversion=2.09"
            session.version = version
        return Answer(text)

    def _query(self, request: Request, session: Session, crash: str | None) -> Answer:
        options = self.page(request.page)
        now = self.now()
        since = options.committed
        options.last_export = now
        if session.last_order is not None:
            since = session.last_order
        logged = self._exported.get(since, set()) if since is not None else set()
        rows = [
            (moment, number)
            for moment, number in self.store.select(since)
            if not (moment == since and number in logged)
        ]
        limit = self.settings.orders_per_query if session.version else None
        killed_after = None if session.version else self.settings.time_limit_orders
        if crash is None and killed_after is not None and len(rows) > killed_after:
            crash, limit = words.TIME_LIMIT, killed_after  # max_execution_time, line 30
        elif crash is not None:
            limit = min(limit or len(rows), len(rows) // 2)
        chosen = rows if limit is None else rows[:limit]
        for moment, number in chosen:
            if self.settings.exchange_log:  # an older core logs nothing: nothing is skipped
                self._exported.setdefault(moment, set()).add(number)
            session.last_order = moment
        if crash is None and session.last_order is not None:
            options.last_export = session.last_order
        plan = ExportPlan(
            orders=tuple((number, self.store.kept(number)) for _, number in chosen),
            version=layout_for(session.version),
            encoding=self.settings.encoding,
            language=self.settings.language,
            generated_at=now,
            zipped=self.settings.zip_answer and crash is None,
            crash_text=crash,
        )
        options.delivered.update(dict.fromkeys(plan.ids))
        if crash is not None:
            return Answer(export=plan, content_type="text/html; charset=UTF-8", with_length=False)
        return Answer(export=plan, content_type=ZIP_TYPE if plan.zipped else XML_TYPE)

    def _success(self, request: Request, session: Session) -> Answer:
        options = self.page(request.page)
        if options.session_name is not None and (
            request.cookies.get(options.session_name) != options.session_id
        ):
            return Answer("error\n")
        session.last_order = None
        options.committed = options.last_export
        options.confirmed.update(options.delivered)
        options.delivered.clear()
        return Answer("success\n")

    # --- 1C's uploads (uploads.py) ---------------------------------------------------------

    def _folder(self, session: Session) -> UploadFolder | None:
        """`$DIR_NAME`: the shared folder, or this session's temporary one (None before init)."""
        return session.temp_folder if self.settings.use_temp_dir else self.upload

    def _file_name(self, request: Request, session: Session) -> str:
        """`$ABS_FILE_NAME` as a name in the folder; empty when there is none (lines 124-147)."""
        if self._folder(session) is None:
            return ""
        return clean_name(request.query.get("filename", ""))

    def _file(self, request: Request, session: Session) -> Answer:
        name, folder = self._file_name(request, session), self._folder(session)
        if name and folder is not None:
            folder.append(name, request.body)
        if session.version:  # the "new version" branch (line 494): the file waits
            return Answer("success\n" if name else "")
        return self._import(request, session)  # "old version" (line 381): loaded at once

    def _import(self, request: Request, session: Session) -> Answer:
        name, folder = self._file_name(request, session), self._folder(session)
        data = folder.read(name) if name and folder is not None else b""
        if not data:
            return Answer("failure\n" + words.EMPTY_CML)
        now = self.now()
        for document in documents(data):
            number = self.store.find(document.id) or self.store.find(document.number)
            if number is not None:
                self.store.write_back(number, now)
        return Answer("success\n")
