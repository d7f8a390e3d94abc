"""The *1С* column a manager can trust (issue 16, points 2, 4, 5, 8).

A name alone is never one key away; a link to another ИНН asks, showing both; the column
and «Создать в 1С» know when the directory copy is incomplete or old; a written decision
looks written until «Изменить решение»; the candidates are a tree of heads and branches.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from typing import Any

from PySide6.QtWidgets import QMenu, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import update

from desktop_app.domain.candidates import Candidate, CandidateReason, head_groups
from desktop_app.domain.decisions import DecisionKind, WriteState
from desktop_app.domain.entity_mapping import EarlierEntity
from desktop_app.domain.onec_directory import DirectoryCounterparty
from desktop_app.domain.order import Order
from desktop_app.domain.phrase import phrase
from desktop_app.domain.requisite_checks import Finding
from desktop_app.services.fetch_service import fetch_orders
from desktop_app.store.decision_repository import DecisionRepository
from desktop_app.store.directory_repository import DirectoryRepository
from desktop_app.store.models import DIRECTORY_REFRESHES
from desktop_app.store.queue_repository import QueueRepository
from desktop_app.ui.candidate_tree import COL_KEYS, COL_NAME, COL_SCORE, CandidateTreeModel
from desktop_app.ui.demo import DemoEnvironment
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.review_actions import DecisionRequest
from desktop_app.ui.review_hooks import WrittenDecision
from desktop_app.ui.review_panel import ReviewPanel
from desktop_app.ui.screenshots import pick_orders

WAIT = 60_000


def counterparty(ref: str, inn: str, kpp: str, *, head: str | None = None) -> DirectoryCounterparty:
    return DirectoryCounterparty(
        ref_key=ref, data_version="1", deletion_mark=False, description=f"ООО {ref}",
        full_name=None, inn=inn, kpp=kpp, registration_number=None, okpo=None,
        legal_form="ЮрЛицо", partner_key=None, head_key=head, is_branch=head is not None,
    )  # fmt: skip


def candidate(row: DirectoryCounterparty, reason: CandidateReason) -> Candidate:
    return Candidate(row, reason, 90.0, phrase("candidate.confirmed"))


def settle(window: MainWindow, qtbot: QtBot) -> None:
    qtbot.waitUntil(lambda: not window.runner.tasks, timeout=WAIT)


def message(window: MainWindow) -> QMessageBox:
    box = window.flow.dialog
    assert isinstance(box, QMessageBox), box
    return box


def answer(box: QMessageBox, button: QMessageBox.StandardButton) -> None:
    clicked = box.button(button)
    assert clicked is not None
    clicked.click()


# --- point 2: what may be chosen before the manager looks --------------------------------


def test_only_the_buyers_own_keys_are_preselectable() -> None:
    row = counterparty("a", "7701234567", "770101001")
    yes = (
        CandidateReason.CONFIRMED_MAPPING,
        CandidateReason.EXACT_INN_KPP,
        CandidateReason.SAME_INN_OTHER_KPP,
    )
    for reason in CandidateReason:
        assert candidate(row, reason).preselectable is (reason in yes), reason
    deleted = dataclasses.replace(row, deletion_mark=True)
    assert not candidate(deleted, CandidateReason.EXACT_INN_KPP).preselectable
    entrepreneur = counterparty("b", "770123456789", "")
    assert candidate(entrepreneur, CandidateReason.SAME_INN).preselectable
    assert not candidate(row, CandidateReason.SAME_INN).preselectable  # 1C has a КПП


class NameOnly:
    """A review source whose best candidate is only alike by name, under another ИНН."""

    def __init__(self, listed: list[Candidate]) -> None:
        self.listed = listed

    def candidates(self, order: Order) -> Sequence[Candidate]:
        return self.listed

    def earlier_entities(self, order: Order) -> Sequence[EarlierEntity]:
        return ()

    def findings(self, order: Order) -> Sequence[Finding]:
        return ()

    def decision(self, order: Order) -> str:
        return ""

    def written(self, order: Order) -> WrittenDecision | None:
        return None


def test_a_similar_name_under_another_inn_is_not_one_key_away(
    qtbot: QtBot, filled_demo: DemoEnvironment, window: MainWindow
) -> None:
    order_id = pick_orders(window).known
    assert order_id is not None
    database = window.workspace.database
    order = QueueRepository(database).order(order_id)
    assert order is not None and order.buyer is not None and order.buyer.inn
    similar = candidate(_other_inn(window, order.buyer.inn), CandidateReason.NAME_SIMILAR)
    source = NameOnly([similar])
    review = ReviewPanel(QueueRepository(database), DirectoryRepository(database), source)
    qtbot.addWidget(review)
    requests: list[DecisionRequest] = []
    review.decisions.decision_requested.connect(requests.append)
    review.show_order_id(order_id)
    assert review.onec.current_candidate() is None
    assert "выберите" in review.onec.card.text()
    link = review.decisions.actions[DecisionKind.LINK]
    assert not link.isEnabled()
    link.trigger()  # Ctrl+L on a disabled action: nothing
    assert requests == []

    own = DirectoryRepository(database).find_counterparties(
        inn=order.buyer.inn, kpp=order.buyer.kpp
    )
    exact = candidate(own[0], CandidateReason.EXACT_INN_KPP)
    source.listed = [similar, exact]
    review.show_order_id(order_id)
    assert review.onec.current_candidate() == exact  # the exact one, though ranked second
    assert link.isEnabled()


def test_a_link_to_another_inn_asks_showing_both(
    qtbot: QtBot, filled_demo: DemoEnvironment, window: MainWindow
) -> None:
    order_id = pick_orders(window).known
    assert order_id is not None and window.queue.select(order_id)
    order = window.review.order
    assert order is not None and order.buyer is not None and order.buyer.inn
    database = window.workspace.database
    other = _other_inn(window, order.buyer.inn)
    request = DecisionRequest(
        DecisionKind.LINK, order_id, candidate(other, CandidateReason.NAME_SIMILAR)
    )

    window.flow.on_request(request)
    box = message(window)
    assert order.buyer.inn in box.text() and (other.inn or "") in box.text()
    answer(box, QMessageBox.StandardButton.No)
    settle(window, qtbot)
    assert DecisionRepository(database).current(order_id) is None  # nothing recorded

    window.flow.on_request(request)
    answer(message(window), QMessageBox.StandardButton.Yes)
    settle(window, qtbot)
    linked = DecisionRepository(database).current(order_id)
    assert linked is not None and linked.decision.counterparty_key == other.ref_key


def _other_inn(window: MainWindow, inn: str) -> DirectoryCounterparty:
    """A counterparty of the demo's 1C whose ИНН is another buyer's, not this one's."""
    database = window.workspace.database
    rows = DirectoryRepository(database)
    for row in QueueRepository(database).queue(limit=100):
        if row.buyer_inn and row.buyer_inn != inn:
            found = rows.find_counterparties(inn=row.buyer_inn)
            if found:
                return found[0]
    raise AssertionError("the demo directory has no counterparty of another ИНН")


