"""The 1C emulator's reference catalogs, its users' rights and its raw `Location`, over HTTP.

Contact-information kinds and partner access groups are published as in УТ 11; a user with
record-level restrictions sees only the partners of its access groups (with their
counterparties and orders) — a read that touches others fails whole with 403/20 unless it
asks for `allowedOnly=true`; a user without the read right on a set gets 403/20 always.
"""

from __future__ import annotations

import base64
import datetime as dt
import http.client
import json
from collections.abc import Iterator
from typing import Any
from urllib.parse import quote, urlencode, urlsplit

import pytest
import requests
from lxml import etree
from requests.auth import HTTPBasicAuth

from desktop_app.emulators.onec import OneCEmulator
from desktop_app.emulators.onec import seed_reference as reference
from desktop_app.emulators.world import World

WORLD = World.generate(23, buyers=40, start=dt.date(2025, 11, 3))
EMPTY = "00000000-0000-0000-0000-000000000000"
CP = "Catalog_Контрагенты"
CONTACTS = "Catalog_Контрагенты_КонтактнаяИнформация"
PARTNERS = "Catalog_Партнеры"
ORDERS = "Document_ЗаказКлиента"
KINDS = "Catalog_ВидыКонтактнойИнформации"
GROUPS = "Catalog_ГруппыДоступаПартнеров"
EDMX = "{http://schemas.microsoft.com/ado/2009/11/edm}"
ALLOWED = (reference.ACCESS_GROUP_SITE, reference.ACCESS_GROUP_WHOLESALE)
"""What the restricted manager may see: not the key clients."""


class OData:
    def __init__(self, emulator: OneCEmulator, user: str, password: str = "") -> None:
        self.http = requests.Session()
        self.http.auth = HTTPBasicAuth(user.encode("utf-8"), password.encode("utf-8"))
        self.root = emulator.service_root

    def url(self, path: str, options: dict[str, str] | None = None) -> str:
        options = {"$format": "json", **(options or {})}
        query = urlencode(options, quote_via=quote, safe="")
        return self.root + quote(path, safe="()'=,/$") + "?" + query

    def get(self, path: str, options: dict[str, str] | None = None) -> requests.Response:
        return self.http.get(self.url(path, options), timeout=10)

    def rows(self, path: str, options: dict[str, str] | None = None) -> list[dict[str, Any]]:
        answer = self.get(path, options)
        assert answer.status_code == 200, answer.text
        value: list[dict[str, Any]] = answer.json()["value"]
        return value

    def post(self, path: str, body: object) -> requests.Response:
        return self.http.post(self.url(path), json=body, timeout=10)


def error_of(answer: requests.Response) -> tuple[int, str, str]:
    error = answer.json()["odata.error"]
    return answer.status_code, error["code"], error["message"]["value"]


FORBIDDEN = (403, "20", "Нарушение прав доступа!")


@pytest.fixture
def onec() -> Iterator[OneCEmulator]:
    with OneCEmulator(WORLD, orders=20, extra_counterparties=50) as emulator:
        emulator.add_user("Менеджер", "1", partner_groups=ALLOWED)
        emulator.add_user("Кладовщик", "2", unreadable=(PARTNERS,))
        yield emulator


@pytest.fixture
def admin(onec: OneCEmulator) -> Iterator[OData]:
    client = OData(onec, "Администратор")
    yield client
    client.http.close()


@pytest.fixture
def manager(onec: OneCEmulator) -> Iterator[OData]:
    client = OData(onec, "Менеджер", "1")
    yield client
    client.http.close()


# --- the reference catalogs --------------------------------------------------------------------


def test_contact_kinds_are_published_with_their_predefined_names(admin: OData) -> None:
    root = etree.fromstring(admin.http.get(admin.root + "$metadata", timeout=10).content)
    assert {KINDS, GROUPS} <= {e.get("Name") for e in root.iter(f"{EDMX}EntitySet")}
    types = {e.get("Name"): e for e in root.iter(f"{EDMX}EntityType")}
    kind_props = {p.get("Name") for p in types[KINDS].iter(f"{EDMX}Property")}
    assert {"Predefined", "PredefinedDataName", "ИмяПредопределенногоВида", "Тип"} <= kind_props
    partner_props = {p.get("Name"): p.get("Type") for p in types[PARTNERS].iter(f"{EDMX}Property")}
    assert partner_props["ГруппаДоступа_Key"] == "Edm.Guid"

    phone = admin.rows(KINDS, {"$filter": "PredefinedDataName eq 'ТелефонКонтрагента'"})
    assert len(phone) == 1 and phone[0]["Predefined"] is True and phone[0]["Тип"] == "Телефон"
    names = {r["PredefinedDataName"] for r in admin.rows(KINDS) if r["Predefined"]}
    assert {"ЮрАдресКонтрагента", "ФактАдресКонтрагента", "ТелефонКонтрагента",
            "EmailКонтрагента", "АдресПартнера"} <= names  # fmt: skip
    assert any(not r["Predefined"] and r["PredefinedDataName"] == "" for r in admin.rows(KINDS))


