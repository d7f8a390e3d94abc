"""Migration 0011: a write outcome is saved as a code and parameters, not as a sentence.

A database as 0010 left it holds a decision whose push stopped with a sentence of that time
(on its step and in the decision's summary). After the migration the sentence is still shown
word for word — by the CLI and in the window — and what a push saves from now on is its
code and parameters, worded when shown.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from push_scene import make_world
from sqlalchemy import create_engine

from desktop_app.domain.decisions import StepState
from desktop_app.domain.order import Order
from desktop_app.store import DATABASE_FILE_NAME, Database, schema_migration, sqlite_file
from desktop_app.store.decision_repository import DecisionRepository
from desktop_app.store.order_codec import content_hash, order_to_payload
from desktop_app.store.outbox_repository import OutboxRepository
from desktop_app.wording.registry import said_text
from desktop_app.wording.said import LEGACY, Said

WHEN = "2026-12-01 10:00:00.000000"
SAVED = (
    "1С ещё не загрузила заказ 1042: ни в одном заказе 1С нет «1042» в реквизите «Номер по "
    "данным клиента». Связь будет записана, когда он появится."
)
"""A sentence the push of 0010 saved (the waiting link), as it was saved."""


def database_at_0010(path: Path, order: Order) -> None:
    engine = create_engine(f"sqlite:///{path}")
    sqlite_file.configure_engine(engine)
    schema_migration.upgrade(engine, "0010")
    engine.dispose()
    payload = order_to_payload(order)
    buyer = order.buyer
    assert buyer is not None
    db = sqlite3.connect(path)
    try:
        db.execute(
            "INSERT INTO orders (id, portal_id, number, buyer_portal_id, buyer_name, buyer_inn, "
            "buyer_kpp, buyer_kind, search_text, review_state, changed_since_review, "
            "created_at, updated_at, content_hash) "
            "VALUES (1, ?, ?, ?, ?, ?, ?, ?, '', 'decided', 0, ?, ?, ?)",
            (order.id, order.number, buyer.id, buyer.display_name, buyer.inn, buyer.kpp,
             buyer.kind.value, WHEN, WHEN, content_hash(payload)),
        )  # fmt: skip
        db.execute(
            "INSERT INTO order_revisions (id, order_id, number, received_at, content_hash, "
            "payload) VALUES (1, 1, 1, ?, ?, ?)",
            (WHEN, content_hash(payload), payload),
        )
        db.execute("UPDATE orders SET current_revision_id = 1 WHERE id = 1")
        db.execute(
            "INSERT INTO decisions (id, order_id, kind, counterparty_key, automatic, confirmed, "
            "marker, decided_by, decided_at, write_state, write_message) "
            "VALUES (1, 1, 'link', 'k-1', 0, 1, 'm1', 'Иванова', ?, 'waiting', ?)",
            (WHEN, SAVED),
        )
        db.execute(
            "INSERT INTO outbox_steps (id, decision_id, position, kind, state, attempts, "
            "message, updated_at) VALUES (1, 1, 1, 'link_order', 'waiting', 1, ?, ?)",
            (SAVED, WHEN),
        )
        db.commit()
    finally:
        db.close()


def stored(path: Path) -> tuple[str, str]:
    """The step's and the decision's outcome columns as the file holds them."""
    db = sqlite3.connect(path)
    try:
        [(step,)] = db.execute("SELECT message FROM outbox_steps").fetchall()
        [(decision,)] = db.execute("SELECT write_message FROM decisions").fetchall()
    finally:
        db.close()
    return step, decision


@pytest.fixture
def order() -> Order:
    return make_world().order(1)


def test_a_sentence_saved_before_is_shown_as_it_was(order: Order, tmp_path: Path) -> None:
    database_at_0010(tmp_path / DATABASE_FILE_NAME, order)

    with Database.open(tmp_path) as database:
        row = DecisionRepository(database).current(order.id)

    assert row is not None
    assert row.write_said == Said(LEGACY, {"text": SAVED})
    assert row.steps[0].said == Said(LEGACY, {"text": SAVED})
    assert said_text(row.write_said) == SAVED  # the CLI's words
    assert said_text(row.write_said, lambda _context, source: source) == SAVED  # the window's
    for column in stored(tmp_path / DATABASE_FILE_NAME):
        assert json.loads(column) == {"code": LEGACY, "params": {"text": SAVED}}


def test_an_outcome_saved_now_is_its_code_and_parameters(order: Order, tmp_path: Path) -> None:
    database_at_0010(tmp_path / DATABASE_FILE_NAME, order)
    done = Said("outcome.reposted", {"number": "ЗК-7"})

    with Database.open(tmp_path) as database:
        row = OutboxRepository(database).finish_step(1, StepState.FAILED, said=done)

    assert row.steps[0].said == done and row.write_said == done
    assert said_text(row.write_said) == "Заказ 1С № ЗК-7 перепроведён."
    step, decision = stored(tmp_path / DATABASE_FILE_NAME)
    assert json.loads(step) == {"code": "outcome.reposted", "params": {"number": "ЗК-7"}}
    assert json.loads(decision) == json.loads(step)


def test_an_error_inside_an_outcome_is_kept_as_its_code(order: Order, tmp_path: Path) -> None:
    """1C's own message stays a verbatim parameter of the nested error."""
    database_at_0010(tmp_path / DATABASE_FILE_NAME, order)
    refused = Said("onec.answered_code", {"what": "запись Document_ЗаказКлиента",
                                          "status": 500, "code": "14",
                                          "onec_message": "Конфликт блокировок"})  # fmt: skip
    again = Said("outcome.again", {"error": refused})

    with Database.open(tmp_path) as database:
        OutboxRepository(database).finish_step(1, StepState.SENDING, said=again)
        row = DecisionRepository(database).current(order.id)

    assert row is not None and row.steps[0].said == again
    assert said_text(row.steps[0].said) == (
        "запись Document_ЗаказКлиента: 1С ответила ошибкой (HTTP 500, код 14): Конфликт "
        "блокировок Повторим, сначала проверив в 1С, не записалось ли."
    )
