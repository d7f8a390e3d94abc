"""Text from the portal or 1C is shown literally: labels, tooltips and message boxes.

A buyer name or a 1C error holding `<h1>`, `<img src=file:…>` and a link would otherwise be
rendered as HTML (a local file shown as an image, a clickable link). A label must show it
with `Qt.PlainText`; a tooltip must be text that Qt renders back to exactly these characters.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from PySide6 import QtGui
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from desktop_app.domain.candidates import Candidate
from desktop_app.domain.counterparty import RawField
from desktop_app.domain.entity_mapping import EarlierEntity
from desktop_app.domain.order import Order
from desktop_app.domain.requisite_checks import Finding
from desktop_app.emulators.world import World
from desktop_app.store.database import Database
from desktop_app.store.directory_repository import DirectoryRepository
from desktop_app.store.incoming import IncomingOrder
from desktop_app.store.order_repository import OrderRepository
from desktop_app.store.queue_repository import QueueRepository, QueueRow
from desktop_app.ui import queue_model as qm
from desktop_app.ui.card_fields import CardRow
from desktop_app.ui.card_view import CardView
from desktop_app.ui.plain_text import plain_message_box, plain_tooltip
from desktop_app.ui.raw_fields_model import RawFieldsModel
from desktop_app.ui.review_hooks import WrittenDecision
from desktop_app.ui.review_panel import ReviewPanel
from desktop_app.ui.value_label import BREAK

from conftest import portal_buyer

HOSTILE = "<h1>x</h1><img src=file:///etc/passwd><a href=x>y</a>"


def rendered(tooltip: str | None) -> str:
    """What Qt shows for a tooltip: rich text when it looks like it, else the text itself."""
    assert tooltip is not None
    if not QtGui.Qt.mightBeRichText(tooltip):
        return tooltip
    document = QTextDocument()
    document.setHtml(tooltip)
    return document.toPlainText()


def shows_literally(tooltip: str | None, text: str) -> None:
    assert rendered(tooltip) == text
    assert "<img" not in (tooltip or "") and "<a " not in (tooltip or "")


class OneCSays:
    """A review source whose decision line carries 1C's own error text."""

    def __init__(self, words: str) -> None:
        self.words = words

    def candidates(self, order: Order) -> Sequence[Candidate]:
        return ()

    def earlier_entities(self, order: Order) -> Sequence[EarlierEntity]:
        return ()

    def findings(self, order: Order) -> Sequence[Finding]:
        return ()

    def decision(self, order: Order) -> str:
        return f"Создать в 1С: ошибка записи — {self.words}"

    def written(self, order: Order) -> WrittenDecision | None:
        return None


class OneCAnnotations:
    """Queue annotations whose decision carries 1C's own error text."""

    def badge(self, row: QueueRow) -> str:
        return ""

    def badge_hint(self, row: QueueRow) -> str | None:
        return None

    def decision(self, row: QueueRow) -> str:
        return f"ошибка записи в 1С: {HOSTILE}"

    def registry_mark(self, row: QueueRow) -> str:
        return ""

    def registry_hint(self, row: QueueRow) -> str | None:
        return None

    def forget(self) -> None:
        pass


@pytest.fixture
def database(tmp_path: Path) -> Iterator[Database]:
    with Database.open(tmp_path / "data") as db:
        yield db


@pytest.fixture
def hostile_order(database: Database) -> Order:
    """An order whose buyer calls itself HOSTILE, stored as a fetch stores it."""
    order = World.generate(seed=1).order(3)
    buyer = portal_buyer(name=HOSTILE, official_name=HOSTILE)
    order = dataclasses.replace(order, counterparties=(buyer,))
    repository = OrderRepository(database)
    fetch = repository.start_fetch("https://b2b.example.ru/x.php", "peek")
    repository.store_batch(fetch, [IncomingOrder(order, 1, None, None)])
    return order


def test_a_hostile_buyer_name_renders_literally_in_the_queue(
    database: Database, hostile_order: Order, qtmodeltester: Any
) -> None:
    model = qm.QueueModel(QueueRepository(database), OneCAnnotations())
    qtmodeltester.check(model)
    buyer = model.index(0, qm.COL_BUYER)
    assert buyer.data() == HOSTILE
    shows_literally(buyer.data(Qt.ItemDataRole.ToolTipRole), f"{HOSTILE}\nКПП 770701001")
    decision = model.index(0, qm.COL_DECISION)
    shows_literally(decision.data(Qt.ItemDataRole.ToolTipRole), f"ошибка записи в 1С: {HOSTILE}")


def test_every_label_of_the_review_is_plain_text(
    database: Database, hostile_order: Order, qtbot: QtBot
) -> None:
    review = ReviewPanel(
        QueueRepository(database), DirectoryRepository(database), OneCSays(HOSTILE)
    )
    qtbot.addWidget(review)
    review.show_order_id(hostile_order.id)
    assert review.portal.name.text() == HOSTILE
    assert HOSTILE in review.decision_line.text()
    labels = review.findChildren(QLabel)
    assert labels
    rich = [label.objectName() or label.text() for label in labels
            if label.textFormat() != Qt.TextFormat.PlainText]  # fmt: skip
    assert rich == []
    shown = [label for label in labels if HOSTILE in label.text()]
    assert len(shown) >= 2  # the buyer's name (and full name) and 1C's words
    assert not any("<img" in label.toolTip() for label in labels)


def test_a_card_reason_and_a_long_raw_field_are_escaped_tooltips(qtbot: QtBot) -> None:
    card = CardView()
    qtbot.addWidget(card)
    card.show_rows([CardRow("name", "Название", HOSTILE)], highlighted={"name": HOSTILE})
    value = card.value_label("name")
    assert value is not None
    assert value.value == HOSTILE and value.textFormat() == Qt.TextFormat.PlainText
    assert value.text().replace(BREAK, "") == HOSTILE  # a long run may break, nothing else
    shows_literally(value.toolTip(), HOSTILE)
    model = RawFieldsModel()
    model.set_fields([RawField(HOSTILE, HOSTILE)])  # the path is the tooltip
    assert model.data(model.index(1, 1)) == HOSTILE
    tips = [model.index(1, c).data(Qt.ItemDataRole.ToolTipRole) for c in range(2)]
    shows_literally(tips[1], HOSTILE)


def test_a_message_box_with_1c_words_is_plain_text(qtbot: QtBot) -> None:
    box = plain_message_box(QMessageBox.Icon.Warning, "Order Review", f"1С ответила: {HOSTILE}")
    qtbot.addWidget(box)
    assert box.textFormat() == Qt.TextFormat.PlainText
    assert box.text() == f"1С ответила: {HOSTILE}"


def test_plain_tooltips_keep_every_character() -> None:
    for text in (HOSTILE, "ООО «Рога & Копыта»\nКПП 1", "a < b > c", "&amp; stays"):
        assert rendered(plain_tooltip(text)) == text
    assert plain_tooltip(None) is None
