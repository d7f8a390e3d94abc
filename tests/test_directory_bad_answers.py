"""1C answers a refresh cannot use: one sentence, the right exit code, the copy intact.

Issue 14, point 11 (1C's part): rows without `Ref_Key`, rows that are strings,
`Ref_Key: 42`, `{"odata.error": "boom"}`, a body cut in the middle each ended `directory
refresh` with a Python traceback. The 1C emulator answers the counterparty pages so (after
the first, which is served as it is) over real HTTP; `directory refresh` and the window's
refresh must end with one Russian sentence, no traceback, and the copy as it was.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from desktop_app.adapters import keychain
from desktop_app.adapters.onec.onec_objects import COUNTERPARTIES
from desktop_app.emulators.onec import Fault, OneCEmulator, PageFault
from desktop_app.emulators.world import World
from desktop_app.services import settings
from desktop_app.store.database import Database
from desktop_app.store.models import ONEC_COUNTERPARTIES, ONEC_PARTNERS
from desktop_app.ui.demo import DemoEnvironment
from desktop_app.ui.main_window import MainWindow

from conftest import cli

WORLD = World.generate(seed=37, buyers=40)
KEY = "5b1b4e2a-97c1-11ee-8c90-0242ac120002"
PAGE = json.dumps(
    {"value": [{"Ref_Key": KEY, "DataVersion": "AAAAAQAAAAA=", "Description": "ООО Обрыв"}] * 40},
    ensure_ascii=False,
).encode("utf-8")

ANSWERS = {
    "a row without Ref_Key": (
        200,
        {"value": [{"DataVersion": "AAAAAQAAAAA=", "Description": "ООО Без ключа"}]},
        "без ключа (Ref_Key)",
    ),
    "rows that are strings": (200, {"value": ["ООО Строка", "ещё строка"]}, "вместо записи"),
    "Ref_Key 42": (200, {"value": [{"Ref_Key": 42, "Description": "ООО Число"}]}, "«42»"),
    "an odata.error string with 200": (200, {"odata.error": "boom"}, "«boom»"),
    "an odata.error string with 500": (500, {"odata.error": "boom"}, "boom"),
    "a body cut in the middle of its JSON": (200, PAGE[: len(PAGE) // 2], "неполным"),
}


@pytest.fixture
def onec() -> Iterator[OneCEmulator]:
    with OneCEmulator(WORLD, orders=3, extra_counterparties=1200) as emulator:
        yield emulator


@pytest.fixture
def data(tmp_path: Path, onec: OneCEmulator) -> Path:
    """A data folder set up for `directory refresh` against the emulator, copied once."""
    folder = tmp_path / "cli"
    section = settings.OneCSettings(url=onec.service_root, user="Менеджер")
    settings.save(folder, settings.Settings(onec=section))
    onec.add_user("Менеджер", "пароль")
    keychain.store_password("onec", "Менеджер", onec.service_root, "пароль")
    first = cli(folder, "directory", "refresh")
    assert first.returncode == 0, first.stderr
    return folder


def copy_of(database: Database) -> dict[str, dict[str, str]]:
    copies: dict[str, dict[str, str]] = {}
    with database.reading() as connection:
        for table in (ONEC_COUNTERPARTIES, ONEC_PARTNERS):
            columns = table.select().with_only_columns(table.c.ref_key, table.c.data_version)
            copies[table.name] = dict(connection.execute(columns).all())
    return copies


def copy_in(folder: Path) -> dict[str, dict[str, str]]:
    with Database.open(folder) as database:
        return copy_of(database)


def bad_page(status: int, body: Any) -> PageFault:
    raw = body if isinstance(body, bytes) else json.dumps(body, ensure_ascii=False).encode()
    return PageFault("answer", entity_set=COUNTERPARTIES, body=raw, status=status, skip=1)


def one_sentence(result: Any, words: str) -> str:
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, lines
    assert words in lines[0], lines[0]
    return str(lines[0])


@pytest.mark.parametrize("case", list(ANSWERS))
def test_directory_refresh_says_what_1c_answered_and_keeps_the_copy(
    onec: OneCEmulator, data: Path, case: str
) -> None:
    before = copy_in(data)
    onec.delete(COUNTERPARTIES, sorted(before[ONEC_COUNTERPARTIES.name])[0])  # not to remove
    status, body, words = ANSWERS[case]
    onec.inject(bad_page(status, body))
    line = one_sentence(cli(data, "directory", "refresh"), words)
    assert COUNTERPARTIES in line
    assert copy_in(data) == before


def test_an_answer_cut_on_the_wire_every_time_ends_in_a_sentence(
    onec: OneCEmulator, data: Path
) -> None:
    """The connection closes halfway through every counterparty answer, retries included."""
    before = copy_in(data)
    onec.delete(COUNTERPARTIES, sorted(before[ONEC_COUNTERPARTIES.name])[0])
    onec.inject(Fault("truncate", method="GET", entity_set=COUNTERPARTIES, times=50))
    one_sentence(cli(data, "directory", "refresh"), "оборвался на середине")
    assert copy_in(data) == before


WINDOW_CASES = {
    "rows that are strings": (bad_page(*ANSWERS["rows that are strings"][:2]), "вместо записи"),
    "an odata.error string with 500": (
        bad_page(*ANSWERS["an odata.error string with 500"][:2]),
        "boom",
    ),
    "a gateway ignoring the cursor (point 5)": (PageFault("ignore_paging"), "не учитывается"),
}


@pytest.mark.parametrize("case", list(WINDOW_CASES))
def test_the_window_says_it_in_the_status_bar_and_opens_no_crash_dialog(
    qtbot: QtBot, filled_demo: DemoEnvironment, window: MainWindow, case: str
) -> None:
    workspace = filled_demo.workspace
    assert workspace is not None
    before = copy_of(workspace.database)
    bugs: list[object] = []
    window.sync.bug.connect(bugs.append)
    fault, words = WINDOW_CASES[case]
    filled_demo.onec.inject(fault)
    task = window.sync.refresh_directory()
    assert task is not None
    with qtbot.waitSignal(task.failed, timeout=60_000):
        pass
    qtbot.waitUntil(lambda: window.sync.refresh_action.isEnabled())
    message = window.status.currentMessage()
    assert message.startswith("Обновление справочника 1С: ") and words in message, message
    assert "Traceback" not in message and bugs == []
    assert copy_of(workspace.database) == before


def test_the_window_gives_no_counts_for_a_copy_it_could_not_reconcile(
    qtbot: QtBot, filled_demo: DemoEnvironment, window: MainWindow
) -> None:
    """Pages that never add up to 1C's count (a proxy answering empty lists): the status bar
    says the copy is incomplete, not «контрагентов 40» as if it were 1C's directory."""
    workspace = filled_demo.workspace
    assert workspace is not None
    before = copy_of(workspace.database)
    empty = json.dumps({"value": []}).encode()
    filled_demo.onec.inject(PageFault("answer", entity_set=COUNTERPARTIES, body=empty, skip=1))
    task = window.sync.refresh_directory()
    assert task is not None
    with qtbot.waitSignal(task.succeeded, timeout=60_000):
        pass
    message = window.status.currentMessage()
    assert message.startswith("Справочник 1С прочитан не полностью"), message
    assert "контрагентов" not in message
    assert copy_of(workspace.database) == before


def test_names_longer_than_1c_allows_are_cut_and_said(onec: OneCEmulator, data: Path) -> None:
    """A 50,000-character name cannot be 1C's (Description is 100 in УТ 11): the refresh
    cuts it and says how many it cut."""
    row = {"Ref_Key": KEY, "DataVersion": "AAAAAQAAAAA=", "Description": "Я" * 50_000}
    body = json.dumps({"value": [row]}, ensure_ascii=False).encode("utf-8")
    onec.inject(PageFault("answer", entity_set=COUNTERPARTIES, body=body, times=1))

    result = cli(data, "directory", "refresh")

    assert "Traceback" not in result.stderr
    assert f"значений поля {COUNTERPARTIES}.Description длиннее, чем позволяет 1С: 1" in (
        result.stdout
    ), result.stdout + result.stderr
    assert result.returncode == 0, result.stderr
    # the row 1C never had was stored cut, then removed when the copy was reconciled
    assert len(copy_in(data)[ONEC_COUNTERPARTIES.name]) == len(onec.entities(COUNTERPARTIES))
