"""The generated portal world and the Bitrix `mode=query` writer.

The world must be reproducible (the emulator re-serves the same orders), its requisites must
pass the same checks as real ones, its money must add up the way Bitrix adds it, and the
writer must produce what the real sale module produces: windows-1251, 2.05 layout, double
escaped text, character references for what the charset lacks, the bare root when empty.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import statistics
from decimal import Decimal

import pytest
from lxml import etree

from desktop_app.domain import requisite_keys as rk
from desktop_app.domain.counterparty import Counterparty
from desktop_app.domain.money import to_money
from desktop_app.domain.order import Order
from desktop_app.emulators.bitrix_commerceml import orders_to_bytes, write_orders
from desktop_app.emulators.world import World
from desktop_app.emulators.world_buyers import MAX_ENTITIES_PER_USER, Buyer, PayerType

STAMP = dt.datetime(2021, 2, 12, 17, 4, 36)
ORDERS = 400
# Bitrix's answer when nothing changed (layout of a real 2.05 answer, this timestamp).
EMPTY_ANSWER = (
    '<?xml version="1.0" encoding="windows-1251"?>\n'
    '<КоммерческаяИнформация ВерсияСхемы="2.05" ДатаФормирования="2021-02-12T17:04:36" '
    'ФорматДаты="ДФ=yyyy-MM-dd; ДЛФ=DT"\n'
    '                        ФорматВремени="ДФ=ЧЧ:мм:сс; ДЛФ=T" РазделительДатаВремя="T" '
    'ФорматСуммы="ЧЦ=18; ЧДЦ=2; ЧРД=."\n'
    '                        ФорматКоличества="ЧЦ=18; ЧДЦ=2; ЧРД=.">\n'
    "</КоммерческаяИнформация>\n"
).encode("cp1251")


@pytest.fixture(scope="module")
def world() -> World:
    return World.generate(2024, buyers=120)


@pytest.fixture(scope="module")
def orders(world: World) -> list[Order]:
    return list(world.orders(ORDERS))


@pytest.fixture(scope="module")
def answer(orders: list[Order]) -> bytes:
    return orders_to_bytes(orders, generated_at=STAMP)


def _parse(data: bytes) -> etree._Element:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    return etree.fromstring(data, parser)


def _companies(world: World) -> list[Counterparty]:
    return [b.counterparty for b in world.buyers if b.payer_type is not PayerType.PERSON]


def test_same_seed_gives_same_bytes() -> None:
    first = World.generate(7, buyers=40)
    second = World.generate(7, buyers=40)
    other = World.generate(8, buyers=40)
    data = orders_to_bytes(first.orders(60), generated_at=STAMP)
    assert data == orders_to_bytes(second.orders(60), generated_at=STAMP)
    assert data != orders_to_bytes(other.orders(60), generated_at=STAMP)


@pytest.mark.parametrize("buyers", [5, 120])
def test_company_names_with_quotes_apostrophes_and_ampersands(buyers: int) -> None:
    some = World.generate(3, buyers=buyers)
    assert len(some.buyers) == buyers
    names = " ".join(p.name or "" for p in _companies(some))
    assert '"' in names
    assert "'" in names
    assert "&" in names
    with pytest.raises(ValueError, match="at least 2 buyers"):
        World.generate(3, buyers=1)


def test_an_order_depends_only_on_its_number_and_comes_in_time_order(
    world: World, orders: list[Order]
) -> None:
    assert world.order(17) == orders[16]
    assert list(world.orders(3, start_id=200)) == orders[199:202]
    with pytest.raises(ValueError, match="start at 1"):
        world.order(0)
    moments = [dt.datetime.combine(o.date, o.time) for o in orders if o.date and o.time]
    assert len(moments) == len(orders)
    assert moments == sorted(moments)
    assert all(m.weekday() < 5 and 9 <= m.hour < 19 for m in moments)


def test_company_requisites_are_valid(world: World) -> None:
    for buyer in world.buyers:
        party = buyer.counterparty
        if buyer.payer_type is PayerType.LEGAL:
            assert rk.is_valid_inn10(party.inn or ""), party
            assert rk.is_valid_kpp(party.kpp or ""), party
            assert rk.is_valid_ogrn(buyer.ogrn or ""), buyer
        elif buyer.payer_type is PayerType.ENTREPRENEUR:
            assert rk.is_valid_inn12(party.inn or ""), party
            assert party.kpp is None
            assert rk.is_valid_ogrnip(buyer.ogrn or ""), buyer
        else:
            assert (party.inn, party.kpp, buyer.ogrn) == (None, None, None)
            assert all((party.surname, party.first_name, party.patronymic))
            continue
        assert rk.is_valid_okpo(party.okpo or ""), party
        assert party.bank_accounts
        for account in party.bank_accounts:
            bik = account.bik or ""
            assert rk.is_valid_bik(bik)
            assert rk.is_valid_account(account.account or "", bik)
            assert rk.is_valid_corr_account(account.corr_account or "", bik)
            assert account.bank


def test_kpp_usually_starts_with_the_inn_tax_office(world: World) -> None:
    legal = [b for b in world.buyers if b.payer_type is PayerType.LEGAL and not b.is_branch]
    heads = [b.counterparty for b in legal]
    same = [p for p in heads if p.kpp and p.inn and p.kpp[:4] == p.inn[:4]]
    assert len(same) >= 0.75 * len(heads)


def test_branches_share_inn_with_other_kpp(world: World) -> None:
    branches = [b for b in world.buyers if b.is_branch]
    assert branches
    for branch in branches:
        assert branch.head is not None
        head = world.buyers[branch.head].counterparty
        party = branch.counterparty
        assert party.inn == head.inn
        assert party.kpp != head.kpp
        assert party.kpp
        assert party.kpp[4:6] == "43"
        assert branch.ogrn == world.buyers[branch.head].ogrn


def test_about_sixty_percent_known_and_the_rest_are_companies(world: World) -> None:
    known = world.known_buyers
    assert 0.5 <= len(known) / len(world.buyers) <= 0.7
    unknown = [b for b in world.buyers if not b.known_in_onec]
    assert unknown
    assert all(b.payer_type is not PayerType.PERSON for b in unknown)


def test_b2b_users_order_for_several_legal_entities_under_one_id(
    world: World, answer: bytes
) -> None:
    """Bitrix's `Контрагент/Ид` is the portal user's XML_ID (CSaleExport::getUserXmlId), the
    same for every company the user orders for: an ООО today, the director's ИП tomorrow."""
    by_user: dict[str | None, list[Buyer]] = {}
    for buyer in world.buyers:
        by_user.setdefault(buyer.counterparty.id, []).append(buyer)
    shared = [entities for entities in by_user.values() if len(entities) > 1]
    assert {len(entities) for entities in shared} == {2, MAX_ENTITIES_PER_USER}
    for entities in shared:
        requisites = {(b.counterparty.inn, b.counterparty.kpp) for b in entities}
        assert len(requisites) == len(entities)  # each its own legal entity
        assert len({(b.user_id, b.login, b.email, b.contact_person) for b in entities}) == 1
        assert all(b.payer_type is not PayerType.PERSON and not b.is_branch for b in entities)
        assert not any(b.known_in_onec for b in entities[1:])  # the later ones new to 1C
    assert any(entities[0].known_in_onec for entities in shared)
    later = [b for entities in shared for b in entities[1:]]
    assert {PayerType.LEGAL, PayerType.ENTREPRENEUR} <= {b.payer_type for b in later}
    director = next(
        e for e in shared if e[0].payer_type is PayerType.LEGAL
        and any(b.payer_type is PayerType.ENTREPRENEUR for b in e[1:])
    )  # fmt: skip
    entrepreneur = next(b for b in director[1:] if b.payer_type is PayerType.ENTREPRENEUR)
    assert entrepreneur.counterparty.official_name == (
        f"Индивидуальный предприниматель {director[0].contact_person}"
    )
    bitrix_made = [i for i in by_user if i and "#" in i]
    assert all(len(i) <= 40 and i.split("#")[0].isdigit() for i in bitrix_made)

    root = _parse(answer)
    companies: dict[str, set[tuple[str, str]]] = {}
    for party in root.iter("Контрагент"):
        inn, parent = party.findtext("ИНН"), party.getparent()
        if inn and parent is not None and parent.tag == "Контрагенты":
            companies.setdefault(party.findtext("Ид") or "", set()).add(
                (inn, party.findtext("КПП") or "")
            )
    assert any(len(found) > 1 for found in companies.values())  # one Ид, two companies


