"""The registry's findings as one more source of `order_findings`, read from the store only.

The review panel's badges and the queue's «Пров.» mark are made of the same sources
(domain.order_findings); this one adds the registry's answer kept in the store, so both show
a liquidated buyer alike, and neither asks the network on the GUI thread. What it cannot
read from the store — why there is no answer (no key, a refused key, the daily limit…) — it
learns from the last check a worker ran (`learn`), since reading the key from the keychain
may block.
"""

from __future__ import annotations

import threading

from desktop_app.domain.order import Order
from desktop_app.domain.requisite_values import Finding
from desktop_app.services.registry_check import (
    RegistryCheck,
    RegistryResult,
    registry_findings_for,
    registry_key_of,
)
from desktop_app.store.database import Database
from desktop_app.store.entity_mappings import MappingRepository
from desktop_app.store.registry_answers import Key, RegistryAnswers


class RegistrySource:
    """`order_findings`' source of the registry's findings (call it with an order)."""

    def __init__(self, database: Database) -> None:
        self._answers = RegistryAnswers(database)
        self._mappings = MappingRepository(database)
        self._lock = threading.Lock()
        self._default = "off"
        """Why no answer, for every key the last check did not fail on (`off`: not asked yet)."""
        self._failures: dict[Key, str] = {}
        self.generation = 0
        """Moved by every check learned: findings remembered under an older one are stale."""

    def learn(self, check: RegistryCheck) -> None:
        """Take the reasons of the check a worker has just run (safe from any thread)."""
        with self._lock:
            self._default = check.reason_for(None)
            self._failures = dict(check.failures)
            self.generation += 1

    def result(self, order: Order) -> RegistryResult:
        """The order's registry findings and the answer's age (a few indexed reads)."""
        key = registry_key_of(order)
        with self._lock:
            reason = self._failures.get(key, self._default) if key else self._default
        return registry_findings_for(order, self._answers, reason=reason, mappings=self._mappings)

    def __call__(self, order: Order) -> list[Finding]:
        return self.result(order).findings
