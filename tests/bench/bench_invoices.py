"""Benchmark of invoice export: 1,000 invoices of 20 lines each, one XLSX file apiece.

    .venv/bin/python tests/bench/bench_invoices.py [--count 1000] [--lines 20] [--repeat 3]

Measured in the same run, on the same invoices (built once from generated orders):

- baseline: bare openpyxl — a new workbook per invoice with the same values in the same
  places (bank block, title, parties, the lines, totals, words, signatures), no styles, no
  merged cells, no page set-up, saved straight to its file;
- invoices: Order Review's `make_invoice` + `write_invoice` — the invoice value (VAT rows,
  words), the 1C-like layout with styles, merges, borders, formats and print settings, and
  the atomic save (temporary file, fsync, rename);
- batch: `export_invoices` from a local store — the same plus reading and decoding each
  order from SQLite and choosing a collision-free file name;
- memory: a fresh process making all the invoices; its resident size after a quarter of
  them and its peak at the end (flat memory means the two are close).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from openpyxl import Workbook
from process_memory import peak_rss_mb, rss_mb

from desktop_app.domain.invoice import Invoice
from desktop_app.domain.order import Order, OrderLine, Tax
from desktop_app.domain.seller import SellerRequisites
from desktop_app.emulators.world import World
from desktop_app.services.export_service import export_invoices, make_invoice, write_invoice
from desktop_app.store.database import Database
from desktop_app.store.order_repository import IncomingOrder, OrderRepository
from desktop_app.store.queue_repository import QueueRepository

ROOT = Path(__file__).resolve().parents[2]
SELLER = SellerRequisites(
    name='ООО "Торговый дом «Снабжение»"', inn="7707083893", kpp="773601001",
    address="117997, г. Москва, ул. Вавилова, д. 19", bank='ПАО "СБЕРБАНК" г. Москва',
    bik="044525225", corr_account="30101810400000000225", account="40702810938000012345",
    head="Иванов И. И.", accountant="Петрова А. А.",
)  # fmt: skip


def orders(count: int, lines: int) -> Iterator[Order]:
    """Generated orders grown to `lines` lines with goods of neighbouring orders."""
    world = World.generate(seed=3, buyers=200)
    for number in range(1, count + 1):
        base = world.order(number)
        gathered: list[OrderLine] = []
        other = number
        while len(gathered) < lines:
            gathered += [ln for ln in world.order(other).lines if not ln.is_delivery]
            other += count
        vat = (Tax("НДС", None, True, None),)  # VAT from the lines, included
        yield dataclasses.replace(base, lines=tuple(gathered[:lines]), taxes=vat, total=None)


def bare_rows(invoice: Invoice) -> list[list[object]]:
    """The invoice's values, row by row, as plain cells."""
    seller = invoice.seller
    rows: list[list[object]] = [
        [seller.bank, None, None, None, "БИК", seller.bik],
        [None, None, None, None, "Сч. №", seller.corr_account],
        ["Банк получателя"],
        [f"ИНН {seller.inn}", None, f"КПП {seller.kpp}", None, "Сч. №", seller.account],
        [seller.name],
        [],
        ["Получатель"],
        [],
        [invoice.title],
        [],
        ["Поставщик (Исполнитель):", None, invoice.seller_party.presentation],
        [],
        ["Покупатель (Заказчик):", None, invoice.buyer.presentation],
        [],
        ["Основание:", None, invoice.basis],
        [],
        ["№", "Товары (работы, услуги)", None, "Кол-во", "Ед.", "Цена", "Сумма"],
    ]
    rows += [
        [ln.number, ln.name, None, ln.quantity, ln.unit, ln.price, ln.amount]
        for ln in invoice.lines
    ]
    rows.append([None] * 6 + [invoice.total])
    rows += [[vat.label(invoice.vat.mode)] + [None] * 5 + [vat.amount] for vat in invoice.vat.rows]
    rows.append(["Всего к оплате:"] + [None] * 5 + [invoice.to_pay])
    rows += [[f"Всего наименований {len(invoice.lines)}"], [invoice.amount_words]]
    rows += [
        ["Руководитель", None, None, seller.head],
        ["Бухгалтер", None, None, seller.accountant],
    ]
    return rows


