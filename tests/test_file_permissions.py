"""Buyers' personal data stays the user's; what the user exports is theirs to share.

The database, its -wal/-shm/-journal and its backups are 0600 and the data folder 0700, at
creation and after opening an installation made before this rule; an exported workbook gets
the mode any new file of the user gets (0666 less the umask), not mkstemp's 0600.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from desktop_app.adapters.xlsx.workbook_file import save_atomically
from desktop_app.services.export_service import make_invoice, write_invoice
from desktop_app.store import sqlite_file
from desktop_app.store.database import Database

from invoice_samples import SELLER, order

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def umask() -> Iterator[None]:
    """The usual desktop umask, whatever the test runner's is; restored after."""
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def test_a_new_database_and_its_folder_are_private(tmp_path: Path, umask: None) -> None:
    data = tmp_path / "data"
    with Database.open(data) as database:
        with database.writing() as connection:
            connection.execute(text("CREATE TABLE probe (x)"))  # the -wal and -shm exist now
        files = {p.name: mode(p) for p in data.iterdir() if p.name.startswith("order-review")}
    assert {"order-review.sqlite3", "order-review.sqlite3-wal", "order-review.sqlite3-shm"} <= set(
        files
    )
    assert set(files.values()) == {0o600}, files
    assert mode(data) == 0o700


def test_an_existing_installation_is_made_private_when_opened(tmp_path: Path, umask: None) -> None:
    data = tmp_path / "data"
    Database.open(data).close()
    path = data / "order-review.sqlite3"
    backup = data / "order-review.sqlite3.bak-0001-20260105-143000"
    journal = data / "order-review.sqlite3-journal"
    for made_before in (path, backup, journal):
        made_before.touch()
        made_before.chmod(0o644)
    data.chmod(0o755)
    with Database.open(data):
        pass
    assert (mode(path), mode(backup), mode(journal), mode(data)) == (0o600, 0o600, 0o600, 0o700)


def test_a_backup_before_migrating_is_private(tmp_path: Path, umask: None) -> None:
    data = tmp_path / "data"
    Database.open(data).close()
    backup = sqlite_file.backup_database(data / "order-review.sqlite3", "0007")
    assert mode(backup) == 0o600


@pytest.mark.parametrize(("mask", "expected"), [(0o022, 0o644), (0o002, 0o664), (0o077, 0o600)])
def test_an_exported_invoice_has_the_users_normal_permissions(
    tmp_path: Path, mask: int, expected: int
) -> None:
    previous = os.umask(mask)
    try:
        invoice = make_invoice(order(), SELLER)
        first = write_invoice(invoice, tmp_path / "invoice.xlsx")
        assert mode(first) == expected
        first.chmod(0o600)  # what the earlier versions left
        assert mode(write_invoice(invoice, first)) == expected
    finally:
        os.umask(previous)


def test_a_failed_save_leaves_no_temporary_file(tmp_path: Path) -> None:
    class Broken:
        def save(self, _stream: object) -> None:
            raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        save_atomically(Broken(), tmp_path / "list.xlsx")  # type: ignore[arg-type]
    assert list(tmp_path.iterdir()) == []
