"""The 1C:УТ 11 OData emulator over real HTTP on 127.0.0.1: URLs, options, errors, writes.

Every test talks to a running emulator with `requests`, as an OData client would. Query
strings are built with `%20` for a space, as 1C needs (`requests`' own `params=` writes `+`,
which 1C does not read as a space — one test shows what 1C makes of it).
"""

from __future__ import annotations

import base64
import datetime as dt
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

import pytest
import requests
from lxml import etree
from requests.auth import HTTPBasicAuth

from desktop_app.domain import requisite_keys as rk
from desktop_app.emulators.onec import Fault, OneCEmulator
from desktop_app.emulators.onec import refs as onec_refs
from desktop_app.emulators.world import World

WORLD = World.generate(11, buyers=40, start=dt.date(2025, 10, 6))
EMPTY = "00000000-0000-0000-0000-000000000000"
CP = "Catalog_Контрагенты"
CONTACTS = "Catalog_Контрагенты_КонтактнаяИнформация"
PARTNERS = "Catalog_Партнеры"
ORGS = "Catalog_Организации"
ORDERS = "Document_ЗаказКлиента"
GOODS = "Document_ЗаказКлиента_Товары"
EDMX = "{http://schemas.microsoft.com/ado/2009/11/edm}"
ATOM = "{http://www.w3.org/2005/Atom}"
M = "{http://schemas.microsoft.com/ado/2007/08/dataservices/metadata}"
D = "{http://schemas.microsoft.com/ado/2007/08/dataservices}"


class OData:
    """A bare OData client: URLs by hand, so the test sees every answer."""

    def __init__(self, emulator: OneCEmulator, user: str = "Администратор", password: str = ""):
        self.http = requests.Session()
        self.http.auth = HTTPBasicAuth(user.encode("utf-8"), password.encode("utf-8"))
        self.root = emulator.service_root

    def close(self) -> None:
        self.http.close()

    def url(self, path: str, options: dict[str, str] | None = None, *, json: bool = True) -> str:
        options = dict(options or {})
        if json:
            options.setdefault("$format", "json")
        query = urlencode(options, quote_via=quote, safe="")
        return self.root + quote(path, safe="()'=,/$") + ("?" + query if query else "")

    def get(self, path: str, options: dict[str, str] | None = None, **kw: Any) -> requests.Response:
        json = kw.pop("json", True)
        return self.http.get(self.url(path, options, json=json), timeout=10, **kw)

    def rows(self, path: str, options: dict[str, str] | None = None) -> list[dict[str, Any]]:
        answer = self.get(path, options)
        assert answer.status_code == 200, answer.text
        value: list[dict[str, Any]] = answer.json()["value"]
        return value

    def write(self, method: str, path: str, body: object, **kw: Any) -> requests.Response:
        return self.http.request(method, self.url(path), json=body, timeout=10, **kw)


def error_of(answer: requests.Response) -> tuple[int, str, str]:
    error = answer.json()["odata.error"]
    assert error["message"]["lang"] == "ru"
    return answer.status_code, error["code"], error["message"]["value"]


def key(ref: str) -> str:
    return f"(guid'{ref}')"


@pytest.fixture
def onec() -> Iterator[OneCEmulator]:
    with OneCEmulator(WORLD, orders=12, extra_counterparties=300) as emulator:
        yield emulator


@pytest.fixture
def client(onec: OneCEmulator) -> Iterator[OData]:
    odata = OData(onec)
    yield odata
    odata.close()


def known_company(onec: OneCEmulator) -> dict[str, Any]:
    return next(
        r
        for r in onec.entities(CP, ЮрФизЛицо="ЮрЛицо", ОбособленноеПодразделение=False)
        if r["КонтактнаяИнформация"] and not r["Ref_Key"].startswith("0")
    )


# --- $metadata and shapes -------------------------------------------------------------------


def test_metadata_parses_and_publishes_the_sets(client: OData, reference_dir: Path) -> None:
    answer = client.get("$metadata", json=False)
    assert answer.status_code == 200 and answer.headers["Content-Type"].startswith(
        "application/xml"
    )
    root = etree.fromstring(answer.content)
    sets = {e.get("Name") for e in root.iter(f"{EDMX}EntitySet")}
    assert {CP, PARTNERS, ORGS, ORDERS, CONTACTS, GOODS} <= sets
    types = {e.get("Name"): e for e in root.iter(f"{EDMX}EntityType")}
    ours = {p.get("Name"): p.get("Type") for p in types[CP].iter(f"{EDMX}Property")}
    assert ours["Ref_Key"] == "Edm.Guid" and ours["Партнер_Key"] == "Edm.Guid"
    assert ours["ЮрФизЛицо"] == "Edm.String" and ours["DeletionMark"] == "Edm.Boolean"
    rows = {p.get("Name"): p.get("Type") for p in types[CONTACTS].iter(f"{EDMX}Property")}
    assert rows["LineNumber"] == "Edm.Int64"
    assert [k.get("Name") for k in types[CONTACTS].iter(f"{EDMX}PropertyRef")] == [
        "Ref_Key",
        "LineNumber",
    ]
    order = {p.get("Name"): p.get("Type") for p in types[ORDERS].iter(f"{EDMX}Property")}
    assert order["Date"] == "Edm.DateTime" and order["СуммаДокумента"] == "Edm.Double"
    assert types[ORDERS].get("OpenType") == "true"
    assert {f.get("Name") for f in root.iter(f"{EDMX}FunctionImport")} == {"Post", "Unpost"}
    # Every property the real УТ 11 metadata also has carries the same Edm type there.
    excerpt = (reference_dir / "onec-odata" / "ut11-real-edmx.EXCERPT.xml").read_bytes()
    lenient = etree.XMLParser(recover=True, resolve_entities=False, no_network=True)
    real = etree.fromstring(excerpt[excerpt.index(b"<?xml") :], lenient)  # "…" cuts in it
    real_types = {e.get("Name"): e for e in real.iter(f"{EDMX}EntityType")}
    for name in (CP, CONTACTS):
        theirs = {p.get("Name"): p.get("Type") for p in real_types[name].iter(f"{EDMX}Property")}
        mine = {p.get("Name"): p.get("Type") for p in types[name].iter(f"{EDMX}Property")}
        shared = set(theirs) & set(mine)
        assert len(shared) >= 14
        assert {n: mine[n] for n in shared} == {n: theirs[n] for n in shared}