def test_seeded_contact_rows_carry_predefined_kinds(onec: OneCEmulator, admin: OData) -> None:
    kinds = {r["Ref_Key"]: r["PredefinedDataName"] for r in admin.rows(KINDS)}
    rows = admin.rows(CONTACTS, {"$top": "200"})
    assert rows
    for row in rows:
        expected = {"Адрес": ("ЮрАдресКонтрагента", "ФактАдресКонтрагента"),
                    "Телефон": ("ТелефонКонтрагента",),
                    "АдресЭлектроннойПочты": ("EmailКонтрагента",)}[row["Тип"]]  # fmt: skip
        assert kinds[row["Вид_Key"]] in expected


def test_partners_carry_access_groups_some_from_the_site_exchange(admin: OData) -> None:
    groups = {r["Ref_Key"]: r["Description"] for r in admin.rows(GROUPS)}
    assert set(groups.values()) == {"Интернет-магазин", "Оптовые клиенты", "Ключевые клиенты"}
    partners = admin.rows(PARTNERS, {"$select": "ГруппаДоступа_Key,Комментарий"})
    assert all(p["ГруппаДоступа_Key"] in groups for p in partners)
    by_exchange = [p for p in partners if p["Комментарий"] == reference.SITE_EXCHANGE_COMMENT]
    assert by_exchange
    assert {groups[p["ГруппаДоступа_Key"]] for p in by_exchange} == {"Интернет-магазин"}


def test_writes_without_kind_or_access_group_are_stored_as_sent(
    onec: OneCEmulator, admin: OData
) -> None:
    """1C does not fill-check OData writes (GUIDE §5): both are accepted and kept empty."""
    partner = admin.post(PARTNERS, {"Description": "Без группы"})
    assert partner.status_code == 201
    assert partner.json()["ГруппаДоступа_Key"] == EMPTY
    body = {
        "Description": "Без вида",
        "Партнер_Key": partner.json()["Ref_Key"],
        "КонтактнаяИнформация": [{"LineNumber": "1", "Тип": "Телефон", "Представление": "1"}],
    }
    created = admin.post(CP, body)
    assert created.status_code == 201
    stored = onec.entity(CP, created.json()["Ref_Key"])
    assert stored is not None
    assert stored["КонтактнаяИнформация"][0]["Вид_Key"] == EMPTY


# --- record-level restrictions -----------------------------------------------------------------


def test_a_read_touching_a_forbidden_partner_fails_whole(admin: OData, manager: OData) -> None:
    every = admin.rows(PARTNERS, {"$select": "Ref_Key,ГруппаДоступа_Key"})
    assert any(p["ГруппаДоступа_Key"] == reference.ACCESS_GROUP_KEY_CLIENTS for p in every)
    assert error_of(manager.get(PARTNERS)) == FORBIDDEN
    assert error_of(manager.get(PARTNERS + "/$count")) == FORBIDDEN
    assert error_of(manager.get(CP, {"$select": "Ref_Key"})) == FORBIDDEN

    allowed = manager.rows(
        PARTNERS, {"allowedOnly": "true", "$select": "Ref_Key,ГруппаДоступа_Key"}
    )
    assert allowed and {p["ГруппаДоступа_Key"] for p in allowed} <= set(ALLOWED)
    assert len(allowed) == sum(p["ГруппаДоступа_Key"] in ALLOWED for p in every)
    counted = manager.get(PARTNERS + "/$count", {"allowedOnly": "true"}).text
    assert int(counted) == len(allowed)
    # Also spelled with a dollar (17.4.5.4's own example); $top applies after the restriction.
    assert len(manager.rows(PARTNERS, {"$allowedOnly": "true", "$top": "3"})) == 3
    # A filter that keeps only allowed rows needs no allowedOnly (17.4.5.4's example).
    group = reference.ACCESS_GROUP_WHOLESALE
    assert manager.rows(PARTNERS, {"$filter": f"ГруппаДоступа_Key eq guid'{group}'"})


