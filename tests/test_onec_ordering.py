"""How the 1C emulator orders and bounds a set, over real HTTP: as a live base, not as a GUID.

A live УТ/УНФ refuses `Ref_Key gt guid'…'` (500/-1) and orders `$orderby=Ref_Key` by the
object's presentation (sources in errors.INCOMPARABLE and ordering.py). Keyset paging over a
limited-length scalar (`Description`, `Code`) works, and the emulator answers it from an
ordered view that every write keeps up to date.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from test_onec_emulator import CP, ORDERS, PARTNERS, OData, error_of, key

from desktop_app.emulators.onec import OneCEmulator
from desktop_app.emulators.onec import refs as onec_refs
from desktop_app.emulators.onec.errors import INCOMPARABLE
from desktop_app.emulators.world import World

WORLD = World.generate(13, buyers=40, start=dt.date(2025, 10, 6))
Row = dict[str, Any]


Base = tuple[OneCEmulator, OData]


@pytest.fixture
def base() -> Iterator[Base]:
    """An emulator with 300 generated counterparties, and a bare client of it."""
    with (
        OneCEmulator(WORLD, orders=12, extra_counterparties=300) as onec,
        contextlib.closing(OData(onec)) as client,
    ):
        yield onec, client


def by_name(row: Row) -> tuple[str, int]:
    """The order 1C gives a catalog's references: presentation, then (ours) the reference."""
    return str(row["Description"]).rstrip(" ").casefold(), onec_refs.order_key(row["Ref_Key"])


def test_reference_comparisons_are_refused_as_a_live_base_does(base: Base) -> None:
    onec, client = base
    some = client.rows(CP, {"$top": "2", "$select": "Ref_Key,Партнер_Key"})
    ref, partner = some[1]["Ref_Key"], some[1]["Партнер_Key"]
    refused = [
        *(f"Ref_Key {op} guid'{ref}'" for op in ("gt", "ge", "lt", "le")),
        f"Партнер_Key lt guid'{partner}'",
        f"Ref_Key gt '{ref}'",  # a string literal: refused too (errors.INCOMPARABLE)
        f"ИНН eq '0' or not (Ref_Key ge guid'{ref}')",
        f"DeletionMark eq false and guid'{ref}' lt Ref_Key",
    ]
    for condition in refused:
        answer = client.get(CP, {"$filter": condition, "$orderby": "Ref_Key", "$top": "5"})
        assert error_of(answer) == (500, "-1", INCOMPARABLE), condition
        assert answer.json() == {
            "odata.error": {"code": "-1", "message": {"lang": "ru", "value": INCOMPARABLE}}
        }
        counted = client.get(CP + "/$count", {"$filter": condition}, json=False)
        assert counted.status_code == 500, condition
    one = client.rows(CP, {"$filter": f"Ref_Key eq guid'{ref}'", "$select": "Ref_Key"})
    assert one == [{"Ref_Key": ref}]
    others = client.rows(CP, {"$filter": f"Ref_Key ne guid'{ref}'", "$select": "Ref_Key"})
    assert len(others) == len(onec.entities(CP)) - 1
    both = f"Ref_Key eq guid'{some[0]['Ref_Key']}' or Ref_Key eq guid'{ref}'"
    found = client.rows(CP, {"$filter": both, "$select": "Ref_Key,ИНН"})
    assert {r["Ref_Key"] for r in found} == {some[0]["Ref_Key"], ref}


def test_orderby_a_reference_orders_by_its_presentation(base: Base) -> None:
    onec, client = base
    everything = onec.entities(CP)
    by_ref = client.rows(CP, {"$orderby": "Ref_Key", "$select": "Ref_Key,Description"})
    assert [r["Ref_Key"] for r in by_ref] == [r["Ref_Key"] for r in sorted(everything, key=by_name)]
    by_description = client.rows(CP, {"$orderby": "Description", "$select": "Ref_Key"})
    assert [r["Ref_Key"] for r in by_description] == [r["Ref_Key"] for r in by_ref]
    assert [r["Ref_Key"] for r in by_ref] != sorted(r["Ref_Key"] for r in by_ref)
    backwards = client.rows(CP, {"$orderby": "Ref_Key desc", "$select": "Ref_Key"})
    assert backwards == [{"Ref_Key": r["Ref_Key"]} for r in reversed(by_ref)]

    names = {r["Ref_Key"]: by_name(r) for r in onec.entities(PARTNERS)}
    by_partner = client.rows(CP, {"$orderby": "Партнер_Key", "$select": "Ref_Key,Партнер_Key"})
    expected = sorted(
        by_partner, key=lambda r: (names.get(r["Партнер_Key"], ("", 0))[0], r["Партнер_Key"])
    )
    partner_order = [names.get(r["Партнер_Key"], ("", 0))[0] for r in by_partner]
    assert partner_order == [names.get(r["Партнер_Key"], ("", 0))[0] for r in expected]

    documents = client.rows(ORDERS, {"$orderby": "Ref_Key", "$select": "Ref_Key,Date,Number"})
    assert [(d["Date"], d["Number"]) for d in documents] == sorted(
        (d["Date"], d["Number"]) for d in documents
    )
    first = client.write("POST", CP, {"Description": "ааа Первый по имени"}).json()
    assert client.rows(CP, {"$orderby": "Ref_Key", "$top": "1", "$select": "Ref_Key"}) == [
        {"Ref_Key": first["Ref_Key"]}
    ]
    assert client.rows(CP, {"$select": "Ref_Key"})[-1]["Ref_Key"] == first["Ref_Key"]


