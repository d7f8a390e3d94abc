"""Runs the same fetch as `python -m desktop_app fetch`, and freezes at a chosen point.

    python tests/fetch_crash_runner.py DATA_DIR STAGE THRESHOLD MARKER

When the fetch reports STAGE (downloading / storing / confirming) with at least THRESHOLD
done (bytes or orders), the runner writes MARKER and sleeps: the crash-safety test then
kills it with SIGKILL at exactly that point. It uses the CLI's own steps (settings from the
data folder, the password from the keychain) so what is killed is what users run.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from desktop_app.cli.fetch_command import portal_password
from desktop_app.services import answer_store, app_dirs, settings
from desktop_app.services.fetch_service import FetchStage, fetch_orders
from desktop_app.store.database import Database


def main() -> None:
    data_dir, stage, threshold, marker = sys.argv[1:5]
    # Small batches, so that "during parsing" lands after some batches committed and
    # before the last (the test's answer is far smaller than a production batch).
    answer_store.BATCH_SIZE = 300
    wanted, limit = FetchStage(stage), int(threshold)

    def freeze_at(current: FetchStage, done: int, _total: int | None) -> None:
        if current is wanted and done >= limit:
            Path(marker).write_text(f"{current.value} {done}", encoding="utf-8")
            while True:
                time.sleep(1)

    folder = Path(data_dir)
    portal = settings.load(folder).portal
    with Database.open(folder) as database:
        fetch_orders(
            portal,
            portal_password(portal),
            database,
            app_dirs.work_dir(folder),
            progress=freeze_at,
        )


if __name__ == "__main__":
    main()
