"""The 1C orders that came from the site, found where the base's exchange keeps them.

GUIDE §5's three setups, one `OrderLink` each (domain/order_link.py):
- a field of Document_ЗаказКлиента (`Б_Идентификатор` of 1C-Bitrix's module, or any field of
  a custom exchange): `$filter=<field> eq '<value>'`;
- an additional attribute (1C's standard "Обмен с сайтом"): the tabular section is its own
  set, `Document_ЗаказКлиента_ДополнительныеРеквизиты`, so its rows are found by
  `Свойство_Key eq guid'…' and Значение eq '…'` and their orders by `Ref_Key`. `Значение` is
  of a composite type: 1C publishes it as two strings, the value and `Значение_Type`
  (chapter 17.4.3); only a row whose type is `Edm.String` holds a number.
Equality on references is fine; `gt`/`lt` on them is not (GUIDE §5), so nothing here orders
or pages by a reference of its own: `since` pages by keyset over `Number`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from desktop_app.adapters.onec.odata_client import JsonObject, ODataClient
from desktop_app.adapters.onec.odata_filter import Field, Guid
from desktop_app.adapters.onec.odata_query import Query
from desktop_app.adapters.onec.onec_rows import (
    CUSTOMER_ORDERS,
    KEY,
    NAME,
    ORDER_FIELDS,
    customer_order_from,
)
from desktop_app.domain.onec_documents import OneCCustomerOrder
from desktop_app.domain.order_link import LinkKind, OrderLink

ORDER_PROPERTIES = "Document_ЗаказКлиента_ДополнительныеРеквизиты"
PROPERTIES_SECTION = "ДополнительныеРеквизиты"
PROPERTY_KINDS = "ChartOfCharacteristicTypes_ДополнительныеРеквизитыИСведения"
STRING_TYPE = "Edm.String"
OTHER_FIELDS = ("НомерПоДаннымКлиента", "Комментарий")
"""Where custom exchanges are seen to put the site's number (GUIDE §5)."""
TITLE = "Заголовок"
"""An additional attribute's title, as 1C's users see it."""
Candidate = tuple[str, str]
"""A place that may hold the site's key: ("field", name) or ("property", Свойство_Key)."""
PAGING_FIELD = "Number"
"""Documents page by keyset over their number, a limited-length string 1C indexes (not by
`Ref_Key`, which a live base refuses to compare: odata_paging)."""


@dataclass(frozen=True, slots=True)
class SiteOrder:
    """A 1C order and the portal's number (or `Ид`) it carries."""

    order: OneCCustomerOrder
    site_key: str


def property_value(rows: list[JsonObject], property_key: str) -> str | None:
    """The string value of the additional attribute `property_key` among a section's rows."""
    for row in rows:
        if str(row.get("Свойство_Key") or "").lower() != property_key.lower():
            continue
        if row.get("Значение_Type") == STRING_TYPE:
            value = str(row.get("Значение") or "").strip()
            return value or None
    return None


class SiteOrders:
    """Reads of the 1C orders made from site orders, in one setup."""

    def __init__(self, client: ODataClient, link: OrderLink) -> None:
        if not link.known:
            raise ValueError("the order link is not known: nothing to look for")
        self.client = client
        self.link = link

    def find(self, site_key: str) -> list[OneCCustomerOrder]:
        """Every 1C order carrying this portal number (or `Ид`), marked for deletion or not."""
        if not site_key:
            return []
        if self.link.kind is not LinkKind.PROPERTY:
            query = Query(CUSTOMER_ORDERS).select(*ORDER_FIELDS)
            rows = self.client.rows(query.filter(Field(self.link.field).eq(site_key)))
            return [customer_order_from(row) for row in rows]
        condition = Field("Свойство_Key").eq(Guid(self.link.property_key)) & Field("Значение").eq(
            site_key
        )
        lines = Query(ORDER_PROPERTIES).select("Ref_Key", "Свойство_Key", "Значение",
                                               "Значение_Type")  # fmt: skip
        found = self.client.rows(lines.filter(condition))
        refs = sorted({str(r["Ref_Key"]) for r in found
                       if property_value([r], self.link.property_key) == site_key})  # fmt: skip
        if not refs:
            return []
        orders = Query(CUSTOMER_ORDERS).select(*ORDER_FIELDS)
        rows = self.client.find_in(orders, "Ref_Key", [Guid(ref) for ref in refs])
        return [customer_order_from(row) for row in rows]

    def since(self, moment: dt.datetime) -> Iterator[SiteOrder]:
        """The 1C orders dated from `moment` on that came from the site, with the portal
        number (or `Ид`) each carries — including orders the app never received."""
        condition = Field("Date").ge(moment)
        if self.link.kind is LinkKind.PROPERTY:
            query = Query(CUSTOMER_ORDERS).select(*ORDER_FIELDS, PROPERTIES_SECTION)
            for page in self.client.pages(query.filter(condition), PAGING_FIELD):
                for row in page:
                    lines = row.get(PROPERTIES_SECTION) or []
                    key = property_value(lines, self.link.property_key)
                    if key:
                        yield SiteOrder(customer_order_from(row), key)
            return
        field = self.link.field
        query = Query(CUSTOMER_ORDERS).select(*dict.fromkeys((*ORDER_FIELDS, field)))
        for page in self.client.pages(query.filter(condition & Field(field).ne("")), PAGING_FIELD):
            for row in page:
                key = str(row.get(field) or "").strip()
                if key:
                    yield SiteOrder(customer_order_from(row), key)


def site_orders_since(client: ODataClient, link: OrderLink, moment: dt.datetime) -> list[SiteOrder]:
    """The 1C orders from the site dated from `moment` on (see `SiteOrders.since`)."""
    return list(SiteOrders(client, link).since(moment))


def latest_places(
    client: ODataClient, fields: list[str], sections: bool, sample: int
) -> list[set[tuple[Candidate, str]]]:
    """For each of 1C's `sample` latest orders, every place among `fields` (and the
    additional attributes, when `sections`) that holds a value, with that value."""
    query = Query(CUSTOMER_ORDERS).select(KEY, "Date", *fields,
                                          *([PROPERTIES_SECTION] if sections else []))  # fmt: skip
    rows = client.rows(query.orderby("Date desc").top(sample))
    return [_places(row, fields, sections) for row in rows]


def _places(row: JsonObject, fields: list[str], sections: bool) -> set[tuple[Candidate, str]]:
    """Each candidate place of one order with its value (once per order)."""
    found: set[tuple[Candidate, str]] = set()
    for name in fields:
        value = str(row.get(name) or "").strip()
        if value:
            found.add((("field", name), value))
    if sections:
        for line in row.get(PROPERTIES_SECTION) or []:
            value = str(line.get("Значение") or "").strip()
            if line.get("Значение_Type") == STRING_TYPE and value:
                found.add((("property", str(line.get("Свойство_Key") or "").lower()), value))
    return found


def property_title(client: ODataClient, key: str) -> str:
    """The additional attribute's title (else its name); empty when 1C has none."""
    row = client.get(PROPERTY_KINDS, key, (KEY, NAME, TITLE)) or {}
    return str(row.get(TITLE) or row.get(NAME) or "").strip()
