"""Runs one `push` in its own process, as a second workstation's or a scheduled one would.

    python tests/push_runner.py DATA_DIR SERVICE_ROOT USER PARALLEL   (password on stdin)

Prints one line per decision state (`written 12`) so the test can see what this process did.
"""

from __future__ import annotations

import sys
from pathlib import Path

from desktop_app.adapters.onec.odata_client import OneCConnection
from desktop_app.services import push_service
from desktop_app.services.order_link_setup import push_context
from desktop_app.services.settings import OneCSettings, Settings
from desktop_app.store.database import Database


def main() -> None:
    data_dir, root, user, parallel = sys.argv[1:5]
    password = sys.stdin.read()
    with Database.open(Path(data_dir)) as database:
        settings = Settings(onec=OneCSettings(url=root, user=user))
        context = push_context(settings, password, Path(data_dir), database)
        report = push_service.push(
            database, OneCConnection(url=root, user=user, password=password, retries=1,
                                     backoff=0.05, read_timeout=20),
            context=context, parallel=int(parallel),
        )  # fmt: skip
    for state, count in sorted(report.states.items()):
        print(state.value, count)


if __name__ == "__main__":
    main()
