"""Benchmark of `fetch` end to end against the portal emulator, beside a bare baseline.

    .venv/bin/python tests/bench/bench_fetch.py [--orders 10000] [--repeat 3]

The emulator runs in its own process (as a portal would), serving one world. Each run uses
a fresh exchange page — a page path that differs in its first 22 characters has its own
cursor — so every run receives all the orders. Measured in the same run:

- baseline: what any client must do — checkauth and query (as the fetch does: no init, no
  sessid) with a bare `requests` loop streaming the body to a file, then a bare
  `lxml.etree.iterparse` pass over it;
- fetch: Order Review's `fetch_orders` into a fresh data folder (download, read, store with
  history and source bytes, success).

Peak RSS of a whole fetch is measured in a fresh subprocess for a quarter of the orders and
for all of them, to show whether memory grows with the number of orders. Figures only.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import requests
from lxml import etree
from process_memory import peak_rss_mb, rss_mb

from desktop_app.adapters.portal.commerceml_reader import HARDENED, release
from desktop_app.services.fetch_service import fetch_orders
from desktop_app.services.settings import PortalSettings
from desktop_app.store.database import Database

MB = 1_000_000
ROOT = Path(__file__).resolve().parents[2]


class Portal:
    """`python -m desktop_app emulators` in a subprocess; pages are handed out one per run."""

    def __init__(self, orders: int) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "desktop_app", "emulators", "--port", "0",
             "--orders", str(orders)],
            cwd=ROOT, stdout=subprocess.PIPE, text=True, encoding="utf-8",
        )  # fmt: skip
        assert self.process.stdout is not None
        self.base = ""
        for line in self.process.stdout:
            if "order_review" in line:
                self.base = line.split()[-1].split("/order_review/")[0]
                break
        self.pages = 0

    def fresh_page(self) -> str:
        self.pages += 1
        return f"{self.base}/bench{self.pages:04d}/exchange.php"

    def close(self) -> None:
        self.process.terminate()
        self.process.wait()
        if self.process.stdout is not None:
            self.process.stdout.close()


def baseline(url: str, folder: Path) -> tuple[float, float, int]:
    """(download seconds, parse seconds, bytes) for a bare client of the same protocol."""
    started = time.perf_counter()
    with requests.Session() as session:
        auth = session.get(url, params={"type": "sale", "mode": "checkauth"},
                           auth=("exchange", "secret"), timeout=600).text.split()  # fmt: skip
        session.cookies.set(auth[1], auth[2])
        target = folder / "bare.xml"
        with session.get(url, params={"type": "sale", "mode": "query"},
                         stream=True, timeout=600) as answer, target.open("wb") as out:  # fmt: skip
            for chunk in answer.iter_content(256 * 1024):
                out.write(chunk)
    downloaded = time.perf_counter()
    for _event, element in etree.iterparse(
        str(target), events=("end",), tag="{*}Документ", **HARDENED
    ):
        release(element)
    parsed = time.perf_counter()
    return downloaded - started, parsed - downloaded, target.stat().st_size


def ours(url: str, folder: Path) -> tuple[float, int, int]:
    """(seconds, orders stored, bytes received) for one `fetch_orders` into a fresh folder."""
    settings = PortalSettings(url=url, user="exchange")
    started = time.perf_counter()
    with Database.open(folder / "data") as database:
        report = fetch_orders(settings, "secret", database, folder / "data" / "work")
    return time.perf_counter() - started, report.stored, report.received_bytes


def fetch_memory_mb(orders: int) -> tuple[float, float]:
    """(RSS after imports, peak RSS) of a fresh fetching process."""
    portal = Portal(orders)
    try:
        result = subprocess.run(
            [sys.executable, __file__, "--measure-memory", portal.fresh_page()],
            capture_output=True, text=True, check=True, cwd=ROOT,
        )  # fmt: skip
    finally:
        portal.close()
    figures: dict[str, float] = json.loads(result.stdout)
    return figures["before_mb"], figures["peak_mb"]


def measure_memory(url: str) -> None:
    before = rss_mb()
    with tempfile.TemporaryDirectory() as folder:
        ours(url, Path(folder))
    print(json.dumps({"before_mb": before, "peak_mb": peak_rss_mb()}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--orders", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--measure-memory", metavar="URL", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure_memory:
        measure_memory(args.measure_memory)
        return

    portal = Portal(args.orders)
    downloads, parses, fetches = [], [], []
    size = stored = 0
    try:
        for _ in range(args.repeat):
            with tempfile.TemporaryDirectory() as folder:
                download, parse, size = baseline(portal.fresh_page(), Path(folder))
                downloads.append(download)
                parses.append(parse)
            with tempfile.TemporaryDirectory() as folder:
                seconds, stored, _received = ours(portal.fresh_page(), Path(folder))
                fetches.append(seconds)
    finally:
        portal.close()
    bare = statistics.median(d + p for d, p in zip(downloads, parses, strict=True))
    fetch = statistics.median(fetches)
    per_order = size / args.orders / 1000
    print(f"answer: {args.orders} orders, {size / MB:.1f} MB ({per_order:.1f} KB/order)")
    print(f"{'scenario':28} {'median s':>9} {'orders/s':>9} {'MB/s':>6}")
    print(f"{'baseline download':28} {statistics.median(downloads):9.2f}")
    print(f"{'baseline bare parse':28} {statistics.median(parses):9.2f}")
    for name, seconds, count in (
        ("baseline download + parse", bare, args.orders),
        ("fetch (ours, end to end)", fetch, stored),
    ):
        print(f"{name:28} {seconds:9.2f} {count / seconds:9.0f} {size / MB / seconds:6.1f}")
    print(f"ratio fetch / baseline: {fetch / bare:.2f}   (target ≤ 3; target ≥ 1,500 orders/s)")
    quarter = max(args.orders // 4, 1)
    for count in (quarter, args.orders):
        before, peak = fetch_memory_mb(count)
        print(f"peak RSS, fetch of {count:6d} orders: {peak:6.1f} MB (after imports {before:.1f})")


if __name__ == "__main__":
    main()
