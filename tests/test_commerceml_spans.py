"""Byte spans of documents: the exact source bytes kept for audit, and the salvage cut points."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from lxml import etree

from desktop_app.adapters.portal import commerceml_spans
from desktop_app.adapters.portal.commerceml_reader import CommerceMLReader, ReadOrder
from desktop_app.adapters.portal.commerceml_spans import document_spans, file_spans, read_span
from desktop_app.emulators.bitrix_commerceml import orders_to_bytes
from desktop_app.emulators.world import World


def test_spans_cover_each_document_exactly() -> None:
    data = orders_to_bytes(
        World.generate(seed=5, buyers=20).orders(30), generated_at=dt.datetime(2026, 1, 1)
    )
    spans = document_spans(data, "cp1251")
    assert [s.index for s in spans] == list(range(1, 31))
    for span in spans:
        assert span.end is not None
        chunk = data[span.start : span.end]
        assert chunk.startswith("<Документ>".encode("cp1251"))
        assert chunk.endswith("</Документ>".encode("cp1251"))
        etree.fromstring(chunk, etree.XMLParser(encoding="cp1251"))  # a whole element


def test_prefixes_text_mentions_and_an_unclosed_last_document() -> None:
    text = (
        '<cml:КоммерческаяИнформация xmlns:cml="urn:1C.ru:commerceml_2">'
        "<cml:Документ><cml:Комментарий>Документ оплаты</cml:Комментарий></cml:Документ>"
        "<cml:ДокументОснование/>"
        "<cml:Документ ><cml:Ид>2</cml:Ид>"
    )
    data = text.encode("utf-8")
    first, second = document_spans(data, "utf-8")
    assert data[first.start : first.end].decode().startswith("<cml:Документ>")
    assert data[first.start : first.end].decode().endswith("</cml:Документ>")
    assert second.end is None
    assert data[second.start :].decode().startswith("<cml:Документ >")


def test_utf16_is_not_searched() -> None:
    assert document_spans("<Документ/>".encode("utf-16"), "utf-16") == []


def test_http_charset_applies_only_when_the_file_declares_nothing(tmp_path: Path) -> None:
    body = "<КоммерческаяИнформация><Документ><Ид>Ж1</Ид>"
    body += "<ХозОперация>Заказ товара</ХозОперация></Документ></КоммерческаяИнформация>"
    undeclared = tmp_path / "undeclared.xml"
    undeclared.write_bytes(body.encode("cp1251"))
    items = list(CommerceMLReader(undeclared, fallback_encoding="windows-1251").documents())
    assert [i.order.id for i in items if isinstance(i, ReadOrder)] == ["Ж1"]
    declared = tmp_path / "declared.xml"
    declared.write_bytes(('<?xml version="1.0" encoding="UTF-8"?>' + body).encode("utf-8"))
    items = list(CommerceMLReader(declared, fallback_encoding="windows-1251").documents())
    assert [i.order.id for i in items if isinstance(i, ReadOrder)] == ["Ж1"]


@pytest.mark.parametrize("block", [300, 1000, 4096, 1 << 22])
def test_file_spans_in_blocks_agree_with_the_whole_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, block: int
) -> None:
    """Tags cut by a block boundary are still found: the boundary keeps some context."""
    data = orders_to_bytes(
        World.generate(seed=6, buyers=10).orders(12), generated_at=dt.datetime(2026, 1, 1)
    )
    path = tmp_path / "answer.xml"
    path.write_bytes(data + "<Документ><Ид>cut".encode("cp1251"))
    monkeypatch.setattr(commerceml_spans, "_BLOCK", block)
    expected = document_spans(path.read_bytes(), "cp1251")
    assert file_spans(path, "cp1251") == expected
    assert len(expected) == 13
    assert expected[-1].end is None
    with path.open("rb") as stream:
        assert read_span(stream, expected[0]) == data[expected[0].start : expected[0].end]
