"""`registry check [ORDER…]`: ask the state registry (ЕГРЮЛ/ЕГРИП, DaData) about buyers now.

Without ORDER, every order of the queue; with ORDER, those orders, asked even when the store
has a fresh answer (as «Проверить в реестре» in the window does). Each ИНН is asked once;
orders linked by a confirmed mapping cost no request. Then one line per order with
registry findings. Exit codes: 0 — checked; 1 — some ИНН could not be checked (the lines
say why); 2 — could not start (no key: `login registry`, no database).
"""

from __future__ import annotations

import argparse
from typing import Any

from desktop_app.cli.errors import UserError
from desktop_app.cli.order_argument import load_order, open_database
from desktop_app.wording.findings import SEVERITIES, finding_text

ALL_ORDERS = 1_000_000


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "registry",
        help="проверить покупателей по реестру ЕГРЮЛ/ЕГРИП (DaData)",
        description=__doc__.splitlines()[0] if __doc__ else None,
    )
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    check = actions.add_parser("check", help="спросить реестр о покупателях заказов")
    check.add_argument("orders", nargs="*", metavar="ORDER", help="Ид или номер заказа")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from desktop_app.services import app_dirs, settings
    from desktop_app.services.password_vault import KeychainVault
    from desktop_app.services.registry_setup import registry_check_for
    from desktop_app.store.queue_repository import QueueRepository

    try:
        current = settings.load(app_dirs.data_dir(args.data_dir))
    except settings.SettingsError as error:
        raise UserError(str(error)) from None
    with open_database(args.data_dir) as database:
        check = registry_check_for(current, KeychainVault(), database)
        if check.connection is None:
            raise UserError("ключ DaData не задан: python -m desktop_app login registry")
        if args.orders:
            orders = [load_order(database, text) for text in args.orders]
            results = [(order, check.check_order(order)) for order in orders]
        else:
            queue = QueueRepository(database)
            rows = queue.queue(limit=ALL_ORDERS)
            loaded = [queue.order(row.portal_id) for row in rows]
            orders = [order for order in loaded if order is not None]
            summary = check.check_orders(orders)
            print(f"Спрошено ИНН: {summary.asked}, ответ уже сохранён: {summary.cached}, "
                  f"связаны с 1С (не спрашивали): {summary.linked}.")  # fmt: skip
            results = [(order, check.findings_for(order)) for order in orders]
    failed = False
    for order, result in results:
        for finding in result.findings:
            failed = failed or finding.code == "registry-not-asked"
            severity = SEVERITIES.text(finding.severity)
            print(f"{order.number or order.id}  {severity:10}  {finding_text(finding)}")
    return 1 if failed else 0
