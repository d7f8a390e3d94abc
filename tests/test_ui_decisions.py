"""The manager's decisions in the window, on the demo world, written to the 1C emulator."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from openpyxl import load_workbook
from push_scene import carries
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from desktop_app.domain.candidates import CandidateReason
from desktop_app.domain.decisions import DecisionKind, StepKind, StepState, WriteState
from desktop_app.domain.decisions import DecisionKind as Kind
from desktop_app.domain.onec_directory import EMPTY_REF
from desktop_app.domain.order_findings import needs_attention
from desktop_app.emulators.onec import Fault, OneCEmulator
from desktop_app.emulators.onec.seed_records import KIND_ACTUAL_ADDRESS
from desktop_app.services.connection_check import Reachability
from desktop_app.store.decision_repository import DecisionRepository
from desktop_app.store.queue_repository import QueueRepository
from desktop_app.store.review_state import ReviewState
from desktop_app.ui import queue_model as qm
from desktop_app.ui.card_panel import CardPanel
from desktop_app.ui.decision_flow import DecisionFlow
from desktop_app.ui.demo import DemoEnvironment
from desktop_app.ui.export_actions import ExportActions
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.review_actions import DecisionRequest
from desktop_app.ui.status_bar import StatusBar
from desktop_app.ui.workers import TaskRunner

WAIT = 60_000
COUNTERPARTIES = "Catalog_Контрагенты"


def settle(window: MainWindow, qtbot: QtBot) -> None:
    qtbot.waitUntil(lambda: not window.runner.tasks, timeout=WAIT)


def started(window: MainWindow, qtbot: QtBot) -> MainWindow:
    window.start()
    settle(window, qtbot)
    return window


def order_1c(onec: OneCEmulator, number: str | None) -> dict[str, object]:
    found = [o for o in onec.entities("Document_ЗаказКлиента") if carries(onec, o, number)]
    assert len(found) == 1
    return found[0]


def decision_cell(window: MainWindow, portal_id: str) -> str:
    model = window.queue.model
    for row in range(model.rowCount()):
        shown = model.row_at(row)
        if shown is not None and shown.portal_id == portal_id:
            return str(model.data(model.index(row, qm.COL_DECISION)))
    raise AssertionError(f"{portal_id} is not in the queue")


def imported(window: MainWindow, onec: OneCEmulator, *, branch: bool = False) -> str:
    """An order 1C's exchange has imported whose buyer is a legal entity 1C does not know —
    at all, or (`branch`) only under another КПП."""
    for row in QueueRepository(window.workspace.database).queue(limit=100):
        if row.buyer_kind != "legal" or not row.buyer_inn or not row.buyer_kpp:
            continue
        if not any(carries(onec, o, row.number) for o in onec.entities("Document_ЗаказКлиента")):
            continue
        known = onec.entities(COUNTERPARTIES, ИНН=row.buyer_inn)
        if any(c["КПП"] == row.buyer_kpp for c in known):
            continue
        if bool(known) == branch:
            return row.portal_id
    raise AssertionError("the demo world has no such order")


def decide(window: MainWindow, kind: DecisionKind) -> None:
    """Press the decision's button; a link of an order the checks warn about first asks
    (link_guard.py), and the manager, who has read the order, links anyway."""
    action = window.review_actions.actions[kind]
    assert action.isEnabled(), action.toolTip()
    action.trigger()
    question = window.link_guard.question
    if question is not None:
        assert kind is DecisionKind.LINK and needs_attention(window.review.findings)
        anyway = next(b for b in question.buttons() if b.objectName() == "linkAnywayButton")
        anyway.click()


def open_card(window: MainWindow) -> CardPanel:
    """The create card, shown in the 1C column of the window (not a window of its own)."""
    panel = window.review.card_panel
    assert window.review.card_order is not None
    assert panel.isVisibleTo(window) and not panel.isWindow()
    assert not window.review.onec.isVisibleTo(window)  # in the 1C column's place
    assert window.review.portal.isVisibleTo(window)  # the portal's data stays beside it
    return panel


def answer_warnings(panel: CardPanel, *, accept: bool) -> None:
    """Answer the card's one question about the checks' warnings."""
    box = panel.confirm
    assert box is not None
    role = QMessageBox.ButtonRole.AcceptRole if accept else QMessageBox.ButtonRole.RejectRole
    next(b for b in box.buttons() if box.buttonRole(b) is role).click()


def press_create(panel: CardPanel) -> None:
    """«Создать в 1С»; the checks' warnings, if any (one question for all), accepted."""
    panel.create_button.click()
    if panel.confirm is not None:
        answer_warnings(panel, accept=True)


