"""The *Портал* column at 1366×768: the raw data grouped by element, read whole, copied exactly."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics, QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from desktop_app.adapters.portal.commerceml_reader import CommerceMLReader
from desktop_app.domain.counterparty import Counterparty, RawField
from desktop_app.ui.card_fields import CardRow
from desktop_app.ui.card_view import CardView
from desktop_app.ui.demo import DemoEnvironment
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.portal_column import PortalColumn
from desktop_app.ui.raw_fields_model import ERROR, HIGHLIGHT, RawFieldsModel
from desktop_app.ui.screenshots import pick_orders
from desktop_app.ui.value_label import BREAK

FIXTURES = Path(__file__).parent / "fixtures"
WIDTH = 450
"""The portal column's width on a 1366×768 screen."""
LONG_ADDRESS = ", ".join(f"строение {n} корпус {n} помещение {n}-Н" for n in range(1, 25))
LONG_RUN = "snab." + "x" * 150 + "@vektor-plus.ru"  # one "word": no space to wrap at


def legal_entity() -> Counterparty:
    """The fixture's buyer: both a legal and an actual address, an account, contacts."""
    read = next(CommerceMLReader(FIXTURES / "bitrix-2.08-legal-entity.cp1251.xml").orders())
    assert read.order.buyer is not None
    return read.order.buyer


def column(qtbot: QtBot, party: Counterparty, **marks: Any) -> PortalColumn:
    shown = PortalColumn()
    qtbot.addWidget(shown)
    shown.resize(WIDTH, 700)
    shown.show()
    shown.show_counterparty(party, **marks)
    qtbot.waitExposed(shown)
    return shown


def row_of(model: RawFieldsModel, path: str) -> int:
    return next(n for n in range(model.rowCount()) if (f := model.field_at(n)) and f.path == path)


def title_above(model: RawFieldsModel, row: int) -> str:
    title = next(n for n in range(row, -1, -1) if model.is_title(n))
    return str(model.data(model.index(title, 0)))


def test_the_legal_and_the_actual_address_stand_under_their_own_titles(qtbot: QtBot) -> None:
    shown = column(qtbot, legal_entity())
    raw = shown.raw_model
    legal = row_of(raw, "ЮридическийАдрес/Представление")
    actual = row_of(raw, "Адрес/Представление")
    assert title_above(raw, legal) == "Юридический адрес"
    assert title_above(raw, actual) == "Адрес (фактический)"
    assert title_above(raw, row_of(raw, "ИНН")) == "Реквизиты"
    assert title_above(raw, row_of(raw, "РасчетныеСчета/РасчетныйСчет/Банк/БИК")) == (
        "Расчётный счёт"
    )
    assert title_above(raw, row_of(raw, "Контакты/Контакт[2]/Значение")) == "Контакты"
    for row in (legal, actual):  # a title spans the row; a field shows its path in the group
        assert raw.data(raw.index(row, 0)) == "Представление"
    titles = [n for n in range(raw.rowCount()) if raw.is_title(n)]
    assert all(shown.raw_view.columnSpan(n, 0) == 2 for n in titles)


def test_a_field_s_tooltip_is_its_exact_path_and_copies_give_value_and_path(
    qtbot: QtBot,
) -> None:
    shown = column(qtbot, legal_entity())
    raw, view = shown.raw_model, shown.raw_view
    row = row_of(raw, "ЮридическийАдрес/АдресноеПоле[3]/Значение")
    for column_ in (0, 1):
        tip = raw.data(raw.index(row, column_), Qt.ItemDataRole.ToolTipRole)
        assert "ЮридическийАдрес/АдресноеПоле[3]/Значение" in tip
    clipboard = QGuiApplication.clipboard()
    view.setFocus()
    view.selectRow(row)
    QTest.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert clipboard.text() == "ул. Заставская, д. 22, лит. А, пом. 4-Н"
    view.copy_path.trigger()
    assert clipboard.text() == "ЮридическийАдрес/АдресноеПоле[3]/Значение"
    inn = row_of(raw, "ИНН")
    view.selectRow(inn)
    view.copy_value.trigger()
    assert clipboard.text() == "7810123451 "  # the padding the portal sent, kept
    menu = [action.text() for action in view.actions()]
    assert menu == ["Копировать значение", "Копировать путь"]
    view.selectRow(next(n for n in range(inn, -1, -1) if raw.is_title(n)))
    view.copy_value.trigger()  # a title copies its group, line by line
    assert "ИНН: 7810123451 " in clipboard.text().splitlines()
    assert not view.copy_path.isEnabled()  # a title has no path of its own
    view.selectRow(inn)
    assert view.copy_path.isEnabled()


