"""The reader on the project's own fixtures: what a Bitrix portal sends for B2B buyers."""

from __future__ import annotations

import codecs
from decimal import Decimal
from pathlib import Path

import pytest

from desktop_app.adapters.portal.commerceml_reader import CommerceMLReader, ReadOrder, ReadProblem
from desktop_app.domain.counterparty import CounterpartyKind
from desktop_app.domain.order import Order

from conftest import FIXTURES


def only_order(path: Path) -> Order:
    items = list(CommerceMLReader(path).documents())
    assert [i for i in items if isinstance(i, ReadProblem)] == []
    (item,) = items
    assert isinstance(item, ReadOrder)
    return item.order


def test_legal_entity_with_bank_account_and_representative() -> None:
    order = only_order(FIXTURES / "bitrix-2.08-legal-entity.cp1251.xml")
    assert order.id == "5102"
    assert order.total == Decimal("35280.00")  # "  35280.00 " in the file
    buyer = order.buyer
    assert buyer is not None
    assert buyer.kind is CounterpartyKind.LEGAL
    assert buyer.name == 'ООО "Вектор & Ко"'
    assert buyer.official_name == 'Общество с ограниченной ответственностью "Вектор & Ко"'
    assert buyer.inn == "7810123451"  # trailing space trimmed
    assert buyer.kpp == "781001001"
    assert buyer.okpo == "12345678"
    assert buyer.legal_address == (
        "196084, г. Санкт-Петербург, ул. Заставская, д. 22, лит. А, пом. 4-Н"
    )
    assert buyer.address == "196084, г. Санкт-Петербург, ул. Заставская, д. 22"
    (account,) = buyer.bank_accounts
    assert (account.account, account.bik, account.corr_account) == (
        "40702810900000002851",
        "044030827",
        "30101810200000000827",
    )
    assert account.bank == 'ПАО "БАНК "САНКТ-ПЕТЕРБУРГ"'
    assert buyer.emails == ("snab@vektor-plus.ru",)
    assert buyer.phones == ("+7 (812) 407-15-20",)
    (person,) = buyer.representatives
    assert person.relation == "Контактное лицо"
    assert person.name == "Кузнецова Ирина Павловна"


def test_raw_view_keeps_text_exactly_and_in_order() -> None:
    buyer = only_order(FIXTURES / "bitrix-2.08-legal-entity.cp1251.xml").buyer
    assert buyer is not None
    raw = [(f.path, f.value) for f in buyer.raw]
    paths = [p for p, _ in raw]
    assert paths[:4] == ["Ид", "Наименование", "Роль", "ОфициальноеНаименование"]
    # Bitrix double-escapes: the parsed text still holds the entity, the card shows the quote.
    assert ("Наименование", "ООО &quot;Вектор &amp; Ко&quot;") in raw
    assert ("ИНН", "7810123451 ") in raw
    assert paths.index("ЮридическийАдрес/АдресноеПоле[3]/Значение") < paths.index("ИНН")
    assert "Контакты/Контакт[2]/Тип" in paths
    assert "Представители/Представитель/Контрагент/Наименование" in paths
    assert paths[-1] == "Представители/Представитель/Контрагент/Наименование"


def test_vat_included_discount_and_delivery_line() -> None:
    order = only_order(FIXTURES / "bitrix-2.08-legal-entity.cp1251.xml")
    (vat,) = order.taxes
    assert (vat.name, vat.included, vat.amount) == ("НДС", True, Decimal("5880.00"))
    (discount,) = order.discounts
    assert discount.amount == Decimal("720.00") and discount.included is True
    film, box, delivery = order.lines
    assert film.sku == "ПЛ-4410"
    assert film.unit_code == "796"  # Код="796 " in the file
    assert film.vat_rate == "20" and film.vat_amount == Decimal("3600.00")
    assert film.discounts[0].amount == Decimal("720.00")
    assert box.unit == "упак" and box.unit_code == "778"
    assert delivery.is_delivery and delivery.kind == "Услуга"
    assert sum(line.amount or 0 for line in order.lines) == order.total
    assert order.comment == "Доставить до 12:00, <b>звонить заранее</b>"


def test_multi_value_property_keeps_every_value() -> None:
    order = only_order(FIXTURES / "bitrix-2.08-legal-entity.cp1251.xml")
    phones = next(p for p in order.properties if p.name == "Телефоны для связи")
    assert phones.values == ("+7 (812) 407-15-20", "+7 (921) 555-01-17")
    assert order.property_value("Дата изменения статуса") == "19.11.2026 16:42:07"
    assert len(order.properties) == 14


