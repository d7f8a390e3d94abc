"""Turning a drafted basket (buyer, products, quantities) into the order Bitrix would export.

Here live the parts of `CSaleExport` that are arithmetic or bookkeeping rather than layout:
basket lines with their discount and VAT by the order's date and mode (included, on top,
none), the delivery line and the rule for taxing it, the status with its dates, and the order
properties in the order the sale module writes them.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import random
import uuid
from dataclasses import dataclass
from decimal import Decimal
from typing import NamedTuple

from desktop_app.domain.money import to_money
from desktop_app.domain.order import (
    DELIVERY_ITEM_ID,
    Discount,
    Order,
    OrderLine,
    OrderProperty,
    Tax,
)
from desktop_app.emulators import world_goods as goods
from desktop_app.emulators.world_buyers import Buyer, PayerType

VAT_22_FROM = dt.date(2026, 1, 1)  # Federal Law 425-ФЗ; 10 % stays for listed goods
SITE = "[s1] Оптовый портал ТД «Снабжение»"
DELIVERY_NAME = "Доставка заказа"
GOODS_KIND = (
    OrderProperty("ВидНоменклатуры", ("Товар",)),
    OrderProperty("ТипНоменклатуры", ("Товар",)),
)
SERVICE_KIND = (
    OrderProperty("ВидНоменклатуры", ("Услуга",)),
    OrderProperty("ТипНоменклатуры", ("Услуга",)),
)
STATUSES = {"N": "Принят", "P": "Оплачен, формируется к отправке", "F": "Выполнен"}
VAT_MODES = ("included", "on_top", "none")
VAT_MODE_CUM_WEIGHTS = tuple(itertools.accumulate((82, 12, 6)))
COMPANY_DELIVERY_CUM_WEIGHTS = tuple(itertools.accumulate((30, 20, 20, 10, 20)))
PERSON_DELIVERY_CUM_WEIGHTS = tuple(itertools.accumulate((40, 60, 0, 0, 0)))
ONE = Decimal(1)
HUNDRED = Decimal(100)
RATES = {text: Decimal(text) / HUNDRED for text in ("10", "20", "22")}


@dataclass(frozen=True, slots=True)
class Product:
    goods: goods.Goods
    xml_id: str  # Bitrix PRODUCT_XML_ID: "product" or "product#offer"
    price: Decimal  # catalogue price
    quantity_range: tuple[int, int, int]  # arguments of `randrange` for a wholesale quantity
    properties: tuple[OrderProperty, ...]  # the basket properties Bitrix adds for it


class BasketItem(NamedTuple):
    product: Product
    quantity: Decimal
    discount_percent: int  # 0 for none


class OrderDraft(NamedTuple):
    order_id: int
    moment: dt.datetime
    buyer: Buyer
    items: tuple[BasketItem, ...]  # sorted by name, as Bitrix selects the basket


def random_uuid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def make_product(rng: random.Random, item: goods.Goods, catalog_id: str) -> Product:
    xml_id = random_uuid(rng)
    if item.has_offers:
        xml_id = f"{xml_id}#{random_uuid(rng)}"
    low, high = item.price
    price = Decimal(rng.randint(low * 100, high * 100)) / HUNDRED
    basket = (
        OrderProperty("СвойствоКорзины#CATALOG.XML_ID", (catalog_id,)),
        OrderProperty("СвойствоКорзины#PRODUCT.XML_ID", (xml_id,)),
    )
    q_low, q_high, q_step = item.quantity
    return Product(item, xml_id, price, (q_low, q_high + 1, q_step), basket)


def bitrix_datetime(moment: dt.datetime) -> str:
    """Bitrix's 'd.m.Y H:i:s', used for the dates among the order properties below 2.10."""
    m = moment
    return f"{m.day:02d}.{m.month:02d}.{m.year} {m.hour:02d}:{m.minute:02d}:{m.second:02d}"


