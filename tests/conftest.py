"""Shared test set-up: offscreen Qt, no real user directories, the reference documents."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from desktop_app.adapters.onec.odata_client import ODataClient, OneCConnection
from desktop_app.domain.counterparty import Counterparty, CounterpartyKind
from desktop_app.emulators.onec import OneCEmulator
from desktop_app.emulators.portal import PortalEmulator
from desktop_app.emulators.world import World

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# keyring's own switch to a throw-away backend: a plain file under XDG_DATA_HOME, which the
# fixture below points into the test's tmp_path. The user's real keychain is never touched.
os.environ["PYTHON_KEYRING_BACKEND"] = "keyrings.alt.file.PlaintextKeyring"

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
REFERENCE = Path(
    os.environ.get("ORDER_REVIEW_REFERENCE_DIR") or ROOT.parent / "shared" / "reference"
)


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep every test away from the real user's data, config, cache and log folders."""
    home = tmp_path / "home"
    for variable, folder in {
        "XDG_DATA_HOME": "data",
        "XDG_CONFIG_HOME": "config",
        "XDG_CACHE_HOME": "cache",
        "XDG_STATE_HOME": "state",
    }.items():
        monkeypatch.setenv(variable, str(home / folder))
    monkeypatch.setenv("ORDER_REVIEW_DATA_DIR", str(tmp_path / "order-review-data"))


@pytest.fixture
def reference_dir() -> Path:
    """The third-party reference documents (../shared/reference), or a skip when absent."""
    if not REFERENCE.is_dir():
        pytest.skip(
            f"reference documents not found at {REFERENCE} (set ORDER_REVIEW_REFERENCE_DIR)"
        )
    return REFERENCE


@pytest.fixture
def portal() -> Iterator[PortalEmulator]:
    """A running portal emulator with 40 orders of a small generated world; stopped after."""
    emulator = PortalEmulator(World.generate(seed=17, buyers=30), orders=40)
    with emulator:
        yield emulator


def onec_client(emulator: OneCEmulator) -> ODataClient:
    """An OData client of the 1C emulator's administrator, with short retry pauses."""
    return ODataClient(
        OneCConnection(url=emulator.service_root, user="Администратор", password="", backoff=0.01)
    )


def portal_buyer(**changes: Any) -> Counterparty:
    """A clean Russian legal entity as the portal sends it; `changes` make it what a test needs."""
    values: dict[str, Any] = {
        "id": "17#buyer#Иванов",
        "name": 'ООО "Вектор"',
        "official_name": 'Общество с ограниченной ответственностью "Вектор"',
        "full_name": None,
        "kind": CounterpartyKind.LEGAL,
        "role": "Покупатель",
        "inn": "7707083893",
        "kpp": "770701001",
        "okpo": None,
        "surname": None,
        "first_name": None,
        "patronymic": None,
        "legal_address": "119021, г. Москва, ул. Садовая, д. 11",
        "registration_address": None,
        "address": None,
    }
    return Counterparty(**(values | changes))


def cli(data_dir: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    """`python -m desktop_app --data-dir DATA_DIR ARGS…` as a user runs it, in a subprocess."""
    return subprocess.run(
        [sys.executable, "-m", "desktop_app", "--data-dir", str(data_dir), *args],
        cwd=ROOT, input=stdin, capture_output=True, text=True, encoding="utf-8",
        check=False, timeout=180,
    )  # fmt: skip


def one_line_error(result: subprocess.CompletedProcess[str], words: str) -> None:
    """The command could not start (exit 2) and said so in one line, no traceback."""
    assert result.returncode == 2, result
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, lines
    assert words in lines[0]
