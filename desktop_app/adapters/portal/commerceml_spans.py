"""Where each `Документ` stands in the file, as byte offsets.

The parser does not say where an element began in the bytes, yet two jobs need exactly that:
keeping each order's source bytes for audit (byte for byte, as the portal sent them) and
re-reading a broken file document by document. A byte search for the tag name in the file's
own encoding finds the boundaries at memory speed (`mmap.find`, ~1 GB/s); it does not parse.
"""

from __future__ import annotations

import mmap
from dataclasses import dataclass

_NAME = "Документ"
_AFTER_NAME = frozenset(b" \t\r\n>/")
_PREFIX_BYTES = frozenset(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-")

Buffer = bytes | mmap.mmap


@dataclass(frozen=True, slots=True)
class Span:
    index: int
    """1-based position of the document in the file, as the reader counts them."""
    start: int
    end: int | None
    """Offset just past `</Документ>`; None when the document is never closed."""


def _tag_kind(data: Buffer, hit: int, size: int) -> tuple[str, int] | None:
    """("start" | "end", offset of "<") when the name at `hit` is a tag name, else None."""
    after = hit + size
    if after >= len(data) or data[after] not in _AFTER_NAME:
        return None
    position = hit - 1
    if position >= 0 and data[position] == ord(":"):  # a namespace prefix: cml:Документ
        position -= 1
        while position >= 0 and data[position] in _PREFIX_BYTES:
            position -= 1
    if position >= 0 and data[position] == ord("/"):
        return ("end", position - 1) if position >= 1 and data[position - 1] == ord("<") else None
    return ("start", position) if position >= 0 and data[position] == ord("<") else None


def document_spans(data: Buffer, encoding: str) -> list[Span]:
    """The documents of a CommerceML file in order; [] for encodings it cannot search (UTF-16)."""
    if encoding.lower().replace("_", "-").startswith("utf-16"):
        return []
    name = _NAME.encode(encoding)
    starts: list[int] = []
    ends: list[int] = []
    position = data.find(name)
    while position >= 0:
        kind = _tag_kind(data, position, len(name))
        if kind is not None:
            if kind[0] == "start":
                starts.append(kind[1])
            else:
                close = data.find(b">", position)
                ends.append(close + 1 if close >= 0 else len(data))
        position = data.find(name, position + len(name))
    spans = []
    end_index = 0
    for number, start in enumerate(starts, start=1):
        limit = starts[number] if number < len(starts) else len(data) + 1
        while end_index < len(ends) and ends[end_index] <= start:
            end_index += 1
        end = ends[end_index] if end_index < len(ends) and ends[end_index] <= limit else None
        spans.append(Span(number, start, end))
    return spans
