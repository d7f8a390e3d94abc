"""`like` of 1C's `$filter`, with 1C's semantics.

`like(Field, 'template')` is 1C's `ПОДОБНО` (documentation 17.4.5.2: «Синтаксис шаблона
аналогичен функции ПОДОБНО() языка запросов»): `%` is any text, `_` one character, `[…]`
one of a set or range, `[^…]` none of them; the match is of the whole value and, as 1C's
collation, ignores case. OData's form has no escape character (the query language's
`СПЕЦСИМВОЛ` cannot be written in it).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from desktop_app.emulators.onec.filter_parser import Literal, Node

Row = dict[str, Any]
Getter = Callable[[Row], Any]


def like_pattern(template: str) -> re.Pattern[str]:
    """1C's `ПОДОБНО` template as a regular expression matching the whole value."""
    out: list[str] = []
    index = 0
    while index < len(template):
        char = template[index]
        if char == "%":
            out.append(".*")
        elif char == "_":
            out.append(".")
        elif char == "[" and "]" in template[index + 1 :]:
            end = template.index("]", index + 1)
            body = template[index + 1 : end]
            negate = body.startswith("^")
            body = body[1:] if negate else body
            escaped = "".join("\\" + c if c in "\\]^[" else c for c in body)
            out.append(f"[{'^' if negate else ''}{escaped}]")
            index = end
        else:
            out.append(re.escape(char))
        index += 1
    return re.compile("".join(out), re.IGNORECASE | re.DOTALL)


def like(value: Getter, template: Getter, template_node: Node) -> Getter:
    if isinstance(template_node, Literal):
        pattern = like_pattern(str(template_node.value))
        return lambda row: pattern.fullmatch(str(value(row) or "")) is not None
    return lambda row: (
        like_pattern(str(template(row) or "")).fullmatch(str(value(row) or "")) is not None
    )
