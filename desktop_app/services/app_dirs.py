"""Where the application keeps its data and its logs.

The data folder is chosen once per run: the `--data-dir` option, else the environment
variable ORDER_REVIEW_DATA_DIR, else the user data folder of the platform (platformdirs) —
always a local folder, because SQLite's WAL does not work on network shares (GUIDE §10).
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_DIR_NAME = "OrderReview"
DATA_DIR_VARIABLE = "ORDER_REVIEW_DATA_DIR"


def data_dir(explicit: Path | None = None) -> Path:
    if explicit is not None:
        return explicit.expanduser()
    from_environment = os.environ.get(DATA_DIR_VARIABLE)
    if from_environment:
        return Path(from_environment).expanduser()
    return platformdirs.user_data_path(APP_DIR_NAME, appauthor=False)


def log_dir() -> Path:
    return platformdirs.user_log_path(APP_DIR_NAME, appauthor=False)


def work_dir(data: Path) -> Path:
    """Scratch space for downloads, inside the data folder (same disk, cleaned each fetch)."""
    return data / "work"
