"""`OneCEmulator`: a УТ 11 publication of the standard OData interface on 127.0.0.1.

The demo and the tests start one, point an OData client at `service_root`, and change the
base underneath it — 1C's exchange importing a new site order, another manager filling an
order, faults — from Python. Every rule it follows is documented, with its source, in the
module that applies it: query.py (URLs and options), filter_parser.py / filter_eval.py
(`$filter`), reading.py (what a GET returns), rights.py (what a user may see), ordering.py
(`$orderby`: a reference by its presentation), keyset.py and ordered.py (keyset bounds and
the ordered views that answer them), writes.py (what a write does), errors.py (error
bodies), service.py (authentication and dispatch), server.py (HTTP), seed.py,
seed_reference.py and generated.py (the data).

The directory is seeded from the same `World` as the portal emulator, so the portal's
orders and 1C's counterparties tell one story.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from typing import Any

from desktop_app.emulators.exchange_setup import ExchangeSetup
from desktop_app.emulators.loopback import LoopbackEmulator
from desktop_app.emulators.onec import writes
from desktop_app.emulators.onec.directory import Directory
from desktop_app.emulators.onec.faults import Fault, FaultBook, PageFault, PageFaults
from desktop_app.emulators.onec.rights import Rights
from desktop_app.emulators.onec.schema import ENTITY_SETS, ORDERS, ROW_SETS
from desktop_app.emulators.onec.server import OneCHTTPServer, RequestRecord, Services
from desktop_app.emulators.onec.service import Publication
from desktop_app.emulators.world import World

Row = dict[str, Any]


class OneCEmulator(LoopbackEmulator):
    title = "the 1C emulator"

    def __init__(
        self,
        world: World,
        *,
        orders: int = 0,
        extra_counterparties: int = 0,
        user: str = "Администратор",
        password: str = "",
        publication: str = "ut11",
        port: int = 0,
        clock: Callable[[], dt.datetime] | None = None,
        exchange: ExchangeSetup | None = None,
        new_partners: bool = False,
    ) -> None:
        """`orders`: portal orders 1..orders that 1C's exchange has imported already;
        `extra_counterparties`: generated counterparties (and partners) on top of the
        world's, made on demand so that 200,000 of them cost no memory; `exchange`: how 1C
        takes the site's orders (the world's setup by default, GUIDE §5); `new_partners`:
        1C's standard exchange makes a partner for each counterparty it creates, instead of
        putting it under «Неизвестный партнер»."""
        if not publication or "/" in publication:
            raise ValueError(f"a publication is one path segment: {publication!r}")
        self.world = world
        self.user = user
        self.password = password
        self.publication = publication
        self.port = port
        self._clock = clock or dt.datetime.now
        self.directory = Directory(
            world,
            orders=orders,
            extra_counterparties=extra_counterparties,
            clock=self._clock,
            exchange=exchange,
            new_partners=new_partners,
        )
        self._publication = Publication(self.directory, publication)
        self._publication.add_user(user, password)
        self._faults = FaultBook()
        self._page_faults = PageFaults()
        self.requests: list[RequestRecord] = []
        self._records_lock = threading.Lock()
        self._after_request: Callable[[RequestRecord], None] | None = None
        super().__init__()

    # --- life cycle ------------------------------------------------------------------------

    def _make_server(self, stopping: threading.Event) -> OneCHTTPServer:
        services = Services(
            self._publication, self._faults, stopping, self._record, self._page_faults
        )
        return OneCHTTPServer(self.port, services)

    @property
    def service_root(self) -> str:
        """`http://127.0.0.1:PORT/<publication>/odata/standard.odata/`."""
        return f"{self.base_url}/{self.publication}/odata/standard.odata/"

    # --- the base underneath ---------------------------------------------------------------

    def add_user(
        self,
        login: str,
        password: str,
        *,
        rights: bool = True,
        unreadable: tuple[str, ...] = (),
        partner_groups: tuple[str, ...] | None = None,
    ) -> None:
        """Another 1C user (rights.py): `rights=False` may log in but not use the OData
        interface; `unreadable` names sets it has no read right on; `partner_groups`, when
        given, are the only partner access groups its record-level restrictions let it see
        (with their counterparties and orders)."""
        granted = Rights(
            odata=rights,
            unreadable=frozenset(unreadable),
            partner_groups=None if partner_groups is None else frozenset(partner_groups),
        )
        with self.directory.lock:
            self._publication.add_user(login, password, granted)

    def entity(self, set_name: str, ref_key: str) -> Row | None:
        """The object as stored (a copy), or None. Tabular-section sets are not objects."""
        table = self.directory.table(_entity_set(set_name))
        with self.directory.lock:
            row = table.get(ref_key.lower())
            return None if row is None else _copy(row)

    def entities(self, set_name: str, **equals: Any) -> list[Row]:
        """Every object (or tabular row) whose named properties equal the given values."""
        with self.directory.lock:
            if set_name in ROW_SETS:
                row_set = ROW_SETS[set_name]
                parents = self.entities(row_set.parent.name)
                rows = [r for p in parents for r in p.get(row_set.section.name) or []]
            else:
                table = self.directory.table(_entity_set(set_name))
                found = (table.get(ref) for ref in table.refs())
                rows = [_copy(r) for r in found if r is not None]
        return [r for r in rows if all(r.get(k) == v for k, v in equals.items())]

    @property
    def exchange(self) -> ExchangeSetup:
        return self.directory.exchange

    def import_order(self, portal_order_number: int) -> str:
        """1C's site exchange imports portal order `portal_order_number` now; its Ref_Key."""
        return self.directory.import_order(portal_order_number)

    def set_fields(self, set_name: str, ref_key: str, **fields: Any) -> None:
        """Someone changes an object inside 1C (its form, an exchange): stored as given."""
        writes.set_field(self.directory, ENTITY_SETS[_entity_set(set_name)], ref_key.lower(),
                         **fields)  # fmt: skip

    def create(self, set_name: str, fields: Row) -> Row:
        """Someone creates an object in 1C now, as a POST would; the object (a copy)."""
        definition = ENTITY_SETS[_entity_set(set_name)]
        return _copy(writes.create(self.directory, definition, dict(fields)))

    def change(self, set_name: str, ref_key: str, **fields: Any) -> Row:
        """Someone changes an object in 1C now, as a PATCH would; the object (a copy)."""
        definition = ENTITY_SETS[_entity_set(set_name)]
        return _copy(
            writes.update(self.directory, definition, ref_key.lower(), fields, whole=False)
        )

    def delete(self, set_name: str, ref_key: str) -> None:
        """Someone deletes an object in 1C now, for good (as a DELETE would)."""
        writes.delete(self.directory, ENTITY_SETS[_entity_set(set_name)], ref_key.lower())

    def after_request(self, hook: Callable[[RequestRecord], None] | None) -> None:
        """Call `hook` after each request is answered, before the answer goes out (None: no
        more): a test changes the base between two pages of a client's paging with it."""
        self._after_request = hook

    def set_counterparty_key(
        self, order_ref: str, key: str, *, partner_key: str | None = None
    ) -> None:
        """Another manager (or 1C) fills an order's counterparty — and its partner, if given."""
        fields = {"Контрагент_Key": key}
        if partner_key is not None:
            fields["Партнер_Key"] = partner_key
        writes.set_field(self.directory, ENTITY_SETS[ORDERS], order_ref.lower(), **fields)

    # --- faults and records ----------------------------------------------------------------

    def inject(self, fault: Fault | PageFault) -> None:
        """A one-off fault, or a page fault standing until `clear_faults` (faults.py)."""
        if isinstance(fault, PageFault):
            self._page_faults.add(fault)
        else:
            self._faults.add(fault)

    def clear_faults(self) -> None:
        self._faults.clear()
        self._page_faults.clear()

    def _record(self, record: RequestRecord) -> None:
        with self._records_lock:
            self.requests.append(record)
        hook = self._after_request
        if hook is not None:
            hook(record)


def _entity_set(name: str) -> str:
    if name not in ENTITY_SETS:
        raise KeyError(f"no entity set {name!r}; one of {sorted(ENTITY_SETS)}")
    return name


def _copy(row: Row) -> Row:
    return {k: [dict(r) for r in v] if isinstance(v, list) else v for k, v in row.items()}
