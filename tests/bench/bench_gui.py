"""Benchmark of the desktop window on a large queue: start, filters, search, memory.

    .venv/bin/python tests/bench/bench_gui.py [--orders 100000] [--data-dir DIR] [--repeat 21]
    .venv/bin/python tests/bench/bench_gui.py --demo-fetch 20000

A data folder with that many generated orders is made once (through the store's own
`OrderRepository`, as a fetch stores them; `--data-dir` keeps it for the next run), with a
spread of review states. Then fresh processes (QT_QPA_PLATFORM=offscreen) measure:

- start: from the process's first line to the queue's first paint (imports, the database
  opened, the window built and shown), and from `MainWindow(...)` to that paint;
- filter: a state chosen in the filter until the queue has repainted (`set_filter` then a
  synchronous `repaint`), median over the states in turn; the same for a search (a number,
  an ИНН, a word of a name) — a search is a scan of the table, hence its own line;
- open an order: selecting a row until the review panel has repainted;
- peak resident memory of the process.

Baselines in the same run: a bare PySide6 process showing an empty table (start, memory), and
the same page and count queries through bare `sqlite3` (filter). Figures only.

`--demo-fetch N` measures the demo as `gui --demo --orders N` starts it instead: the window
on the demo's empty workspace, the world made behind it (`DemoStart`), then the first fetch
of N orders. It prints the time to a painted window, to the first rows in the queue (and
whether the fetch was still running then: it must be, the queue fills as batches are
stored), and to the end of the fetch, beside the bare PySide6 start.
"""

from __future__ import annotations

import time

STARTED = time.perf_counter()

import argparse  # noqa: E402 - the clock starts before the imports it measures
import json  # noqa: E402
import os  # noqa: E402
import sqlite3  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

from process_memory import peak_rss_mb  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
STATES = ("new", "needs_review", "decided", "written", "rejected", "error")
SHARES = (0.55, 0.15, 0.10, 0.12, 0.05, 0.03)
BATCH = 2000


def build(folder: Path, orders: int) -> None:
    """`orders` generated orders stored through `OrderRepository`, states spread out."""
    from sqlalchemy import update

    from desktop_app.emulators.world import World
    from desktop_app.store.database import Database
    from desktop_app.store.models import ORDERS
    from desktop_app.store.order_repository import IncomingOrder, OrderRepository

    world = World.generate(seed=11, buyers=3000)
    started = time.perf_counter()
    with Database.open(folder) as database:
        repository = OrderRepository(database)
        fetch = repository.start_fetch("https://b2b.example.ru/order_review/exchange.php", "peek")
        for first in range(1, orders + 1, BATCH):
            count = min(BATCH, orders - first + 1)
            batch = [
                IncomingOrder(o, i, None, None) for i, o in enumerate(world.orders(count, first))
            ]
            repository.store_batch(fetch, batch)
        repository.finish_fetch(fetch, "stored")
        with database.writing() as connection:
            bound = 0
            for state, share in zip(STATES[1:], SHARES[1:], strict=True):
                size = int(orders * share)
                connection.execute(
                    update(ORDERS)
                    .where(ORDERS.c.id > bound, ORDERS.c.id <= bound + size)
                    .values(review_state=state)
                )
                bound += size
    print(f"store: {orders} orders made in {time.perf_counter() - started:.0f} s", flush=True)