def test_json_list_element_and_string_numbers(onec: OneCEmulator, client: OData) -> None:
    answer = client.get(CP, {"$top": "3"})
    assert answer.headers["Content-Type"] == "application/json;charset=utf-8"
    body = answer.json()
    assert body["odata.metadata"] == client.root + "$metadata#" + CP
    row = body["value"][0]
    assert list(row)[:2] == ["Ref_Key", "Predefined"]
    assert row["КонтактнаяИнформация"][0]["LineNumber"] == "1"
    assert row["КонтактнаяИнформация"][0]["Ref_Key"] == row["Ref_Key"]
    assert row["Партнер@navigationLinkUrl"] == f"{CP}(guid'{row['Ref_Key']}')/Партнер"
    element = client.get(CP + key(row["Ref_Key"])).json()
    assert element["odata.metadata"] == client.root + "$metadata#" + CP + "/@Element"
    assert element["ИНН"] == row["ИНН"]
    goods = client.rows(ORDERS, {"$top": "1"})[0]["Товары"]
    assert goods[0]["LineNumber"] == "1" and goods[0]["КодСтроки"] == "1"  # Int64 as text


def test_atom_without_format_and_json_by_accept(client: OData) -> None:
    answer = client.get(PARTNERS, {"$top": "2"}, json=False)
    assert answer.headers["Content-Type"].startswith("application/atom+xml")
    feed = etree.fromstring(answer.content)
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == 2
    assert entries[0].find(f"{ATOM}content/{M}properties/{D}Ref_Key") is not None
    counted = client.get(CP, {"$top": "1", "$inlinecount": "allpages"}, json=False)
    assert etree.fromstring(counted.content).find(f"{M}count") is not None
    by_accept = client.get(
        PARTNERS, {"$top": "1"}, json=False, headers={"Accept": "application/json"}
    )
    assert by_accept.json()["value"]
    error = client.get(CP + "(guid'00000000-0000-0000-0000-000000000001')", json=False)
    assert error.status_code == 404
    assert etree.fromstring(error.content).findtext(f"{M}code") == "9"


def test_service_document_and_nometadata(client: OData) -> None:
    names = {s["name"] for s in client.get("").json()["value"]}
    assert {CP, PARTNERS, ORGS, ORDERS} <= names
    plain = client.get(PARTNERS, {"$top": "1", "$format": "application/json;odata=nometadata"})
    assert "odata.metadata" not in plain.json()


# --- the data --------------------------------------------------------------------------------


def test_directory_is_seeded_from_the_world(onec: OneCEmulator) -> None:
    counterparties = onec.entities(CP)
    by_inn_kpp = {(r["ИНН"], r["КПП"]): r for r in counterparties}
    partners = {r["Ref_Key"] for r in onec.entities(PARTNERS)}
    for buyer in WORLD.buyers:
        party = buyer.counterparty
        if party.inn is None:
            continue
        found = by_inn_kpp.get((party.inn, party.kpp or ""))
        assert (found is not None) == buyer.known_in_onec, party.name
        if found is None:
            continue
        assert found["Партнер_Key"] in partners
        assert rk.is_valid_inn(found["ИНН"])
        if buyer.is_branch:
            assert found["ОбособленноеПодразделение"] is True
            assert buyer.head is not None
            head = WORLD.buyers[buyer.head].counterparty
            head_row = by_inn_kpp.get((head.inn, head.kpp or ""))
            if head_row is not None:
                assert found["ГоловнойКонтрагент_Key"] == head_row["Ref_Key"]
                assert found["Партнер_Key"] == head_row["Партнер_Key"]
    extra = [r for r in counterparties if r["Description"].startswith(("ООО", "ИП"))]
    assert all(rk.is_valid_inn(r["ИНН"]) for r in extra)
    companies = [r for r in counterparties if r["ИНН"]]
    assert len({r["ИНН"] + r["КПП"] for r in companies}) == len(companies)
    organizations = onec.entities(ORGS)
    assert len(organizations) == 2 and all(rk.is_valid_inn10(o["ИНН"]) for o in organizations)
    accounts = onec.entities("Catalog_БанковскиеСчетаОрганизаций")
    assert {a["Owner_Key"] for a in accounts} == {o["Ref_Key"] for o in organizations}
    assert all(rk.is_valid_account(a["НомерСчета"], a["БИКБанка"]) for a in accounts)


