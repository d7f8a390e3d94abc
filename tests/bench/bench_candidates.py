"""Benchmark of candidate search for one order's buyer over a big cached 1C directory.

    .venv/bin/python tests/bench/bench_candidates.py [--rows 200000] [--buyers 200]

The cache is filled directly through `DirectoryRepository.store_counterparties` (a refresh
without the HTTP, which bench_directory measures) with the 1C emulator's generated
counterparties: 85 % legal entities, 15 % entrepreneurs, valid ИНН/КПП/ОГРН, and on top
of them one branch (same ИНН, its own КПП) per 25 legal entities and one row in 50 marked
for deletion. The generator's names repeat a lot (≈500 company stems over 170,000 legal
entities, so ≈350 rows share each normalized name): the worst case for the name pass, whose
every index range scan fills its quota.

Buyers, drawn at random from the cache, in four kinds of a quarter each: known (same ИНН and
КПП, the name as the portal writes it, «ООО "…"»), a new branch (known ИНН, new КПП), an
entrepreneur, and a company 1C does not know (a fresh ИНН, the name with a typo).

Measured in the same run, median over the buyers (and the 90th percentile):

- baseline: one bare indexed `SELECT … WHERE inn = ? AND kpp = ?` through sqlite3;
- store look-up: `DirectoryRepository.find_counterparties(inn=…)` (SQLAlchemy, one query);
- candidates exact: `find_candidates(…, similarity=False)`;
- candidates with name similarity: `find_candidates(…)` (the default);
- for contrast, over fewer buyers: the store's own name look-up
  `find_counterparties(name=…)`, whose `LIKE '%word%'` step reads the whole table.
"""

from __future__ import annotations

import argparse
import dataclasses
import random
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from desktop_app.adapters.onec.onec_objects import counterparty_from
from desktop_app.domain import requisite_keys as rk
from desktop_app.domain.counterparty import Counterparty, CounterpartyKind
from desktop_app.domain.onec_directory import DirectoryCounterparty
from desktop_app.emulators.onec.generated import ExtraCounterparties, ExtraPartners
from desktop_app.services.candidate_search import find_candidates
from desktop_app.store.database import DATABASE_FILE_NAME, Database
from desktop_app.store.directory_repository import DirectoryRepository

PAGE = 5_000


def directory_rows(count: int) -> list[DirectoryCounterparty]:
    """`count` counterparties as a refresh would store them, branches and deletions included."""
    generated = ExtraCounterparties(count, 7, ExtraPartners(count, 7))
    rows: list[DirectoryCounterparty] = []
    index = 0
    while len(rows) < count:
        row = counterparty_from(generated.make(index, sections=False))
        index += 1
        if index % 50 == 0:
            row = dataclasses.replace(row, deletion_mark=True)
        rows.append(row)
        if row.kpp and index % 25 == 0 and len(rows) < count:
            rows.append(
                dataclasses.replace(
                    row,
                    ref_key=f"{index:08x}-b0b0-4000-8000-{index:012x}",
                    description=f"{row.description} (филиал)",
                    kpp=row.kpp[:4] + "43001",
                    is_branch=True,
                    head_key=row.ref_key,
                )
            )
    return rows


def fill(folder: Path, rows: list[DirectoryCounterparty]) -> float:
    started = time.perf_counter()
    with Database.open(folder) as database:
        repository = DirectoryRepository(database)
        generation = repository.start_refresh("counterparties")
        for start in range(0, len(rows), PAGE):
            repository.store_counterparties(generation, rows[start : start + PAGE])
        repository.finish_refresh(generation, complete=True)
    return time.perf_counter() - started


def _typo(name: str, rng: random.Random) -> str:
    position = rng.randrange(len(name) - 1)
    return name[:position] + name[position + 1] + name[position] + name[position + 2 :]