@functools.lru_cache(maxsize=4096)
def _unit_vat(price: Decimal, rate: Decimal) -> tuple[Decimal, Decimal]:
    """Bitrix's VAT of one unit, computed as if the price included it, whatever the mode."""
    exact = price / (ONE + rate) * rate
    return exact, to_money(exact)


def build_order(rng: random.Random, draft: OrderDraft) -> Order:
    general = "22" if draft.moment.date() >= VAT_22_FROM else "20"
    mode = rng.choices(VAT_MODES, cum_weights=VAT_MODE_CUM_WEIGHTS)[0]
    lines: list[OrderLine] = []
    goods_sum = vat_sum = on_top = Decimal(0)
    last_rate: Decimal | None = None
    for index, item in enumerate(draft.items):
        price, quantity = item.product.price, item.quantity
        off = Decimal(0)
        if item.discount_percent:
            off = to_money(price * item.discount_percent / HUNDRED)
            price -= off
        amount = price * quantity  # Bitrix writes PRICE * QUANTITY unrounded
        goods_sum += amount
        rate_text: str | None = None
        unit_vat: Decimal | None = None
        if mode != "none":
            rate_text = "10" if item.product.goods.vat == "10" else general
            rate = RATES[rate_text]
            exact, unit_vat = _unit_vat(price, rate)
            vat_sum += to_money(exact * quantity)
            if mode == "on_top":
                on_top += to_money(amount * rate)
            last_rate = rate
        basket_id = 300 + draft.order_id * 8 + index
        lines.append(_goods_line(item, price, amount, off, rate_text, unit_vat, basket_id))
    order_tax = vat_sum if mode == "included" else on_top
    delivery_id, delivery_name, delivery = _delivery(rng, draft.buyer)
    if delivery:
        delivery_tax: Decimal | None = None
        if last_rate is not None:
            delivery_tax = to_money(delivery / (ONE + last_rate) * last_rate)
            order_tax += delivery_tax if mode == "included" else to_money(delivery * last_rate)
        taxed = delivery_tax is not None and order_tax == vat_sum + delivery_tax
        lines.append(_delivery_line(delivery, last_rate if taxed else None, delivery_tax))
    taxes: tuple[Tax, ...] = ()
    if mode != "none":
        taxes = (Tax(name="НДС", rate=None, included=mode == "included", amount=order_tax),)
    total = goods_sum + delivery + (order_tax if mode == "on_top" else 0)
    comment = rng.choice(goods.MANAGER_COMMENTS) if rng.random() < 0.05 else None
    return Order(
        id=str(draft.order_id),
        number=str(draft.order_id),
        version=str(rng.randint(1, 4)),
        date=draft.moment.date(),
        time=draft.moment.time(),
        operation="Заказ товара",
        role="Продавец",
        currency="руб",
        exchange_rate=ONE,
        total=total,
        comment=comment,
        deleted=False,
        counterparties=(draft.buyer.counterparty,),
        taxes=taxes,
        lines=tuple(lines),
        properties=_properties(rng, draft, delivery_id, delivery_name),
    )


def _goods_line(
    item: BasketItem,
    price: Decimal,
    amount: Decimal,
    off: Decimal,
    rate: str | None,
    unit_vat: Decimal | None,
    basket_id: int,
) -> OrderLine:
    product = item.product
    discounts = (Discount("Скидка на товар", off, None, True),) if off else ()
    position = OrderProperty("НомерПозицииКорзины", (str(basket_id % 100_000),))
    return OrderLine(
        id=product.xml_id,
        sku=None,  # Bitrix's order export has no Артикул element
        name=product.goods.name,
        unit=product.goods.unit.symbol,
        unit_code=product.goods.unit.code,
        quantity=item.quantity,
        price=price,
        amount=amount,
        vat_rate=rate,
        vat_amount=unit_vat,
        kind="Товар",
        discounts=discounts,
        properties=(*GOODS_KIND, position, *product.properties),
    )


