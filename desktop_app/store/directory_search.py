"""The queries that look the cached 1C directory up: by ИНН/КПП, by partner, by name.

A look-up by ИНН (with or without КПП) is one probe of the (inn, kpp) index, fast on a
directory of hundreds of thousands of counterparties. A look-up by name compares *normalized*
names (`domain.company_names.normalize_name`: no quotes, no legal form, no case, ё = е), both
the short one (Наименование) and the full one (НаименованиеПолное), in two steps:

1. **equal** normalized names: an index probe on each name column (an equal Наименование
   ranks before an equal НаименованиеПолное only);
2. only when that gave fewer rows than asked for, **containment**: every word of the query
   occurs in one of the names (`LIKE '%word%'`, portable to any SQL database), ranked
   prefix of the name < the query at a word start < the query anywhere < the words in
   another order, shorter names (closer to the query) first. Without an ИНН beside it this
   step reads the whole table (a LIKE with a leading `%` cannot use an index): 0.1–0.2 s on
   200,000 rows on a modest two-core machine, against well under a millisecond for step 1.

In each step active elements come before those marked for deletion, and heads before their
branches (обособленные подразделения). Fuzzy similarity (typos, word forms) is the
matcher's job, not the store's: `name_neighbours_select` only hands it a bounded set of
names to score — those that sort next to each of its keys in a name index (the names that
share the key's beginning, nearest first, on both sides), a few index range scans however
big the directory.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields
from typing import Any

from sqlalchemy import (
    ColumnElement,
    CompoundSelect,
    Select,
    Table,
    and_,
    case,
    false,
    func,
    literal,
    not_,
    or_,
    select,
    union_all,
)

from desktop_app.domain.company_names import normalize_name
from desktop_app.domain.onec_directory import DirectoryCounterparty, DirectoryPartner
from desktop_app.store.models import ONEC_COUNTERPARTIES, ONEC_PARTNERS

COUNTERPARTY_COLUMNS = tuple(field.name for field in fields(DirectoryCounterparty))
PARTNER_COLUMNS = tuple(field.name for field in fields(DirectoryPartner))

EQUAL, EQUAL_FULL, PREFIX, WORD_START, INSIDE, WORDS = range(6)
"""Ranks of a name match, best first."""


@dataclass(frozen=True, slots=True)
class NameQuery:
    """A name look-up: the normalized query and its words."""

    normalized: str
    words: tuple[str, ...]

    @classmethod
    def of(cls, name: str | None) -> NameQuery | None:
        """None when the name has no words left once normalized (e.g. only "ООО")."""
        normalized = normalize_name(name)
        return cls(normalized, tuple(normalized.split())) if normalized else None


def name_columns(table: Table) -> list[ColumnElement[str]]:
    """The normalized name columns of a directory table."""
    names: list[ColumnElement[str]] = [table.c.name_normalized]
    if "full_name_normalized" in table.c:
        names.append(table.c.full_name_normalized)
    return names


def counterparty_filters(
    *,
    inn: str | None,
    kpp: str | None,
    partner_key: str | None,
    include_deleted: bool,
) -> list[ColumnElement[bool]]:
    """WHERE terms other than the name."""
    table = ONEC_COUNTERPARTIES
    terms: list[ColumnElement[bool]] = []
    if inn:
        terms.append(table.c.inn == inn)
    if kpp:
        terms.append(table.c.kpp == kpp)
    if partner_key:
        terms.append(table.c.partner_key == partner_key)
    if not include_deleted:
        terms.append(table.c.deletion_mark == false())
    return terms


def equal_names(table: Table, query: NameQuery) -> ColumnElement[bool]:
    return or_(*(column == query.normalized for column in name_columns(table)))


def containing_names(table: Table, query: NameQuery) -> ColumnElement[bool]:
    """Every word of the query in one and the same name column."""
    return or_(
        *(
            and_(*(column.contains(word, autoescape=True) for word in query.words))
            for column in name_columns(table)
        )
    )


def name_terms(table: Table, query: NameQuery, *, equal: bool) -> list[ColumnElement[bool]]:
    """WHERE terms of the equal step, or of the containment step (which skips the equal)."""
    if equal:
        return [equal_names(table, query)]
    return [containing_names(table, query), not_(equal_names(table, query))]


def name_rank(table: Table, query: NameQuery, *, equal: bool) -> ColumnElement[int]:
    """How well a found name matches: lower is better (`EQUAL` … `WORDS`)."""
    columns = name_columns(table)
    text = query.normalized
    if equal:  # the short name (Наименование) equal is better than only the full one
        return case((columns[0] == text, literal(EQUAL)), else_=literal(EQUAL_FULL))
    return case(
        (or_(*(c.startswith(text, autoescape=True) for c in columns)), literal(PREFIX)),
        (or_(*(c.contains(" " + text, autoescape=True) for c in columns)), literal(WORD_START)),
        (or_(*(c.contains(text, autoescape=True) for c in columns)), literal(INSIDE)),
        else_=literal(WORDS),
    )


def counterparty_select(
    terms: Sequence[ColumnElement[bool]],
    query: NameQuery | None,
    *,
    equal: bool,
    limit: int,
) -> Select[Any]:
    """The counterparties matching `terms` and, with a name, its equal or containing step."""
    table = ONEC_COUNTERPARTIES
    where = [*terms]
    order: list[ColumnElement[Any]] = [table.c.deletion_mark]
    if query is not None:
        where += name_terms(table, query, equal=equal)
        order.append(name_rank(table, query, equal=equal))
    order.append(table.c.is_branch)
    if query is not None and not equal:
        order.append(func.length(table.c.name_normalized))
    order += [table.c.kpp, table.c.description, table.c.ref_key]
    columns = [table.c[name] for name in COUNTERPARTY_COLUMNS]
    return select(*columns).where(*where).order_by(*order).limit(limit)


def partner_select(
    query: NameQuery, *, include_deleted: bool, equal: bool, limit: int
) -> Select[Any]:
    """The partners whose normalized name equals or contains the query."""
    table = ONEC_PARTNERS
    where = name_terms(table, query, equal=equal)
    if not include_deleted:
        where.append(table.c.deletion_mark == false())
    order: list[ColumnElement[Any]] = [table.c.deletion_mark, name_rank(table, query, equal=equal)]
    if not equal:
        order.append(func.length(table.c.name_normalized))
    order += [table.c.description, table.c.ref_key]
    columns = [table.c[name] for name in PARTNER_COLUMNS]
    return select(*columns).where(*where).order_by(*order).limit(limit)


NEIGHBOUR_PREFIX = 3
"""A neighbour shares at least this many first characters with its key."""
_AFTER_ALL = "\U0010ffff"
"""Sorts after every character (SQLite compares text as UTF-8 bytes)."""


def name_neighbours_select(keys: Sequence[str], *, per_key: int) -> CompoundSelect[str, str, str]:
    """(ref_key, name_normalized, full_name_normalized) of the counterparties whose normalized
    short or full name sorts next to a key: up to `per_key` at or after it and `per_key`
    before it in each name index, sharing the key's first `NEIGHBOUR_PREFIX` characters.

    One statement of index range scans; a row may come more than once.
    """
    table = ONEC_COUNTERPARTIES
    columns = (table.c.ref_key, table.c.name_normalized, table.c.full_name_normalized)
    parts: list[Select[Any]] = []
    for key in keys:
        floor = key[:NEIGHBOUR_PREFIX]
        for column in name_columns(table):
            after = select(*columns).where(column >= key, column < floor + _AFTER_ALL)
            before = select(*columns).where(column < key, column >= floor)
            parts.append(after.order_by(column).limit(per_key))
            parts.append(before.order_by(column.desc()).limit(per_key))
    return union_all(*(select(*part.subquery().c) for part in parts))