def buyers(rows: list[DirectoryCounterparty], count: int, seed: int = 1) -> list[Counterparty]:
    rng = random.Random(seed)  # noqa: S311 - reproducible benchmark data
    legal = [r for r in rows if r.kpp and not r.is_branch]
    entrepreneurs = [r for r in rows if not r.kpp]
    made: list[Counterparty] = []
    for number in range(count):
        kind = number % 4
        source = rng.choice(entrepreneurs if kind == 2 else legal)
        stem = source.description.removeprefix('ООО "').removesuffix('"')
        party = Counterparty(
            id=f"{number}#buyer", name=f'ООО "{stem}"', official_name=source.full_name,
            full_name=None, kind=CounterpartyKind.LEGAL, role="Покупатель", inn=source.inn,
            kpp=source.kpp, okpo=None, surname=None, first_name=None, patronymic=None,
            legal_address=None, registration_address=None, address=None,
        )  # fmt: skip
        if kind == 1:  # a branch 1C does not know yet
            party = dataclasses.replace(party, kpp=str(rng.randint(10, 99)) + "0043999")
        elif kind == 2:
            party = dataclasses.replace(
                party, name=source.description, kind=CounterpartyKind.ENTREPRENEUR, kpp=None
            )
        elif kind == 3:  # unknown to 1C: a fresh ИНН, a name with a typo
            inn = rk.complete_inn10(str(rng.randint(10_000_000, 99_999_999)) + "7")
            party = dataclasses.replace(
                party, inn=inn, kpp=inn[:4] + "01001", name=f'ООО "{_typo(stem, rng)}"'
            )
        made.append(party)
    return made


def timed(samples: list[Counterparty], work: Callable[[Counterparty], object]) -> list[float]:
    times: list[float] = []
    for buyer in samples:
        started = time.perf_counter()
        work(buyer)
        times.append((time.perf_counter() - started) * 1000)
    return times


def line(name: str, times: list[float], baseline: float, target: str = "") -> str:
    median = statistics.median(times)
    p90 = statistics.quantiles(times, n=10)[-1] if len(times) >= 10 else max(times)
    return f"{name:44} {median:9.3f} {p90:9.3f} {median / baseline:9.1f}  {target}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--buyers", type=int, default=200)
    parser.add_argument("--contrast", type=int, default=20, help="buyers for the LIKE look-up")
    args = parser.parse_args()
    rows = directory_rows(args.rows)
    samples = buyers(rows, args.buyers)
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        seconds = fill(folder, rows)
        print(f"cached counterparties: {len(rows)} (filled in {seconds:.1f} s)")
        print(f"buyers: {len(samples)}")
        bare = sqlite3.connect(folder / DATABASE_FILE_NAME)
        sql = "SELECT * FROM onec_counterparties WHERE inn = ? AND kpp IS ?"
        with Database.open(folder) as database:
            directory = DirectoryRepository(database)
            for buyer in samples[:20]:  # warm the page cache and SQLAlchemy's statement cache
                find_candidates(directory, buyer)
            base = timed(samples, lambda b: bare.execute(sql, (b.inn, b.kpp)).fetchall())
            store = timed(samples, lambda b: directory.find_counterparties(inn=b.inn))
            exact = timed(samples, lambda b: find_candidates(directory, b, similarity=False))
            similar = timed(samples, lambda b: find_candidates(directory, b))
            contrast = timed(
                samples[: args.contrast], lambda b: directory.find_counterparties(name=b.name)
            )
            found = [find_candidates(directory, b) for b in samples]
        bare.close()
    baseline = statistics.median(base)
    print(f"{'scenario':44} {'median ms':>9} {'p90 ms':>9} {'× base':>9}")
    print(line("baseline: bare indexed SELECT by ИНН+КПП", base, baseline))
    print(line("store find_counterparties(inn=…)", store, baseline))
    print(line("find_candidates, exact (similarity=False)", exact, baseline, "(target ≤ 20 ms)"))
    print(line("find_candidates, with name similarity", similar, baseline, "(target ≤ 100 ms)"))
    print(line(f"contrast: store name LIKE look-up ({len(contrast)})", contrast, baseline))
    print(
        f"candidates per buyer (with similarity): median {statistics.median(map(len, found))}, "
        f"first reason of a known buyer: {found[0][0].reason if found[0] else None}"
    )


if __name__ == "__main__":
    main()
