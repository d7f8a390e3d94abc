"""The review panel on the demo world: what the manager sees of an order, and the decisions."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from desktop_app.domain.candidates import Candidate, CandidateReason
from desktop_app.domain.counterparty import RawField
from desktop_app.domain.decisions import DecisionKind
from desktop_app.domain.entity_mapping import EarlierEntity
from desktop_app.domain.order import Order
from desktop_app.domain.phrase import phrase
from desktop_app.domain.requisite_checks import Finding, Severity
from desktop_app.store import IncomingOrder, OrderRepository, QueueRepository
from desktop_app.store.directory_repository import DirectoryRepository
from desktop_app.store.queue_repository import PAGE_SIZE, QueueRow
from desktop_app.ui import queue_model as qm
from desktop_app.ui.demo import DemoEnvironment
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.queue_annotations import EngineAnnotations
from desktop_app.ui.review_actions import DecisionRequest
from desktop_app.ui.review_hooks import WrittenDecision
from desktop_app.ui.review_panel import ReviewPanel
from desktop_app.ui.screenshots import pick_orders
from desktop_app.wording.phrases import phrase_text

HOSTILE = "<b>x</b>"


def select(window: MainWindow, portal_id: str | None) -> Order:
    assert portal_id is not None and window.queue.select(portal_id)
    order = window.review.order
    assert order is not None and order.id == portal_id
    return order


def test_selecting_an_order_shows_what_the_portal_sent(
    filled_demo: DemoEnvironment, window: MainWindow
) -> None:
    assert window.review.stack.currentIndex() == 0  # "choose an order" until one is chosen
    window.queue.select_row(0)
    order = window.review.order
    assert order is not None and order.buyer is not None
    assert window.review.stack.currentIndex() == 1
    portal = window.review.portal
    raw = portal.raw_model
    assert sorted(raw.fields) == sorted(order.buyer.raw)  # every leaf, each once
    shown = [n for n in range(raw.rowCount()) if raw.field_at(n) is not None]
    for row, field in zip(shown, raw.fields, strict=True):
        assert raw.data(raw.index(row, 1)) == field.value  # exactly as sent
        assert field.path in raw.data(raw.index(row, 0), Qt.ItemDataRole.ToolTipRole)
    assert [f for f in order.buyer.raw if "/" not in f.path] == [
        f for f in raw.fields if "/" not in f.path
    ]  # inside a group, the document's order
    assert f"(полей: {len(order.buyer.raw)})" in portal.raw_caption.text()
    card = portal.card.text()
    assert f"ИНН: {order.buyer.inn}" in card and "Вид: Юридическое лицо" in card
    assert window.review.heading.text().startswith(f"Заказ № {order.number} от ")
    assert window.review.lines.rows == order.lines
    assert window.review.properties.rows == order.properties
    history = window.review.history
    assert history.rowCount() == 1 and history.data(history.index(0, 2)) == "первая версия"


def test_a_new_legal_entity_and_a_branch(filled_demo: DemoEnvironment, window: MainWindow) -> None:
    picks = pick_orders(window)
    order = select(window, picks.new_legal)
    assert order.buyer is not None
    onec = window.review.onec
    offered = onec.model.rows
    assert all(c.counterparty.inn != order.buyer.inn for c in offered)
    assert all(c.reason is CandidateReason.NAME_SIMILAR for c in offered)
    assert onec.current_candidate() is None  # a name alone is never chosen for the manager
    assert not window.review_actions.actions[DecisionKind.LINK].isEnabled()
    if not offered:
        assert "похоже, это новый контрагент" in onec.caption.text()

    order = select(window, picks.branch)
    assert order.buyer is not None
    assert onec.model.rowCount() >= 1 and onec.view.isVisibleTo(window)
    candidate = onec.current_candidate()
    assert candidate is not None
    assert candidate.reason is CandidateReason.SAME_INN_OTHER_KPP
    assert candidate.counterparty.inn == order.buyer.inn
    assert candidate.counterparty.kpp != order.buyer.kpp
    assert phrase_text(candidate.explanation) in onec.card.text()
    assert "kpp" in window.review.portal.card.highlighted_keys()  # both sides say: look here
    assert "kpp" in onec.card.highlighted_keys()
    assert "inn" not in onec.card.highlighted_keys()

    order = select(window, picks.known)
    candidate = onec.current_candidate()
    assert candidate is not None and candidate.reason is CandidateReason.EXACT_INN_KPP
    assert not {"inn", "kpp"} & window.review.portal.card.highlighted_keys()


def test_portal_text_is_shown_literally(
    qtbot: QtBot, filled_demo: DemoEnvironment, window: MainWindow
) -> None:
    assert filled_demo.workspace is not None
    database = filled_demo.workspace.database
    base = filled_demo.world.order(500)
    assert base.buyer is not None
    buyer = dataclasses.replace(
        base.buyer,
        name=HOSTILE,
        official_name="<i>Рога</i> & <u>Копыта</u>",
        raw=(RawField("Наименование", HOSTILE), *base.buyer.raw[1:]),
    )
    hostile = dataclasses.replace(
        base, id="hostile-1", number="<h1>7</h1>", counterparties=(buyer,)
    )
    repository = OrderRepository(database)
    fetch = repository.start_fetch("https://portal.example/x.php", "peek")
    repository.store_batch(fetch, [IncomingOrder(hostile, 1, None, None)])
    window.queue.refresh()
    window.queue.set_filter(None, "<b>")
    assert window.queue.model.rowCount() == 1
    model = window.queue.model
    assert model.data(model.index(0, qm.COL_BUYER)) == HOSTILE
    select(window, "hostile-1")
    name = window.review.portal.name
    assert name.text() == HOSTILE and name.textFormat() == Qt.TextFormat.PlainText
    rendered = QLabel(HOSTILE)
    rendered.setTextFormat(Qt.TextFormat.RichText)
    assert name.sizeHint().width() > 3 * rendered.sizeHint().width()  # 8 characters, not 1
    card = window.review.portal.card
    for key in ("name", "official_name"):
        label = card.value_label(key)
        assert label is not None and label.textFormat() == Qt.TextFormat.PlainText
    assert card.value_label("official_name").text() == "<i>Рога</i> & <u>Копыта</u>"  # type: ignore[union-attr]
    assert window.review.heading.text().startswith("Заказ № <h1>7</h1>")
    assert window.review.heading.textFormat() == Qt.TextFormat.PlainText
    raw = window.review.portal.raw_model
    assert raw.is_title(0) and raw.data(raw.index(1, 1)) == HOSTILE  # Реквизиты, then the name


ENGINE_SAYS = phrase("candidate.inn-kpp", inn="ранжировано", kpp="движком")


class FakeEngine:
    """A review source of the test's own: ranked candidates, findings and a decision."""

    def __init__(self, inner: Sequence[Candidate]) -> None:
        self.inner = list(inner)

    def candidates(self, order: Order) -> Sequence[Candidate]:
        return [dataclasses.replace(c, explanation=ENGINE_SAYS) for c in self.inner]

    def earlier_entities(self, order: Order) -> Sequence[EarlierEntity]:
        return []

    def findings(self, order: Order) -> Sequence[Finding]:
        return [
            Finding("inn-checksum", Severity.ERROR, "inn", {"inn": "7707083894"}),
            Finding("ogrn-missing", Severity.INFO, "ogrn"),
        ]

    def decision(self, order: Order) -> str:
        return "Решение: связать, записано в 1С."

    def written(self, order: Order) -> WrittenDecision | None:
        return None


