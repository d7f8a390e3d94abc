"""The stored form of an order: lossless, deterministic, and complete for every domain field."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from decimal import Decimal
from typing import Any

import pytest

from desktop_app.domain.counterparty import (
    BankAccount,
    Contact,
    Counterparty,
    CounterpartyKind,
    RawField,
    Representative,
)
from desktop_app.domain.order import Discount, Order, OrderLine, OrderProperty, Tax
from desktop_app.emulators.world import World
from desktop_app.store.order_codec import (
    PayloadError,
    content_hash,
    order_from_payload,
    order_to_payload,
    payload_object,
)
from desktop_app.store.revision_diff import changed_fields


def rich_order(**changes: Any) -> Order:
    """An order with every optional field filled, and the awkward values real files carry."""
    buyer = Counterparty(
        id="42#ivanov#Иванов Иван",
        name='ООО "Ромашка & Ко"',
        official_name='Общество с ограниченной ответственностью "Ромашка & Ко"',
        full_name="ООО Ромашка",
        kind=CounterpartyKind.LEGAL,
        role="Покупатель",
        inn="7707083893",
        kpp="773601001",
        okpo="00032537",
        surname="Иванов",
        first_name="Иван",
        patronymic="Иванович",
        legal_address="117997, г. Москва, ул. Вавилова, д. 19",
        registration_address="г. Москва",
        address="г. Москва, ул. Вавилова, 19",
        okved="47.91",
        contacts=(Contact("Телефон рабочий", "+7 495 500-55-50"), Contact("Почта", None)),
        bank_accounts=(
            BankAccount("40702810938000000001", 'ПАО "Сбербанк"', "044525225", None),
            BankAccount(None, None, None, "30101810400000000225"),
        ),
        representatives=(Representative("Контактное лицо", "Петров П.", "7"),),
        raw=(
            RawField("Наименование", " ООО &quot;Ромашка &amp; Ко&quot; "),
            RawField("Контакты/Контакт[1]/Значение", "+7 495 500-55-50"),
            RawField("Контакты/Контакт[2]/Значение", ""),
            RawField("Наименование", "повтор того же пути"),
        ),
    )
    seller = dataclasses.replace(
        buyer, id=None, role="Продавец", kind=CounterpartyKind.UNKNOWN, raw=(), contacts=()
    )
    line = OrderLine(
        id="1024#2048",
        sku="АРТ-1",
        name="Бумага А4",
        unit="шт",
        unit_code="796 ",
        quantity=Decimal("3.000"),
        price=Decimal("1E+3"),
        amount=Decimal("3000.00"),
        vat_rate="20",
        vat_amount=Decimal("166.67"),
        kind="Товар",
        vat_included=True,
        discounts=(Discount("Акция", Decimal("-0.00"), Decimal("5"), False),),
        properties=(OrderProperty("ВидНоменклатуры", ("Товар",)),),
        unit_name="Штука",
    )
    order = Order(
        id="0a1b2c3d-4e5f",
        number="  1001",
        version="17",
        date=dt.date(2025, 12, 31),
        time=dt.time(23, 59, 58),
        operation="Заказ товара",
        role="Продавец",
        currency="руб",
        exchange_rate=Decimal("1.0000"),
        total=Decimal("3000.10"),
        comment='Позвонить до 10:00 <b>срочно</b> "в офис"\nвторая строка',
        deleted=True,
        counterparties=(seller, buyer),
        taxes=(Tax("НДС", "20", True, Decimal("500.02")), Tax(None, None, None, None)),
        discounts=(Discount(None, None, None, None),),
        lines=(line, dataclasses.replace(line, id="ORDER_DELIVERY", kind="Услуга")),
        properties=(
            OrderProperty("Статус заказа", ("[N] Принят",)),
            OrderProperty("Адрес доставки", ("строка 1", "", "строка 3")),
            OrderProperty("Статус заказа", ("второе свойство с тем же именем",)),
            OrderProperty("Пустое", ()),
        ),
    )
    return dataclasses.replace(order, **changes)


def test_a_rich_order_round_trips_exactly() -> None:
    order = rich_order()
    decoded = order_from_payload(order_to_payload(order))
    assert decoded == order
    # Equal decimals can still differ in form; the stored text keeps the form.
    assert str(decoded.lines[0].price) == "1E+3"
    assert str(decoded.lines[0].discounts[0].amount) == "-0.00"
    assert decoded.counterparties[1].raw[0] == RawField(
        "Наименование", " ООО &quot;Ромашка &amp; Ко&quot; "
    )
    assert type(decoded.counterparties[1].raw[0]) is RawField


def test_an_order_with_nothing_optional_round_trips() -> None:
    bare = Order(
        id="1",
        number=None,
        version=None,
        date=None,
        time=None,
        operation=None,
        role=None,
        currency=None,
        exchange_rate=None,
        total=None,
        comment=None,
        deleted=False,
    )
    assert order_from_payload(order_to_payload(bare)) == bare


def test_a_payload_stored_before_the_unit_name_existed_still_reads() -> None:
    document = json.loads(order_to_payload(rich_order()))
    for line in document["order"]["lines"]:
        del line["unit_name"]
    decoded = order_from_payload(json.dumps(document, ensure_ascii=False))
    assert decoded.lines[0].unit_name is None
    assert decoded.lines[0].unit_symbol == "шт"


def test_generated_orders_round_trip() -> None:
    for order in World.generate(seed=1).orders(50):
        assert order_from_payload(order_to_payload(order)) == order


def test_the_payload_is_deterministic_and_hashes_content() -> None:
    first, again = rich_order(), rich_order()
    assert first is not again
    assert order_to_payload(first) == order_to_payload(again)
    assert content_hash(order_to_payload(first)) == content_hash(order_to_payload(again))
    other = rich_order(total=Decimal("3000.1"))  # equal value, different text: a change
    assert content_hash(order_to_payload(other)) != content_hash(order_to_payload(first))
    assert len(content_hash(order_to_payload(first))) == 64


# Where each kind of domain object sits in `rich_order()`: attribute names and indexes.
DOMAIN_PATHS: dict[str, tuple[str | int, ...]] = {
    "Order": (),
    "Counterparty": ("counterparties", 1),
    "Contact": ("counterparties", 1, "contacts", 0),
    "BankAccount": ("counterparties", 1, "bank_accounts", 0),
    "Representative": ("counterparties", 1, "representatives", 0),
    "Tax": ("taxes", 0),
    "OrderLine": ("lines", 0),
    "Discount": ("lines", 0, "discounts", 0),
    "OrderProperty": ("properties", 0),
}


@pytest.mark.parametrize("kind", DOMAIN_PATHS)
def test_every_domain_field_is_written(kind: str) -> None:
    """A field added to the domain must be added to the codec, or this test fails."""
    instance: Any = rich_order()
    written: Any = payload_object(order_to_payload(instance))
    for step in DOMAIN_PATHS[kind]:
        instance = getattr(instance, step) if isinstance(step, str) else instance[step]
        written = written[step]
    assert type(instance).__name__ == kind
    assert set(written) == {field.name for field in dataclasses.fields(instance)}


@pytest.mark.parametrize(
    "text",
    ["", "[]", '{"format": 99, "order": {}}', '{"format": 1, "order": {"id": 5}}', "{not json"],
)
def test_a_damaged_payload_raises_payload_error(text: str) -> None:
    with pytest.raises(PayloadError):
        order_from_payload(text)


def _diff(before: Order, after: Order) -> tuple[str, ...]:
    return changed_fields(
        payload_object(order_to_payload(before)), payload_object(order_to_payload(after))
    )


def test_changed_fields_name_what_a_manager_cares_about() -> None:
    base = rich_order()
    buyer = base.counterparties[1]
    renamed = dataclasses.replace(buyer, inn="7736207543", raw=(*buyer.raw, RawField("ИНН", "1")))
    status = (OrderProperty("Статус заказа", ("[F] Выполнен",)), *base.properties[1:])
    after = dataclasses.replace(
        base,
        total=Decimal("1.00"),
        counterparties=(base.counterparties[0], renamed),
        lines=base.lines[:1],
        properties=status,
    )
    assert _diff(base, after) == (
        "total",
        "buyer.inn",
        "buyer.raw",
        "lines",
        "properties.«Статус заказа»",
    )
    assert _diff(base, base) == ()
    assert changed_fields(None, payload_object(order_to_payload(base))) == ()


def test_changed_fields_of_other_counterparties_and_property_order() -> None:
    base = rich_order()
    seller = dataclasses.replace(base.counterparties[0], name="Другой продавец")
    swapped = (base.properties[1], base.properties[0], *base.properties[2:])
    after = dataclasses.replace(base, counterparties=(seller, base.counterparties[1]))
    assert _diff(base, after) == ("counterparties",)
    assert _diff(base, dataclasses.replace(base, properties=swapped)) == ("properties",)
    assert _diff(base, dataclasses.replace(base, counterparties=())) == ("buyer", "counterparties")


def test_payload_is_plain_json_with_decimals_as_text() -> None:
    document = json.loads(order_to_payload(rich_order()))
    assert document["format"] == 1
    assert document["order"]["total"] == "3000.10"
    assert document["order"]["date"] == "2025-12-31"
    assert document["order"]["counterparties"][1]["kind"] == "legal"