def select_new_entity(window: MainWindow, qtbot: QtBot, onec: OneCEmulator) -> str:
    """The window started, and an order of a legal entity 1C does not know on screen."""
    started(window, qtbot)
    portal_id = imported(window, onec)
    assert window.queue.select(portal_id)
    return portal_id


def test_create_a_new_legal_entity_and_see_it_written(
    qtbot: QtBot, filled_demo: DemoEnvironment, window: MainWindow
) -> None:
    portal_id = select_new_entity(window, qtbot, filled_demo.onec)
    order = window.review.order
    assert order is not None and order.buyer is not None

    decide(window, DecisionKind.CREATE)
    panel = open_card(window)
    assert panel.edits["inn"].text() == order.buyer.inn  # prefilled from the portal
    panel.edits["phone"].setText("+7 495 000-00-01")
    panel.edits["actual_address"].setText("Москва, Складской проезд, 7, склад 3")
    press_create(panel)
    settle(window, qtbot)  # recorded, then pushed: 1C answers in the demo

    row = DecisionRepository(filled_demo.workspace.database).current(portal_id)  # type: ignore[union-attr]
    assert row is not None and row.decision.kind is Kind.CREATE
    assert row.decision.card is not None and row.decision.card.phone == "+7 495 000-00-01"
    assert row.write_state is WriteState.WRITTEN, row.write_said
    created = [c for c in filled_demo.onec.entities(COUNTERPARTIES, ИНН=order.buyer.inn)
               if c["КПП"] == (order.buyer.kpp or "")]  # fmt: skip
    assert len(created) == 1
    assert order_1c(filled_demo.onec, order.number)["Контрагент_Key"] == created[0]["Ref_Key"]
    actual = [r["Представление"] for r in created[0]["КонтактнаяИнформация"]
              if r["Вид_Key"] == KIND_ACTUAL_ADDRESS]  # fmt: skip
    assert actual == ["Москва, Складской проезд, 7, склад 3"]  # «Фактический адрес» in 1C
    assert decision_cell(window, portal_id) == "создать в 1С, записано в 1С"
    assert "Ждут записи в 1С: 0" in window.status.writes_label.text()
    assert window.review.order is not None and window.review.order.id != portal_id  # next one
    assert window.queue.select(portal_id)
    assert "записано в 1С" in window.review.decision_line.text()


def test_link_a_branch_reject_and_defer(
    qtbot: QtBot, filled_demo: DemoEnvironment, window: MainWindow
) -> None:
    started(window, qtbot)
    branch_order = imported(window, filled_demo.onec, branch=True)
    assert window.queue.select(branch_order)
    candidate = window.review.onec.current_candidate()
    assert candidate is not None and candidate.reason is CandidateReason.SAME_INN_OTHER_KPP
    decide(window, DecisionKind.LINK)
    settle(window, qtbot)
    branch = window.workspace.database
    linked = DecisionRepository(branch).current(branch_order)
    assert linked is not None and linked.write_state is WriteState.WRITTEN
    assert linked.decision.counterparty_key == candidate.counterparty.ref_key
    head = candidate.counterparty.ref_key
    number = next(r.number for r in QueueRepository(branch).queue(limit=100)
                  if r.portal_id == branch_order)  # fmt: skip
    assert order_1c(filled_demo.onec, number)["Контрагент_Key"] == head

    rejected, deferred = [
        r.portal_id
        for r in (window.queue.model.row_at(n) for n in range(window.queue.model.rowCount()))
        if r is not None and r.review_state is ReviewState.NEW
    ][:2]
    assert window.queue.select(rejected)
    decide(window, DecisionKind.REJECT)
    reason = window.flow.dialog
    assert reason is not None
    reason.setTextValue("тестовый заказ")  # type: ignore[attr-defined]
    reason.accept()
    settle(window, qtbot)
    assert window.queue.select(deferred)
    decide(window, DecisionKind.DEFER)
    settle(window, qtbot)

    repository = DecisionRepository(branch)
    shown = repository.current(rejected)
    assert shown is not None and shown.decision.reason == "тестовый заказ"
    assert decision_cell(window, rejected) == "отклонить"
    assert decision_cell(window, deferred) == "отложить"
    assert QueueRepository(branch).review_state(rejected) is ReviewState.REJECTED
    assert QueueRepository(branch).review_state(deferred) is ReviewState.NEEDS_REVIEW


