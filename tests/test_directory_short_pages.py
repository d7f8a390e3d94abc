"""A refresh behind a proxy that cuts pages short, ignores the cursor or repeats a page.

Issue 14, point 5: a proxy capping pages at 500 rows (though `$top` asked 1,000) made a
refresh keep 500 of 3,120 counterparties; a server ignoring `$filter` made 1,763 requests
in 60 s. Here the 1C emulator stands behind such a proxy (faults.PageFault, over real HTTP):
short pages are paged through, the copy ends as 1C's set and loses only what 1C deleted; a
page that makes no progress ends the refresh with one sentence; answers that never add up
to 1C's `/$count` remove nothing and say so.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from desktop_app.adapters import keychain
from desktop_app.adapters.onec.odata_paging import OneCPagingError
from desktop_app.adapters.onec.odata_query import Query
from desktop_app.adapters.onec.onec_objects import COUNTERPARTIES, PARTNERS
from desktop_app.emulators.onec import OneCEmulator, PageFault
from desktop_app.emulators.world import World
from desktop_app.services import settings
from desktop_app.services.directory_service import RefreshReport, refresh_directory
from desktop_app.store.database import Database
from desktop_app.store.directory_repository import DirectoryRepository
from desktop_app.store.models import ONEC_COUNTERPARTIES, ONEC_PARTNERS

from conftest import cli
from conftest import onec_client as client_for

WORLD = World.generate(seed=31, buyers=60)


@pytest.fixture
def onec() -> Iterator[OneCEmulator]:
    """About 2,560 counterparties and as many partners: three pages of 1,000 each."""
    with OneCEmulator(WORLD, orders=5, extra_counterparties=2500) as emulator:
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


def copy_of(folder: Path, table: Any) -> dict[str, str]:
    with Database.open(folder) as database, database.reading() as connection:
        return dict(connection.execute(table.select().with_only_columns(
            table.c.ref_key, table.c.data_version)).all())  # fmt: skip


def in_1c(onec: OneCEmulator, entity_set: str) -> dict[str, str]:
    return {r["Ref_Key"]: r["DataVersion"] for r in onec.entities(entity_set)}


def refresh(onec: OneCEmulator, folder: Path) -> dict[str, RefreshReport]:
    with Database.open(folder) as database, client_for(onec) as client:
        reports = refresh_directory(client, DirectoryRepository(database))
    return {report.kind: report for report in reports}


def test_a_proxy_capping_pages_is_paged_through_and_only_what_1c_deleted_goes(
    onec: OneCEmulator, data: Path
) -> None:
    """The red team's proxy: 500 rows a page whatever `$top` asks — «удалённых 2620», rc 0."""
    gone = sorted(in_1c(onec, COUNTERPARTIES))[:3]
    for key in gone:
        onec.delete(COUNTERPARTIES, key)
    onec.inject(PageFault("page_cap", rows=500))
    before = len(onec.requests)
    refreshed = cli(data, "directory", "refresh")
    assert refreshed.returncode == 0, refreshed.stdout + refreshed.stderr
    total = len(in_1c(onec, COUNTERPARTIES))
    assert f"Контрагенты: в 1С {total}; " in refreshed.stdout
    assert "удалённых 3." in refreshed.stdout and "удалённых 0." in refreshed.stdout
    assert copy_of(data, ONEC_COUNTERPARTIES) == in_1c(onec, COUNTERPARTIES)
    assert copy_of(data, ONEC_PARTNERS) == in_1c(onec, PARTNERS)
    asked = [
        r
        for r in onec.requests[before:]
        if r.fault == "page_cap" and r.path.endswith(COUNTERPARTIES)
    ]
    assert any("$top=1000" in r.query for r in asked)  # the client asked for more, got 500:
    assert len(asked) >= 2 * -(-total // 500)  # read and check each took 500-row pages


def test_a_server_ignoring_the_cursor_ends_the_refresh_with_a_sentence(
    onec: OneCEmulator, data: Path
) -> None:
    """A gateway that drops `$filter` and `$skip`: every page is the first one again."""
    before = copy_of(data, ONEC_COUNTERPARTIES)
    onec.delete(COUNTERPARTIES, sorted(before)[0])
    onec.inject(PageFault("ignore_paging"))
    requests = len(onec.requests)
    refreshed = cli(data, "directory", "refresh")
    assert refreshed.returncode == 2, refreshed.stdout + refreshed.stderr
    assert "Traceback" not in refreshed.stderr
    lines = refreshed.stderr.strip().splitlines()
    assert len(lines) == 1 and "не учитывается" in lines[0], lines
    assert len(onec.requests) - requests < 10  # stopped at the first page that came again
    assert copy_of(data, ONEC_COUNTERPARTIES) == before  # nothing removed


@pytest.mark.parametrize("skip", [0, 2])
def test_a_page_served_again_ends_the_refresh(onec: OneCEmulator, data: Path, skip: int) -> None:
    """A cache keyed on the path: the same page — the same last row — for every cursor."""
    before = copy_of(data, ONEC_COUNTERPARTIES)
    onec.delete(COUNTERPARTIES, sorted(before)[0])
    onec.inject(PageFault("repeat_page", entity_set=COUNTERPARTIES, skip=skip))
    requests = len(onec.requests)
    with pytest.raises(OneCPagingError, match="уже прочитанные строки"):
        refresh(onec, data)
    assert len(onec.requests) - requests < 20
    assert copy_of(data, ONEC_COUNTERPARTIES) == before
    last = _last_refresh(data, "counterparties")
    assert last is not None and not last.complete


def test_names_shared_by_more_rows_than_the_cap_are_not_skipped(onec: OneCEmulator) -> None:
    """Thirty counterparties of one name behind a 10-row cap: the pager cannot read them all
    with `eq` — it says so instead of going on past them."""
    for n in range(30):
        onec.create(COUNTERPARTIES, {"Description": "ООО Дубль", "ИНН": f"{n:010d}"})
    onec.inject(PageFault("page_cap", rows=10))
    with client_for(onec) as client, pytest.raises(OneCPagingError, match="больше, чем"):
        for _page in client.pages(Query(COUNTERPARTIES).select("ИНН"), "Description", 10):
            pass


def test_answers_that_never_add_up_to_the_count_remove_nothing(
    onec: OneCEmulator, data: Path
) -> None:
    """A proxy that answers every page after the first with an empty list: the copy keeps
    every row, the refresh ends incomplete with a sentence, rc 1."""
    before = copy_of(data, ONEC_COUNTERPARTIES)
    onec.delete(COUNTERPARTIES, sorted(before)[0])
    empty = json.dumps({"value": []}).encode()
    onec.inject(PageFault("answer", entity_set=COUNTERPARTIES, body=empty, skip=1))
    refreshed = cli(data, "directory", "refresh")
    assert refreshed.returncode == 1, refreshed.stdout + refreshed.stderr
    assert "Traceback" not in refreshed.stderr
    assert "ответы неполные" in refreshed.stdout and "не удалены" in refreshed.stdout
    assert "Контрагенты: с 1С не сверены; " in refreshed.stdout  # not «в 1С 0»
    assert "удалённых 0." in refreshed.stdout
    assert copy_of(data, ONEC_COUNTERPARTIES) == before


def _last_refresh(folder: Path, kind: str) -> Any:
    with Database.open(folder) as database:
        return DirectoryRepository(database).last_refresh(kind)
