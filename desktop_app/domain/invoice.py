"""An invoice (счёт на оплату) for a portal order, as a plain value ready to be laid out.

Everything an invoice prints is decided here — numbers, the VAT rows, the totals, the
amount in words, the buyer's line — so that the XLSX writer only places values and a later
PDF or GUI preview prints exactly the same invoice. The buyer is the 1C counterparty the
order is linked to when the caller passes one, otherwise the portal's own data.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from desktop_app.domain.amount_words import (
    UnsupportedCurrencyError,
    amount_in_words,
    currency_code,
)
from desktop_app.domain.counterparty import Counterparty
from desktop_app.domain.invoice_vat import VatSummary, vat_summary
from desktop_app.domain.money import money_text, to_money
from desktop_app.domain.onec_directory import DirectoryCounterparty
from desktop_app.domain.order import Order, OrderLine
from desktop_app.domain.russian_dates import long_date
from desktop_app.domain.seller import SellerRequisites, missing_words

CURRENCY_LABELS = {"RUB": "руб.", "USD": "долл. США", "EUR": "евро"}


@dataclass(frozen=True, slots=True)
class InvoiceParty:
    """Покупатель or Поставщик as the invoice names them."""

    name: str
    inn: str | None = None
    kpp: str | None = None
    address: str | None = None

    @property
    def presentation(self) -> str:
        """«ООО "Ромашка", ИНН 7701234567, КПП 770101001, 125009, г. Москва, …» as 1C prints."""
        parts = [self.name]
        if self.inn:
            parts.append(f"ИНН {self.inn}")
        if self.kpp:
            parts.append(f"КПП {self.kpp}")
        if self.address:
            parts.append(self.address)
        return ", ".join(p for p in parts if p)


@dataclass(frozen=True, slots=True)
class InvoiceLine:
    number: int
    name: str
    quantity: Decimal | None
    unit: str
    price: Decimal | None
    amount: Decimal


@dataclass(frozen=True, slots=True)
class Invoice:
    number: str
    date: dt.date
    order_id: str
    seller: SellerRequisites
    buyer: InvoiceParty
    basis: str
    lines: tuple[InvoiceLine, ...]
    total: Decimal
    """Итого: the sum of the lines."""
    vat: VatSummary
    to_pay: Decimal
    """Всего к оплате: Итого plus VAT when it is on top."""
    currency: str
    """What follows an amount: «руб.»."""
    amount_words: str
    warnings: tuple[str, ...]
    """What the manager should know: blank requisites, totals that disagree with the portal."""

    @property
    def title(self) -> str:
        return f"Счет на оплату № {self.number} от {long_date(self.date)}"

    @property
    def seller_party(self) -> InvoiceParty:
        seller = self.seller
        return InvoiceParty(seller.name, seller.inn, seller.kpp, seller.address)


def portal_party(buyer: Counterparty | None) -> InvoiceParty:
    """The buyer as the portal described it: the official name first, then the others."""
    if buyer is None:
        return InvoiceParty("")
    name = buyer.official_name or buyer.full_name or buyer.display_name
    address = buyer.legal_address or buyer.registration_address or buyer.address
    return InvoiceParty(name, buyer.inn, buyer.kpp, address)


def directory_party(linked: DirectoryCounterparty, portal: Counterparty | None) -> InvoiceParty:
    """The linked 1C counterparty. 1C's copy holds no address, so the portal's address is
    printed — but only when it is the same legal entity (same ИНН), never another's."""
    same = portal is not None and (not linked.inn or linked.inn == portal.inn)
    address = portal_party(portal).address if same else None
    return InvoiceParty(linked.full_name or linked.description, linked.inn, linked.kpp, address)


def line_amount(line: OrderLine) -> Decimal | None:
    """The line's sum as written, else price × quantity; None when neither is known."""
    if line.amount is not None:
        return to_money(line.amount)
    if line.price is not None and line.quantity is not None:
        return to_money(line.price * line.quantity)
    return None


def build_invoice(
    order: Order,
    seller: SellerRequisites,
    *,
    buyer: DirectoryCounterparty | None = None,
    number: str | None = None,
    date: dt.date | None = None,
    today: dt.date | None = None,
) -> Invoice:
    """The invoice for `order`; number and date default to the portal's (else today)."""
    warnings: list[str] = []
    if seller.missing:
        warnings.append(f"В реквизитах продавца не заполнено: {missing_words(seller)}.")
    lines, amounts = _lines(order.lines, warnings)
    vat = vat_summary(order, amounts)
    total = sum(amounts, Decimal(0))
    to_pay = total + vat.added
    if order.total is not None and to_money(order.total) != to_pay:
        warnings.append(
            f"Сумма счёта {money_text(to_pay)} не совпадает с суммой заказа на портале "
            f"{money_text(order.total)}."
        )
    try:
        code = currency_code(order.currency)
        words = amount_in_words(to_pay, code)
    except UnsupportedCurrencyError:
        code, words = "", ""
        warnings.append(
            f"Валюта заказа «{order.currency}» не поддерживается: сумма прописью не выведена."
        )
    party = portal_party(order.buyer) if buyer is None else directory_party(buyer, order.buyer)
    if not party.name:
        warnings.append("Покупатель не указан ни на портале, ни в 1С.")
    when = date or order.date or today or dt.date.today()
    portal_number = order.number or order.id
    basis_date = f" от {long_date(order.date)}" if order.date else ""
    return Invoice(
        number=number or portal_number,
        date=when,
        order_id=order.id,
        seller=seller,
        buyer=party,
        basis=f"Заказ № {portal_number}{basis_date}",
        lines=lines,
        total=total,
        vat=vat,
        to_pay=to_pay,
        currency=CURRENCY_LABELS.get(code, order.currency or ""),
        amount_words=words,
        warnings=tuple(warnings),
    )


def _lines(
    order_lines: Sequence[OrderLine], warnings: list[str]
) -> tuple[tuple[InvoiceLine, ...], list[Decimal]]:
    lines: list[InvoiceLine] = []
    amounts: list[Decimal] = []
    for number, line in enumerate(order_lines, start=1):
        amount = line_amount(line)
        if amount is None:
            warnings.append(f"Строка {number}: на портале нет ни суммы, ни цены с количеством.")
            amount = Decimal(0)
        amounts.append(amount)
        price = None if line.price is None else to_money(line.price)
        lines.append(
            InvoiceLine(number, line.name or "", line.quantity, line.unit_symbol, price, amount)
        )
    return tuple(lines), amounts
