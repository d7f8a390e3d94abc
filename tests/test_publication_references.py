"""The publication check and the reference items, against the 1C emulator over real HTTP.

The check asks for exactly what the app reads and writes — the kinds of contact information
and the partner access groups among it, not the tabular section's own set — and names what
is missing, what the 1C user may not read, and which access group new partners get.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from lxml import etree

from desktop_app.adapters import keychain
from desktop_app.adapters.onec.odata_client import ODataClient, OneCConnection
from desktop_app.adapters.onec.odata_errors import OneCConfigError
from desktop_app.adapters.onec.onec_bodies import counterparty_body, partner_body
from desktop_app.adapters.onec.onec_references import ReferenceItems
from desktop_app.adapters.onec.publication import (
    OPTIONAL,
    REQUIRED,
    ROWS,
    PublicationCache,
    read_metadata,
)
from desktop_app.domain.decisions import CounterpartyCard
from desktop_app.emulators.onec import OneCEmulator
from desktop_app.emulators.onec import seed_records as records
from desktop_app.emulators.onec import seed_reference as reference
from desktop_app.emulators.onec.metadata import metadata_document
from desktop_app.emulators.world import World
from desktop_app.services import settings
from desktop_app.services.connection_check import Reachability, check_onec
from desktop_app.services.onec_connection import cached_references, connect
from desktop_app.services.settings import OneCSettings

from conftest import ROOT as ROOT_DIR
from conftest import cli

WORLD = World.generate(seed=31, buyers=30, start=dt.date(2026, 1, 12))
PARTNERS = "Catalog_Партнеры"
KINDS = "Catalog_ВидыКонтактнойИнформации"
GROUPS = "Catalog_ГруппыДоступаПартнеров"
ROOT = "http://1c.local/ut11/odata/standard.odata/"
CARD = CounterpartyCard(name='ООО "Вектор"', inn="7707083893", kpp="770701001",
                        legal_address="г. Москва, ул. Лесная, 5", phone="+7 495 000-00-00",
                        email="info@vektor.ru")  # fmt: skip


@pytest.fixture
def onec() -> Iterator[OneCEmulator]:
    with OneCEmulator(WORLD, orders=6) as emulator:
        yield emulator


def settings_of(
    onec: OneCEmulator, user: str = "Администратор", *, partner_access_group: str = ""
) -> OneCSettings:
    return OneCSettings(url=onec.service_root, user=user, partner_access_group=partner_access_group)


def without(document: bytes, *names: str) -> bytes:
    """`$metadata` with the named entity sets (and their types) left out."""
    root = etree.fromstring(document)
    for element in list(root.iter("{*}EntitySet", "{*}EntityType", "{*}ComplexType")):
        if element.get("Name") in names:
            parent = element.getparent()
            assert parent is not None
            parent.remove(element)
    return bytes(etree.tostring(root))


def test_connect_finds_the_predefined_kinds_and_the_exchange_s_group(
    onec: OneCEmulator, tmp_path: Path
) -> None:
    session = connect(settings_of(onec), "", tmp_path)
    session.client.close()
    found = session.publication.references
    assert found is not None and session.gaps == []
    assert found.contact_kinds["ЮрАдресКонтрагента"] == records.KIND_LEGAL_ADDRESS
    assert found.contact_kinds["ТелефонКонтрагента"] == records.KIND_PHONE
    assert found.contact_kinds["EmailКонтрагента"] == records.KIND_EMAIL
    # Not the most common group of all partners: the one the site exchange's partners have.
    assert (found.access_group, found.access_group_name) == (
        reference.ACCESS_GROUP_SITE,
        "Интернет-магазин",
    )
    cached = json.loads((tmp_path / PublicationCache.FILE).read_text(encoding="utf-8"))
    assert cached["references"]["access_group"] == reference.ACCESS_GROUP_SITE

    start = len(onec.requests)
    again = connect(settings_of(onec), "", tmp_path)
    again.client.close()
    assert again.publication.references == found
    assert onec.requests[start:] == []  # all from the cache: no $metadata, no look-up
    assert cached_references(settings_of(onec), tmp_path) == found


def test_a_changed_setting_reads_the_references_again_but_not_metadata(
    onec: OneCEmulator, tmp_path: Path
) -> None:
    connect(settings_of(onec), "", tmp_path).client.close()
    start = len(onec.requests)
    chosen = settings_of(onec, partner_access_group="  оптовые КЛИЕНТЫ ")
    assert cached_references(chosen, tmp_path) is None  # the cache is of another setting
    session = connect(chosen, "", tmp_path)
    session.client.close()
    assert session.publication.references is not None
    assert session.publication.references.access_group == reference.ACCESS_GROUP_WHOLESALE
    assert not any(r.path.endswith("$metadata") for r in onec.requests[start:])
    upper = settings_of(onec, partner_access_group=reference.ACCESS_GROUP_KEY_CLIENTS.upper())
    by_key = connect(upper, "", tmp_path)
    by_key.client.close()
    assert by_key.publication.references is not None
    assert by_key.publication.references.access_group == reference.ACCESS_GROUP_KEY_CLIENTS

    wrong = check_onec(settings_of(onec, partner_access_group="VIP"), "", tmp_path)
    assert wrong.state is Reachability.OK
    assert any("«VIP»" in gap and "«Интернет-магазин»" in gap for gap in wrong.gaps)


def test_several_groups_and_no_sign_of_the_exchange_block_new_partners(
    onec: OneCEmulator, tmp_path: Path
) -> None:
    for partner in onec.entities(PARTNERS, Комментарий=reference.SITE_EXCHANGE_COMMENT):
        onec.set_fields(PARTNERS, partner["Ref_Key"], Комментарий="")
    result = check_onec(settings_of(onec), "", tmp_path)
    assert result.state is Reachability.OK
    gap = next(g for g in result.gaps if "несколько групп доступа" in g)
    assert "config set onec.partner_access_group" in gap and "«Ключевые клиенты»" in gap
    references = cached_references(settings_of(onec), tmp_path)
    assert references is not None
    session = connect(settings_of(onec), "", tmp_path)
    session.client.close()
    assert session.directory_gaps == []  # the directory can still be copied
    with pytest.raises(OneCConfigError, match=r"onec\.partner_access_group"):
        partner_body(CARD, "m1", references)


def test_a_base_without_access_groups_gives_none(onec: OneCEmulator, tmp_path: Path) -> None:
    with ODataClient(OneCConnection(onec.service_root, "Администратор", "")) as client:
        publication = read_metadata(without(metadata_document(), GROUPS), client.root)
    assert any(GROUPS in gap and "«Группы доступа партнеров»" in gap for gap in publication.gaps())
    body = partner_body(CARD, "m1", ReferenceItems())
    assert "ГруппаДоступа_Key" not in body


def test_bodies_carry_the_kinds_and_the_group(onec: OneCEmulator, tmp_path: Path) -> None:
    session = connect(settings_of(onec), "", tmp_path)
    session.client.close()
    references = session.publication.references
    assert references is not None
    partner = partner_body(CARD, "m1", references)
    assert partner["ГруппаДоступа_Key"] == reference.ACCESS_GROUP_SITE
    rows = counterparty_body(CARD, None, "m1", references)["КонтактнаяИнформация"]
    assert [(r["Тип"], r["Вид_Key"]) for r in rows] == [
        ("Адрес", records.KIND_LEGAL_ADDRESS),
        ("Телефон", records.KIND_PHONE),
        ("АдресЭлектроннойПочты", records.KIND_EMAIL),
    ]
    with pytest.raises(OneCConfigError, match="Виды контактной информации"):
        counterparty_body(CARD, None, "m1", ReferenceItems())
    bare = CounterpartyCard(name="ИП Петров", inn="500100732259")
    assert "КонтактнаяИнформация" not in counterparty_body(bare, None, "m1", ReferenceItems())


def test_the_check_asks_for_what_the_app_uses_and_no_more() -> None:
    contacts_set = "Catalog_Контрагенты_КонтактнаяИнформация"
    # The tabular section's own set is never queried: leaving it out is no gap, as long as
    # its row type describes the rows the app writes.
    document = etree.fromstring(metadata_document())
    for element in list(document.iter("{*}EntitySet", "{*}EntityType")):
        if element.get("Name") == contacts_set:
            parent = element.getparent()
            assert parent is not None
            parent.remove(element)
    assert read_metadata(bytes(etree.tostring(document)), ROOT).gaps() == []
    gaps = read_metadata(without(metadata_document(), KINDS), ROOT).gaps()
    assert gaps == [
        f"В публикации OData нет набора {KINDS}: администратор 1С должен добавить справочник "
        "«Виды контактной информации» в состав стандартного интерфейса OData."
    ]
    # A row type without the kind: the check names the field of the rows.
    rows = etree.fromstring(metadata_document())
    for element in rows.iter("{*}ComplexType"):
        for prop in list(element):
            if prop.get("Name") == "Вид_Key":
                element.remove(prop)
    row_gaps = read_metadata(bytes(etree.tostring(rows)), ROOT).gaps()
    assert len(row_gaps) == 1 and "Вид_Key" in row_gaps[0]
    assert "«Контактная информация» справочника «Контрагенты»" in row_gaps[0]


def test_the_check_names_sets_the_1c_user_may_not_read(onec: OneCEmulator, tmp_path: Path) -> None:
    onec.add_user("Оператор", "о", unreadable=(KINDS, PARTNERS))
    result = check_onec(settings_of(onec, "Оператор"), "о", tmp_path)
    assert result.state is Reachability.OK
    refused = [g for g in result.gaps if "нет права чтения" in g]
    assert len(refused) == 2
    assert any("справочник «Виды контактной информации»" in g for g in refused)
    assert any("справочник «Партнеры»" in g and "«Оператор»" in g for g in refused)
    assert len(result.gaps) == len(set(result.gaps))


def test_a_cache_of_another_format_is_read_again(onec: OneCEmulator, tmp_path: Path) -> None:
    old = {"service_root": onec.service_root, "read_at": "2025-01-01T00:00:00+00:00",
           "sets": {"Catalog_Контрагенты": ["Ref_Key"]}}  # fmt: skip
    (tmp_path / PublicationCache.FILE).write_text(json.dumps(old), encoding="utf-8")
    assert PublicationCache(tmp_path).load(onec.service_root) is None
    session = connect(settings_of(onec), "", tmp_path)
    session.client.close()
    assert session.gaps == [] and session.publication.references is not None


def test_check_onec_says_which_access_group_new_partners_get(
    onec: OneCEmulator, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    settings.save(data, settings.Settings(onec=settings_of(onec)))
    keychain.store_password("onec", "Администратор", onec.service_root, "")
    checked = cli(data, "check", "onec")
    assert checked.returncode == 0, checked.stderr
    assert "группу доступа «Интернет-магазин»" in checked.stdout
    assert "Публикация 1С в порядке" in checked.stdout


def test_the_readme_lists_exactly_what_the_check_asks_for() -> None:
    text = (ROOT_DIR / "README.md").read_text(encoding="utf-8")
    section = text[text.index("**1C.**") : text.index("**The seller on invoices.**")]
    lines = section.splitlines()
    start = next(n for n, line in enumerate(lines) if line.startswith("| set |"))
    end = next(n for n in range(start, len(lines)) if not lines[n].startswith("|"))
    table = [line for line in lines[start:end] if line.startswith("| ")]  # the first table
    named = {line.split("|")[1].strip().split(" ")[0].strip("`") for line in table[1:]} - {""}
    assert named == {*REQUIRED, *OPTIONAL}
    listed = " ".join(table)
    for fields in (*REQUIRED.values(), *(f for f, _ in OPTIONAL.values()), *ROWS.values()):
        missing = [f for f in fields if f"`{f}`" not in listed]
        assert missing == []