def test_entrepreneur_with_twelve_digit_inn_and_vat_on_top() -> None:
    order = only_order(FIXTURES / "bitrix-2.08-entrepreneur.cp1251.xml")
    buyer = order.buyer
    assert buyer is not None
    assert buyer.kind is CounterpartyKind.ENTREPRENEUR
    assert buyer.inn == "773370857141"
    assert buyer.kpp is None
    assert buyer.name == "ИП О'Рейли Дмитрий Сергеевич"
    assert order.taxes[0].included is False
    (line,) = order.lines
    assert line.amount == Decimal("10080.00") and line.vat_amount == Decimal("2016.00")
    assert order.total == line.amount + line.vat_amount


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "windows-1251"])
def test_same_order_in_every_encoding(tmp_path: Path, encoding: str) -> None:
    text = (FIXTURES / "bitrix-2.08-legal-entity.cp1251.xml").read_bytes().decode("cp1251")
    declared = "UTF-8" if encoding.startswith("utf") else "windows-1251"
    text = text.replace('encoding="windows-1251"', f'encoding="{declared}"')
    path = tmp_path / "order.xml"
    path.write_bytes(text.encode(encoding))
    order = only_order(path)
    assert order.buyer is not None and order.buyer.name == 'ООО "Вектор & Ко"'


def test_bom_in_front_of_a_windows_1251_file_does_not_win(tmp_path: Path) -> None:
    """An editor may put a UTF-8 BOM on a cp1251 file; the declaration is what counts."""
    path = tmp_path / "order.xml"
    source = (FIXTURES / "bitrix-2.08-entrepreneur.cp1251.xml").read_bytes()
    path.write_bytes(codecs.BOM_UTF8 + source)
    order = only_order(path)
    assert order.lines[0].name == "Скотч упаковочный 48 мм x 66 м"


def test_namespaced_and_prefixed_documents(tmp_path: Path) -> None:
    body = (
        "<{p}Документ><{p}Ид>77</{p}Ид><{p}ХозОперация>Заказ товара</{p}ХозОперация>"
        "<{p}Сумма>10</{p}Сумма><{p}Контрагенты><{p}Контрагент><{p}Ид>c1</{p}Ид>"
        "<{p}ИНН>7707083893</{p}ИНН><{p}КПП>773601001</{p}КПП></{p}Контрагент>"
        "</{p}Контрагенты></{p}Документ>"
    )
    root = "КоммерческаяИнформация"
    variants = {
        "default": f'<{root} xmlns="urn:1C.ru:commerceml_210">{{b}}</{root}>',
        "prefixed": f'<cml:{root} xmlns:cml="urn:1C.ru:commerceml_2">{{b}}</cml:{root}>',
    }
    for name, template in variants.items():
        prefix = "cml:" if name == "prefixed" else ""
        path = tmp_path / f"{name}.xml"
        path.write_text(template.format(b=body.format(p=prefix)), encoding="utf-8")
        order = only_order(path)
        assert order.id == "77"
        assert order.buyer is not None and order.buyer.kind is CounterpartyKind.LEGAL


def test_documents_of_other_kinds_are_skipped(tmp_path: Path) -> None:
    path = tmp_path / "payments.xml"
    path.write_text(
        "<КоммерческаяИнформация ВерсияСхемы='2.10'>"
        "<Документ><Ид>p1</Ид><ХозОперация>Выплата безналичных денег</ХозОперация></Документ>"
        "<Документ><Ид>o1</Ид><ХозОперация>Заказ товара</ХозОперация></Документ>"
        "</КоммерческаяИнформация>",
        encoding="utf-8",
    )
    reader = CommerceMLReader(path)
    items = list(reader.documents())
    assert [i.order.id for i in items if isinstance(i, ReadOrder)] == ["o1"]
    assert reader.skipped == 1


