"""Benchmark of `push`: 1C answers slowly, so decisions go four at a time.

    .venv/bin/python tests/bench/bench_push.py [--decisions 500] [--latency 0.2]

Both emulators run in-process on 127.0.0.1. The portal's orders are fetched once into a
template data folder; 1C's exchange has imported all of them, with an empty counterparty.
Every order gets a *create* decision (a partner, a counterparty, the link: three steps, six
requests with the look-ups that make them safe to repeat). Each measured run starts from a
copy of the template and a fresh 1C emulator that waits `latency` seconds on every request,
as a real УТ 11 does (5–11 s for a POST on a live base; 0.2 s keeps the run short):

- sequential: `push(parallel=1)`;
- parallel: `push(parallel=4)`, the default.

Printed: seconds, decisions/s, requests made, and the ratio (target: parallel ≥ 3× faster).
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from push_scene import connection, order_1c

from desktop_app.domain import order_link
from desktop_app.domain.decisions import WriteState
from desktop_app.domain.onec_directory import EMPTY_REF
from desktop_app.emulators.onec import Fault, OneCEmulator
from desktop_app.emulators.portal import PortalEmulator
from desktop_app.emulators.world import World
from desktop_app.services.decision_service import DecisionService
from desktop_app.services.fetch_service import fetch_orders
from desktop_app.services.order_steps import PushContext
from desktop_app.services.push_service import push
from desktop_app.services.settings import PortalSettings
from desktop_app.store.database import Database
from desktop_app.store.queue_repository import QueueRepository


def template(folder: Path, world: World, decisions: int, orders: int) -> None:
    """Fetched orders; a create decision for the first `decisions` whose 1C order has no
    counterparty (1C's exchange links the buyers it knows by itself)."""
    with (
        PortalEmulator(world, orders=orders) as portal,
        OneCEmulator(world, orders=orders) as onec,
        Database.open(folder) as database,
    ):
        fetch_orders(PortalSettings(url=portal.page_url(), user=portal.user), portal.password,
                     database, folder / "work")  # fmt: skip
        service = DecisionService(database, user="bench")
        made = 0
        for row in QueueRepository(database).queue(limit=orders):
            if made < decisions and order_1c(onec, row.number)["Контрагент_Key"] == EMPTY_REF:
                service.create(row.portal_id)
                made += 1
        if made < decisions:
            raise SystemExit(
                f"only {made} orders without a counterparty; raise the number of orders"
            )


def run(
    folder: Path, world: World, decisions: int, latency: float, parallel: int
) -> tuple[float, int, int]:
    with OneCEmulator(world, orders=decisions) as onec, Database.open(folder) as database:
        onec.inject(Fault("latency", seconds=latency, times=1_000_000))
        before = len(onec.requests)
        started = time.perf_counter()
        context = PushContext(order_link.bitrix())  # the bench world's exchange setup
        report = push(database, connection(onec), context=context, parallel=parallel)
        elapsed = time.perf_counter() - started
        return elapsed, report.count(WriteState.WRITTEN), len(onec.requests) - before


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--decisions", type=int, default=500)
    parser.add_argument("--latency", type=float, default=0.2)
    args = parser.parse_args()
    world = World.generate(seed=5, buyers=max(200, args.decisions * 3), start=dt.date(2026, 11, 2))
    with tempfile.TemporaryDirectory(prefix="bench-push-") as scratch:
        base = Path(scratch) / "template"
        orders = args.decisions * 3
        template(base, world, args.decisions, orders)
        print(f"{args.decisions} create decisions, {args.latency * 1000:.0f} ms per 1C request")
        print(f"{'scenario':28} {'seconds':>9} {'decisions/s':>12} {'written':>8} {'requests':>9}")
        results = {}
        for name, parallel in (("sequential (1)", 1), ("parallel (4)", 4)):
            folder = Path(scratch) / name.split()[0]
            shutil.copytree(base, folder)
            elapsed, written, requests = run(folder, world, orders, args.latency, parallel)
            results[parallel] = elapsed
            print(f"{name:28} {elapsed:9.1f} {written / elapsed:12.2f} {written:8d} {requests:9d}")
        print(f"parallel is {results[1] / results[4]:.2f}× faster   (target ≥ 3×)")


if __name__ == "__main__":
    main()
