"""1C objects around a decision: the seller's organisation and the customer order.

`Document_ЗаказКлиента` is what 1C's exchange made of a portal order. Where it keeps the
portal's order depends on the exchange (domain/order_link.py, GUIDE §5); 1C-Bitrix's module
leaves the counterparty of a buyer 1C does not know empty — the gap this product exists to
fill — while 1C's standard site exchange fills it itself (domain/onec_order_state.py).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True, slots=True)
class OneCOrganization:
    """A `Catalog_Организации` element: the seller on an invoice."""

    ref_key: str
    description: str
    full_name: str | None
    inn: str | None
    kpp: str | None
    legal_address: str | None = None
    """Read only where the publication has the field (the app's own 1C emulator does)."""


@dataclass(frozen=True, slots=True)
class OneCBankAccount:
    """A `Catalog_БанковскиеСчетаОрганизаций` element: where the seller is paid."""

    ref_key: str
    owner_key: str
    deletion_mark: bool
    account: str | None
    bik: str | None
    corr_account: str | None
    bank_name: str | None
    bank_city: str | None


@dataclass(frozen=True, slots=True)
class OneCCustomerOrder:
    """A `Document_ЗаказКлиента`, with the fields a link decision reads and writes."""

    ref_key: str
    data_version: str
    number: str
    date: dt.datetime | None
    posted: bool
    deletion_mark: bool
    partner_key: str | None
    counterparty_key: str | None
    organization_key: str | None
    client_number: str | None
    """НомерПоДаннымКлиента: where some custom exchanges put the portal's order number."""
    total: Decimal | None
    comment: str | None
