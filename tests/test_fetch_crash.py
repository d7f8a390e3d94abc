"""Crash safety: `fetch` killed with SIGKILL at several points loses nothing and duplicates nothing.

The portal's cursor must never move past an order the store has not committed: `success` is
sent only after the last batch is committed, so a kill anywhere before it means the next run
receives the same orders again — and stores them as "unchanged", each exactly once.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop_app.adapters import keychain
from desktop_app.emulators.portal import Fault, PortalEmulator
from desktop_app.emulators.world import World
from desktop_app.services import settings
from desktop_app.store.database import Database
from desktop_app.store.queue_repository import QueueRepository

from conftest import ROOT

pytestmark = pytest.mark.skipif(os.name == "nt", reason="SIGKILL is POSIX")

RUNNER = Path(__file__).with_name("fetch_crash_runner.py")
ORDERS = 1200


def configure(data_dir: Path, portal: PortalEmulator) -> None:
    current = settings.Settings(
        portal=settings.PortalSettings(url=portal.page_url(), user="exchange", retries=1)
    )
    settings.save(data_dir, current)
    keychain.store_password("portal", "exchange", portal.page_url(), "secret")


def kill_at(data_dir: Path, tmp_path: Path, stage: str, threshold: int) -> None:
    marker = tmp_path / f"reached-{stage}"
    process = subprocess.Popen(
        [sys.executable, str(RUNNER), str(data_dir), stage, str(threshold), str(marker)],
        cwd=ROOT,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 120
        while not marker.exists():
            if process.poll() is not None:
                raise AssertionError(f"runner ended early: {process.stderr.read()!r}")  # type: ignore[union-attr]
            if time.monotonic() > deadline:
                raise AssertionError(f"the fetch never reached {stage} {threshold}")
            time.sleep(0.05)
    finally:
        helpers = children_of(process.pid)
        process.send_signal(signal.SIGKILL)
        process.wait()
        process.stderr.close()  # type: ignore[union-attr]
    deadline = time.monotonic() + 10
    while any(alive(pid) for pid in helpers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [pid for pid in helpers if alive(pid)], "helper processes outlived the fetch"


def children_of(pid: int) -> list[int]:
    """The processes whose parent is `pid` (Linux /proc; none where there is no /proc)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def fetch_again(data_dir: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop_app", "--data-dir", str(data_dir), "fetch", "--json"],
        cwd=ROOT, capture_output=True, text=True, encoding="utf-8", check=False, timeout=300,
    )  # fmt: skip


def stored_ids(data_dir: Path) -> list[str]:
    with Database.open(data_dir) as database:
        return [r.portal_id for r in QueueRepository(database).queue(limit=100_000)]


@pytest.mark.parametrize(
    ("stage", "threshold"),
    [("downloading", 2_000_000), ("storing", 600), ("confirming", 0)],
    ids=["during-download", "during-parsing", "after-commit-before-success"],
)
def test_killed_fetch_loses_and_duplicates_nothing(
    tmp_path: Path, stage: str, threshold: int
) -> None:
    data_dir = tmp_path / "data"
    with PortalEmulator(World.generate(seed=23, buyers=80), orders=ORDERS) as portal:
        configure(data_dir, portal)
        if stage == "downloading":
            portal.inject(Fault("query", "stall", seconds=60))  # half the body, then a pause
        kill_at(data_dir, tmp_path, stage, threshold)

        assert portal.committed_time() is None, "the cursor moved although nobody confirmed"
        assert portal.exported_ids() == frozenset()
        partial = stored_ids(data_dir)
        assert len(partial) == len(set(partial)) <= ORDERS
        if stage == "storing":
            assert 600 <= len(partial) < ORDERS  # killed between two committed batches
        if stage == "confirming":
            assert len(partial) == ORDERS  # everything was committed before success

        rerun = fetch_again(data_dir)
        assert rerun.returncode == 0, rerun.stderr
        final = stored_ids(data_dir)
        assert sorted(final) == sorted(portal.order_updates())
        assert len(final) == len(set(final)) == ORDERS
        assert portal.exported_ids() == frozenset(final)
        assert '"confirmed": true' in rerun.stdout
