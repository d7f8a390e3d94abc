"""An order as the portal exported it.

The portal re-exports an order whenever it is edited, so an order is identified by its
portal `Ид` (and `НомерВерсии` where the portal writes one), never assumed to be new.
Amounts are `Decimal`; a field the portal left out is `None`, not zero.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from desktop_app.domain.counterparty import Counterparty
from desktop_app.domain.units import okei_symbol

DELIVERY_ITEM_ID = "ORDER_DELIVERY"


@dataclass(frozen=True, slots=True)
class OrderProperty:
    """A `ЗначениеРеквизита`: a name and one or more values, kept as the portal wrote them."""

    name: str
    values: tuple[str, ...]

    @property
    def value(self) -> str | None:
        """All values as one text (one per line); None when the property is empty."""
        present = [v for v in self.values if v]
        return "\n".join(present) if present else None


@dataclass(frozen=True, slots=True)
class Tax:
    """A tax of the order or of a line. `rate` stays text: "20", "10", "Без налога"."""

    name: str | None
    rate: str | None
    included: bool | None
    amount: Decimal | None


@dataclass(frozen=True, slots=True)
class Discount:
    name: str | None
    amount: Decimal | None
    percent: Decimal | None
    included: bool | None


@dataclass(frozen=True, slots=True)
class OrderLine:
    """A line of goods or a service (delivery is the service `ORDER_DELIVERY`).

    `vat_amount` and `vat_included` are what the file says of the line's VAT; Bitrix writes
    the VAT of ONE unit there (computed as if included), so do not take it for the line's VAT.

    The unit is kept as the file gives it: `unit` the short name («шт»), `unit_name` the full
    one («Штука»), `unit_code` the ОКЕИ code; any of them may be missing (see `unit_symbol`).
    """

    id: str | None
    sku: str | None
    name: str | None
    unit: str | None
    unit_code: str | None
    quantity: Decimal | None
    price: Decimal | None
    amount: Decimal | None
    vat_rate: str | None
    vat_amount: Decimal | None
    kind: str | None
    vat_included: bool | None = None
    discounts: tuple[Discount, ...] = ()
    properties: tuple[OrderProperty, ...] = ()
    unit_name: str | None = None

    @property
    def is_delivery(self) -> bool:
        return self.id == DELIVERY_ITEM_ID

    @property
    def unit_symbol(self) -> str:
        """What an invoice prints as «Ед.»: the short name, else the ОКЕИ symbol of the code,
        else the full name, else nothing."""
        return self.unit or okei_symbol(self.unit_code) or self.unit_name or ""


@dataclass(frozen=True, slots=True)
class Order:
    id: str
    number: str | None
    version: str | None
    date: dt.date | None
    time: dt.time | None
    operation: str | None
    role: str | None
    currency: str | None
    exchange_rate: Decimal | None
    total: Decimal | None
    comment: str | None
    deleted: bool
    counterparties: tuple[Counterparty, ...] = ()
    taxes: tuple[Tax, ...] = ()
    discounts: tuple[Discount, ...] = ()
    lines: tuple[OrderLine, ...] = ()
    properties: tuple[OrderProperty, ...] = ()

    @property
    def buyer(self) -> Counterparty | None:
        """The counterparty with the role Покупатель, else the first one."""
        for party in self.counterparties:
            if party.is_buyer:
                return party
        return self.counterparties[0] if self.counterparties else None

    def property_value(self, name: str) -> str | None:
        """The value of the first order property with this name, if any."""
        for prop in self.properties:
            if prop.name == name:
                return prop.value
        return None