# --- point 4: day one ---------------------------------------------------------------------


def test_an_incomplete_copy_says_so_and_the_first_settings_start_it(
    qtbot: QtBot, demo: DemoEnvironment, window: MainWindow
) -> None:
    workspace = demo.workspace
    assert workspace is not None
    fetch_orders(
        workspace.settings.portal, demo.portal.password, workspace.database, workspace.work_dir
    )
    window.queue.refresh()
    window.queue.select_row(0)
    onec = window.review.onec
    assert window.review.order is not None
    assert "Копия справочника 1С ещё не полная" in onec.caption.text()
    assert "похоже, это новый контрагент" not in onec.caption.text()

    window.review_actions.actions[DecisionKind.CREATE].trigger()
    box = message(window)
    assert "не полная" in box.text()
    answer(box, QMessageBox.StandardButton.No)
    assert window.review.card_order is None  # no card: nothing to create from

    dialog = window.open_settings()
    dialog.onec.directory_max_age.setValue(12)  # the setting has its line in the 1C form
    dialog.save()  # the demo's settings name 1C: once saved, the first copy starts at once
    qtbot.waitUntil(lambda: onec.copy_complete(), timeout=WAIT)
    settle(window, qtbot)
    assert "Копия справочника 1С ещё не полная" not in onec.caption.text()
    assert workspace.settings.onec.directory_max_age == 12


def test_create_warns_on_an_old_copy_as_long_as_the_setting_says(
    qtbot: QtBot, filled_demo: DemoEnvironment, window: MainWindow
) -> None:
    workspace = window.workspace
    order_id = pick_orders(window).new_legal
    assert order_id is not None and window.queue.select(order_id)
    with workspace.database.writing() as connection:
        connection.execute(
            update(DIRECTORY_REFRESHES).values(
                finished_at=dt.datetime.now(dt.UTC) - dt.timedelta(hours=30)
            )
        )
    create = window.review_actions.actions[DecisionKind.CREATE]
    create.trigger()
    box = message(window)
    assert "больше 24 ч назад" in box.text()
    answer(box, QMessageBox.StandardButton.Yes)
    assert window.review.card_order == order_id  # asked once, then the card
    window.review.close_card()

    settings = workspace.settings
    onec = dataclasses.replace(settings.onec, directory_max_age=48)
    workspace.save_settings(dataclasses.replace(settings, onec=onec))
    create.trigger()
    assert window.review.card_order == order_id  # 30 h is young enough now
    assert window.review.onec_side.currentWidget() is window.review.card_panel
    window.review.close_card()


