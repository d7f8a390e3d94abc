"""SIGKILL at random moments: fetch, push and directory refresh, as users run them (the CLI).

The step-boundary crash tests (test_fetch_crash.py, test_push.py) kill at chosen points; a
real crash picks its own moment. Each scenario here kills the command a bounded number of
times after a random delay (seeded, so a red run can be repeated) and checks after every kill
what must hold whatever the moment:

- the database passes SQLite's integrity check;
- no order is stored twice, and the portal was never confirmed an order that is not stored;
- 1C holds at most one counterparty per company (ИНН+КПП) — exactly one after the last push;

and, after a clean run at the end, that nothing was lost. The counts are printed (`-s`).
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from push_scene import COUNTERPARTIES, IMPORTED, buyers, fill, make_world

from desktop_app.adapters import keychain
from desktop_app.emulators.onec import Fault as OneCFault
from desktop_app.emulators.onec import OneCEmulator
from desktop_app.emulators.portal import Fault, PortalEmulator
from desktop_app.emulators.world import World
from desktop_app.services import settings
from desktop_app.services.decision_service import DecisionService
from desktop_app.store.database import DATABASE_FILE_NAME, Database
from desktop_app.store.queue_repository import QueueRepository

from conftest import ROOT

pytestmark = [
    pytest.mark.faults,
    pytest.mark.slow,
    pytest.mark.skipif(os.name == "nt", reason="SIGKILL and process groups are POSIX"),
]

SEED = int(os.environ.get("ORDER_REVIEW_FAULTS_SEED", "20261203"))
KILLS = int(os.environ.get("ORDER_REVIEW_FAULTS_KILLS", "6"))


@dataclass
class Tally:
    """What the kills did: printed at the end of each scenario for the record."""

    name: str
    killed: int = 0
    finished: int = 0
    checks: int = 0
    notes: list[str] = field(default_factory=list)

    def report(self) -> None:
        print(f"\n[faults] {self.name}: {self.killed} killed, {self.finished} ended by "
              f"themselves, {self.checks} checks passed; " + "; ".join(self.notes))  # fmt: skip


def command(data_dir: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "desktop_app", "--data-dir", str(data_dir), *args]


def run_and_kill(argv: list[str], delay: float, tally: Tally) -> None:
    """Start `argv` in its own process group; SIGKILL the whole group after `delay` s."""
    process = subprocess.Popen(argv, cwd=ROOT, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, start_new_session=True)  # fmt: skip
    try:
        process.wait(timeout=delay)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        tally.killed += 1
    else:
        tally.finished += 1
        error = process.stderr.read().decode("utf-8", "replace")  # type: ignore[union-attr]
        assert "Traceback" not in error, error
    finally:
        process.stderr.close()  # type: ignore[union-attr]


def run_clean(argv: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(argv, cwd=ROOT, capture_output=True, text=True, encoding="utf-8",
                          check=False, timeout=600)  # fmt: skip


def integrity(data_dir: Path) -> None:
    path = data_dir / DATABASE_FILE_NAME
    assert path.exists(), f"no database in {data_dir}"
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok", path


def stored_ids(data_dir: Path) -> list[str]:
    with Database.open(data_dir) as database:
        return [r.portal_id for r in QueueRepository(database).queue(limit=1_000_000)]


@pytest.fixture(scope="module")
def startup() -> float:
    """How long the CLI takes to start here: kills are drawn after it, so that they land in
    the work rather than in Python's imports (machines differ by a factor of ten)."""
    started = time.monotonic()
    result = run_clean([sys.executable, "-m", "desktop_app", "queue", "--help"])
    assert result.returncode == 0, result.stderr
    return time.monotonic() - started


@pytest.fixture
def rng(request: pytest.FixtureRequest) -> random.Random:
    return random.Random(f"{SEED}:{request.node.name}")  # noqa: S311 - kill moments, not secrets


# --- fetch ----------------------------------------------------------------------------------


def configure_portal(data_dir: Path, portal: PortalEmulator) -> None:
    settings.save(data_dir, settings.Settings(portal=settings.PortalSettings(
        url=portal.page_url(), user=portal.user, retries=1)))  # fmt: skip
    keychain.store_password("portal", portal.user, portal.page_url(), portal.password)


def check_fetch(data_dir: Path, portal: PortalEmulator, tally: Tally) -> None:
    if not (data_dir / DATABASE_FILE_NAME).exists():  # killed before it opened the store
        assert not portal.exported_ids()
        return
    integrity(data_dir)
    ids = stored_ids(data_dir)
    assert len(ids) == len(set(ids)), Counter(ids).most_common(3)
    unstored = portal.exported_ids() - set(ids)
    assert not unstored, f"the portal was confirmed {len(unstored)} orders that are not stored"
    assert set(ids) <= set(portal.order_updates())
    tally.checks += 1