def test_decisions_taken_offline_go_when_1c_is_back(
    qtbot: QtBot, filled_demo: DemoEnvironment, window: MainWindow
) -> None:
    started(window, qtbot)
    onec = filled_demo.onec
    port = int(onec.base_url.rsplit(":", 1)[1])
    onec.stop()
    probe = window.sync.probe_onec()
    assert probe is not None
    settle(window, qtbot)
    assert window.status.states["onec"] is Reachability.UNREACHABLE
    portal_id = imported(window, onec)
    assert window.queue.select(portal_id)
    order = window.review.order
    assert order is not None

    decide(window, DecisionKind.CREATE)
    press_create(open_card(window))
    settle(window, qtbot)
    row = DecisionRepository(window.workspace.database).current(portal_id)
    assert row is not None and row.write_state is WriteState.QUEUED  # waits, nothing lost
    assert "Ждут записи в 1С: 1" in window.status.writes_label.text()
    assert decision_cell(window, portal_id) == "создать в 1С, ждёт отправки в 1С"

    onec.port = port  # 1C comes back where it was
    onec.start()
    window.sync.probe_onec()  # the next probe finds it, and the waiting write goes
    settle(window, qtbot)

    row = DecisionRepository(window.workspace.database).current(portal_id)
    assert row is not None
    assert row.write_state is WriteState.WRITTEN, row.write_said
    assert order_1c(onec, order.number)["Контрагент_Key"] != EMPTY_REF
    assert "Ждут записи в 1С: 0" in window.status.writes_label.text()


def test_export_the_invoice_and_the_queue_from_the_window(
    qtbot: QtBot, filled_demo: DemoEnvironment, window: MainWindow, tmp_path: Path
) -> None:
    started(window, qtbot)
    portal_id = imported(window, filled_demo.onec, branch=True)
    assert window.queue.select(portal_id)
    candidate = window.review.onec.current_candidate()
    assert candidate is not None
    decide(window, DecisionKind.LINK)  # the invoice's buyer becomes the linked 1C one
    settle(window, qtbot)
    assert window.queue.select(portal_id)

    window.export.invoice_action.trigger()
    assert isinstance(window.export.dialog, QFileDialog)  # asks where, window-modal
    window.export.dialog.reject()
    invoice = tmp_path / "счёт.xlsx"
    assert window.export.save_invoice(str(invoice)) is not None
    settle(window, qtbot)
    sheet = load_workbook(invoice).active
    assert sheet is not None
    texts = [str(c.value) for row in sheet.iter_rows() for c in row if c.value is not None]
    linked = candidate.counterparty
    buyer_line = next(text for text in texts if (linked.full_name or linked.description) in text)
    assert f"ИНН {linked.inn}" in buyer_line and f"КПП {linked.kpp}" in buyer_line
    assert any(text.startswith("Счет на оплату №") for text in texts)
    assert filled_demo.servers is not None
    assert f"ИНН {filled_demo.servers.seller_inn}" in texts  # the demo's seller, from its 1C
    assert window.message is None  # saved is not a problem: no box
    assert window.status.currentMessage().startswith("Счёт сохранён")
    assert not window.export.notice.open_button.isHidden()  # «Открыть» beside the message

    window.queue.set_filter(ReviewState.WRITTEN, "")
    listed = tmp_path / "заказы.xlsx"
    assert window.export.save_list(str(listed)) is not None
    settle(window, qtbot)
    sheet = load_workbook(listed).active
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))
    assert len(rows) == 1 + window.queue.model.rowCount()  # the header and the filtered queue

    folder = tmp_path / "счета"
    folder.mkdir()
    assert window.export.save_invoices(str(folder)) is not None
    settle(window, qtbot)
    assert len(list(folder.glob("*.xlsx"))) == window.queue.model.rowCount()


