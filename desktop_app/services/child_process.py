"""What every helper process of the app does first: die with its parent.

A helper sends its results through a `multiprocessing.Queue`. When the parent is killed
(SIGKILL, a crash, the task manager) nobody reads that queue any more, and a helper that
finishes then waits forever at exit for the queue's feeder thread to flush into a full
pipe. A watchdog thread ends the process as soon as the parent is gone, whatever it is doing.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time

WATCH_SECONDS = 1.0


def exit_with_parent() -> None:
    """Start the watchdog (in a helper process; in the main process it does nothing)."""
    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def watch() -> None:
        while parent.is_alive():
            time.sleep(WATCH_SECONDS)
        os._exit(1)  # no clean-up: it would wait for the queue that nobody reads

    threading.Thread(target=watch, name="order-review-parent-watch", daemon=True).start()
