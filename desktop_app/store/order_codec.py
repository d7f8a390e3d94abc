"""The lossless text form of an `Order` that the store keeps for every revision.

The payload must give back exactly the order that was stored, down to the last `RawField` of
every counterparty and every value of every property, in order, so that the manager always
sees what the portal said. It must also be deterministic (the same order always gives the same
text), because its sha256 is how the store tells "the portal re-exported an unchanged order"
from "the order changed" (GUIDE §3).

Decimals are written with `str()`, which keeps their exact form (``"1320.00"``, ``"1E+3"``);
dates and times are ISO 8601; keys are sorted; the object keys are the dataclass field names,
and a test checks that every field of the domain classes is written.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable
from decimal import Decimal
from typing import Any, TypeVar

from desktop_app.domain.counterparty import (
    BankAccount,
    Contact,
    Counterparty,
    CounterpartyKind,
    RawField,
    Representative,
)
from desktop_app.domain.order import Discount, Order, OrderLine, OrderProperty, Tax
from desktop_app.store.errors import StoreError
from desktop_app.wording.said import Said

PAYLOAD_FORMAT = 1
"""Bump when the layout changes; a decoder must keep reading every older format."""

JsonObject = dict[str, Any]
T = TypeVar("T")


class PayloadError(StoreError):
    """A stored payload is not what this version wrote: a damaged or foreign database."""


def order_to_payload(order: Order) -> str:
    """The order as compact JSON text; equal orders give equal text.

    Keys come in the fixed order the encoders write them (no sorting: it cost an eighth of
    the encoding time on the path that stores every order of every fetch).
    """
    document = {"format": PAYLOAD_FORMAT, "order": encode_order(order)}
    return json.dumps(document, ensure_ascii=False, separators=(",", ":"))


def order_from_payload(text: str) -> Order:
    """The order a payload was made from; `PayloadError` when the text is not a payload."""
    try:
        document = json.loads(text)
        if not isinstance(document, dict) or document.get("format") != PAYLOAD_FORMAT:
            raise PayloadError(Said("store.payload_unknown", {"start": repr(str(text)[:40])}))
        return decode_order(document["order"])
    except (KeyError, TypeError, ValueError, ArithmeticError) as error:
        raise PayloadError(Said("store.payload_damaged", {"detail": str(error)})) from error


def payload_object(text: str) -> JsonObject:
    """The decoded order object of a payload, for field-by-field comparison of revisions."""
    document = json.loads(text)
    order = document["order"] if isinstance(document, dict) else None
    if not isinstance(order, dict):
        raise PayloadError(Said("store.payload_no_order"))
    return order


def content_hash(payload: str) -> str:
    """The sha256 of the payload text, hex: the identity of an order's content."""
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


# --- encoding ---------------------------------------------------------------------------


Number = Callable[[Decimal], str]
"""How a decimal is written: `str` here (its exact form, for the hash); `parse` prints it
positional (``"1000"``, not ``"1E+3"``: cli/order_json.py)."""


def _decimal(value: Decimal | None, number: Number = str) -> str | None:
    return None if value is None else number(value)


def encode_order(order: Order, number: Number = str) -> JsonObject:
    """The order as plain JSON values; the one serialisation of an order (the CLI's too)."""
    return {
        "id": order.id,
        "number": order.number,
        "version": order.version,
        "date": None if order.date is None else order.date.isoformat(),
        "time": None if order.time is None else order.time.isoformat(),
        "operation": order.operation,
        "role": order.role,
        "currency": order.currency,
        "exchange_rate": _decimal(order.exchange_rate, number),
        "total": _decimal(order.total, number),
        "comment": order.comment,
        "deleted": order.deleted,
        "counterparties": [encode_counterparty(p) for p in order.counterparties],
        "taxes": [encode_tax(t, number) for t in order.taxes],
        "discounts": [encode_discount(d, number) for d in order.discounts],
        "lines": [encode_line(line, number) for line in order.lines],
        "properties": [encode_property(p) for p in order.properties],
    }


def encode_counterparty(party: Counterparty) -> JsonObject:
    return {
        "id": party.id,
        "name": party.name,
        "official_name": party.official_name,
        "full_name": party.full_name,
        "kind": party.kind.value,
        "role": party.role,
        "inn": party.inn,
        "kpp": party.kpp,
        "okpo": party.okpo,
        "surname": party.surname,
        "first_name": party.first_name,
        "patronymic": party.patronymic,
        "legal_address": party.legal_address,
        "registration_address": party.registration_address,
        "address": party.address,
        "okved": party.okved,
        "contacts": [{"type": c.type, "value": c.value} for c in party.contacts],
        "bank_accounts": [
            {"account": b.account, "bank": b.bank, "bik": b.bik, "corr_account": b.corr_account}
            for b in party.bank_accounts
        ],
        "representatives": [
            {"relation": r.relation, "name": r.name, "id": r.id} for r in party.representatives
        ],
        "raw": [[f.path, f.value] for f in party.raw],
    }


def encode_tax(tax: Tax, number: Number = str) -> JsonObject:
    return {
        "name": tax.name,
        "rate": tax.rate,
        "included": tax.included,
        "amount": _decimal(tax.amount, number),
    }


def encode_discount(discount: Discount, number: Number = str) -> JsonObject:
    return {
        "name": discount.name,
        "amount": _decimal(discount.amount, number),
        "percent": _decimal(discount.percent, number),
        "included": discount.included,
    }


