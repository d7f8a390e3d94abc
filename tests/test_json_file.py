"""The data folder's small JSON files: saved whole, by several jobs at once, or not at all."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest

from desktop_app.adapters.json_file import write_json
from desktop_app.adapters.onec.publication import PublicationCache


def test_jobs_saving_the_same_file_at_once_never_fail_and_leave_one_whole(tmp_path: Path) -> None:
    """The fetch's 1C read and a directory refresh both keep 1C's publication summary."""
    path = tmp_path / PublicationCache.FILE
    start = threading.Barrier(6)
    errors: list[BaseException] = []

    def save(job: int) -> None:
        start.wait()
        for round_ in range(60):
            try:
                write_json(path, {"job": job, "round": round_, "rows": list(range(200))})
            except BaseException as error:  # collected and asserted below
                errors.append(error)

    threads = [threading.Thread(target=save, args=(job,)) for job in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    kept = json.loads(path.read_text(encoding="utf-8"))
    assert kept["round"] == 59 and kept["rows"] == list(range(200))
    assert [p.name for p in tmp_path.iterdir()] == [path.name], "no temporary file left"


def test_a_write_that_fails_keeps_the_old_file_and_leaves_no_temporary(tmp_path: Path) -> None:
    path = tmp_path / "portal-page.json"
    write_json(path, {"fetches": 1})
    with pytest.raises(TypeError):
        write_json(path, {"fetches": object()})  # not JSON: fails half-way through
    assert json.loads(path.read_text(encoding="utf-8")) == {"fetches": 1}
    assert [p.name for p in tmp_path.iterdir()] == [path.name]
