"""A `Документ` element as a domain `Order`.

Reads the fields of CommerceML 2.03–2.10 and 3.x orders: Bitrix writes `ЦенаЗаЕдиницу` and
`БазоваяЕдиница Код="796"`, 1C's 3.x packages write `Цена` and an `Единица` element whose
`Ид` may carry a trailing space (units: `commerceml_units`). A value that must be exact (an
amount, a date) and cannot be read raises `DocumentProblemError`, so the order is quarantined
instead of entering the queue wrong. Which documents are orders: `commerceml_operations`.
"""

from __future__ import annotations

from desktop_app.adapters.portal.commerceml_counterparty import map_counterparty
from desktop_app.adapters.portal.commerceml_operations import is_order_document, operation_of
from desktop_app.adapters.portal.commerceml_text import (
    DocumentProblemError,
    Element,
    bool_from,
    bool_of,
    children_by_name,
    children_named,
    date_of,
    decimal_from,
    decimal_of,
    local_name,
    text_of,
    texts_by_name,
    time_of,
    unescape_once,
)
from desktop_app.adapters.portal.commerceml_units import NO_UNIT, base_unit_of, line_unit_of
from desktop_app.domain.order import Discount, Order, OrderLine, OrderProperty, Tax

VAT_NAMES = frozenset({"НДС", "VAT"})
KIND_PROPERTY = "ВидНоменклатуры"


def map_order(element: Element, *, line_properties: bool = True) -> Order | None:
    """The order this `Документ` describes; None when it is another kind of document.

    `line_properties=False` keeps of each line's `ЗначенияРеквизитов` only ВидНоменклатуры:
    Bitrix writes five or more technical basket properties per line (catalogue Ид, URL,
    base price…), and a caller that keeps the document's exact bytes anyway need not pay for
    reading them all.
    """
    fields = children_by_name(element)
    if not is_order_document(fields):
        return None
    order_id = text_of(fields.get("Ид"))
    if order_id is None:
        raise DocumentProblemError(
            "missing-id",
            "У документа нет идентификатора (Ид): без него заказ нельзя узнать при повторной "
            "выгрузке, поэтому он отложен.",
        )
    date, time = date_of(fields.get("Дата"), "Дата")
    if "Время" in fields:
        time = time_of(fields["Время"], "Время")
    return Order(
        id=order_id,
        number=text_of(fields.get("Номер")),
        version=text_of(fields.get("НомерВерсии")),
        date=date,
        time=time,
        operation=operation_of(fields),
        role=text_of(fields.get("Роль")),
        currency=text_of(fields.get("Валюта")),
        exchange_rate=decimal_of(fields.get("Курс"), "Курс"),
        total=decimal_of(fields.get("Сумма"), "Сумма"),
        comment=text_of(fields.get("Комментарий")),
        deleted=bool_of(fields.get("ПометкаУдаления")) or False,
        counterparties=tuple(
            map_counterparty(c) for c in children_named(fields.get("Контрагенты"), "Контрагент")
        ),
        taxes=map_taxes(fields.get("Налоги")),
        discounts=map_discounts(fields.get("Скидки")),
        lines=tuple(
            map_line(item, properties=line_properties)
            for item in children_named(fields.get("Товары"), "Товар")
        ),
        properties=map_properties(fields.get("ЗначенияРеквизитов")),
    )


def map_properties(element: Element | None) -> tuple[OrderProperty, ...]:
    """Every `ЗначениеРеквизита`, in order, with all its values (an empty value stays "").

    Written for speed: it runs for the order and for every line (Bitrix gives each line
    five or more basket properties), so tags are compared in their qualified form and the
    text is cleaned inline.
    """
    if element is None:
        return ()
    tag = str(element.tag)
    namespace = tag[: tag.find("}") + 1]
    value_tag, name_tag = namespace + "Значение", namespace + "Наименование"
    props = []
    for item in element:
        name = ""
        values = []
        for child in item:
            child_tag = child.tag
            if child_tag != value_tag and child_tag != name_tag:
                continue
            text = child.text
            text = text.strip() if text else ""
            if "&" in text:
                text = unescape_once(text)
            if child_tag == value_tag:
                values.append(text)
            else:
                name = text
        props.append(OrderProperty(name, tuple(values)))
    return tuple(props)


