"""The queue's Qt model: paged from SQL, filtered, sorted, and a well-behaved model."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop_app.domain.order_findings import order_findings
from desktop_app.services.decision_service import DecisionService
from desktop_app.store.queue_repository import QueueRepository, QueueRow
from desktop_app.store.review_state import ReviewState
from desktop_app.ui import queue_model as qm
from desktop_app.ui.demo import DemoEnvironment
from desktop_app.ui.list_model import Column, ListModel
from desktop_app.ui.order_tables import lines_model
from desktop_app.ui.queue_annotations import EngineAnnotations, check_mark
from desktop_app.ui.raw_fields_model import RawFieldsModel


def repository(demo: DemoEnvironment) -> QueueRepository:
    assert demo.workspace is not None
    return QueueRepository(demo.workspace.database)


def queue_model(demo: DemoEnvironment, queue: QueueRepository | None = None) -> qm.QueueModel:
    """The queue model as the window makes it: the review engine's annotations."""
    assert demo.workspace is not None
    return qm.QueueModel(queue or repository(demo), EngineAnnotations(demo.workspace.database))


def every_row(model: qm.QueueModel) -> list[QueueRow]:
    rows = [model.data(model.index(r, 0), qm.ROW_ROLE) for r in range(model.rowCount())]
    assert all(isinstance(row, QueueRow) for row in rows)
    return rows


def test_queue_model_passes_the_model_tester(
    qtmodeltester: Any, filled_demo: DemoEnvironment
) -> None:
    model = queue_model(filled_demo)
    assert model.rowCount() == 40
    qtmodeltester.check(model)
    model.set_filter(ReviewState.NEW, "ооо")
    qtmodeltester.check(model)


def test_pages_are_read_on_demand(
    monkeypatch: pytest.MonkeyPatch, filled_demo: DemoEnvironment
) -> None:
    monkeypatch.setattr(qm, "PAGE_SIZE", 7)
    monkeypatch.setattr(qm, "CACHED_PAGES", 2)
    queue = repository(filled_demo)
    model = queue_model(filled_demo, queue)
    expected = queue.queue(limit=100)
    assert every_row(model) == expected  # six pages through a cache of two
    assert len(model._pages) == 2
    last = expected[-1]
    assert model.row_of(last.portal_id, near=39) == 39
    assert model.row_of(last.portal_id, near=0) is None  # only looked for near where it was


def test_filter_search_and_sort_run_in_sql(filled_demo: DemoEnvironment) -> None:
    queue = repository(filled_demo)
    model = queue_model(filled_demo, queue)
    sample = next(r for r in queue.queue(limit=100) if r.buyer_inn)
    model.set_filter(None, f"  {sample.buyer_inn} ")
    assert model.search == sample.buyer_inn
    rows = every_row(model)
    assert rows and all(r.buyer_inn == sample.buyer_inn for r in rows)
    assert model.rowCount() == queue.count(search=sample.buyer_inn)
    model.set_filter(ReviewState.REJECTED, "")
    assert model.rowCount() == 0
    model.set_filter(None, "")
    model.sort(qm.COL_TOTAL, Qt.SortOrder.AscendingOrder)
    totals = [row.total for row in every_row(model)]
    present = [t for t in totals if t is not None]
    assert present == sorted(present)
    model.sort(qm.COL_CHECKS, Qt.SortOrder.AscendingOrder)  # not sortable: order kept
    assert [row.total for row in every_row(model)] == totals


def test_cells_show_the_row_in_words(filled_demo: DemoEnvironment) -> None:
    model = queue_model(filled_demo)
    row = model.row_at(0)
    assert row is not None
    text = [model.data(model.index(0, column)) for column in range(model.columnCount())]
    assert text[qm.COL_STATE] == "Новый"
    assert text[qm.COL_NUMBER] == row.number
    assert text[qm.COL_BUYER] == row.buyer_name
    order = repository(filled_demo).order(row.portal_id)
    assert order is not None
    assert text[qm.COL_CHECKS] == check_mark(row, order_findings(order))  # the panel's findings
    assert text[qm.COL_DECISION] == ""  # nothing decided yet
    assert "," in text[qm.COL_TOTAL]  # 1 234,50
    assert model.headerData(qm.COL_INN, Qt.Orientation.Horizontal) == "ИНН"
    alignment = model.data(model.index(0, qm.COL_TOTAL), Qt.ItemDataRole.TextAlignmentRole)
    assert alignment & int(Qt.AlignmentFlag.AlignRight)


def test_the_engine_fills_the_check_and_decision_columns(filled_demo: DemoEnvironment) -> None:
    assert filled_demo.workspace is not None
    database = filled_demo.workspace.database
    model = qm.QueueModel(repository(filled_demo), EngineAnnotations(database))
    first = model.row_at(0)
    assert first is not None and first.buyer_inn
    assert model.data(model.index(0, qm.COL_CHECKS)) == "✓"  # the demo's requisites are valid
    assert model.data(model.index(0, qm.COL_DECISION)) == ""
    DecisionService(database, user="manager").defer(first.portal_id)
    assert model.data(model.index(0, qm.COL_DECISION)) == ""  # remembered until a refresh
    model.refresh()
    row = next(n for n in range(model.rowCount()) if model.row_at(n).portal_id == first.portal_id)  # type: ignore[union-attr]
    assert model.data(model.index(row, qm.COL_DECISION)) == "отложить"


def test_list_models_pass_the_model_tester(
    qtbot: QtBot, qtmodeltester: Any, filled_demo: DemoEnvironment
) -> None:
    queue = repository(filled_demo)
    order = queue.order(queue.queue(limit=1)[0].portal_id)
    assert order is not None and order.buyer is not None
    raw = RawFieldsModel()
    raw.set_fields(order.buyer.raw)
    qtmodeltester.check(raw)
    assert sorted(raw.fields) == sorted(order.buyer.raw)
    lines = lines_model()
    lines.set_rows(order.lines)
    qtmodeltester.check(lines)
    empty = ListModel[str]([Column("Текст", str)])
    qtmodeltester.check(empty)


def test_a_total_names_its_currency_unless_it_is_roubles() -> None:
    for roubles in (None, "", " RUB ", "руб.", "643"):
        assert qm.currency_suffix(roubles) == "", roubles
    assert qm.currency_suffix("USD") == " USD"
    assert qm.currency_suffix(" KZT ") == " KZT"  # one the amount in words does not know
