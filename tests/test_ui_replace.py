"""In the window, with 1C's standard site exchange: the review shows the counterparty the
exchange put on the 1C order, and a create asks, with the old value shown, whether to replace
it (and mark it for deletion) before anything is recorded."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from test_ui_decisions import decide, order_1c, press_create, settle, started

from desktop_app.domain.decisions import DecisionKind, WriteState
from desktop_app.emulators.exchange_setup import ExchangeSetup
from desktop_app.emulators.onec.seed_records import UNKNOWN_PARTNER
from desktop_app.services.directory_service import refresh_directory
from desktop_app.services.fetch_service import fetch_orders
from desktop_app.services.onec_connection import connect
from desktop_app.services.onec_orders import refresh_order_states
from desktop_app.services.order_link_setup import detect_and_keep
from desktop_app.store.decision_repository import DecisionRepository
from desktop_app.store.directory_repository import DirectoryRepository
from desktop_app.ui.demo import DemoEnvironment
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.replace_dialog import ReplaceDialog

from conftest import destroy


@pytest.fixture
def site_demo(tmp_path: Path) -> Iterator[DemoEnvironment]:
    environment = DemoEnvironment(orders=30, fetch_every=0, keep=tmp_path / "demo-data",
                                  exchange=ExchangeSetup.SITE_EXCHANGE)  # fmt: skip
    environment.start()
    workspace = environment.workspace
    assert workspace is not None
    current = workspace.settings
    fetch_orders(current.portal, environment.portal.password, workspace.database,
                 workspace.work_dir)  # fmt: skip
    session = connect(current.onec, environment.onec.password, workspace.data_dir)
    with session.client:
        refresh_directory(session.client, DirectoryRepository(workspace.database))
        link = detect_and_keep(session.client, session.publication, workspace.database,
                               workspace.data_dir).link  # fmt: skip
        refresh_order_states(session.client, workspace.database, link)
    yield environment
    environment.stop()


@pytest.fixture
def site_window(qtbot: Any, site_demo: DemoEnvironment, tmp_path: Path) -> Iterator[MainWindow]:
    from desktop_app.ui.ui_state import UiState

    assert site_demo.workspace is not None
    shown = MainWindow(site_demo.workspace, UiState(tmp_path / "window.ini"))
    shown.resize(1366, 768)
    shown.show()
    yield shown
    shown.close()
    qtbot.waitUntil(lambda: not shown.runner.tasks)
    destroy(shown)


def test_create_over_the_exchange_s_counterparty_asks_to_replace_it(
    qtbot: QtBot, site_demo: DemoEnvironment, site_window: MainWindow
) -> None:
    window = started(site_window, qtbot)
    onec = site_demo.onec
    auto = [
        o for o in onec.entities("Document_ЗаказКлиента") if o["Партнер_Key"] == UNKNOWN_PARTNER
    ]
    number = auto[0]["ДополнительныеРеквизиты"][1]["Значение"]
    assert window.queue.select(number)  # the generated world: the portal's Ид is its number
    line = window.review.onec_order_line
    assert line.isVisible()
    assert "партнёр «Неизвестный партнер»" in line.text()
    assert "Похоже, создан обменом с сайтом" in line.text()
    old = str(order_1c(onec, number)["Контрагент_Key"])

    decide(window, DecisionKind.CREATE)
    asked = window.flow.dialog
    assert isinstance(asked, ReplaceDialog)
    assert "Неизвестный партнер" in asked.old_value.text()  # the old value, shown
    assert asked.delete_box.isVisible() and asked.delete_box.isChecked()
    asked.accept()
    assert window.review.card_order == number  # the card, in the 1C column
    press_create(window.review.card_panel)
    settle(window, qtbot)

    row = DecisionRepository(window.workspace.database).current(number)
    assert row is not None and row.decision.replaces_key == old and row.decision.delete_replaced
    assert row.write_state is WriteState.WRITTEN, row.write_said
    assert order_1c(onec, number)["Контрагент_Key"] != old
    assert onec.entity("Catalog_Контрагенты", old)["DeletionMark"] is True  # type: ignore[index]
    assert window.queue.select(number)
    assert not window.review.onec_order_line.isVisible()  # written: the old holder is no news


def test_cancelling_the_replace_records_nothing(
    qtbot: QtBot, site_window: MainWindow, site_demo: DemoEnvironment
) -> None:
    window = started(site_window, qtbot)
    auto = [o for o in site_demo.onec.entities("Document_ЗаказКлиента")
            if o["Партнер_Key"] == UNKNOWN_PARTNER]  # fmt: skip
    number = auto[0]["ДополнительныеРеквизиты"][1]["Значение"]
    assert window.queue.select(number)
    decide(window, DecisionKind.CREATE)
    asked = window.flow.dialog
    assert isinstance(asked, ReplaceDialog)
    asked.reject()
    settle(window, qtbot)
    assert window.flow.dialog is asked  # no card asked for
    assert DecisionRepository(window.workspace.database).current(number) is None


@pytest.fixture
def bare_site_demo(tmp_path: Path) -> Iterator[DemoEnvironment]:
    environment = DemoEnvironment(orders=30, fetch_every=0, keep=tmp_path / "demo-data",
                                  exchange=ExchangeSetup.SITE_EXCHANGE)  # fmt: skip
    environment.start()
    yield environment
    environment.stop()


def test_the_window_reads_what_1c_s_orders_hold_by_itself(
    qtbot: QtBot, bare_site_demo: DemoEnvironment, tmp_path: Path
) -> None:
    from desktop_app.ui.ui_state import UiState

    assert bare_site_demo.workspace is not None
    window = MainWindow(bare_site_demo.workspace, UiState(tmp_path / "window.ini"))
    window.show()
    try:
        window.start(fetch_now=True, refresh_now=True)  # the window's own jobs, in the background
        settle(window, qtbot)
        auto = [o for o in bare_site_demo.onec.entities("Document_ЗаказКлиента")
                if o["Партнер_Key"] == UNKNOWN_PARTNER]  # fmt: skip
        number = auto[0]["ДополнительныеРеквизиты"][1]["Значение"]
        assert window.queue.select(number)
        assert "партнёр «Неизвестный партнер»" in window.review.onec_order_line.text()
    finally:
        window.close()
        qtbot.waitUntil(lambda: not window.runner.tasks)
        destroy(window)