def test_keyset_pages_follow_every_write_between_them(base: Base) -> None:
    """Each page is what a live base would answer at that moment: the ordered view follows
    POST, PATCH and DELETE, whether they land before or after the cursor."""
    onec, client = base
    cursor: str | None = None
    pages = 0
    seen: list[str] = []
    while True:
        options = {"$orderby": "Description", "$top": "40", "$select": "Ref_Key,Description"}
        if cursor is not None:
            options["$filter"] = "Description ge '" + cursor.replace("'", "''") + "'"
        page = client.rows(CP, options)
        now = sorted(onec.entities(CP), key=by_name)
        low = None if cursor is None else cursor.rstrip(" ").casefold()
        expected = [r for r in now if low is None or by_name(r)[0] >= low][:40]
        assert [r["Ref_Key"] for r in page] == [r["Ref_Key"] for r in expected]
        seen += [r["Ref_Key"] for r in page]
        if len(page) < 40:
            break
        cursor = page[-1]["Description"]
        pages += 1
        ahead = [r for r in now if by_name(r)[0] > cursor.casefold()]
        if pages == 2:
            client.write("POST", CP, {"Description": "ААА вставлен позади"})
            client.write("POST", CP, {"Description": "ЯЯЯ вставлен впереди"})
        if pages == 3 and len(ahead) > 3:
            client.write("PATCH", CP + key(ahead[0]["Ref_Key"]), {"Description": "ААБ переехал"})
            assert client.http.delete(client.url(CP + key(ahead[1]["Ref_Key"]))).ok
            onec.change(CP, ahead[2]["Ref_Key"], Description="ЯЯЯЯ переехал вперёд")
            onec.delete(CP, seen[0])
    assert pages >= 8
    names = {r["Description"] for r in client.rows(CP, {"$select": "Description"})}
    assert {"ААА вставлен позади", "ЯЯЯ вставлен впереди", "ААБ переехал"} <= names


def test_light_pages_carry_the_same_values_as_whole_objects(base: Base) -> None:
    onec, client = base
    for entity_set, fields in ((CP, "Ref_Key,DataVersion,Description"), (PARTNERS, "Ref_Key,Code")):
        light = client.rows(entity_set, {"$select": fields, "$orderby": "Description"})
        whole = client.rows(entity_set, {"$orderby": "Description"})
        wanted = fields.split(",")
        assert light == [{name: r[name] for name in wanted} for r in whole]
        assert len(light) == len(onec.entities(entity_set))


def test_keyset_over_description_and_code_through_50000_counterparties() -> None:
    with OneCEmulator(WORLD, extra_counterparties=50_000) as onec:
        client = OData(onec)
        total = int(client.get(CP + "/$count", json=False).text)
        keys: list[str] = []
        last: list[Row] = []
        while True:
            options = {"$select": "Ref_Key,Description", "$orderby": "Description", "$top": "1000"}
            if last:
                cursor = last[-1]["Description"].replace("'", "''")
                options["$filter"] = f"Description ge '{cursor}'"
            page = client.rows(CP, options)
            before = {r["Ref_Key"] for r in last}
            keys += [r["Ref_Key"] for r in page if r["Ref_Key"] not in before]
            if len(page) < 1000:
                break
            assert page[0]["Description"] != page[-1]["Description"]  # no name fills a page
            last = page
        assert len(keys) == total == len(set(keys)) >= 50_000
        skipped = client.rows(
            CP, {"$select": "Ref_Key", "$orderby": "Ref_Key", "$skip": "49000", "$top": "1000"}
        )
        assert [r["Ref_Key"] for r in skipped] == keys[49_000:50_000]
        codes: list[str] = []
        while True:
            options = {"$select": "Ref_Key,Code", "$orderby": "Code", "$top": "5000"}
            if codes:
                options["$filter"] = f"Code gt '{codes[-1]}'"
            page = client.rows(PARTNERS, options)
            codes += [r["Code"] for r in page]
            if len(page) < 5000:
                break
        assert codes == sorted(set(codes))
        assert len(codes) == int(client.get(PARTNERS + "/$count", json=False).text)
        client.close()