def wrapped_height(view: Any, row: int, column_: int, text: str) -> int:
    """The least height `text` takes in the cell's width, wrapped anywhere if need be."""
    metrics = QFontMetrics(view.font())
    width = view.columnWidth(column_) - 10
    flags = Qt.TextFlag.TextWrapAnywhere
    return metrics.boundingRect(QRect(0, 0, width, 100_000), int(flags), text).height()


def test_a_very_long_value_is_read_whole_without_scrolling_sideways(qtbot: QtBot) -> None:
    party = legal_entity()
    raw_fields = (
        *party.raw,
        RawField("Адрес/Представление", LONG_ADDRESS),
        RawField("Контакты/Контакт[3]/Значение", LONG_RUN),
    )
    long_party = dataclasses.replace(party, raw=raw_fields, address=LONG_ADDRESS)
    shown = column(qtbot, long_party)
    raw, view = shown.raw_model, shown.raw_view
    assert view.width() <= WIDTH
    for path, text in (
        ("Адрес/Представление", LONG_ADDRESS),
        ("Контакты/Контакт[3]/Значение", LONG_RUN),
    ):
        row = next(
            n
            for n in range(raw.rowCount())
            if (f := raw.field_at(n)) and f.path == path and f.value == text
        )
        assert raw.data(raw.index(row, 1)) == text  # whole, not cut
        assert (
            view.rowHeight(row)
            >= wrapped_height(view, row, 1, text)
            > 3 * (view.fontMetrics().height())
        )  # several lines tall: wrapped, not elided
    assert view.horizontalScrollBar().maximum() == 0
    assert view.horizontalHeader().length() <= view.viewport().width()
    card = shown.card
    assert card.horizontalScrollBar().maximum() == 0  # the card wraps as well
    label = card.value_label("address")
    assert label is not None and label.value == LONG_ADDRESS


