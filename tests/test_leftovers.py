"""What killed runs leave is cleaned at the next start; a second fetch stops in words."""

from __future__ import annotations

import os
import time
from pathlib import Path

from test_cli_fetch import configure

from desktop_app.adapters.xlsx.workbook_file import hold_while_writing
from desktop_app.emulators.portal import PortalEmulator
from desktop_app.services import app_dirs, leftovers
from desktop_app.services.fetch_lock import single_fetch
from desktop_app.services.password_vault import MemoryVault
from desktop_app.services.workspace import Workspace

from conftest import cli, one_line_error

HOUR = 3600


def _temp(folder: Path, name: str, age: float) -> Path:
    """A temporary export file as a killed export leaves it, `age` seconds old."""
    path = folder / name
    path.write_bytes(b"PK\x03\x04 half a workbook")
    then = time.time() - age
    os.utime(path, (then, then))
    return path


def test_killed_exports_temporary_files_are_removed_at_the_next_start(tmp_path: Path) -> None:
    data, out = tmp_path / "data", tmp_path / "invoices"
    out.mkdir()
    exported = cli(data, "export-orders", "-o", str(out / "orders.xlsx"))
    assert exported.returncode == 0, exported.stderr
    old = _temp(out, ".order-review-k1l2l3.xlsx.tmp", HOUR)
    just_killed = _temp(out, ".order-review-j0st.xlsx.tmp", 5)  # its writer is gone
    running = _temp(out, ".order-review-n0w.xlsx.tmp", 5)
    mine = _temp(out, "order-review-notes.xlsx.tmp", HOUR)  # not our temporary name
    other = _temp(out, ".order-review-x.xlsx.tmp.keep", HOUR)
    with running.open("rb") as writing:
        hold_while_writing(writing.fileno())  # as a running export holds its file
        assert cli(data, "queue", "--limit", "1").returncode == 0  # any command's start
    assert not old.exists() and not just_killed.exists()
    assert running.exists() and mine.exists() and other.exists()
    assert (out / "orders.xlsx").exists()


def test_the_window_start_cleans_them_too(tmp_path: Path) -> None:
    data, out = tmp_path / "data", tmp_path / "folder"
    out.mkdir()
    work = app_dirs.work_dir(data)
    work.mkdir(parents=True)
    leftovers.remember_export_folder(data, out)
    killed = _temp(out, ".order-review-abc.xlsx.tmp", HOUR)
    (work / "portal-answer.xml").write_bytes(b"<" * 1_000_000)
    Workspace.open(data, MemoryVault()).close()
    assert not killed.exists()
    assert not work.exists()


def test_a_running_fetch_keeps_its_work_folder(tmp_path: Path) -> None:
    data = tmp_path / "data"
    work = app_dirs.work_dir(data)
    work.mkdir(parents=True)
    answer = work / "portal-answer.xml"
    answer.write_bytes(b"<" * 1000)
    with single_fetch(data):  # another window's fetch, downloading
        assert cli(data, "queue", "--limit", "1").returncode == 0
        assert answer.exists()
    assert leftovers.clean_leftovers(data).work_bytes == 1000
    assert not work.exists()


def test_a_second_fetch_says_another_one_is_running(portal: PortalEmulator, tmp_path: Path) -> None:
    data = tmp_path / "data"
    configure(data, portal)
    work = app_dirs.work_dir(data)
    with single_fetch(data):  # the first fetch, in this process, still downloading
        work.mkdir(parents=True)
        (work / "portal-answer.xml").write_bytes(b"<" * 1000)
        second = cli(data, "fetch")
        one_line_error(second, "Уже идёт другое получение заказов (процесс ")
        assert (work / "portal-answer.xml").exists()  # the first one's download is untouched
    assert portal.committed_time() is None
    assert cli(data, "fetch").returncode == 0  # and once it is over, fetching works
