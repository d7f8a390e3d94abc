"""The state registry in the window (issue 17): the demo's registry, the fetch's check, the
panel's badges and age line, «Проверить в реестре», offline.

Everything runs against the demo's registry emulator over real HTTP; the window fetches
through its own job (the registry check runs after the fetch, in the background).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop_app.domain.requisite_values import Severity
from desktop_app.services.registry_check import token_of
from desktop_app.ui import queue_model as qm
from desktop_app.ui.demo import DemoEnvironment
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.registry_line import days_ago


def fetch_in_window(qtbot: QtBot, window: MainWindow) -> None:
    task = window.sync.fetch()
    assert task is not None
    with qtbot.waitSignal(task.finished, timeout=60_000):
        pass


def row_of_inn(window: MainWindow, inn: str) -> int:
    model = window.queue.model
    for row in range(model.rowCount()):
        queued = model.row_at(row)
        if queued is not None and queued.buyer_inn == inn:
            return row
    raise AssertionError(f"no order of ИНН {inn} in the queue")


def ask_in_window(qtbot: QtBot, window: MainWindow) -> None:
    task = window.registry_actions.check()
    assert task is not None
    with qtbot.waitSignal(task.finished, timeout=30_000):
        pass


def test_the_demo_asks_its_registry_emulator(demo: DemoEnvironment) -> None:
    workspace = demo.workspace
    assert workspace is not None
    assert workspace.settings.registry.url == demo.served.registry_url
    assert token_of(workspace.vault, demo.served.registry_url) == demo.served.registry_token


def test_a_liquidated_buyer_badge_in_the_panel_and_mark_in_the_queue(
    qtbot: QtBot, qtmodeltester: Any, demo: DemoEnvironment, window: MainWindow
) -> None:
    fetch_in_window(qtbot, window)
    assert demo.served.registry.asked, "the fetch asked the registry"
    inn, _kpp = demo.served.registry.cases["liquidated"]
    row = row_of_inn(window, inn)
    window.queue.select_row(row)
    badges = window.review.findings_bar.badges
    assert any("ликвидирован" in badge for badge in badges), badges
    model = window.queue.model
    qtmodeltester.check(model)
    assert model.data(model.index(row, qm.COL_CHECKS)) == "✖"
    hint = model.data(model.index(row, qm.COL_CHECKS), Qt.ItemDataRole.ToolTipRole)
    assert "ликвидирован" in str(hint)
    line = window.review.registry_line
    assert line.isVisible()
    assert line.label.text() == "Реестр (ЕГРЮЛ/ЕГРИП): проверено сегодня."


def test_the_button_asks_now_and_the_panel_follows(
    qtbot: QtBot, filled_demo: DemoEnvironment, window: MainWindow
) -> None:
    registry = filled_demo.served.registry
    inn, _kpp = registry.cases["liquidated"]
    row = row_of_inn(window, inn)
    window.queue.select_row(row)
    model = window.queue.model
    assert model.data(model.index(row, qm.COL_REGISTRY)) == "—"  # painted: remembered
    line = window.review.registry_line
    assert "не спрашивали" in line.label.text()
    assert not any("ликвидирован" in badge for badge in window.review.findings_bar.badges)
    before = len(registry.asked)
    ask_in_window(qtbot, window)
    assert len(registry.asked) == before + 1
    assert any("ликвидирован" in badge for badge in window.review.findings_bar.badges)
    assert line.label.text() == "Реестр (ЕГРЮЛ/ЕГРИП): проверено сегодня."
    row = row_of_inn(window, inn)
    assert model.data(model.index(row, qm.COL_REGISTRY)) == "✖"  # the queue heard too
    assert model.data(model.index(row, qm.COL_CHECKS)) == "✖"
    ask_in_window(qtbot, window)  # the button asks even with a fresh answer kept
    assert len(registry.asked) == before + 2


def test_offline_the_panel_says_not_asked_and_the_review_goes_on(
    qtbot: QtBot, filled_demo: DemoEnvironment, window: MainWindow
) -> None:
    registry = filled_demo.served.registry
    registry.stop()
    inn, _kpp = registry.cases["liquidated"]
    window.queue.select_row(row_of_inn(window, inn))
    ask_in_window(qtbot, window)
    text = window.review.registry_line.label.text()
    assert text.startswith("Реестр (ЕГРЮЛ/ЕГРИП) не спрашивали: нет связи"), text
    assert not any("ликвидирован" in badge for badge in window.review.findings_bar.badges)
    assert window.review.order is not None  # the order is still under review
    assert window.registry_actions.check_action.isEnabled()  # and may be asked again


def test_the_age_in_words() -> None:
    assert days_ago(0) == "сегодня"
    assert days_ago(1) == "вчера"
    assert days_ago(3) == "3 дня назад"
    assert days_ago(5) == "5 дней назад"
    assert days_ago(11) == "11 дней назад"
    assert days_ago(21) == "21 день назад"
    assert days_ago(22) == "22 дня назад"


def test_the_registry_column_and_the_filter(
    qtbot: QtBot, qtmodeltester: Any, demo: DemoEnvironment, window: MainWindow
) -> None:
    fetch_in_window(qtbot, window)
    model = window.queue.model
    cases = demo.served.registry.cases
    liquidated = row_of_inn(window, cases["liquidated"][0])
    assert model.data(model.index(liquidated, qm.COL_REGISTRY)) == "✖"
    hint = model.data(model.index(liquidated, qm.COL_REGISTRY), Qt.ItemDataRole.ToolTipRole)
    assert "ликвидирован" in str(hint)
    bankrupt = row_of_inn(window, cases["bankrupt"][0])
    assert model.data(model.index(bankrupt, qm.COL_REGISTRY)) == "⚠"
    problems = {cases[c][0] for c in ("liquidated", "liquidating", "bankrupt", "reorganizing",
                                      "invalid", "unknown") if c in cases}  # fmt: skip
    registry = demo.served.registry
    everyone = {model.row_at(r).buyer_inn for r in range(model.rowCount())}  # type: ignore[union-attr]
    # The demo's flawed buyers (a typo in the ИНН, an 11-digit one…) are unknown to it too.
    problems |= {inn for inn in everyone if inn and not registry.entries(inn)}
    states = window.queue.state_filter
    entry = states.findData("registry-problems")
    assert entry >= 0 and states.itemText(entry).startswith("Проблемы в реестре (")
    states.setCurrentIndex(entry)
    states.activated.emit(entry)
    qtmodeltester.check(model)
    shown = {model.row_at(r).buyer_inn for r in range(model.rowCount())}  # type: ignore[union-attr]
    assert shown and shown <= problems, (shown, problems)
    assert cases["liquidated"][0] in shown and cases["bankrupt"][0] in shown
    for row in range(model.rowCount()):
        assert model.data(model.index(row, qm.COL_REGISTRY)) in ("✖", "⚠")


def test_the_registry_column_says_what_the_panel_says_on_every_order(
    qtbot: QtBot, demo: DemoEnvironment, window: MainWindow
) -> None:
    """Also for a buyer whose ИНН came in the order's properties only (the panel asks the
    registry by it: the column must not say «—» beside the panel's «ликвидирован»)."""
    fetch_in_window(qtbot, window)
    model = window.queue.model
    marks = {Severity.ERROR: "✖", Severity.WARNING: "⚠"}
    seen = set()
    for row in range(model.rowCount()):
        window.queue.select_row(row)
        found = {f.severity for f in window.review.findings if f.code.startswith("registry-")}
        worst = next((s for s in marks if s in found), None)
        mark = model.data(model.index(row, qm.COL_REGISTRY))
        if worst is not None:
            assert mark == marks[worst], (model.row_at(row), found)
            seen.add(worst)
    assert seen == set(marks)  # the demo has both


