"""Long lists of values split for SQL ``IN (…)``: the one rule every store statement follows.

SQLite refuses a statement with more bound parameters than its limit: 999 in builds before
3.32 (still what some Linux distributions and Python builds ship), 32,766 after. A look-up by
thousands of `Ид` or directory keys therefore goes in slices of `CHUNK`, well under the
smaller limit even when a statement binds a few more parameters beside its list; a larger
slice would save almost nothing, since each slice is one indexed look-up.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TypeVar

__all__ = ["CHUNK", "chunks"]

CHUNK = 500
"""At most this many values in one IN list (half of SQLite's old 999-parameter limit)."""

T = TypeVar("T")


def chunks(values: Sequence[T], size: int = CHUNK) -> Iterator[Sequence[T]]:
    """Consecutive slices of at most `size` values, in order; none for an empty list."""
    for start in range(0, len(values), size):
        yield values[start : start + size]
