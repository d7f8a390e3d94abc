"""Which `Документ` of an exchange file is an order: its `ХозОперация` says.

From schema 2.10 on, Bitrix writes each order's payments and shipments as documents of their
own right after it (in 3.x all three share one `Контейнер`), and they carry the order's
`Контрагенты` too (`CSaleExport::OutputXmlDocument`, modules/sale/general/export.php). Their
operation texts come from the sale module's language file (lang/ru/general/export.php):
«Выплата безналичных денег», «Выплата наличных денег», «Эквайринговая операция» (payments by
pay-system type N / Y / A) and «Отпуск товара» (a shipment, also a removed one, written with
an empty `Контрагенты`). An order is «Заказ товара». The schemas (ХозОперацияТип, 2.08 and
2.10) list the same words, and their documentation spells them run together
(«ЗаказТовара»), so spaces, hyphens and case do not count.

A Ukrainian-language site writes the operation under the tag `ГоспОперація`
(lang/ua/general/export.php), everything else in Russian; it is read the same way.

A document without any operation is taken for an order when it carries counterparties, as
before: the manager must see a buyer rather than lose it. Every other document is skipped
and counted, neither stored nor quarantined.
"""

from __future__ import annotations

import re

from desktop_app.adapters.portal.commerceml_text import Element, text_of

ORDER_OPERATION = "Заказ товара"
OPERATION_TAGS = ("ХозОперация", "ГоспОперація")
_NOT_WORD = re.compile(r"[\s\-]+")


def folded(operation: str) -> str:
    """«Заказ товара», «ЗаказТовара», «заказ  товара» → one comparable form."""
    return _NOT_WORD.sub("", operation).casefold()


_ORDER = folded(ORDER_OPERATION)


def operation_of(fields: dict[str, Element]) -> str | None:
    """The document's operation text, under whichever tag the site's language uses."""
    for tag in OPERATION_TAGS:
        value = text_of(fields.get(tag))
        if value is not None:
            return value
    return None


def is_order_document(fields: dict[str, Element]) -> bool:
    """«Заказ товара»; or no operation at all but counterparties (the manager must see those)."""
    operation = operation_of(fields)
    if operation is None:
        return "Контрагенты" in fields
    return folded(operation) == _ORDER