def test_the_card_wraps_a_long_run_and_copies_it_without_the_breaks(qtbot: QtBot) -> None:
    card = CardView()
    qtbot.addWidget(card)
    card.resize(WIDTH, 300)
    card.show_rows([CardRow("emails", "Эл. почта", LONG_RUN), CardRow("inn", "ИНН", "7707083893")])
    card.show()
    qtbot.waitExposed(card)
    label = card.value_label("emails")
    assert label is not None
    assert card.horizontalScrollBar().maximum() == 0
    assert label.width() < WIDTH and label.height() > 3 * label.fontMetrics().height()
    assert label.value == LONG_RUN and f"Эл. почта: {LONG_RUN}" in card.text()
    label.setSelection(0, len(label.text()))
    QTest.keyClick(label, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == LONG_RUN
    assert BREAK not in QGuiApplication.clipboard().text()
    inn = card.value_label("inn")
    assert inn is not None and inn.text() == "7707083893"  # short values are left alone


def test_differing_and_wrong_fields_are_marked_in_the_raw_data_too(qtbot: QtBot) -> None:
    why = "Отличается от выбранного контрагента 1С"
    shown = column(
        qtbot, legal_entity(), highlighted={"kpp": why, "name": why}, errors={"bik": "Не тот БИК"}
    )
    raw = shown.raw_model
    assert raw.marked_paths() == {"КПП", "Наименование", "РасчетныеСчета/РасчетныйСчет/Банк/БИК"}
    kpp = raw.index(row_of(raw, "КПП"), 1)
    assert kpp.data(Qt.ItemDataRole.BackgroundRole).color() == HIGHLIGHT
    assert why in kpp.data(Qt.ItemDataRole.ToolTipRole)
    bik = raw.index(row_of(raw, "РасчетныеСчета/РасчетныйСчет/Банк/БИК"), 1)
    assert bik.data(Qt.ItemDataRole.BackgroundRole).color() == ERROR
    assert raw.index(row_of(raw, "ИНН"), 1).data(Qt.ItemDataRole.BackgroundRole) is None
    assert shown.card.highlighted_keys() == {"kpp", "name", "bik"}


def test_the_raw_fields_model_passes_the_model_tester(qtmodeltester: Any) -> None:
    model = RawFieldsModel()
    model.set_fields(legal_entity().raw, {"inn": "differs"})
    qtmodeltester.check(model)
    model.set_fields([])
    qtmodeltester.check(model)


def scrolled_down(area: QWidget) -> int:
    bar = area.verticalScrollBar()  # type: ignore[attr-defined]
    bar.setValue(bar.maximum())
    return int(bar.value())


def test_a_new_order_is_shown_from_the_top(
    qtbot: QtBot, filled_demo: DemoEnvironment, window: MainWindow
) -> None:
    picks = pick_orders(window)
    portal = window.review.portal
    assert picks.branch is not None and window.queue.select(picks.branch)
    qtbot.waitUntil(lambda: portal.raw_view.verticalScrollBar().maximum() > 0)
    assert "КПП" in portal.raw_model.marked_paths()  # the branch's КПП differs from 1C's
    assert "ИНН" not in portal.raw_model.marked_paths()
    portal.card.resize(portal.card.width(), 60)  # short enough to scroll
    qtbot.waitUntil(lambda: portal.card.verticalScrollBar().maximum() > 0)
    assert scrolled_down(portal.raw_view) > 0 and scrolled_down(portal.card) > 0
    order = window.review.order  # the same order shown again (a candidate chosen): kept
    portal.show_counterparty(order.buyer if order else None, {"kpp": "differs"})
    assert portal.raw_view.verticalScrollBar().value() > 0
    assert portal.card.verticalScrollBar().value() > 0
    window.review.reload()  # read again after a fetch: still where the manager was
    assert portal.raw_view.verticalScrollBar().value() > 0
    assert portal.card.verticalScrollBar().value() > 0
    assert picks.new_legal is not None and window.queue.select(picks.new_legal)
    assert portal.raw_view.verticalScrollBar().value() == 0
    assert portal.card.verticalScrollBar().value() == 0


def test_the_path_column_leaves_the_value_most_of_a_narrow_view(qtbot: QtBot) -> None:
    shown = column(qtbot, legal_entity())
    view = shown.raw_view
    shown.resize(320, 700)  # the column beside a wide queue
    qtbot.waitUntil(lambda: view.viewport().width() < 320)
    assert view.columnWidth(0) <= 0.4 * view.viewport().width() + 1
    assert view.columnWidth(1) > view.columnWidth(0)
    view.horizontalHeader().resizeSection(0, 200)  # the manager drags it: theirs from then on
    shown.resize(400, 700)
    qtbot.waitUntil(lambda: view.viewport().width() > 320)
    assert view.columnWidth(0) == 200


def test_another_order_of_the_same_buyer_starts_at_the_top_too(qtbot: QtBot) -> None:
    party = legal_entity()
    shown = PortalColumn()
    qtbot.addWidget(shown)
    shown.resize(WIDTH, 300)
    shown.show()
    bar = shown.raw_view.verticalScrollBar()
    shown.begin_order("first")
    shown.show_counterparty(party)
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    assert scrolled_down(shown.raw_view) > 0
    shown.begin_order("first")  # the same order read again
    shown.show_counterparty(party)
    assert bar.value() > 0
    shown.begin_order("second")  # the buyer's next order: the very same counterparty
    shown.show_counterparty(party)
    assert bar.value() == 0


def test_a_card_with_other_fields_starts_at_the_top_and_marked_anew_stays(qtbot: QtBot) -> None:
    card = CardView()  # the 1C column's card too: another candidate is another card
    qtbot.addWidget(card)
    card.resize(WIDTH, 80)
    rows = [CardRow(f"f{n}", f"Поле {n}", f"значение {n}") for n in range(20)]
    card.show_rows(rows)
    card.show()
    qtbot.waitUntil(lambda: card.verticalScrollBar().maximum() > 0)
    assert scrolled_down(card) > 0
    card.show_rows(rows, highlighted={"f3": "differs"})
    assert card.verticalScrollBar().value() > 0
    card.show_rows([*rows[:-1], CardRow("f19", "Поле 19", "другое")])
    assert card.verticalScrollBar().value() == 0
