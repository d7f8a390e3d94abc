"""Faults the registry emulator can inject: what DaData (or the way to it) does to a client.

- `bad_token`: 403 with DaData's body for a key it does not know (its documentation, "Коды
  ответа": 403 «В запросе указан несуществующий API-ключ»);
- `daily_limit`: 403 `{"family": "CLIENT_ERROR", "reason": "Forbidden", "message": "Feature
  'SUGGESTIONS' disabled for token …"}` — the free plan's 10,000 requests a day are spent
  (support.dadata.ru, «Что будет, если превысить 10 000 бесплатных запросов в день»);
- `too_many`: 429 — more than 30 requests a second from one address (DaData's limits);
- `latency`: the answer waits `seconds`, then is served normally;
- `error500`: 500 with DaData's error body;
- `html`: a proxy's HTML page (a login page, with 200) instead of JSON;
- `drop`: the connection closes without an answer.

`times` counts the requests a fault still affects (fault_book.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from desktop_app.emulators.fault_book import FaultBook as SharedBook
from desktop_app.emulators.fault_book import check

FaultKind = Literal["bad_token", "daily_limit", "too_many", "latency", "error500", "html", "drop"]
KINDS: tuple[FaultKind, ...] = (
    "bad_token", "daily_limit", "too_many", "latency", "error500", "html", "drop"
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Fault:
    kind: FaultKind
    seconds: float = 0
    times: int = 1

    def __post_init__(self) -> None:
        check(self.kind, KINDS, self.times, self.seconds)


class FaultBook(SharedBook[Fault]):
    def take(self) -> Fault | None:
        return self.first(lambda _fault: True)
