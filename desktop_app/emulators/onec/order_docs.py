"""Document_ЗаказКлиента made from a portal order, as 1C's own site exchange imports it.

GUIDE §1: 1C does not create counterparties from site data, so an order from a legal
entity 1C does not know arrives with an empty `Контрагент_Key` and `Партнер_Key`, waiting
for a manager; an order from a known buyer is filled. `НомерПоДаннымКлиента` holds the
site's order number (where it usually lands, GUIDE §5), `СуммаДокумента` the total, `Date`
the moment of the order on the site. Field names and the number format (`0000-000001`)
follow the real Document_ЗаказКлиента of kilylabs/odata-1c issue 4.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
from dataclasses import dataclass
from decimal import Decimal

from desktop_app.domain.money import to_money
from desktop_app.domain.order import Order, OrderLine
from desktop_app.emulators.onec import refs, seed_records, values
from desktop_app.emulators.onec.schema import GOODS_ROW, ORDER_SET
from desktop_app.emulators.onec.seed import KnownBuyer
from desktop_app.emulators.onec.seed_records import Row

_PRODUCTS_START = refs.ticks(dt.datetime(2019, 2, 1))


@dataclass(frozen=True, slots=True)
class Placement:
    """Where and when the document is made, and who is on it."""

    ref: str
    number: int
    organization: str
    buyer: KnownBuyer | None
    version: int


def product_ref(item_id: str | None) -> str:
    """The Catalog_Номенклатура reference of a site product (1C matched it by its Ид)."""
    digest = hashlib.blake2b((item_id or "").encode("utf-8"), digest_size=8).digest()
    return refs.ref_from_ticks(_PRODUCTS_START + int.from_bytes(digest, "big") % 10**14)


def document_number(number: int) -> str:
    return f"0000-{number:06d}"


def order_document(order: Order, place: Placement) -> Row:
    rng = random.Random(f"{order.id}:{place.number}")  # noqa: S311 - reproducible test data
    moment = dt.datetime.combine(order.date or dt.date(2026, 1, 1), order.time or dt.time())
    known = place.buyer
    posted = known is not None and rng.random() < 0.7
    included = bool(order.taxes and order.taxes[0].included)
    row = seed_records.blank(ORDER_SET)
    comment = f"Заказ с сайта № {order.number}"
    if order.comment:
        comment += f". {order.comment}"
    row.update(
        {
            "Ref_Key": place.ref,
            "DataVersion": refs.data_version(place.version),
            "Number": document_number(place.number),
            "Date": values.format_datetime(moment),
            "Posted": posted,
            "Организация_Key": place.organization,
            "Партнер_Key": known.partner if known else refs.EMPTY_REF,
            "Контрагент_Key": known.counterparty if known else refs.EMPTY_REF,
            "Соглашение_Key": seed_records.AGREEMENT_STANDARD,
            "Валюта_Key": seed_records.CURRENCY_RUB,
            "СуммаДокумента": values.number(order.total or 0),
            "ЦенаВключаетНДС": included,
            "Склад_Key": seed_records.WAREHOUSE_MAIN,
            "Менеджер_Key": known.manager if known else seed_records.MANAGERS[0],
            "ЖелаемаяДатаОтгрузки": values.format_datetime(moment.date() + dt.timedelta(days=2)),
            "НомерПоДаннымКлиента": order.number or "",
            "ДатаПоДаннымКлиента": values.format_datetime(moment),
            "Статус": rng.choice(("КОбеспечению", "КОтгрузке")) if posted else "НеСогласован",
            "ХозяйственнаяОперация": "РеализацияКлиенту",
            "Согласован": posted,
            "Комментарий": comment,
        }
    )
    row["Товары"] = [
        _goods_row(place.ref, number, line, included, moment)
        for number, line in enumerate(order.lines, start=1)
    ]
    return row


def _goods_row(ref: str, number: int, line: OrderLine, included: bool, moment: dt.datetime) -> Row:
    quantity = line.quantity or Decimal(0)
    amount = to_money(line.amount or Decimal(0))
    rate = Decimal(line.vat_rate) if line.vat_rate and line.vat_rate.isdigit() else None
    vat = Decimal(0)
    if rate is not None:
        vat = to_money(amount * rate / (100 + rate)) if included else to_money(amount * rate / 100)
    with_vat = amount if included else amount + vat
    return seed_records.row_of(
        GOODS_ROW,
        ref,
        number,
        Номенклатура_Key=product_ref(line.id),
        КоличествоУпаковок=values.number(quantity),
        Количество=values.number(quantity),
        ВидЦены_Key=seed_records.PRICE_KIND_WHOLESALE,
        Цена=values.number(line.price or 0),
        Сумма=values.number(amount),
        СтавкаНДС_Key=seed_records.VAT_RATES.get(line.vat_rate or "", seed_records.VAT_RATES[""]),
        СуммаНДС=values.number(vat),
        СуммаСНДС=values.number(with_vat),
        Склад_Key=seed_records.WAREHOUSE_MAIN,
        ДатаОтгрузки=values.format_datetime(moment.date() + dt.timedelta(days=2)),
        КодСтроки=str(number),
    )
