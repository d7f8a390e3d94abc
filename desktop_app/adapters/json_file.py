"""A small JSON file in the data folder, replaced whole or not at all.

Several background jobs may save the same file at once (the fetch's 1C read and a directory
refresh both connect to 1C and keep its publication summary): each writes a temporary file
of its own in the same folder, flushed to disk, and renames it over the target with
`os.replace`, which is atomic on one file system. A fixed temporary name let one job rename
the other's half-written file away (a crash dialog under load); a crash mid-write leaves the
old file whole.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from pathlib import Path


def write_json(path: Path, content: object, *, indent: int = 1) -> None:
    """Write `content` as UTF-8 JSON over `path`; an `OSError` leaves the old file as it was."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(
        "w", encoding="utf-8", dir=path.parent, prefix=f".{path.stem}-", suffix=".tmp",
        delete=False,
    ) as stream:  # fmt: skip
        temporary = stream.name
        try:
            json.dump(content, stream, ensure_ascii=False, indent=indent)
            stream.write("\n")
            stream.flush()
            os.fsync(stream.fileno())
        except BaseException:
            stream.close()
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            raise
    try:
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
