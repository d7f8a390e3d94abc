"""`demo`: the whole current pipeline on the built-in portal and 1C, nothing configured.

The portal emulator and the 1C emulator start in-process on 127.0.0.1 with one generated
world (companies with valid requisites, sole proprietors, branches, names with quotes and
`&`; 1C knows some of them). Order Review fetches the orders exactly as from a real portal
into a throw-away data folder (or `--keep DIR`), copies 1C's directory over OData, and
shows the queue with what 1C knows of each buyer; then the portal edits a few orders and
takes new ones, and a second fetch shows them as changed and new. `gui --demo` shows the
same world in the desktop window.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop_app.cli.errors import UserError
from desktop_app.cli.queue_command import queue_line

if TYPE_CHECKING:
    from desktop_app.services.fetch_service import FetchReport
    from desktop_app.store.directory_repository import DirectoryRepository
    from desktop_app.store.queue_rows import QueueRow

KIND_WORDS = {"partners": "партнёров", "counterparties": "контрагентов"}


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "demo",
        help="демонстрация на встроенном портале (ничего настраивать не нужно)",
        description="Запускает встроенный эмулятор портала 1С-Битрикс, получает с него заказы "
        "так же, как с настоящего портала, и показывает очередь.",
    )
    parser.add_argument("--orders", type=int, default=25, help="сколько заказов на портале (25)")
    parser.add_argument("--seed", type=int, default=2026, help="зерно генератора (2026)")
    parser.add_argument(
        "--keep", type=Path, metavar="DIR", help="оставить папку данных демонстрации в DIR"
    )
    parser.set_defaults(run=run)


def _summary(report: FetchReport) -> str:
    return (
        f"новых {report.new}, изменённых {report.changed}, без изменений {report.unchanged}, "
        f"отложено {report.quarantined}; "
        + ("получение подтверждено порталу." if report.confirmed else "не подтверждено.")
    )


def _known_in_1c(row: QueueRow, directory: DirectoryRepository) -> str:
    """What the local copy of 1C's directory says of the order's buyer."""
    if not row.buyer_inn:
        return "нет ИНН"
    found = directory.find_counterparties(inn=row.buyer_inn)
    if any(c.kpp == row.buyer_kpp for c in found):
        return "в 1С есть"
    return "в 1С есть головная" if found else "в 1С нет"


def run(args: argparse.Namespace) -> int:
    from desktop_app.emulators.demo import DemoServers
    from desktop_app.services.directory_service import refresh_directory
    from desktop_app.services.fetch_service import fetch_orders
    from desktop_app.services.onec_connection import connect
    from desktop_app.services.settings import OneCSettings, PortalSettings
    from desktop_app.store.database import Database
    from desktop_app.store.directory_repository import DirectoryRepository
    from desktop_app.store.queue_repository import QueueRepository

    if not 1 <= args.orders <= 100_000:
        raise UserError("--orders: от 1 до 100000")
    print("Order Review — демонстрация на встроенных портале 1С-Битрикс и 1С:УТ 11.")
    with (
        tempfile.TemporaryDirectory(prefix="order-review-demo-") as scratch,
        DemoServers(orders=args.orders, seed=args.seed) as servers,
    ):
        portal, onec = servers.portal, servers.onec
        data_dir = args.keep or Path(scratch)
        print(f"Портал: {servers.portal_url}  (логин {portal.user})")
        print(f"1С (OData): {onec.service_root}  (логин {onec.user})")
        print(f"Папка данных: {data_dir}\n")
        settings = PortalSettings(url=servers.portal_url, user=portal.user)
        with Database.open(data_dir) as database:
            first = fetch_orders(settings, portal.password, database, data_dir / "work")
            print(f"Первое получение: {_summary(first)}")
            session = connect(OneCSettings(url=onec.service_root, user=onec.user), "", data_dir)
            directory = DirectoryRepository(database)
            with session.client:
                reports = refresh_directory(session.client, directory)
            gaps = " ".join(session.gaps) or "публикация полная"
            copied = ", ".join(f"{r.rows} {KIND_WORDS[r.kind]}" for r in reports)
            print(f"Справочник 1С скопирован: {copied}; {gaps}.\n")
            for row in QueueRepository(database).queue(limit=args.orders):
                print(f"{queue_line(row)}  {_known_in_1c(row, directory)}")
            edited = sorted(portal.order_updates())[: min(3, args.orders)]
            for order_id in edited:
                portal.edit_order(order_id)
            portal.add_orders(2)
            second = fetch_orders(settings, portal.password, database, data_dir / "work")
            print(
                f"\nНа портале изменили {len(edited)} заказа и приняли 2 новых. "
                f"Второе получение: {_summary(second)}"
            )
        if args.keep:
            print(f"\nОчередь сохранена: python -m desktop_app --data-dir {data_dir} queue")
        else:
            print("\nПапка данных была временной; сохранить её: demo --keep ПАПКА")
    return 0
