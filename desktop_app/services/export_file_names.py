"""File names for exported invoices: readable, unique, and always inside the chosen folder.

Parts of a name come from the portal (the order's number and Ид), so they are treated as
hostile: path separators, `..`, characters Windows forbids, control characters, trailing
dots and spaces, and the device names Windows reserves (CON, NUL, COM1, …) are all taken
out. The portal Ид ends every name, which keeps two orders apart; when cleaning had to change
the Ид (or cut it), a short hash of the original is added, so two Ид that clean to the same
text still get different names. A batch also keeps track of the names it gave, ignoring
case (Windows and macOS do), as a last guard.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from pathlib import Path

_FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]+')
_SPACES = re.compile(r"\s+")
_DOTS = re.compile(r"\.{2,}")
_RESERVED = re.compile(r"(CON|PRN|AUX|NUL|CONIN\$|CONOUT\$|(COM|LPT)[0-9¹²³])", re.IGNORECASE)
MAX_PART = 40
"""Characters kept of one part (number, Ид): names stay well under 255 bytes."""
SUFFIX = ".xlsx"


class UnsafeNameError(ValueError):
    """A name that would land outside the export folder (never expected: a guard)."""


def clean_part(text: str, limit: int = MAX_PART) -> str:
    """One part of a file name, safe on Windows, macOS and Linux; may be empty."""
    text = unicodedata.normalize("NFC", text)
    text = _FORBIDDEN.sub("_", text)
    text = _SPACES.sub(" ", text)
    text = _DOTS.sub(".", text)
    text = text[:limit].strip(" .")
    stem = text.split(".")[0].strip()
    if _RESERVED.fullmatch(stem):
        text = f"_{text}"
    return text


def _order_tag(order_id: str) -> str:
    """The Ид as it can stand in a name, with a hash when cleaning had to change it."""
    cleaned = clean_part(order_id, 32)
    if cleaned != order_id or not cleaned:
        digest = hashlib.sha256(order_id.encode("utf-8")).hexdigest()[:8]
        cleaned = f"{cleaned}-{digest}" if cleaned else digest
    return cleaned


def invoice_file_name(number: str, date: dt.date, order_id: str) -> str:
    """«Счет 1027 от 2026-11-28 [8f0c2a9e].xlsx»; the Ид in brackets tells orders apart."""
    shown = clean_part(number) or "без номера"
    return f"Счет {shown} от {date.isoformat()} [{_order_tag(order_id)}]{SUFFIX}"


def inside(folder: Path, name: str) -> Path:
    """`folder / name`, refusing anything that would resolve outside `folder`."""
    if not name or name in (".", "..") or "/" in name or "\\" in name:
        raise UnsafeNameError(name)
    target = folder / name
    if target.resolve().parent != folder.resolve():
        raise UnsafeNameError(name)
    return target


class NameBook:
    """The names given in one batch; a clash (ignoring case) gets « (2)», « (3)», …"""

    def __init__(self) -> None:
        self._taken: set[str] = set()

    def claim(self, name: str) -> str:
        stem, suffix = name.removesuffix(SUFFIX), SUFFIX if name.endswith(SUFFIX) else ""
        candidate, copy = name, 1
        while candidate.casefold() in self._taken:
            copy += 1
            candidate = f"{stem} ({copy}){suffix}"
        self._taken.add(candidate.casefold())
        return candidate
