"""A `Товар` as `CSaleExport::getXmlBasketItems` and `getOrderDeliveryItem` print it.

Goods lines: Ид (product or "product#offer"), ИдКаталога, name, unit (2.05: `БазоваяЕдиница`
with attributes; later: an `Единица` element and `Коэффициент`), the per-unit discount,
price and quantity from the database (four places), the amount PHP computed, the basket
properties, and — for a positive VAT rate — `СтавкиНалогов` and `Налоги`. The delivery line
`ORDER_DELIVERY` has no catalogue id, quantity "1" and the stored delivery price as its sum.

The product part of a line (ids, name, unit) is the same in every order, so it is cached.
"""

from __future__ import annotations

import functools
from decimal import Decimal, InvalidOperation

from desktop_app.domain.money import to_money
from desktop_app.domain.order import OrderLine, OrderProperty
from desktop_app.emulators.bitrix_text import (
    Out,
    flag,
    php_float,
    render_discounts,
    render_properties,
    stored_decimal,
    text,
)
from desktop_app.emulators.world_goods import UNITS_BY_CODE

CATALOG_ID_PROPERTY = "СвойствоКорзины#CATALOG.XML_ID"
_P4, _P5, _P6 = "        ", "          ", "            "


@functools.lru_cache(maxsize=4096)
def _head(
    item_id: str, catalog: str | None, name: str, code: str | None, unit: str | None, version: str
) -> str:
    parts = [f"      <Товар>\n{_P4}<Ид>{text(item_id)}</Ид>\n"]
    if catalog:
        parts.append(f"{_P4}<ИдКаталога>{text(catalog)}</ИдКаталога>\n")
    parts.append(f"{_P4}<Наименование>{text(name)}</Наименование>\n")
    known = UNITS_BY_CODE.get((code or "796").strip())
    title = known.title if known else (unit or "")
    if version == "2.05":
        intl = known.international if known else ""
        parts.append(
            f'{_P4}<БазоваяЕдиница Код="{text(code or "796")}" НаименованиеПолное="{text(title)}"'
            f' МеждународноеСокращение="{intl}">{text(unit or "")}</БазоваяЕдиница>\n'
        )
    else:
        parts.append(
            f"{_P4}<Единица>\n{_P5}<Код>{text(code or '796')}</Код>\n"
            f"{_P5}<НаименованиеПолное>{text(title)}</НаименованиеПолное>\n{_P4}</Единица>\n"
            f"{_P4}<Коэффициент>1</Коэффициент>\n"
        )
    return "".join(parts)


@functools.lru_cache(maxsize=64)
def _rate(value: str | None) -> Decimal | None:
    """A positive numeric VAT rate; "Без налога", "0" and nonsense mean no tax element."""
    try:
        rate = Decimal((value or "").strip().rstrip("%"))
    except InvalidOperation:
        return None
    return rate if rate.is_finite() and rate > 0 else None


@functools.lru_cache(maxsize=64)
def _tax_opening(rate: Decimal, included: bool) -> str:
    return (
        f"{_P4}<СтавкиНалогов>\n{_P5}<СтавкаНалога>\n{_P6}<Наименование>НДС</Наименование>\n"
        f"{_P6}<Ставка>{php_float(rate)}</Ставка>\n{_P5}</СтавкаНалога>\n{_P4}</СтавкиНалогов>\n"
        f"{_P4}<Налоги>\n{_P5}<Налог>\n{_P6}<Наименование>НДС</Наименование>\n"
        f"{_P6}<УчтеноВСумме>{flag(included)}</УчтеноВСумме>\n{_P6}<Сумма>"
    )


_TAX_CLOSING = f"</Сумма>\n{_P5}</Налог>\n{_P4}</Налоги>\n"


def render_line(out: Out, line: OrderLine, version: str, vat_included: bool) -> None:
    delivery = line.is_delivery
    catalog = None
    if not delivery:
        catalog = next((p.value for p in line.properties if p.name == CATALOG_ID_PROPERTY), None)
    out.append(_head(line.id or "", catalog, line.name or "", line.unit_code, line.unit, version))
    if not delivery:
        render_discounts(out, 4, line.discounts, "Скидка на товар", included=True)
    if delivery:  # Bitrix echoes the stored delivery price and a literal 1
        quantity, amount = php_float(line.quantity or Decimal(1)), stored_decimal(line.amount)
    else:
        quantity, amount = stored_decimal(line.quantity), php_float(line.amount)
    out.append(
        f"{_P4}<ЦенаЗаЕдиницу>{stored_decimal(line.price)}</ЦенаЗаЕдиницу>\n"
        f"{_P4}<Количество>{quantity}</Количество>\n{_P4}<Сумма>{amount}</Сумма>\n"
    )
    properties = line.properties
    if line.kind and not any(p.name == "ВидНоменклатуры" for p in properties):
        kinds = (OrderProperty("ВидНоменклатуры", (line.kind,)),)
        properties = (*kinds, OrderProperty("ТипНоменклатуры", (line.kind,)), *properties)
    render_properties(out, 4, properties)
    rate = _rate(line.vat_rate)
    if rate:
        vat = line.vat_amount
        if vat is None and line.price is not None:  # Bitrix: roundEx(PRICE / (1 + r) * r, 2)
            vat = to_money(line.price / (1 + rate / 100) * rate / 100)
        out += (_tax_opening(rate, vat_included), php_float(vat), _TAX_CLOSING)
    out.append("      </Товар>\n")
