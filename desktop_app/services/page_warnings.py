"""The words for what a fetch noticed about the exchange page, for the manager to pass on.

An exchange page has ONE cursor (GUIDE §3): whoever confirms with `success` moves it for
everyone on that page. Until the installations share a queue, two of them confirming on
one page split the orders between them, and each warns here in words; README's "Several
workstations" section explains the three ways out. Each warning is a `Said`
(`wording.page_warnings`): the window and `fetch` word it.
"""

from __future__ import annotations

import datetime as dt

from desktop_app.wording.registry import said_text
from desktop_app.wording.said import Said

SHOWN_IDS = 10
_CHOICES = Said("warning.choices")
CHOICES = said_text(_CHOICES)
"""The three ways out, in Russian (`check portal` advises them too)."""


def sessid_words() -> Said:
    return Said("warning.sessid")


def refused_words() -> Said:
    return Said("warning.refused", {"choices": _CHOICES})


def missing_words(ids: tuple[int, ...]) -> Said:
    shown = ", ".join(str(n) for n in ids[:SHOWN_IDS])
    if len(ids) > SHOWN_IDS:
        more = len(ids) - SHOWN_IDS
        return Said("warning.missing_more", {"ids": shown, "more": more, "choices": _CHOICES})
    return Said("warning.missing", {"ids": shown, "choices": _CHOICES})


def when(moment: dt.datetime) -> str:
    return moment.astimezone().strftime("%d.%m.%Y %H:%M")


def id_ranges(ids: tuple[int, ...]) -> str:
    """`251–500, 503` for the numbers 251…500 and 503 (sorted, each once)."""
    parts: list[str] = []
    start = previous = None
    for number in sorted(set(ids)):
        if previous is not None and number == previous + 1:
            previous = number
            continue
        if start is not None:
            parts.append(str(start) if start == previous else f"{start}–{previous}")
        start = previous = number
    if start is not None:
        parts.append(str(start) if start == previous else f"{start}–{previous}")
    return ", ".join(parts)


def unreachable_words(ids: tuple[int, ...], *, held: bool) -> Said:
    """Orders a lost continuation answer took with it (fetch_service `_hold`)."""
    then = Said("warning.held" if held else "warning.released")
    return Said("warning.unreachable", {"ids": id_ranges(ids), "then": then})