def test_orders_imported_by_1c_exchange(onec: OneCEmulator) -> None:
    # The seed's exchange is 1C-Bitrix's module: the site's Ид in Б_Идентификатор (GUIDE §5).
    documents = {d["Б_Идентификатор"]: d for d in onec.entities(ORDERS)}
    assert set(documents) == {str(n) for n in range(1, 13)}
    assert {d["НомерПоДаннымКлиента"] for d in documents.values()} == {""}
    known = {(r["ИНН"], r["КПП"]): r["Ref_Key"] for r in onec.entities(CP)}
    for number in range(1, 13):
        order = WORLD.order(number)
        document = documents[str(number)]
        assert document["СуммаДокумента"] == pytest.approx(float(order.total or 0))
        assert document["Date"] == f"{order.date}T{order.time}"
        buyer = order.buyer
        assert buyer is not None
        expected = known.get((buyer.inn or "", buyer.kpp or ""))
        if buyer.inn is None:  # a private person: 1C knows them by name, not by ИНН
            continue
        assert document["Контрагент_Key"] == (expected or EMPTY)
        assert (document["Партнер_Key"] == EMPTY) == (expected is None)
        assert len(document["Товары"]) == len(order.lines)


def test_a_users_second_company_is_not_filled_with_the_first_ones_counterparty(
    onec: OneCEmulator,
) -> None:
    """1C knows a legal entity by its requisites; the portal's `Контрагент/Ид` is the portal
    user's, the same for all the companies that user orders for (world_buyers)."""
    by_user: dict[str | None, list[int]] = {}
    for index, buyer in enumerate(WORLD.buyers):
        by_user.setdefault(buyer.counterparty.id, []).append(index)
    shared = [ix for ix in by_user.values() if len(ix) > 1 and WORLD.buyers[ix[0]].known_in_onec]
    assert shared, "no user of this world has a known and a new company: change the seed"
    first, second = (WORLD.buyers[i] for i in shared[0][:2])
    assert first.counterparty.id == second.counterparty.id and not second.known_in_onec
    numbers = {id(first.counterparty): 0, id(second.counterparty): 0}
    for number in range(13, 400):
        party = WORLD.order(number).buyer
        if party is not None and numbers.get(id(party)) == 0:
            numbers[id(party)] = number
    assert all(numbers.values())
    known = onec.entities(CP, ИНН=first.counterparty.inn, КПП=first.counterparty.kpp or "")
    filled = onec.entities(ORDERS, Ref_Key=onec.import_order(numbers[id(first.counterparty)]))
    empty = onec.entities(ORDERS, Ref_Key=onec.import_order(numbers[id(second.counterparty)]))
    assert filled[0]["Контрагент_Key"] == known[0]["Ref_Key"]
    assert (empty[0]["Контрагент_Key"], empty[0]["Партнер_Key"]) == (EMPTY, EMPTY)


def test_without_orderby_objects_come_in_reference_order(onec: OneCEmulator, client: OData) -> None:
    """The order of 1C's clustered index (bytes of the reference, not its text); ordering by
    a reference is another matter (test_onec_ordering)."""
    keys = [r["Ref_Key"] for r in client.rows(CP, {"$select": "Ref_Key"})]
    assert keys == sorted(keys, key=onec_refs.order_key)
    assert keys != sorted(keys)
    created = client.write("POST", CP, {"Description": "Новый"}).json()["Ref_Key"]
    assert client.rows(CP, {"$select": "Ref_Key"})[-1]["Ref_Key"] == created


# --- query options ---------------------------------------------------------------------------


def test_select_fields_sections_and_stars(client: OData) -> None:
    row = client.rows(CP, {"$select": "Ref_Key, ИНН,КПП", "$top": "1"})[0]
    assert set(row) == {"Ref_Key", "ИНН", "КПП"}
    rows = client.rows(CP, {"$select": "Ref_Key,КонтактнаяИнформация/АдресЭП", "$top": "5"})
    assert all(set(line) == {"АдресЭП"} for r in rows for line in r["КонтактнаяИнформация"])
    no_sections = client.rows(CP, {"$select": "**", "$top": "1"})[0]
    assert "КонтактнаяИнформация" not in no_sections and "ИНН" in no_sections
    everything = client.rows(CP, {"$select": "*", "$top": "1"})[0]
    assert "КонтактнаяИнформация" in everything


def test_filter_comparisons_and_logic(onec: OneCEmulator, client: OData) -> None:
    company = known_company(onec)
    inn, kpp = company["ИНН"], company["КПП"]
    found = client.rows(CP, {"$filter": f"ИНН eq '{inn}' and КПП eq '{kpp}'"})
    assert [r["Ref_Key"] for r in found] == [company["Ref_Key"]]
    total = len(onec.entities(CP))
    assert len(client.rows(CP, {"$filter": f"ИНН ne '{inn}'"})) == total - len(
        onec.entities(CP, ИНН=inn)
    )
    either = client.rows(CP, {"$filter": f"(ИНН eq '{inn}' or ИНН eq '0') and not (DeletionMark)"})
    assert {r["ИНН"] for r in either} == {inn}
    marked = client.rows(CP, {"$filter": "DeletionMark eq true"})
    assert marked == []
    orders = onec.entities(ORDERS)
    middle = sorted(o["Date"] for o in orders)[5]
    later = client.rows(ORDERS, {"$filter": f"Date gt datetime'{middle}'", "$select": "Date"})
    assert sorted(o["Date"] for o in later) == sorted(
        o["Date"] for o in orders if o["Date"] > middle
    )
    assert len(client.rows(ORDERS, {"$filter": f"Date ge datetime'{middle}'"})) == len(later) + 1
    big = client.rows(ORDERS, {"$filter": "СуммаДокумента ge 20000 and СуммаДокумента lt 1e9"})
    assert all(o["СуммаДокумента"] >= 20000 for o in big)
    assert len(big) == sum(1 for o in orders if o["СуммаДокумента"] >= 20000)
    by_ref = client.rows(ORDERS, {"$filter": f"Контрагент_Key eq guid'{EMPTY}'"})
    assert {o["Ref_Key"] for o in by_ref} == {
        o["Ref_Key"] for o in orders if o["Контрагент_Key"] == EMPTY
    }


