"""Property values as 1C sends and accepts them, and how it compares them.

Values are kept in their JSON form: a reference or a date is its text, an `Edm.Int64` a
string of digits (a live 1C sends `"LineNumber": "1"` and `"Коэффициент": "1"`), a
`Edm.Double` a number, a boolean a boolean. The empty value of each type is what 1C shows
for an unfilled attribute: "", the empty reference, `0001-01-01T00:00:00`, false, 0.

What a write accepts is what probe P8 of odata1c-gate saw a live УТ 11 accept: a bad GUID,
boolean or date is refused with 400/1 and the value echoed; a non-number in an Int64 is
stored as 0 without a word; an array in a string field is a 500; strings are cut to the
attribute's length without a word; a reference to a missing object is stored as is. An
enumeration value that is not one of the enumeration's names is refused like a bad GUID
(400/1, naming the enumeration — our assumption; the probes wrote no bad enum value).

Comparisons follow 1C's query language, which `$filter` and `$orderby` are translated to:
strings compare without regard to case and to trailing spaces (1C's collation on every
DBMS it supports), references by `refs.order_key`.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any

from desktop_app.emulators.onec import errors, refs
from desktop_app.emulators.onec.schema import (
    BOOLEAN,
    DATETIME,
    DOUBLE,
    ENUMS,
    GUID,
    INT64,
    STRING,
    Prop,
)

EMPTY_DATE = "0001-01-01T00:00:00"
_DATETIME = re.compile(r"(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?Z?")
_INTEGER = re.compile(r"[+-]?\d+")

Json = Any
"""A JSON value as `json.loads` gives it."""


_EMPTY: dict[str, Json] = {
    GUID: refs.EMPTY_REF,
    BOOLEAN: False,
    INT64: "0",
    DOUBLE: 0,
    DATETIME: EMPTY_DATE,
}


def empty(prop: Prop) -> Json:
    """The value of an attribute nobody filled."""
    return _EMPTY.get(prop.edm, "")


def format_datetime(moment: dt.datetime | dt.date) -> str:
    if not isinstance(moment, dt.datetime):
        moment = dt.datetime.combine(moment, dt.time())
    return moment.replace(microsecond=0, tzinfo=None).isoformat()


def parse_datetime(text: str) -> str | None:
    """The canonical `YYYY-MM-DDTHH:MM:SS` of a date literal, or None when it is not one.

    The year must have four digits: a live 1C refuses `datetime'1-01-01T00:00:00'`.
    """
    match = _DATETIME.fullmatch(text)
    if match is None:
        return None
    year, month, day, hour, minute, second = (int(g or 0) for g in match.groups())
    try:
        return format_datetime(dt.datetime(year, month, day, hour, minute, second))
    except ValueError:
        return None


def coerce(prop: Prop, value: Json) -> Json:
    """A value from a POST/PATCH body as 1C would store it (see the module docstring)."""
    if value is None:
        return empty(prop)
    edm = prop.edm
    if isinstance(value, list | dict):
        raise errors.internal()
    if edm == GUID:
        if isinstance(value, str) and refs.is_guid(value):
            return value.lower()
        raise errors.unparsable(_text(value), GUID)
    if edm == BOOLEAN:
        if isinstance(value, bool):
            return value
        raise errors.unparsable(_text(value), BOOLEAN)
    if edm == INT64:
        text = _text(value).strip()
        if isinstance(value, float) and value.is_integer():
            text = str(int(value))
        return str(int(text)) if _INTEGER.fullmatch(text) else "0"
    if edm == DOUBLE:
        return _double(value)
    if edm == DATETIME:
        parsed = parse_datetime(value) if isinstance(value, str) else None
        if parsed is None:
            raise errors.unparsable(_text(value), DATETIME)
        return parsed
    text = _text(value)
    if prop.enum is not None and text and text not in ENUMS[prop.enum]:
        raise errors.unparsable(text, prop.enum)
    return text[: prop.length] if prop.length else text


def _double(value: Json) -> float | int:
    if isinstance(value, bool):
        raise errors.unparsable(_text(value), DOUBLE)
    if isinstance(value, int | float):
        return value
    try:
        number = float(str(value).strip().replace(",", "."))
    except ValueError:
        raise errors.unparsable(_text(value), DOUBLE) from None
    return int(number) if number.is_integer() else number


def number(value: Decimal | float | int) -> float | int:
    """A Double as 1C writes it: `80`, not `80.0`; `106.37` as is."""
    as_float = float(value)
    return int(as_float) if as_float.is_integer() else as_float


def _text(value: Json) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def sort_key(prop: Prop, value: Json) -> Any:
    """The key 1C orders and compares a stored value of `prop` by."""
    if prop.edm == GUID:
        return refs.order_key(value) if isinstance(value, str) and refs.is_guid(value) else -1
    if prop.edm == STRING:
        return str(value).rstrip(" ").casefold()
    if prop.edm == INT64:
        return int(value) if _INTEGER.fullmatch(str(value)) else 0
    if prop.edm == DOUBLE:
        return float(value)
    if prop.edm == BOOLEAN:
        return bool(value)
    return str(value)  # DATETIME: the canonical text sorts as the moment
