"""A document put aside is never invisible, and a newer reader reads it from its bytes.

The portal is confirmed for an answer with an unreadable document in it (Bitrix cannot
confirm part of an answer), so the site does not send that document again: the queue shows
it as «не прочитан» with its number, reason and raw text, in the model and in the CLI, and
a newer reader turns it into a normal order. The documents come from the portal emulator
over real HTTP; the "older reader" is today's with one document refused, which is what an
older reader is to a document it could not read.
"""

from __future__ import annotations

import dataclasses
import json
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import create_engine

from desktop_app.adapters import keychain
from desktop_app.adapters.portal import commerceml_document, commerceml_order, commerceml_stored
from desktop_app.adapters.portal.commerceml_text import DocumentProblemError, Element
from desktop_app.domain.order import Order
from desktop_app.emulators.portal import PortalEmulator
from desktop_app.emulators.world import World
from desktop_app.services import settings
from desktop_app.services.fetch_service import FetchReport, fetch_orders
from desktop_app.services.password_vault import MemoryVault
from desktop_app.services.quarantine_reread import reread_quarantined
from desktop_app.services.settings import PortalMode, PortalSettings
from desktop_app.services.workspace import Workspace
from desktop_app.store import schema_migration
from desktop_app.store.database import DATABASE_FILE_NAME, Database
from desktop_app.store.directory_repository import DirectoryRepository
from desktop_app.store.incoming import QuarantinedDocument
from desktop_app.store.order_repository import OrderRepository
from desktop_app.store.queue_repository import QueueRepository
from desktop_app.ui import queue_model as qm
from desktop_app.ui.queue_annotations import EngineAnnotations
from desktop_app.ui.queue_panel import UNREAD, QueuePanel
from desktop_app.ui.review_hooks import EngineSource
from desktop_app.ui.review_panel import ReviewPanel

from conftest import cli

REASON = "Поле «Сумма» содержит «12 345,67 руб.» — это не число."


@pytest.fixture
def small_portal() -> Iterator[PortalEmulator]:
    with PortalEmulator(World.generate(seed=5, buyers=6), orders=5) as emulator:
        yield emulator


@pytest.fixture
def database(tmp_path: Path) -> Iterator[Database]:
    with Database.open(tmp_path / "data") as db:
        yield db


def older_reader(monkeypatch: pytest.MonkeyPatch, refused: str) -> None:
    """Today's reader, except that it cannot read the order `refused` (as an older one)."""
    real = commerceml_order.map_order

    def map_order(element: Element, *, line_properties: bool = True) -> Order | None:
        order = real(element, line_properties=line_properties)
        if order is not None and order.id == refused:
            raise DocumentProblemError("bad-number", REASON)
        return order

    monkeypatch.setattr(commerceml_document, "map_order", map_order)


def fetch(portal: PortalEmulator, database: Database, tmp_path: Path) -> FetchReport:
    section = PortalSettings(url=portal.page_url(), user="exchange")
    return fetch_orders(section, "secret", database, tmp_path / "work")


