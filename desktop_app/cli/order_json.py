"""The JSON form of orders and counterparties that `parse` (and later `queue --json`) prints.

This is a documented, stable format (README, "JSON output"): decimals are strings so no
kopeck is lost to a float, absent values are null, dates are ISO 8601.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from desktop_app.domain.counterparty import Counterparty
from desktop_app.domain.money import format_decimal
from desktop_app.domain.order import Discount, Order, OrderLine, OrderProperty, Tax

JsonObject = dict[str, Any]


def _decimal(value: Decimal | None) -> str | None:
    return None if value is None else format_decimal(value)


def counterparty_json(party: Counterparty) -> JsonObject:
    return {
        "id": party.id,
        "role": party.role,
        "name": party.name,
        "official_name": party.official_name,
        "full_name": party.full_name,
        "kind": party.kind.value,
        "inn": party.inn,
        "kpp": party.kpp,
        "okpo": party.okpo,
        "okved": party.okved,
        "surname": party.surname,
        "first_name": party.first_name,
        "patronymic": party.patronymic,
        "legal_address": party.legal_address,
        "registration_address": party.registration_address,
        "address": party.address,
        "contacts": [{"type": c.type, "value": c.value} for c in party.contacts],
        "bank_accounts": [
            {"account": b.account, "bank": b.bank, "bik": b.bik, "corr_account": b.corr_account}
            for b in party.bank_accounts
        ],
        "representatives": [
            {"relation": r.relation, "name": r.name, "id": r.id} for r in party.representatives
        ],
        "raw": [{"path": f.path, "value": f.value} for f in party.raw],
    }


def _tax(tax: Tax) -> JsonObject:
    return {
        "name": tax.name,
        "rate": tax.rate,
        "included": tax.included,
        "amount": _decimal(tax.amount),
    }


def _discount(discount: Discount) -> JsonObject:
    return {
        "name": discount.name,
        "amount": _decimal(discount.amount),
        "percent": _decimal(discount.percent),
        "included": discount.included,
    }


def _property(prop: OrderProperty) -> JsonObject:
    return {"name": prop.name, "value": prop.value, "values": list(prop.values)}


def _line(line: OrderLine) -> JsonObject:
    return {
        "id": line.id,
        "sku": line.sku,
        "name": line.name,
        "unit": line.unit,
        "unit_code": line.unit_code,
        "unit_name": line.unit_name,
        "quantity": _decimal(line.quantity),
        "price": _decimal(line.price),
        "amount": _decimal(line.amount),
        "vat_rate": line.vat_rate,
        "vat_amount": _decimal(line.vat_amount),
        "vat_included": line.vat_included,
        "kind": line.kind,
        "discounts": [_discount(d) for d in line.discounts],
        "properties": [_property(p) for p in line.properties],
    }


def order_json(order: Order) -> JsonObject:
    buyer = order.buyer
    return {
        "id": order.id,
        "version": order.version,
        "number": order.number,
        "date": order.date.isoformat() if order.date else None,
        "time": order.time.isoformat() if order.time else None,
        "operation": order.operation,
        "role": order.role,
        "currency": order.currency,
        "exchange_rate": _decimal(order.exchange_rate),
        "total": _decimal(order.total),
        "comment": order.comment,
        "deleted": order.deleted,
        "buyer": counterparty_json(buyer) if buyer else None,
        "counterparties": [counterparty_json(c) for c in order.counterparties],
        "taxes": [_tax(t) for t in order.taxes],
        "discounts": [_discount(d) for d in order.discounts],
        "items": [_line(line) for line in order.lines],
        "properties": [_property(p) for p in order.properties],
    }
