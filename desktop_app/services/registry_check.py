"""Checking buyers against the state registry: asked once per ИНН, in the background, cached.

`RegistryCheck.check_orders` runs after a fetch (and `check_order` on demand, «Проверить в
реестре»): for each order's buyer it asks DaData only when the store has no answer for the
ИНН or the answer is older than `registry.max_age_days`, a few at a time (a small thread
pool, one client per thread — a client is not shared between threads), and keeps every
answer with its date. An order whose legal entity is already linked by a confirmed mapping
costs no request: the manager confirmed that company before.

One request serves the head office and all its branches: DaData is asked by ИНН alone and
the branch is chosen by КПП here (domain.registry_record.choose) — asked with the КПП,
DaData filters exactly and a branch whose КПП it does not know would look «not found». The
cache is keyed by ИНН and the КПП asked, which is therefore "".

`registry_findings_for` is what the window and `checks ORDER --json` share: the findings of
an order from the store alone (never the network), with the answer's age.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field

from desktop_app.adapters.registry.dadata_client import DadataClient, RegistryConnection
from desktop_app.adapters.registry.registry_errors import RegistryError
from desktop_app.domain.counterparty import CounterpartyKind
from desktop_app.domain.legal_entity_key import order_entity_key
from desktop_app.domain.order import Order
from desktop_app.domain.order_buyer import order_buyer
from desktop_app.domain.registry_findings import registry_findings
from desktop_app.domain.registry_record import Lookup, LookupState, records_of
from desktop_app.domain.requisite_values import Finding
from desktop_app.services.password_vault import PasswordVault
from desktop_app.store.database import Database
from desktop_app.store.entity_mappings import MappingRepository
from desktop_app.store.registry_answers import CachedAnswer, Key, RegistryAnswers, fetched_orders

log = logging.getLogger(__name__)

TOKEN_SYSTEM = "registry"  # noqa: S105 — the keychain entry's name, not a secret
TOKEN_USER = "token"  # noqa: S105
"""The keychain entry of DaData's API key: system `registry`, this user, `registry.url`."""
WORKERS = 6
"""Look-ups at once: DaData allows 30 requests a second from one address."""
Progress = Callable[[int, int], None]
"""(done, total) after each key asked or found in the store."""


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@dataclass(frozen=True, slots=True)
class RegistryResult:
    """An order's registry findings, and where they come from."""

    findings: list[Finding]
    lookup: Lookup | None
    """None for an order with nothing to ask (no buyer, no ИНН, a private person) or one
    linked by a confirmed mapping."""
    asked_at: dt.datetime | None = None
    age_days: int | None = None
    """How old the answer is, in days (0: today); None when there is none."""
    linked: bool = False


@dataclass
class CheckSummary:
    """What `check_orders` did: keys asked, found fresh in the store, failed, and skipped."""

    asked: int = 0
    cached: int = 0
    failed: dict[Key, RegistryError] = field(default_factory=dict)
    linked: int = 0
    cancelled: bool = False


def registry_key_of(order: Order) -> Key | None:
    """(ИНН, "") of the order's buyer to ask about; None for nothing to ask."""
    buyer = order_buyer(order)
    if buyer is None:
        return None
    party = buyer.counterparty
    inn = (party.inn or "").strip()
    if not inn.isdigit() or len(inn) not in (10, 12) or party.kind is CounterpartyKind.PERSON:
        return None
    return inn, ""


def token_of(vault: PasswordVault, url: str) -> str:
    """DaData's key from the keychain; "" when none is kept."""
    return vault.password(TOKEN_SYSTEM, TOKEN_USER, url) or ""


def store_token(vault: PasswordVault, url: str, token: str) -> None:
    vault.store(TOKEN_SYSTEM, TOKEN_USER, url, token)


def lookup_of(answer: CachedAnswer) -> Lookup:
    records = records_of({"suggestions": answer.suggestions})
    state = LookupState.FOUND if records else LookupState.NOT_FOUND
    return Lookup(state, records, asked_on=answer.asked_at.date())


def registry_findings_for(
    order: Order,
    answers: RegistryAnswers,
    *,
    now: dt.datetime | None = None,
    reason: str = "off",
    mappings: MappingRepository | None = None,
) -> RegistryResult:
    """The order's registry findings from the store alone (see the module text).

    `reason` says why there is no answer when the store has none (`no-token`, `offline`, a
    failure's `RegistryError.reason`…; default `off`: not asked yet).
    """
    key = registry_key_of(order)
    if key is None:
        return RegistryResult([], None)
    if mappings is not None and _linked(order, mappings):
        return RegistryResult([], None, linked=True)
    buyer = order_buyer(order)
    assert buyer is not None
    cached = answers.get(key)
    if cached is None:
        lookup = Lookup.not_asked(reason)
        return RegistryResult(registry_findings(buyer.counterparty, lookup), lookup)
    lookup = lookup_of(cached)
    age = cached.age_days(now or utc_now())
    findings = registry_findings(buyer.counterparty, lookup)
    return RegistryResult(findings, lookup, cached.asked_at, age)


def _linked(order: Order, mappings: MappingRepository) -> bool:
    key = order_entity_key(order)
    if key is None:
        return False
    mapping = mappings.mapping(key.text)
    return mapping is not None and not mapping.needs_confirmation