def test_a_users_second_company_comes_with_the_note_and_is_never_linked_by_itself(
    qtbot: QtBot, filled_demo: DemoEnvironment, window: MainWindow
) -> None:
    """One portal user (one `Контрагент/Ид`) orders for two legal entities: linking the
    first maps the first only; the second shows the note, with the first one's 1C card one
    click away — never chosen for it."""
    started(window, qtbot)
    database, onec = window.workspace.database, filled_demo.onec
    by_requisites = {(b.counterparty.inn, b.counterparty.kpp): b for b in filled_demo.world.buyers}
    orders: dict[str, dict[bool, str]] = {}
    for row in QueueRepository(database).queue(limit=100):
        buyer = by_requisites.get((row.buyer_inn, row.buyer_kpp))
        if buyer is not None and onec.entities(  # the demo's 1C-Bitrix module keeps the Ид
            "Document_ЗаказКлиента", Б_Идентификатор=row.portal_id
        ):
            orders.setdefault(buyer.counterparty.id or "", {})[buyer.known_in_onec] = row.portal_id
    known, new = next((o[True], o[False]) for o in orders.values() if len(o) == 2)

    assert window.queue.select(known)
    candidate = window.review.onec.current_candidate()
    assert candidate is not None and candidate.reason is CandidateReason.EXACT_INN_KPP
    theirs = candidate.counterparty.ref_key
    decide(window, DecisionKind.LINK)
    settle(window, qtbot)
    assert window.sync.fetch() is not None  # the automatic mapping runs after a fetch
    settle(window, qtbot)

    assert DecisionRepository(database).current(new) is None
    assert decision_cell(window, new) == ""
    number = QueueRepository(database).order(new).number  # type: ignore[union-attr]
    assert order_1c(onec, number)["Контрагент_Key"] == EMPTY_REF
    assert window.queue.select(new)
    notes = window.review.entity_notes
    assert notes.isVisibleTo(window) and len(notes.notes) == 1
    first_name = QueueRepository(database).order(known).buyer.name  # type: ignore[union-attr]
    assert f"уже заказывал от имени {first_name}" in notes.notes[0]
    chosen = window.review.onec.current_candidate()
    assert chosen is None or chosen.counterparty.ref_key != theirs  # never chosen by itself
    button = notes.buttons[0]
    assert button.isEnabled()
    button.click()
    shown = window.review.onec.current_candidate()
    assert shown is not None and shown.counterparty.ref_key == theirs
    assert shown.reason is CandidateReason.SAME_USER_OTHER_ENTITY
    assert "Не кандидат" in window.review.onec.card.text()
    assert window.queue.select(known)
    assert not window.review.entity_notes.isVisibleTo(window)


