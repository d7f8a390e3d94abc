"""The reader against real exchange files written by others (../shared/reference/commerceml)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from desktop_app.adapters.portal.commerceml_reader import (
    CommerceMLReader,
    NotCommerceMLError,
    ReadCounterparty,
    ReadOrder,
    ReadProblem,
)
from desktop_app.domain.counterparty import CounterpartyKind
from desktop_app.domain.order import Order

SCHEMA_SUFFIXES = (".xsd", ".XSD.xml")


def read(path: Path) -> tuple[list[Order], list[ReadProblem], list[ReadCounterparty]]:
    items = list(CommerceMLReader(path).documents())
    orders = [i.order for i in items if isinstance(i, ReadOrder)]
    problems = [i for i in items if isinstance(i, ReadProblem)]
    catalogue = [i for i in items if isinstance(i, ReadCounterparty)]
    return orders, problems, catalogue


def by_id(orders: list[Order]) -> dict[str, Order]:
    return {o.id: o for o in orders}


def test_every_reference_document_parses(reference_dir: Path) -> None:
    documents = [
        p
        for p in sorted((reference_dir / "commerceml").glob("*.xml"))
        if not p.name.endswith(SCHEMA_SUFFIXES)
    ]
    assert len(documents) >= 7
    for path in documents:
        orders, problems, catalogue = read(path)
        assert problems == [], path.name
        assert orders or catalogue or "empty" in path.name, path.name


def test_schema_files_are_not_taken_for_documents(reference_dir: Path) -> None:
    schema = reference_dir / "commerceml" / "commerceml_2.09__irpsv__CML209.XSD.xml"
    with pytest.raises(NotCommerceMLError) as caught:
        CommerceMLReader(schema)
    assert caught.value.code == "not-commerceml"
    assert "schema" in caught.value.message


def test_bitrix_query_response_orders_and_properties(reference_dir: Path) -> None:
    orders, _, _ = read(
        reference_dir / "commerceml" / "dobromyslov__bitrix-query-response-full.xml"
    )
    found = by_id(orders)
    assert sorted(found) == ["132", "133"]
    first = found["132"]
    assert first.number == "132"
    assert first.total == Decimal("231.7400")
    assert first.date is not None and first.date.isoformat() == "2021-02-11"
    assert first.time is not None and first.time.isoformat() == "18:45:21"
    assert first.property_value("Статус заказа") == "[N] Принят, ожидается оплата"
    assert first.property_value("Комментарии покупателя") == "Я повелитель порошочков"
    assert [p.name for p in first.properties][:3] == [
        "Способ доставки",
        "Метод доставки ИД",
        "Метод оплаты",
    ]
    buyer = first.buyer
    assert buyer is not None
    assert buyer.id == "38#catalog_exchange#"
    assert buyer.kind is CounterpartyKind.UNKNOWN
    assert buyer.name is None  # <Наименование></Наименование>: absent, not ""
    assert ("Наименование", "") in [(f.path, f.value) for f in buyer.raw]
    second = found["133"]
    assert second.total == Decimal("14380.5800")
    assert sum(line.amount or 0 for line in second.lines) == second.total
    # A value padded with newlines and indentation in the file comes out trimmed.
    url = next(
        p.value for p in second.lines[0].properties if p.name == "СвойствоКорзины#DETAIL_PAGE_URL"
    )
    assert url is not None and url.startswith("/catalog/") and url.endswith("800ml/")


def test_empty_bitrix_answer_has_no_documents(reference_dir: Path) -> None:
    reader = CommerceMLReader(
        reference_dir / "commerceml" / "dobromyslov__bitrix-query-response-empty.xml"
    )
    assert list(reader.documents()) == []
    assert reader.schema_version == "2.05"


def test_official_example_double_escaped_quotes_and_delivery(reference_dir: Path) -> None:
    orders, _, _ = read(reference_dir / "commerceml" / "carono-yii2__from.xml")
    (order,) = orders
    assert order.total == Decimal("6734.47")
    delivery, tv = order.lines
    assert delivery.is_delivery and delivery.kind == "Услуга"
    assert tv.name == 'Телевизор "JVC"'  # &amp;quot; in the file
    buyer = order.buyer
    assert buyer is not None
    assert buyer.kind is CounterpartyKind.PERSON
    assert buyer.representatives[0].relation == "Контактное лицо"
    assert buyer.representatives[0].id == "b342955a9185c40132d4c1df6b30af2f"


def test_commerceml_3_package_legal_entities(reference_dir: Path) -> None:
    reader = CommerceMLReader(
        reference_dir / "commerceml" / "irpsv__bitrix-module-6__documents_1.xml"
    )
    orders = [i.order for i in reader.documents() if isinstance(i, ReadOrder)]
    assert reader.schema_version == "3.1"
    assert len(orders) == 20
    found = by_id(orders)
    legal = {
        o.id: (o.buyer.inn, o.buyer.kpp)
        for o in orders
        if o.buyer is not None and o.buyer.kind is CounterpartyKind.LEGAL and o.buyer.inn
    }
    assert legal["321"] == ("7806080903", "780601001")
    assert legal["488"] == ("2536299065", "253601001")
    assert legal["490"] == ("7736523556", "773601001")
    assert legal["492"] == ("0310004936", "031001001")  # the leading zero survives
    ant = found["321"].buyer
    assert ant is not None
    assert ant.official_name == 'Общество с ограниченной ответственностью "АНТ-Консалт"'
    (account,) = ant.bank_accounts
    assert account.account == "40702810600010006661"
    assert account.bik == "044599132"
    assert account.corr_account == "30101810400000000132"
    assert ant.emails == ("s.selina@ant-konsalt.ru",)
    assert [r.name for r in ant.representatives] == [
        "Аитова Кадрия  Энвербековна",
        "Сёлина Светлана Сергеевна",
    ]
    # Padding: the normalized Ид is trimmed, the raw one is exactly as sent.
    assert ant.id == "902#s.selina#Сёлина Светлана"
    assert ("Ид", "902#s.selina#Сёлина Светлана ") in [(f.path, f.value) for f in ant.raw]
    assert ant.legal_address is not None and "Синявинская" in ant.legal_address
    line = found["321"].lines[0]
    assert line.unit_code == "796" and line.unit == "шт"
    assert line.price == Decimal("30129.78") and line.quantity == Decimal("2")
    assert line.vat_rate == "Без налога"
    assert found["321"].version == "AAADagAAAAA="


def test_status_updates_without_counterparties(reference_dir: Path) -> None:
    orders, problems, _ = read(reference_dir / "commerceml" / "irpsv__off-doc-1c__orders.xml")
    assert problems == []
    assert [o.id for o in orders] == ["36", "92", "93"]
    assert orders[1].buyer is None and orders[1].lines == ()


def test_counterparty_catalogue(reference_dir: Path) -> None:
    orders, problems, catalogue = read(
        reference_dir / "commerceml" / "argentcrusade__contractors-example.xml"
    )
    assert orders == [] and problems == []
    parties = {c.counterparty.name: c.counterparty for c in catalogue}
    altai = parties["Алтай ТОО"]
    assert altai.inn == "181310839110"  # a foreign (Kazakh) 12-digit number
    assert altai.kpp is None
    assert altai.kind is CounterpartyKind.LEGAL  # ТОО is an organisational form
    assert parties['Удаленный отдел "Уют"'].inn is None


def test_units_of_real_files_keep_code_short_and_full_name(reference_dir: Path) -> None:
    folder = reference_dir / "commerceml"
    # Bitrix 2.05 and 1C's 2.03 example: <БазоваяЕдиница Код="796" НаименованиеПолное="Штука"
    # МеждународноеСокращение="PCE">шт</БазоваяЕдиница>
    for name in ("dobromyslov__bitrix-query-response-full.xml", "carono-yii2__from.xml"):
        orders, _, _ = read(folder / name)
        units = {(li.unit, li.unit_code, li.unit_name) for o in orders for li in o.lines}
        assert units == {("шт", "796", "Штука")}, name
    # 1C's 3.1 package: <Единица><Ид>796 </Ид><НаименованиеКраткое>шт</…><Код>796</Код>
    # <НаименованиеПолное>штука      …</НаименованиеПолное></Единица>
    orders, _, _ = read(folder / "irpsv__bitrix-module-6__documents_1.xml")
    line = orders[0].lines[0]
    assert (line.unit, line.unit_code, line.unit_name, line.unit_symbol) == (
        "шт",
        "796",
        "штука",
        "шт",
    )


def test_real_files_hold_orders_only_and_nothing_is_skipped(reference_dir: Path) -> None:
    """No reference file has payment or shipment documents: every document is an order."""
    for path in sorted((reference_dir / "commerceml").glob("*.xml")):
        if path.name.endswith(SCHEMA_SUFFIXES):
            continue
        reader = CommerceMLReader(path)
        orders = [i.order for i in reader.documents() if isinstance(i, ReadOrder)]
        assert reader.skipped == 0, path.name
        assert all(o.operation == "Заказ товара" for o in orders), path.name
