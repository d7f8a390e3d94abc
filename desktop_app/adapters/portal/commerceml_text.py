"""Reading single values out of CommerceML elements.

CommerceML documents come with or without a namespace (none, `urn:1C.ru:commerceml_2`,
`…_210`, `…_3`), so elements are matched by local name. Text is trimmed of the padding 1C
and Bitrix leave around values, and Bitrix's double escaping (`&amp;quot;` in the file, so
`&quot;` after XML parsing) is undone once for the normalized fields. The raw view keeps the
text exactly as parsed; see `commerceml_counterparty.raw_leaves`.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import cast

from lxml import etree

from desktop_app.domain.money import NotANumberError, parse_decimal

Element = etree._Element

_local_names: dict[str, str] = {}


class DocumentProblemError(Exception):
    """A document that cannot be taken as it is; it is quarantined with this reason."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def source_line(element: Element) -> int | None:
    """The element's line in the parsed text (lxml-stubs does not type `sourceline`)."""
    return cast("int | None", element.sourceline)


def local_name(tag: str) -> str:
    """`{urn:1C.ru:commerceml_2}Ид` → `Ид`; cached because every element asks."""
    try:
        return _local_names[tag]
    except KeyError:
        name = tag.rpartition("}")[2]
        _local_names[tag] = name
        return name


def children_by_name(element: Element) -> dict[str, Element]:
    """The first child element of each local name (comments and processing instructions skipped)."""
    found: dict[str, Element] = {}
    for child in element:
        tag = child.tag
        if isinstance(tag, str):
            found.setdefault(local_name(tag), child)
    return found


def children_named(element: Element | None, name: str) -> list[Element]:
    """All child elements with this local name, in document order."""
    if element is None:
        return []
    return [c for c in element if isinstance(c.tag, str) and local_name(c.tag) == name]


_ENTITY = re.compile(r"&(?:(quot|amp|lt|gt|apos)|#(\d{1,7})|#[xX]([0-9A-Fa-f]{1,6}));")
_NAMED = {"quot": '"', "amp": "&", "lt": "<", "gt": ">", "apos": "'"}


def _entity(match: re.Match[str]) -> str:
    named, decimal, hexadecimal = match.groups()
    if named:
        return _NAMED[named]
    code = int(decimal) if decimal else int(hexadecimal, 16)
    if code == 0 or code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
        return match.group(0)
    return chr(code)


def unescape_once(text: str) -> str:
    """Undo one level of HTML escaping (Bitrix runs htmlspecialchars before writing XML).

    Only the five XML entities and numeric references are touched, so "Рога & Копыта" or
    "AT&T" stay as they are.
    """
    if "&" not in text:
        return text
    return _ENTITY.sub(_entity, text)


def clean(text: str | None) -> str | None:
    """Trimmed, unescaped text; None for an absent or blank value."""
    if text is None:
        return None
    stripped = text.strip()
    if not stripped:
        return None
    return unescape_once(stripped) if "&" in stripped else stripped


def text_of(element: Element | None) -> str | None:
    """`clean(element.text)`, written out: it runs for nearly every element of a file."""
    if element is None:
        return None
    text = element.text
    if not text:
        return None
    text = text.strip()
    if not text:
        return None
    return unescape_once(text) if "&" in text else text


def texts_by_name(element: Element) -> dict[str, str]:
    """The cleaned text of each child by local name (first one wins; blank ones left out).

    For the small records read for every line — a tax, a discount — one pass over the
    children is cheaper than finding each field and cleaning it separately.
    """
    found: dict[str, str] = {}
    for child in element:
        tag = child.tag
        if isinstance(tag, str):
            name = local_name(tag)
            if name not in found:
                text = clean(child.text)
                if text is not None:
                    found[name] = text
    return found


def decimal_of(element: Element | None, field: str) -> Decimal | None:
    return decimal_from(text_of(element), field)


def decimal_from(value: str | None, field: str) -> Decimal | None:
    """The cleaned text as a number; a text that is not one quarantines the document."""
    if value is None:
        return None
    try:
        return parse_decimal(value)
    except NotANumberError:
        raise DocumentProblemError(
            "bad-number", f"Поле «{field}» содержит «{_short(value)}» — это не число."
        ) from None


_TRUE = frozenset({"true", "1", "да", "y", "yes"})
_FALSE = frozenset({"false", "0", "нет", "n", "no"})


def bool_of(element: Element | None) -> bool | None:
    return bool_from(text_of(element))


def bool_from(value: str | None) -> bool | None:
    if value is None:
        return None
    folded = value.casefold()
    if folded in _TRUE:
        return True
    if folded in _FALSE:
        return False
    return None


_MOMENT = re.compile(
    r"(?:(\d{4})-(\d{1,2})-(\d{1,2})|(\d{1,2})\.(\d{1,2})\.(\d{4}))"
    r"(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?)?"
)


def parse_moment(value: str) -> tuple[dt.date, dt.time | None]:
    """2021-02-11, 2021-02-11T18:45:21, 11.02.2021 10:00 — and Bitrix's "2025-10-06T9:05:03"
    (PHP's `G` writes the hour without a leading zero). Raises ValueError otherwise."""
    match = _MOMENT.fullmatch(value.strip())
    if match is None:
        raise ValueError(value)
    year, month, day, day2, month2, year2, hour, minute, second = match.groups()
    if year is None:
        year, month, day = year2, month2, day2
    date = dt.date(int(year), int(month), int(day))
    if hour is None:
        return date, None
    return date, dt.time(int(hour), int(minute), int(second or 0))


def date_of(element: Element | None, field: str) -> tuple[dt.date | None, dt.time | None]:
    """A date (and the time, when the field carries one) in the forms exchange files use."""
    value = text_of(element)
    if value is None:
        return None, None
    try:
        return parse_moment(value)
    except ValueError:
        raise DocumentProblemError(
            "bad-date", f"Поле «{field}» содержит «{_short(value)}» — это не дата."
        ) from None


def time_of(element: Element | None, field: str) -> dt.time | None:
    value = text_of(element)
    if value is None:
        return None
    try:
        hours, minutes, *seconds = (int(part) for part in value.split(":"))
        return dt.time(hours, minutes, seconds[0] if seconds else 0)
    except (ValueError, IndexError):
        raise DocumentProblemError(
            "bad-time", f"Поле «{field}» содержит «{_short(value)}» — это не время."
        ) from None


def _short(value: str, limit: int = 60) -> str:
    return value if len(value) <= limit else value[: limit - 1] + "…"
