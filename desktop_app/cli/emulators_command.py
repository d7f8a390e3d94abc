"""`emulators`: run the stand-ins for the outside world until Ctrl+C.

Today that is the 1C-Bitrix portal (its sale exchange on two pages: the one 1C uses and
Order Review's own); the 1C OData emulator joins later. Everything listens on 127.0.0.1
only. The orders come from the same generated world as `demo`, dated over the last three
weeks, so a fresh exchange client has a realistic backlog to fetch.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import threading
from typing import Any

from desktop_app.cli.errors import UserError
from desktop_app.emulators.portal import PortalEmulator
from desktop_app.emulators.world import World

DEFAULT_PORT = 8780


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "emulators",
        help="запустить эмулятор портала 1С-Битрикс (обмен заказами) на 127.0.0.1",
        description="Запускает эмулятор обмена заказами 1С-Битрикс (sale.export.1c) на "
        "127.0.0.1 и работает до Ctrl+C. Печатает адреса страниц обмена, логин и пароль.",
    )
    parser.add_argument("--orders", type=int, default=50, help="сколько заказов на портале (50)")
    parser.add_argument("--seed", type=int, default=2026, help="зерно генератора (2026)")
    parser.add_argument(
        "--port",
        type=int,
        default=DEFAULT_PORT,
        help=f"порт на 127.0.0.1 ({DEFAULT_PORT}; 0 — любой свободный)",
    )
    parser.add_argument("--zip", action="store_true", help="портал отвечает zip=yes на mode=init")
    parser.set_defaults(run=run)


def _start(args: argparse.Namespace) -> PortalEmulator:
    if args.orders < 0:
        raise UserError("--orders: число заказов не может быть отрицательным")
    if not 0 <= args.port <= 65535:
        raise UserError("--port: нужен номер порта от 0 до 65535")
    world = World.generate(seed=args.seed, start=dt.date.today() - dt.timedelta(days=21))
    portal = PortalEmulator(world, orders=args.orders, zip_enabled=args.zip, port=args.port)
    try:
        return portal.start()
    except OSError as error:
        raise UserError(
            f"не удалось открыть порт {args.port} на 127.0.0.1: {error.strerror or error}"
        ) from None


def _announce(portal: PortalEmulator, orders: int) -> None:
    print("Эмулятор портала 1С-Битрикс запущен (обмен заказами, только 127.0.0.1).")
    print(f"  Страница обмена для 1С:          {portal.page_url(PortalEmulator.ONEC_PAGE)}")
    print(f"  Страница обмена Order Review:    {portal.page_url(PortalEmulator.APP_PAGE)}")
    print(f"  Логин: {portal.user}    Пароль: {portal.password}")
    print(f"  Заказов на портале: {orders}")
    print("Остановить: Ctrl+C.")
    sys.stdout.flush()


def run(args: argparse.Namespace) -> int:
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(encoding="utf-8")
    portal = _start(args)
    try:
        _announce(portal, args.orders)
        forever = threading.Event()
        while not forever.wait(0.5):
            pass
    except KeyboardInterrupt:
        print("\nОстанавливаю эмулятор…")
    finally:
        portal.stop()
    print("Эмулятор остановлен.")
    return 0
