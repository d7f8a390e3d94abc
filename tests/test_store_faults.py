"""The store's runtime faults: full disk, read-only folder, damaged file, a second writer.

Each is a known problem with one sentence (the CLI: one line and exit code 2; the window: a
message, never the crash dialog), and nothing in the store is damaged by it. The disk is
really full (a small tmpfs) or limited by SQLite's own `max_page_count`; the folder is
really read-only (a read-only bind mount: root ignores chmod); the file is really damaged
(bytes overwritten in the middle of a table).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, insert, text
from sqlalchemy.exc import OperationalError
from test_cli_fetch import PASSWORD, configure

from desktop_app.emulators.portal import PortalEmulator
from desktop_app.emulators.world import World
from desktop_app.services import app_dirs, settings
from desktop_app.services.fetch_service import fetch_orders
from desktop_app.store import sqlite_file
from desktop_app.store.database import Database
from desktop_app.store.errors import DatabaseDamagedError, DatabaseFaultError, StoreError
from desktop_app.store.models import FETCHES
from desktop_app.store.order_repository import OrderRepository

from conftest import ROOT, cli, one_line_error


def _sound(path: Path) -> bool:
    connection = sqlite3.connect(path)
    try:
        return bool(connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok")
    finally:
        connection.close()


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@contextlib.contextmanager
def _mounted(*command: str) -> Iterator[None]:
    """Run a mount command, or skip: it needs root and a kernel that lets the test mount."""
    if os.geteuid() != 0:
        pytest.skip("a real full or read-only disk needs mount, which needs root")
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        pytest.skip(f"cannot mount here: {done.stderr.strip()}")
    yield


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 4 MB tmpfs: a disk that really fills up."""
    mount = tmp_path / "small-disk"
    mount.mkdir()
    with _mounted("mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(mount)):
        yield mount
        subprocess.run(["umount", "-l", str(mount)], check=False)


def _fill(disk: Path, leave: int) -> None:
    free = os.statvfs(disk)
    (disk / "filler").write_bytes(b"\0" * max(0, free.f_bavail * free.f_frsize - leave))


def test_disk_full_while_storing_is_a_sentence_and_nothing_is_confirmed(
    portal: PortalEmulator, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    configure(data, portal)
    database = Database.open(data)
    with database.reading() as connection:
        pages = connection.exec_driver_sql("PRAGMA page_count").scalar_one()

    @event.listens_for(database.engine, "connect")
    def _small(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages + 3}")

    database.engine.dispose()  # the next connections get the limit
    current = settings.load(data).portal
    with database, pytest.raises(DatabaseFaultError) as raised:
        fetch_orders(current, PASSWORD, database, app_dirs.work_dir(data))
    assert raised.value.kind == "full"
    assert "не осталось места" in str(raised.value)
    assert portal.committed_time() is None  # nothing confirmed that was not stored
    assert _sound(data / "order-review.sqlite3")


def test_download_onto_a_full_disk_is_one_line(portal: PortalEmulator, small_disk: Path) -> None:
    data = small_disk / "data"
    configure(data, portal)
    Database.open(data).close()
    _fill(small_disk, leave=100_000)  # room for the database's WAL, not for the answer
    result = cli(data, "fetch")
    one_line_error(result, "не осталось места")
    assert portal.committed_time() is None
    assert not any(app_dirs.work_dir(data).glob("*"))
    (small_disk / "filler").unlink()
    assert _sound(data / "order-review.sqlite3")


@pytest.fixture
def read_only_data(portal: PortalEmulator, tmp_path: Path) -> Iterator[Path]:
    """A fetched data folder, left with -wal and -shm by a killed process, mounted read-only."""
    source, view = tmp_path / "data", tmp_path / "read-only"
    configure(source, portal)
    assert cli(source, "fetch").returncode == 0
    killed = (
        "import os, sys; from sqlalchemy import text; from desktop_app.store.database import "
        "Database; d = Database.open(sys.argv[1]); c = d.engine.connect(); "
        "c.execute(text('UPDATE orders SET review_state = review_state')); c.commit(); "
        "os._exit(0)"
    )
    subprocess.run([sys.executable, "-c", killed, str(source)], cwd=ROOT, check=True)
    assert (source / "order-review.sqlite3-wal").exists()
    assert (source / "order-review.sqlite3-shm").exists()
    view.mkdir()
    with _mounted("mount", "--bind", str(source), str(view)):
        try:
            remount = ["mount", "-o", "remount,ro,bind", str(view)]
            subprocess.run(remount, check=True, capture_output=True)
            yield view
        finally:
            subprocess.run(["umount", "-l", str(view)], check=False)


def test_read_only_data_folder_reads_and_refuses_writes_in_words(
    read_only_data: Path, portal: PortalEmulator
) -> None:
    listed = cli(read_only_data, "queue", "--limit", "3")
    assert listed.returncode == 0, listed.stderr
    assert "Показано 3 из 40" in listed.stdout
    one_line_error(cli(read_only_data, "fetch"), "только для чтения")
    assert portal.committed_time() is not None  # the first, writable fetch's; not moved on
    one_line_error(cli(read_only_data, "config", "set", "portal.user", "x"), "только для чтения")


def _damage_the_middle(path: Path) -> None:
    """Overwrite a page in the middle of the order texts' table, as a bad disk sector does."""
    connection = sqlite3.connect(path)
    try:
        size = connection.execute("PRAGMA page_size").fetchone()[0]
        pages = [
            row[0]
            for row in connection.execute(
                "SELECT pageno FROM dbstat WHERE name = 'order_revisions' AND pagetype = 'leaf' "
                "ORDER BY pageno"
            )
        ]
    finally:
        connection.close()
    with path.open("r+b") as stream:
        stream.seek((pages[len(pages) // 2] - 1) * size)
        stream.write(b"\xff" * 64)


@pytest.fixture
def many_orders(tmp_path: Path) -> Iterator[tuple[PortalEmulator, Path]]:
    emulator = PortalEmulator(World.generate(seed=17, buyers=40), orders=120)
    with emulator:
        data = tmp_path / "data"
        configure(data, emulator)
        with Database.open(data) as database:
            fetch_orders(settings.load(data).portal, PASSWORD, database, app_dirs.work_dir(data))
        yield emulator, data


def test_damaged_database_stops_export_in_words_and_fetch_writes_nothing(
    many_orders: tuple[PortalEmulator, Path], tmp_path: Path
) -> None:
    _portal, data = many_orders
    path = data / "order-review.sqlite3"
    _damage_the_middle(path)
    one_line_error(cli(data, "export-invoices", "-o", str(tmp_path / "out")), "повреждён")
    before = _digest(path)
    one_line_error(cli(data, "fetch"), "повреждён")
    assert _digest(path) == before


@pytest.mark.expected_errors  # the damage found is logged as an ERROR on purpose
def test_after_damage_is_reported_nothing_more_is_written(
    many_orders: tuple[PortalEmulator, Path],
) -> None:
    _portal, data = many_orders
    path = data / "order-review.sqlite3"
    with Database.open(data) as database:
        _damage_the_middle(path)
        with pytest.raises(DatabaseDamagedError) as raised, database.writing() as connection:
            connection.exec_driver_sql("UPDATE order_revisions SET payload = payload")
        assert "повреждён" in str(raised.value)
        before = _digest(path)
        with pytest.raises(DatabaseDamagedError):  # a healthy table: refused all the same
            OrderRepository(database).start_fetch("https://portal.example/", "peek")
        assert _digest(path) == before
    with pytest.raises(DatabaseDamagedError):  # the next opening checks again and refuses
        Database.open(data)


def test_a_bug_in_sql_is_not_dressed_up_as_a_disk_problem(tmp_path: Path) -> None:
    with (
        Database.open(tmp_path) as database,
        database.reading() as connection,
        pytest.raises(OperationalError) as raised,
    ):
        connection.execute(text("SELECT no_such_column FROM orders"))
    assert not isinstance(raised.value, StoreError)


@pytest.fixture
def short_busy_timeout(monkeypatch: pytest.MonkeyPatch) -> None:
    """SQLite's own wait for the write lock made short: a second writer that relies on it
    alone fails within 50 ms with "database is locked"."""
    monkeypatch.setattr(sqlite_file, "BUSY_TIMEOUT_MS", 50)


def _a_write(connection: Any, url: str) -> None:
    connection.execute(
        insert(FETCHES).values(
            started_at=dt.datetime.now(dt.UTC), portal_url=url, page_mode="peek", status="started"
        )
    )


def test_two_threads_write_one_after_the_other(tmp_path: Path, short_busy_timeout: None) -> None:
    failures: list[BaseException] = []
    holding, second_done = threading.Event(), threading.Event()
    with Database.open(tmp_path) as database:

        def first() -> None:
            with database.writing() as connection:
                _a_write(connection, "first")
                holding.set()
                second_done.wait(1.0)  # without one writer, the second fails meanwhile

        def second() -> None:
            holding.wait()
            try:
                with database.writing() as connection:
                    _a_write(connection, "second")
            except BaseException as error:
                failures.append(error)
            finally:
                second_done.set()

        threads = [threading.Thread(target=first), threading.Thread(target=second)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert failures == []
        with database.reading() as connection:
            urls = connection.exec_driver_sql("SELECT portal_url FROM fetches").scalars().all()
    assert sorted(urls) == ["first", "second"]


HOLDER = """
import datetime as dt, select, sys
from sqlalchemy import insert
from desktop_app.store.database import Database
from desktop_app.store.models import FETCHES
with Database.open(sys.argv[1]) as database, database.writing() as connection:
    connection.execute(insert(FETCHES).values(
        started_at=dt.datetime.now(dt.UTC), portal_url="other", page_mode="peek", status="started"
    ))
    print("holding", flush=True)
    select.select([sys.stdin], [], [], 2.0)  # until told, or 2 s: the other writer waits
"""


def test_two_processes_write_one_after_the_other(tmp_path: Path, short_busy_timeout: None) -> None:
    Database.open(tmp_path).close()
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(tmp_path)],
        cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "holding"
        with Database.open(tmp_path) as database:
            with database.writing() as connection:
                _a_write(connection, "this")
            with database.reading() as connection:
                urls = connection.exec_driver_sql("SELECT portal_url FROM fetches").scalars()
                assert sorted(urls) == ["other", "this"]
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(30)


def test_a_database_fault_in_the_window_is_a_message_not_the_crash_dialog(qtbot: Any) -> None:
    from desktop_app.ui.crash_dialog import CrashHandler

    handler = CrashHandler(None)
    fault = DatabaseFaultError("full", "На диске с папкой данных не осталось места.")
    handler.report(fault)
    qtbot.waitUntil(lambda: handler.problem_box is not None and handler.problem_box.isVisible())
    assert handler.dialog is None
    assert handler.problem_box is not None
    assert handler.problem_box.text() == str(fault)
    handler.problem_box.close()