def test_the_card_prefilled_from_the_registry_keeps_the_portal_value_a_click_away(
    qtbot: QtBot,
) -> None:
    from dataclasses import replace

    from test_ui_card_panel import VECTOR, shown_panel

    from desktop_app.domain.registry_findings import Prefill

    card = replace(VECTOR, ogrn="", legal_address="Москва, Вавилова 19")
    registry_name = 'ОБЩЕСТВО С ОГРАНИЧЕННОЙ ОТВЕТСТВЕННОСТЬЮ "ВЕКТОР"'
    fills = [
        Prefill("full_name", registry_name, card.full_name),
        Prefill("ogrn", "1027700132195", ""),
        Prefill("head", "Иванов Иван Иванович, Генеральный директор", ""),
    ]
    panel = shown_panel(qtbot, card, fills=fills)
    assert panel.edits["full_name"].text() == registry_name
    assert panel.edits["ogrn"].text() == "1027700132195"
    name_mark, ogrn_mark = panel.boxes["full_name"].prefill, panel.boxes["ogrn"].prefill
    assert name_mark is not None and ogrn_mark is not None
    assert name_mark.isVisibleTo(panel) and card.full_name in name_mark.label.text()
    assert ogrn_mark.isVisibleTo(panel) and "портал не прислал" in ogrn_mark.label.text()
    legal = panel.boxes["legal_address"].prefill
    assert legal is not None and not legal.isVisibleTo(panel)  # not filled: not marked
    assert panel.registry_head.isVisibleTo(panel)
    assert "Иванов Иван Иванович" in panel.registry_head.text()
    assert panel.changes() == {"full_name": registry_name, "ogrn": "1027700132195"}
    name_mark.back.click()
    assert panel.edits["full_name"].text() == card.full_name
    assert not name_mark.isVisibleTo(panel)
    assert panel.changes() == {"ogrn": "1027700132195"}
    panel.show_card(card, None)  # the next card without the registry: no marks left
    assert not ogrn_mark.isVisibleTo(panel) and not panel.registry_head.isVisibleTo(panel)


def test_the_registry_action_is_in_the_menu_with_a_shortcut_of_its_own(window: MainWindow) -> None:
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QMenu

    action = window.registry_actions.check_action
    menus = [m for a in window.menuBar().actions() if isinstance(m := a.menu(), QMenu)]
    assert any(action in menu.actions() for menu in menus)
    keys = [
        a.shortcut().toString() for a in window.findChildren(QAction) if not a.shortcut().isEmpty()
    ]
    assert len(keys) == len(set(keys)), sorted(keys)


def test_without_a_key_nothing_is_asked_and_the_panel_says_so(
    qtbot: QtBot, demo: DemoEnvironment, window: MainWindow
) -> None:
    from desktop_app.services.registry_check import store_token

    workspace = demo.workspace
    assert workspace is not None
    store_token(workspace.vault, workspace.settings.registry.url, "")  # no key kept
    fetch_in_window(qtbot, window)
    assert not demo.served.registry.asked
    window.queue.select_row(row_of_inn(window, demo.served.registry.cases["liquidated"][0]))
    text = window.review.registry_line.label.text()
    assert text.startswith("Реестр (ЕГРЮЛ/ЕГРИП) не спрашивали: не задан ключ"), text