def map_taxes(element: Element | None, context: str = "Налог") -> tuple[Tax, ...]:
    taxes = []
    for item in children_named(element, "Налог"):
        fields = texts_by_name(item)
        taxes.append(
            Tax(
                name=fields.get("Наименование"),
                rate=fields.get("Ставка"),
                included=bool_from(fields.get("УчтеноВСумме")),
                amount=decimal_from(fields.get("Сумма"), f"{context}/Сумма"),
            )
        )
    return tuple(taxes)


def map_discounts(element: Element | None, context: str = "Скидка") -> tuple[Discount, ...]:
    discounts = []
    for item in children_named(element, "Скидка"):
        fields = texts_by_name(item)
        discounts.append(
            Discount(
                name=fields.get("Наименование"),
                amount=decimal_from(fields.get("Сумма"), f"{context}/Сумма"),
                percent=decimal_from(fields.get("Процент"), f"{context}/Процент"),
                included=bool_from(fields.get("УчтеноВСумме")),
            )
        )
    return tuple(discounts)


def map_line(element: Element, *, properties: bool = True) -> OrderLine:
    """One `Товар`, read in a single pass over its children (this runs for every line)."""
    keep_properties = properties
    line_id = sku = name = None
    base_unit = line_unit = NO_UNIT
    quantity = price = amount = None
    taxes: tuple[Tax, ...] = ()
    rates: Element | None = None
    discounts: tuple[Discount, ...] = ()
    line_props: tuple[OrderProperty, ...] = ()
    for child in element:
        tag = child.tag
        if not isinstance(tag, str):
            continue
        local = local_name(tag)
        if local == "Ид":
            line_id = text_of(child)
        elif local == "Наименование":
            name = text_of(child)
        elif local == "Количество":
            quantity = decimal_of(child, "Товар/Количество")
        elif local == "Сумма":
            amount = decimal_of(child, "Товар/Сумма")
        elif local == "ЦенаЗаЕдиницу" or (local == "Цена" and price is None):
            price = decimal_of(child, f"Товар/{local}")
        elif local == "ЗначенияРеквизитов":
            line_props = map_properties(child) if keep_properties else _kind_only(child)
        elif local == "Налоги":
            taxes = map_taxes(child, "Товар/Налог")
        elif local == "БазоваяЕдиница":
            base_unit = base_unit_of(child)
        elif local == "Единица":
            line_unit = line_unit_of(child)
        elif local == "Артикул":
            sku = text_of(child)
        elif local == "СтавкиНалогов":
            rates = child
        elif local == "Скидки":
            discounts = map_discounts(child, "Товар/Скидка")
    vat = next((t for t in taxes if (t.name or "").upper() in VAT_NAMES), None)
    vat_rate = vat.rate if vat else None
    if vat_rate is None:
        for rate in children_named(rates, "СтавкаНалога"):
            rate_fields = children_by_name(rate)
            if (text_of(rate_fields.get("Наименование")) or "").upper() in VAT_NAMES:
                vat_rate = text_of(rate_fields.get("Ставка"))
                break
    kind = next((p.value for p in line_props if p.name == KIND_PROPERTY), None)
    unit = line_unit.over(base_unit)
    return OrderLine(
        id=line_id,
        sku=sku,
        name=name,
        unit=unit.short,
        unit_code=unit.code,
        unit_name=unit.name,
        quantity=quantity,
        price=price,
        amount=amount,
        vat_rate=vat_rate,
        vat_amount=vat.amount if vat else None,
        kind=kind,
        vat_included=vat.included if vat else None,
        discounts=discounts,
        properties=line_props,
    )


def _kind_only(element: Element) -> tuple[OrderProperty, ...]:
    """Of a line's properties only ВидНоменклатуры (Товар / Услуга); the others are skipped
    unread, value text and all."""
    tag = str(element.tag)
    namespace = tag[: tag.find("}") + 1]
    name_tag, value_tag = namespace + "Наименование", namespace + "Значение"
    for item in element:
        name = item.find(name_tag)
        if name is not None and (name.text or "").strip() == KIND_PROPERTY:
            return (OrderProperty(KIND_PROPERTY, (text_of(item.find(value_tag)) or "",)),)
    return ()