def fetch_one_refused(
    portal: PortalEmulator, database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[str, str]:
    """A fetch in which the older reader refuses one order; its Ид and portal number."""
    refused = sorted(portal.order_updates())[2]
    with monkeypatch.context() as patch:
        older_reader(patch, refused)
        report = fetch(portal, database, tmp_path)
    assert (report.new, report.quarantined, report.confirmed) == (4, 1, True)
    assert refused in portal.exported_ids(PortalEmulator.APP_PAGE)  # confirmed: never again
    assert fetch(portal, database, tmp_path).quarantined == 0  # the portal does not resend it
    number = next(r.number for r in QueueRepository(database).unread() if r.portal_id == refused)
    assert number
    return refused, number


def test_a_confirmed_unread_document_stays_in_the_queue_with_reason_number_and_text(
    small_portal: PortalEmulator,
    database: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    qtbot: QtBot,
    qtmodeltester: Any,
) -> None:
    refused, number = fetch_one_refused(small_portal, database, tmp_path, monkeypatch)
    queue = QueueRepository(database)
    assert refused not in {r.portal_id for r in queue.queue()}
    model = qm.QueueModel(queue, EngineAnnotations(database))
    qtmodeltester.check(model)
    assert model.rowCount() == 5  # four orders and the document put aside, first
    row = model.data(model.index(0, 0), qm.ROW_ROLE)
    assert row.unread is not None and row.unread.portal_id == refused
    assert model.index(0, qm.COL_STATE).data() == "Не прочитан"
    assert model.index(0, qm.COL_NUMBER).data() == number
    assert REASON in model.index(0, qm.COL_BUYER).data()
    assert model.row_of(row.portal_id) == 0
    source = queue.unread_source(row.unread.id)
    assert source is not None and f"<Ид>{refused}</Ид>".encode(source[1] or "utf-8") in source[0]

    panel = QueuePanel(queue, EngineAnnotations(database))
    qtbot.addWidget(panel)
    choice = panel.state_filter.findData(UNREAD)
    assert panel.state_filter.itemText(choice) == "Не прочитан (1)"
    assert panel.summary.text() == "Заказов: 4; не прочитано документов: 1"
    panel.state_filter.setCurrentIndex(choice)
    panel.state_filter.activated.emit(choice)
    assert panel.model.rowCount() == 1
    qtmodeltester.check(panel.model)


def test_the_review_shows_the_raw_document_read_only(
    small_portal: PortalEmulator,
    database: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    qtbot: QtBot,
) -> None:
    refused, number = fetch_one_refused(small_portal, database, tmp_path, monkeypatch)
    queue = QueueRepository(database)
    review = ReviewPanel(queue, DirectoryRepository(database), EngineSource(database))
    qtbot.addWidget(review)
    row = qm.QueueModel(queue, EngineAnnotations(database)).row_at(0)
    assert row is not None and row.unread is not None
    review.show_order(row)
    assert review.stack.currentWidget() is review.unread
    assert review.order is None
    assert not any(action.isEnabled() for action in review.decisions.actions.values())
    assert number in review.unread.heading.text()
    assert REASON in review.unread.reason.text()
    assert review.unread.raw.isReadOnly()
    assert f"<Ид>{refused}</Ид>" in review.unread.raw.toPlainText()


def test_the_cli_queue_lists_it_with_its_raw_text(
    small_portal: PortalEmulator, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "data"
    small_portal.add_user("manager", "pw")
    section = settings.PortalSettings(url=small_portal.page_url(), user="manager", retries=1)
    settings.save(data, settings.Settings(portal=section))
    keychain.store_password("portal", "manager", small_portal.page_url(), "pw")
    with Database.open(data) as database:
        refused, number = fetch_one_refused(small_portal, database, tmp_path, monkeypatch)
    listed = json.loads(cli(data, "queue", "--json").stdout)
    assert len(listed) == 5
    first = listed[0]
    assert (first["id"], first["number"], first["state"]) == (None, number, "unread")
    assert first["unread"]["portal_id"] == refused
    assert REASON in first["unread"]["reason"]
    assert f"<Ид>{refused}</Ид>" in first["unread"]["raw"]
    only = json.loads(cli(data, "queue", "--json", "--state", "unread").stdout)
    assert [row["unread"]["portal_id"] for row in only] == [refused]
    table = cli(data, "queue").stdout
    assert f"{number}" in table and "не прочитан: " in table and REASON in table


def test_a_newer_reader_reads_it_again_into_a_normal_order(
    small_portal: PortalEmulator,
    database: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    refused, number = fetch_one_refused(small_portal, database, tmp_path, monkeypatch)
    queue = QueueRepository(database)
    assert reread_quarantined(database).read == 0  # the same reader: nothing to read again
    assert queue.unread_count() == 1
    monkeypatch.setattr(commerceml_stored, "READER_VERSION", commerceml_stored.READER_VERSION + 1)
    report = reread_quarantined(database)
    assert (report.read, report.still_unread) == (1, 0)
    assert queue.unread() == [] and queue.unread_count() == 0
    order = queue.order(refused)
    assert order is not None and order.number == number
    assert refused in {r.portal_id for r in queue.queue()}
    assert queue.source_document(refused) is not None
    assert reread_quarantined(database).read == 0  # it left the quarantine for good


def test_an_order_read_again_is_stored_as_a_fetch_stores_it(
    small_portal: PortalEmulator,
    database: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The same order sent again later (here: through another page) is unchanged."""
    fetch_one_refused(small_portal, database, tmp_path, monkeypatch)
    monkeypatch.setattr(commerceml_stored, "READER_VERSION", commerceml_stored.READER_VERSION + 1)
    assert reread_quarantined(database).read == 1
    again = PortalSettings(url=small_portal.page_url("/another_page/exchange.php"), user="exchange")
    report = fetch_orders(again, "secret", database, tmp_path / "work")
    assert (report.new, report.changed, report.unchanged) == (0, 0, 5)


def test_after_a_fetch_the_older_readers_documents_are_read_again(
    small_portal: PortalEmulator,
    database: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    refused, _number = fetch_one_refused(small_portal, database, tmp_path, monkeypatch)
    monkeypatch.setattr(commerceml_stored, "READER_VERSION", commerceml_stored.READER_VERSION + 1)
    fetch(small_portal, database, tmp_path)
    queue = QueueRepository(database)
    assert queue.unread_count() == 0
    assert queue.order(refused) is not None


def test_a_document_still_unreadable_stays_with_todays_reason(database: Database) -> None:
    repository = OrderRepository(database)
    fetch_id = repository.start_fetch("http://127.0.0.1/x.php", "own-page")
    raw = (
        "<Документ><Ид>77</Ид><Номер>77</Номер><Дата>2026-12-01</Дата>"
        "<ХозОперация>Заказ товара</ХозОперация>"
        "<Сумма>много</Сумма></Документ>"
    ).encode("windows-1251")
    repository.store_quarantined(
        fetch_id,
        [QuarantinedDocument(1, "77", 1, None, "old", "старая причина", raw, "windows-1251")],
    )
    queue = QueueRepository(database)
    [before] = queue.unread()
    assert (before.reader_version, before.number) == (0, None)  # put aside before versions
    report = reread_quarantined(database)
    assert (report.read, report.still_unread) == (0, 1)
    [after] = queue.unread()
    assert after.reader_version == commerceml_stored.READER_VERSION
    assert after.number == "77"
    assert "много" in after.message and after.code != "old"
    assert queue.order("77") is None


def test_a_later_readable_copy_of_the_order_hides_the_unread_one(
    small_portal: PortalEmulator,
    database: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    refused, _number = fetch_one_refused(small_portal, database, tmp_path, monkeypatch)
    small_portal.edit_order(refused)  # edited on the site: sent again, readable this time
    assert fetch(small_portal, database, tmp_path).new == 1
    assert QueueRepository(database).unread() == []


def test_at_start_the_older_readers_documents_are_read_again(
    small_portal: PortalEmulator, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "data"
    with Database.open(data) as database:
        refused, _number = fetch_one_refused(small_portal, database, tmp_path, monkeypatch)
    monkeypatch.setattr(commerceml_stored, "READER_VERSION", commerceml_stored.READER_VERSION + 1)
    workspace = Workspace.open(data, MemoryVault())
    try:
        queue = QueueRepository(workspace.database)
        assert queue.unread_count() == 0
        assert queue.order(refused) is not None
    finally:
        workspace.close()


def test_documents_put_aside_before_0009_are_read_again_after_the_upgrade(
    small_portal: PortalEmulator,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A store at 0008 kept a document without a reader version: the first start reads it."""
    data = tmp_path / "data"
    data.mkdir()
    engine = create_engine(f"sqlite:///{data / DATABASE_FILE_NAME}")
    schema_migration.upgrade(engine, "0008")
    raw = small_order_document(small_portal, tmp_path)
    with engine.begin() as connection:
        connection.exec_driver_sql(
            "INSERT INTO fetches (id, started_at, portal_url, page_mode, status) "
            "VALUES (1, '2026-12-01 10:00:00.000000', 'x', 'own-page', 'confirmed')"
        )
        connection.exec_driver_sql(
            "INSERT INTO quarantined_documents (fetch_id, document_index, portal_id, code, "
            "message, source_document, source_encoding, received_at) "
            "VALUES (1, 1, ?, 'old', 'старый читатель', ?, 'windows-1251', "
            "'2026-12-01 10:00:00.000000')",
            (raw.portal_id, zlib.compress(raw.source)),
        )
    engine.dispose()
    workspace = Workspace.open(data, MemoryVault())
    try:
        queue = QueueRepository(workspace.database)
        assert queue.unread() == []
        assert queue.order(raw.portal_id) is not None
    finally:
        workspace.close()


@dataclasses.dataclass
class RawDocument:
    portal_id: str
    source: bytes


def small_order_document(portal: PortalEmulator, tmp_path: Path) -> RawDocument:
    """The exact bytes of one order's `Документ` as the portal sends it (a peek fetch)."""
    with Database.open(tmp_path / "elsewhere") as database:
        section = PortalSettings(
            url=portal.page_url(PortalEmulator.ONEC_PAGE), user="exchange", mode=PortalMode.PEEK
        )
        fetch_orders(section, "secret", database, tmp_path / "work-elsewhere")
        queue = QueueRepository(database)
        portal_id = queue.queue()[0].portal_id
        source = queue.source_document(portal_id)
    assert source is not None
    return RawDocument(portal_id, source)


def test_the_fetch_summary_points_to_where_unread_documents_stay() -> None:
    """They were confirmed with the rest of the answer: the summary says where to find them."""
    from desktop_app.cli.fetch_command import _summary
    from desktop_app.services.settings import PortalMode

    report = FetchReport(fetch_id=1, new=3, quarantined=2, confirmed=True)
    text = _summary(report, PortalMode.OWN_PAGE)
    assert "не прочитано: 2" in text and "queue --state unread" in text
    assert "queue --state" not in _summary(FetchReport(fetch_id=2, new=3), PortalMode.OWN_PAGE)
