"""A `$filter` tree → a predicate over stored entities, with 1C's comparison rules.

1C translates `$filter` into its query language, so strings compare as its collation
does — without regard to case or trailing spaces (1C's string comparison on the DBMSs it
supports; no OData probe we know of checked it) — and so do `substringof`, `startswith`
and `like` (`ПОДОБНО`, like.py). A reference can be tested for equality (`eq`, `ne`) only:
`gt ge lt le` on a reference is 1C's 500/-1 «Нельзя сравнивать поля неограниченной длины и
поля несовместимых типов» (errors.INCOMPARABLE has the sources), with a guid literal or any
other operand. A live base is said to answer a string literal (`Ref_Key gt '…'`) with 200
and a comparison of something else; we refuse that too, so that no client comes to rely
on it.

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
from typing import Any

from desktop_app.emulators.onec import errors, like, refs
from desktop_app.emulators.onec.filter_parser import FILTER, Binary, Call, Literal, Node, Path
from desktop_app.emulators.onec.schema import BOOLEAN, DATETIME, DOUBLE, GUID, INT64, Prop
from desktop_app.emulators.onec.values import EMPTY_DATE

Row = dict[str, Any]
Getter = Callable[[Row], Any]

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

NOT_A_STRING = "\x00"
"""What a composite value that is no string compares as: equal to no literal."""


def compile_filter(node: Node, props: dict[str, Prop]) -> Callable[[Row], bool]:
    """The test of one object against the filter; `props` are the set's properties."""
    getter, kind = _compile(node, props)
    if kind != "bool":
        raise errors.option_error(FILTER)
    return lambda row: getter(row) is True


def _compile(node: Node, props: dict[str, Prop]) -> tuple[Getter, str]:
    if isinstance(node, Literal):
        value = node.value
        kind = "number" if node.kind in ("int", "double") else node.kind
        return (lambda row: value), kind
    if isinstance(node, Path):
        name = node.segments[0]
        if name not in props:
            raise errors.unknown_segment(name)
        return _prop_getter(name, props[name])
    if isinstance(node, Binary):
        return _binary(node, props)
    if isinstance(node, Call):
        return _call(node, props)
    inner, kind = _compile(node.operand, props)  # `not`
    if kind != "bool":
        raise errors.option_error(FILTER)
    return (lambda row: not inner(row)), "bool"


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


def _binary(node: Binary, props: dict[str, Prop]) -> tuple[Getter, str]:
    left, left_kind = _compile(node.left, props)
    right, right_kind = _compile(node.right, props)
    if node.op in ("and", "or"):
        if left_kind != "bool" or right_kind != "bool":
            raise errors.option_error(FILTER)
        if node.op == "and":
            return (lambda row: left(row) is True and right(row) is True), "bool"
        return (lambda row: left(row) is True or right(row) is True), "bool"
    if node.op in _ORDERING and "guid" in (left_kind, right_kind):
        raise errors.incomparable()
    key = _comparison_key(left_kind, right_kind, node)
    test = _COMPARE[node.op]
    if isinstance(node.right, Literal):
        constant = key(node.right.value)
        return (lambda row: test(key(left(row)), constant)), "bool"
    return (lambda row: test(key(left(row)), key(right(row)))), "bool"


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


def _call(node: Call, props: dict[str, Prop]) -> tuple[Getter, str]:
    compiled = [_compile(arg, props) for arg in node.args]
    if any(kind not in ("string", "datetime") for _, kind in compiled):
        raise errors.option_error(FILTER)
    (a, _), (b, _) = compiled
    if node.name == "like":
        return like.like(a, b, node.args[1]), "bool"
    if node.name == "substringof":
        return (lambda row: _text_key(a(row)) in _text_key(b(row))), "bool"
    return (lambda row: _text_key(a(row)).startswith(_text_key(b(row)))), "bool"