def test_line_amounts_and_totals_add_up(orders: list[Order]) -> None:
    for order in orders:
        assert 3 <= sum(not line.is_delivery for line in order.lines) <= 8
        lines_sum = Decimal(0)
        for line in order.lines:
            assert line.price is not None
            assert line.quantity is not None
            assert line.amount == to_money(line.price * line.quantity)
            lines_sum += line.amount
        on_top = sum((t.amount or 0 for t in order.taxes if t.included is False), Decimal(0))
        assert order.total == lines_sum + on_top, order.id


def test_vat_follows_bitrix(orders: list[Order]) -> None:
    modes = {"included": 0, "on_top": 0, "none": 0}
    for order in orders:
        if not order.taxes:
            modes["none"] += 1
            assert all(line.vat_rate is None for line in order.lines)
            continue
        modes["included" if order.taxes[0].included else "on_top"] += 1
        year_rate = "22" if order.date and order.date.year >= 2026 else "20"
        for line in order.lines:
            if line.is_delivery or line.vat_rate is None:
                continue
            assert line.vat_rate in ("10", year_rate)
            rate = Decimal(line.vat_rate) / 100
            assert line.price is not None
            assert line.vat_amount == to_money(line.price / (1 + rate) * rate)  # one unit
    assert all(count > 0 for count in modes.values()), modes