def test_a_decision_whose_write_broke_off_is_not_changed_in_the_window(
    qtbot: QtBot, filled_demo: DemoEnvironment, window: MainWindow
) -> None:
    """1C applied the link, its answer broke off: the window refuses a reject in words until
    the next write to 1C has looked."""
    started(window, qtbot)
    portal_id = imported(window, filled_demo.onec)
    filled_demo.onec.inject(
        Fault("chunked_cut", method="PATCH", entity_set="Document_ЗаказКлиента")
    )
    assert window.queue.select(portal_id)
    decide(window, DecisionKind.CREATE)
    press_create(open_card(window))
    settle(window, qtbot)
    row = DecisionRepository(window.workspace.database).current(portal_id)
    assert row is not None
    assert [s.state for s in row.steps if s.kind is StepKind.LINK_ORDER] == [StepState.SENDING]

    assert window.queue.select(portal_id)
    decide(window, DecisionKind.REJECT)
    reason = window.flow.dialog
    assert reason is not None
    reason.setTextValue("передумал")  # type: ignore[attr-defined]
    reason.accept()
    settle(window, qtbot)

    box = window.message
    assert box is not None and "неизвестно" in box.text(), box and box.text()
    box.close()
    kept = DecisionRepository(window.workspace.database).current(portal_id)
    assert kept is not None and kept.id == row.id and kept.decision.kind is Kind.CREATE


def test_a_fetch_in_the_window_says_which_buyers_it_recognised(
    qtbot: QtBot,
    filled_demo: DemoEnvironment,
    window: MainWindow,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """The window's fetch maps the buyers the app knows and says so, as the CLI does."""
    started(window, qtbot)
    recognisable = DecisionRepository(window.workspace.database).recognisable()
    assert recognisable  # the demo's 1C knows some buyers by ИНН and КПП
    by_mapping = sum(1 for item in recognisable if item.by_mapping)
    caplog.set_level(logging.INFO, logger="desktop_app.ui.sync_controller")
    task = window.sync.fetch()
    assert task is not None
    with qtbot.waitSignal(task.succeeded, timeout=WAIT):
        pass
    settle(window, qtbot)
    said = " ".join(r.getMessage() for r in caplog.records if r.getMessage().startswith("fetch "))
    assert (
        f"Покупатели узнаны автоматически: {by_mapping} по прежним связям, "
        f"{len(recognisable) - by_mapping} по ИНН и КПП; к отправке в 1С без подтверждения: "
    ) in said
    assert DecisionRepository(window.workspace.database).recognisable() == []  # all mapped


def test_the_export_and_decision_helpers_need_no_main_window(
    qtbot: QtBot, filled_demo: DemoEnvironment, runner: TaskRunner, tmp_path: Path
) -> None:
    """ExportActions and DecisionFlow are given what they use and speak in signals."""
    workspace = filled_demo.workspace
    assert workspace is not None
    host = QWidget()
    qtbot.addWidget(host)
    status = StatusBar(host)
    order = QueueRepository(workspace.database).order(
        QueueRepository(workspace.database).queue(limit=1)[0].portal_id
    )
    assert order is not None
    problems: list[tuple[str, bool]] = []
    nothing = ExportActions(
        workspace, runner, status, host, shown_order=lambda: None, queue_filter=lambda: (None, "")
    )
    nothing.problem.connect(lambda text, manual: problems.append((text, manual)))
    nothing.ask_invoice()
    assert problems == [("Выберите заказ в очереди.", True)]

    export = ExportActions(
        workspace, runner, status, host, shown_order=lambda: order, queue_filter=lambda: (None, "")
    )
    export.problem.connect(lambda text, manual: problems.append((text, manual)))
    task = export.save_invoice(str(tmp_path / "счёт.xlsx"))
    assert task is not None
    with qtbot.waitSignal(task.succeeded, timeout=WAIT):
        pass
    assert (tmp_path / "счёт.xlsx").is_file()
    assert problems == [("Выберите заказ в очереди.", True)]  # the demo has its seller: no box
    assert export.notice.target == tmp_path / "счёт.xlsx"
    assert status.currentMessage().startswith("Счёт сохранён")

    flow = DecisionFlow(workspace, runner, host)
    recorded: list[str] = []
    flow.recorded.connect(recorded.append)
    flow.on_request(DecisionRequest(DecisionKind.DEFER, order.id, None))
    qtbot.waitUntil(lambda: recorded == [order.id], timeout=WAIT)
    current = DecisionRepository(workspace.database).current(order.id)
    assert current is not None and current.decision.kind is DecisionKind.DEFER
