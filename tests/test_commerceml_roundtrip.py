"""What the portal emulator writes, the reader reads back: every field of the generated world."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from desktop_app.adapters.portal.commerceml_reader import (
    CommerceMLReader,
    NotCommerceMLError,
    ReadOrder,
    ReadProblem,
)
from desktop_app.domain.order import Order
from desktop_app.emulators.bitrix_commerceml import write_orders
from desktop_app.emulators.world import World

GENERATED_AT = dt.datetime(2026, 1, 12, 9, 5, 3)  # 9 o'clock: Bitrix writes "T9:05:03"


def _card(order: Order) -> tuple[object, ...]:
    buyer = order.buyer
    assert buyer is not None
    return (
        order.id,
        order.number,
        order.date,
        order.total,
        order.currency,
        buyer.id.strip() if buyer.id else None,
        buyer.name,
        buyer.official_name,
        buyer.kind,
        buyer.inn,
        buyer.kpp,
        buyer.okpo,
        buyer.legal_address,
        tuple((b.account, b.bik, b.bank) for b in buyer.bank_accounts),
        tuple(r.name for r in buyer.representatives),
        tuple((line.id, line.name, line.quantity, line.price, line.amount) for line in order.lines),
        tuple((line.unit_symbol, line.unit_code) for line in order.lines),
        tuple((t.name, t.included, t.amount) for t in order.taxes),
        tuple((p.name, p.values) for p in order.properties),
    )


@pytest.mark.parametrize(
    ("version", "encoding"),
    [("2.05", "windows-1251"), ("2.08", "windows-1251"), ("2.08", "utf-8"),
     ("2.10", "windows-1251"), ("3.1", "utf-8")],
)  # fmt: skip
def test_generated_orders_read_back_unchanged(tmp_path: Path, version: str, encoding: str) -> None:
    """From 2.10 each order brings a payment and a shipment with the same buyer: skipped."""
    world = World.generate(seed=11, buyers=60)
    sent = list(world.orders(150))
    path = tmp_path / "answer.xml"
    with path.open("wb") as stream:
        write_orders(stream, sent, version=version, encoding=encoding, generated_at=GENERATED_AT)
    reader = CommerceMLReader(path)
    items = list(reader.documents())
    assert [i for i in items if isinstance(i, ReadProblem)] == []
    received = [i.order for i in items if isinstance(i, ReadOrder)]
    assert reader.generated_at == GENERATED_AT
    assert reader.schema_version == ("2.1" if version == "2.10" else version)  # doubleval()
    assert len(received) == len(sent)
    assert reader.skipped == (2 * len(sent) if version in ("2.10", "3.1") else 0)
    for original, read_back in zip(sent, received, strict=True):
        assert _card(read_back) == _card(original)


def test_awkward_names_survive_double_escaping(tmp_path: Path) -> None:
    world = World.generate(seed=3, buyers=40)
    awkward = [b for b in world.buyers if any(ch in (b.counterparty.name or "") for ch in "&'\"")]
    assert awkward, "the generated world must contain names with quotes and ampersands"
    path = tmp_path / "answer.xml"
    orders = [o for o in world.orders(400) if o.buyer in {b.counterparty for b in awkward}]
    with path.open("wb") as stream:
        write_orders(stream, orders, generated_at=GENERATED_AT)
    read_back = [i.order for i in CommerceMLReader(path).documents() if isinstance(i, ReadOrder)]
    assert [o.buyer.name for o in read_back if o.buyer] == [o.buyer.name for o in orders if o.buyer]
    raw_names = [
        next(f.value for f in o.buyer.raw if f.path == "Наименование") for o in read_back if o.buyer
    ]
    assert any("&quot;" in name or "&amp;" in name for name in raw_names)


def test_an_english_page_writes_english_tags_and_the_reader_refuses_them(tmp_path: Path) -> None:
    world = World.generate(seed=5, buyers=10)
    path = tmp_path / "answer.xml"
    with path.open("wb") as stream:
        write_orders(stream, world.orders(3), version="2.08", generated_at=GENERATED_AT,
                     language="en")  # fmt: skip
    head = path.read_bytes()[:800].decode("cp1251")
    assert '<CommerceInformation SchemaVersion="2.08" CreationDate="2026-01-12T9:05:03"' in head
    assert "<Document>" in head and "<BusinessTransaction>ItemOrder</BusinessTransaction>" in head
    with pytest.raises(NotCommerceMLError) as caught:
        CommerceMLReader(path)
    assert caught.value.code == "foreign-tags"
