"""The JSON form of orders and counterparties that `parse` (and later `queue --json`) prints.

This is a documented, stable format (README, "JSON output"): decimals are strings so no
kopeck is lost to a float, absent values are null, dates are ISO 8601. It is the store's
serialisation of an order (`order_codec.encode_order`), not a second one, shown the way the
README documents it: decimals positional (``"1000"``, never ``"1E+3"``), the lines as
`items`, the `buyer` besides the `counterparties`, a property's `value` (its values as one
text) besides its `values`, and each `raw` field as ``{"path", "value"}``. A field the codec
gains is printed too.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from desktop_app.domain.counterparty import Counterparty
from desktop_app.domain.money import format_decimal
from desktop_app.domain.order import Order, OrderProperty
from desktop_app.store.order_codec import encode_counterparty, encode_order

JsonObject = dict[str, Any]


def counterparty_json(party: Counterparty) -> JsonObject:
    return _shown_counterparty(encode_counterparty(party))


def _shown_counterparty(data: JsonObject) -> JsonObject:
    data["raw"] = [{"path": path, "value": value} for path, value in data["raw"]]
    return data


def _shown_properties(properties: Sequence[OrderProperty], data: list[JsonObject]) -> None:
    for prop, encoded in zip(properties, data, strict=True):
        encoded["value"] = prop.value


def order_json(order: Order) -> JsonObject:
    data = encode_order(order, format_decimal)
    for line, encoded in zip(order.lines, data["lines"], strict=True):
        _shown_properties(line.properties, encoded["properties"])
    _shown_properties(order.properties, data["properties"])
    for encoded in data["counterparties"]:
        _shown_counterparty(encoded)
    buyer = order.buyer
    data["buyer"] = counterparty_json(buyer) if buyer else None
    data["items"] = data.pop("lines")
    return data