def test_units_given_as_attributes_are_kept_and_not_erased() -> None:
    screws, nails, dowels, tape = only_order(
        FIXTURES / "units-base-unit-attributes.cp1251.xml"
    ).lines
    # <БазоваяЕдиница Код="796 " НаименованиеПолное="Штука" .../> then <Единица>шт</Единица>
    assert (screws.unit, screws.unit_code, screws.unit_name) == ("шт", "796", "Штука")
    # Bitrix 2.05: the short name is the text, code and full name are attributes
    assert (nails.unit, nails.unit_code, nails.unit_name) == ("кг", "166", "Килограмм")
    # No text and no Единица: the invoice still prints the short name of the ОКЕИ code
    assert (dowels.unit, dowels.unit_code, dowels.unit_name) == (None, "778", "Упаковка")
    assert dowels.unit_symbol == "упак"
    # Counted in another unit (Коэффициент 36): the base unit's code and name do not apply
    assert (tape.unit, tape.unit_code, tape.unit_name) == ("упак", None, None)
    assert [line.unit_symbol for line in (screws, nails, tape)] == ["шт", "кг", "упак"]


def orders_and_reader(path: Path) -> tuple[list[Order], list[ReadProblem], int]:
    reader = CommerceMLReader(path)
    items = list(reader.documents())
    orders = [i.order for i in items if isinstance(i, ReadOrder)]
    return orders, [i for i in items if isinstance(i, ReadProblem)], reader.skipped


def test_payment_and_shipment_documents_of_2_10_are_not_orders() -> None:
    orders, problems, skipped = orders_and_reader(
        FIXTURES / "bitrix-2.10-order-payment-shipment.cp1251.xml"
    )
    assert problems == []
    (order,) = orders
    assert skipped == 3  # the payment, the shipment and the removed shipment
    # The payment has the same Ид as the order: read as an order it would have replaced it.
    assert order.id == "5207" and order.operation == "Заказ товара"
    assert order.total == Decimal("18540.0000") and len(order.lines) == 2
    assert order.buyer is not None and order.buyer.inn == "6670421395"
    assert order.lines[0].unit_symbol == "шт"  # 2.08+ writes only Код and НаименованиеПолное
    assert order.lines[0].unit_name == "Штука"


def test_containers_of_3_x_give_their_orders_only() -> None:
    orders, problems, skipped = orders_and_reader(FIXTURES / "bitrix-3.1-containers.utf8.xml")
    assert problems == []
    assert [o.id for o in orders] == ["5208", "5209"]
    assert skipped == 4  # a card payment, a cash payment and two shipments
    assert all(o.operation == "Заказ товара" for o in orders)


def test_ukrainian_site_writes_the_operation_under_another_tag() -> None:
    orders, problems, skipped = orders_and_reader(
        FIXTURES / "bitrix-2.10-ukrainian-operation-tag.cp1251.xml"
    )
    assert problems == []
    (order,) = orders
    assert (order.id, order.operation, order.total) == ("5214", "Заказ товара", Decimal("2940"))
    assert skipped == 1  # «Еквайрингова операція»


@pytest.mark.parametrize(
    ("operation", "is_order"),
    [("Заказ товара", True), ("ЗаказТовара", True), (" заказ  товара ", True),
     ("Отпуск товара", False), ("ВыплатаБезналичныхДенег", False), ("Счет на оплату", False)],
)  # fmt: skip
def test_operation_words_are_compared_as_the_schema_spells_them(
    tmp_path: Path, operation: str, is_order: bool
) -> None:
    """The schema's documentation writes the operations run together («ЗаказТовара»)."""
    path = tmp_path / "one.xml"
    path.write_text(
        "<КоммерческаяИнформация><Документ><Ид>9</Ид>"
        f"<ХозОперация>{operation}</ХозОперация><Контрагенты><Контрагент><Ид>u9</Ид>"
        "</Контрагент></Контрагенты></Документ></КоммерческаяИнформация>",
        encoding="utf-8",
    )
    orders, problems, skipped = orders_and_reader(path)
    assert problems == []
    assert (len(orders), skipped) == ((1, 0) if is_order else (0, 1))


def test_blank_lines_and_bom_before_the_declaration_are_read_quietly(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with caplog.at_level("DEBUG"):
        order = only_order(FIXTURES / "bom-and-blank-lines.cp1251.xml")
    assert order.id == "5117" and order.lines[0].name == "Скотч упаковочный 48 мм x 66 м"
    assert [r for r in caplog.records if r.levelname in ("WARNING", "ERROR")] == []
    reader = CommerceMLReader(FIXTURES / "bom-and-blank-lines.cp1251.xml")
    (item,) = list(reader.documents())
    assert isinstance(item, ReadOrder)
    assert item.line == 5  # counted from the file's first line, blank ones included
