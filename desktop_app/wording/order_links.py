"""Where 1C keeps the portal's order, in words for a manager or a 1C administrator.

`domain.order_link` says it with a code (`link.…`) and 1C's own names of the field or the
property, which stay as 1C spells them (`Б_Идентификатор`).
"""

from __future__ import annotations

from desktop_app.wording.catalog import QT_TRANSLATE_NOOP, Table

ORDER_LINKS = Table(
    "order links",
    {
        "link.place/property": QT_TRANSLATE_NOOP("OrderLink", "дополнительном реквизите «{name}»"),
        "link.place/field": QT_TRANSLATE_NOOP("OrderLink", "поле «{field}»"),
        "link.place/unknown": QT_TRANSLATE_NOOP("OrderLink", "неизвестно где"),
        "link.holds/id": QT_TRANSLATE_NOOP("OrderLink", "Ид заказа сайта"),
        "link.holds/number": QT_TRANSLATE_NOOP("OrderLink", "номер заказа сайта"),
        "link.bitrix": QT_TRANSLATE_NOOP(
            "OrderLink",
            "Обмен 1С с сайтом — модуль обмена 1С-Битрикс («Свойства БУС»): {holds} — в {place} "
            "заказа клиента. Заказы новых покупателей приходят с пустым контрагентом.",
        ),
        "link.property": QT_TRANSLATE_NOOP(
            "OrderLink",
            "Обмен 1С с сайтом — стандартный «Обмен с сайтом» УТ 11: {holds} — в {place} заказа "
            "клиента. Этот обмен сам подбирает или создаёт контрагента (партнёр «Неизвестный "
            "партнер») и проводит заказ.",
        ),
        "link.field": QT_TRANSLATE_NOOP(
            "OrderLink",
            "Обмен 1С с сайтом — свой (доработанный) обмен: {holds} — в {place} заказа клиента.",
        ),
        "link.unknown": QT_TRANSLATE_NOOP(
            "OrderLink", "Не известно, где 1С хранит номер заказа сайта."
        ),
    },
)
