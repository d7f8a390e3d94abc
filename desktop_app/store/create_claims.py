"""Claims on creating a company in 1C, shared by every push on this store.

`claim` runs in one write transaction (SQLite: ``BEGIN IMMEDIATE``), so of two pushes asking
at once — threads of one push, or two processes — exactly one gets an unclaimed company; the
primary key would refuse a second row even without that. A claim belongs to a decision,
not to a process: a push killed while it held one leaves it to the decision, and the next
push working on that decision carries on with it. The lease only tells another push
whether someone is working on the holding decision right now, so it waits for a live push
and not for a dead one: it names the push's host and process, and a push on this computer
whose process is gone (killed) holds nothing, whatever its lease says.
"""

from __future__ import annotations

import datetime as dt
import os
import socket
import sys
import uuid
from dataclasses import dataclass

from sqlalchemy import insert, select, update

from desktop_app.domain.create_claims import HolderProgress, holder_progress
from desktop_app.domain.decisions import StepKind
from desktop_app.store.column_types import utc_now
from desktop_app.store.database import Database
from desktop_app.store.decision_queries import decision_row
from desktop_app.store.decision_rows import DecisionRow
from desktop_app.store.models import CREATE_CLAIMS

LEASE = dt.timedelta(seconds=60)
"""How long a push's hold lasts unless renewed (`renew`, every few seconds while it runs)."""


@dataclass(frozen=True, slots=True)
class Claim:
    ours: bool
    """This decision creates the company (now held by this push)."""
    holder: DecisionRow | None = None
    """Otherwise: the decision that does."""
    progress: HolderProgress | None = None
    leased: bool = False
    """Another push is working on the holding decision right now."""


class CreateClaims:
    """The claims as one push (`token`) sees them."""

    def __init__(self, db: Database, token: str | None = None) -> None:
        self._db = db
        self.token = token or f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex}"

    def claim(self, company_key: str, decision_id: int, kind: StepKind) -> Claim:
        """Claim `company_key` for `decision_id` before its create step of `kind`, unless
        another decision holds it and has not given up (then: who, and how far it is)."""
        now = utc_now()
        values = {"holder": self.token, "lease_until": now + LEASE}
        where = CREATE_CLAIMS.c.company_key == company_key
        with self._db.writing() as connection:
            row = connection.execute(select(CREATE_CLAIMS).where(where)).first()
            if row is None:
                connection.execute(insert(CREATE_CLAIMS).values(
                    company_key=company_key, decision_id=decision_id, claimed_at=now, **values
                ))  # fmt: skip
                return Claim(ours=True)
            leased = (
                row.holder is not None and row.holder != self.token
                and row.lease_until is not None and _aware(row.lease_until) > now
                and _running(row.holder)
            )  # fmt: skip
            if row.decision_id == decision_id:
                if leased:  # another push is writing this very decision: its `sending` is
                    return Claim(ours=False, leased=True)  # in flight, not left behind
                connection.execute(update(CREATE_CLAIMS).where(where).values(**values))
                return Claim(ours=True)
            holder = decision_row(connection, row.decision_id)
            steps = [(s.kind, s.state) for s in holder.steps]
            progress = holder_progress(kind, holder.current, steps)
            if progress is HolderProgress.GAVE_UP and not leased:
                connection.execute(
                    update(CREATE_CLAIMS).where(where).values(decision_id=decision_id, **values)
                )
                return Claim(ours=True)
            return Claim(ours=False, holder=holder, progress=progress, leased=leased)

    def hold(self, company_key: str, decision_id: int) -> None:
        """This push has claimed the decision's step: it is the one working on it now."""
        with self._db.writing() as connection:
            connection.execute(
                update(CREATE_CLAIMS)
                .where(CREATE_CLAIMS.c.company_key == company_key,
                       CREATE_CLAIMS.c.decision_id == decision_id)
                .values(holder=self.token, lease_until=utc_now() + LEASE)
            )  # fmt: skip

    def renew(self) -> None:
        """Extend this push's holds (it is still running)."""
        with self._db.writing() as connection:
            connection.execute(
                update(CREATE_CLAIMS)
                .where(CREATE_CLAIMS.c.holder == self.token)
                .values(lease_until=utc_now() + LEASE)
            )

    def release(self, decision_id: int | None = None) -> None:
        """This push no longer works on `decision_id` (None: on any)."""
        condition = CREATE_CLAIMS.c.holder == self.token
        if decision_id is not None:
            condition = condition & (CREATE_CLAIMS.c.decision_id == decision_id)
        with self._db.writing() as connection:
            connection.execute(
                update(CREATE_CLAIMS).where(condition).values(holder=None, lease_until=None)
            )


def _aware(moment: dt.datetime) -> dt.datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)


def _running(holder: str) -> bool:
    """Whether the push `holder` names may still be running: not when it ran on this
    computer and its process is gone (another computer's push is trusted to its lease)."""
    host, _, rest = holder.partition(":")
    pid_text = rest.partition(":")[0]
    if host != socket.gethostname() or not pid_text.isdigit():
        return True
    return _process_alive(int(pid_text))


def _process_alive(pid: int) -> bool:
    if sys.platform == "win32":  # os.kill(pid, 0) would terminate it there
        import ctypes

        kernel = ctypes.windll.kernel32  # type: ignore[attr-defined]
        handle = kernel.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        code = ctypes.c_ulong()
        kernel.GetExitCodeProcess(handle, ctypes.byref(code))
        kernel.CloseHandle(handle)
        return code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: alive
        return True
    return True