class RegistryCheck:
    """Look-ups for a set of orders (after a fetch) or one order (on demand)."""

    def __init__(
        self,
        answers: RegistryAnswers,
        connection: RegistryConnection | None,
        *,
        max_age_days: int = 30,
        mappings: MappingRepository | None = None,
        workers: int = WORKERS,
        clock: Callable[[], dt.datetime] = utc_now,
    ) -> None:
        """`connection` None: no key is kept — nothing is asked, findings say so."""
        self.answers = answers
        self.connection = connection
        self.max_age = dt.timedelta(days=max_age_days)
        self.mappings = mappings
        self.workers = max(1, workers)
        self.clock = clock
        self.offline = False
        """Set when the check was made not to ask (`checks --offline`): the findings say
        «нет связи», not «не задан ключ»."""
        self.failures: dict[Key, str] = {}
        """The reason (`RegistryError.reason`) of the last failed look-up of each key."""

    def reason_for(self, key: Key | None) -> str:
        """Why the store has no answer for `key`, for `registry_findings_for`."""
        if self.offline:
            return "offline"
        if self.connection is None or not self.connection.token:
            return "no-token"
        return self.failures.get(key, "off") if key is not None else "off"

    def findings_for(self, order: Order) -> RegistryResult:
        """`registry_findings_for` with this check's reasons and mappings."""
        reason = self.reason_for(registry_key_of(order))
        return registry_findings_for(order, self.answers, now=self.clock(), reason=reason,
                                     mappings=self.mappings)  # fmt: skip

    def check_order(self, order: Order, *, force: bool = True) -> RegistryResult:
        """Ask about one order's buyer now (`force`: even when the store has a fresh answer,
        and even when the order is linked: the manager asked), then its findings."""
        key = registry_key_of(order)
        if key is not None and (force or self._stale([key])):
            self._ask([key], None, None, CheckSummary())
        return registry_findings_for(order, self.answers, now=self.clock(),
                                     reason=self.reason_for(key))  # fmt: skip

    def check_orders(
        self,
        orders: Iterable[Order],
        *,
        progress: Progress | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> CheckSummary:
        """Ask about every buyer of `orders` the store has no fresh answer for (see the module
        text). Safe to call from a worker thread; `cancelled` is polled between look-ups."""
        summary = CheckSummary()
        keys: set[Key] = set()
        for order in orders:
            key = registry_key_of(order)
            if key is None:
                continue
            if self.mappings is not None and _linked(order, self.mappings):
                summary.linked += 1
                continue
            keys.add(key)
        stale = self._stale(sorted(keys))
        summary.cached = len(keys) - len(stale)
        if self.connection is None or not self.connection.token:
            return summary
        self._ask(stale, progress, cancelled, summary, offset=summary.cached)
        return summary

    def check_fetch(
        self,
        database: Database,
        fetch_id: int,
        *,
        progress: Progress | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> CheckSummary:
        """`check_orders` for the orders fetch `fetch_id` brought new or changed."""
        orders = fetched_orders(database, fetch_id)
        return self.check_orders(orders, progress=progress, cancelled=cancelled)

    def _stale(self, keys: Sequence[Key]) -> list[Key]:
        cached = self.answers.get_many(keys)
        limit = self.clock() - self.max_age
        return [k for k in keys if k not in cached or cached[k].asked_at < limit]

    def _ask(
        self,
        keys: Sequence[Key],
        progress: Progress | None,
        cancelled: Callable[[], bool] | None,
        summary: CheckSummary,
        offset: int = 0,
    ) -> None:
        connection = self.connection
        if connection is None or not connection.token or not keys:
            return
        total = offset + len(keys)
        local = threading.local()
        clients: list[DadataClient] = []
        lock = threading.Lock()

        def ask(key: Key) -> None:
            client = getattr(local, "client", None)
            if client is None:
                client = local.client = DadataClient(connection)
                with lock:
                    clients.append(client)
            suggestions = client.suggestions(key[0])
            self.answers.put(key, suggestions, self.clock())

        done = offset
        pending = list(keys)
        running: dict[Future[None], Key] = {}
        with ThreadPoolExecutor(min(self.workers, len(keys)), "registry") as pool:
            try:
                while pending or running:
                    while pending and len(running) < self.workers * 2:
                        if cancelled is not None and cancelled():
                            summary.cancelled = True
                            pending.clear()
                            break
                        key = pending.pop(0)
                        running[pool.submit(ask, key)] = key
                    if not running:
                        break
                    finished, _ = wait(running, return_when=FIRST_COMPLETED)
                    for future in finished:
                        key = running.pop(future)
                        done += 1
                        self._record(key, future, summary)
                        if progress is not None:
                            progress(done, total)
            finally:
                for client in clients:
                    client.close()

    def _record(self, key: Key, future: Future[None], summary: CheckSummary) -> None:
        error = future.exception()
        if error is None:
            summary.asked += 1
            self.failures.pop(key, None)
        elif isinstance(error, RegistryError):
            summary.failed[key] = error
            self.failures[key] = error.reason
            log.warning("registry: ИНН %s not checked: %s", key[0], error.message)
        else:
            raise error