def _delivery(rng: random.Random, buyer: Buyer) -> tuple[str, str, Decimal]:
    person = buyer.payer_type is PayerType.PERSON
    weights = PERSON_DELIVERY_CUM_WEIGHTS if person else COMPANY_DELIVERY_CUM_WEIGHTS
    delivery_id, name, (low, high) = rng.choices(goods.DELIVERIES, cum_weights=weights)[0]
    price = Decimal(rng.randrange(low, high + 1, 50)) if high else Decimal(0)
    return delivery_id, name, price


def _delivery_line(price: Decimal, rate: Decimal | None, tax: Decimal | None) -> OrderLine:
    return OrderLine(
        id=DELIVERY_ITEM_ID,
        sku=None,
        name=DELIVERY_NAME,
        unit=goods.PIECE.symbol,
        unit_code=goods.PIECE.code,
        quantity=ONE,
        price=price,
        amount=price,
        vat_rate=None if rate is None else str(int(rate * HUNDRED)),
        vat_amount=None if rate is None else tax,
        kind="Услуга",
        properties=SERVICE_KIND,
    )


@functools.lru_cache(maxsize=8192)
def _prop(name: str, value: str) -> OrderProperty:
    return OrderProperty(name, (value,))


def _flag(value: bool) -> str:
    return "true" if value else "false"


def _properties(
    rng: random.Random, draft: OrderDraft, delivery_id: str, delivery_name: str
) -> tuple[OrderProperty, ...]:
    """The sale module's order properties, in its order, then the payer type's own ones."""
    moment, buyer = draft.moment, draft.buyer
    roll = rng.random()
    status = "F" if roll < 0.06 else "P" if roll < 0.19 else "N"
    canceled = status == "N" and rng.random() < 0.04
    paid = status != "N"
    allowed = status == "F" or (paid and rng.random() < 0.5)
    changed = moment
    if status != "N":
        changed += dt.timedelta(minutes=rng.randint(30, 60 * 24 * (8 if status == "F" else 2)))
    out: list[OrderProperty] = []
    if paid:
        out.append(_prop("Дата оплаты", bitrix_datetime(changed - dt.timedelta(minutes=20))))
    if allowed:
        out.append(_prop("Дата разрешения доставки", bitrix_datetime(changed)))
    payments: tuple[tuple[str, str], ...] | None = None
    if buyer.payer_type is PayerType.PERSON:
        payments = goods.PERSON_PAYMENTS
    if payments is None:
        payments = goods.COMPANY_PAYMENTS[:1] if rng.random() < 0.9 else goods.COMPANY_PAYMENTS
    pay_id, pay_name = rng.choice(payments)
    out += [_prop("Способ доставки", delivery_name), _prop("Метод доставки ИД", delivery_id)]
    out += [_prop("Метод оплаты", pay_name), _prop("Метод оплаты ИД", pay_id)]
    out += [_prop("Заказ оплачен", _flag(paid)), _prop("Доставка разрешена", _flag(allowed))]
    out += [_prop("Отменен", _flag(canceled)), _prop("Финальный статус", _flag(status == "F"))]
    out += [
        _prop("Статус заказа", f"[{status}] {STATUSES[status]}"),
        _prop("Статуса заказа ИД", status),
    ]
    if canceled:
        changed = moment + dt.timedelta(minutes=rng.randint(5, 600))
        out.append(_prop("Дата отмены заказа", bitrix_datetime(changed)))
        out.append(_prop("Причина отмены", rng.choice(goods.CANCEL_REASONS)))
    out.append(_prop("Дата изменения статуса", bitrix_datetime(changed)))
    if rng.random() < 0.22:
        out.append(_prop("Комментарии покупателя", rng.choice(goods.BUYER_COMMENTS)))
    out.append(_prop("Сайт", SITE))
    out += buyer.order_properties
    party = buyer.counterparty
    address = party.address or party.legal_address or party.registration_address
    if address:
        out.append(_prop("Адрес доставки", address))
    return tuple(out)
