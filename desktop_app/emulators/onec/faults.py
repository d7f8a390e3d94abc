"""Faults the 1C emulator can inject, so the client's reliability is tested, not assumed.

Each is something a real УТ 11 behind IIS does to an OData client (GUIDE §5, §6):

- `latency`: a slow answer — a POST took 5–11 s on a live УТ 11, the first call after idle
  30 s; the request waits `seconds`, then is served normally;
- `error500`: a handler of the configuration fails: HTTP 500 with `odata.error` code -1
  and 1C's message (`message`, or a lock conflict for a write and the generic «Произошла
  внутренняя ошибка OData сервиса…» for a read); nothing is changed;
- `drop_after_write`: a POST/PATCH/PUT/DELETE/Post is applied, then the connection closes
  without an answer — the lost answer after which a client must look before it retries;
- `html_error`: IIS answers 503 with its HTML page (the application pool is down); nothing
  is changed;
- `truncate`: the answer is made (and a write applied), Content-Length announces all of it,
  the connection closes after half the body;
- `chunked_cut`: the answer is made (and a write applied) and sent with `Transfer-Encoding:
  chunked`; the connection closes after half the body, without the last chunk — what a
  client reading it with `requests` sees as ChunkedEncodingError (a VPN or an IIS worker
  recycled mid-answer);
- `short_body`: the answer is made (and a write applied), but only half its body is sent,
  framed as if it were all (Content-Length of the half) — what a proxy in front of 1C
  passes on when its own upstream read broke off: a body that is not whole JSON.

`method` (GET, POST, PATCH, …) and `entity_set` narrow what a fault matches (None matches
all); `times` counts the matching requests it still affects. A `drop_after_write` never
matches a read.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, replace
from typing import Literal

FaultKind = Literal[
    "latency", "error500", "drop_after_write", "html_error", "truncate", "chunked_cut", "short_body"
]
KINDS: tuple[FaultKind, ...] = (
    "latency", "error500", "drop_after_write", "html_error", "truncate", "chunked_cut", "short_body"
)  # fmt: skip
CUTS = frozenset(("truncate", "chunked_cut", "short_body"))
"""The faults that apply the request and then cut its answer's body."""
WRITES = frozenset(("POST", "PATCH", "PUT", "MERGE", "DELETE"))

WRITE_FAILED = (
    'Ошибка при вызове метода контекста (Записать): Не удалось записать: "{object}"!\n'
    "по причине:\n"
    "Конфликт блокировок при выполнении транзакции:\n"
    "Превышено максимальное время ожидания предоставления блокировки"
)
"""A write that failed in the configuration — the lock timeout 1C bases know too well."""


@dataclass(frozen=True, slots=True)
class Fault:
    kind: FaultKind
    seconds: float = 0
    method: str | None = None
    entity_set: str | None = None
    times: int = 1
    message: str = ""
    """The 1C message of an `error500` (default: see the module docstring)."""

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown fault kind {self.kind!r}; one of {KINDS}")
        if self.times < 1:
            raise ValueError("a fault must affect at least one request")
        if self.seconds < 0:
            raise ValueError("seconds cannot be negative")

    def matches(self, method: str, entity_set: str | None) -> bool:
        if self.method is not None and self.method.upper() != method:
            return False
        if self.entity_set is not None and self.entity_set != entity_set:
            return False
        return self.kind != "drop_after_write" or method in WRITES


class FaultBook:
    """The faults still pending, consumed first-in first-out by the requests they match."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._faults: list[Fault] = []

    def add(self, fault: Fault) -> None:
        with self._lock:
            self._faults.append(fault)

    def clear(self) -> None:
        with self._lock:
            self._faults.clear()

    def take(self, method: str, entity_set: str | None) -> Fault | None:
        with self._lock:
            for index, fault in enumerate(self._faults):
                if fault.matches(method, entity_set):
                    if fault.times > 1:
                        self._faults[index] = replace(fault, times=fault.times - 1)
                    else:
                        del self._faults[index]
                    return fault
            return None
