"""Paging through a large 1C set in a way a live base accepts: keyset over a short string.

**Not by key.** A live УТ/УНФ answers `Ref_Key gt guid'…'` (any gt/ge/lt/le on a reference)
with HTTP 500, code -1, «Нельзя сравнивать поля неограниченной длины и поля несовместимых
типов», and sorts `$orderby=Ref_Key` by the object's presentation, not by the GUID (GUIDE §5;
public OData CDC and ETL tools met both on live bases and dropped keyset paging by key).
Paging by key therefore failed on page 2 of every real base.

**Why not `$skip`.** `$skip` over a stable order is accepted, but a row inserted before the
position shifts every later page by one (a row read twice), a row deleted before it shifts
them back (a row never read), and 1C counts the skipped rows again on every page, so page
200 of a 200,000-row catalogue costs 200 times page 1.

**The method: keyset over a limited-length string property `F` with its own index** — a
catalog's `Code` or `Description` (1C indexes both; a limited string compares fine, only
unlimited ones and references are refused). Page 1 is `$orderby=F&$top=N`; each next page
is `$filter=F ge '<F of the last row>'`. `ge`, not `gt`, because `F` need not be unique (two
branches of one company share a `Description`): the rows equal to the cursor come again
and are dropped by key against the previous page, so a group of equals split by a page end
is read whole. When one value fills a page (N equal names, or a short page of one value),
all rows of that value are read at once (`F eq '…'`, no `$top`) and paging goes on with
`gt`. This is correct whatever 1C's collation (case, trailing spaces): every row ordered
before the last row of a page is in that page or an earlier one, so going on from `ge
last`, or from `gt last` after reading all of `eq last`, skips nothing. Pages never overlap
by more than the rows equal to the cursor, and memory holds one page and its keys.

**Short pages are no end.** A proxy or gateway in front of 1C may answer fewer rows than
`$top` asked (500 of 1,000) without saying so: 1C's standard interface has no server-driven
paging (`odata.nextLink`) to announce it (chapter 17.4 of the documentation lists none), and
a proxy may cap by bytes as well as by rows, so one full page proves nothing about the next.
The pager goes on from the last row received, short page or not, and the end is the page
that brings nothing new — the rows equal to the cursor again, or nothing: one request more
per pass than trusting a short page would cost. A run of equal names read with `eq` is counted
(`/$count` with the same filter) when a `count` is given: a server that cut it short is said
so, not skipped past.

**No progress is an error, not a loop.** A server that ignores `$filter` (or a cache that
serves the same page for every cursor) answers the next page with the page before: the pager
stops with `OneCPagingError` when a page is the previous one again, when a cursor comes back
(the same last row again), or when a page after `gt` holds only rows already read: every
page it goes on from brought a row not read before.

**What no paging sees.** While pages are read, 1C goes on: a row inserted (or renamed) to
sort before the cursor is not read, a row deleted after it was read was read anyway. Rows
inserted or deleted ahead of the cursor need nothing. The caller reconciles: the directory
refresh (directory_service) counts with `/$count` and checks its copy against a key-only
pass before it removes anything.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from desktop_app.adapters.onec.odata_answers import row_key
from desktop_app.adapters.onec.odata_errors import OneCError
from desktop_app.adapters.onec.odata_filter import Expr, Field, both
from desktop_app.adapters.onec.odata_query import Query
from desktop_app.wording.said import Said

JsonObject = dict[str, Any]
Read = Callable[[Query], list[JsonObject]]
Count = Callable[[Query], int]


class OneCPagingError(OneCError):
    """The server's pages do not advance (or were cut short) — reading stopped."""


def keyset_pages(
    read: Read, query: Query, order_field: str, size: int, count: Count | None = None
) -> Iterator[list[JsonObject]]:
    """The rows of `query`, about `size` a page, in the order of `order_field`, each once
    (as long as 1C does not change meanwhile); `read` answers one query (one request),
    `count` counts one (`/$count`)."""
    if size < 1:
        raise ValueError("a page holds at least one row")
    fields = query.fields
    if fields:
        fields = (*fields, *(f for f in ("Ref_Key", order_field) if f not in fields))
    ordered = query.select(*fields).orderby(order_field)
    field = Field(order_field)
    what = f"чтение {query.entity_set}"
    bound: Expr | None = None
    after_group = False
    previous: list[str] = []
    cursors: set[str] = set()
    while True:
        page = read(ordered.filter(both(query.condition, bound)).top(size))
        keys = [row_key(row, what) for row in page]
        known = set(previous)
        fresh = [row for row, key in zip(page, keys, strict=True) if key not in known]
        if not fresh:
            if page and (after_group or keys == previous):
                raise _no_progress(what)
            return  # only the rows equal to the cursor came again (or nothing): the end
        yield fresh
        first, last = _value(page[0], order_field, what), _value(page[-1], order_field, what)
        if _loose(first) != _loose(last):
            if last in cursors:
                raise _no_progress(what)
            cursors.add(last)
            bound, previous, after_group = field.ge(last), keys, False
            continue
        # One value fills the page (full or short): read all of it at once, then go past it.
        seen = known | set(keys)
        group = both(query.condition, field.eq(last))
        equal = read(ordered.filter(group))
        rest = [row for row in equal if row_key(row, what) not in seen]
        if rest:
            yield rest
        if count is not None and len(equal) < count(query.filter(group)):
            said = Said("onec.page_overfull", {"what": what, "value": last, "count": len(equal)})
            raise OneCPagingError(said)
        seen.update(row_key(row, what) for row in rest)
        bound, previous, after_group = field.gt(last), list(seen), True


def _no_progress(what: str) -> OneCPagingError:
    return OneCPagingError(Said("onec.page_again", {"what": what}))


def _value(row: JsonObject, name: str, what: str) -> str:
    value = row.get(name)
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise OneCError(Said("onec.cursor_not_text", {"what": what, "name": name}))
    return value


def _loose(text: str) -> str:
    """How 1C's collation compares, near enough to tell a page of one value (only an
    optimisation: see the module docstring for why a wrong guess loses nothing)."""
    return text.rstrip(" ").casefold()
