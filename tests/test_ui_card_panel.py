"""The create card: a panel in the 1C column, checked as `checks` checks, nothing wrong to 1C."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot
from test_ui_decisions import (
    COUNTERPARTIES,
    answer_warnings,
    decide,
    open_card,
    select_new_entity,
    settle,
)

from desktop_app.domain.counterparty import BankAccount, Counterparty, CounterpartyKind
from desktop_app.domain.decisions import CounterpartyCard, DecisionKind
from desktop_app.services.decision_service import DecisionError, DecisionService
from desktop_app.store.decision_repository import DecisionRepository
from desktop_app.store.queue_repository import QueueRepository
from desktop_app.ui.card_editors import WrappingEdit
from desktop_app.ui.card_panel import CardPanel
from desktop_app.ui.demo import DemoEnvironment
from desktop_app.ui.main_window import MainWindow

WRONG_CHECK_DIGIT = "7820715962"  # 7820715960's last digit changed
VECTOR = CounterpartyCard(
    name='ООО "Вектор"', full_name='Общество с ограниченной ответственностью "Вектор"',
    inn="7707083893", kpp="770701001", ogrn="1027700132195", email="info@vector.ru",
    phone="+7 (495) 123-45-67", legal_address="117997, г. Москва, ул. Вавилова, д. 19",
)  # fmt: skip


_HOSTS: list[QWidget] = []


def shown_panel(qtbot: QtBot, card: CounterpartyCard, width: int = 620, **kw: object) -> CardPanel:
    host = QWidget()
    qtbot.addWidget(host)
    panel = CardPanel(host)
    QVBoxLayout(host).addWidget(panel)
    host.resize(width, 700)
    host.show()
    host.activateWindow()  # shortcuts go to the active window
    qtbot.waitUntil(host.isActiveWindow)
    panel.show_card(card, None, **kw)  # type: ignore[arg-type]
    _HOSTS.append(host)  # kept alive until qtbot closes it at the end of the test
    return panel


def said(panel: CardPanel, field: str) -> str:
    box = panel.boxes[field]
    return box.message.text() if box.message.isVisibleTo(panel) else ""


def test_a_wrong_check_digit_is_said_beside_the_inn_and_blocks_the_create(qtbot: QtBot) -> None:
    panel = shown_panel(qtbot, VECTOR)
    asked: list[bool] = []
    panel.create_requested.connect(lambda: asked.append(True))
    assert not any(said(panel, name) for name in panel.boxes)  # a clean card says nothing
    panel.edits["inn"].setText(WRONG_CHECK_DIGIT)  # live, as the manager types
    assert "не проходит проверку контрольных цифр" in said(panel, "inn")
    panel.edits["email"].setText("info@vector")
    assert "не адрес электронной почты" in said(panel, "email")
    panel.edits["name"].setFocus()
    QTest.keyClick(panel.edits["name"], Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert asked == [] and panel.confirm is None
    assert panel.error.isVisibleTo(panel)
    assert panel.focusWidget() is panel.edits["inn"]  # the first field in error
    panel.edits["inn"].setText(VECTOR.inn)
    panel.edits["email"].setText(VECTOR.email)
    assert not said(panel, "inn") and not said(panel, "email")
    QTest.keyClick(panel.edits["email"], Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert asked == [True] and panel.changes() == {}


def test_the_kind_and_the_kpp_are_checked_against_the_inn(qtbot: QtBot) -> None:
    panel = shown_panel(qtbot, VECTOR)
    panel.edits["kpp"].setText("")
    assert "КПП" in said(panel, "kpp")  # a legal entity's 10-digit ИНН needs its КПП
    panel.kind.setCurrentIndex(panel.kind.findData(CounterpartyKind.ENTREPRENEUR.value))
    assert said(panel, "inn")  # a 10-digit ИНН is not an entrepreneur's
    panel.edits["inn"].setText("500100732259")  # an entrepreneur's 12 digits
    panel.edits["ogrn"].setText("")
    assert not said(panel, "inn") and not said(panel, "kpp")
    panel.edits["kpp"].setText("770701001")
    assert said(panel, "kpp")  # an ИП has no КПП


def test_warnings_are_asked_once_together_with_the_notice(qtbot: QtBot) -> None:
    panel = shown_panel(qtbot, VECTOR)
    asked: list[bool] = []
    panel.create_requested.connect(lambda: asked.append(True))
    panel.edits["kpp"].setText("500101001")  # another region's tax office: a warning
    panel.edits["phone"].setText("12-34")  # not a phone number: a warning
    panel.set_notice("Копия справочника 1С неполная.")
    assert panel.notice.isVisibleTo(panel)
    panel.create_button.click()
    box = panel.confirm
    assert box is not None  # one question for all three
    text = box.text()
    assert "Копия справочника 1С неполная." in text and "500101001" in text and "12-34" in text
    answer_warnings(panel, accept=False)
    assert asked == [] and panel.confirm is None
    panel.create_button.click()
    answer_warnings(panel, accept=True)
    assert asked == [True]
    assert panel.changes() == {"kpp": "500101001", "phone": "12-34"}


def test_long_values_wrap_and_nothing_is_cut_sideways(qtbot: QtBot) -> None:
    long_name = "Общество с ограниченной ответственностью " + "«Северо-Западная Торговая» " * 8
    card = CounterpartyCard(name=long_name.strip(), full_name=long_name.strip(), inn=VECTOR.inn,
                            kpp=VECTOR.kpp, legal_address=VECTOR.legal_address * 3)  # fmt: skip
    panel = shown_panel(qtbot, card, width=480)
    name, address = panel.edits["name"], panel.edits["legal_address"]
    assert isinstance(name, WrappingEdit) and isinstance(address, WrappingEdit)
    assert name.text() == card.name  # one value, not cut
    assert name.line_count() > 1
    # grows to its lines once the layout has given it its width
    qtbot.waitUntil(lambda: name.height() > name.fontMetrics().lineSpacing() * 2)
    assert address.line_count() > 1
    assert panel.scroller.horizontalScrollBar().maximum() == 0
    assert panel.body.width() <= panel.scroller.viewport().width()


def test_the_bank_account_and_the_actual_address_the_portal_sent_are_shown(qtbot: QtBot) -> None:
    account = BankAccount("40702810938000012345", 'ПАО "Сбербанк"', "044525225",
                          "30101810400000000225")  # fmt: skip
    buyer = Counterparty(
        id="42#ivan", name='ООО "Вектор"', official_name=None, full_name=None,
        kind=CounterpartyKind.LEGAL, role="Покупатель", inn=VECTOR.inn, kpp=VECTOR.kpp,
        okpo=None, surname=None, first_name=None, patronymic=None,
        legal_address="Москва, ул. Вавилова, 19", registration_address=None,
        address="Москва, Складской пр., 7, склад 3", bank_accounts=(account,),
    )  # fmt: skip
    card = CounterpartyCard.from_portal(buyer)
    assert card.actual_address == "Москва, Складской пр., 7, склад 3"
    panel = shown_panel(qtbot, card, accounts=buyer.bank_accounts)
    assert panel.edits["actual_address"].text() == card.actual_address  # written to 1C
    shown = {label.objectName(): label.text() for label in panel.accounts.findChildren(QLabel)}
    assert shown["card-account"] == account.account and shown["card-bik"] == account.bik
    assert panel.accounts.isVisibleTo(panel) and "не записывается" in panel.accounts_note.text()


def test_in_the_window_a_wrong_inn_writes_nothing_and_escape_brings_the_1c_column_back(
    qtbot: QtBot, filled_demo: DemoEnvironment, window: MainWindow
) -> None:
    portal_id = select_new_entity(window, qtbot, filled_demo.onec)
    before = len(filled_demo.onec.entities(COUNTERPARTIES))
    decide(window, DecisionKind.CREATE)
    panel = open_card(window)
    assert panel.window() is window  # inside the main window, not a dialog over it
    assert not window.review_actions.actions[DecisionKind.LINK].isEnabled()  # the card decides
    panel.edits["inn"].setText(WRONG_CHECK_DIGIT)
    panel.create_button.click()
    settle(window, qtbot)
    assert window.review.card_order == portal_id and said(panel, "inn")
    assert DecisionRepository(window.workspace.database).current(portal_id) is None
    assert len(filled_demo.onec.entities(COUNTERPARTIES)) == before  # nothing POSTed

    QTest.keyClick(panel.edits["inn"], Qt.Key.Key_Escape)
    assert window.review.card_order is None and window.review.onec.isVisibleTo(window)
    assert window.review_actions.actions[DecisionKind.CREATE].isEnabled()
    settle(window, qtbot)
    assert DecisionRepository(window.workspace.database).current(portal_id) is None


def test_the_decision_service_refuses_a_card_with_an_error_whoever_asks(
    filled_demo: DemoEnvironment,
) -> None:
    """Defence in depth: a card that reaches the service with an error is not recorded."""
    database = filled_demo.workspace.database  # type: ignore[union-attr]
    service = DecisionService(database)
    portal_id = next(
        row.portal_id for row in QueueRepository(database).queue(limit=100)
        if row.buyer_kind == "legal" and row.buyer_inn and row.buyer_kpp
    )  # fmt: skip
    with pytest.raises(DecisionError) as refused:
        service.create(portal_id, {"email": "info@vector"})
    assert "Контрагент не создан" in str(refused.value) and "Эл. почта" in str(refused.value)
    assert DecisionRepository(database).current(portal_id) is None
