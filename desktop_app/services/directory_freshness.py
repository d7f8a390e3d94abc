"""Is the local copy of 1C's counterparties good enough to say «not in 1C»?

A counterparty missing from the copy is only missing from 1C when the copy is complete (a
refresh that read the whole catalogue and reconciled it, `RefreshRow.complete`) and recent:
on day one, before the first copy ends, every buyer looks new, and creating it makes a
duplicate (issue 16, point 4). The age limit is the `onec.directory_max_age` setting, in
hours. These are local reads (milliseconds): the window asks them on the GUI thread.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from desktop_app.services.workspace import Workspace
from desktop_app.store.directory_repository import DirectoryKind, DirectoryRepository


def complete_copy_at(directory: DirectoryRepository) -> dt.datetime | None:
    """When the last complete copy of the counterparties ended; None when there is none
    (never copied, or every copy was cut short)."""
    last = directory.last_refresh(DirectoryKind.COUNTERPARTIES, complete_only=True)
    if last is None:
        return None
    ended = last.finished_at or last.started_at
    return ended if ended.tzinfo is not None else ended.replace(tzinfo=dt.UTC)


def is_old(ended: dt.datetime, max_age_hours: float, now: dt.datetime | None = None) -> bool:
    """Older than `onec.directory_max_age` hours."""
    return (now or dt.datetime.now(dt.UTC)) - ended > dt.timedelta(hours=max_age_hours)


def copy_if_first(workspace: Workspace, refresh: Callable[[], object]) -> bool:
    """Start `refresh` (the window's directory job, with its progress) when the first copy
    is due — right after the first settings naming 1C are saved; True if started."""
    if not first_copy_needed(workspace):
        return False
    refresh()
    return True


def first_copy_needed(workspace: Workspace) -> bool:
    """1C is set up and no complete copy exists: the copy should be made now."""
    if not workspace.settings.onec.url:
        return False
    return complete_copy_at(DirectoryRepository(workspace.database)) is None
