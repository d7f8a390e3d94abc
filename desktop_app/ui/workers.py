"""Running a function off the GUI thread, with progress, a cancel, and the outcome as signals.

One helper for every background job of the window (fetch, directory refresh, connection
checks), in the spirit of Anki's background operations and Picard's thread pool:

- `TaskRunner.start(name, function)` runs ``function(context)`` on a thread pool and
  returns its `Task`; the function reports progress with ``context.report(value)`` and
  looks at ``context.cancel`` (a `threading.Event`, which the services take as it is);
- the `Task`'s public signals (`progress`, `succeeded`, `failed`, `finished`) are emitted on
  the GUI thread. The worker thread only emits private signals that are delivered, queued,
  to `@Slot` methods of the Task, which re-emit the public ones: so anything may listen to
  them, a lambda included, without the PySide6 cross-thread pitfall (GUIDE §10, PYSIDE-3124);
- progress is throttled (at most ten signals a second, the latest value wins, the last one
  always arrives before `finished`), so a download reporting every 256 KB cannot flood
  the event queue;
- `shutdown()` cancels everything and waits for the threads: the window calls it when it
  closes and the tests in their teardown ("QThread: Destroyed while thread is still
  running" must never happen).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor, wait

from PySide6.QtCore import QObject, Signal, Slot

PROGRESS_INTERVAL = 0.1
_NOTHING = object()


class TaskContext:
    """What the function running in the worker thread sees of its task."""

    def __init__(self, task: Task) -> None:
        self._task = task
        self.cancel = task.cancel_event
        self._lock = threading.Lock()
        self._last = 0.0
        self._pending: object = _NOTHING
        self._timer: threading.Timer | None = None
        self._closed = False

    @property
    def cancelled(self) -> bool:
        return self.cancel.is_set()

    def report(self, value: object) -> None:
        """Progress (any value the task's listener understands); safe from any thread.

        Within `PROGRESS_INTERVAL` of the last signal the value waits, and a timer sends
        the latest waiting value when the interval is over, so a report is never stuck
        behind a long silence.
        """
        with self._lock:
            if self._closed:
                return
            now = time.monotonic()
            wait = PROGRESS_INTERVAL - (now - self._last)
            if wait > 0:
                self._pending = value
                if self._timer is None:
                    self._timer = threading.Timer(wait, self.flush)
                    self._timer.daemon = True
                    self._timer.start()
                return
            self._last, self._pending = now, _NOTHING
            self._emit(value)

    def flush(self) -> None:
        """Send the waiting value now, if there is one."""
        with self._lock:  # held while posting: `close` waits for a timer's post in flight
            pending, self._pending = self._pending, _NOTHING
            self._timer = None
            if pending is not _NOTHING and not self._closed:
                self._last = time.monotonic()
                self._emit(pending)

    def close(self) -> None:
        """The function returned: the last value is sent, and nothing after it.

        The outcome posted next lets the GUI thread delete the Task; a timer thread still
        posting progress to a deleted Task would crash the process, so no post may follow."""
        with self._lock:
            timer, self._timer = self._timer, None
        if timer is not None:
            timer.cancel()
        self.flush()
        with self._lock:
            self._closed = True

    def _emit(self, value: object) -> None:
        try:
            self._task.progress_posted.emit(value)
        except RuntimeError:  # the window was closed without waiting for this task
            return


class Task(QObject):
    """One run of a function on the pool. Lives on the GUI thread; so do its public signals."""

    progress = Signal(object)
    succeeded = Signal(object)
    failed = Signal(object)
    """The exception the function raised (its traceback attached)."""
    finished = Signal()
    """After `succeeded` or `failed`: the task is over."""

    progress_posted = Signal(object)
    done_posted = Signal(object, object)

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.name = name
        self.cancel_event = threading.Event()
        self.running = True
        self.result: object = None
        self.error: BaseException | None = None
        self.progress_posted.connect(self._deliver_progress)
        self.done_posted.connect(self._deliver_done)

    def cancel(self) -> None:
        """Ask the function to stop; it ends with `failed` (a cancel error) or at once."""
        self.cancel_event.set()

    @property
    def cancelled(self) -> bool:
        return self.cancel_event.is_set()

    @Slot(object)
    def _deliver_progress(self, value: object) -> None:
        if self.running:
            self.progress.emit(value)

    @Slot(object, object)
    def _deliver_done(self, result: object, error: object) -> None:
        self.running = False
        if isinstance(error, BaseException):
            self.error = error
            self.failed.emit(error)
        else:
            self.result = result
            self.succeeded.emit(result)
        self.finished.emit()


def _run(task: Task, function: Callable[[TaskContext], object]) -> None:
    """The body of a pool thread: run, then post the outcome to the GUI thread."""
    context = TaskContext(task)
    result: object = None
    error: BaseException | None = None
    try:
        result = function(context)
    except BaseException as raised:  # delivered to the GUI thread, never lost here
        error = raised
    context.close()
    try:
        task.done_posted.emit(result, error)
    except RuntimeError:  # the window was closed without waiting for this task
        return


class TaskRunner(QObject):
    """Starts tasks on its own thread pool, keeps them alive until they end, stops them all.

    The pool is Python's `ThreadPoolExecutor` rather than `QThreadPool`: its threads can be
    waited for with a timeout, and no C++ object owns the Python work item (PySide6 6.12.0
    lost a reference on every Python `QRunnable.run`; pyproject.toml excludes that release).
    Signals emitted from these threads reach the GUI thread queued, as from a QThread.
    """

    task_started = Signal(object)
    task_finished = Signal(object)

    def __init__(self, parent: QObject | None = None, *, threads: int = 4) -> None:
        super().__init__(parent)
        self._threads = threads
        self._executor: ThreadPoolExecutor | None = None
        self._futures: set[Future[None]] = set()
        self._tasks: list[Task] = []

    def start(self, name: str, function: Callable[[TaskContext], object]) -> Task:
        task = Task(name, self)
        task.finished.connect(self._forget)
        self._tasks.append(task)
        if self._executor is None:
            self._executor = ThreadPoolExecutor(self._threads, thread_name_prefix="task")
        future = self._executor.submit(_run, task, function)
        self._futures.add(future)
        future.add_done_callback(self._futures.discard)
        self.task_started.emit(task)
        return task

    def running(self, name: str) -> Task | None:
        """The unfinished task of this name, if one runs (one fetch at a time, say)."""
        return next((t for t in self._tasks if t.name == name and t.running), None)

    @property
    def tasks(self) -> tuple[Task, ...]:
        return tuple(t for t in self._tasks if t.running)

    @property
    def idle(self) -> bool:
        """No thread of the pool is running a task."""
        return all(future.done() for future in list(self._futures))

    def shutdown(self, timeout_ms: int = 15_000) -> bool:
        """Cancel every task and wait for the threads; False when some did not stop in time."""
        for task in self._tasks:
            task.cancel()
        _done, pending = wait(list(self._futures), timeout=timeout_ms / 1000)
        if self._executor is not None:
            self._executor.shutdown(wait=not pending, cancel_futures=True)
            self._executor = None
        return not pending

    @Slot()
    def _forget(self) -> None:
        task = self.sender()
        if isinstance(task, Task) and task in self._tasks:
            self._tasks.remove(task)
            self.task_finished.emit(task)
            task.deleteLater()