def test_filter_text_functions_ignore_case(onec: OneCEmulator, client: OData) -> None:
    company = known_company(onec)
    word = company["НаименованиеПолное"].split()[0]
    upper = client.rows(CP, {"$filter": f"substringof('{word.upper()}', НаименованиеПолное)"})
    assert company["Ref_Key"] in {r["Ref_Key"] for r in upper}
    bare = client.rows(CP, {"$filter": f"substringof('{word}', НаименованиеПолное) eq true"})
    assert {r["Ref_Key"] for r in bare} == {r["Ref_Key"] for r in upper}
    start = company["ИНН"][:6]
    starts = client.rows(CP, {"$filter": f"startswith(ИНН, '{start}')"})
    assert all(r["ИНН"].startswith(start) for r in starts) and starts
    liked = client.rows(CP, {"$filter": f"like(ИНН, '{start}%')"})
    assert {r["Ref_Key"] for r in liked} == {r["Ref_Key"] for r in starts}
    one = client.rows(CP, {"$filter": f"like(ИНН, '{company['ИНН'][:-1]}_')"})
    assert company["Ref_Key"] in {r["Ref_Key"] for r in one}
    ranged = client.rows(CP, {"$filter": "like(ИНН, '[^0-9]%')"})
    assert ranged == []


def test_filter_refusals_in_1c_words(client: OData) -> None:
    parse_error = (400, "14", "Ошибка при разборе опции запроса $filter")
    for bad in (
        "ИНН eq '1",
        "ИНН in ('1', '2')",
        "ИНН like '77%'",
        "Date gt datetime'1-01-01T00:00:00'",
        "contains(ИНН, '77')",
        "(ИНН eq '1'",
    ):
        assert error_of(client.get(CP, {"$filter": bad})) == parse_error, bad
    # 1C's language has these, but no client sends them: the emulator refuses them in 1C's
    # words for what it cannot parse rather than guess how 1C answers (filter_parser.py).
    for unmodelled in (
        "year(Date) eq 2025 and month(Date) le 12",
        "СуммаДокумента add 1 gt 20000",
        "СуммаДокумента mul 2 gt 20000",
        "substring(ИНН, 1, 2) eq '77'",
        "endswith(ИНН, '3')",
        "concat(ИНН, КПП) eq '1'",
        "КонтактнаяИнформация/any(d: d/АдресЭП eq 'a@b.ru')",
        "Партнер/Description eq 'x'",
    ):
        assert error_of(client.get(CP, {"$filter": unmodelled})) == parse_error, unmodelled
    for function in ("tolower(Description) eq 'x'", "length(ИНН) eq 10", "trim(ИНН) eq '1'"):
        status, code, message = error_of(client.get(CP, {"$filter": function}))
        assert (status, code) == (400, "21") and "Вызов нереализованной функции" in message
    assert error_of(client.get(CP, {"$filter": "НетТакогоПоля eq 'x'"})) == (
        400,
        "6",
        "Сегмент пути НетТакогоПоля не найден!",
    )
    assert error_of(client.get(CP, {"$filter": "ИНН eq 7707083893"})) == (
        400,
        "1",
        "Не удалось разобрать строку '7707083893' как значение типа Edm.String!",
    )
    assert error_of(client.get(CP, {"$filter": "Ref_Key eq guid'zz'"}))[:2] == (400, "1")


def test_plus_is_not_a_space(onec: OneCEmulator, client: OData) -> None:
    inn = known_company(onec)["ИНН"]
    plus = client.http.get(f"{client.root}{quote(CP)}?$format=json&$filter=ИНН+eq+'{inn}'")
    assert error_of(plus) == (500, "-1", 'Операция не разрешена в предложении "ГДЕ"')
    spaced = client.http.get(f"{client.root}{quote(CP)}?$format=json&$filter=ИНН%20eq%20'{inn}'")
    assert [r["ИНН"] for r in spaced.json()["value"]] == [inn]
    ordered = client.http.get(f"{client.root}{quote(CP)}?$format=json&$orderby=ИНН+desc")
    assert error_of(ordered) == (400, "6", "Сегмент пути ИНН+desc не найден!")
    assert onec.requests[-1].query.endswith("$orderby=ИНН+desc")


def test_unknown_names_are_echoed(client: OData) -> None:
    assert error_of(client.get(CP, {"$select": "Ref_Key,НетТакогоПоля"})) == (
        400,
        "6",
        "Сегмент пути НетТакогоПоля не найден!",
    )
    assert error_of(client.get(CP, {"$orderby": "Нет desc"}))[1:] == (
        "6",
        "Сегмент пути Нет не найден!",
    )
    assert error_of(client.get(CP, {"$expand": "Нет"}))[:2] == (400, "6")
    assert error_of(client.get("Catalog_НетТакого"))[:2] == (404, "6")
    assert error_of(client.get(CP, {"$orderby": "ИНН sideways"}))[:2] == (400, "14")
    # 1C orders by a navigation path too; no client sends one, and the emulator refuses it.
    assert error_of(client.get(CP, {"$orderby": "Партнер/Description"})) == (
        400,
        "14",
        "Ошибка при разборе опции запроса $orderby",
    )
    assert error_of(client.get(CP, {"$top": "-1"})) == (
        400,
        "14",
        "Ошибка при разборе опции запроса $top",
    )


