"""The OData client against the 1C emulator over real HTTP on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from desktop_app.adapters.onec.odata_client import ODataClient, OneCConnection
from desktop_app.adapters.onec.odata_errors import (
    OneCAuthError,
    OneCConnectionError,
    OneCNotFoundError,
    OneCPageError,
    OneCRequestError,
    OneCServerError,
)
from desktop_app.adapters.onec.odata_filter import Field, Guid
from desktop_app.adapters.onec.odata_query import Query
from desktop_app.adapters.onec.onec_objects import COUNTERPARTIES, CUSTOMER_ORDERS, OneCObjects
from desktop_app.adapters.onec.publication import read_metadata
from desktop_app.adapters.onec.site_orders import SiteOrders
from desktop_app.domain import order_link
from desktop_app.emulators.onec import Fault, OneCEmulator
from desktop_app.emulators.world import World

AWKWARD = 'ООО "Рога & Копыта" O\'Neil + 100%'


@pytest.fixture(scope="module")
def world() -> World:
    return World.generate(seed=19, buyers=40)


@pytest.fixture
def onec(world: World) -> Iterator[OneCEmulator]:
    with OneCEmulator(world, orders=30, extra_counterparties=2500) as emulator:
        yield emulator


def client_for(emulator: OneCEmulator, **options: object) -> ODataClient:
    connection = OneCConnection(
        url=emulator.service_root,
        user=options.pop("user", "Администратор"),  # type: ignore[arg-type]
        password=options.pop("password", ""),  # type: ignore[arg-type]
        backoff=0.01,
        **options,  # type: ignore[arg-type]
    )
    return ODataClient(connection)


def test_find_a_known_company_and_its_branch(world: World, onec: OneCEmulator) -> None:
    known = next(b for b in world.buyers if b.known_in_onec and b.counterparty.kpp)
    with client_for(onec) as client:
        found = OneCObjects(client).counterparties_by_inn(known.counterparty.inn or "")
    assert found
    assert all(c.inn == known.counterparty.inn for c in found)
    assert known.counterparty.kpp in {c.kpp for c in found}
    heads = [c for c in found if not c.is_branch]
    branches = [c for c in found if c.is_branch]
    assert all(b.head_key in {h.ref_key for h in heads} for b in branches)


def test_count_and_keyset_pages_return_each_row_once(onec: OneCEmulator) -> None:
    with client_for(onec) as client:
        total = client.count(Query(COUNTERPARTIES))
        query = Query(COUNTERPARTIES).select("Ref_Key", "ИНН")
        rows = [row for page in client.pages(query, "Description", size=700) for row in page]
    assert total >= 2500
    keys = [row["Ref_Key"] for row in rows]
    assert len(keys) == total == len(set(keys))
    names = [row["Description"].casefold() for row in rows]  # the paging field comes along
    assert names == sorted(names)
    assert all(record.status == 200 for record in onec.requests)
    assert not any("Ref_Key gt" in record.query for record in onec.requests)


def test_awkward_name_round_trips_through_create_filter_and_read(onec: OneCEmulator) -> None:
    with client_for(onec) as client:
        objects = OneCObjects(client)
        created = objects.create_counterparty(
            {"Description": AWKWARD, "ИНН": "7707083893", "КПП": "773601001", "ЮрФизЛицо": "ЮрЛицо"}
        )
        assert created.description == AWKWARD
        rows = client.rows(
            Query(COUNTERPARTIES)
            .select("Ref_Key", "Description")
            .filter(Field("Description").eq(AWKWARD))
        )
        assert [r["Ref_Key"] for r in rows] == [created.ref_key]
        again = objects.counterparty(created.ref_key)
        assert again is not None and again.description == AWKWARD
        assert client.rows(
            Query(COUNTERPARTIES).select("Ref_Key").filter(Field("Description").contains("O'Neil"))
        )


def test_update_changes_data_version(onec: OneCEmulator) -> None:
    with client_for(onec) as client:
        objects = OneCObjects(client)
        created = objects.create_counterparty({"Description": "ООО Тест", "ИНН": "7707083893"})
        updated = objects.update_counterparty(created.ref_key, {"КПП": "770701001"})
    assert updated.kpp == "770701001"
    assert updated.data_version != created.data_version
    assert updated.description == "ООО Тест"  # PATCH changes only what was sent


def test_long_or_list_is_split_under_the_limit(world: World, onec: OneCEmulator) -> None:
    known = sorted(
        {b.counterparty.inn for b in world.buyers if b.known_in_onec and b.counterparty.inn}
    )
    inns = [f"{n:010d}" for n in range(3000)] + known
    with client_for(onec) as client:
        found = OneCObjects(client).counterparties_by_inns(inns)
    assert {c.inn for c in found} == set(known)
    queries = [r for r in onec.requests if r.method == "GET" and "ИНН" in r.query]
    assert len(queries) > 1
    assert all(len(urlsplit(r.path + "?" + r.query).query.encode()) <= 2048 for r in queries)


def test_a_query_over_the_limit_is_an_html_404(onec: OneCEmulator) -> None:
    long_filter = Field("Description").eq("x" * 2500)
    with client_for(onec, query_limit=100_000) as client, pytest.raises(OneCPageError) as caught:
        client.rows(Query(COUNTERPARTIES).filter(long_filter))
    assert caught.value.status == 404
    assert "слишком длинный" in caught.value.message


def test_cyrillic_login(onec: OneCEmulator) -> None:
    onec.add_user("Менеджер Продаж", "пароль№1")
    with client_for(onec, user="Менеджер Продаж", password="пароль№1") as client:
        assert client.count(Query(COUNTERPARTIES)) > 0


def test_wrong_password(onec: OneCEmulator) -> None:
    with client_for(onec, password="wrong") as client, pytest.raises(OneCAuthError) as caught:
        client.count(Query(COUNTERPARTIES))
    assert caught.value.status == 401
    assert "login onec" in caught.value.message


def test_unknown_field_and_bad_filter_carry_1c_words(onec: OneCEmulator) -> None:
    with client_for(onec) as client:
        with pytest.raises(OneCRequestError) as unknown:
            client.rows(Query(COUNTERPARTIES).filter(Field("НетТакогоПоля").eq("1")))
        with pytest.raises(OneCRequestError) as unsupported:
            client.rows(Query(COUNTERPARTIES).filter(Field("tolower(Description)").eq("x")))
    assert unknown.value.code == "6"
    assert unknown.value.onec_message
    assert unknown.value.onec_message in unknown.value.message
    assert unsupported.value.code == "21"  # «Вызов нереализованной функции» (docs 17.4.10)


def test_missing_object_is_none_and_its_update_a_404(onec: OneCEmulator) -> None:
    missing = "11111111-2222-3333-4444-555555555555"
    with client_for(onec) as client:
        objects = OneCObjects(client)
        assert objects.counterparty(missing) is None
        with pytest.raises(OneCNotFoundError) as caught:
            objects.update_counterparty(missing, {"КПП": "1"})
    assert caught.value.code == "9"


def test_handler_failure_is_shown_verbatim(onec: OneCEmulator) -> None:
    onec.inject(Fault(kind="error500", method="POST", entity_set=COUNTERPARTIES))
    with client_for(onec) as client, pytest.raises(OneCServerError) as caught:
        OneCObjects(client).create_counterparty({"Description": "ООО Сбой"})
    assert caught.value.code == "-1"
    assert caught.value.onec_message
    assert caught.value.onec_message in caught.value.message


def test_write_applied_then_connection_dropped(onec: OneCEmulator) -> None:
    onec.inject(Fault(kind="drop_after_write", method="POST", entity_set=COUNTERPARTIES))
    with client_for(onec) as client, pytest.raises(OneCConnectionError) as caught:
        OneCObjects(client).create_counterparty({"Description": "ООО Потерянный ответ"})
    assert "Неизвестно, успела ли 1С выполнить запись" in caught.value.message
    assert onec.entities(COUNTERPARTIES, Description="ООО Потерянный ответ")  # it was applied


def test_slow_read_is_retried(onec: OneCEmulator) -> None:
    onec.inject(Fault(kind="latency", seconds=2, method="GET", times=1))
    with client_for(onec, read_timeout=0.5, retries=2) as client:
        assert client.count(Query(COUNTERPARTIES)) > 0


def test_customer_orders_of_unknown_buyers_have_no_counterparty(
    world: World, onec: OneCEmulator
) -> None:
    with client_for(onec) as client:
        objects = OneCObjects(client)
        found = SiteOrders(client, order_link.bitrix())  # the seed's exchange (GUIDE §5)
        orders = [order for number in range(1, 31) for order in found.find(str(number))]
        assert len(orders) == 30
        unknown = [o for o in orders if o.counterparty_key is None]
        assert unknown
        target = unknown[0]
        counterparty = next(
            c
            for c in objects.counterparties_by_inns(
                sorted(
                    {
                        b.counterparty.inn
                        for b in world.buyers
                        if b.known_in_onec and b.counterparty.inn
                    }
                )
            )
            if c.partner_key
        )
        assert counterparty.partner_key is not None
        linked = objects.link_customer_order(
            target.ref_key, counterparty.ref_key, counterparty.partner_key
        )
    assert linked.counterparty_key == counterparty.ref_key
    assert linked.partner_key == counterparty.partner_key
    assert linked.data_version != target.data_version


def test_organizations_and_contact_information(onec: OneCEmulator) -> None:
    with client_for(onec) as client:
        objects = OneCObjects(client)
        organizations = objects.organizations()
        some = client.rows(Query(COUNTERPARTIES).select("Ref_Key").top(5))
        contacts = [objects.contact_information(row["Ref_Key"]) for row in some]
    assert organizations
    assert all(o.inn for o in organizations)
    assert any(contacts)


def test_publication_of_the_emulator_is_complete(onec: OneCEmulator) -> None:
    with client_for(onec) as client:
        publication = read_metadata(client.metadata(), client.root)
    assert publication.gaps() == []
    assert CUSTOMER_ORDERS in publication.sets


def test_reference_key_in_filter_is_a_guid_literal(onec: OneCEmulator) -> None:
    with client_for(onec) as client:
        first = client.rows(Query(COUNTERPARTIES).select("Ref_Key").top(1))[0]["Ref_Key"]
        rows = client.rows(
            Query(COUNTERPARTIES).select("Ref_Key").filter(Field("Ref_Key").eq(Guid(first)))
        )
    assert [r["Ref_Key"] for r in rows] == [first]


def test_nothing_listening() -> None:
    connection = OneCConnection(
        url="http://127.0.0.1:9/ut11/odata/standard.odata/",
        user="u",
        password="",
        retries=1,
        backoff=0.01,
    )
    with ODataClient(connection) as client, pytest.raises(OneCConnectionError) as caught:
        client.count(Query(COUNTERPARTIES))
    assert "onec.url" in caught.value.message


def test_missing_ca_bundle(tmp_path: Path) -> None:
    from desktop_app.adapters.onec.odata_errors import OneCConfigError

    with pytest.raises(OneCConfigError):
        ODataClient(
            OneCConnection(
                url="https://x/ut/odata/standard.odata",
                user="u",
                password="",
                ca_bundle=tmp_path / "no.pem",
            )
        )
