"""The invoice as a value: totals, VAT included / on top / none, buyer, number and date."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

import pytest

from desktop_app.domain.invoice import build_invoice
from desktop_app.domain.invoice_numbering import (
    InvoiceDateSource,
    InvoiceNumbering,
    NumberTemplateError,
    check_template,
)
from desktop_app.domain.invoice_vat import VatMode, VatRow, parse_rate
from desktop_app.domain.seller import SellerRequisites

from invoice_samples import SELLER, buyer, line, linked, order


def test_vat_included_is_part_of_the_total() -> None:
    invoice = build_invoice(
        order(line("Каска", "10", "120.00"), line("Перчатки", "3", "40.00")), SELLER
    )
    assert invoice.total == Decimal("1320.00")
    assert invoice.vat.mode is VatMode.INCLUDED
    assert invoice.vat.rows == (VatRow(Decimal(20), Decimal("220.00")),)
    assert invoice.vat.rows[0].label(invoice.vat.mode) == "В том числе НДС (20%):"
    assert invoice.to_pay == Decimal("1320.00")
    assert invoice.amount_words == "Одна тысяча триста двадцать рублей 00 копеек"
    assert invoice.warnings == ()


def test_vat_on_top_is_added_to_the_total() -> None:
    invoice = build_invoice(order(line("Каска", "10", "120.00"), vat="on_top"), SELLER)
    assert invoice.total == Decimal("1200.00")
    assert invoice.vat.mode is VatMode.ON_TOP
    assert invoice.vat.rows == (VatRow(Decimal(20), Decimal("240.00")),)
    assert invoice.vat.rows[0].label(invoice.vat.mode) == "НДС (20%):"
    assert invoice.to_pay == Decimal("1440.00")
    assert invoice.amount_words.startswith("Одна тысяча четыреста сорок рублей")
    assert invoice.warnings == ()


def test_no_vat() -> None:
    invoice = build_invoice(order(line("Услуга", "1", "500.00", rate=None), vat="none"), SELLER)
    assert invoice.vat.mode is VatMode.NONE
    assert [r.label(invoice.vat.mode) for r in invoice.vat.rows] == ["Без налога (НДС)"]
    assert invoice.vat.rows[0].amount is None
    assert invoice.to_pay == Decimal("500.00")


def test_mixed_rates_split_and_the_portal_tax_wins() -> None:
    """Bitrix taxes delivery on top without a rate on its line: the order's tax is the truth;
    the rows still add up to it."""
    lines = (
        line("Каска", "2", "100.00", "22"),
        line("Хлеб", "5", "10.00", "10"),
        line("Доставка", "1", "500.00", None),
    )
    invoice = build_invoice(order(*lines, vat="on_top", tax_amount="159.00"), SELLER)
    assert invoice.vat.rows == (
        VatRow(Decimal(22), Decimal("154.00")),  # 44.00 of the lines + 110.00 of the delivery
        VatRow(Decimal(10), Decimal("5.00")),
    )
    assert invoice.to_pay == invoice.total + Decimal("159.00") == Decimal("909.00")


def test_line_sums_rounded_half_up() -> None:
    invoice = build_invoice(order(line("Болт", "3", "0.335"), total="1.01"), SELLER)
    assert invoice.lines[0].amount == Decimal("1.01")  # 1.005 → 1.01
    assert invoice.to_pay == Decimal("1.01")


def test_rates_as_written() -> None:
    assert parse_rate("20") == Decimal(20)
    assert parse_rate(" 10% ") == Decimal(10)
    assert parse_rate("Без налога") is None
    assert parse_rate("Без НДС") is None
    assert parse_rate("0") is None
    assert parse_rate(None) is None


def test_warnings_for_blank_seller_and_a_total_that_disagrees() -> None:
    seller = dataclasses.replace(SELLER, kpp="", accountant="")
    invoice = build_invoice(order(line("Каска", "1", "100.00"), total="99.00"), seller)
    assert invoice.warnings[0] == "В реквизитах продавца не заполнено: КПП, бухгалтер."
    assert "не совпадает с суммой заказа на портале 99,00" in invoice.warnings[1]
    blank = build_invoice(order(line("Каска", "1", "100.00")), SellerRequisites())
    assert blank.warnings and "наименование организации" in blank.warnings[0]


def test_buyer_from_the_portal_or_from_1c() -> None:
    from_portal = build_invoice(order(line("Каска", "1", "100.00")), SELLER)
    assert from_portal.buyer.presentation == (
        'ООО "Ромашка", ИНН 7701234567, КПП 770101001, 125009, г. Москва, ул. Тверская, д. 7'
    )
    one_c = linked(
        "Ромашка ООО",
        'Общество с ограниченной ответственностью "Ромашка"',
        "7701234567",
        "770101002",
    )
    from_1c = build_invoice(order(line("Каска", "1", "100.00")), SELLER, buyer=one_c)
    assert from_1c.buyer.name == 'Общество с ограниченной ответственностью "Ромашка"'
    assert from_1c.buyer.kpp == "770101002"
    assert from_1c.buyer.address == "125009, г. Москва, ул. Тверская, д. 7"
    other = dataclasses.replace(one_c, inn="7702000001")
    assert build_invoice(order(line("К", "1", "1.00")), SELLER, buyer=other).buyer.address is None


def test_person_buyer_without_requisites() -> None:
    person = buyer(
        name=None,
        official_name=None,
        full_name="Сидоров Пётр Петрович",
        inn=None,
        kpp=None,
        legal_address=None,
        address="г. Тула, ул. Ленина, д. 1",
    )
    invoice = build_invoice(order(line("Каска", "1", "100.00"), party=person), SELLER)
    assert invoice.buyer.presentation == "Сидоров Пётр Петрович, г. Тула, ул. Ленина, д. 1"


def test_number_and_date_portal_by_default_configurable() -> None:
    source = order(line("Каска", "1", "100.00"), number="1027")
    today = dt.date(2026, 12, 3)
    default = build_invoice(source, SELLER)
    assert default.title == "Счет на оплату № 1027 от 28 ноября 2026 г."
    assert default.basis == "Заказ № 1027 от 28 ноября 2026 г."
    numbering = InvoiceNumbering("ИМ-{number}/{year}", InvoiceDateSource.TODAY)
    invoice = build_invoice(
        source,
        SELLER,
        number=numbering.number_for(source, today),
        date=numbering.date_for(source, today),
    )
    assert invoice.title == "Счет на оплату № ИМ-1027/2026 от 3 декабря 2026 г."
    with pytest.raises(NumberTemplateError):
        check_template("{number.__class__}")
    with pytest.raises(NumberTemplateError):
        check_template("СЧ-")


def test_currency_the_words_cannot_name() -> None:
    invoice = build_invoice(order(line("Каска", "1", "100.00"), currency="XAU"), SELLER)
    assert invoice.amount_words == ""
    assert any("XAU" in w for w in invoice.warnings)


def test_the_unit_column_prints_the_short_name_when_it_is_known() -> None:
    """Bitrix 2.08+ writes only the code and the full name of a unit («796», «Штука»)."""
    coded = dataclasses.replace(line("Каска", "1", "10.00"), unit=None, unit_name="Штука")
    packs = dataclasses.replace(coded, unit_code="778 ", unit_name="Упаковка")
    rare = dataclasses.replace(coded, unit_code="2009", unit_name="Бухта")
    nothing = dataclasses.replace(coded, unit_code=None, unit_name=None)
    given = line("Скотч", "4", "10.00", unit="рул")
    invoice = build_invoice(order(coded, packs, rare, nothing, given), SELLER)
    assert [li.unit for li in invoice.lines] == ["шт", "упак", "Бухта", "", "рул"]
