"""The queue's «Пров.» mark is the worst finding the review panel shows, and Ctrl+L stops there.

The mark and the panel's badges are made by one function over one list of sources
(`order_findings`), so for every order of the demo the mark's tooltip lists exactly the
panel's badges; an order whose КПП was issued by another tax office than its ИНН shows ⚠ with
that sentence, and the Ctrl+L chain (link, next order, link…) does not link it by reflex.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from test_ui_plain_text import rendered

from desktop_app.domain.decisions import DecisionKind
from desktop_app.domain.order_findings import order_findings, worst_severity
from desktop_app.domain.requisite_checks import Finding, Severity
from desktop_app.store.decision_repository import DecisionRepository
from desktop_app.store.queue_repository import QueueRepository
from desktop_app.ui import queue_model as qm
from desktop_app.ui.demo import DemoEnvironment
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.queue_annotations import EngineAnnotations

OTHER_OFFICE = "kpp-other-office"


def other_office_row(model: qm.QueueModel, demo: DemoEnvironment) -> int:
    assert demo.workspace is not None
    queue = QueueRepository(demo.workspace.database)
    for row in range(model.rowCount()):
        found = model.row_at(row)
        assert found is not None
        order = queue.order(found.portal_id)
        assert order is not None
        if any(f.code == OTHER_OFFICE for f in order_findings(order)):
            return row
    raise AssertionError("the demo has no order whose КПП is of another tax office")


def test_the_mark_of_an_order_is_its_panels_worst_finding(
    qtbot: QtBot, qtmodeltester: Any, filled_demo: DemoEnvironment, window: MainWindow
) -> None:
    model = window.queue.model
    qtmodeltester.check(model)
    warned = other_office_row(model, filled_demo)
    for row in range(model.rowCount()):
        queued = model.row_at(row)
        assert queued is not None
        window.queue.select_row(row)
        shown = window.review.findings_bar.badges
        mark = model.data(model.index(row, qm.COL_CHECKS))
        hint = rendered(model.data(model.index(row, qm.COL_CHECKS), Qt.ItemDataRole.ToolTipRole))
        worst = worst_severity(window.review.findings)
        expected = {Severity.ERROR: "✖", Severity.WARNING: "⚠"}.get(worst, "✓")  # type: ignore[arg-type]
        flagged = worst in (Severity.ERROR, Severity.WARNING)
        assert mark == (expected if queued.buyer_inn or flagged else "—"), queued
        for badge in shown:
            assert badge in hint.splitlines(), (badge, hint)
    mark = model.data(model.index(warned, qm.COL_CHECKS))
    hint = rendered(model.data(model.index(warned, qm.COL_CHECKS), Qt.ItemDataRole.ToolTipRole))
    assert mark == "⚠"
    assert "выдан налоговой инспекцией" in hint and hint.startswith("Внимание: КПП ")


class RegistryAnswer:
    """A later check joining the same sources: the queue's mark hears of it at once."""

    def __call__(self, order: Any) -> list[Finding]:
        return [Finding("inn-checksum", Severity.ERROR, "inn", {"inn": "7707083894"})]


def test_a_later_source_reaches_the_mark_and_its_tooltip(filled_demo: DemoEnvironment) -> None:
    assert filled_demo.workspace is not None
    database = filled_demo.workspace.database
    from desktop_app.domain.order_findings import REQUISITES

    annotations = EngineAnnotations(database, (*REQUISITES, RegistryAnswer()))
    model = qm.QueueModel(QueueRepository(database), annotations)
    assert model.data(model.index(0, qm.COL_CHECKS)) == "✖"
    hint = rendered(model.data(model.index(0, qm.COL_CHECKS), Qt.ItemDataRole.ToolTipRole))
    assert hint.splitlines()[0].startswith("Ошибка: ИНН 7707083894")


def chain_into_warning(window: MainWindow) -> int:
    """A row the manager can link by Ctrl+L whose next row is an order with a warning (in the
    queue's first order, or else by number, as a manager may sort it)."""
    link = window.review_actions.actions[DecisionKind.LINK]
    for sort in (None, qm.COL_NUMBER):
        if sort is not None:
            window.queue.view.sortByColumn(sort, Qt.SortOrder.AscendingOrder)
        before = False
        for row in range(window.queue.model.rowCount()):
            window.queue.select_row(row)
            warned = worst_severity(window.review.findings) is Severity.WARNING
            if warned and before and link.isEnabled():
                return row - 1
            before = link.isEnabled() and worst_severity(window.review.findings) in (
                None,
                Severity.INFO,
            )
    raise AssertionError("no order of the demo links into one with a warning")


def test_the_ctrl_l_chain_stops_at_an_order_with_a_warning(
    qtbot: QtBot, filled_demo: DemoEnvironment, window: MainWindow
) -> None:
    assert filled_demo.workspace is not None
    decisions = DecisionRepository(filled_demo.workspace.database)
    link = window.review_actions.actions[DecisionKind.LINK]
    start = chain_into_warning(window)
    window.queue.select_row(start)
    first = window.review.order
    assert first is not None
    link.trigger()  # Ctrl+L: linked, and the next order opens
    qtbot.waitUntil(lambda: window.queue.view.currentIndex().row() == start + 1)
    assert decisions.current(first.id) is not None
    warned = window.review.order
    assert warned is not None and any(f.code == OTHER_OFFICE for f in window.review.findings)
    assert link.isEnabled()

    link.trigger()  # Ctrl+L again: a question, not a link
    question = window.link_guard.question
    assert question is not None and question.isVisible()
    assert "выдан налоговой инспекцией" in question.text()
    assert question.defaultButton() is question.button(QMessageBox.StandardButton.Cancel)
    link.trigger()  # and again: still the one question, nothing linked
    assert window.link_guard.question is question
    QTest.keyClick(question, Qt.Key.Key_Return)  # Enter is «Отмена»
    assert window.link_guard.question is None and window.runner.idle
    assert decisions.current(warned.id) is None
    assert window.review.order is not None and window.review.order.id == warned.id  # stays

    link.trigger()  # the manager read it and links anyway
    question = window.link_guard.question
    assert question is not None
    anyway = next(b for b in question.buttons() if b.objectName() == "linkAnywayButton")
    anyway.click()
    qtbot.waitUntil(lambda: decisions.current(warned.id) is not None)
    qtbot.waitUntil(lambda: window.runner.idle)
