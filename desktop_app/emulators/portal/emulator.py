"""`PortalEmulator`: a 1C-Bitrix site's order exchange on 127.0.0.1, driven from Python.

The demo and the tests start one, point an exchange client at `page_url()`, and change the
portal underneath it — new orders, edits, faults — with the clock under their control.
Every rule it follows is documented, with its source, in exchange.py (the component),
sessions.py (login and PHP sessions), export_body.py (the query body) and server.py (HTTP).

Two pages are ready: `ONEC_PAGE`, the page 1C uses, and `APP_PAGE`, a second page for
Order Review whose path differs within its first 22 characters, so each keeps its own
cursor. Any other `.php` path works too (and shares a cursor with any page that has the
same first 22 characters).

The company's own exchange runs against it with `onec_node.OneCNode` (checkauth, query,
success, then 1C's documents back with mode=file/import); what that leaves on the site is
visible through `written_back_ids` (UPDATED_1C), `upload_files` (1C's upload folder) and
`secure_exchange` (the site-wide secure mode).
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from dataclasses import replace

from desktop_app.emulators.bitrix_commerceml import codec_names
from desktop_app.emulators.bitrix_language import LANGUAGES
from desktop_app.emulators.loopback import LoopbackEmulator
from desktop_app.emulators.portal.exchange import ExchangeSettings, SaleExchange
from desktop_app.emulators.portal.faults import Fault, FaultBook
from desktop_app.emulators.portal.orders_store import OrdersStore
from desktop_app.emulators.portal.server import PortalHTTPServer, RequestRecord, Services
from desktop_app.emulators.world import World


class PortalEmulator(LoopbackEmulator):
    title = "the portal emulator"

    ONEC_PAGE = "/bitrix/admin/1c_exchange.php"
    APP_PAGE = "/order_review/exchange.php"

    def __init__(
        self,
        world: World,
        *,
        orders: int = 0,
        user: str = "exchange",
        password: str = "secret",  # noqa: S107 - the emulator's well-known demo login
        zip_enabled: bool = False,
        encoding: str = "windows-1251",
        clock: Callable[[], dt.datetime] | None = None,
        port: int = 0,
        file_limit: int = 200 * 1024,
        orders_per_query: int | None = None,
        zip_answer: bool = False,
        language: str = "ru",
        lead_bytes: bytes = b"",
        exchange_log: bool = True,
        secure_exchange: bool = False,
        use_temp_dir: bool = False,
        time_limit_orders: int | None = None,
    ) -> None:
        """`orders_per_query` stands in for the INTERVAL time limit of a query made after
        `init&version=…`; `zip_answer` zips the query answer, which Bitrix never does.
        `language`: the exchange page's LANGUAGE_ID ("en" writes English tags); `lead_bytes`:
        what the site's PHP files print before every answer (a BOM, blank lines).

        `exchange_log=False` is an older core without the exchange log, which re-serves the
        last order of each export in the next query; `secure_exchange=True` a site whose
        `secure_1c_exchange` someone already switched on; `use_temp_dir=True` a component
        with USE_TEMP_DIR=Y, whose `init` does not wipe the shared upload folder.
        `time_limit_orders`: PHP's max_execution_time ends every unversioned export after
        that many orders (a fatal error after them), as on a site with many orders at once."""
        codec_names(encoding)  # refuse an encoding Bitrix cannot export in, now
        if language not in LANGUAGES:
            raise ValueError(f"the export is emulated in {LANGUAGES}, not {language!r}")
        if orders_per_query is not None and orders_per_query < 1:
            raise ValueError("orders_per_query must be at least 1")
        if time_limit_orders is not None and time_limit_orders < 1:
            raise ValueError("time_limit_orders must be at least 1")
        self.world = world
        self.user = user
        self.password = password
        self.port = port
        self._clock = clock or dt.datetime.now
        settings = ExchangeSettings(
            zip_enabled=zip_enabled,
            encoding=encoding,
            file_limit=file_limit,
            orders_per_query=orders_per_query,
            zip_answer=zip_answer,
            language=language,
            lead_bytes=lead_bytes,
            exchange_log=exchange_log,
            use_temp_dir=use_temp_dir,
            time_limit_orders=time_limit_orders,
        )
        store = OrdersStore(world, orders, self._clock())
        self._exchange = SaleExchange(store, self._clock, settings)
        self._exchange.secure = secure_exchange
        self._exchange.sessions.add_user(user, password)
        self._faults = FaultBook()
        self.requests: list[RequestRecord] = []
        self._records_lock = threading.Lock()
        super().__init__()

    # --- life cycle ------------------------------------------------------------------------

    def _make_server(self, stopping: threading.Event) -> PortalHTTPServer:
        services = Services(
            exchange=self._exchange,
            faults=self._faults,
            world=self.world,
            stopping=stopping,
            record=self._record,
        )
        return PortalHTTPServer(self.port, services)

    def page_url(self, page: str = APP_PAGE) -> str:
        return self.base_url + page

    # --- the portal underneath -------------------------------------------------------------

    def add_user(self, login: str, password: str, *, can_export: bool = True) -> None:
        """Another portal user; `can_export=False` is one outside the exchange's groups."""
        with self._exchange.lock:
            self._exchange.sessions.add_user(login, password, can_export=can_export)

    def add_orders(self, count: int) -> list[str]:
        """New orders placed now (the world's next numbers); their Ид."""
        with self._exchange.lock:
            return self._exchange.store.add(count, self._exchange.now())

    def edit_order(self, order_id: str) -> None:
        """A realistic edit (status, comment or quantity) saved now: DATE_UPDATE = now."""
        with self._exchange.lock:
            self._exchange.store.edit(order_id, self._exchange.now())

    def set_time_limit_orders(self, orders: int | None) -> None:
        """The admin changes php.ini's max_execution_time (None: the limit is never reached)."""
        if orders is not None and orders < 1:
            raise ValueError("time_limit_orders must be at least 1")
        with self._exchange.lock:
            self._exchange.settings = replace(self._exchange.settings, time_limit_orders=orders)

    def order_updates(self) -> dict[str, dt.datetime]:
        """Ид → DATE_UPDATE of every order on the portal."""
        with self._exchange.lock:
            return self._exchange.store.updates()

    # --- the exchange's state --------------------------------------------------------------

    def committed_time(self, page: str = APP_PAGE) -> dt.datetime | None:
        """The page's `last_export_time_committed`: where the next session's query starts."""
        return self._exchange.page(page).committed

    def export_time(self, page: str = APP_PAGE) -> dt.datetime | None:
        """The page's `last_export_time`: what the next `success` will commit."""
        return self._exchange.page(page).last_export

    def exported_ids(self, page: str = APP_PAGE) -> frozenset[str]:
        """Ид of the orders whose delivery a `success` on this page has confirmed."""
        with self._exchange.lock:
            return frozenset(self._exchange.page(page).confirmed)

    def delivered_ids(self, page: str = APP_PAGE) -> list[str]:
        """Ид sent by queries on this page since its last `success`, first-sent first."""
        with self._exchange.lock:
            return list(self._exchange.page(page).delivered)

    @property
    def secure_exchange(self) -> bool:
        """The site-wide `secure_1c_exchange` option: on since the first request with sessid."""
        return self._exchange.secure

    def written_back_ids(self) -> frozenset[str]:
        """Ид of the orders 1C has loaded back (UPDATED_1C = Y): exported to no page."""
        with self._exchange.lock:
            return self._exchange.store.written_back()

    def upload_files(self) -> dict[str, int]:
        """The shared upload folder (/upload/1c_exchange/): file name → size in bytes."""
        with self._exchange.lock:
            return {name: len(data) for name, data in self._exchange.upload.files.items()}

    # --- faults and records ----------------------------------------------------------------

    def inject(self, fault: Fault) -> None:
        self._faults.add(fault)

    def clear_faults(self) -> None:
        self._faults.clear()

    def _record(self, record: RequestRecord) -> None:
        with self._records_lock:
            self.requests.append(record)
