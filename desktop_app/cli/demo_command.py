"""`demo`: the whole current pipeline on generated data, with nothing configured.

The generated world (buyers with valid requisites, orders of 3–8 lines) is written the way
the 1C-Bitrix portal answers `mode=query` — windows-1251 CommerceML — and read back by the
same reader that reads real portal answers. The file lands in a throw-away folder unless
`--keep DIR` is given. The desktop window replaces this listing once it exists.
"""

from __future__ import annotations

import argparse
import datetime as dt
import tempfile
from pathlib import Path
from typing import Any

from desktop_app.adapters.portal.commerceml_reader import ReadOrder, ReadProblem, read_commerceml
from desktop_app.cli.errors import UserError
from desktop_app.cli.money_text import money
from desktop_app.domain.counterparty import CounterpartyKind
from desktop_app.domain.order import Order
from desktop_app.emulators.bitrix_commerceml import write_orders
from desktop_app.emulators.world import World

KIND_WORDS = {
    CounterpartyKind.LEGAL: "юрлицо",
    CounterpartyKind.ENTREPRENEUR: "ИП",
    CounterpartyKind.PERSON: "физлицо",
    CounterpartyKind.UNKNOWN: "—",
}


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "demo",
        help="демонстрация на встроенных данных (ничего настраивать не нужно)",
        description="Генерирует ответ портала 1С-Битрикс (CommerceML, windows-1251) "
        "и показывает прочитанные из него заказы.",
    )
    parser.add_argument("--orders", type=int, default=25, help="сколько заказов (25)")
    parser.add_argument("--seed", type=int, default=2026, help="зерно генератора (2026)")
    parser.add_argument("--keep", type=Path, metavar="DIR", help="сохранить файл обмена в DIR")
    parser.set_defaults(run=run)


def _row(order: Order) -> str:
    buyer = order.buyer
    name = buyer.display_name if buyer else ""
    requisites = " / ".join(v for v in (buyer.inn, buyer.kpp) if v) if buyer else ""
    kind = KIND_WORDS[buyer.kind] if buyer else ""
    total = money(order.total) if order.total is not None else ""
    date = order.date.strftime("%d.%m.%Y") if order.date else ""
    return (
        f"{order.number or order.id:>6}  {date:10}  {_fit(name, 44):44}  "
        f"{requisites:22}  {kind:7}  {total:>12}"
    )


def _fit(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def show(path: Path) -> int:
    orders: list[Order] = []
    problems: list[ReadProblem] = []
    for item in read_commerceml(path):
        if isinstance(item, ReadOrder):
            orders.append(item.order)
        elif isinstance(item, ReadProblem):
            problems.append(item)
    header = f"{'№':>6}  {'Дата':10}  {'Покупатель':44}  {'ИНН / КПП':22}  {'Вид':7}  {'Сумма':>12}"
    print(header)
    print("─" * len(header))
    for order in orders:
        print(_row(order))
    for problem in problems:
        print(f"! {problem.message}")
    print()
    print(f"Прочитано заказов: {len(orders)}, отложено из-за ошибок: {len(problems)}.")
    return 1 if problems else 0


def run(args: argparse.Namespace) -> int:
    if args.orders < 1:
        raise UserError("--orders: нужно хотя бы 1 заказ")
    world = World.generate(seed=args.seed, start=dt.date.today() - dt.timedelta(days=21))
    print("Order Review — демонстрация на сгенерированных данных портала.")
    with tempfile.TemporaryDirectory(prefix="order-review-demo-") as scratch:
        folder = args.keep or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "portal-query-answer.xml"
        with path.open("wb") as stream:
            write_orders(
                stream, world.orders(args.orders), version="2.08", generated_at=dt.datetime.now()
            )
        size_kb = path.stat().st_size / 1024
        print(f"Ответ портала (CommerceML 2.08, windows-1251, {size_kb:.0f} КБ): {path}\n")
        code = show(path)
        if args.keep:
            print(f"Всё, что прислал портал, в JSON: python -m desktop_app parse {path}")
        else:
            print("Файл обмена был временным; сохранить его: demo --keep ПАПКА")
        return code
