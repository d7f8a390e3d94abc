"""«Получить заказы» as one use case: fetch from the portal, then map the buyers the app
knows — what the window's fetch job and the CLI's `fetch` both run.

The automatic mapping belongs to every fetch: a later order of a legal entity already
linked (or matching exactly one 1C counterparty by ИНН and КПП) must not wait for the
manager. When the window and the CLI each assembled the two steps, the window dropped the
mapping's report; here both get it. A caller that reads more between the two steps (the
CLI reads 1C's orders, so those it finds are mapped in the same run) passes
`before_mapping`.

A `registry` check, when given, runs last — after the mapping, so that the orders it linked
cost no request — on the orders the fetch brought (services.registry_check); its failures
are per ИНН and never fail the fetch.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from desktop_app.services.decision_service import AutoReport, auto_map
from desktop_app.services.fetch_service import FetchReport, Progress, fetch_orders
from desktop_app.services.registry_check import CheckSummary, RegistryCheck
from desktop_app.services.settings import PortalSettings, ReviewSettings
from desktop_app.store.database import Database


@dataclass(frozen=True, slots=True)
class FetchOutcome:
    report: FetchReport
    mapped: AutoReport
    registry: CheckSummary | None = None
    """What the registry check asked, when one was run."""

    def recognised(self) -> dict[str, int] | None:
        """The mapping report's figures (`wording.auto_mapping.RECOGNISED`'s parameters),
        or None when no buyer was recognised (nothing worth a line)."""
        mapped = self.mapped
        if not mapped.by_mapping and not mapped.by_requisites:
            return None
        return {
            "by_mapping": mapped.by_mapping,
            "by_requisites": mapped.by_requisites,
            "queued": mapped.pushed_without_confirmation,
        }


def fetch_and_map(
    portal: PortalSettings,
    password: str,
    database: Database,
    work_dir: Path,
    review: ReviewSettings,
    *,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
    before_mapping: Callable[[], object] | None = None,
    registry: RegistryCheck | None = None,
    registry_progress: Callable[[int, int], None] | None = None,
) -> FetchOutcome:
    """One exchange (`fetch_service.fetch_orders`, whose errors it raises), then the
    automatic mapping of the new orders (`decision_service.auto_map`)."""
    report = fetch_orders(portal, password, database, work_dir, progress=progress, cancel=cancel)
    if before_mapping is not None:
        before_mapping()
    mapped = auto_map(database, review)
    if registry is None:
        return FetchOutcome(report, mapped)
    cancelled = cancel.is_set if cancel is not None else None
    checked = registry.check_fetch(
        database, report.fetch_id, progress=registry_progress, cancelled=cancelled
    )
    return FetchOutcome(report, mapped, checked)