def test_delivery_lines_and_discounts_occur(orders: list[Order]) -> None:
    deliveries = [line for o in orders for line in o.lines if line.is_delivery]
    assert deliveries
    assert all(d.kind == "Услуга" and d.quantity == 1 for d in deliveries)
    assert any(line.discounts for o in orders for line in o.lines)
    assert any(o.property_value("Комментарии покупателя") for o in orders)


def test_order_properties_in_bitrix_order(orders: list[Order]) -> None:
    standard = [
        "Способ доставки",
        "Метод доставки ИД",
        "Метод оплаты",
        "Метод оплаты ИД",
        "Заказ оплачен",
        "Доставка разрешена",
        "Отменен",
        "Финальный статус",
        "Статус заказа",
        "Статуса заказа ИД",
        "Дата изменения статуса",
        "Сайт",
    ]
    for order in orders[:50]:
        names = [p.name for p in order.properties]
        assert [n for n in names if n in standard] == standard
        status = order.property_value("Статус заказа") or ""
        assert status.startswith(f"[{order.property_value('Статуса заказа ИД')}] ")
        changed = order.property_value("Дата изменения статуса") or ""
        dt.datetime.strptime(changed, "%d.%m.%Y %H:%M:%S")


def test_answer_is_well_formed_windows_1251(answer: bytes) -> None:
    assert answer.startswith(b'<?xml version="1.0" encoding="windows-1251"?>\n')
    root = _parse(answer)
    assert root.tag == "КоммерческаяИнформация"
    assert root.get("ВерсияСхемы") == "2.05"
    assert root.get("ДатаФормирования") == "2021-02-12T17:04:36"
    documents = root.findall("Документ")
    assert len(documents) == ORDERS
    first = [child.tag for child in documents[0]]
    expected = ["Ид", "Номер", "Дата", "ХозОперация", "Роль", "Валюта", "Курс", "Сумма"]
    assert first[:8] == expected
    assert first[8:10] == ["Контрагенты", "Время"]
    assert first[-2:] == ["Товары", "ЗначенияРеквизитов"]


