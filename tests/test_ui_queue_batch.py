"""«Подтвердить выбранные автоматические связи»: one confirmation, every reason listed first."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QItemSelectionModel
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from desktop_app.domain.order_findings import order_findings
from desktop_app.domain.requisite_checks import Severity
from desktop_app.services.candidate_search import candidates_for_order
from desktop_app.services.decision_service import auto_map
from desktop_app.services.settings import ReviewSettings
from desktop_app.store.decision_repository import DecisionRepository
from desktop_app.store.queue_repository import QueueRepository
from desktop_app.ui.demo import DemoEnvironment
from desktop_app.ui.findings_bar import finding_words
from desktop_app.ui.main_window import MainWindow
from desktop_app.wording.phrases import phrase_text


def waiting(decisions: DecisionRepository, portal_id: str) -> bool:
    row = decisions.current(portal_id)
    return row is not None and row.decision.automatic and not row.decision.confirmed


def test_selected_automatic_links_are_confirmed_at_once_after_their_reasons(
    qtbot: QtBot, filled_demo: DemoEnvironment, window: MainWindow
) -> None:
    assert filled_demo.workspace is not None
    database = filled_demo.workspace.database
    auto_map(database, ReviewSettings(auto_push_confirmed=False))  # prepared, not confirmed
    window.queue.refresh()
    decisions, queue = DecisionRepository(database), QueueRepository(database)
    model = window.queue.model
    every = [model.row_at(n) for n in range(model.rowCount())]
    automatic = [n for n, row in enumerate(every) if row and waiting(decisions, row.portal_id)]
    other = next(
        n for n, row in enumerate(every) if row and decisions.current(row.portal_id) is None
    )
    assert len(automatic) >= 2
    chosen = [*automatic, other]
    selection = QItemSelection()
    for number in chosen:
        selection.select(model.index(number, 0), model.index(number, model.columnCount() - 1))
    window.queue.view.selectionModel().select(
        selection, QItemSelectionModel.SelectionFlag.ClearAndSelect
    )
    assert len(window.queue.selected_rows()) == len(chosen)

    window.batch.action.trigger()
    qtbot.waitUntil(lambda: window.batch.dialog is not None and window.batch.dialog.isVisible())
    dialog = window.batch.dialog
    assert dialog is not None
    text = dialog.list.toPlainText()
    listed = [line for line in text.splitlines() if not line.startswith("    ")]
    assert len(listed) == len(automatic)  # the order without a decision is not listed
    for line, number in zip(listed, automatic, strict=True):
        row = every[number]
        assert row is not None
        order = queue.order(row.portal_id)
        assert order is not None
        key = decisions.current(row.portal_id).decision.counterparty_key  # type: ignore[union-attr]
        reason = next(
            c.explanation for c in candidates_for_order(database, order)[1]
            if c.counterparty.ref_key == key
        )  # fmt: skip
        assert line.startswith(f"№ {row.number} · ") and line.endswith(phrase_text(reason))
        for finding in order_findings(order):  # and what its checks warn of, under it
            if finding.severity is not Severity.INFO:
                assert f"{line}\n    " in text and finding_words(finding) in text
    assert all(waiting(decisions, every[n].portal_id) for n in automatic)  # type: ignore[union-attr]

    confirm = dialog.findChild(QPushButton, "confirmLinksButton")
    assert confirm is not None
    confirm.click()
    qtbot.waitUntil(lambda: window.runner.idle and not window.runner.tasks)
    for number in automatic:
        found = decisions.current(every[number].portal_id)  # type: ignore[union-attr]
        assert found is not None and found.decision.confirmed
    assert decisions.current(every[other].portal_id) is None  # type: ignore[union-attr]