def test_counterparties_and_orders_follow_their_partner(
    admin: OData, manager: OData, onec: OneCEmulator
) -> None:
    partners = {p["Ref_Key"]: p["ГруппаДоступа_Key"] for p in admin.rows(PARTNERS)}
    hidden = next(r for r in admin.rows(CP) if partners[r["Партнер_Key"]] not in ALLOWED)
    seen = manager.rows(CP, {"allowedOnly": "true", "$select": "Ref_Key,Партнер_Key"})
    assert seen and all(partners[r["Партнер_Key"]] in ALLOWED for r in seen)
    assert hidden["Ref_Key"] not in {r["Ref_Key"] for r in seen}
    # An object by its key: allowedOnly is for sets only, a forbidden one is 403 either way.
    one = f"{CP}(guid'{hidden['Ref_Key']}')"
    assert error_of(manager.get(one)) == FORBIDDEN
    assert error_of(manager.get(one, {"allowedOnly": "true"})) == FORBIDDEN
    contacts = manager.rows(CONTACTS, {"allowedOnly": "true"})
    assert hidden["Ref_Key"] not in {r["Ref_Key"] for r in contacts}
    orders = manager.rows(ORDERS, {"allowedOnly": "true", "$select": "Ref_Key,Партнер_Key"})
    assert any(o["Партнер_Key"] == EMPTY for o in orders)  # an unknown buyer's order
    assert all(o["Партнер_Key"] == EMPTY or partners[o["Партнер_Key"]] in ALLOWED for o in orders)


def test_a_restricted_user_cannot_write_what_it_could_not_read(
    onec: OneCEmulator, manager: OData
) -> None:
    before = len(onec.entities(PARTNERS))
    assert error_of(manager.post(PARTNERS, {"Description": "Без группы"})) == FORBIDDEN
    key_clients = {
        "Description": "Ключевой",
        "ГруппаДоступа_Key": reference.ACCESS_GROUP_KEY_CLIENTS,
    }
    hidden = manager.post(PARTNERS, key_clients)
    assert error_of(hidden) == FORBIDDEN
    assert len(onec.entities(PARTNERS)) == before
    made = manager.post(PARTNERS, {"Description": "С группой",
                                   "ГруппаДоступа_Key": reference.ACCESS_GROUP_SITE})  # fmt: skip
    assert made.status_code == 201
    counterparty = manager.post(CP, {"Description": "Его", "Партнер_Key": made.json()["Ref_Key"]})
    assert counterparty.status_code == 201
    assert error_of(manager.post(CP, {"Description": "Ничей"})) == FORBIDDEN


def test_no_read_right_on_a_set_is_403_always(onec: OneCEmulator) -> None:
    storekeeper = OData(onec, "Кладовщик", "2")
    assert error_of(storekeeper.get(PARTNERS, {"allowedOnly": "true"})) == FORBIDDEN
    assert error_of(storekeeper.get(PARTNERS + "/$count", {"allowedOnly": "true"})) == FORBIDDEN
    assert storekeeper.get(CP, {"$top": "1", "allowedOnly": "true"}).status_code == 200
    assert onec.requests[-1].user == "Кладовщик"


# --- Location ----------------------------------------------------------------------------------


def test_location_of_a_201_is_raw_utf8_on_the_wire(onec: OneCEmulator) -> None:
    """What the bytes are, read below requests: the Cyrillic set name unencoded."""
    parts = urlsplit(onec.service_root)
    connection = http.client.HTTPConnection(parts.hostname or "", parts.port, timeout=10)
    body = json.dumps({"Description": "Через сокет"}).encode()
    path = parts.path + quote(CP) + "?$format=json"
    token = "Basic " + base64.b64encode("Администратор:".encode()).decode()
    connection.request("POST", path, body, {"Authorization": token,
                                            "Content-Type": "application/json"})  # fmt: skip
    answer = connection.getresponse()
    raw = answer.getheader("Location") or ""
    created = json.loads(answer.read())
    connection.close()
    assert answer.status == 201
    # http.client decodes header bytes as latin-1: re-encoding gives back the bytes sent.
    assert raw.encode("latin-1") == (
        f"{onec.service_root}{CP}(guid'{created['Ref_Key']}')".encode()
    )