def test_text_is_escaped_twice_as_bitrix_does(answer: bytes) -> None:
    assert b"&amp;quot;" in answer
    assert b"&amp;amp;" in answer
    root = _parse(answer)
    names = {el.text or "" for el in root.iter("Наименование")}
    assert any("&quot;" in n for n in names)
    assert not any('"' in n for n in names)


def test_characters_outside_windows_1251_become_references(orders: list[Order]) -> None:
    order = orders[0]
    buyer = order.counterparties[0]
    odd = dataclasses.replace(buyer, name="Кофейня Café ☕\x01", official_name="Zoë & Co")
    data = orders_to_bytes([dataclasses.replace(order, counterparties=(odd,))], generated_at=STAMP)
    assert b"&#233;" in data
    assert b"&#9749;" in data
    party = _parse(data).find("Документ/Контрагенты/Контрагент")
    assert party is not None
    assert party.findtext("Наименование") == "Кофейня Café ☕"
    assert party.findtext("ОфициальноеНаименование") == "Zoë &amp; Co"


def test_empty_answer_is_the_root_alone() -> None:
    assert orders_to_bytes([], generated_at=STAMP) == EMPTY_ANSWER
    morning = orders_to_bytes([], generated_at=dt.datetime(2025, 3, 4, 9, 5, 7))
    assert 'ДатаФормирования="2025-03-04T9:05:07"'.encode("cp1251") in morning  # PHP's "G"


def test_version_2_08_and_utf_8(orders: list[Order]) -> None:
    data = orders_to_bytes(orders[:5], version="2.08", encoding="utf-8", generated_at=STAMP)
    assert data.startswith(b'<?xml version="1.0" encoding="UTF-8"?>')
    root = _parse(data)
    assert root.get("ВерсияСхемы") == "2.08"
    document = root.find("Документ")
    assert document is not None
    assert document.findtext("НомерВерсии") == orders[0].version
    assert document.find("Товары/Товар/Единица/Код") is not None
    assert document.find("Товары/Товар/БазоваяЕдиница") is None
    types = {el.text for el in root.iter("Тип")}
    assert "Электронная почта" in types
    assert "Почта" not in types


def test_writer_streams_and_counts(world: World) -> None:
    class CountingBuffer(io.BytesIO):
        writes = 0

        def write(self, data: object) -> int:
            CountingBuffer.writes += 1
            assert isinstance(data, bytes)
            return super().write(data)

    buffer = CountingBuffer()
    assert write_orders(buffer, world.orders(25), generated_at=STAMP) == 25
    assert CountingBuffer.writes == 25 + 2
    with pytest.raises(ValueError, match="version"):
        write_orders(io.BytesIO(), [], version="2.09", generated_at=STAMP)  # layouts: VERSIONS
    with pytest.raises(ValueError, match="emulated in"):
        write_orders(io.BytesIO(), [], language="de", generated_at=STAMP)
    with pytest.raises(ValueError, match="windows-1251"):
        write_orders(io.BytesIO(), [], encoding="koi8-r", generated_at=STAMP)


def test_typical_order_size(orders: list[Order]) -> None:
    """A real 2.05 answer is verbose: the reference has 4.0 KB for one line with an anonymous
    buyer and 21.3 KB for seven lines; three to eight lines with a full legal entity land at
    roughly 9–22 KB."""
    sizes = [len(orders_to_bytes([o], generated_at=STAMP)) - len(EMPTY_ANSWER) for o in orders]
    assert min(sizes) > 3_000
    assert 8_000 <= statistics.median(sizes) <= 20_000
