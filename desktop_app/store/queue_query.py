"""The SQL of the queue: which orders a filter keeps, in which order, one page at a time.

A queue of 100,000 orders is filtered, sorted and paged here, in SQL (GUIDE §7), so a page
costs the same near the top as near the bottom:

- a page is chosen by its keys first (`SELECT id … ORDER BY … LIMIT n OFFSET m`): for the
  date order with or without a state, SQLite walks a covering index to skip `m` rows
  without reading them; only the `n` rows of the page are then read in full;
- the sort keys put NULLs where SQLite's own index order has them (first going up, last going
  down) and say so explicitly (`NULLS FIRST`/`NULLS LAST`), so the index serves the order and
  PostgreSQL sorts the same way; undated orders are therefore last in the default order;
- an order number sorts as a number (9 before 10), by its length first and then its text, so
  numbers with the same prefix («ЗК-9», «ЗК-10») do too; a total sorts by its kopecks;
- the search matches every word in the pre-folded `search_text` with an escaped LIKE; that is
  a scan of the table, so the GUI throttles it while the manager types.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import ColumnElement, Select, UnaryExpression, exists, func, or_, select

from desktop_app.store.models import ORDERS, REGISTRY_ANSWERS, REVISIONS
from desktop_app.store.review_state import OrderSource, ReviewState


class QueueSort(StrEnum):
    """What the queue can be sorted by (each with the order's id as the tie-breaker)."""

    DATE = "date"
    NUMBER = "number"
    BUYER = "buyer"
    INN = "inn"
    TOTAL = "total"
    STATE = "state"


_SORT_COLUMNS = {
    QueueSort.DATE: ORDERS.c.order_date,
    QueueSort.NUMBER: ORDERS.c.number,
    QueueSort.BUYER: ORDERS.c.buyer_name,
    QueueSort.INN: ORDERS.c.buyer_inn,
    QueueSort.TOTAL: ORDERS.c.total_kopecks,
    QueueSort.STATE: ORDERS.c.review_state,
}


def _registry_says(path: str) -> ColumnElement[object]:
    return func.json_extract(REGISTRY_ANSWERS.c.suggestions, path)


REGISTRY_PROBLEM = exists().where(
    REGISTRY_ANSWERS.c.inn == ORDERS.c.buyer_inn,
    REGISTRY_ANSWERS.c.kpp == "",
    or_(
        func.json_array_length(REGISTRY_ANSWERS.c.suggestions) == 0,
        func.coalesce(_registry_says("$[0].data.state.status"), "ACTIVE") != "ACTIVE",
        func.coalesce(_registry_says("$[0].data.invalid"), 0) == 1,
    ),
)
"""The buyer's kept registry answer (one primary-key look-up by the ИНН) says the company
is not found, not active (liquidated, liquidating, bankrupt, reorganizing) or its data
unreliable. The findings that compare the portal's card with the registry's (name, КПП,
address, kind) need the order itself: the column's mark shows them, row by row."""


@dataclass(frozen=True, slots=True)
class QueueFilter:
    """Which orders the queue shows: one review state (or all), and the search words;
    `from_onec`: only the orders known from 1C alone."""

    state: ReviewState | None = None
    search: str | None = None
    from_onec: bool = False
    registry_problems: bool = False
    """Only the orders whose buyer's kept registry answer is a problem (`REGISTRY_PROBLEM`)."""

    def terms(self) -> list[ColumnElement[bool]]:
        """WHERE terms: the state, and every word of the search somewhere in `search_text`.

        The words are case-folded in Python like the stored `search_text`, and matched with
        LIKE with escaping, so ``%`` or ``_`` in a company name are taken literally.
        """
        terms: list[ColumnElement[bool]] = []
        if self.state is not None:
            terms.append(ORDERS.c.review_state == ReviewState(self.state).value)
        if self.from_onec:
            terms.append(ORDERS.c.source == OrderSource.ONEC.value)
        if self.registry_problems:
            terms.append(REGISTRY_PROBLEM)
        for word in (self.search or "").casefold().split():
            terms.append(ORDERS.c.search_text.contains(word, autoescape=True))
        return terms


@dataclass(frozen=True, slots=True)
class QueueOrder:
    """The queue's order: newest first unless the manager sorted by a column."""

    key: QueueSort = QueueSort.DATE
    descending: bool = True

    def clauses(self) -> list[UnaryExpression[object]]:
        column = _SORT_COLUMNS[self.key]
        keys: list[ColumnElement[object]] = [column, ORDERS.c.id]
        if self.key is QueueSort.NUMBER:
            keys.insert(0, func.length(column))  # "9" < "10": shorter numbers first
        if self.descending:
            return [keys[0].desc().nulls_last(), *(key.desc() for key in keys[1:])]
        return [keys[0].asc().nulls_first(), *(key.asc() for key in keys[1:])]


REVISION_COUNT = (
    select(func.count())
    .where(REVISIONS.c.order_id == ORDERS.c.id)
    .scalar_subquery()
    .label("revisions")
)
ROW_COLUMNS = (
    ORDERS.c.portal_id,
    ORDERS.c.number,
    ORDERS.c.order_date,
    ORDERS.c.buyer_name,
    ORDERS.c.buyer_inn,
    ORDERS.c.buyer_kpp,
    ORDERS.c.buyer_kind,
    ORDERS.c.total,
    ORDERS.c.currency,
    ORDERS.c.review_state,
    ORDERS.c.changed_since_review,
    REVISION_COUNT,
    ORDERS.c.updated_at,
    ORDERS.c.source,
)


def page_select(
    where: QueueFilter, order: QueueOrder, limit: int, offset: int
) -> Select[tuple[object, ...]]:
    """The rows of one page: keys chosen first (cheap), then only those rows read."""
    keys = (
        select(ORDERS.c.id)
        .where(*where.terms())
        .order_by(*order.clauses())
        .limit(limit)
        .offset(offset)
    )
    return select(*ROW_COLUMNS).where(ORDERS.c.id.in_(keys)).order_by(*order.clauses())


def count_select(where: QueueFilter) -> Select[int]:
    return select(func.count()).select_from(ORDERS).where(*where.terms())
