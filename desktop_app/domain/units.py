"""Units of measure by their ОКЕИ code (ОК 015-94), for the «Ед.» of an invoice line.

An invoice prints a unit's short name («шт», «кг»). Exchange files do not always carry it:
Bitrix's 2.08+ layout writes `<Единица><Код>796</Код><НаименованиеПолное>Штука</…>` and
nothing shorter (`CSaleExport::outputXmlUnit`, modules/sale/general/export.php). For the
codes a wholesale catalogue uses, the classifier's own national symbol stands in; any other
code falls back to what the file did say.
"""

from __future__ import annotations

OKEI_SYMBOLS: dict[str, str] = {
    "006": "м",
    "055": "м2",
    "112": "л",
    "113": "м3",
    "163": "г",
    "166": "кг",
    "168": "т",
    "356": "ч",
    "704": "набор",
    "715": "пар",
    "736": "рул",
    "778": "упак",
    "796": "шт",
    "839": "компл",
}
"""Code → условное обозначение (национальное), as the classifier prints it."""


def okei_symbol(code: str | None) -> str | None:
    """The short name of a known ОКЕИ code ("796 " with 1C's padding too); None otherwise."""
    if code is None:
        return None
    return OKEI_SYMBOLS.get(code.strip())
