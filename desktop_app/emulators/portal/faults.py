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

from dataclasses import dataclass
from typing import Literal

from desktop_app.emulators.fault_book import FaultBook as SharedBook
from desktop_app.emulators.fault_book import check

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
        check(self.kind, KINDS, self.times, self.seconds)


class FaultBook(SharedBook[Fault]):
    def take(self, mode: str) -> Fault | None:
        return self.first(lambda fault: fault.mode is None or fault.mode == mode)
