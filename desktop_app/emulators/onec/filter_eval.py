"""A `$filter` tree → a predicate over stored entities, with 1C's comparison rules.

1C translates `$filter` into its query language, so strings compare as its collation
does — without regard to case or trailing spaces (1C's string comparison on the DBMSs it
supports; no OData probe we know of checked it) — and so do `substringof`, `startswith`,
`endswith` and `like` (`ПОДОБНО`: `%` any text, `_` one character, `[…]`/`[^…]` a set;
no escape character exists in OData's form). `substring` counts from 1 as the
documentation's example `substring(ИНН, 1, 2) eq '77'` does. A reference can be tested
for equality (`eq`, `ne`) only: `gt ge lt le` on a reference is 1C's 500/-1 «Нельзя сравнивать
поля неограниченной длины и поля несовместимых типов» (errors.INCOMPARABLE has the sources),
with a guid literal or any other operand. A live base is said to answer a string literal
(`Ref_Key gt '…'`) with 200 and a comparison of something else; we refuse that too, so that
no client comes to rely on it.

Type mismatches are refused as 1C does: a string field against a bare number is 400/1 with
the number echoed (probe P7 of odata1c-gate saw the echo), a reference against text that is
no GUID is 400/1, anything else that cannot be compared is 400/14.

Conjuncts at the top of the filter that bound the field a page is ordered by, and
`Ref_Key eq guid'…'` look-ups, are taken out before this by keyset.py, which turns them into
bisections of the table's ordered views.
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from desktop_app.emulators.onec import errors, like, refs
from desktop_app.emulators.onec.filter_parser import (
    FILTER,
    Binary,
    Call,
    Lambda,
    Literal,
    Node,
    Path,
    Unary,
)
from desktop_app.emulators.onec.schema import BOOLEAN, DATETIME, DOUBLE, GUID, INT64, Prop
from desktop_app.emulators.onec.values import EMPTY_DATE

Row = dict[str, Any]
Getter = Callable[[Row], Any]
Lookup = Callable[[str, str], Row | None]
"""(entity set, Ref_Key) → the entity, for a navigation path such as `Партнер/Description`."""

_KINDS = {GUID: "guid", BOOLEAN: "bool", INT64: "number", DOUBLE: "number", DATETIME: "datetime"}
_COMPARE: dict[str, Callable[[Any, Any], bool]] = {
    "eq": operator.eq,
    "ne": operator.ne,
    "gt": operator.gt,
    "ge": operator.ge,
    "lt": operator.lt,
    "le": operator.le,
}
_ORDERING = frozenset(("gt", "ge", "lt", "le"))
_ARITHMETIC: dict[str, Callable[[Any, Any], Any]] = {
    "add": operator.add,
    "sub": operator.sub,
    "mul": operator.mul,
    "div": operator.truediv,
    "mod": operator.mod,
}


@dataclass(frozen=True, slots=True)
class Scope:
    """What names mean where an expression is compiled."""

    props: dict[str, Prop]
    sections: dict[str, dict[str, Prop]]
    lookup: Lookup
    sets: dict[str, dict[str, Prop]]
    """Props of every set a navigation path may reach."""
    variable: str = ""
    variable_props: dict[str, Prop] = field(default_factory=dict)


@dataclass(slots=True)
class Needs:
    """What the rows must carry for the predicate: tabular sections read by a lambda."""

    sections: set[str] = field(default_factory=set)


def compile_filter(node: Node, scope: Scope, needs: Needs) -> Callable[[Row], bool]:
    getter, kind = _compile(node, scope, needs)
    if kind != "bool":
        raise errors.option_error(FILTER)
    return lambda row: getter(row) is True


def _compile(node: Node, scope: Scope, needs: Needs) -> tuple[Getter, str]:
    if isinstance(node, Literal):
        value = node.value
        kind = "number" if node.kind in ("int", "double") else node.kind
        return (lambda row: value), kind
    if isinstance(node, Path):
        return _path(node.segments, scope)
    if isinstance(node, Unary):
        inner, kind = _compile(node.operand, scope, needs)
        if kind != "bool":
            raise errors.option_error(FILTER)
        return (lambda row: not inner(row)), "bool"
    if isinstance(node, Binary):
        return _binary(node, scope, needs)
    if isinstance(node, Call):
        return _call(node, scope, needs)
    return _lambda(node, scope, needs)


NOT_A_STRING = "\x00"
"""What a composite value that is no string compares as: equal to no literal."""


def _prop_getter(name: str, prop: Prop) -> tuple[Getter, str]:
    kind = _KINDS.get(prop.edm, "string")
    if prop.composite:
        # A composite attribute compared with a string literal matches only string values
        # (1C's query language compares a composite with a string so: ОбменССайтомПереопре-
        # деляемый.ПолучитьРанееЗагруженныеДокументы filters `Значение В (&МассивНомеров)` by
        # strings). With a guid literal it never matches: 17.4 says such a comparison always
        # gives an empty result and wants cast(guid'…', 'Catalog_…') instead.
        type_name = f"{name}_Type"

        def composite(row: Row) -> Any:
            if row.get(type_name) != "Edm.String":
                return NOT_A_STRING
            return row.get(name)

        return composite, kind
    if prop.edm == INT64:
        return (lambda row: int(row.get(name) or 0)), kind
    return (lambda row: row.get(name)), kind


def _path(segments: tuple[str, ...], scope: Scope) -> tuple[Getter, str]:
    first = segments[0]
    if scope.variable and first == scope.variable:
        if len(segments) != 2 or segments[1] not in scope.variable_props:
            raise errors.unknown_segment(segments[-1])
        return _prop_getter(segments[1], scope.variable_props[segments[1]])
    if len(segments) == 1:
        if first in scope.props:
            return _prop_getter(first, scope.props[first])
        raise errors.unknown_segment(first)
    key = scope.props.get(first + "_Key")
    if key is None or key.target is None or len(segments) != 2:
        raise errors.unknown_segment(first)
    target_props = scope.sets.get(key.target, {})
    if segments[1] not in target_props:
        raise errors.unknown_segment(segments[1])
    inner, kind = _prop_getter(segments[1], target_props[segments[1]])
    target, key_name, lookup = key.target, key.name, scope.lookup

    def navigate(row: Row) -> Any:
        other = lookup(target, str(row.get(key_name)))
        return None if other is None else inner(other)

    return navigate, kind


def _binary(node: Binary, scope: Scope, needs: Needs) -> tuple[Getter, str]:
    left, left_kind = _compile(node.left, scope, needs)
    right, right_kind = _compile(node.right, scope, needs)
    if node.op in ("and", "or"):
        if left_kind != "bool" or right_kind != "bool":
            raise errors.option_error(FILTER)
        if node.op == "and":
            return (lambda row: left(row) is True and right(row) is True), "bool"
        return (lambda row: left(row) is True or right(row) is True), "bool"
    if node.op in _ARITHMETIC:
        if left_kind != "number" or right_kind != "number":
            raise errors.option_error(FILTER)
        compute = _ARITHMETIC[node.op]
        return (lambda row: _arithmetic(compute, left(row), right(row))), "number"
    if node.op in _ORDERING and "guid" in (left_kind, right_kind):
        raise errors.incomparable()
    key = _comparison_key(left_kind, right_kind, node)
    test = _COMPARE[node.op]
    if isinstance(node.right, Literal):
        constant = key(node.right.value)
        return (lambda row: test(key(left(row)), constant)), "bool"
    return (lambda row: test(key(left(row)), key(right(row)))), "bool"


def _arithmetic(compute: Callable[[Any, Any], Any], a: Any, b: Any) -> Any:
    try:
        return compute(a or 0, b or 0)
    except ZeroDivisionError:
        raise errors.internal() from None


def _comparison_key(left: str, right: str, node: Binary) -> Callable[[Any], Any]:
    kinds = {left, right}
    if "null" in kinds:
        return _empty_key
    if kinds == {"string"} or kinds == {"datetime", "string"} or kinds == {"datetime"}:
        return _text_key
    if kinds == {"guid"}:
        return _guid_key
    if kinds == {"guid", "string"}:
        literal = node.right if right == "string" else node.left
        if isinstance(literal, Literal) and not refs.is_guid(str(literal.value)):
            raise errors.unparsable(str(literal.value), "Edm.Guid")
        return _guid_key
    if kinds == {"number"} or kinds == {"bool"}:
        return _plain_key
    if kinds == {"string", "number"}:
        literal = node.right if right == "number" else node.left
        shown = literal.value if isinstance(literal, Literal) else "?"
        raise errors.unparsable(str(shown), "Edm.String")
    raise errors.option_error(FILTER)


def _empty_key(value: Any) -> bool:
    return value in (None, "", refs.EMPTY_REF, EMPTY_DATE, 0, False)


def _text_key(value: Any) -> str:
    return "" if value is None else str(value).rstrip(" ").casefold()


def _guid_key(value: Any) -> int:
    text = "" if value is None else str(value)
    return refs.order_key(text) if refs.is_guid(text) else -1


def _plain_key(value: Any) -> Any:
    return value


def _call(node: Call, scope: Scope, needs: Needs) -> tuple[Getter, str]:
    compiled = [_compile(arg, scope, needs) for arg in node.args]
    getters = [g for g, _ in compiled]
    kinds = [k for _, k in compiled]
    name = node.name
    if name in ("year", "month", "day", "hour", "minute", "second"):
        if kinds[0] != "datetime":
            raise errors.option_error(FILTER)
        start, end = {"year": (0, 4), "month": (5, 7), "day": (8, 10)}.get(
            name, {"hour": (11, 13), "minute": (14, 16), "second": (17, 19)}.get(name, (0, 0))
        )
        date = getters[0]
        return (lambda row: int(str(date(row) or EMPTY_DATE)[start:end])), "number"
    if name == "substring":
        if kinds[0] != "string" or any(k != "number" for k in kinds[1:]):
            raise errors.option_error(FILTER)
        return like.substring(getters), "string"
    if any(k not in ("string", "datetime") for k in kinds):
        raise errors.option_error(FILTER)
    a, b = getters
    if name == "concat":
        return (lambda row: f"{a(row) or ''}{b(row) or ''}"), "string"
    if name == "like":
        return like.like(a, b, node.args[1]), "bool"
    tests: dict[str, Callable[[str, str], bool]] = {
        "substringof": lambda x, y: x in y,
        "startswith": str.startswith,
        "endswith": str.endswith,
    }
    test = tests[name]
    return (lambda row: test(_text_key(a(row)), _text_key(b(row)))), "bool"


def _lambda(node: Lambda, scope: Scope, needs: Needs) -> tuple[Getter, str]:
    if scope.variable or node.section not in scope.sections:
        raise errors.unknown_segment(node.section)
    needs.sections.add(node.section)
    section = node.section
    if node.body is None:
        return (lambda row: bool(row.get(section))), "bool"
    inner_scope = Scope(
        props={},
        sections={},
        lookup=scope.lookup,
        sets=scope.sets,
        variable=node.variable,
        variable_props=scope.sections[section],
    )
    body, kind = _compile(node.body, inner_scope, needs)
    if kind != "bool":
        raise errors.option_error(FILTER)
    if node.quantifier == "any":
        return (lambda row: any(body(r) is True for r in row.get(section) or ())), "bool"
    return (lambda row: all(body(r) is True for r in row.get(section) or ())), "bool"
