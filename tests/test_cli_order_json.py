"""`parse`'s JSON of an order is the store's serialisation of it, shown as the README says.

One serialisation of an order (`order_codec.encode_order`): the CLI's JSON must carry the
same fields with the same values, give the same order back, and print Russian as Russian.
"""

from __future__ import annotations

import dataclasses
import io
import json
from decimal import Decimal
from typing import Any

import pytest

from desktop_app.adapters.portal.commerceml_reader import CommerceMLReader
from desktop_app.cli.order_json import order_json
from desktop_app.cli.parse_command import write_json
from desktop_app.domain.order import Order, OrderProperty
from desktop_app.store.order_codec import decode_order, encode_order

from conftest import FIXTURES

FILES = (
    "bitrix-2.08-legal-entity.cp1251.xml",
    "bitrix-2.08-entrepreneur.cp1251.xml",
    "bitrix-3.1-containers.utf8.xml",
    "units-base-unit-attributes.cp1251.xml",
)


def orders_of(name: str) -> list[Order]:
    return [item.order for item in CommerceMLReader(FIXTURES / name).orders()]


def as_codec(shown: dict[str, Any]) -> dict[str, Any]:
    """Undo the documented differences of the CLI's form: what is left is the codec's."""
    data: dict[str, Any] = json.loads(json.dumps(shown))  # a deep copy, and plain JSON
    del data["buyer"]
    data["lines"] = data.pop("items")
    for prop in [*data["properties"], *(p for line in data["lines"] for p in line["properties"])]:
        del prop["value"]
    for party in data["counterparties"]:
        party["raw"] = [[field["path"], field["value"]] for field in party["raw"]]
    return data


@pytest.mark.parametrize("name", FILES)
def test_the_cli_json_is_the_codecs_object_and_gives_the_order_back(name: str) -> None:
    orders = orders_of(name)
    assert orders
    for order in orders:
        shown = order_json(order)
        assert as_codec(shown) == encode_order(order)
        assert decode_order(as_codec(shown)) == order
        if order.buyer is not None:
            assert shown["buyer"] in shown["counterparties"]


def test_decimals_are_positional_where_the_store_keeps_their_exact_form() -> None:
    (order,) = orders_of("bitrix-2.08-legal-entity.cp1251.xml")
    order = dataclasses.replace(order, total=Decimal("1E+3"))
    assert order_json(order)["total"] == "1000"
    assert encode_order(order)["total"] == "1E+3"
    assert decode_order(as_codec(order_json(order))).total == order.total


def test_a_property_shows_its_values_as_one_text() -> None:
    (order,) = orders_of("bitrix-2.08-legal-entity.cp1251.xml")
    order = dataclasses.replace(
        order, properties=(OrderProperty("Адрес", ("Москва", "", "ул. Льва Толстого")),)
    )
    assert order_json(order)["properties"] == [
        {"name": "Адрес", "values": ["Москва", "", "ул. Льва Толстого"],
         "value": "Москва\nул. Льва Толстого"},
    ]  # fmt: skip


def test_russian_text_is_printed_unescaped() -> None:
    out = io.StringIO()
    write_json(FIXTURES / "bitrix-2.08-legal-entity.cp1251.xml", out)
    text = out.getvalue()
    assert "Кузнецова Ирина Павловна" in text and "Способ доставки" in text
    assert "\\u04" not in text
    (document,) = json.loads(text)["documents"]
    (order,) = orders_of("bitrix-2.08-legal-entity.cp1251.xml")
    assert document == order_json(order)
