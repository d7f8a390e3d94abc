"""The 1C emulator in each of GUIDE §5's exchange setups, over real HTTP: where the portal's
order is, what happens to its counterparty, and the OData quirks that come with it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from lxml import etree
from test_onec_emulator import EDMX, OData, error_of, key

from desktop_app.domain.counterparty import CounterpartyKind
from desktop_app.domain.onec_order_state import ref_moment
from desktop_app.emulators.exchange_setup import ExchangeSetup
from desktop_app.emulators.onec import OneCEmulator
from desktop_app.emulators.onec.seed_records import (
    SITE_DATE_PROPERTY,
    SITE_NUMBER_PROPERTY,
    UNKNOWN_PARTNER,
)
from desktop_app.emulators.world import World

WORLD = World.generate(23, buyers=40, start=dt.date(2025, 10, 6))
ORDERS = "Document_ЗаказКлиента"
ROWS = "Document_ЗаказКлиента_ДополнительныеРеквизиты"
CP = "Catalog_Контрагенты"
PARTNERS = "Catalog_Партнеры"
EMPTY = "00000000-0000-0000-0000-000000000000"
IMPORTED = 16


@pytest.fixture
def opened(request: pytest.FixtureRequest) -> Iterator[tuple[OneCEmulator, OData]]:
    setup: ExchangeSetup = request.param
    with OneCEmulator(WORLD.with_exchange(setup), orders=IMPORTED) as onec:
        client = OData(onec)
        yield onec, client
        client.close()


def by_setup(*setups: ExchangeSetup) -> pytest.MarkDecorator:
    return pytest.mark.parametrize("opened", setups, indirect=True, ids=[s.value for s in setups])


def order_properties(client: OData) -> set[str]:
    root = etree.fromstring(client.get("$metadata", json=False).content)
    order = next(e for e in root.iter(f"{EDMX}EntityType") if e.get("Name") == ORDERS)
    return {p.get("Name") or "" for p in order.iter(f"{EDMX}Property")}


@by_setup(ExchangeSetup.BITRIX_MODULE)
def test_bitrix_module_keeps_the_site_id_and_leaves_new_buyers_empty(
    opened: tuple[OneCEmulator, OData],
) -> None:
    _onec, client = opened
    assert {"Б_Идентификатор", "Б_НомерВерсии", "Б_ДатаДокумента"} <= order_properties(client)
    rows = client.rows(ORDERS, {"$select": "Б_Идентификатор,Б_НомерВерсии,Б_ДатаДокумента,"
                                "Контрагент_Key,НомерПоДаннымКлиента"})  # fmt: skip
    assert {r["Б_Идентификатор"] for r in rows} == {str(n) for n in range(1, IMPORTED + 1)}
    assert all(r["НомерПоДаннымКлиента"] == "" for r in rows)
    for row in rows:
        order = WORLD.order(int(row["Б_Идентификатор"]))
        assert row["Б_НомерВерсии"] == order.version
        assert row["Б_ДатаДокумента"] == f"{order.date}T{order.time}"
    assert any(r["Контрагент_Key"] == EMPTY for r in rows)  # unknown legal entities: empty
    found = client.rows(ORDERS, {"$filter": "Б_Идентификатор eq '7'", "$select": "Ref_Key"})
    assert len(found) == 1


@by_setup(ExchangeSetup.SITE_EXCHANGE, ExchangeSetup.CUSTOM)
def test_a_base_without_the_bitrix_module_has_no_b_attributes(
    opened: tuple[OneCEmulator, OData],
) -> None:
    onec, client = opened
    assert not {"Б_Идентификатор", "Б_НомерВерсии"} & order_properties(client)
    for options in ({"$select": "Б_Идентификатор"}, {"$filter": "Б_Идентификатор eq '7'"}):
        assert error_of(client.get(ORDERS, options)) == (
            400, "6", "Сегмент пути Б_Идентификатор не найден!",
        )  # fmt: skip
    one = client.rows(ORDERS, {"$top": "1"})[0]
    assert "Б_Идентификатор" not in one
    # a write naming it is taken, the unknown property ignored, as 1C does
    ref = one["Ref_Key"]
    patched = client.write("PATCH", ORDERS + key(ref), {"Б_Идентификатор": "x", "Комментарий": "y"})
    assert patched.status_code == 200 and "Б_Идентификатор" not in patched.json()
    assert onec.entity(ORDERS, ref)["Комментарий"] == "y"  # type: ignore[index]


@by_setup(ExchangeSetup.CUSTOM)
def test_a_custom_exchange_keeps_the_number_in_a_field(opened: tuple[OneCEmulator, OData]) -> None:
    _onec, client = opened
    rows = client.rows(ORDERS, {"$select": "НомерПоДаннымКлиента,ДополнительныеРеквизиты"})
    assert {r["НомерПоДаннымКлиента"] for r in rows} == {str(n) for n in range(1, IMPORTED + 1)}
    assert all(r["ДополнительныеРеквизиты"] == [] for r in rows)


@by_setup(ExchangeSetup.SITE_EXCHANGE)
def test_the_standard_exchange_keeps_the_number_and_date_in_additional_attributes(
    opened: tuple[OneCEmulator, OData],
) -> None:
    _onec, client = opened
    rows = client.rows(ORDERS, {"$select": "Ref_Key,Date,Posted,ДополнительныеРеквизиты"})
    numbers = set()
    for row in rows:
        date_row, number_row = row["ДополнительныеРеквизиты"]  # the date first, then the number
        assert date_row["Свойство_Key"] == SITE_DATE_PROPERTY
        assert date_row["Значение_Type"] == "Edm.DateTime" and date_row["Значение"] == row["Date"]
        assert number_row["Свойство_Key"] == SITE_NUMBER_PROPERTY
        assert number_row["Значение_Type"] == "Edm.String"
        assert number_row["LineNumber"] == "2" and number_row["Ref_Key"] == row["Ref_Key"]
        numbers.add(number_row["Значение"])
        assert row["Posted"] is True  # ЗагрузитьЗаказы posts what it loaded
    assert numbers == {str(n) for n in range(1, IMPORTED + 1)}
    # the section is its own set; the composite Значение compares with a string literal
    condition = f"Свойство_Key eq guid'{SITE_NUMBER_PROPERTY}' and Значение eq '7'"
    found = client.rows(ROWS, {"$filter": condition})
    assert len(found) == 1 and found[0]["Значение"] == "7"
    # ... only where the value is a string: the date rows never equal a string literal
    date_text = rows[0]["Date"]
    assert client.rows(ROWS, {"$filter": f"Значение eq '{date_text}'"}) == []
    # ... and never a guid literal (17.4: such a comparison is always empty; use cast())
    assert client.rows(ROWS, {"$filter": f"Значение eq guid'{SITE_NUMBER_PROPERTY}'"}) == []
    kinds = client.rows("ChartOfCharacteristicTypes_ДополнительныеРеквизитыИСведения")
    titles = {k["Ref_Key"]: k["Заголовок"] for k in kinds}
    assert titles[SITE_NUMBER_PROPERTY] == "Номер заказа на сайте"


@by_setup(ExchangeSetup.SITE_EXCHANGE)
def test_the_standard_exchange_fills_the_counterparty_itself(
    opened: tuple[OneCEmulator, OData],
) -> None:
    onec, client = opened
    unknown = client.rows(PARTNERS, {"$filter": "PredefinedDataName eq 'НеизвестныйПартнер'"})
    assert [p["Ref_Key"] for p in unknown] == [UNKNOWN_PARTNER]
    assert unknown[0]["Description"] == "Неизвестный партнер" and unknown[0]["Predefined"]
    orders = onec.entities(ORDERS)
    assert all(o["Контрагент_Key"] != EMPTY for o in orders)  # never left empty
    known = {b.counterparty.id for b in WORLD.buyers if b.known_in_onec}
    made = 0
    for order in orders:
        number = order["ДополнительныеРеквизиты"][1]["Значение"]
        buyer = WORLD.order(int(number)).buyer
        assert buyer is not None
        counterparty = onec.entity(CP, order["Контрагент_Key"])
        assert counterparty is not None
        assert order["Партнер_Key"] == counterparty["Партнер_Key"]
        if buyer.id in known and buyer.kind is CounterpartyKind.LEGAL:
            assert counterparty["Партнер_Key"] != UNKNOWN_PARTNER  # found by ИНН+КПП
            assert (counterparty["ИНН"], counterparty["КПП"]) == (buyer.inn, buyer.kpp or "")
        if counterparty["Партнер_Key"] == UNKNOWN_PARTNER:
            made += 1
            assert counterparty["Description"] == buyer.name
            assert counterparty["ИНН"] == (buyer.inn or "")
            # an entrepreneur's element has ОфициальноеНаименование: the exchange makes a
            # legal entity of it (ЗаполнитьДанныеКонтрагента), a duplicate of a known ИП
            legal = buyer.kind in (CounterpartyKind.LEGAL, CounterpartyKind.ENTREPRENEUR)
            assert counterparty["ЮрФизЛицо"] == ("ЮрЛицо" if legal else "ФизЛицо")
            made_at, ordered_at = ref_moment(counterparty["Ref_Key"]), ref_moment(order["Ref_Key"])
            assert made_at is not None and ordered_at is not None and made_at <= ordered_at
    assert made >= 1
    first = [o for o in orders if o["Партнер_Key"] == UNKNOWN_PARTNER]
    gaps = [ref_moment(o["Ref_Key"]) - ref_moment(o["Контрагент_Key"]) for o in first]  # type: ignore[operator]
    assert min(gaps) <= dt.timedelta(minutes=1)  # made by the same exchange run
    # the next order of the same new buyer finds the counterparty made the first time
    auto = [o for o in orders if o["Партнер_Key"] == UNKNOWN_PARTNER]
    by_counterparty: dict[str, int] = {}
    for order in auto:
        by_counterparty[order["Контрагент_Key"]] = (
            by_counterparty.get(order["Контрагент_Key"], 0) + 1
        )
    made_rows = [c for c in onec.entities(CP) if c["Партнер_Key"] == UNKNOWN_PARTNER]
    assert len(made_rows) == len(by_counterparty)


def test_the_standard_exchange_may_make_partners_instead() -> None:
    world = WORLD.with_exchange(ExchangeSetup.SITE_EXCHANGE)
    with OneCEmulator(world, orders=IMPORTED, new_partners=True) as onec:
        comment = "Создан автоматически при импорте заказов с сайта"
        made = [p for p in onec.entities(PARTNERS) if p["Комментарий"] == comment]
        assert made
        assert not [c for c in onec.entities(CP) if c["Партнер_Key"] == UNKNOWN_PARTNER]


@by_setup(ExchangeSetup.SITE_EXCHANGE)
def test_an_order_is_imported_once_and_a_later_one_posted(
    opened: tuple[OneCEmulator, OData],
) -> None:
    onec, _client = opened
    ref = onec.import_order(IMPORTED + 1)
    assert onec.import_order(IMPORTED + 1) == ref
    order = onec.entity(ORDERS, ref)
    assert order is not None and order["Posted"] is True and order["СкидкиРассчитаны"] is True