def encode_property(prop: OrderProperty) -> JsonObject:
    return {"name": prop.name, "values": list(prop.values)}


def encode_line(line: OrderLine, number: Number = str) -> JsonObject:
    return {
        "id": line.id,
        "sku": line.sku,
        "name": line.name,
        "unit": line.unit,
        "unit_code": line.unit_code,
        "quantity": _decimal(line.quantity, number),
        "price": _decimal(line.price, number),
        "amount": _decimal(line.amount, number),
        "vat_rate": line.vat_rate,
        "vat_amount": _decimal(line.vat_amount, number),
        "kind": line.kind,
        "vat_included": line.vat_included,
        "discounts": [encode_discount(d, number) for d in line.discounts],
        "properties": [encode_property(p) for p in line.properties],
        "unit_name": line.unit_name,
    }


# --- decoding ---------------------------------------------------------------------------


def _optional(value: Any, kind: type[T]) -> T | None:
    if value is None or isinstance(value, kind):
        return value
    raise TypeError(f"{kind.__name__} expected, got {value!r}")


def _text(value: Any) -> str | None:
    return _optional(value, str)


def _required_text(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError(f"text expected, got {value!r}")
    return value


def _flag(value: Any) -> bool | None:
    return _optional(value, bool)


def _number(value: Any) -> Decimal | None:
    text = _text(value)
    return None if text is None else Decimal(text)


def _each(value: Any, decode: Callable[[Any], T]) -> tuple[T, ...]:
    if not isinstance(value, list):
        raise TypeError(f"list expected, got {value!r}")
    return tuple(decode(item) for item in value)


def decode_order(data: JsonObject) -> Order:
    date, time = _text(data["date"]), _text(data["time"])
    deleted = data["deleted"]
    if not isinstance(deleted, bool):
        raise TypeError(f"bool expected, got {deleted!r}")
    return Order(
        id=_required_text(data["id"]),
        number=_text(data["number"]),
        version=_text(data["version"]),
        date=None if date is None else dt.date.fromisoformat(date),
        time=None if time is None else dt.time.fromisoformat(time),
        operation=_text(data["operation"]),
        role=_text(data["role"]),
        currency=_text(data["currency"]),
        exchange_rate=_number(data["exchange_rate"]),
        total=_number(data["total"]),
        comment=_text(data["comment"]),
        deleted=deleted,
        counterparties=_each(data["counterparties"], decode_counterparty),
        taxes=_each(data["taxes"], decode_tax),
        discounts=_each(data["discounts"], decode_discount),
        lines=_each(data["lines"], decode_line),
        properties=_each(data["properties"], decode_property),
    )


def decode_counterparty(data: JsonObject) -> Counterparty:
    return Counterparty(
        id=_text(data["id"]),
        name=_text(data["name"]),
        official_name=_text(data["official_name"]),
        full_name=_text(data["full_name"]),
        kind=CounterpartyKind(data["kind"]),
        role=_text(data["role"]),
        inn=_text(data["inn"]),
        kpp=_text(data["kpp"]),
        okpo=_text(data["okpo"]),
        surname=_text(data["surname"]),
        first_name=_text(data["first_name"]),
        patronymic=_text(data["patronymic"]),
        legal_address=_text(data["legal_address"]),
        registration_address=_text(data["registration_address"]),
        address=_text(data["address"]),
        okved=_text(data["okved"]),
        contacts=_each(data["contacts"], lambda c: Contact(_text(c["type"]), _text(c["value"]))),
        bank_accounts=_each(data["bank_accounts"], _decode_bank_account),
        representatives=_each(
            data["representatives"],
            lambda r: Representative(_text(r["relation"]), _text(r["name"]), _text(r["id"])),
        ),
        raw=_each(data["raw"], lambda f: RawField(_required_text(f[0]), _required_text(f[1]))),
    )


def _decode_bank_account(data: JsonObject) -> BankAccount:
    return BankAccount(
        account=_text(data["account"]),
        bank=_text(data["bank"]),
        bik=_text(data["bik"]),
        corr_account=_text(data["corr_account"]),
    )


def decode_tax(data: JsonObject) -> Tax:
    return Tax(
        name=_text(data["name"]),
        rate=_text(data["rate"]),
        included=_flag(data["included"]),
        amount=_number(data["amount"]),
    )


def decode_discount(data: JsonObject) -> Discount:
    return Discount(
        name=_text(data["name"]),
        amount=_number(data["amount"]),
        percent=_number(data["percent"]),
        included=_flag(data["included"]),
    )


def decode_property(data: JsonObject) -> OrderProperty:
    return OrderProperty(
        name=_required_text(data["name"]), values=_each(data["values"], _required_text)
    )


def decode_line(data: JsonObject) -> OrderLine:
    return OrderLine(
        id=_text(data["id"]),
        sku=_text(data["sku"]),
        name=_text(data["name"]),
        unit=_text(data["unit"]),
        unit_code=_text(data["unit_code"]),
        quantity=_number(data["quantity"]),
        price=_number(data["price"]),
        amount=_number(data["amount"]),
        vat_rate=_text(data["vat_rate"]),
        vat_amount=_number(data["vat_amount"]),
        kind=_text(data["kind"]),
        vat_included=_flag(data["vat_included"]),
        discounts=_each(data["discounts"], decode_discount),
        properties=_each(data["properties"], decode_property),
        unit_name=_text(data.get("unit_name")),  # absent from payloads stored before it existed
    )
