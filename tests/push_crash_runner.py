"""Runs `push` and kills itself with SIGKILL at a chosen step boundary.

    python tests/push_crash_runner.py DATA_DIR SERVICE_ROOT USER POINT N   (password on stdin)

POINT is `claimed` (the step is marked `sending` in the store, its request not sent) or
`answered` (1C applied the request and answered, the outcome not yet recorded); N counts the
steps. What is killed is the real push service with the real store and HTTP client.
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path
from typing import Any

from desktop_app.adapters.onec.odata_client import OneCConnection
from desktop_app.services import outbox_steps, push_service
from desktop_app.services.order_link_setup import push_context
from desktop_app.services.settings import OneCSettings, Settings
from desktop_app.store.database import Database
from desktop_app.store.outbox_repository import OutboxRepository


def main() -> None:
    data_dir, root, user, point, number = sys.argv[1:6]
    password = sys.stdin.read()
    limit = int(number)
    seen = {"claimed": 0, "answered": 0}

    def counted(stage: str, result: Any) -> Any:
        seen[stage] += 1
        if stage == point and seen[stage] == limit:
            os.kill(os.getpid(), signal.SIGKILL)
        return result

    claim, run = OutboxRepository.claim_step, outbox_steps.run_step
    OutboxRepository.claim_step = (  # type: ignore[method-assign]
        lambda self, step: counted("claimed", claim(self, step))
    )
    push_service.run_step = lambda *args: counted("answered", run(*args))  # type: ignore[attr-defined]
    with Database.open(Path(data_dir)) as database:
        settings = Settings(onec=OneCSettings(url=root, user=user))
        context = push_context(settings, password, Path(data_dir), database)
        push_service.push(database, OneCConnection(url=root, user=user, password=password),
                          context=context, parallel=1)  # fmt: skip


if __name__ == "__main__":
    main()
