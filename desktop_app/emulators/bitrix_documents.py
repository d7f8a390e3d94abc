"""The payment and the shipment Bitrix writes after each order from schema 2.10 on.

`CSaleExport::ExportOrders2Xml` calls `OutputXmlDocumentsByType('Payment', …)` and
`('Shipment', …)` when the version asked at init is `>= PARTIAL_VERSION` (2.1), and
`OutputXmlDocument` prints them (modules/sale/general/export.php): the payment's or shipment's
own Ид (`ID_1C` or `ID`) and number, its date, the operation from the language file —
«Выплата безналичных денег», «Выплата наличных денег» or «Эквайринговая операция» by the pay
system's type (N / Y / A), «Отпуск товара» for a shipment — the seller's role, currency, sum,
`НомерВерсии`, `Основание` (the order's ID) and **the order's `Контрагенты` again**, then
their own requisites; a shipment also repeats the order's taxes and its items.

Ids: payments and shipments are numbered in their own tables. With one payment per order the
payment's number runs level with the order's, so the emulator gives the payment the order's
Ид — the case where a reader that takes every document with counterparties for an order loses
the real order. A Bitrix order has a hidden system shipment besides the real one, so the real
shipment gets twice the order's number.
"""

from __future__ import annotations

from decimal import Decimal

from desktop_app.domain.order import Order, OrderProperty
from desktop_app.emulators.bitrix_items import render_line
from desktop_app.emulators.bitrix_text import (
    Out,
    element,
    php_float,
    render_properties,
    stored_decimal,
    text,
)

PAYMENT_OPERATIONS = {
    "N": "Выплата безналичных денег",
    "Y": "Выплата наличных денег",
    "A": "Эквайринговая операция",
}
"""`SALE_EXPORT_ITEM_PAYMENT_<type>` of lang/ru/general/export.php."""
SHIPMENT_OPERATION = "Отпуск товара"


def payment_type(order: Order) -> str:
    """The pay system's type as `PaySystem\\Manager::getPsType` would give it."""
    method = (order.property_value("Метод оплаты") or "").casefold()
    if "карт" in method or "онлайн" in method:
        return "A"
    if "налич" in method and "безналич" not in method:
        return "Y"
    return "N"


def shipment_id(order: Order) -> str:
    return str(int(order.id) * 2) if order.id.isdigit() else order.id + "-2"


def _heading(out: Out, order: Order, doc_id: str, operation: str, total: str) -> None:
    element(out, 2, "Ид", text(doc_id))
    element(out, 2, "Номер", text(doc_id))
    element(out, 2, "Дата", order.date.isoformat() if order.date else "")
    element(out, 2, "ХозОперация", operation)
    element(out, 2, "Роль", "Продавец")
    element(out, 2, "Валюта", text((order.currency or "руб")[:3]))
    element(out, 2, "Курс", "1")
    element(out, 2, "Сумма", total)
    element(out, 2, "НомерВерсии", text(order.version or "0"))
    element(out, 2, "Основание", text(order.id))


def _flag_of(order: Order, name: str) -> str:
    return order.property_value(name) or "false"


def render_payment(order: Order, parties: str) -> str:
    out: Out = ["  <Документ>\n"]
    _heading(
        out, order, order.id, PAYMENT_OPERATIONS[payment_type(order)], stored_decimal(order.total)
    )
    out.append(parties)
    element(out, 2, "Время", order.time.isoformat("seconds") if order.time else "")
    element(out, 2, "Комментарий", "")
    render_properties(out, 2, (
        OrderProperty("Дата оплаты", (order.property_value("Дата оплаты") or "",)),
        OrderProperty("Отменен", (_flag_of(order, "Отменен"),)),
        OrderProperty("Метод оплаты ИД", (order.property_value("Метод оплаты ИД") or "",)),
        OrderProperty("Метод оплаты", (order.property_value("Метод оплаты") or "",)),
        OrderProperty("Оплачено", (_flag_of(order, "Заказ оплачен"),)),
        OrderProperty("Признак возврата", ("false",)),
        OrderProperty("Причина к возврату", ("",)),
        OrderProperty("Сайт", (order.property_value("Сайт") or "",)),
    ))  # fmt: skip
    out.append("  </Документ>\n")
    return "".join(out)


def render_shipment(order: Order, parties: str, vat_included: bool) -> str:
    goods = sum(
        ((line.price or Decimal(0)) * (line.quantity or Decimal(0)) for line in order.lines
         if not line.is_delivery),
        Decimal(0),
    )  # fmt: skip
    delivery = next((line.amount or Decimal(0) for line in order.lines if line.is_delivery), None)
    total = goods + int(delivery or 0)  # PHP: $price + intval($document['PRICE_DELIVERY'])
    out: Out = ["  <Документ>\n"]
    _heading(out, order, shipment_id(order), SHIPMENT_OPERATION, php_float(total))
    out.append(parties)
    element(out, 2, "Время", order.time.isoformat("seconds") if order.time else "")
    element(out, 2, "Комментарий", "")
    out.append("    <Товары>\n")
    for line in order.lines:
        render_line(out, line, "2.10", vat_included)
    out.append("    </Товары>\n")
    render_properties(out, 2, (
        OrderProperty("Сумма доставки", (stored_decimal(delivery or Decimal(0)),)),
        OrderProperty("Дата разрешения доставки",
                      (order.property_value("Дата разрешения доставки") or "",)),
        OrderProperty("Статус отгрузки", ("DN",)),
        OrderProperty("Отгружено", ("false",)),
        OrderProperty("Метод доставки ИД", (order.property_value("Метод доставки ИД") or "",)),
        OrderProperty("Метод доставки", (order.property_value("Способ доставки") or "",)),
        OrderProperty("Отменен", (_flag_of(order, "Отменен"),)),
        OrderProperty("Сайт", (order.property_value("Сайт") or "",)),
    ))  # fmt: skip
    out.append("  </Документ>\n")
    return "".join(out)
