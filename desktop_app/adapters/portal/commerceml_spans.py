"""Where each `Документ` stands in the file, as byte offsets.

The parser does not say where an element began in the bytes, yet two jobs need exactly that:
keeping each order's source bytes for audit (byte for byte, as the portal sent them) and
re-reading a broken file document by document. A byte search for the tag name in the file's
own encoding finds the boundaries at memory speed (`bytes.find`, ~1 GB/s); it does not parse.
`file_spans` reads the file in blocks, so a 150 MB answer costs a few megabytes of memory
(a memory map would count every page it touched in the process's resident size).
"""

from __future__ import annotations

import bisect
import io
import mmap
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

_NAME = "Документ"
_AFTER_NAME = frozenset(b" \t\r\n>/")
_BLOCK = 4 * 1024 * 1024
_CONTEXT = 256
"""Bytes kept around a block boundary: a tag name's prefix before it, its `>` after it."""
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


def _searchable(encoding: str) -> bool:
    return not encoding.lower().replace("_", "-").startswith("utf-16")


def _pair(starts: list[int], ends: list[int], size: int) -> list[Span]:
    """Each start with the first end after it, unless the next document starts first."""
    spans = []
    end_index = 0
    for number, start in enumerate(starts, start=1):
        limit = starts[number] if number < len(starts) else size + 1
        while end_index < len(ends) and ends[end_index] <= start:
            end_index += 1
        end = ends[end_index] if end_index < len(ends) and ends[end_index] <= limit else None
        spans.append(Span(number, start, end))
    return spans


def _scan(
    data: Buffer,
    name: bytes,
    base: int,
    search: int,
    limit: int,
    found: tuple[list[int], list[int]],
) -> None:
    """Record the tags named `name` that start in data[search:limit] (offsets + `base`)."""
    starts, ends = found
    position = data.find(name, search)
    while 0 <= position < limit:
        kind = _tag_kind(data, position, len(name))
        if kind is not None:
            if kind[0] == "start":
                starts.append(base + kind[1])
            else:
                close = data.find(b">", position)
                ends.append(base + (close + 1 if close >= 0 else len(data)))
        position = data.find(name, position + len(name))


def document_spans(data: Buffer, encoding: str) -> list[Span]:
    """The documents of a CommerceML text in memory; [] for encodings it cannot search."""
    if not _searchable(encoding):
        return []
    starts: list[int] = []
    ends: list[int] = []
    _scan(data, _NAME.encode(encoding), 0, 0, len(data), (starts, ends))
    return _pair(starts, ends, len(data))


class SpanTracker:
    """Document spans found as they are asked for, reading forward through a file in blocks:
    the bytes of each document the parser finished are found without a second pass."""

    def __init__(self, stream: io.RawIOBase | BinaryIO, encoding: str) -> None:
        self._stream = stream
        self._name = _NAME.encode(encoding)
        self._searchable = _searchable(encoding)
        self._starts: list[int] = []
        self._ends: list[int] = []
        self._buffer = b""
        self._base = self._search = 0
        self._final = not self._searchable

    def span(self, index: int) -> Span | None:
        """Document `index` (1-based), or None when the file has no such document."""
        while True:
            found = self._resolved(index)
            if found is not None or self._final:
                return found
            self._advance()

    def all(self) -> list[Span]:
        while not self._final:
            self._advance()
        return _pair(self._starts, self._ends, self._base + len(self._buffer))

    def _resolved(self, index: int) -> Span | None:
        if index < 1 or len(self._starts) < index:
            return None
        start = self._starts[index - 1]
        following = self._starts[index] if len(self._starts) > index else None
        position = bisect.bisect_right(self._ends, start)
        end = self._ends[position] if position < len(self._ends) else None
        if end is not None and (following is None or end <= following):
            return Span(index, start, end)
        if following is not None or self._final:
            return Span(index, start, None)  # never closed
        return None

    def _advance(self) -> None:
        block = self._stream.read(_BLOCK) or b""
        self._buffer += block
        self._final = not block
        buffer = self._buffer
        limit = len(buffer) if self._final else max(len(buffer) - _CONTEXT, 0)
        _scan(buffer, self._name, self._base, self._search, limit, (self._starts, self._ends))
        if not self._final:
            cut = max(limit - _CONTEXT, 0)
            self._buffer, self._base, self._search = buffer[cut:], self._base + cut, limit - cut


def file_spans(path: Path, encoding: str) -> list[Span]:
    """The documents of a CommerceML file, read block by block with flat memory."""
    with path.open("rb") as stream:
        return SpanTracker(stream, encoding).all()


def read_span(stream: BinaryIO, span: Span) -> bytes:
    """The exact bytes of one document (to the end of the file when it is never closed)."""
    stream.seek(span.start)
    return stream.read() if span.end is None else stream.read(span.end - span.start)