# --- point 5: a written decision looks written --------------------------------------------


def test_a_written_decision_closes_create_and_link_until_changed(
    qtbot: QtBot, filled_demo: DemoEnvironment, window: MainWindow
) -> None:
    window.start()
    settle(window, qtbot)
    order_id = pick_orders(window).known
    assert order_id is not None and window.queue.select(order_id)
    chosen = window.review.onec.current_candidate()
    assert chosen is not None and chosen.reason is CandidateReason.EXACT_INN_KPP
    window.review_actions.actions[DecisionKind.LINK].trigger()
    settle(window, qtbot)
    row = DecisionRepository(window.workspace.database).current(order_id)
    assert row is not None and row.write_state is WriteState.WRITTEN, row and row.write_said

    assert window.queue.select(order_id)
    actions, onec = window.review_actions, window.review.onec
    for kind in (DecisionKind.CREATE, DecisionKind.LINK):
        assert not actions.actions[kind].isEnabled()
        assert "уже записано в 1С" in actions.actions[kind].toolTip()
    assert "Решение записано в 1С" in onec.caption.text()
    assert (
        "записано в 1С" in onec.card.text() and chosen.counterparty.description in onec.card.text()
    )
    assert not onec.view.isVisibleTo(window)
    assert actions.change_action.isEnabled() and window.review.change_button.isVisibleTo(window)
    menus = [top.menu() for top in window.menuBar().actions()]
    assert any(isinstance(m, QMenu) and actions.change_action in m.actions() for m in menus)

    actions.change_action.trigger()
    assert actions.actions[DecisionKind.CREATE].isEnabled()
    assert actions.actions[DecisionKind.LINK].isEnabled()  # the exact match is chosen again
    assert onec.view.isVisibleTo(window) and not actions.change_action.isEnabled()
    assert not window.review.change_button.isVisibleTo(window)


# --- point 8: the tree ----------------------------------------------------------------------


def test_branches_nest_under_their_head_and_the_model_is_sound(qtmodeltester: Any) -> None:
    head = counterparty("head", "7701234567", "770101001")
    branch = counterparty("branch", "7701234567", "771001001", head="head")
    orphan = counterparty("far", "7701234567", "772001001", head="unlisted")
    other = counterparty("other", "7709999999", "770901001")
    ranked = [
        candidate(branch, CandidateReason.EXACT_INN_KPP),
        candidate(other, CandidateReason.NAME_SIMILAR),
        candidate(head, CandidateReason.SAME_INN_OTHER_KPP),
        candidate(orphan, CandidateReason.SAME_INN_OTHER_KPP),
    ]
    groups = head_groups(ranked)
    assert [(top.counterparty.ref_key, [c.counterparty.ref_key for c in kids])
            for top, kids in groups] == [("head", ["branch", "far"]), ("other", [])]  # fmt: skip

    model = CandidateTreeModel()
    model.set_rows(ranked)
    qtmodeltester.check(model)
    assert model.rowCount() == 2 and model.rowCount(model.index(0, 0)) == 2
    index = model.index_of("branch")
    assert index.parent() == model.index(0, 0)
    assert model.candidate_at(index) == ranked[0]
    assert model.data(model.index(0, COL_KEYS, model.index(0, 0))) == "7701234567\n771001001"
    assert model.data(model.index(0, COL_NAME, model.index(0, 0))) == "ООО branch\nИНН и КПП"
    assert model.data(model.index(1, COL_SCORE)) == "90"
    assert model.rows == tuple(ranked)


def test_the_candidates_fit_the_column_at_1366(
    qtbot: QtBot, filled_demo: DemoEnvironment, window: MainWindow
) -> None:
    order_id = pick_orders(window).branch
    assert order_id is not None and window.queue.select(order_id)
    view = window.review.onec.view
    qtbot.waitUntil(lambda: view.isVisible())
    assert window.review.onec.width() <= 460
    header = view.header()
    assert header.length() <= view.viewport().width()  # nothing scrolls sideways
    keys = str(view.model().data(view.model().index(0, COL_KEYS)))
    for line in keys.splitlines():  # ИНН and КПП are read whole
        assert header.sectionSize(COL_KEYS) >= view.fontMetrics().horizontalAdvance(line)
    assert header.sectionSize(COL_NAME) >= header.sectionSize(COL_KEYS)  # the name has room