def first_paint(widget: Any) -> list[float]:
    """A list that gets the moment `widget` is first painted; the event loop then stops."""
    from PySide6.QtCore import QCoreApplication, QEvent, QObject

    painted: list[float] = []

    class PaintWatch(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and not painted:
                painted.append(time.perf_counter())
                QCoreApplication.quit()
            return False

    watch = PaintWatch(widget)
    widget.installEventFilter(watch)
    return painted


def child(folder: Path, repeat: int) -> None:
    """One window on the folder: the figures as JSON on stdout."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from desktop_app.services.password_vault import MemoryVault
    from desktop_app.services.workspace import Workspace
    from desktop_app.store.review_state import ReviewState
    from desktop_app.ui import qt_app
    from desktop_app.ui.main_window import MainWindow
    from desktop_app.ui.ui_state import UiState

    app = qt_app.application()
    workspace = Workspace.open(folder, MemoryVault())
    state_path = Path(tempfile.mkdtemp()) / "window.ini"
    built = time.perf_counter()
    window = MainWindow(workspace, UiState(state_path))
    painted = first_paint(window.queue.view.viewport())
    window.show()
    app.exec()
    start_process = painted[0] - STARTED
    start_window = painted[0] - built
    rows = window.queue.model.rowCount()

    view = window.queue.view.viewport()
    states = [None, *ReviewState]
    filter_times = []
    for turn in range(repeat):
        state = states[turn % len(states)]
        begun = time.perf_counter()
        window.queue.model.set_filter(state, "")
        view.repaint()
        filter_times.append(time.perf_counter() - begun)
    sample = window.queue.model.row_at(5)
    assert sample is not None
    words = [sample.number or "1", (sample.buyer_inn or "77")[:6], "торг", "ооо ромашка"]
    search_times = []
    for turn in range(repeat):
        begun = time.perf_counter()
        window.queue.model.set_filter(None, words[turn % len(words)])
        view.repaint()
        search_times.append(time.perf_counter() - begun)
    window.queue.model.set_filter(None, "")
    open_times = []
    for turn in range(repeat):
        begun = time.perf_counter()
        window.queue.select_row(turn * 997 % rows)
        window.review.repaint()
        open_times.append(time.perf_counter() - begun)
    print(
        json.dumps(
            {
                "rows": rows,
                "start_process": start_process,
                "start_window": start_window,
                "filter": statistics.median(filter_times),
                "filter_max": max(filter_times),
                "search": statistics.median(search_times),
                "search_max": max(search_times),
                "open": statistics.median(open_times),
                "peak_mb": peak_rss_mb(),
            }
        )
    )
    window.close()
    workspace.close()


def demo_child(orders: int) -> None:
    """The demo of `orders` orders as `gui --demo` starts it: the figures as JSON on stdout."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QCoreApplication, QTimer

    from desktop_app.ui import qt_app
    from desktop_app.ui.demo import DemoEnvironment
    from desktop_app.ui.demo_start import DemoStart
    from desktop_app.ui.main_window import MainWindow
    from desktop_app.ui.ui_state import UiState

    app = qt_app.application()
    environment = DemoEnvironment(orders=orders, fetch_every=0)
    workspace = environment.open()
    built = time.perf_counter()
    window = MainWindow(workspace, UiState(environment.ui_state_path))
    painted = first_paint(window.queue.view.viewport())
    window.show()
    app.exec()
    starter = DemoStart(environment, window)
    marks: dict[str, float] = {}
    starter.served.connect(lambda: marks.setdefault("served", time.perf_counter()))

    def look() -> None:  # a bench may poll: what is measured is the window, not this timer
        now = time.perf_counter()
        fetching = window.runner.running("fetch") is not None
        if "rows" not in marks and window.queue.model.rowCount() > 0:
            marks["rows"] = now
            marks["fetch_running_at_rows"] = float(fetching)
        if "served" in marks and "rows" in marks and not fetching:
            marks["fetched"] = now
            QCoreApplication.quit()

    poll = QTimer()
    poll.timeout.connect(look)
    poll.start(20)
    QTimer.singleShot(1_800_000, QCoreApplication.quit)  # never a bench that hangs
    starter.begin()
    app.exec()
    poll.stop()
    rows = window.queue.model.rowCount()
    window.close()
    workspace.close()
    environment.stop()
    print(
        json.dumps(
            {
                "painted_process": painted[0] - STARTED,
                "painted_window": painted[0] - built,
                "served": marks.get("served", float("nan")) - STARTED,
                "first_rows": marks.get("rows", float("nan")) - STARTED,
                "fetch_running_at_rows": marks.get("fetch_running_at_rows", 0.0),
                "fetched": marks.get("fetched", float("nan")) - STARTED,
                "rows": rows,
                "peak_mb": peak_rss_mb(),
            }
        )
    )


def demo_report(orders: int) -> None:
    ours = run(["--demo-child", str(orders)])
    bare = [run(["--bare"]) for _ in range(3)]
    bare_start = statistics.median(f["start_process"] for f in bare)
    running = "yes" if ours["fetch_running_at_rows"] else "NO"
    print(f"demo of {orders} orders, first fetch in the window (one process)")
    print(f"{'scenario':48} {'ours':>10} {'baseline':>10} {'ratio':>6}")
    rows = (
        ("start → window painted, whole process (s)", ours["painted_process"], bare_start),
        ("start → window painted, from MainWindow() (s)", ours["painted_window"], None),
        ("start → demo portal and 1C up (s)", ours["served"], None),
        ("start → first rows in the queue (s)", ours["first_rows"], bare_start),
        ("start → first fetch ended (s)", ours["fetched"], None),
        ("peak resident memory (MB)", ours["peak_mb"], None),
    )
    for name, value, baseline in rows:
        ratio = f"{value / baseline:6.1f}" if baseline else ""
        shown = f"{baseline:10.2f}" if baseline is not None else ""
        print(f"{name:48} {value:10.2f} {shown:>10} {ratio}")
    print(
        f"rows at the end: {int(ours['rows'])}; the fetch still running at the first rows: "
        f"{running}"
    )


def bare_child() -> None:
    """The baseline process: PySide6 and an empty table, shown and painted once."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QStandardItemModel
    from PySide6.QtWidgets import QApplication, QTableView

    app = QApplication([])
    view = QTableView()
    view.setModel(QStandardItemModel(0, 8))
    painted = first_paint(view.viewport())
    view.resize(1366, 768)
    view.show()
    app.exec()
    print(json.dumps({"start_process": painted[0] - STARTED, "peak_mb": peak_rss_mb()}))


def bare_sql(folder: Path, repeat: int) -> float:
    """Median seconds of the same count and first page through bare sqlite3, per state."""
    connection = sqlite3.connect(folder / "order-review.sqlite3")
    times = []
    for turn in range(repeat):
        state = STATES[turn % len(STATES)]
        begun = time.perf_counter()
        connection.execute(
            "SELECT count(*) FROM orders WHERE review_state = ?", (state,)
        ).fetchall()
        connection.execute(
            "SELECT * FROM orders WHERE id IN (SELECT id FROM orders WHERE review_state = ? "
            "ORDER BY order_date DESC NULLS LAST, id DESC LIMIT 200) "
            "ORDER BY order_date DESC NULLS LAST, id DESC",
            (state,),
        ).fetchall()
        times.append(time.perf_counter() - begun)
    connection.close()
    return statistics.median(times)


def run(arguments: list[str]) -> dict[str, float]:
    result = subprocess.run(
        [sys.executable, __file__, *arguments], capture_output=True, text=True, check=True, cwd=ROOT
    )
    figures: dict[str, float] = json.loads(result.stdout.strip().splitlines()[-1])
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--orders", type=int, default=100_000)
    parser.add_argument("--data-dir", type=Path, help="keep (and reuse) the generated store here")
    parser.add_argument("--repeat", type=int, default=21)
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--bare", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument(
        "--demo-fetch", type=int, metavar="N", help="the demo's start and first fetch of N orders"
    )
    parser.add_argument("--demo-child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.bare:
        bare_child()
        return
    if args.demo_child:
        demo_child(args.demo_child)
        return
    if args.demo_fetch:
        demo_report(args.demo_fetch)
        return
    if args.child:
        child(args.child, args.repeat)
        return
    scratch = None
    folder = args.data_dir
    if folder is None:
        scratch = tempfile.TemporaryDirectory(prefix="bench-gui-")
        folder = Path(scratch.name)
    if not (folder / "order-review.sqlite3").exists():
        build(folder, args.orders)
    ours = [run(["--child", str(folder), "--repeat", str(args.repeat)]) for _ in range(3)]
    bare = [run(["--bare"]) for _ in range(3)]
    sql = bare_sql(folder, args.repeat)
    best = min(ours, key=lambda f: f["start_process"])
    median = {key: statistics.median(f[key] for f in ours) for key in ours[0]}
    bare_start = statistics.median(f["start_process"] for f in bare)
    bare_peak = statistics.median(f["peak_mb"] for f in bare)
    print(f"queue: {int(best['rows'])} orders; 3 fresh processes each, medians")
    print(f"{'scenario':44} {'ours':>10} {'baseline':>10} {'ratio':>6}")
    rows = (
        ("start → queue painted, whole process (s)", median["start_process"], bare_start),
        ("start → queue painted, from MainWindow() (s)", median["start_window"], None),
        ("state filter applied and repainted (ms)", median["filter"] * 1000, sql * 1000),
        ("  slowest of the run (ms)", median["filter_max"] * 1000, None),
        ("search applied and repainted (ms)", median["search"] * 1000, None),
        ("  slowest of the run (ms)", median["search_max"] * 1000, None),
        ("order opened in the review panel (ms)", median["open"] * 1000, None),
        ("peak resident memory (MB)", median["peak_mb"], bare_peak),
    )
    for name, value, baseline in rows:
        ratio = f"{value / baseline:6.1f}" if baseline else ""
        shown = f"{baseline:10.2f}" if baseline is not None else ""
        print(f"{name:44} {value:10.2f} {shown:>10} {ratio}")
    print("targets: start ≤ 2 s, filter ≤ 100 ms median, memory ≤ 400 MB")
    if scratch is not None:
        scratch.cleanup()


if __name__ == "__main__":
    main()
