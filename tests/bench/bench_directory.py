"""Benchmark of `directory refresh` and `directory find` against the 1C emulator.

    .venv/bin/python tests/bench/bench_directory.py [--rows 200000] [--repeat 3]

The 1C emulator runs in its own process (`python -m desktop_app emulators`) with that many
extra counterparties. Measured in the same run:

- baseline: a bare `requests` loop over the same requests as a refresh — partners, then
  counterparties, each: `/$count`, its pages (the same `$select`, 1,000 rows a page, keyset
  over `Code` / `Description` with `ge` and the rows equal to the cursor dropped — the way
  a live base allows, odata_paging), then the key-only check pass (5,000 a page) and
  `/$count` again — decoding the JSON and nothing else;
- refresh: Order Review's `refresh_directory` into a fresh database (partners, then
  counterparties: map, compare DataVersion, store page by page) — the ratio's numerator;
- again: a second refresh into that database, 1C unchanged (every row is compared and
  only stamped as seen): what a manager's daily refresh costs;
- find: `DirectoryRepository.find_counterparties(inn=…)` over the cached rows, median of
  1,000 random look-ups;
- memory: a fresh process refreshing everything; its resident size after a quarter of
  the rows and its peak at the end (flat memory means the two are close).
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

import requests
from process_memory import peak_rss_mb, rss_mb
from requests.auth import HTTPBasicAuth

from desktop_app.adapters.onec.odata_client import ODataClient, OneCConnection
from desktop_app.adapters.onec.odata_filter import Field
from desktop_app.services.directory_check import CHECK_PAGE_SIZE
from desktop_app.services.directory_copy import CATALOGUES
from desktop_app.services.directory_service import PAGE_SIZE, refresh_directory
from desktop_app.store.database import Database
from desktop_app.store.directory_repository import DirectoryRepository

ROOT = Path(__file__).resolve().parents[2]
AUTH = HTTPBasicAuth("Администратор".encode(), b"")


class OneC:
    """The 1C emulator (with the portal beside it) in a subprocess."""

    def __init__(self, rows: int) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "desktop_app", "emulators", "--port", "0", "--orders", "10",
             "--extra-counterparties", str(rows)],
            cwd=ROOT, stdout=subprocess.PIPE, text=True, encoding="utf-8",
        )  # fmt: skip
        assert self.process.stdout is not None
        self.root = ""
        for line in self.process.stdout:
            if "standard.odata" in line:
                self.root = line.split()[-1]
                break

    def close(self) -> None:
        self.process.terminate()
        self.process.wait()
        if self.process.stdout is not None:
            self.process.stdout.close()


def client(root: str) -> ODataClient:
    return ODataClient(OneCConnection(url=root, user="Администратор", password=""))


def bare_pages(root: str) -> int:
    """The same requests as a refresh of an unchanged 1C (partners, then counterparties)
    with nothing but requests and json: the least any client must do. Returns the
    counterparties paged."""
    rows = 0
    with requests.Session() as session:
        for catalogue in CATALOGUES:
            count(session, root, catalogue.entity_set)
            rows = bare_set(session, root, catalogue.entity_set, catalogue.fields,
                            catalogue.order, PAGE_SIZE)  # fmt: skip
            check = ("Ref_Key", "DataVersion")
            bare_set(session, root, catalogue.entity_set, check, catalogue.order, CHECK_PAGE_SIZE)
            count(session, root, catalogue.entity_set)
    return rows


def count(session: requests.Session, root: str, entity_set: str) -> int:
    return int(session.get(f"{root}{quote(entity_set)}/$count", auth=AUTH, timeout=600).text)


def bare_set(
    session: requests.Session,
    root: str,
    entity_set: str,
    select: tuple[str, ...],
    order: str,
    size: int,
) -> int:
    """Keyset pages over `order` as odata_paging reads them: `ge` the last value, the rows
    of the previous page dropped by key (no value of the generated data fills a page), up
    to the page that brings nothing new (a short page is no end: a proxy may cap pages)."""
    rows = 0
    fields = ",".join((*select, order) if order not in select else select)
    condition = ""
    previous: set[str] = set()
    while True:
        url = (
            f"{root}{quote(entity_set)}?$format=json&$select={quote(fields)}{condition}"
            f"&$orderby={order}&$top={size}"
        )
        page = session.get(url, auth=AUTH, timeout=600).json()["value"]
        fresh = sum(1 for row in page if row["Ref_Key"] not in previous)
        if not fresh:
            return rows
        rows += fresh
        assert page[0][order] != page[-1][order], "one value fills a page: not a bare case"
        bound = Field(order).ge(page[-1][order]).text
        condition = f"&$filter={quote(bound, safe='()')}"
        previous = {row["Ref_Key"] for row in page}


def ours(root: str, folder: Path) -> tuple[float, int]:
    started = time.perf_counter()
    with Database.open(folder) as database, client(root) as onec:
        reports = refresh_directory(onec, DirectoryRepository(database))
    return time.perf_counter() - started, sum(r.unchanged for r in reports)


def finds(folder: Path, samples: int = 1000) -> float:
    with Database.open(folder) as database:
        repository = DirectoryRepository(database)
        with database.reading() as connection:
            inns = [r[0] for r in connection.exec_driver_sql(
                "SELECT inn FROM onec_counterparties WHERE inn IS NOT NULL")]  # fmt: skip
        chosen = random.Random(1).sample(inns, min(samples, len(inns)))  # noqa: S311
        times = []
        for inn in chosen:
            started = time.perf_counter()
            assert repository.find_counterparties(inn=inn)
            times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def measure_memory(root: str, quarter: int) -> None:
    before = rss_mb()
    at_quarter: list[float] = []

    def progress(kind: str, done: int, _total: int | None) -> None:
        if kind == "counterparties" and done >= quarter and not at_quarter:
            at_quarter.append(rss_mb())

    with (
        tempfile.TemporaryDirectory() as folder,
        Database.open(Path(folder)) as database,
        client(root) as onec,
    ):
        refresh_directory(onec, DirectoryRepository(database), progress=progress)
    print(json.dumps({"before": before, "quarter": at_quarter[0], "peak": peak_rss_mb()}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--measure-memory", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure_memory:
        measure_memory(args.measure_memory[0], int(args.measure_memory[1]))
        return
    onec = OneC(args.rows)
    bare_times, our_times, again_times = [], [], []
    rows = 0
    find_ms = 0.0
    try:
        bare_pages(onec.root)  # not timed: the emulator builds its ordered views (a live
        # base has its indexes on Code and Description already)
        for _ in range(args.repeat):
            started = time.perf_counter()
            rows = bare_pages(onec.root)
            bare_times.append(time.perf_counter() - started)
            with tempfile.TemporaryDirectory() as folder:
                seconds, _ = ours(onec.root, Path(folder))
                our_times.append(seconds)
                seconds, unchanged = ours(onec.root, Path(folder))
                assert unchanged >= rows, "the second refresh should find everything unchanged"
                again_times.append(seconds)
                find_ms = finds(Path(folder))
        memory = subprocess.run(
            [sys.executable, __file__, "--measure-memory", onec.root, str(rows // 4)],
            capture_output=True, text=True, check=True, cwd=ROOT,
        )  # fmt: skip
    finally:
        onec.close()
    bare, refresh = statistics.median(bare_times), statistics.median(our_times)
    again = statistics.median(again_times)
    figures = json.loads(memory.stdout)
    print(f"counterparties in 1C: {rows}")
    print(f"{'scenario':34} {'median s':>9} {'rows/s':>9}")
    print(f"{'baseline: bare requests pages':34} {bare:9.2f} {rows / bare:9.0f}")
    print(f"{'directory refresh (ours)':34} {refresh:9.2f} {rows / refresh:9.0f}")
    print(f"ratio refresh / baseline: {refresh / bare:.2f}   (target ≤ 1.5)")
    each = " ".join(f"{ours / base:.2f}" for base, ours in zip(bare_times, our_times, strict=True))
    print(f"  run by run (this machine's noise): {each}")
    print(f"{'again, 1C unchanged':34} {again:9.2f} {rows / again:9.0f}   ratio {again / bare:.2f}")
    print(
        f"directory find by ИНН over {rows} cached rows: median {find_ms:.2f} ms   (target ≤ 2 ms)"
    )
    print(
        f"memory of a refresh: {figures['before']:.1f} MB after imports, "
        f"{figures['quarter']:.1f} MB after a quarter, peak {figures['peak']:.1f} MB"
    )


if __name__ == "__main__":
    main()
