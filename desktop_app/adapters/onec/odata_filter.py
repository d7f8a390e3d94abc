"""`$filter` expressions for 1C's OData, built from values — never by string formatting.

A company name like `ООО "Рога & Копыта" O'Neil` must reach 1C as one string literal: the
quote doubled (`''`), nothing else touched here (percent-encoding is the URL's job, in
`odata_query`). 1C understands the comparison operators, and/or/not, `substringof`,
`startswith` and `like`, and guid/datetime/string literals; it does not know `tolower`,
`length`, `indexof` or `trim` (GUIDE §5), so this module offers none of them.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from decimal import Decimal

Value = str | int | Decimal | bool | dt.datetime | dt.date | uuid.UUID | None


@dataclass(frozen=True, slots=True)
class Guid:
    """A reference key as a `guid'…'` literal (plain strings become string literals)."""

    value: str

    def __post_init__(self) -> None:
        uuid.UUID(self.value)  # refuse anything that is not a GUID before it reaches a URL


def literal(value: Value | Guid) -> str:
    """The OData literal of a Python value."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Guid):
        return f"guid'{uuid.UUID(value.value)}'"
    if isinstance(value, uuid.UUID):
        return f"guid'{value}'"
    if isinstance(value, dt.datetime):
        return f"datetime'{value.replace(tzinfo=None, microsecond=0).isoformat()}'"
    if isinstance(value, dt.date):
        return f"datetime'{value.isoformat()}T00:00:00'"
    if isinstance(value, int | Decimal):
        return str(value)
    return "'" + value.replace("'", "''") + "'"


@dataclass(frozen=True, slots=True)
class Expr:
    """A boolean `$filter` expression; combine with `&`, `|` and `~`."""

    text: str

    def __and__(self, other: Expr) -> Expr:
        return Expr(f"({self.text}) and ({other.text})")

    def __or__(self, other: Expr) -> Expr:
        return Expr(f"({self.text}) or ({other.text})")

    def __invert__(self) -> Expr:
        return Expr(f"not ({self.text})")


@dataclass(frozen=True, slots=True)
class Field:
    """A property of the entity set, by its 1C name (`ИНН`, `Партнер_Key`, `DeletionMark`)."""

    name: str

    def _compare(self, operator: str, value: Value | Guid) -> Expr:
        return Expr(f"{self.name} {operator} {literal(value)}")

    def eq(self, value: Value | Guid) -> Expr:
        return self._compare("eq", value)

    def ne(self, value: Value | Guid) -> Expr:
        return self._compare("ne", value)

    def gt(self, value: Value | Guid) -> Expr:
        return self._compare("gt", value)

    def ge(self, value: Value | Guid) -> Expr:
        return self._compare("ge", value)

    def lt(self, value: Value | Guid) -> Expr:
        return self._compare("lt", value)

    def le(self, value: Value | Guid) -> Expr:
        return self._compare("le", value)

    def contains(self, text: str) -> Expr:
        """`substringof('text', Field)` — the OData v3 spelling 1C speaks."""
        return Expr(f"substringof({literal(text)}, {self.name})")

    def startswith(self, text: str) -> Expr:
        return Expr(f"startswith({self.name}, {literal(text)})")

    def like(self, pattern: str) -> Expr:
        """1C's `like(Field, 'pattern')` with `%` and `_` wildcards (written as passed).

        1C takes it as a function, as its documentation (17.4) writes it; an infix
        `Field like '…'` is a parse error there.
        """
        return Expr(f"like({self.name}, {literal(pattern)})")


def any_of(exprs: list[Expr]) -> Expr:
    """`a or b or c` without nesting parentheses deeper than needed."""
    if not exprs:
        raise ValueError("an empty `or` list matches nothing; do not send it")
    return Expr(" or ".join(f"({e.text})" for e in exprs)) if len(exprs) > 1 else exprs[0]


def all_of(exprs: list[Expr]) -> Expr:
    if not exprs:
        raise ValueError("an empty `and` list")
    return Expr(" and ".join(f"({e.text})" for e in exprs)) if len(exprs) > 1 else exprs[0]


def both(first: Expr | None, second: Expr | None) -> Expr | None:
    """`first and second`, where either may be absent."""
    if first is None:
        return second
    return first if second is None else first & second