def bare(invoices: list[Invoice], folder: Path) -> float:
    started = time.perf_counter()
    for index, invoice in enumerate(invoices):
        workbook = Workbook()
        sheet = workbook.active
        assert sheet is not None
        for row in bare_rows(invoice):
            sheet.append(row)
        workbook.save(folder / f"bare-{index}.xlsx")
    return time.perf_counter() - started


def ours(source: list[Order], folder: Path) -> float:
    started = time.perf_counter()
    for index, order in enumerate(source):
        write_invoice(make_invoice(order, SELLER), folder / f"invoice-{index}.xlsx")
    return time.perf_counter() - started


def batch(database: Database, folder: Path) -> float:
    started = time.perf_counter()
    report = export_invoices(QueueRepository(database), folder, SELLER)
    assert not report.failed and not report.cancelled
    return time.perf_counter() - started


def store(source: list[Order], folder: Path) -> Database:
    database = Database.open(folder)
    repository = OrderRepository(database)
    fetch = repository.start_fetch("https://b2b.example.ru/bench.php", "peek")
    repository.store_batch(fetch, [IncomingOrder(o, i, None, None) for i, o in enumerate(source)])
    return database


def measure_memory(count: int, lines: int) -> None:
    source = list(orders(count, lines))
    before = rss_mb()
    quarter = 0.0
    with tempfile.TemporaryDirectory() as folder:
        for index, order in enumerate(source, start=1):
            write_invoice(make_invoice(order, SELLER), Path(folder) / f"invoice-{index}.xlsx")
            if index == count // 4:
                quarter = rss_mb()
    print(json.dumps({"before": before, "quarter": quarter, "peak": peak_rss_mb()}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--lines", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--measure-memory", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure_memory:
        measure_memory(args.count, args.lines)
        return
    source = list(orders(args.count, args.lines))
    invoices = [make_invoice(o, SELLER) for o in source]
    assert all(len(i.lines) == args.lines for i in invoices)
    times: dict[str, list[float]] = {"bare": [], "ours": [], "batch": []}
    size = 0
    with tempfile.TemporaryDirectory() as scratch:
        database = store(source, Path(scratch) / "data")
        with database:
            for run in range(args.repeat):
                for name in times:
                    folder = Path(scratch) / f"{name}-{run}"
                    folder.mkdir()
                    if name == "bare":
                        times[name].append(bare(invoices, folder))
                    elif name == "ours":
                        times[name].append(ours(source, folder))
                        size = sum(p.stat().st_size for p in folder.iterdir())
                    else:
                        times[name].append(batch(database, folder))
    memory = subprocess.run(
        [sys.executable, __file__, "--measure-memory", "--count", str(args.count),
         "--lines", str(args.lines)],
        capture_output=True, text=True, check=True, cwd=ROOT,
    )  # fmt: skip
    figures = json.loads(memory.stdout)
    base = statistics.median(times["bare"])
    print(
        f"{args.count} invoices of {args.lines} lines; ours {size / args.count / 1024:.1f} KB each"
    )
    print(f"{'scenario':44} {'median s':>9} {'invoices/s':>11} {'× baseline':>11}")
    labels = {
        "bare": "baseline: bare openpyxl, same values",
        "ours": "invoices: build + layout + atomic save",
        "batch": "batch: export_invoices from the store",
    }
    for name, label in labels.items():
        median = statistics.median(times[name])
        print(f"{label:44} {median:9.2f} {args.count / median:11.1f} {median / base:11.2f}")
    print("target: ≥ 20 invoices/s")
    print(
        f"memory of {args.count} invoices: {figures['before']:.1f} MB after building the "
        f"orders, {figures['quarter']:.1f} MB after a quarter, peak {figures['peak']:.1f} MB"
    )


if __name__ == "__main__":
    main()