def test_fetch_killed_at_random_moments_loses_and_duplicates_nothing(
    tmp_path: Path, rng: random.Random, startup: float
) -> None:
    """A burst of orders saved in one second, exports cut by PHP after 250 orders, an answer
    cut on the wire, and kills at random moments in between."""
    data_dir, tally = tmp_path / "data", Tally("fetch")
    with PortalEmulator(
        World.generate(seed=29, buyers=80), orders=2000, time_limit_orders=250
    ) as portal:  # PHP's max_execution_time cuts every export after 250 orders
        configure_portal(data_dir, portal)
        portal.add_orders(600)  # one second: the exchange log's boundary (Exchange::isEffected)
        portal.inject(Fault("query", "truncate"))
        for kill in range(KILLS):
            if kill == KILLS // 2:
                portal.add_orders(300)  # another burst while the fetches are being killed
                portal.inject(Fault("query", "truncate"))
            run_and_kill(command(data_dir, "fetch", "--json"), startup + rng.uniform(0, 4.0), tally)
            check_fetch(data_dir, portal, tally)

        for _ in range(6):  # the user runs fetch until it brings nothing new
            before = set(stored_ids(data_dir))
            result = run_clean(command(data_dir, "fetch", "--json"))
            assert result.returncode == 0, result.stderr
            check_fetch(data_dir, portal, tally)
            if set(stored_ids(data_dir)) == before:
                break
        final = stored_ids(data_dir)
        lost = set(portal.order_updates()) - set(final)
        tally.notes.append(f"{len(final)} of {len(portal.order_updates())} orders stored")
        tally.report()
        assert not lost, f"{len(lost)} orders never stored"
        assert portal.exported_ids() == frozenset(final)


# --- push -----------------------------------------------------------------------------------


@pytest.fixture
def push_world(
    tmp_path: Path,
) -> Iterator[tuple[Path, OneCEmulator, set[tuple[str, str | None]]]]:
    """The push scene's emulators, the orders fetched, a create decided for every order of a
    buyer 1C does not know (several orders per company), 1C slow to answer."""
    data_dir = tmp_path / "data"
    world = make_world()
    with PortalEmulator(world, orders=24) as portal, OneCEmulator(world, orders=IMPORTED) as onec:
        fill(data_dir, portal, onec)
        settings.save(data_dir, settings.Settings(onec=settings.OneCSettings(
            url=onec.service_root, user=onec.user)))  # fmt: skip
        keychain.store_password("onec", onec.user, onec.service_root, onec.password)
        companies = set()
        with Database.open(data_dir) as database:
            found = buyers(database, onec)
            for row in found.unknown + buyers(database, onec, imported=False).unknown:
                DecisionService(database).create(row.portal_id)
                companies.add((row.buyer_inn or "", row.buyer_kpp or None))
        onec.inject(OneCFault("latency", seconds=0.15, times=100_000))
        yield data_dir, onec, companies


def companies_in_1c(onec: OneCEmulator) -> Counter[tuple[str, str | None]]:
    return Counter(
        (row["ИНН"], row["КПП"] or None)
        for row in onec.entities(COUNTERPARTIES)
        if row.get("ИНН") and not row.get("DeletionMark")
    )


def test_push_killed_at_random_moments_creates_each_company_once(
    push_world: tuple[Path, OneCEmulator, set[tuple[str, str | None]]],
    rng: random.Random,
    startup: float,
) -> None:
    data_dir, onec, companies = push_world
    tally = Tally("push")
    before = companies_in_1c(onec)
    for _ in range(KILLS):
        run_and_kill(command(data_dir, "push"), startup + rng.uniform(0, 3.0), tally)
        integrity(data_dir)
        twice = {key: n for key, n in companies_in_1c(onec).items() if n > 1}
        assert not twice, f"companies created more than once: {twice}"
        tally.checks += 1

    result = run_clean(command(data_dir, "push"))
    assert result.returncode in (0, 1), result.stderr
    assert "Traceback" not in result.stderr
    after = companies_in_1c(onec)
    created = after - before
    tally.notes.append(f"{sum(created.values())} companies created in 1C")
    tally.report()
    assert {key: after[key] for key in companies} == dict.fromkeys(companies, 1)
    assert all(n == 1 for n in created.values())


# --- directory refresh ----------------------------------------------------------------------


def test_refresh_killed_at_random_moments_keeps_a_consistent_copy(
    tmp_path: Path, rng: random.Random, startup: float
) -> None:
    data_dir, tally = tmp_path / "data", Tally("directory refresh")
    world = World.generate(seed=31, buyers=60)
    with OneCEmulator(world, orders=0, extra_counterparties=20_000) as onec:
        onec.inject(OneCFault("latency", seconds=0.02, times=100_000))  # pages take a while
        settings.save(data_dir, settings.Settings(onec=settings.OneCSettings(
            url=onec.service_root, user=onec.user)))  # fmt: skip
        keychain.store_password("onec", onec.user, onec.service_root, onec.password)
        for _ in range(KILLS):
            run_and_kill(
                command(data_dir, "directory", "refresh"), startup + rng.uniform(0, 3.0), tally
            )
            if (data_dir / DATABASE_FILE_NAME).exists():
                integrity(data_dir)
                tally.checks += 1
        result = run_clean(command(data_dir, "directory", "refresh"))
        assert result.returncode == 0, result.stderr
        integrity(data_dir)
        with sqlite3.connect(data_dir / DATABASE_FILE_NAME) as db:
            copied = db.execute("SELECT count(*) FROM onec_counterparties").fetchone()[0]
        in_1c = len(onec.entities(COUNTERPARTIES))
        tally.notes.append(f"{copied} of {in_1c} counterparties in the copy")
        tally.report()
        assert copied == in_1c
