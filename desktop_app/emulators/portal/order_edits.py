"""Realistic edits of a portal order: what a manager or the buyer changes after it is placed.

Every save of a Bitrix order raises its `VERSION` (exported as `НомерВерсии` from schema
2.08 on) and sets `DATE_UPDATE` to now (the store does the latter). The edits rotate so that
a test editing the same order several times sees each kind: the status moves on (with the
status date, and the payment date once paid), the manager's comment changes, or the buyer
takes one more unit of the first goods line (line sum, VAT and order total follow, the way
`world_orders` computes them).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal

from desktop_app.domain.money import to_money
from desktop_app.domain.order import Order, OrderLine, OrderProperty, Tax
from desktop_app.emulators.world_orders import STATUSES, bitrix_datetime

NEXT_STATUS = {"N": "P", "P": "F", "F": "F"}
COMMENTS = (
    "Покупатель просит доставить до 12:00.",
    "Согласовано с менеджером: отгрузка частями.",
    "Изменены реквизиты грузополучателя по звонку клиента.",
)


def edit_order(order: Order, moment: dt.datetime, step: int) -> Order:
    """The order after its `step`-th edit (0-based) made at `moment`, version raised."""
    kind = step % 3
    if kind == 0:
        edited = _next_status(order, moment)
    elif kind == 1:
        edited = replace(order, comment=COMMENTS[step // 3 % len(COMMENTS)])
    else:
        edited = _one_more_unit(order)
    version = int(order.version) + 1 if order.version and order.version.isdigit() else 1
    return replace(edited, version=str(version))


def _next_status(order: Order, moment: dt.datetime) -> Order:
    current = order.property_value("Статуса заказа ИД") or "N"
    status = NEXT_STATUS.get(current, "P")
    stamp = bitrix_datetime(moment)
    values = {
        "Статус заказа": f"[{status}] {STATUSES[status]}",
        "Статуса заказа ИД": status,
        "Дата изменения статуса": stamp,
        "Заказ оплачен": "true",
        "Финальный статус": "true" if status == "F" else "false",
    }
    properties = [
        OrderProperty(p.name, (values[p.name],)) if p.name in values else p
        for p in order.properties
    ]
    if current == "N":
        properties.insert(0, OrderProperty("Дата оплаты", (stamp,)))
    return replace(order, properties=tuple(properties))


def _one_more_unit(order: Order) -> Order:
    index = next((i for i, line in enumerate(order.lines) if not line.is_delivery), None)
    if index is None:
        return order
    line = order.lines[index]
    price = line.price or Decimal(0)
    bigger: OrderLine = replace(
        line,
        quantity=(line.quantity or Decimal(0)) + 1,
        amount=(line.amount or Decimal(0)) + price,
    )
    lines = (*order.lines[:index], bigger, *order.lines[index + 1 :])
    total = (order.total or Decimal(0)) + price
    taxes = order.taxes
    if taxes and line.vat_rate and line.vat_rate.isdigit():
        tax = taxes[0]
        rate = Decimal(line.vat_rate) / 100
        if tax.included is False:
            extra = to_money(price * rate)
            total += extra
        else:
            extra = to_money(price / (1 + rate) * rate)
        grown = Tax(tax.name, tax.rate, tax.included, (tax.amount or Decimal(0)) + extra)
        taxes = (grown, *taxes[1:])
    return replace(order, lines=lines, total=total, taxes=taxes)
