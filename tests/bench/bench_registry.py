"""Benchmark of the registry check: many orders, few ИНН, a slow registry; figures only.

    .venv/bin/python tests/bench/bench_registry.py [--orders 1000] [--distinct 300]
                                                 [--latency 0.1] [--workers 6]

`--orders` orders whose buyers have `--distinct` different ИНН (the world's companies, in
turn) are checked against the registry emulator answering each request after `--latency`
seconds (its `latency` fault), into a fresh store each time:

- one at a time (`workers=1`) and in parallel (`--workers`); the ratio is printed;
- a second check of the same orders (every answer in the store: no request);
- baseline: `--distinct` sequential bare `requests` POSTs to the same emulator, no store.

- the GUI thread during the check (`--gui`): the window (offscreen) runs the same check of
  the orders on its `TaskRunner`, its progress in the status bar, as the fetch job does,
  while a 10 ms timer on the GUI thread records the longest gap between its ticks — the
  longest stall the manager would feel; the baseline is the same timer with nothing running.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from desktop_app.adapters.registry.dadata_client import (  # noqa: E402
    PARTY_PATH,
    RegistryConnection,
)
from desktop_app.domain.counterparty import CounterpartyKind  # noqa: E402
from desktop_app.domain.order import Order  # noqa: E402
from desktop_app.emulators.registry.emulator import RegistryEmulator  # noqa: E402
from desktop_app.emulators.world import World  # noqa: E402
from desktop_app.services.registry_check import RegistryCheck  # noqa: E402
from desktop_app.store.database import Database  # noqa: E402
from desktop_app.store.registry_answers import RegistryAnswers  # noqa: E402


def make_orders(world: World, count: int, distinct: int) -> list[Order]:
    companies = [
        b.counterparty
        for b in world.buyers
        if b.counterparty.kind in (CounterpartyKind.LEGAL, CounterpartyKind.ENTREPRENEUR)
        and not b.is_branch
    ]
    by_inn = {c.inn: c for c in companies if c.inn}
    if len(by_inn) < distinct:
        raise SystemExit(f"the world has {len(by_inn)} companies, fewer than {distinct}")
    chosen = list(by_inn.values())[:distinct]
    template = world.order(1)
    return [
        dataclasses.replace(
            template, id=f"bench-{n}", counterparties=(chosen[n % distinct],), properties=()
        )
        for n in range(count)
    ]


def timed_check(url: str, token: str, orders: list[Order], workers: int) -> tuple[float, float]:
    """(seconds of the first check, seconds of the second) in a fresh store."""
    with tempfile.TemporaryDirectory() as folder, Database.open(Path(folder)) as db:
        check = RegistryCheck(RegistryAnswers(db), RegistryConnection(url, token), workers=workers)
        started = time.perf_counter()
        summary = check.check_orders(orders)
        first = time.perf_counter() - started
        assert not summary.failed, summary.failed
        started = time.perf_counter()
        again = check.check_orders(orders)
        second = time.perf_counter() - started
        assert again.asked == 0
    return first, second


def bare(url: str, token: str, inns: list[str]) -> float:
    session = requests.Session()
    headers = {"Authorization": f"Token {token}"}
    started = time.perf_counter()
    for inn in inns:
        session.post(url + PARTY_PATH, json={"query": inn, "count": 20}, headers=headers,
                     timeout=30).raise_for_status()  # fmt: skip
    return time.perf_counter() - started


TICK_MS = 10


def gui_stall(url: str, token: str, orders: list[Order], workers: int) -> tuple[float, float]:
    """(longest GUI-thread gap during the background check, the same with nothing running),
    in seconds; the window and the check as the window's fetch job runs it."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop, QTimer

    from desktop_app.services.password_vault import MemoryVault
    from desktop_app.services.workspace import Workspace
    from desktop_app.ui import qt_app
    from desktop_app.ui.main_window import MainWindow
    from desktop_app.ui.status_bar import TaskProgress
    from desktop_app.ui.ui_state import UiState

    app = qt_app.application()
    with tempfile.TemporaryDirectory() as folder:
        workspace = Workspace.open(Path(folder), MemoryVault())
        window = MainWindow(workspace, UiState(Path(folder) / "window.ini"))
        window.show()
        app.processEvents()

        def longest_gap(running: object | None) -> float:
            gaps: list[float] = []
            last = [time.perf_counter()]

            def tick() -> None:
                now = time.perf_counter()
                gaps.append(now - last[0])
                last[0] = now

            timer = QTimer()
            timer.timeout.connect(tick)
            timer.start(TICK_MS)
            loop = QEventLoop()
            if running is None:
                QTimer.singleShot(2000, loop.quit)
            else:
                running.finished.connect(loop.quit)  # type: ignore[attr-defined]
            loop.exec()
            timer.stop()
            return max(gaps, default=0.0) - TICK_MS / 1000

        idle = longest_gap(None)
        check = RegistryCheck(
            RegistryAnswers(workspace.database), RegistryConnection(url, token), workers=workers
        )

        def run(context: object) -> object:
            report = context.report  # type: ignore[attr-defined]
            return check.check_orders(orders, progress=lambda d, t: report((d, t)))

        task = window.runner.start("bench-registry", run)
        words = lambda value: TaskProgress(f"Реестр: {value}")  # noqa: E731
        window.status.show_task(task, words, TaskProgress("Реестр…"))
        busy = longest_gap(task)
        window.close()
        workspace.close()
    return busy, idle


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orders", type=int, default=1000)
    parser.add_argument("--distinct", type=int, default=300)
    parser.add_argument("--latency", type=float, default=0.1)
    parser.add_argument("--workers", type=int, default=6)
    parser.add_argument("--gui", action="store_true", help="measure the GUI thread too")
    args = parser.parse_args()
    world = World.generate(seed=1, buyers=max(400, args.distinct * 2))
    orders = make_orders(world, args.orders, args.distinct)
    inns = sorted({o.buyer.inn for o in orders if o.buyer is not None and o.buyer.inn})
    with RegistryEmulator(world) as registry:
        registry.add_fault("latency", seconds=args.latency, times=10**9)
        url, token = registry.base_url, registry.token
        base = bare(url, token, inns)
        one, one_again = timed_check(url, token, orders, 1)
        many, many_again = timed_check(url, token, orders, args.workers)
        stall = gui_stall(url, token, orders, args.workers) if args.gui else None
    print(f"{args.orders} orders, {len(inns)} distinct ИНН, {args.latency * 1000:.0f} ms a request"
          f" ({dt.date.today()})")  # fmt: skip
    print(f"  bare: {len(inns)} sequential requests          {base:7.2f} s")
    print(f"  check, one at a time (workers=1)          {one:7.2f} s   again: {one_again:.3f} s")
    print(f"  check, in parallel (workers={args.workers})          {many:7.2f} s   "
          f"again: {many_again:.3f} s")  # fmt: skip
    print(f"  parallel vs one at a time: {one / many:.1f}× faster; "
          f"one at a time vs bare: {one / base:.2f}×")  # fmt: skip
    if stall is not None:
        print(f"  GUI thread, longest stall during the background check: {stall[0] * 1000:.0f} ms"
              f" (idle window: {stall[1] * 1000:.0f} ms; a {TICK_MS} ms timer)")  # fmt: skip


if __name__ == "__main__":
    main()
