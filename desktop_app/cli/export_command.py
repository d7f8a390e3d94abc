"""`export-invoice`, `export-invoices`, `export-orders`: invoices and the order list as XLSX.

An invoice is made even when some seller requisites are unknown (GUIDE §11): the blanks
stay on the sheet, the command names them on stderr and exits with 1 ("done, with
problems the output lists"). The seller comes from the settings, with blanks filled from
1C's organisation when 1C is set up.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop_app.cli.errors import UserError
from desktop_app.domain.review_state import ReviewState
from desktop_app.services import app_dirs, settings

if TYPE_CHECKING:
    from desktop_app.services.export_service import Progress
    from desktop_app.store.database import Database


def register(subparsers: Any) -> None:
    one = subparsers.add_parser("export-invoice", help="счёт на оплату по заказу в XLSX")
    one.add_argument("order", metavar="ORDER", help="Ид заказа на портале или его номер")
    one.add_argument("-o", "--output", type=Path, required=True, help="файл .xlsx")
    one.add_argument("--number", help="номер счёта (по умолчанию — по настройке invoice.number)")
    one.add_argument("--date", type=_date, help="дата счёта ГГГГ-ММ-ДД (по умолчанию — заказа)")
    one.set_defaults(run=run_invoice)

    many = subparsers.add_parser("export-invoices", help="счета по заказам очереди в папку")
    _filters(many)
    many.add_argument("-o", "--output", type=Path, required=True, help="папка для счетов")
    many.set_defaults(run=run_invoices)

    listing = subparsers.add_parser("export-orders", help="список заказов очереди в XLSX")
    _filters(listing)
    listing.add_argument("-o", "--output", type=Path, required=True, help="файл .xlsx")
    listing.set_defaults(run=run_orders)


def _filters(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--state", choices=[s.value for s in ReviewState], help="только заказы в этом состоянии"
    )
    parser.add_argument("--search", metavar="TEXT", help="номер, покупатель, ИНН или КПП")


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"«{text}» — не дата ГГГГ-ММ-ДД") from None


def _open(args: argparse.Namespace) -> tuple[Database, settings.Settings]:
    """The database and the settings of the data folder, or the sentence why not."""
    from desktop_app.store.database import Database
    from desktop_app.store.errors import StoreError

    folder = app_dirs.data_dir(args.data_dir)
    try:
        current = settings.load(folder)
        return Database.open(folder), current
    except (StoreError, settings.SettingsError) as error:
        raise UserError(str(error)) from None


def _warn(lines: list[str] | tuple[str, ...]) -> None:
    for line in lines:
        print(f"предупреждение: {line}", file=sys.stderr)


def _progress(what: str) -> Progress:
    def show(done: int, total: int) -> None:
        if sys.stderr.isatty():
            sys.stderr.write(f"\r\x1b[K{what}: {done} из {total}")
            sys.stderr.flush()

    return show


def _clear_progress() -> None:
    if sys.stderr.isatty():
        sys.stderr.write("\r\x1b[K")


def run_invoice(args: argparse.Namespace) -> int:
    from desktop_app.services.export_operations import export_order_invoice
    from desktop_app.services.export_service import ExportError, find_order
    from desktop_app.store.queue_repository import QueueRepository

    database, current = _open(args)
    folder = app_dirs.data_dir(args.data_dir)
    try:
        with database:
            order = find_order(QueueRepository(database), args.order)
            done = export_order_invoice(
                database, current, folder, order, args.output, number=args.number, date=args.date
            )
    except ExportError as error:
        raise UserError(str(error)) from None
    print(f"{done.invoice.title}: {done.path}")
    _warn(done.problems)
    return 1 if done.problems else 0


def run_invoices(args: argparse.Namespace) -> int:
    from desktop_app.services.export_operations import export_queue_invoices
    from desktop_app.services.export_service import ExportError

    database, current = _open(args)
    state = ReviewState(args.state) if args.state else None
    try:
        with database:
            done = export_queue_invoices(
                database, current, app_dirs.data_dir(args.data_dir), args.output, state=state,
                search=args.search, progress=_progress("Счета"),
            )  # fmt: skip
    except ExportError as error:
        raise UserError(str(error)) from None
    finally:
        _clear_progress()
    if done.report.total == 0:
        print("Нет заказов с такими условиями: счета не созданы.")
        return 0
    print(
        f"Счетов создано: {len(done.report.written)} из {done.report.total} в папке {args.output}."
    )
    _warn(done.problems)
    return 1 if done.problems else 0


def run_orders(args: argparse.Namespace) -> int:
    from desktop_app.services.export_operations import export_queue_list
    from desktop_app.services.export_service import ExportError

    database, _ = _open(args)
    state = ReviewState(args.state) if args.state else None
    try:
        with database:
            count = export_queue_list(
                database, app_dirs.data_dir(args.data_dir), args.output, state=state,
                search=args.search, progress=_progress("Заказы"),
            )  # fmt: skip
    except ExportError as error:
        raise UserError(str(error)) from None
    finally:
        _clear_progress()
    print(f"Заказов в списке: {count}; файл {args.output}.")
    return 0
