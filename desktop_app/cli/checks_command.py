"""`checks ORDER [--json]`: what the requisite checks find in the order's buyer.

Exit codes: 0 — checked, no errors (warnings and notes may be listed); 1 — checked, errors
found (the output lists them); 2 — could not check (no such order, no database).
"""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING, Any

from desktop_app.cli.errors import UserError
from desktop_app.cli.order_argument import load_order, open_database
from desktop_app.domain.order import Order
from desktop_app.domain.order_buyer import order_buyer
from desktop_app.domain.requisite_checks import Finding, Severity, check_order
from desktop_app.wording.card_fields import field_label
from desktop_app.wording.findings import SEVERITIES, finding_text

if TYPE_CHECKING:
    from desktop_app.services.registry_check import RegistryResult
    from desktop_app.store.database import Database


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "checks",
        help="проверить реквизиты покупателя заказа",
        description="Проверка ИНН, КПП, ОГРН/ОГРНИП, ОКПО, БИК и счетов покупателя и их "
        "согласованности. Код выхода 0 — ошибок нет; 1 — найдены ошибки; 2 — проверить "
        "не удалось.",
    )
    parser.add_argument("order", metavar="ORDER", help="Ид заказа на портале или его номер")
    parser.add_argument("--json", action="store_true", help="вывести JSON")
    parser.add_argument(
        "--offline",
        action="store_true",
        help="не спрашивать реестр (ЕГРЮЛ/ЕГРИП): только сохранённые ответы",
    )
    parser.set_defaults(run=run)


def finding_json(finding: Finding) -> dict[str, str]:
    return {
        "code": finding.code,
        "severity": finding.severity.value,
        "field": finding.field,
        "message": finding_text(finding),
    }


def order_head(order: Order) -> dict[str, Any]:
    """The order and its buyer as the JSON of `checks` and `candidates` name them."""
    buyer = order_buyer(order)
    head: dict[str, Any] = {"order": {"id": order.id, "number": order.number}, "buyer": None}
    if buyer is not None:
        party = buyer.counterparty
        head["buyer"] = {
            "id": party.id,
            "name": party.display_name,
            "kind": party.kind.value,
            "inn": party.inn,
            "kpp": party.kpp,
            "ogrn": buyer.registration_number,
        }
    return head


def head_line(order: Order) -> str:
    buyer = order_buyer(order)
    words = f"Заказ {order.number or order.id} (Ид {order.id})"
    if buyer is None:
        return words
    party = buyer.counterparty
    requisites = ", ".join(
        f"{label} {value}"
        for label, value in (
            ("ИНН", party.inn),
            ("КПП", party.kpp),
            ("ОГРН", buyer.registration_number),
        )
        if value
    )
    return f"{words}, покупатель {party.display_name}" + (f" ({requisites})" if requisites else "")


def registry_result(args: argparse.Namespace, database: Database, order: Order) -> RegistryResult:
    """The registry's findings: from the store, asked first when it has no fresh answer and
    a key is kept (not with `--offline`)."""
    from desktop_app.services import app_dirs, settings
    from desktop_app.services.password_vault import KeychainVault
    from desktop_app.services.registry_setup import registry_check_for

    folder = app_dirs.data_dir(args.data_dir)
    try:
        current = settings.load(folder)
    except settings.SettingsError as error:
        raise UserError(str(error)) from None
    offline = bool(getattr(args, "offline", False))
    check = registry_check_for(current, KeychainVault(), database, offline=offline)
    if offline or check.connection is None:
        return check.findings_for(order)
    return check.check_order(order, force=False)


def registry_json(result: RegistryResult) -> dict[str, Any]:
    asked = result.asked_at.isoformat() if result.asked_at else None
    return {"asked_at": asked, "age_days": result.age_days, "linked": result.linked}


def run(args: argparse.Namespace) -> int:
    with open_database(args.data_dir) as database:
        order = load_order(database, args.order)
        registry = registry_result(args, database, order)
    findings = check_order(order) + registry.findings
    failed = any(f.severity is Severity.ERROR for f in findings)
    if args.json:
        document = order_head(order) | {
            "findings": [finding_json(f) for f in findings],
            "registry": registry_json(registry),
        }
        print(json.dumps(document, ensure_ascii=False, indent=1))
        return 1 if failed else 0
    print(head_line(order))
    if not findings:
        print("Замечаний нет: реквизиты в порядке.")
    for finding in findings:
        severity = SEVERITIES.text(finding.severity)
        print(f"  {severity:10}  {field_label(finding.field)}: {finding_text(finding)}")
    return 1 if failed else 0
