"""Runtime SQLite errors sorted like qutebrowser's `misc/sql.py` does: known or a bug.

qutebrowser (`raise_sqlite_error`) calls BUSY, READONLY, IOERR, CORRUPT, FULL and CANTOPEN
"environmental": the user's disk or another program is to blame, not the code. Here those
(and LOCKED, NOTADB, PERM, PROTOCOL, NOMEM, the close relatives) become a
`DatabaseFaultError` with one Russian sentence, through SQLAlchemy's `handle_error` event,
so every statement, commit and connect of the engine is covered — the repositories need not
know. Every other error (a constraint, a syntax error: ours) passes on unchanged as a bug.

Corruption is special (issue 14: `fetch` went on writing into a damaged file with rc 0): on
CORRUPT or NOTADB the file is checked (`PRAGMA quick_check`), the result is logged, and the
`Damage` flag stops every later write of this process; a marker file beside the database
makes the next opening check again before it writes anything.
"""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event
from sqlalchemy.engine import ExceptionContext

from desktop_app.store import sqlite_file
from desktop_app.store.errors import DatabaseDamagedError, DatabaseFaultError
from desktop_app.wording.said import Said

log = logging.getLogger(__name__)

# Primary result codes, https://www.sqlite.org/rescode.html
_KINDS = {
    3: "readonly",  # SQLITE_PERM
    5: "busy",  # SQLITE_BUSY
    6: "busy",  # SQLITE_LOCKED
    7: "memory",  # SQLITE_NOMEM
    8: "readonly",  # SQLITE_READONLY
    10: "io",  # SQLITE_IOERR
    11: "corrupt",  # SQLITE_CORRUPT
    13: "full",  # SQLITE_FULL
    14: "cantopen",  # SQLITE_CANTOPEN
    15: "busy",  # SQLITE_PROTOCOL (WAL lock races)
    26: "corrupt",  # SQLITE_NOTADB
}
MARKER_SUFFIX = ".damaged"
QUICK_CHECK_ROWS = 5


def fault_kind(error: BaseException) -> str | None:
    """The kind of an environmental SQLite error, or None for anything else (a bug)."""
    code = getattr(error, "sqlite_errorcode", None)
    return _KINDS.get(code & 0xFF) if isinstance(code, int) else None


@dataclass
class Damage:
    """What this process knows of the file's health; shared by every unit of work."""

    path: Path | None
    said: Said | None = None
    _logged: bool = field(default=False, repr=False)

    @property
    def marker(self) -> Path | None:
        return self.path.with_name(self.path.name + MARKER_SUFFIX) if self.path else None

    def refuse_writes(self) -> None:
        if self.said is not None:
            raise DatabaseDamagedError("corrupt", self.said)

    def found(self) -> Said:
        """Check the file once, keep what it says, leave the marker; what it says."""
        if self.said is None:
            problems = quick_check(self.path) if self.path is not None else []
            log.error("SQLite reported corruption; quick_check: %s", problems or "ok")
            self.said = damaged_words(self.path, problems)
            marker = self.marker
            if marker is not None:
                try:
                    marker.write_text("\n".join(problems) + "\n", encoding="utf-8")
                except OSError as error:
                    log.warning("could not leave the damage marker %s: %s", marker, error)
        return self.said

    def check_marker(self) -> None:
        """At opening: a file marked damaged is checked again; still damaged → refused."""
        marker = self.marker
        if marker is None or self.path is None or not marker.exists():
            return
        problems = quick_check(self.path)
        if problems:
            self.said = damaged_words(self.path, problems)
            raise DatabaseDamagedError("corrupt", self.said)
        log.info("%s passes its integrity check again; the damage marker is removed", self.path)
        marker.unlink(missing_ok=True)


def quick_check(path: Path) -> list[str]:
    """What SQLite's quick_check finds wrong (empty: sound), through a read-only connection."""
    try:
        connection = sqlite_file.read_only_connection(path)
        try:
            rows = connection.execute(f"PRAGMA quick_check({QUICK_CHECK_ROWS})").fetchall()
        finally:
            connection.close()
    except sqlite3.Error as error:
        return [str(error)]
    found = [str(row[0]) for row in rows]
    return [] if found == ["ok"] else found


def damaged_words(path: Path | None, problems: list[str]) -> Said:
    """One sentence, on one line: quick_check's first finding may span several."""
    shown = f" {path}" if path else ""
    if not problems:
        return Said("store.damaged_reading", {"location": shown})
    first = " ".join(problems[0].replace("*** in database main ***", "").split())[:160]
    return Said("store.damaged_found", {"location": shown, "detail": first})


_FAULTS = {
    "busy": "store.busy",
    "full": "store.disk_full",
    "readonly": "store.read_only",
    "io": "store.disk_failed",
    "cantopen": "store.cannot_open_file",
    "memory": "store.out_of_memory",
}


def fault_words(kind: str, path: Path | None, detail: str) -> Said:
    where = f" ({path.parent})" if path else ""
    seconds = sqlite_file.BUSY_TIMEOUT_MS // 1000
    return Said(_FAULTS[kind], {"where": where, "detail": detail, "seconds": seconds})


def install(engine: Engine, path: Path | None, damage: Damage) -> None:
    """Translate the engine's environmental errors from now on (after opening)."""

    def on_error(context: ExceptionContext) -> Any:
        original = context.original_exception
        kind = fault_kind(original)
        if kind is None:
            return None  # a bug: SQLAlchemy raises its own exception
        if kind == "corrupt":
            return DatabaseDamagedError(kind, damage.found())
        log.warning("SQLite: %s (%s)", original, kind)
        return DatabaseFaultError(kind, fault_words(kind, path, str(original)))

    event.listen(engine, "handle_error", on_error)
