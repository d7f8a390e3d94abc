"""`PortalEmulator`: a 1C-Bitrix site's order exchange on 127.0.0.1, driven from Python.

The demo and the tests start one, point an exchange client at `page_url()`, and change the
portal underneath it — new orders, edits, faults — with the clock under their control.
Every rule it follows is documented, with its source, in exchange.py (the component),
sessions.py (login and PHP sessions), export_body.py (the query body) and server.py (HTTP).

Two pages are ready: `ONEC_PAGE`, the page 1C uses, and `APP_PAGE`, a second page for
Order Review whose path differs within its first 22 characters, so each keeps its own
cursor. Any other `.php` path works too (and shares a cursor with any page that has the
same first 22 characters).
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from types import TracebackType

from desktop_app.emulators.bitrix_commerceml import codec_names
from desktop_app.emulators.portal.exchange import ExchangeSettings, SaleExchange
from desktop_app.emulators.portal.faults import Fault, FaultBook
from desktop_app.emulators.portal.orders_store import OrdersStore
from desktop_app.emulators.portal.server import LOOPBACK, PortalHTTPServer, RequestRecord, Services
from desktop_app.emulators.world import World


class PortalEmulator:
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
    ) -> None:
        """`orders_per_query` stands in for the INTERVAL time limit of a query made after
        `init&version=…`; `zip_answer` zips the query answer, which Bitrix never does."""
        codec_names(encoding)  # refuse an encoding Bitrix cannot export in, now
        if orders_per_query is not None and orders_per_query < 1:
            raise ValueError("orders_per_query must be at least 1")
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
        )
        store = OrdersStore(world, orders, self._clock())
        self._exchange = SaleExchange(store, self._clock, settings)
        self._exchange.sessions.add_user(user, password)
        self._faults = FaultBook()
        self.requests: list[RequestRecord] = []
        self._records_lock = threading.Lock()
        self._server: PortalHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._stopping = threading.Event()

    # --- life cycle ------------------------------------------------------------------------

    def start(self) -> PortalEmulator:
        """Listen on 127.0.0.1 (an ephemeral port unless `port` was given) in a thread."""
        if self._server is not None:
            raise RuntimeError("the portal emulator is already running")
        self._stopping = threading.Event()
        services = Services(
            exchange=self._exchange,
            faults=self._faults,
            world=self.world,
            stopping=self._stopping,
            record=self._record,
        )
        self._server = PortalHTTPServer(self.port, services)
        self._thread = threading.Thread(
            target=self._server.serve_forever,
            kwargs={"poll_interval": 0.1},
            name="portal-emulator",
            daemon=True,
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving, wake and close every connection, join every thread."""
        server, thread = self._server, self._thread
        if server is None or thread is None:
            return
        self._stopping.set()
        server.shutdown()
        server.close_connections()
        server.server_close()
        thread.join()
        self._server = self._thread = None

    def __enter__(self) -> PortalEmulator:
        return self if self._server is not None else self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()

    @property
    def running(self) -> bool:
        return self._server is not None

    @property
    def base_url(self) -> str:
        if self._server is None:
            raise RuntimeError("the portal emulator is not running; call start() first")
        return f"http://{LOOPBACK}:{self._server.server_address[1]}"

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

    # --- faults and records ----------------------------------------------------------------

    def inject(self, fault: Fault) -> None:
        self._faults.add(fault)

    def clear_faults(self) -> None:
        self._faults.clear()

    def _record(self, record: RequestRecord) -> None:
        with self._records_lock:
            self.requests.append(record)
