"""A new company is created in 1C once, however many writes and pushes run at once.

36 create decisions for 9 new buyers (four orders each, every one imported by 1C's own
exchange with an empty counterparty), pushed with the default four parallel writes and
slow 1C writes, then by two `push` processes at once: each company must end as exactly one
counterparty and one partner in 1C, every order linked to them. Real HTTP on 127.0.0.1.
"""

from __future__ import annotations

import datetime as dt
import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from push_scene import counterparties_with, fill, order_1c, push_all

from desktop_app.domain.create_claims import company_key
from desktop_app.domain.decisions import StepKind, StepState, WriteState
from desktop_app.emulators.onec import Fault, OneCEmulator
from desktop_app.emulators.portal import PortalEmulator
from desktop_app.emulators.world import World
from desktop_app.services.decision_service import DecisionService
from desktop_app.services.push_service import DEFAULT_PARALLEL
from desktop_app.store.create_claims import CreateClaims
from desktop_app.store.database import Database
from desktop_app.store.decision_repository import DecisionRepository
from desktop_app.store.queue_repository import QueueRepository
from desktop_app.store.queue_rows import QueueRow

from conftest import ROOT

ORDERS = 150
COMPANIES = 9
PER_COMPANY = 4
SLOW_WRITE = 0.3
"""Seconds each POST of 1C waits (a live УТ 11 takes 5–11 s: the window is real)."""


@pytest.fixture(scope="module")
def world() -> World:
    # seed 21: nine buyers 1C does not know, each with at least four orders in the first 150
    return World.generate(seed=21, buyers=30, start=dt.date(2026, 11, 1))


@pytest.fixture
def onec(world: World) -> Iterator[OneCEmulator]:
    with OneCEmulator(world, orders=ORDERS) as emulator:
        yield emulator


@pytest.fixture
def data_dir(tmp_path: Path, world: World, onec: OneCEmulator) -> Path:
    with PortalEmulator(world, orders=ORDERS) as portal:
        fill(tmp_path / "data", portal, onec)
    return tmp_path / "data"


def new_companies(database: Database, onec: OneCEmulator) -> list[list[QueueRow]]:
    """Nine companies 1C has never seen, four of their orders each."""
    by_company: dict[tuple[str, str | None], list[QueueRow]] = {}
    for row in QueueRepository(database).queue(limit=1000):
        if row.buyer_inn and not onec.entities("Catalog_Контрагенты", ИНН=row.buyer_inn):
            by_company.setdefault((row.buyer_inn, row.buyer_kpp), []).append(row)
    groups = [rows[:PER_COMPANY] for rows in by_company.values() if len(rows) >= PER_COMPANY]
    assert len(groups) >= COMPANIES, "the world changed: pick another seed"
    return groups[:COMPANIES]


def decide_all(database: Database, onec: OneCEmulator) -> list[list[QueueRow]]:
    groups = new_companies(database, onec)
    service = DecisionService(database, user="manager1")
    for rows in groups:
        for row in rows:
            service.create(row.portal_id)
    return groups


def assert_once_each(database: Database, onec: OneCEmulator, groups: list[list[QueueRow]]) -> None:
    """One counterparty and one partner per company, every order linked to them."""
    decisions = DecisionRepository(database)
    everyone = onec.entities("Catalog_Партнеры")
    for rows in groups:
        first = rows[0]
        made = counterparties_with(onec, first.buyer_inn or "", first.buyer_kpp)
        assert len(made) == 1, [c["Description"] for c in made]
        markers = [d.marker for r in rows if (d := decisions.current(r.portal_id)) is not None]
        partners = [p for p in everyone if any(m in str(p["Комментарий"]) for m in markers)]
        assert len(partners) == 1, [(p["Description"], p["Комментарий"]) for p in partners]
        assert made[0]["Партнер_Key"] == partners[0]["Ref_Key"]
        for row in rows:
            linked = order_1c(onec, row.number)
            assert linked["Контрагент_Key"] == made[0]["Ref_Key"]
            assert linked["Партнер_Key"] == partners[0]["Ref_Key"]
            current = decisions.current(row.portal_id)
            assert current is not None and current.write_state is WriteState.WRITTEN


