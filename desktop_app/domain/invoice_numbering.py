"""How an invoice is numbered and dated: the portal's number and date unless set otherwise.

A company whose invoices carry a prefix or the year sets a template (`invoice.number`,
e.g. ``"ИМ-{number}"``); one that dates invoices on the day they are issued sets
`invoice.date` to ``today``. The template can only name the fields below, so a typo is an
error when the setting is made, not a broken invoice later.
"""

from __future__ import annotations

import datetime as dt
import re
import string
from dataclasses import dataclass
from enum import StrEnum

from desktop_app.domain.order import Order
from desktop_app.domain.phrase import PhraseError

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


MAX_WIDTH = 40
"""A field's width or precision in the template: an invoice number is short. Without a bound
`{number:>99999999999999}` is a valid format that asks for a string of 10**14 characters
(MemoryError when the first invoice is made)."""
MAX_TEMPLATE = 200
_SPEC = re.compile(
    r"(?:.?[<>=^])?[-+ ]?z?#?0?(?P<width>\d*)[,_]?(?:\.(?P<precision>\d+))?[a-zA-Z%]?"
)
_SAMPLE = {"number": "000123", "id": "3f2504e0-4f89-11d3-9a0c-0305e82c3301", "year": 2026}


class NumberTemplateError(PhraseError):
    """A number template that names an unknown field or is malformed (`number-template.…`)."""


def check_template(template: str) -> str:
    """The template if it only uses the known fields; otherwise a clear error."""
    try:
        names = [name for _, name, _, _ in string.Formatter().parse(template) if name is not None]
    except ValueError as error:
        raise NumberTemplateError(
            f"шаблон номера «{template}» не разобран: {error}",
            "number-template.unparsed",
            template=template,
            error=str(error),
        ) from None
    unknown = [name for name in names if name not in FIELDS]
    if unknown or not names:
        known = ", ".join(f"{{{name}}}" for name in FIELDS)
        if unknown:
            raise NumberTemplateError(
                f"в шаблоне номера «{template}» нужны поля из списка: {known} (нет поля "
                f"«{unknown[0]}»)",
                "number-template.fields/unknown",
                template=template,
                known=known,
                unknown=unknown[0],
            )
        raise NumberTemplateError(
            f"в шаблоне номера «{template}» нужны поля из списка: {known}",
            "number-template.fields",
            template=template,
            known=known,
        )
    _check_formats(template)
    return template


def _check_formats(template: str) -> None:
    """Each field's format is a plain one with a bounded width, and formats a sample."""
    if len(template) > MAX_TEMPLATE:
        raise NumberTemplateError(
            f"шаблон номера длиннее {MAX_TEMPLATE} знаков",
            "number-template.too-long",
            most=MAX_TEMPLATE,
        )
    for _, name, spec, _ in string.Formatter().parse(template):
        if name is None or not spec:
            continue
        shape = _SPEC.fullmatch(spec)
        if shape is None or "{" in spec:
            raise NumberTemplateError(
                f"формат поля {{{name}}} «{spec}» не разобран",
                "number-template.format",
                name=name,
                spec=spec,
            )
        sizes = [int(size) for size in shape.group("width", "precision") if size]
        if any(size > MAX_WIDTH for size in sizes):
            raise NumberTemplateError(
                f"ширина поля {{{name}}} в шаблоне номера — не больше {MAX_WIDTH} знаков",
                "number-template.width",
                name=name,
                most=MAX_WIDTH,
            )
    try:
        template.format(**_SAMPLE)
    except (ValueError, TypeError):  # e.g. `{number:d}`: the number is text, not an integer
        raise NumberTemplateError(
            f"формат в шаблоне номера «{template}» не подходит к его полям",
            "number-template.mismatch",
            template=template,
        ) from None


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
