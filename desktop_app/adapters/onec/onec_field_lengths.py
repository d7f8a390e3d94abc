"""1C's own lengths of the string fields the app reads, and over-long values cut to them.

1C stores a string attribute in at most its declared length (and cuts a longer one silently
on write, GUIDE §5), so a longer value in an answer cannot be 1C's data: a broken proxy or a
hostile server sent it (issue 14, point 10: 50,000-character names made a 1.3 GB database).
Such a value is cut to the length 1C allows and counted, so the reader can say how many
were cut; nothing is refused, since the rest of the row is still 1C's.

Lengths from the УТ 11.5 configuration dump (work1cblackbird/ut11): Catalogs/Контрагенты.xml
and Catalogs/Партнеры.xml — DescriptionLength 100; НаименованиеПолное 250; КПП 9; КодПоОКПО
10; РегистрационныйНомер 50; КонтактнаяИнформация: Представление 500, АдресЭП 100,
НомерТелефона 20. ИНН is the defined type ИНН, 12 characters (*unverified* in the dump: a
12-digit ИНН is the longest there is). Fields of unlimited length (Комментарий, the contact
row's Значение) and fields not listed get `ANY_STRING`, a cap no real value reaches.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

COUNTERPARTIES = "Catalog_Контрагенты"
PARTNERS = "Catalog_Партнеры"
_CONTACTS = {"Представление": 500, "АдресЭП": 100, "НомерТелефона": 20}
LENGTHS: dict[str, dict[str, int]] = {
    COUNTERPARTIES: {
        "Description": 100,
        "НаименованиеПолное": 250,
        "ИНН": 12,
        "КПП": 9,
        "КодПоОКПО": 10,
        "РегистрационныйНомер": 50,
    },
    PARTNERS: {"Description": 100, "НаименованиеПолное": 250},
    f"{COUNTERPARTIES}_КонтактнаяИнформация": _CONTACTS,
    f"{PARTNERS}_КонтактнаяИнформация": _CONTACTS,
}
ANY_STRING = 10_000
"""Characters kept of any other string value."""


SHORTEST = min(length for fields in LENGTHS.values() for length in fields.values())
"""No value this short is ever cut: most values are skipped on their length alone."""


def cut_long_values(entity_set: str, rows: list[Any], cut: Counter[str]) -> None:
    """Cut, in place, every string of `rows` longer than 1C allows; count them in `cut`.

    A tabular section that came expanded inside a row (a list of objects) is the set
    `<set>_<section>`, as 1C names it. Every row of a directory refresh passes here, so the
    loop is kept lean (`type() is`, a bound `get`): bench_directory's ratio is at stake.
    """
    longest_of = LENGTHS.get(entity_set, {}).get
    for row in rows:
        if type(row) is not dict:
            continue
        for name, value in row.items():
            kind = type(value)
            if kind is str:
                if len(value) > SHORTEST and len(value) > (longest := longest_of(name, ANY_STRING)):
                    row[name] = value[:longest]
                    cut[f"{entity_set}.{name}"] += 1
            elif kind is list:
                cut_long_values(f"{entity_set}_{name}", value, cut)


def cut_words(cut: Counter[str]) -> list[str]:
    """One sentence per field: how many values 1C sent longer than it allows."""
    return [
        f"1С прислала значений поля {field} длиннее, чем позволяет 1С: {count}; они обрезаны "
        f"до {_length_of(field)} знаков."
        for field, count in sorted(cut.items())
    ]


def _length_of(field: str) -> int:
    entity_set, _, name = field.rpartition(".")
    return LENGTHS.get(entity_set, {}).get(name, ANY_STRING)
