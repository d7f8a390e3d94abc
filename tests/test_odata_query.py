"""Building 1C OData requests: literals, encoding, and the parsing of 1C's answers."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest

from desktop_app.adapters.onec.odata_errors import (
    OneCAuthError,
    OneCPageError,
    OneCRequestError,
    OneCServerError,
    error_for,
    parse_error_body,
)
from desktop_app.adapters.onec.odata_filter import Field, Guid, any_of, literal
from desktop_app.adapters.onec.odata_query import Query
from desktop_app.adapters.onec.onec_objects import counterparty_from
from desktop_app.adapters.onec.publication import REQUIRED, ROWS, read_metadata
from desktop_app.domain.counterparty import CounterpartyKind

CP = "Catalog_Контрагенты"
ROOT = "http://1c.local/ut11/odata/standard.odata/"
NAME = 'ООО "Рога & Копыта" O\'Neil + 100%#'


def test_string_literal_doubles_quotes_only() -> None:
    assert literal("O'Neil") == "'O''Neil'"
    assert literal(NAME) == "'ООО \"Рога & Копыта\" O''Neil + 100%#'"


def test_other_literals() -> None:
    key = "a348aa8c-d629-11e5-0a9b-000c295e30eb"
    assert literal(Guid(key)) == f"guid'{key}'"
    assert literal(dt.datetime(2026, 1, 2, 3, 4, 5, 678)) == "datetime'2026-01-02T03:04:05'"
    assert literal(dt.date(2026, 1, 2)) == "datetime'2026-01-02T00:00:00'"
    assert literal(True) == "true"
    assert literal(None) == "null"
    with pytest.raises(ValueError, match="hexadecimal"):
        Guid("not-a-guid")


def test_url_encoding_keeps_one_literal_intact() -> None:
    query = (
        Query("Catalog_Контрагенты").select("Ref_Key", "ИНН").filter(Field("Description").eq(NAME))
    )
    url = query.url(ROOT)
    query_string = url.split("?", 1)[1]
    assert " " not in url and "+" not in query_string.replace("%2B", "")
    assert "%20" in query_string  # a space is %20, never +
    assert query_string.count("&") == 2  # the & of the name is %26, not a separator
    assert "Catalog_%D0%9A" in url  # Cyrillic set names as UTF-8 percent-escapes
    assert query_string.startswith("$format=json")
    decoded = dict(part.split("=", 1) for part in query_string.split("&"))
    assert unquote(decoded["$filter"]) == f"Description eq {literal(NAME)}"


def test_count_url_and_paging_options() -> None:
    query = Query("Catalog_Партнеры").filter(Field("DeletionMark").eq(False)).top(10).skip(20)
    assert "/$count?" in query.url(ROOT, count=True)
    assert "$top" not in query.url(ROOT, count=True)
    options = dict(query.options())
    assert (options["$skip"], options["$top"]) == ("20", "10")


def test_or_list_and_combinations() -> None:
    expression = any_of([Field("ИНН").eq("1"), Field("ИНН").eq("2")]) & ~Field("DeletionMark").eq(
        True
    )
    assert expression.text == "((ИНН eq '1') or (ИНН eq '2')) and (not (DeletionMark eq true))"
    assert Field("Description").contains("O'").text == "substringof('O''', Description)"


@pytest.mark.parametrize(
    ("status", "body", "kind", "code"),
    [
        (
            400,
            b'{"odata.error":{"code":"14","message":{"lang":"ru","value":"\xd0\x9e"}}}',
            OneCRequestError,
            "14",
        ),
        (
            500,
            b'{"odata.error":{"code":"-1","message":{"lang":"ru","value":"x"}}}',
            OneCServerError,
            "-1",
        ),
        (401, b"", OneCAuthError, None),
        (404, b"<html><head><title>404 - Not Found</title></head></html>", OneCPageError, None),
    ],
)
def test_error_forms(status: int, body: bytes, kind: type, code: str | None) -> None:
    error = error_for(status, body, "text/html" if body.startswith(b"<html") else "", "чтение")
    assert isinstance(error, kind)
    assert error.code == code
    assert error.status == status


def test_xml_error_body() -> None:
    body = (
        '<?xml version="1.0"?><m:error xmlns:m="http://schemas.microsoft.com/ado/2007/08/'
        'dataservices/metadata"><m:code>-1</m:code><m:message>Error running processor — '
        "'ОбработкаУдаленияПроведения'</m:message></m:error>"
    ).encode()
    assert parse_error_body(body, "application/xml") == (
        "-1",
        "Error running processor — 'ОбработкаУдаленияПроведения'",
    )


def _json_blocks(text: str) -> list[Any]:
    """The JSON objects of a sample file that surrounds them with comments and prose."""
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)  # the sample marks omissions so
    decoder = json.JSONDecoder()
    found: list[Any] = []
    for match in re.finditer(r"^\{", text, re.M):
        try:
            value, _end = decoder.raw_decode(text, match.start())
        except ValueError:
            continue
        found.append(value)
    return found


def test_real_error_bodies(reference_dir: Path) -> None:
    text = (
        reference_dir / "onec-odata" / "forum-odata-error-json-codes-13-and-minus1.txt"
    ).read_text(encoding="utf-8")
    bodies = _json_blocks(text)
    parsed = [parse_error_body(json.dumps(b).encode(), "application/json") for b in bodies]
    assert ("13", "Cоздание строк табличной части напрямую не поддерживается") in parsed
    assert any(code == "-1" and "внутренняя ошибка OData" in (msg or "") for code, msg in parsed)


def test_real_counterparty_entity(reference_dir: Path) -> None:
    text = (reference_dir / "onec-odata" / "bp3-Catalog_Kontragenty-entity.json").read_text(
        encoding="utf-8"
    )
    row = _json_blocks(text)[0]
    party = counterparty_from(row)
    assert (party.inn, party.kpp, party.registration_number) == (
        "5024089920",
        "501701001",
        "1075024007156",
    )
    assert party.full_name == 'ООО "ТЕХНО-ЛОГИСТИК"'
    assert party.okpo is None  # "" in 1C means not filled
    assert party.kind is CounterpartyKind.UNKNOWN  # БП 3.0 has no ЮрФизЛицо, only the other enum


def test_real_list_shapes_with_strings_for_numbers(reference_dir: Path) -> None:
    text = (
        reference_dir / "onec-odata" / "custom-config-list-and-element-responses.json.txt"
    ).read_text(encoding="utf-8")
    blocks = _json_blocks(text)
    listed = next(b for b in blocks if "value" in b)
    assert isinstance(listed["value"], list) and listed["value"]
    assert any(isinstance(row.get("Коэффициент"), str) for row in listed["value"])


def test_real_metadata_excerpt_has_every_field_we_read(reference_dir: Path) -> None:
    text = (reference_dir / "onec-odata" / "ut11-real-edmx.EXCERPT.xml").read_text(encoding="utf-8")
    text = text[text.index("<?xml") :]
    text = re.sub(r"\n\s*\.\.\.\s*\n", "\n", text).replace(
        "<EntityContainer ...>", '<EntityContainer Name="x">'
    )
    # The excerpt dropped the EntitySet line of the counterparties; add it back.
    text = text.replace(
        '<EntityContainer Name="x">',
        '<EntityContainer Name="x"><EntitySet Name="Catalog_Контрагенты" '
        'EntityType="StandardODATA.Catalog_Контрагенты"/>',
    )
    publication = read_metadata(text.encode("utf-8"), ROOT)
    missing = [f for f in REQUIRED["Catalog_Контрагенты"] if f not in publication.sets[CP]]
    assert missing == []
    # The contact rows the app writes, as the real row type has them.
    rows = publication.rows["Catalog_Контрагенты_КонтактнаяИнформация"]
    assert set(ROWS["Catalog_Контрагенты_КонтактнаяИнформация"]) <= rows
    gaps = publication.gaps()
    assert any("Catalog_Партнеры" in gap and "«Партнеры»" in gap for gap in gaps)
    assert not any("Catalog_Контрагенты:" in gap or "строк" in gap for gap in gaps)
    # The tabular section's own set is not asked for: the app never queries it.
    assert not any("Catalog_Контрагенты_КонтактнаяИнформация" in gap for gap in gaps)
