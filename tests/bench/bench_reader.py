"""Benchmark of the CommerceML reader against a bare lxml pass over the same bytes.

    .venv/bin/python tests/bench/bench_reader.py [--orders 10000] [--big-mb 100] [--repeat 5]

Prints a table (scenario, size, median time, throughput, peak RSS growth) and the ratio of
the reader to the baseline measured in the same run. The baseline is the least a streaming
reader must do: `lxml.etree.iterparse` with the same hardened options, `end` events for
`Документ` only, each element cleared and detached. Peak RSS growth is measured in a fresh
subprocess per scenario (peak RSS minus RSS after imports), so runs do not disturb each other.

Figures, not assertions: machines are noisy (GUIDE §8). The issue's targets are printed
beside the figures for the reader of the output.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from lxml import etree
from process_memory import peak_rss_mb, rss_mb

from desktop_app.adapters.portal.commerceml_reader import (
    HARDENED,
    CommerceMLReader,
    ReadOrder,
    release,
)
from desktop_app.domain.order import Order
from desktop_app.emulators.bitrix_commerceml import write_orders
from desktop_app.emulators.world import World

MB = 1_000_000


def generate(path: Path, *, orders: int | None = None, megabytes: float | None = None) -> int:
    """Write a Bitrix `mode=query` answer of `orders` orders, or until it reaches `megabytes`."""
    world = World.generate(seed=7)
    limit = int((megabytes or 0) * MB)
    with path.open("wb") as stream:

        def wanted() -> Iterator[Order]:
            number = 1
            while number <= orders if orders is not None else stream.tell() < limit:
                yield world.order(number)
                number += 1

        return write_orders(
            stream, wanted(), version="2.08", generated_at=dt.datetime(2026, 11, 28, 10, 0)
        )


def bare_pass(path: Path) -> int:
    count = 0
    for _event, element in etree.iterparse(
        str(path),
        events=("end",),
        tag="{*}Документ",
        **HARDENED,
    ):
        count += 1
        release(element)
    return count


def reader_pass(path: Path) -> int:
    return sum(1 for item in CommerceMLReader(path).documents() if isinstance(item, ReadOrder))


PASSES: dict[str, Callable[[Path], int]] = {"bare": bare_pass, "reader": reader_pass}


def measure_memory(kind: str, path: Path) -> dict[str, float]:
    """Run in a fresh process: RSS after imports, peak RSS after the pass (MiB)."""
    before = rss_mb()
    count = PASSES[kind](path)
    return {"count": count, "before_mb": before, "peak_mb": peak_rss_mb()}


def memory_growth_mb(kind: str, path: Path) -> float:
    result = subprocess.run(
        [sys.executable, __file__, "--measure-memory", kind, str(path)],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    figures: dict[str, float] = json.loads(result.stdout)
    return figures["peak_mb"] - figures["before_mb"]


def timed(kind: str, path: Path, repeat: int) -> tuple[float, int]:
    times = []
    count = 0
    for _ in range(repeat):
        start = time.perf_counter()
        count = PASSES[kind](path)
        times.append(time.perf_counter() - start)
    return statistics.median(times), count


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--orders", type=int, default=10_000)
    parser.add_argument("--big-mb", type=float, default=100.0)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument(
        "--measure-memory", nargs=2, metavar=("KIND", "FILE"), help=argparse.SUPPRESS
    )
    args = parser.parse_args()
    if args.measure_memory:
        kind, file = args.measure_memory
        print(json.dumps(measure_memory(kind, Path(file))))
        return

    with tempfile.TemporaryDirectory(prefix="bench-reader-") as folder:
        small, big = Path(folder) / "orders.xml", Path(folder) / "big.xml"
        started = time.perf_counter()
        generate(small, orders=args.orders)
        print(
            f"generated {args.orders} orders in {time.perf_counter() - started:.1f} s", flush=True
        )
        started = time.perf_counter()
        big_orders = generate(big, megabytes=args.big_mb)
        took = time.perf_counter() - started
        print(f"generated {big_orders} orders ({args.big_mb:.0f} MB) in {took:.1f} s\n", flush=True)

        rows = []
        results: dict[tuple[str, str], float] = {}
        for label, path, repeat in (
            ("10k", small, args.repeat),
            ("100MB", big, max(args.repeat // 2, 3)),
        ):
            size = path.stat().st_size
            # Interleave the two passes so that a noisy neighbour hurts both alike.
            medians: dict[str, list[float]] = {"bare": [], "reader": []}
            count = 0
            for _ in range(repeat):
                for kind in ("bare", "reader"):
                    seconds, count = timed(kind, path, 1)
                    medians[kind].append(seconds)
            for kind in ("bare", "reader"):
                seconds = statistics.median(medians[kind])
                growth = memory_growth_mb(kind, path)
                results[(label, kind)] = seconds
                rows.append(
                    (
                        f"{kind} {label}",
                        count,
                        size / MB,
                        size / count / 1000,
                        seconds,
                        count / seconds,
                        size / MB / seconds,
                        growth,
                    )
                )
        print(
            f"{'scenario':14} {'orders':>7} {'MB':>7} {'KB/order':>8} {'median s':>9} "
            f"{'orders/s':>9} {'MB/s':>6} {'peak RSS +MB':>12}"
        )
        for name, count, megabytes, per_order, seconds, rate, mb_rate, growth in rows:
            print(
                f"{name:14} {count:7d} {megabytes:7.1f} {per_order:8.2f} {seconds:9.3f} "
                f"{rate:9.0f} {mb_rate:6.1f} {growth:12.1f}"
            )
        print()
        for label in ("10k", "100MB"):
            ratio = results[(label, "reader")] / results[(label, "bare")]
            print(f"ratio reader/bare ({label}): {ratio:.2f}   (target ≤ 4)")
        print("targets: ≥ 5,000 orders/s; peak RSS growth ≤ 60 MB for a 100 MB file")


if __name__ == "__main__":
    main()