def test_parallel_writes_create_each_new_company_once(data_dir: Path, onec: OneCEmulator) -> None:
    with Database.open(data_dir) as database:
        groups = decide_all(database, onec)
        before = len(onec.entities("Catalog_Контрагенты"))
        onec.inject(Fault("latency", seconds=SLOW_WRITE, method="POST", times=10_000))

        report = push_all(database, onec, parallel=DEFAULT_PARALLEL)

        assert report.count(WriteState.WRITTEN) == COMPANIES * PER_COMPANY
        assert len(onec.entities("Catalog_Контрагенты")) == before + COMPANIES
        assert_once_each(database, onec, groups)


def test_two_push_processes_at_once_create_each_new_company_once(
    data_dir: Path, onec: OneCEmulator
) -> None:
    with Database.open(data_dir) as database:
        groups = decide_all(database, onec)
    before = len(onec.entities("Catalog_Контрагенты"))
    onec.inject(Fault("latency", seconds=SLOW_WRITE, method="POST", times=10_000))
    command = [sys.executable, str(ROOT / "tests" / "push_runner.py"), str(data_dir),
               onec.service_root, onec.user, "1"]  # fmt: skip
    logs = [data_dir.parent / f"push-{n}.log" for n in (1, 2)]
    runs = []
    for log in logs:
        with log.open("w") as errors:
            runs.append(subprocess.Popen(command, stdin=subprocess.PIPE, stdout=errors,
                                         stderr=errors, text=True, cwd=ROOT))  # fmt: skip
    for run in runs:  # both started and given the password before either is waited for
        assert run.stdin is not None
        run.stdin.write(onec.password)
        run.stdin.close()
    for run, log in zip(runs, logs, strict=True):
        assert run.wait(timeout=300) == 0, log.read_text()

    assert len(onec.entities("Catalog_Контрагенты")) == before + COMPANIES
    with Database.open(data_dir) as database:
        assert_once_each(database, onec, groups)


def test_the_retry_after_a_lost_answer_creates_no_second_person_without_inn(
    data_dir: Path, onec: OneCEmulator
) -> None:
    """A private person has no ИНН to be found by: only the marker tells our own object."""
    with Database.open(data_dir) as database:
        person = next(r for r in QueueRepository(database).queue(limit=1000) if not r.buyer_inn)
        decided = DecisionService(database).create(person.portal_id)
        onec.inject(Fault("drop_after_write", method="POST", entity_set="Catalog_Контрагенты"))

        push_all(database, onec)
        unknown = DecisionRepository(database).current(person.portal_id)
        assert unknown is not None
        assert unknown.steps[1].kind is StepKind.CREATE_COUNTERPARTY
        assert unknown.steps[1].state is StepState.SENDING  # 1C made it; the answer was lost
        push_all(database, onec)

        ours = [
            c for c in onec.entities("Catalog_Контрагенты")
            if decided.marker in str(c["ДополнительнаяИнформация"])
        ]  # fmt: skip
        assert len(ours) == 1, [c["Description"] for c in ours]
        written = DecisionRepository(database).current(person.portal_id)
        assert written is not None
        assert written.result_of(StepKind.CREATE_COUNTERPARTY) == ours[0]["Ref_Key"]


def test_a_claim_held_by_a_live_push_is_waited_for_and_one_of_a_killed_push_is_not(
    data_dir: Path, onec: OneCEmulator
) -> None:
    """A step left `sending` by a killed push is retried at once; one `sending` because a
    live push is writing it right now is not touched (its write is in flight)."""
    with Database.open(data_dir) as database:
        rows = new_companies(database, onec)[0]
        decided = DecisionService(database).create(rows[0].portal_id)
        key = company_key(decided.decision.card)  # type: ignore[arg-type]
        kind = StepKind.CREATE_PARTNER
        dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                              capture_output=True, text=True, check=True)  # fmt: skip
        host = socket.gethostname()
        killed = CreateClaims(database, f"{host}:{dead.stdout.strip()}:killed")
        assert killed.claim(key, decided.id, kind).ours
        alive = CreateClaims(database, f"{host}:{os.getppid()}:running")
        other = CreateClaims(database)

        assert other.claim(key, decided.id, kind).ours  # the killed one holds nothing
        other.release()
        assert alive.claim(key, decided.id, kind).ours
        waiting = other.claim(key, decided.id, kind)
        assert not waiting.ours and waiting.leased  # the live one is writing it