def test_orderby_top_skip_and_counts(onec: OneCEmulator, client: OData) -> None:
    everything = onec.entities(CP)
    ordered = client.rows(CP, {"$select": "ЮрФизЛицо,ИНН", "$orderby": "ЮрФизЛицо desc, ИНН asc"})
    expected = sorted(everything, key=lambda r: r["ИНН"])
    expected.sort(key=lambda r: r["ЮрФизЛицо"].casefold(), reverse=True)
    assert [r["ИНН"] for r in ordered] == [r["ИНН"] for r in expected]
    page = client.rows(CP, {"$top": "5", "$skip": "3", "$orderby": "ИНН", "$select": "ИНН"})
    reversed_options = client.get(
        CP, {"$skip": "3", "$select": "ИНН", "$top": "5", "$orderby": "ИНН"}
    ).json()["value"]
    assert page == reversed_options == [{"ИНН": r["ИНН"]} for r in expected_by_inn(everything)[3:8]]
    count = client.get(CP + "/$count", json=False)
    assert count.headers["Content-Type"].startswith("text/plain")
    assert count.text == str(len(everything))
    legal = client.get(CP + "/$count", {"$filter": "ЮрФизЛицо eq 'ЮрЛицо'"}, json=False)
    assert legal.text == str(len(onec.entities(CP, ЮрФизЛицо="ЮрЛицо")))
    inline = client.get(CP, {"$inlinecount": "allpages", "$top": "2", "$skip": "1"}).json()
    assert inline["odata.count"] == str(len(everything))
    assert len(inline["value"]) == len(everything)  # 17.4.6.2: $top and $skip are ignored
    assert "odata.count" not in client.get(CP, {"$inlinecount": "none", "$top": "1"}).json()
    assert len(client.rows(CP, {"allowedOnly": "true", "$top": "2"})) == 2
    assert len(client.rows(CP, {"$allowedOnly": "true", "$top": "2"})) == 2


