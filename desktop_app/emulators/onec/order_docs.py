"""Document_ЗаказКлиента made from a portal order, as the base's site exchange imports it.

Where the portal's order is kept depends on the exchange (GUIDE §5, `ExchangeSetup`):
- 1C-Bitrix's module: `Б_Идентификатор` = the site's `Ид`, `Б_НомерВерсии`, `Б_ДатаДокумента`
  (the field names of a live УТ 11 with the module: reference `$metadata` excerpt, and a
  public model of Document_ЗаказКлиента); the counterparty of a buyer 1C does not know stays
  empty (GUIDE §1: 1C does not create counterparties from site data);
- 1C's standard "Обмен с сайтом": ОбменССайтамиУТ.ЗаполнитьНомерИДатуЗаказаДополнительныеРеквизиты
  adds two `ДополнительныеРеквизиты` rows, the date first (`Значение` = the site's date and
  time) then the number (`Значение` = `СокрЛП(Номер)`); ОбменССайтомПереопределяемый.ЗаполнитьЗаказ
  puts the exchange's counterparty and its partner on the order, status «НеСогласован»
  without a status map, the comment «Комментарий менеджера на сайте: …», and
  `СкидкиРассчитаны`; ОбменССайтом.ЗагрузитьЗаказы then posts every order it loaded;
- a custom exchange: `НомерПоДаннымКлиента` holds the site's number, the counterparty of an
  unknown buyer stays empty.
`Date` is the moment of the order on the site (ЗаполнитьЗаказ: `Дата = РеквизитыЗаказа.Дата`).
Field names and the number format (`0000-000001`) follow the real Document_ЗаказКлиента of
kilylabs/odata-1c issue 4.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
from dataclasses import dataclass
from decimal import Decimal

from desktop_app.domain.money import to_money
from desktop_app.domain.order import Order, OrderLine
from desktop_app.emulators.exchange_setup import ExchangeSetup
from desktop_app.emulators.onec import refs, seed_records, values
from desktop_app.emulators.onec.schema import (
    BITRIX_MODULE_PROPS,
    GOODS_ROW,
    ORDER_PROPERTY_ROW,
    ORDER_SET,
)
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
    setup: ExchangeSetup = ExchangeSetup.CUSTOM


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
    site = place.setup is ExchangeSetup.SITE_EXCHANGE
    posted = posted or site
    included = bool(order.taxes and order.taxes[0].included)
    row = seed_records.blank(ORDER_SET)
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
            "Статус": rng.choice(("КОбеспечению", "КОтгрузке"))
            if posted and not site
            else "НеСогласован",
            "ХозяйственнаяОперация": "РеализацияКлиенту",
            "Согласован": posted and not site,
            "СкидкиРассчитаны": True,
        }
    )
    _where_the_site_order_is(row, order, place, moment)
    row["Товары"] = [
        _goods_row(place.ref, number, line, included, moment)
        for number, line in enumerate(order.lines, start=1)
    ]
    return row


def _where_the_site_order_is(row: Row, order: Order, place: Placement, moment: dt.datetime) -> None:
    """The setup's own fields (see the module docstring)."""
    if place.setup is ExchangeSetup.BITRIX_MODULE:
        row["Б_Идентификатор"] = order.id or ""
        row["Б_НомерВерсии"] = order.version or ""
        row["Б_ДатаДокумента"] = values.format_datetime(moment)
        row["Комментарий"] = order.comment or ""
        return
    for name in BITRIX_MODULE_PROPS:  # a base without the module has no such attributes
        row.pop(name, None)
    if place.setup is ExchangeSetup.CUSTOM:
        comment = f"Заказ с сайта № {order.number}"
        row["Комментарий"] = f"{comment}. {order.comment}" if order.comment else comment
        row["НомерПоДаннымКлиента"] = order.number or ""
        row["ДатаПоДаннымКлиента"] = values.format_datetime(moment)
        return
    if order.comment:
        row["Комментарий"] = f"Комментарий менеджера на сайте: {order.comment}"
    row["ДополнительныеРеквизиты"] = [
        seed_records.row_of(
            ORDER_PROPERTY_ROW, place.ref, 1, Свойство_Key=seed_records.SITE_DATE_PROPERTY,
            Значение=values.format_datetime(moment), Значение_Type="Edm.DateTime",
        ),
        seed_records.row_of(
            ORDER_PROPERTY_ROW, place.ref, 2, Свойство_Key=seed_records.SITE_NUMBER_PROPERTY,
            Значение=(order.number or "").strip(), Значение_Type="Edm.String",
        ),
    ]  # fmt: skip


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
