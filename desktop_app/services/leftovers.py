"""What a killed run leaves behind, cleaned at the next start of the window or a command.

- `work/` in the data folder: a fetch's download (up to tens of MB) when the fetch was
  killed; removed only when no fetch holds the folder (`fetch_lock`), so a fetch running
  in another window keeps its file.
- ``.order-review-*.xlsx.tmp`` beside exported files: an export killed between writing its
  temporary file and renaming it (`workbook_file.save_atomically`). Only our own names, and
  only abandoned ones: the user's own file that no export holds locked (its writer died),
  or any older than `TEMP_AGE` (a colleague's on a shared folder, where locks may not
  reach across the network; a younger one may be an export running right now). The
  folders are the ones exports wrote to, remembered in ``export-folders.txt``: the temporary
  files sit in the user's own folders, which the app never scans at random.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from desktop_app.services import app_dirs, fetch_lock

log = logging.getLogger(__name__)

FOLDERS_FILE = "export-folders.txt"
KEPT_FOLDERS = 20
TEMP_AGE = dt.timedelta(minutes=10)
"""An export writes its temporary file and renames it within seconds; ten minutes is safe."""


@dataclass(frozen=True, slots=True)
class Cleaned:
    work_bytes: int = 0
    temp_files: int = 0


def remember_export_folder(data_dir: Path, folder: Path) -> None:
    """Note a folder an export writes to, so that its leftovers are found at the next start."""
    try:
        known = _export_folders(data_dir)
        chosen = str(folder.resolve())
        kept = [chosen, *(f for f in known if f != chosen)][:KEPT_FOLDERS]
        (data_dir / FOLDERS_FILE).write_text("\n".join(kept) + "\n", encoding="utf-8")
    except OSError as error:  # a note for later cleaning; never a reason to fail an export
        log.warning("could not note the export folder %s: %s", folder, error)


def clean_leftovers(data_dir: Path, now: dt.datetime | None = None) -> Cleaned:
    """Remove a dead fetch's `work/` and old temporary export files; never raises."""
    try:
        work_bytes = _clean_work(app_dirs.work_dir(data_dir))
        temp_files = sum(clean_temp_files(Path(f), now) for f in _export_folders(data_dir))
    except OSError as error:
        log.warning("leftovers not cleaned: %s", error)
        return Cleaned()
    if work_bytes or temp_files:
        log.info("Cleaned leftovers: %d bytes in work/, %d temporary files", work_bytes, temp_files)
    return Cleaned(work_bytes, temp_files)


def clean_temp_files(folder: Path, now: dt.datetime | None = None) -> int:
    """Remove our old temporary export files in `folder`; how many."""
    from desktop_app.adapters.xlsx.workbook_file import (  # imports openpyxl: only here
        TEMP_PREFIX,
        TEMP_SUFFIX,
        is_abandoned,
    )

    if not folder.is_dir():
        return 0
    limit = (now or dt.datetime.now()).timestamp() - TEMP_AGE.total_seconds()
    removed = 0
    for path in folder.glob(f"{TEMP_PREFIX}*{TEMP_SUFFIX}"):
        try:
            if not path.is_file() or path.is_symlink():
                continue
            status = path.stat()
            own = os.name != "posix" or status.st_uid == os.getuid()
            if status.st_mtime < limit or (own and is_abandoned(path)):
                path.unlink()
                removed += 1
        except OSError as error:
            log.warning("could not remove %s: %s", path, error)
    return removed


def _clean_work(work: Path) -> int:
    if not work.is_dir():
        return 0
    with fetch_lock.while_idle(work.parent) as idle:
        if not idle:
            return 0  # a fetch in another window or command is using it
        size = sum(p.stat().st_size for p in work.rglob("*") if p.is_file())
        shutil.rmtree(work, ignore_errors=True)
    return size


def _export_folders(data_dir: Path) -> list[str]:
    path = data_dir / FOLDERS_FILE
    if not path.is_file():
        return []
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    return [line for line in (raw.strip() for raw in lines) if line]