def expected_by_inn(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return sorted(rows, key=lambda r: r["ИНН"])


def test_expand_only_with_select(onec: OneCEmulator, client: OData) -> None:
    company = known_company(onec)
    options = {"$filter": f"Ref_Key eq guid'{company['Ref_Key']}'", "$expand": "Партнер"}
    silent = client.rows(CP, {**options, "$select": "Ref_Key,Партнер_Key"})[0]
    assert "Партнер" not in silent  # probe P4: not in $select → silently not expanded
    expanded = client.rows(CP, {**options, "$select": "Ref_Key,Партнер/Description"})[0]
    partner = onec.entity(PARTNERS, company["Партнер_Key"])
    assert partner is not None
    assert expanded["Партнер"] == {"Description": partner["Description"]}
    navigated = client.get(CP + key(company["Ref_Key"]) + "/Партнер").json()
    assert navigated["odata.metadata"].endswith(f"#{PARTNERS}/@Element")
    assert navigated["Ref_Key"] == company["Партнер_Key"]


def test_batch_and_unknown_paths(client: OData) -> None:
    batch = client.http.post(client.root + "$batch", data=b"--batch_1--", timeout=10)
    assert batch.status_code == 404  # no $batch: an unknown path segment, in Atom's m:error
    assert (
        etree.fromstring(batch.content).findtext(f"{M}message") == "Сегмент пути $batch не найден!"
    )
    assert error_of(client.get("$batch"))[:2] == (404, "6")
    outside = client.http.get(client.root.replace("/ut11/", "/other/") + quote(CP), timeout=10)
    assert outside.status_code == 404 and outside.headers["Content-Type"] == "text/html"


def test_entity_keys(onec: OneCEmulator, client: OData) -> None:
    company = known_company(onec)
    by_name = client.get(f"{CP}(Ref_Key=guid'{company['Ref_Key']}')").json()
    assert by_name["Ref_Key"] == company["Ref_Key"]
    missing = client.get(CP + key("00000000-0000-0000-0000-0000000000aa"))
    assert error_of(missing) == (
        404,
        "9",
        'Экземпляр сущности "Контрагенты" не найден по переданному ключу.',
    )
    assert error_of(client.get(CP + "(guid'nonsense')")) == (
        400,
        "1",
        "Не удалось разобрать строку 'nonsense' как значение типа Edm.Guid!",
    )


def test_tabular_section_set(onec: OneCEmulator, client: OData) -> None:
    company = known_company(onec)
    rows = client.rows(CONTACTS, {"$filter": f"Ref_Key eq guid'{company['Ref_Key']}'"})
    assert rows == company["КонтактнаяИнформация"]
    line = client.get(f"{CONTACTS}(Ref_Key=guid'{company['Ref_Key']}', LineNumber=2)").json()
    assert line["LineNumber"] == "2" and line["Ref_Key"] == company["Ref_Key"]
    emails = client.rows(CONTACTS, {"$filter": "Тип eq 'АдресЭлектроннойПочты'", "$top": "5"})
    assert emails and all(r["АдресЭП"] for r in emails)
    created = client.write("POST", CONTACTS, {"Ref_Key": company["Ref_Key"], "LineNumber": "9"})
    assert error_of(created) == (
        400,
        "13",
        "Cоздание строк табличной части напрямую не поддерживается",
    )
    goods = client.get(GOODS + "/$count", json=False)
    assert int(goods.text) == sum(len(o["Товары"]) for o in onec.entities(ORDERS))
    assert len(onec.entities(GOODS, LineNumber="1")) == len(onec.entities(ORDERS))
    row_url = f"{CONTACTS}(Ref_Key=guid'{company['Ref_Key']}', LineNumber=1)"
    assert error_of(client.write("PATCH", row_url, {"Тип": "Адрес"}))[:2] == (405, "19")
    assert error_of(client.get(row_url.replace("LineNumber=1", "LineNumber=99")))[:2] == (404, "9")


# --- writes ------------------------------------------------------------------------------------


AWKWARD = 'ООО "Рога & Копыта" O\'Neil'


def test_awkward_name_created_filtered_and_read_back(onec: OneCEmulator, client: OData) -> None:
    body = {"Description": AWKWARD, "ИНН": "7707083893", "КПП": "773601001", "ЮрФизЛицо": "ЮрЛицо"}
    answer = client.write("POST", CP, body)
    assert answer.status_code == 201
    created = answer.json()
    assert created["odata.metadata"].endswith(f"#{CP}/@Element")
    assert created["DataVersion"] == "AAAAAAAAAAA=" and created["Description"] == AWKWARD
    assert created["КонтактнаяИнформация"] == [] and created["DeletionMark"] is False
    # 1C writes the Cyrillic of Location as raw UTF-8; requests decodes headers as latin-1.
    location = answer.headers["Location"].encode("latin-1").decode("utf-8")
    assert location == f"{client.root}{CP}(guid'{created['Ref_Key']}')"
    assert (
        client.http.get(
            answer.headers["Location"].encode("latin-1").decode(), params={"$format": "json"}
        ).status_code
        == 200
    )
    literal = AWKWARD.replace("'", "''")
    found = client.rows(CP, {"$filter": f"Description eq '{literal}'"})
    assert [r["Ref_Key"] for r in found] == [created["Ref_Key"]]
    part = client.rows(CP, {"$filter": "substringof('& Копыта\" O''N', Description)"})
    assert [r["Ref_Key"] for r in part] == [created["Ref_Key"]]
    assert client.get(CP + key(created["Ref_Key"])).json()["Description"] == AWKWARD
    assert onec.entity(CP, created["Ref_Key"])["Description"] == AWKWARD  # type: ignore[index]


def test_writes_are_not_validated(onec: OneCEmulator, client: OData) -> None:
    missing_partner = "11111111-2222-1333-8444-555555555555"
    body = {
        "Description": "Д" * 250,
        "НаименованиеПолное": "Н" * 1500,
        "ИНН": "123456789012345",
        "КПП": "7701010010000",
        "Партнер_Key": missing_partner,
        "НетТакогоРеквизита": "ignored",
    }
    created = client.write("POST", CP, body).json()
    assert created["Description"] == "Д" * 100 and len(created["НаименованиеПолное"]) == 1000
    assert created["ИНН"] == "123456789012" and created["КПП"] == "770101001"
    assert created["Партнер_Key"] == missing_partner and "НетТакогоРеквизита" not in created
    assert error_of(client.write("POST", CP, {"Партнер_Key": "not-a-guid"})) == (
        400,
        "1",
        "Не удалось разобрать строку 'not-a-guid' как значение типа Edm.Guid!",
    )
    assert error_of(client.write("POST", CP, {"DeletionMark": "yes"}))[:2] == (400, "1")
    assert error_of(client.write("POST", CP, {"Description": ["a"]}))[:2] == (500, "-1")
    broken = client.http.post(client.url(CP), data=b'{"Description": ', timeout=10)
    assert error_of(broken) == (500, "-1", "Непредвиденный символ при чтении JSON")
    taken = client.write("POST", CP, {"Ref_Key": created["Ref_Key"]})
    assert error_of(taken)[:2] == (400, "15")


def test_patch_updates_only_sent_fields(onec: OneCEmulator, client: OData) -> None:
    company = known_company(onec)
    ref = company["Ref_Key"]
    answer = client.write(
        "PATCH",
        CP + key(ref),
        {"КПП": "770101002", "Ref_Key": EMPTY},
        headers={"If-Match": "stale"},
    )
    assert answer.status_code == 200
    patched = answer.json()
    assert patched["КПП"] == "770101002" and patched["Ref_Key"] == ref
    assert patched["ИНН"] == company["ИНН"] and patched["Description"] == company["Description"]
    assert patched["КонтактнаяИнформация"] == company["КонтактнаяИнформация"]
    before = int.from_bytes(base64.b64decode(company["DataVersion"]), "big")
    assert int.from_bytes(base64.b64decode(patched["DataVersion"]), "big") == before + 1
    again = client.write("PATCH", CP + key(ref), {"КПП": "770101002"}).json()
    assert again["DataVersion"] != patched["DataVersion"]  # even when nothing changes
    assert error_of(client.write("PATCH", CP + key("00000000-0000-0000-0000-0000000000bb"), {}))[
        :2
    ] == (404, "9")


def test_patch_of_a_tabular_section_replaces_it(onec: OneCEmulator, client: OData) -> None:
    company = known_company(onec)
    ref = company["Ref_Key"]
    rows = [
        {"LineNumber": "1", "Тип": "Телефон", "Представление": "+7 (495) 000-00-01"},
        {"LineNumber": 2, "Тип": "АдресЭлектроннойПочты", "АдресЭП": "new@example.ru"},
    ]
    patched = client.write("PATCH", CP + key(ref), {"КонтактнаяИнформация": rows}).json()
    lines = patched["КонтактнаяИнформация"]
    assert [(r["LineNumber"], r["Тип"]) for r in lines] == [
        ("1", "Телефон"),
        ("2", "АдресЭлектроннойПочты"),
    ]
    assert all(r["Ref_Key"] == ref for r in lines) and lines[1]["АдресЭП"] == "new@example.ru"
    assert client.rows(CONTACTS, {"$filter": f"Ref_Key eq guid'{ref}'"}) == lines
    renumbered = [{"LineNumber": 2, "Тип": "Телефон"}]
    assert error_of(client.write("PATCH", CP + key(ref), {"КонтактнаяИнформация": renumbered}))[
        :2
    ] == (400, "4")
    unnumbered = [{"Тип": "Телефон"}]
    assert error_of(client.write("PATCH", CP + key(ref), {"КонтактнаяИнформация": unnumbered})) == (
        500,
        "-1",
        "Произошла внутренняя ошибка OData сервиса. Дополнительные сведения можно найти в "
        "технологическом журнале.",
    )
    assert client.get(CP + key(ref)).json()["КонтактнаяИнформация"] == lines  # unchanged


def test_put_delete_and_posting(onec: OneCEmulator, client: OData) -> None:
    created = client.write(
        "POST", ORDERS, {"Комментарий": "черновик", "СуммаДокумента": "12.50"}
    ).json()
    ref = created["Ref_Key"]
    assert created["Number"].startswith("0000-") and created["Posted"] is False
    assert created["Date"] != "0001-01-01T00:00:00" and created["СуммаДокумента"] == 12.5
    put = client.write("PUT", ORDERS + key(ref), {"Комментарий": "целиком"}).json()
    assert put["Комментарий"] == "целиком" and put["СуммаДокумента"] == 0
    assert put["Number"] == created["Number"]
    # automatic discounts are not calculated over OData: ЗаказКлиента's ПередЗаписью refuses
    status, code, words = error_of(client.http.post(client.url(ORDERS + key(ref) + "/Post"),
                                                     timeout=10))  # fmt: skip
    assert (status, code) == (500, "-1")
    assert f"В документе Заказ клиента {put['Number']} от " in words
    assert "не рассчитаны автоматические скидки (наценки). Проведение невозможно." in words
    client.write("PATCH", ORDERS + key(ref), {"СкидкиРассчитаны": True})
    post = client.http.post(
        client.url(ORDERS + key(ref) + "/Post", {"PostingModeOperational": "false"}), timeout=10
    )
    assert post.status_code == 200
    assert onec.entity(ORDERS, ref)["Posted"] is True  # type: ignore[index]
    client.http.post(client.url(ORDERS + key(ref) + "/Unpost"), timeout=10)
    assert onec.entity(ORDERS, ref)["Posted"] is False  # type: ignore[index]
    client.write("PATCH", ORDERS + key(ref), {"DeletionMark": True})
    refused = client.http.post(client.url(ORDERS + key(ref) + "/Post"), timeout=10)
    assert error_of(refused)[:2] == (500, "-1")
    assert error_of(
        client.http.post(client.url(CP + key(known_company(onec)["Ref_Key"]) + "/Post"), timeout=10)
    ) == (400, "6", "Метод не найден")
    deleted = client.http.delete(client.url(ORDERS + key(ref)), timeout=10)
    assert deleted.status_code == 204 and onec.entity(ORDERS, ref) is None
    assert error_of(client.get(ORDERS + key(ref)))[:2] == (404, "9")
    extra = client.rows(CP, {"$filter": "startswith(Description, 'ИП ')", "$top": "1"})[0]
    assert client.http.delete(client.url(CP + key(extra["Ref_Key"])), timeout=10).status_code == 204
    assert client.get(CP + key(extra["Ref_Key"])).status_code == 404
    assert extra["Ref_Key"] not in {r["Ref_Key"] for r in client.rows(CP, {"$select": "Ref_Key"})}


def test_generated_counterparty_can_be_changed(onec: OneCEmulator, client: OData) -> None:
    first = client.rows(CP, {"$top": "1", "$select": "Ref_Key,Description"})[0]
    changed = client.write("PATCH", CP + key(first["Ref_Key"]), {"Description": "Переименован"})
    assert changed.json()["Description"] == "Переименован"
    again = client.rows(CP, {"$top": "1", "$select": "Ref_Key,Description"})
    assert again == [{"Ref_Key": first["Ref_Key"], "Description": "Переименован"}]
    named = client.rows(CP, {"$filter": "Description ge 'Переименован'", "$orderby": "Description"})
    assert named[0]["Ref_Key"] == first["Ref_Key"]
    total = client.get(CP + "/$count", json=False).text
    assert int(total) == len(onec.entities(CP))


# --- authentication and the web server ----------------------------------------------------------


def test_basic_auth_utf8_and_rights(onec: OneCEmulator) -> None:
    url = OData(onec).url(PARTNERS, {"$top": "1"})
    anonymous = requests.get(url, timeout=10)
    assert anonymous.status_code == 401 and anonymous.headers["WWW-Authenticate"].startswith(
        "Basic"
    )
    assert (
        requests.get(
            url, auth=HTTPBasicAuth("Администратор".encode(), b"wrong"), timeout=10
        ).status_code
        == 401
    )
    onec.add_user("Менеджер Продаж", "пароль№1")
    cyrillic = OData(onec, "Менеджер Продаж", "пароль№1")
    assert cyrillic.get(PARTNERS, {"$top": "1"}).status_code == 200
    in_cp1251 = requests.get(
        url,
        auth=HTTPBasicAuth("Менеджер Продаж".encode("cp1251"), "пароль№1".encode("cp1251")),
        timeout=10,
    )
    assert in_cp1251.status_code == 401
    onec.add_user("Гость", "1", rights=False)
    guest = OData(onec, "Гость", "1").get(PARTNERS)
    assert error_of(guest) == (403, "20", "Нарушение прав доступа!")
    assert onec.requests[-1].user == "Гость" and onec.requests[-1].status == 403


def test_query_string_over_2048_bytes_is_an_iis_404(onec: OneCEmulator, client: OData) -> None:
    def filter_of(count: int) -> str:
        return " or ".join(f"ИНН eq '{n:010d}'" for n in range(count))

    fits = next(
        n
        for n in range(60, 0, -1)
        if len(client.url(CP, {"$filter": filter_of(n)}).split("?")[1]) <= 2048
    )
    assert client.get(CP, {"$filter": filter_of(fits)}).status_code == 200
    over = client.get(CP, {"$filter": filter_of(fits + 1)})
    assert over.status_code == 404 and over.headers["Content-Type"] == "text/html"
    assert "404 - File or directory not found." in over.text
    assert onec.requests[-1].status == 404


def test_requests_are_recorded(onec: OneCEmulator, client: OData) -> None:
    client.get(CP, {"$top": "1", "$filter": "ИНН eq '1'"})
    record = onec.requests[-1]
    assert (record.method, record.status, record.user) == ("GET", 200, "Администратор")
    assert record.path == f"/ut11/odata/standard.odata/{CP}"
    assert "$filter=ИНН eq '1'" in record.query and "%20" in record.raw_query


# --- faults ------------------------------------------------------------------------------------


def test_faults(onec: OneCEmulator, client: OData) -> None:
    onec.inject(Fault("latency", seconds=0.3, method="GET", entity_set=PARTNERS))
    started = time.monotonic()
    assert client.get(CP, {"$top": "1"}).status_code == 200
    assert time.monotonic() - started < 0.3  # another set: not delayed
    assert client.get(PARTNERS, {"$top": "1"}).status_code == 200
    assert time.monotonic() - started >= 0.3
    onec.inject(Fault("error500", method="POST", entity_set=CP, times=2))
    for _ in range(2):
        status, code, message = error_of(client.write("POST", CP, {"Description": "Не записан"}))
        assert (status, code) == (500, "-1") and message.startswith(
            "Ошибка при вызове метода контекста (Записать)"
        )
    assert onec.entities(CP, Description="Не записан") == []
    assert client.write("POST", CP, {"Description": "Записан"}).status_code == 201
    onec.inject(
        Fault("error500", message="Ошибка при выполнении обработчика - 'ОбработкаЗаполнения'")
    )
    assert (
        error_of(client.get(CP))[2] == "Ошибка при выполнении обработчика - 'ОбработкаЗаполнения'"
    )
    onec.inject(Fault("drop_after_write"))
    assert client.get(CP, {"$top": "1"}).status_code == 200  # a read is not a write
    with pytest.raises(requests.ConnectionError):
        client.write("POST", CP, {"Description": "Ответ потерян"})
    assert len(onec.entities(CP, Description="Ответ потерян")) == 1  # applied all the same
    assert onec.requests[-1].status is None and onec.requests[-1].fault == "drop_after_write"
    onec.inject(Fault("html_error"))
    page = client.get(CP)
    assert page.status_code == 503 and "Service Unavailable" in page.text
    onec.inject(Fault("truncate", method="GET"))
    with pytest.raises(requests.exceptions.RequestException):
        client.get(CP).json()
    onec.inject(Fault("error500"))
    onec.clear_faults()
    assert client.get(CP, {"$top": "1"}).status_code == 200
    with pytest.raises(ValueError, match="unknown fault kind"):
        Fault("explode")  # type: ignore[arg-type]


# --- helpers for tests -------------------------------------------------------------------------


def test_helpers_change_the_base(onec: OneCEmulator, client: OData) -> None:
    assert onec.entity(ORDERS, EMPTY) is None
    ref = onec.import_order(13)
    document = client.get(ORDERS + key(ref)).json()
    assert document["Б_Идентификатор"] == "13" and document["Number"] == "0000-000013"
    assert onec.import_order(13) == ref  # found again by the site number, not doubled
    unknown = next(o for o in onec.entities(ORDERS) if o["Контрагент_Key"] == EMPTY)
    company = known_company(onec)
    onec.set_counterparty_key(
        unknown["Ref_Key"], company["Ref_Key"], partner_key=company["Партнер_Key"]
    )
    filled = client.get(ORDERS + key(unknown["Ref_Key"])).json()
    assert filled["Контрагент_Key"] == company["Ref_Key"]
    assert filled["Партнер_Key"] == company["Партнер_Key"]
    assert filled["DataVersion"] != unknown["DataVersion"]
    with pytest.raises(KeyError):
        onec.entities("Catalog_НетТакого")


# --- scale and life cycle -----------------------------------------------------------------------


def test_clean_stop_and_loopback_only() -> None:
    before = set(threading.enumerate())
    onec = OneCEmulator(WORLD, port=0).start()
    assert onec.base_url.startswith("http://127.0.0.1:")
    client = OData(onec)
    assert (
        client.get(PARTNERS, {"$top": "1"}).status_code == 200
    )  # a keep-alive connection stays open
    onec.stop()
    onec.stop()  # twice is fine
    assert not onec.running
    assert set(threading.enumerate()) <= before
    with pytest.raises(requests.ConnectionError):
        requests.get(client.root, timeout=2)
    client.close()
    with pytest.raises(RuntimeError):
        _ = onec.service_root
