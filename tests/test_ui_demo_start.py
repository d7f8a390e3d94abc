"""A big demo or first fetch: the window shows at once and the queue fills as batches land."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from desktop_app.services import answer_store
from desktop_app.store.order_repository import OrderRepository
from desktop_app.ui.demo import DemoEnvironment
from desktop_app.ui.demo_start import DemoStart
from desktop_app.ui.main_window import MainWindow

from conftest import shown_window

WAIT = 60_000


@pytest.fixture
def released() -> Iterator[threading.Event]:
    """Set at the end whatever happens: no worker thread is left waiting on it."""
    event = threading.Event()
    yield event
    event.set()


@pytest.fixture
def unserved(tmp_path: Path) -> Iterator[DemoEnvironment]:
    environment = DemoEnvironment(
        orders=40, fetch_every=0, keep=tmp_path / "demo-data", onec_first=0
    )
    yield environment
    environment.stop()


@pytest.fixture
def demo_window(qtbot: QtBot, unserved: DemoEnvironment, tmp_path: Path) -> Iterator[MainWindow]:
    yield from shown_window(qtbot, unserved.open(), tmp_path)


def test_the_window_is_up_before_the_demo_world_is_made(
    qtbot: QtBot,
    unserved: DemoEnvironment,
    demo_window: MainWindow,
    released: threading.Event,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    serve = unserved.serve

    def slow_serve() -> Any:
        released.wait(WAIT / 1000)  # the world of 20,000 orders, still being made
        return serve()

    monkeypatch.setattr(unserved, "serve", slow_serve)
    starter = DemoStart(unserved, demo_window)
    task = starter.begin()

    assert demo_window.isVisible()  # shown, painted, usable while the demo is made
    assert demo_window.runner.running("demo") is task and unserved.servers is None
    assert "Демонстрация" in demo_window.status.task_label.text()
    assert demo_window.queue.model.rowCount() == 0

    with qtbot.waitSignal(starter.served, timeout=WAIT):
        released.set()
    assert demo_window.workspace.configured  # the demo's settings, then the first fetch
    qtbot.waitUntil(lambda: demo_window.queue.model.rowCount() == 40, timeout=WAIT)


def test_the_queue_gains_rows_while_the_first_fetch_is_still_running(
    qtbot: QtBot,
    unserved: DemoEnvironment,
    demo_window: MainWindow,
    released: threading.Event,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(answer_store, "BATCH_SIZE", 10)  # 40 orders: four batches
    store_batch = OrderRepository.store_batch
    batches: list[int] = []

    def held_after_two(self: OrderRepository, *args: Any, **kwargs: Any) -> Any:
        batches.append(1)
        if len(batches) > 2:
            released.wait(WAIT / 1000)  # the rest of a long fetch, not stored yet
        return store_batch(self, *args, **kwargs)

    monkeypatch.setattr(OrderRepository, "store_batch", held_after_two)
    starter = DemoStart(unserved, demo_window)
    with qtbot.waitSignal(starter.served, timeout=WAIT):
        starter.begin()
    fetch = demo_window.runner.running("fetch")
    assert fetch is not None

    qtbot.waitUntil(lambda: demo_window.queue.model.rowCount() >= 20, timeout=WAIT)
    assert demo_window.runner.running("fetch") is fetch  # the fetch has not ended
    assert demo_window.queue.model.rowCount() < 40
    assert demo_window.queue.current_row() is not None  # the first order is open already

    with qtbot.waitSignal(fetch.finished, timeout=WAIT):
        released.set()
    qtbot.waitUntil(lambda: demo_window.queue.model.rowCount() == 40, timeout=WAIT)
