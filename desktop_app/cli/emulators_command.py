"""`emulators`: run the stand-ins for the outside world until Ctrl+C.

Two servers from one generated world, both on 127.0.0.1 only: the 1C-Bitrix portal (its
sale exchange on two pages: the one 1C uses and Order Review's own) and 1C:УТ 11's
standard OData interface. The orders come from the same world as `demo`, dated over the
last three weeks, so a fresh exchange client has a realistic backlog to fetch. 1C has
already imported the older four fifths of them through its own site exchange (its
exchange runs behind the portal). `--exchange` chooses that exchange (GUIDE §5): 1C-Bitrix's
module (the default; buyers 1C does not know arrive with an empty counterparty), 1C's
standard "Обмен с сайтом" (it finds or creates a counterparty itself and posts the order),
or a custom one (the site's number in НомерПоДаннымКлиента).
"""

from __future__ import annotations

import argparse
import sys
import threading
from typing import Any

from desktop_app.cli.errors import UserError
from desktop_app.emulators.demo import BusyPortError, DemoServers, ExchangeSetup

DEFAULT_PORT = 8780


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "emulators",
        help="запустить эмуляторы портала 1С-Битрикс и 1С:УТ 11 (OData) на 127.0.0.1",
        description="Запускает на 127.0.0.1 эмулятор обмена заказами 1С-Битрикс "
        "(sale.export.1c) и эмулятор стандартного интерфейса OData 1С:УТ 11 и работает до "
        "Ctrl+C. Печатает адреса страниц обмена и публикации OData, логины и пароли.",
    )
    parser.add_argument("--orders", type=int, default=50, help="сколько заказов на портале (50)")
    parser.add_argument("--seed", type=int, default=2026, help="зерно генератора (2026)")
    parser.add_argument(
        "--port",
        type=int,
        default=DEFAULT_PORT,
        help=f"порт портала на 127.0.0.1 ({DEFAULT_PORT}; 0 — любой свободный)",
    )
    parser.add_argument(
        "--onec-port",
        type=int,
        default=None,
        help="порт публикации 1С на 127.0.0.1 (порт портала + 1, то есть "
        f"{DEFAULT_PORT + 1}; при --port 0 — любой свободный)",
    )
    parser.add_argument(
        "--extra-counterparties",
        type=int,
        default=0,
        help="добавить в справочник 1С столько сгенерированных контрагентов (0)",
    )
    parser.add_argument("--zip", action="store_true", help="портал отвечает zip=yes на mode=init")
    parser.add_argument(
        "--exchange",
        choices=[s.value for s in ExchangeSetup],
        default=ExchangeSetup.BITRIX_MODULE.value,
        help="как 1С получает заказы сайта: bitrix — модуль 1С-Битрикс (по умолчанию), "
        "site — стандартный «Обмен с сайтом» УТ 11, custom — свой обмен",
    )
    parser.set_defaults(run=run)


def _check(args: argparse.Namespace) -> None:
    if args.onec_port is None:
        args.onec_port = args.port + 1 if args.port else 0
    if args.orders < 0:
        raise UserError("--orders: число заказов не может быть отрицательным")
    if args.extra_counterparties < 0:
        raise UserError("--extra-counterparties: число не может быть отрицательным")
    for option, port in (("--port", args.port), ("--onec-port", args.onec_port)):
        if not 0 <= port <= 65535:
            raise UserError(f"{option}: нужен номер порта от 0 до 65535")


def _start(args: argparse.Namespace) -> DemoServers:
    _check(args)
    servers = DemoServers(
        orders=args.orders,
        seed=args.seed,
        exchange=ExchangeSetup(args.exchange),
        zip_enabled=args.zip,
        port=args.port,
        onec_port=args.onec_port,
        extra_counterparties=args.extra_counterparties,
    )
    try:
        return servers.start()
    except BusyPortError as busy:
        error = busy.error
        raise UserError(
            f"не удалось открыть порт {busy.port} на 127.0.0.1: {error.strerror or error}"
        ) from None


def _announce(servers: DemoServers) -> None:
    portal, onec = servers.portal, servers.onec
    print("Эмуляторы запущены на 127.0.0.1. Остановить: Ctrl+C.")
    print("Эмулятор портала 1С-Битрикс (обмен заказами):")
    print(f"  Страница обмена для 1С:          {servers.onec_page_url}")
    print(f"  Страница обмена Order Review:    {servers.portal_url}")
    print(f"  Логин: {portal.user}    Пароль: {portal.password}")
    print(f"  Заказов на портале: {servers.orders}")
    print("Эмулятор 1С:Управление торговлей 11 (стандартный интерфейс OData):")
    print(f"  Адрес публикации OData (onec.url): {onec.service_root}")
    print(f"  Логин: {onec.user}    Пароль: {onec.password or '(пустой)'}")
    print(f"  Заказов, загруженных обменом 1С с сайтом: {servers.onec_orders}")
    print(f"  Обмен 1С с сайтом: {onec.exchange.words}")
    print("Эмулятор реестра ЕГРЮЛ/ЕГРИП (DaData, findById/party):")
    print(f"  Адрес (registry.url): {servers.registry_url}")
    print(f"  Ключ API (login registry): {servers.registry_token}")
    sys.stdout.flush()


def run(args: argparse.Namespace) -> int:
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(encoding="utf-8")
    servers = _start(args)
    try:
        _announce(servers)
        forever = threading.Event()
        while not forever.wait(0.5):
            pass
    except KeyboardInterrupt:
        print("\nОстанавливаю эмуляторы…")
    finally:
        servers.stop()
    print("Эмуляторы остановлены.")
    return 0