def test_the_review_source_gives_candidates_findings_and_decision(
    qtbot: QtBot, filled_demo: DemoEnvironment, window: MainWindow
) -> None:
    actions = window.review_actions
    assert actions.actions[DecisionKind.CREATE].shortcut() == QKeySequence("Ctrl+N")
    assert window.outbox.push_action.isEnabled()
    picks = pick_orders(window)
    select(window, picks.known)
    assert all(action.isEnabled() for action in actions.actions.values())
    order, database = window.review.order, window.workspace.database
    assert order is not None
    engine = FakeEngine(window.review.source.candidates(order))
    review = ReviewPanel(QueueRepository(database), DirectoryRepository(database), engine)
    qtbot.addWidget(review)
    review.show_order_id(order.id)
    bar = review.findings_bar
    assert bar.isVisibleTo(review)
    assert bar.badges == [
        "Ошибка: ИНН 7707083894 не проходит проверку контрольных цифр — вероятно, опечатка. "
        "Сверьте с документами покупателя.",
        "Примечание: ОГРН покупателя в заказе не указан: при создании контрагента его можно "
        "заполнить по выписке из ЕГРЮЛ/ЕГРИП.",
    ]
    assert "inn" in review.portal.card.highlighted_keys()
    assert "Совпадают ИНН ранжировано и КПП движком." in review.onec.card.text()
    assert review.decision_line.text() == "Решение: связать, записано в 1С."
    assert all(action.isEnabled() for action in review.decisions.actions.values())

    requests: list[DecisionRequest] = []
    actions.decision_requested.connect(requests.append)
    actions.actions[DecisionKind.LINK].trigger()
    assert requests[0].kind is DecisionKind.LINK
    assert requests[0].portal_id == picks.known and requests[0].candidate is not None
    qtbot.waitUntil(lambda: window.runner.idle)

    row = window.queue.view.currentIndex().row()
    window.decision_recorded(picks.known)  # the order stays in "all": the next one opens
    assert window.queue.view.currentIndex().row() == row + 1
    assert window.review.order is not None and window.review.order.id != picks.known


class CountingQueue(QueueRepository):
    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.pages: list[tuple[int, int]] = []

    def queue(self, *args: Any, **kwargs: Any) -> list[QueueRow]:
        rows = super().queue(*args, **kwargs)
        self.pages.append((args[2], args[3]))
        return rows


def test_the_queue_model_reads_one_page_not_the_queue(filled_demo: DemoEnvironment) -> None:
    assert filled_demo.workspace is not None
    repository = CountingQueue(filled_demo.workspace.database)
    model = qm.QueueModel(repository, EngineAnnotations(filled_demo.workspace.database))
    assert model.rowCount() == 40 and repository.pages == []  # a count, no rows yet
    model.data(model.index(39, 0))
    model.data(model.index(0, 0))
    assert repository.pages == [(PAGE_SIZE, 0)]
