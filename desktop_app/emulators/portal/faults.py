"""Faults the portal emulator can inject, so reliability claims are tested, not assumed.

Each kind is something a real 1C-Bitrix site behind nginx does to an exchange client:

- `latency`: a slow PHP start (sleep `seconds`, then answer normally);
- `failure`: the component's own refusal, HTTP 200 `failure\\n<message>`;
- `html500`: nginx's HTML page with HTTP 500 (PHP-FPM died before the component ran);
- `php_fatal`: a PHP fatal error with display_errors on — HTTP 200, an HTML fragment
  (`<br />\\n<b>Fatal error</b>: ...`) and no Content-Length. On `mode=query` the export
  really ran part of the way first: the orders before the crash are in the body, the
  session cursor and the export log moved for them, and the body ends in the error text
  instead of the root's closing tag (Bitrix buffers with `ob_start`, and PHP flushes the
  buffer when it dies);
- `empty`: HTTP 200 with an empty body (a fatal error with display_errors off);
- `truncate`: the whole answer is produced (and its effects applied), Content-Length
  announces all of it, but the connection closes after half the body;
- `drop`: the effects are applied, then the connection closes without a byte of answer —
  the classic lost answer of a write such as `mode=success`;
- `stall`: half the body is sent, then the server waits `seconds` before sending the rest.

`failure`, `html500`, `empty` (and `php_fatal` outside `mode=query`) change nothing on the
site: the component never ran. `mode=None` matches any request; `times` counts the matching
requests the fault still affects.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, replace
from typing import Literal

FaultKind = Literal[
    "latency", "failure", "html500", "php_fatal", "empty", "truncate", "drop", "stall"
]
KINDS: tuple[FaultKind, ...] = (
    "latency",
    "failure",
    "html500",
    "php_fatal",
    "empty",
    "truncate",
    "drop",
    "stall",
)


@dataclass(frozen=True, slots=True)
class Fault:
    mode: str | None
    """The exchange `mode` it applies to (`query`, `success`, ...); None for every mode."""
    kind: FaultKind
    seconds: float = 0
    message: str = ""
    """The text of a `failure` (default: a real Bitrix failure text) or of a `php_fatal`."""
    times: int = 1

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown fault kind {self.kind!r}; one of {KINDS}")
        if self.times < 1:
            raise ValueError("a fault must affect at least one request")
        if self.seconds < 0:
            raise ValueError("seconds cannot be negative")


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

    def pending(self) -> tuple[Fault, ...]:
        with self._lock:
            return tuple(self._faults)

    def take(self, mode: str) -> Fault | None:
        """The first fault matching `mode`, counted as used once; None when none matches."""
        with self._lock:
            for index, fault in enumerate(self._faults):
                if fault.mode is None or fault.mode == mode:
                    if fault.times > 1:
                        self._faults[index] = replace(fault, times=fault.times - 1)
                    else:
                        del self._faults[index]
                    return fault
            return None
