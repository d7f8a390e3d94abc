"""What both emulators' fault injection shares: checking a fault, and the book of pending ones.

A test (or the demo) adds faults; each request takes the first pending fault that matches it,
first-in first-out, and a fault of `times` > 1 stays for that many matching requests. What a
fault does and what it matches are the server's own (portal/faults.py, onec/faults.py).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import replace
from typing import Any, Generic, Protocol, TypeVar


class Counted(Protocol):
    @property
    def times(self) -> int: ...


F = TypeVar("F", bound=Counted)
T = TypeVar("T")


def check(kind: str, kinds: tuple[Any, ...], times: int, seconds: float) -> None:
    """Refuse a fault that cannot be injected, when it is made rather than when it fires."""
    if kind not in kinds:
        raise ValueError(f"unknown fault kind {kind!r}; one of {kinds}")
    if times < 1:
        raise ValueError("a fault must affect at least one request")
    if seconds < 0:
        raise ValueError("seconds cannot be negative")


class Faults(Generic[T]):
    """Faults added by a test, under one lock (the server's threads read them)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._faults: list[T] = []

    def add(self, fault: T) -> None:
        with self._lock:
            self._faults.append(fault)

    def clear(self) -> None:
        with self._lock:
            self._faults.clear()


class FaultBook(Faults[F]):
    """The faults still pending, consumed first-in first-out by the requests they match."""

    def first(self, matches: Callable[[F], bool]) -> F | None:
        """The first fault `matches`, counted as used once; None when none matches."""
        with self._lock:
            for index, fault in enumerate(self._faults):
                if matches(fault):
                    if fault.times > 1:
                        self._faults[index] = replace(fault, times=fault.times - 1)  # type: ignore[type-var]
                    else:
                        del self._faults[index]
                    return fault
            return None
