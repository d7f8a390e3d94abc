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

from dataclasses import dataclass
from typing import Literal
from urllib.parse import unquote

from desktop_app.emulators.fault_book import FaultBook as SharedBook
from desktop_app.emulators.fault_book import Faults, check

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
        check(self.kind, KINDS, self.times, self.seconds)

    def matches(self, method: str, entity_set: str | None) -> bool:
        if self.method is not None and self.method.upper() != method:
            return False
        if self.entity_set is not None and self.entity_set != entity_set:
            return False
        return self.kind != "drop_after_write" or method in WRITES


class FaultBook(SharedBook[Fault]):
    def take(self, method: str, entity_set: str | None) -> Fault | None:
        return self.first(lambda fault: fault.matches(method, entity_set))


# --- directory paging faults ------------------------------------------------------------
#
# Standing conditions of what sits in front of 1C, applied to every paged read (a GET of a
# set, not `/$count`, not an object by key) until cleared — unlike the one-off faults
# above. Each was met by the red team of issue 14 against `directory refresh`:
#
# - `page_cap`: a proxy or gateway answers at most `rows` rows whatever `$top` asked
#   (500 of 1,000), and says nothing: no `odata.nextLink` (OData v3's server-driven paging,
#   which 1C's standard interface does not implement — its chapter 17.4 lists none);
# - `ignore_paging`: a gateway that does not pass `$filter` and `$skip` on: every page is
#   the first one again (1,763 requests in 60 s against a client that trusted it);
# - `repeat_page`: a caching proxy keyed on the path: the first page it served for the set
#   is served again for every later page — the same last row again;
# - `answer`: the page is replaced by `body` with `status` (hostile or broken answers:
#   rows without `Ref_Key`, rows that are strings, a body cut in the middle of its JSON).

PageFaultKind = Literal["page_cap", "ignore_paging", "repeat_page", "answer"]
PAGE_KINDS: tuple[PageFaultKind, ...] = ("page_cap", "ignore_paging", "repeat_page", "answer")


@dataclass(frozen=True, slots=True)
class PageFault:
    kind: PageFaultKind
    rows: int = 500
    """The cap of a `page_cap`."""
    entity_set: str | None = None
    """None: every set."""
    body: bytes = b""
    status: int = 200
    """Of an `answer`."""
    skip: int = 0
    """Paged reads of the set to leave alone before the fault starts (e.g. the first page)."""
    times: int | None = None
    """Paged reads it affects once started; None: until cleared."""

    def __post_init__(self) -> None:
        if self.kind not in PAGE_KINDS:
            raise ValueError(f"unknown page fault kind {self.kind!r}; one of {PAGE_KINDS}")
        if self.rows < 1 or self.skip < 0 or (self.times is not None and self.times < 1):
            raise ValueError("a cap is at least one row, skip is not negative, times positive")


def is_paged_read(method: str, path: str) -> bool:
    """A GET of a set's rows: not `/$count`, not one object by key, not `$metadata`."""
    last = path.rstrip("/").rsplit("/", 1)[-1]
    return method == "GET" and "(" not in last and not last.startswith("$")


class PageFaults(Faults[PageFault]):
    """The page faults standing, and what a `repeat_page` repeats."""

    def __init__(self) -> None:
        super().__init__()
        self._reads: dict[tuple[int, str | None], int] = {}
        self._served: dict[tuple[int, str | None], bytes] = {}

    def clear(self) -> None:
        super().clear()
        with self._lock:
            self._reads.clear()
            self._served.clear()

    def take(self, method: str, path: str, entity_set: str | None) -> PageFault | None:
        """The first fault standing for this request, if it is a paged read of its set."""
        if entity_set is None or not is_paged_read(method, path):
            return None
        with self._lock:
            for index, fault in enumerate(self._faults):
                if fault.entity_set not in (None, entity_set):
                    continue
                slot = (index, entity_set)
                self._reads[slot] = done = self._reads.get(slot, 0) + 1
                if done > fault.skip and (fault.times is None or done <= fault.skip + fault.times):
                    return fault
            return None

    def query(self, fault: PageFault, query: str) -> str:
        """The query string as it reaches 1C behind the proxy."""
        parts = [part for part in query.split("&") if part]
        if fault.kind == "ignore_paging":
            return "&".join(p for p in parts if _option(p) not in ("$filter", "$skip"))
        if fault.kind != "page_cap":
            return query
        kept = [p for p in parts if _option(p) != "$top"]
        asked = [int(v) for p in parts if _option(p) == "$top" for v in [_value(p)] if v.isdigit()]
        top = min([*asked, fault.rows])
        return "&".join([*kept, f"%24top={top}"])

    def repeated(self, fault: PageFault, entity_set: str | None, body: bytes) -> bytes:
        """For a `repeat_page`: the body first served for the set, every time after."""
        with self._lock:
            index = next((i for i, f in enumerate(self._faults) if f is fault), -1)
            return self._served.setdefault((index, entity_set), body)


def _option(part: str) -> str:
    return unquote(part.partition("=")[0])


def _value(part: str) -> str:
    return unquote(part.partition("=")[2])
