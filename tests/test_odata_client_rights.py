"""The OData client and 1C's record-level restrictions, rights and `Location`, over real HTTP.

Every read carries `allowedOnly=true`, so a 1C user whose access groups hide some partners
still gets the rest; a user without the right on a set gets an error that names the set in
words for the 1C administrator; a 201 whose body broke off is read back by its `Location`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from urllib.parse import quote

import pytest

from desktop_app.adapters.onec.odata_answers import created_key, header_text
from desktop_app.adapters.onec.odata_client import ODataClient, OneCConnection
from desktop_app.adapters.onec.odata_errors import OneCConnectionError, OneCRightsError
from desktop_app.adapters.onec.odata_filter import Field
from desktop_app.adapters.onec.odata_query import Query
from desktop_app.adapters.onec.onec_objects import COUNTERPARTIES, PARTNERS, OneCObjects
from desktop_app.emulators.onec import Fault, OneCEmulator
from desktop_app.emulators.onec import seed_reference as reference
from desktop_app.emulators.world import World

WORLD = World.generate(seed=29, buyers=40, start=dt.date(2025, 12, 1))
ALLOWED = (reference.ACCESS_GROUP_SITE, reference.ACCESS_GROUP_WHOLESALE)


@pytest.fixture(scope="module")
def onec() -> Iterator[OneCEmulator]:
    with OneCEmulator(WORLD, orders=10, extra_counterparties=60) as emulator:
        emulator.add_user("Менеджер", "м", partner_groups=ALLOWED)
        emulator.add_user("Кладовщик", "к", unreadable=(PARTNERS,))
        yield emulator


def client_for(onec: OneCEmulator, user: str = "Администратор", password: str = "") -> ODataClient:
    connection = OneCConnection(onec.service_root, user, password, retries=1, backoff=0.01)
    return ODataClient(connection)


def test_every_read_asks_for_allowed_objects_only(onec: OneCEmulator) -> None:
    start = len(onec.requests)
    with client_for(onec) as client:
        client.metadata()
        client.rows(Query(PARTNERS).select("Ref_Key").top(2))
        client.count(Query(PARTNERS).filter(Field("DeletionMark").eq(False)))
        some = client.rows(Query(COUNTERPARTIES).select("Ref_Key", "ИНН").top(3))
        client.get(COUNTERPARTIES, some[0]["Ref_Key"])
        client.find_in(Query(COUNTERPARTIES).select("Ref_Key"), "ИНН", [r["ИНН"] for r in some])
        list(client.pages(Query(PARTNERS).select("Ref_Key"), "Code", size=500))
    reads = onec.requests[start:]
    data = [r for r in reads if not r.path.endswith("$metadata")]
    assert len(data) == len(reads) - 1 >= 6
    assert all(r.raw_query.endswith("allowedOnly=true") for r in data), [r.query for r in data]
    assert "allowedOnly" not in next(r for r in reads if r.path.endswith("$metadata")).query


def test_a_restricted_user_reads_the_partners_it_may_see(onec: OneCEmulator) -> None:
    every = onec.entities(PARTNERS)
    visible = [p for p in every if p["ГруппаДоступа_Key"] in ALLOWED]
    assert 0 < len(visible) < len(every)
    with client_for(onec, "Менеджер", "м") as client:
        rows = [r for page in client.pages(Query(PARTNERS).select("Ref_Key"), "Code") for r in page]
        counted = client.count(Query(PARTNERS))
        hidden = next(p for p in every if p["ГруппаДоступа_Key"] not in ALLOWED)
        with pytest.raises(OneCRightsError) as caught:
            OneCObjects(client).partner(hidden["Ref_Key"])
    assert {r["Ref_Key"] for r in rows} == {p["Ref_Key"] for p in visible}
    assert counted == len(visible)
    words = caught.value.message
    assert "«Менеджер»" in words and "справочник «Партнеры»" in words
    assert "ограничением доступа на уровне записей" in words
    assert "Нарушение прав доступа!" in words and caught.value.entity_set == PARTNERS


def test_no_read_right_names_the_set_for_the_1c_administrator(onec: OneCEmulator) -> None:
    with client_for(onec, "Кладовщик", "к") as client:
        assert client.rows(Query(COUNTERPARTIES).select("Ref_Key").top(1))
        with pytest.raises(OneCRightsError) as caught:
            client.rows(Query(PARTNERS).select("Ref_Key").top(1))
    error = caught.value
    assert (error.status, error.code, error.entity_set) == (403, "20", PARTNERS)
    assert error.message.startswith("чтение Catalog_Партнеры: у пользователя 1С «Кладовщик»")
    assert "Администратору 1С: дайте этому пользователю право на чтение справочник" in (
        error.message
    )
    assert error.message.endswith("Ответ 1С: «Нарушение прав доступа!».")


def test_a_refused_write_says_what_to_grant(onec: OneCEmulator) -> None:
    with client_for(onec, "Менеджер", "м") as client, pytest.raises(OneCRightsError) as caught:
        client.create(PARTNERS, {"Description": "Без группы доступа"})
    assert "нет права записывать справочник «Партнеры»" in caught.value.message
    assert "onec.partner_access_group" in caught.value.message
    assert not onec.entities(PARTNERS, Description="Без группы доступа")


def test_a_created_object_whose_answer_broke_off_is_read_back_by_location(
    onec: OneCEmulator,
) -> None:
    onec.inject(Fault("truncate", method="POST", entity_set=COUNTERPARTIES))
    with client_for(onec) as client:
        created = client.create(COUNTERPARTIES, {"Description": "Оборванный ответ", "ИНН": "1"})
    stored = onec.entities(COUNTERPARTIES, Description="Оборванный ответ")
    assert len(stored) == 1
    assert created["Ref_Key"] == stored[0]["Ref_Key"] and created["ИНН"] == "1"
    assert onec.requests[-1].method == "GET"  # the read back, by the key Location named


def test_a_read_whose_answer_broke_off_is_tried_again(onec: OneCEmulator) -> None:
    onec.inject(Fault("truncate", method="GET", entity_set=PARTNERS))
    with client_for(onec) as client:
        assert len(client.rows(Query(PARTNERS).select("Ref_Key").top(5))) == 5
    onec.inject(Fault("truncate", method="GET", entity_set=PARTNERS, times=5))
    with client_for(onec) as client, pytest.raises(OneCConnectionError, match="оборвался"):
        client.rows(Query(PARTNERS).select("Ref_Key").top(5))
    onec.clear_faults()


def test_location_is_read_whatever_arrives() -> None:
    root = "http://127.0.0.1:1/ut11/odata/standard.odata/"
    key = "0f0e0d0c-0b0a-0908-0706-050403020100"
    sent = f"{root}Catalog_Контрагенты(guid'{key}')"
    as_requests_gives_it = sent.encode("utf-8").decode("latin-1")
    assert header_text(as_requests_gives_it) == sent
    assert created_key(as_requests_gives_it, "Catalog_Контрагенты") == key
    encoded = f"{root}{quote('Catalog_Контрагенты')}(guid'{key}')"
    assert created_key(encoded, "Catalog_Контрагенты") == key  # a proxy encoded it
    assert created_key(sent, "Catalog_Контрагенты") == key  # some other library decoded it
    assert created_key(as_requests_gives_it, "Catalog_Партнеры") is None  # another set
    for junk in (None, "", "\xff\xfe garbage", "Catalog_Контрагенты(guid'nope')", "/(guid')"):
        assert created_key(junk, "Catalog_Контрагенты") is None
    assert header_text("caf\xe9") == "caf\xe9"  # real latin-1 text is left alone
