"""What the fetches have learnt about the exchange page, kept for `check portal`.

A connection check makes one harmless request; it cannot see that another client confirms
on the same page or that the site demanded the sessid during a fetch. The fetches can, so
each one leaves its observations here — `portal-page.json` in the data folder, beside
`onec-publication.json` — and `check portal` reads them back:

- when the site last refused a request for want of `sessid` (it is in secure mode);
- how often `success` was answered `error` (another client logged in on the same page);
- whether the core keeps the site-wide exchange log (a query after a whole answer brought
  nothing) or re-serves its last order (an older core): `check portal` warns about the
  log's boundary second, which costs 1C orders that no page can protect;
- when PHP last died part-way through the export (time or memory limit), which the fetch
  then continued in the same session;
- the highest numeric `Ид` received so far, and the orders above it that a later fetch
  found missing: Bitrix numbers orders in sequence (b_sale_order.ID), so a gap below the
  newest order received means orders that were exported to someone else, or written back
  by 1C (UPDATED_1C), before this installation asked;
- the orders a lost continuation answer took with it (the site logged them as exported):
  while they are outstanding the fetch does not confirm (fetch_service `_hold`).

Notes of another address are forgotten: they describe another page. A file that cannot be
read counts as none (nothing is lost but hints); writing is atomic (a temporary file, then
a rename).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from desktop_app.adapters.json_file import write_json

NOTES_FILE = "portal-page.json"


@dataclass(frozen=True, slots=True)
class PageNotes:
    url: str
    fetches: int = 0
    highest_id: int | None = None
    sessid_asked_at: dt.datetime | None = None
    refused: int = 0
    """How many times `success` was answered `error` on this page."""
    refused_at: dt.datetime | None = None
    missing: tuple[int, ...] = ()
    """The orders the latest gap warning named."""
    missing_at: dt.datetime | None = None
    exchange_log: bool | None = None
    """True: a newer core with the exchange log; False: an older one; None: not seen yet."""
    php_died_at: dt.datetime | None = None
    unreachable: tuple[int, ...] = ()
    """Orders a lost continuation answer took with it, not received since (the fetch does
    not confirm while they are outstanding, see fetch_service `_hold`)."""
    unreachable_at: dt.datetime | None = None


def missing_ids(highest_before: int | None, received: Iterable[str]) -> tuple[int, ...]:
    """Numeric Ид above the highest one received before and below the newest one now, that
    did not come. Nothing is concluded on the first fetch (nothing to compare with)."""
    numbers = {int(value) for value in received if value.isdigit()}
    if highest_before is None or not numbers or max(numbers) <= highest_before:
        return ()
    return tuple(n for n in range(highest_before + 1, max(numbers)) if n not in numbers)


def observe(
    notes: PageNotes,
    *,
    received: Iterable[str],
    sessid_asked: bool,
    refused: bool,
    now: dt.datetime,
    exchange_log: bool | None = None,
    php_died: bool = False,
    unreachable: tuple[int, ...] = (),
) -> tuple[PageNotes, tuple[int, ...]]:
    """The notes after one fetch, and the orders it found missing (if any)."""
    ids = list(received)
    came = {int(value) for value in ids if value.isdigit()}
    outstanding = (set(notes.unreachable) - came) | set(unreachable)
    renewed = not set(unreachable) <= set(notes.unreachable)
    missing = missing_ids(notes.highest_id, ids)
    numbers = [int(value) for value in ids if value.isdigit()]
    if notes.highest_id is not None:
        numbers.append(notes.highest_id)
    changed = replace(
        notes,
        fetches=notes.fetches + 1,
        highest_id=max(numbers) if numbers else None,
        sessid_asked_at=now if sessid_asked else notes.sessid_asked_at,
        refused=notes.refused + (1 if refused else 0),
        refused_at=now if refused else notes.refused_at,
        missing=missing or notes.missing,
        missing_at=now if missing else notes.missing_at,
        exchange_log=notes.exchange_log if exchange_log is None else exchange_log,
        php_died_at=now if php_died else notes.php_died_at,
        unreachable=tuple(sorted(outstanding)),
        unreachable_at=(now if renewed else notes.unreachable_at) if outstanding else None,
    )
    return changed, missing


def load_notes(folder: Path, url: str) -> PageNotes:
    try:
        raw = json.loads((folder / NOTES_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return PageNotes(url)
    if not isinstance(raw, dict) or raw.get("url") != url:
        return PageNotes(url)
    try:
        return PageNotes(
            url=url,
            fetches=int(raw.get("fetches", 0)),
            highest_id=_int(raw.get("highest_id")),
            sessid_asked_at=_moment(raw.get("sessid_asked_at")),
            refused=int(raw.get("refused", 0)),
            refused_at=_moment(raw.get("refused_at")),
            missing=tuple(int(n) for n in raw.get("missing", ())),
            missing_at=_moment(raw.get("missing_at")),
            exchange_log=_flag(raw.get("exchange_log")),
            php_died_at=_moment(raw.get("php_died_at")),
            unreachable=tuple(int(n) for n in raw.get("unreachable", ())),
            unreachable_at=_moment(raw.get("unreachable_at")),
        )
    except (TypeError, ValueError):
        return PageNotes(url)


def save_notes(folder: Path, notes: PageNotes) -> None:
    """Write the notes (OSError goes to the caller, which may only log it)."""
    content: dict[str, Any] = {
        "url": notes.url,
        "fetches": notes.fetches,
        "highest_id": notes.highest_id,
        "sessid_asked_at": _text(notes.sessid_asked_at),
        "refused": notes.refused,
        "refused_at": _text(notes.refused_at),
        "missing": list(notes.missing),
        "missing_at": _text(notes.missing_at),
        "exchange_log": notes.exchange_log,
        "php_died_at": _text(notes.php_died_at),
        "unreachable": list(notes.unreachable),
        "unreachable_at": _text(notes.unreachable_at),
    }
    write_json(folder / NOTES_FILE, content)


def _int(value: object) -> int | None:
    return None if value is None else int(str(value))


def _flag(value: object) -> bool | None:
    return value if isinstance(value, bool) else None


def _moment(value: object) -> dt.datetime | None:
    return None if not value else dt.datetime.fromisoformat(str(value))


def _text(moment: dt.datetime | None) -> str | None:
    return moment.isoformat(timespec="seconds") if moment is not None else None
