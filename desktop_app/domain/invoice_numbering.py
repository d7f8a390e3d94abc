"""How an invoice is numbered and dated: the portal's number and date unless set otherwise.

A company whose invoices carry a prefix or the year sets a template (`invoice.number`,
e.g. ``"ИМ-{number}"``); one that dates invoices on the day they are issued sets
`invoice.date` to ``today``. The template can only name the fields below, so a typo is an
error when the setting is made, not a broken invoice later.
"""

from __future__ import annotations

import datetime as dt
import string
from dataclasses import dataclass
from enum import StrEnum

from desktop_app.domain.order import Order

FIELDS = {
    "number": "номер заказа на портале",
    "id": "Ид заказа на портале",
    "year": "год заказа (или текущий)",
}


class InvoiceDateSource(StrEnum):
    ORDER = "order"
    """The portal order's date (today when the order has none)."""
    TODAY = "today"
    """The day the invoice is made."""


class NumberTemplateError(ValueError):
    """A number template that names an unknown field or is malformed."""


def check_template(template: str) -> str:
    """The template if it only uses the known fields; otherwise a clear error."""
    try:
        names = [name for _, name, _, _ in string.Formatter().parse(template) if name is not None]
    except ValueError as error:
        raise NumberTemplateError(f"шаблон номера «{template}» не разобран: {error}") from None
    unknown = [name for name in names if name not in FIELDS]
    if unknown or not names:
        known = ", ".join(f"{{{name}}}" for name in FIELDS)
        raise NumberTemplateError(
            f"в шаблоне номера «{template}» нужны поля из списка: {known}"
            + (f" (нет поля «{unknown[0]}»)" if unknown else "")
        )
    return template


@dataclass(frozen=True, slots=True)
class InvoiceNumbering:
    number: str = "{number}"
    date: InvoiceDateSource = InvoiceDateSource.ORDER

    def date_for(self, order: Order, today: dt.date) -> dt.date:
        if self.date is InvoiceDateSource.TODAY or order.date is None:
            return today
        return order.date

    def number_for(self, order: Order, today: dt.date) -> str:
        year = (order.date or today).year
        return check_template(self.number).format(
            number=order.number or order.id, id=order.id, year=year
        )
