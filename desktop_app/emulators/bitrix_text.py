"""Text and numbers as Bitrix's PHP templates print them into the exchange XML.

Bitrix echoes `htmlspecialcharsbx($value)` into XML it writes as a template; the values in its
database are often already HTML-escaped (order properties, older basket names), so what lands
in the file is escaped twice: `"` → `&amp;quot;`, `&` → `&amp;amp;`. The apostrophe is left
alone (ENT_COMPAT). Control characters XML 1.0 forbids are dropped: PHP would print them and
make the whole answer unreadable, which is a different fault than the one emulated here.

Numbers come in two spellings: decimals read from the database keep their four places
("231.7400"); values PHP computed are floats printed the shortest way ("223.3", "100").

Most values repeat from order to order (property names, statuses, product names), so the
escaped text and whole property blocks are cached.
"""

from __future__ import annotations

import functools
import re
from decimal import Decimal

from desktop_app.domain.order import Discount, OrderProperty

Out = list[str]
"""Pieces of one document; joined once when the document is complete."""

_DOUBLE_ESCAPE = str.maketrans(
    {
        "&": "&amp;amp;",
        '"': "&amp;quot;",
        "<": "&amp;lt;",
        ">": "&amp;gt;",
        **{chr(c): None for c in range(0x20) if c not in (0x09, 0x0A, 0x0D)},
        "\ufffe": None,
        "\uffff": None,
    }
)
_NEEDS_WORK = re.compile('[&"<>\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]')
PADS = tuple("  " * depth for depth in range(16))


@functools.lru_cache(maxsize=65536)
def text(value: str) -> str:
    """A value as it appears between tags: escaped by `htmlspecialchars`, then for XML."""
    if _NEEDS_WORK.search(value) is None:
        return value
    return value.translate(_DOUBLE_ESCAPE)


def element(out: Out, depth: int, tag: str, value: str) -> None:
    """`<tag>value</tag>` on its own line; `value` must already be escaped."""
    out.append(f"{PADS[depth]}<{tag}>{value}</{tag}>\n")


def flag(value: bool) -> str:
    return "true" if value else "false"


def stored_decimal(value: Decimal | None) -> str:
    """A DECIMAL(18,4) column as PHP reads it from MySQL: "1788.9600"."""
    return "" if value is None else f"{value:.4f}"


def php_float(value: Decimal | None) -> str:
    """A PHP float echoed with precision 14: "3577.92", "223.3", "100", "0"."""
    if value is None:
        return ""
    result = format(value, "f")
    if len(result) > 15:  # more digits than a PHP float prints
        result = format(round(value, max(0, 14 - max(value.adjusted() + 1, 1))), "f")
    if "." in result:
        result = result.rstrip("0").rstrip(".")
    return "0" if result in ("", "-0") else result


@functools.lru_cache(maxsize=32768)
def property_block(depth: int, name: str, values: tuple[str, ...]) -> str:
    """One `ЗначениеРеквизита`; most of them repeat from order to order."""
    pad, inner = PADS[depth], PADS[depth + 1]
    parts = [f"{pad}<ЗначениеРеквизита>\n{inner}<Наименование>{text(name)}</Наименование>\n"]
    parts += [f"{inner}<Значение>{text(value)}</Значение>\n" for value in values or ("",)]
    parts.append(f"{pad}</ЗначениеРеквизита>\n")
    return "".join(parts)


def render_properties(out: Out, depth: int, properties: tuple[OrderProperty, ...]) -> None:
    pad = PADS[depth]
    out.append(f"{pad}<ЗначенияРеквизитов>\n")
    out += [property_block(depth + 1, prop.name, prop.values) for prop in properties]
    out.append(f"{pad}</ЗначенияРеквизитов>\n")


def render_discounts(
    out: Out, depth: int, discounts: tuple[Discount, ...], default_name: str, *, included: bool
) -> None:
    """Bitrix's `Скидки`: "Скидка на заказ" (not counted in the sum) or "Скидка на товар"."""
    if not discounts:
        return
    pad = PADS[depth]
    out.append(f"{pad}<Скидки>\n")
    for item in discounts:
        counted = included if item.included is None else item.included
        out.append(f"{pad}  <Скидка>\n")
        element(out, depth + 2, "Наименование", text(item.name or default_name))
        element(out, depth + 2, "Сумма", stored_decimal(item.amount))
        element(out, depth + 2, "УчтеноВСумме", flag(counted))
        out.append(f"{pad}  </Скидка>\n")
    out.append(f"{pad}</Скидки>\n")
