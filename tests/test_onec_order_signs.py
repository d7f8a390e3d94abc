"""The signs that 1C's site exchange made a counterparty are saved as codes and values, and
shown in the same words as before; a row saved by an older version, in words, still shows."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from sqlalchemy import update

from desktop_app.domain.onec_order_state import (
    OneCOrderState,
    OrderCounterparty,
    Sign,
    auto_signs,
)
from desktop_app.store.database import Database
from desktop_app.store.models import ONEC_ORDERS
from desktop_app.store.onec_order_repository import OneCOrderRepository
from desktop_app.wording.onec_orders import order_words, sign_text

ORDER_KEY = "1711a01d-b507-11e7-82e4-dc85de068416"
READ_AT = dt.datetime(2026, 3, 1, 9, 30, tzinfo=dt.UTC)


def made_by_exchange() -> OneCOrderState:
    party = OrderCounterparty(
        key="1711a01c-b507-11e7-82e4-dc85de068416", name="Вектор", inn="7701234567",
        kpp="770101001", deletion_mark=True, partner_key=None, partner_name="Неизвестный партнер",
        partner_predefined="НеизвестныйПартнер", partner_comment=None, same_inn=("Вектор ООО",),
    )  # fmt: skip
    return OneCOrderState(
        portal_id="p-1", ref_key=ORDER_KEY, number="УТ-000123", date=None, posted=True,
        deletion_mark=False, counterparty=party, auto_signs=auto_signs(ORDER_KEY, party),
        read_at=READ_AT,
    )  # fmt: skip


WORDS = (
    "Заказ 1С № УТ-000123 (проведён): контрагент «Вектор» [помечен на удаление], партнёр "
    "«Неизвестный партнер». Похоже, создан обменом с сайтом: создан за 0 с до заказа — так "
    "его создаёт обмен с сайтом; партнёр «Неизвестный партнер»; те же ИНН и КПП, что у "
    "«Вектор ООО»."
)


def test_the_signs_are_codes_and_read_as_one_line() -> None:
    state = made_by_exchange()
    assert [s.code for s in state.auto_signs] == [
        "made-seconds-before", "unknown-partner", "same-inn-kpp",
    ]  # fmt: skip
    assert order_words(state) == WORDS


def test_minutes_before_the_order() -> None:
    assert sign_text(Sign("made-minutes-before", {"minutes": 7})) == (
        "создан за 7 мин до заказа — так его создаёт обмен с сайтом"
    )


def test_saved_as_codes_and_read_back(tmp_path: Path) -> None:
    state = made_by_exchange()
    with Database.open(tmp_path) as database:
        repository = OneCOrderRepository(database)
        repository.save(["p-1"], [state])
        with database.reading() as connection:
            details = json.loads(connection.execute(ONEC_ORDERS.select()).one().details)
        assert details["auto_signs"][0] == {"code": "made-seconds-before", "params": {"seconds": 0}}
        read = repository.state("p-1")
    assert read is not None
    assert read.auto_signs == state.auto_signs
    assert order_words(read) == WORDS


def test_a_row_saved_in_words_by_an_older_version_still_shows(tmp_path: Path) -> None:
    old_signs = [
        "создан за 0 с до заказа — так его создаёт обмен с сайтом",
        "партнёр «Неизвестный партнер»",
        "те же ИНН и КПП, что у «Вектор ООО»",
    ]
    with Database.open(tmp_path) as database:
        repository = OneCOrderRepository(database)
        repository.save(["p-1"], [made_by_exchange()])
        with database.reading() as connection:
            details = json.loads(connection.execute(ONEC_ORDERS.select()).one().details)
        details["auto_signs"] = old_signs
        with database.writing() as connection:
            connection.execute(update(ONEC_ORDERS).values(details=json.dumps(details)))
        read = repository.state("p-1")
    assert read is not None and read.auto_created
    assert [s.code for s in read.auto_signs] == ["saved"] * 3
    assert order_words(read) == WORDS
