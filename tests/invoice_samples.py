"""Orders, sellers and buyers made by hand for the invoice tests: known figures, odd text."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from desktop_app.domain.counterparty import Counterparty, CounterpartyKind
from desktop_app.domain.onec_directory import DirectoryCounterparty
from desktop_app.domain.order import Order, OrderLine, Tax
from desktop_app.domain.seller import SellerRequisites

SELLER = SellerRequisites(
    name='ООО "Торговый дом «Снабжение»"',
    inn="7707083893",
    kpp="773601001",
    address="117997, г. Москва, ул. Вавилова, д. 19",
    bank='ПАО "СБЕРБАНК" г. Москва',
    bik="044525225",
    corr_account="30101810400000000225",
    account="40702810938000012345",
    head="Иванов И. И.",
    accountant="Петрова А. А.",
)


def buyer(name: str | None = 'ООО "Ромашка"', **fields: object) -> Counterparty:
    values: dict[str, object] = {
        "id": "42#romashka#Иванов Иван",
        "name": name,
        "official_name": name,
        "full_name": None,
        "kind": CounterpartyKind.LEGAL,
        "role": "Покупатель",
        "inn": "7701234567",
        "kpp": "770101001",
        "okpo": None,
        "surname": None,
        "first_name": None,
        "patronymic": None,
        "legal_address": "125009, г. Москва, ул. Тверская, д. 7",
        "registration_address": None,
        "address": None,
    }
    values.update(fields)
    return Counterparty(**values)  # type: ignore[arg-type]


def line(
    name: str, quantity: str, price: str, rate: str | None = "20", unit: str = "шт"
) -> OrderLine:
    return OrderLine(
        id=name,
        sku=None,
        name=name,
        unit=unit,
        unit_code="796",
        quantity=Decimal(quantity),
        price=Decimal(price),
        amount=Decimal(quantity) * Decimal(price),
        vat_rate=rate,
        vat_amount=None,
        kind="Товар",
    )


def order(
    *lines: OrderLine,
    vat: str = "included",
    tax_amount: str | None = None,
    total: str | None = None,
    party: Counterparty | None = None,
    number: str = "1027",
    currency: str = "руб",
) -> Order:
    """An order whose VAT is `included`, `on_top` or `none`; the tax and total computed
    the usual way unless given."""
    goods = sum((ln.amount or Decimal(0) for ln in lines), Decimal(0))
    taxes: tuple[Tax, ...] = ()
    if vat != "none":
        if tax_amount is None:
            rate = Decimal(20)
            part = goods * rate / (100 + rate) if vat == "included" else goods * rate / 100
            tax_amount = str(part.quantize(Decimal("0.01")))
        taxes = (Tax("НДС", None, vat == "included", Decimal(tax_amount)),)
    if total is None:
        added = Decimal(tax_amount) if vat == "on_top" and tax_amount else Decimal(0)
        total = str(goods + added)
    return Order(
        id="8f0c2a9e-portal-id",
        number=number,
        version="1",
        date=dt.date(2026, 11, 28),
        time=dt.time(10, 15),
        operation="Заказ товара",
        role="Продавец",
        currency=currency,
        exchange_rate=Decimal(1),
        total=Decimal(total),
        comment=None,
        deleted=False,
        counterparties=(party or buyer(),),
        taxes=taxes,
        lines=lines,
    )


def linked(description: str, full_name: str, inn: str, kpp: str) -> DirectoryCounterparty:
    """A 1C counterparty an order is linked to (what the decision store will hand over)."""
    return DirectoryCounterparty(
        ref_key="0c3e5a1e-0000-4000-8000-00000000002a",
        data_version="AAAAAg==",
        deletion_mark=False,
        description=description,
        full_name=full_name,
        inn=inn,
        kpp=kpp,
        registration_number=None,
        okpo=None,
        legal_form="ЮрЛицо",
        partner_key=None,
        head_key=None,
        is_branch=False,
    )
