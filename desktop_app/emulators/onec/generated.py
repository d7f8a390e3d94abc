"""Extra counterparties (and their partners) made from an index, for the benchmark.

`OneCEmulator(extra_counterparties=200_000)` stands for a real base with a big directory.
Each object is a pure function of (seed, index): legal entities (85 %) and entrepreneurs
with valid ИНН (unique: the tax office and the record number are spread from the index),
КПП, ОГРН/ОГРНИП (requisite_keys' check digits, computed inline for speed), a partner of
their own and, when asked for, their contact information.
Their references were "made" one second apart in 2015, before the seeded directory, on
the same node — so they sort before it, and index order is Ref_Key order.

No per-object state is kept; values come from a cheap integer hash of the index rather
than from `random.Random`, whose construction alone would cost more than the whole object.
"""

from __future__ import annotations

import datetime as dt
import functools
import operator
from typing import Any

from desktop_app.emulators import world_names as names
from desktop_app.emulators.onec import refs, seed_records, seed_reference

Row = dict[str, Any]

STEP = refs.TICKS_PER_SECOND
COUNTERPARTY_START = refs.ticks(dt.datetime(2015, 3, 2, 9, 0))
PARTNER_START = refs.ticks(dt.datetime(2015, 3, 2, 8, 0)) - 10 * STEP
_MASK = (1 << 64) - 1
_OFFICES = tuple(
    (str(office), city)
    for city in names.CITIES
    for office in range(city.tax_offices[0], city.tax_offices[1] + 1)
)


def _mix(seed: int, index: int) -> int:
    """A 64-bit hash of (seed, index): splitmix64's finaliser."""
    value = (index * 0x9E3779B97F4A7C15 + seed * 0xBF58476D1CE4E5B9) & _MASK
    value = ((value ^ (value >> 30)) * 0xBF58476D1CE4E5B9) & _MASK
    value = ((value ^ (value >> 27)) * 0x94D049BB133111EB) & _MASK
    return value ^ (value >> 31)


_VERSIONS = tuple(refs.data_version(n) for n in range(1, 5))
_GROUPS = (seed_reference.ACCESS_GROUP_WHOLESALE, seed_reference.ACCESS_GROUP_KEY_CLIENTS)
"""Partner access groups: one extra partner in ten is a key client."""
_INN10 = (2, 4, 10, 3, 5, 9, 4, 6, 8)
_INN12_1 = (7, 2, 4, 10, 3, 5, 9, 4, 6, 8)
_INN12_2 = (3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8)


def _check(digits: str, weights: tuple[int, ...]) -> str:
    return str(sum(map(operator.mul, map(int, digits), weights)) % 11 % 10)


def _inn10(prefix: str) -> str:
    """The ИНН of a legal entity: requisite_keys.complete_inn10's arithmetic, without
    python-stdnum's generic checks, which would cost more than the rest of the object (the
    tests check every generated number with requisite_keys)."""
    return prefix + _check(prefix, _INN10)


def _inn12(prefix: str) -> str:
    """The ИНН of an entrepreneur (see `_inn10`)."""
    first = _check(prefix, _INN12_1)
    return prefix + first + _check(prefix + first, _INN12_2)


@functools.cache
def _domain(stem: str) -> str:
    return names.translit(stem)


def _person(h: int) -> str:
    surname = names.SURNAMES[(h >> 8) % len(names.SURNAMES)][0]
    first = names.MALE_NAMES[(h >> 16) % len(names.MALE_NAMES)]
    patronymic = names.PATRONYMICS[(h >> 20) % len(names.PATRONYMICS)][0]
    return f"{surname} {first} {patronymic}"


def _stem(h: int) -> str:
    stem = names.NAME_HEADS[(h >> 8) % len(names.NAME_HEADS)]
    return stem + names.NAME_TAILS[(h >> 16) % len(names.NAME_TAILS)]


def _is_entrepreneur(h: int) -> bool:
    return h % 100 < 15


def _short_name(h: int) -> str:
    """`Description` of extra object with hash `h`, without the rest of its card (a fifth
    of the cost: what an ordered view of 200,000 names is built from)."""
    return f"ИП {_person(h)}" if _is_entrepreneur(h) else f'ООО "{_stem(h)}"'


class GeneratedRange:
    """References of `count` objects made `STEP` ticks apart from `start`.

    `value` and `light` give a few properties without making the whole object: the
    emulator's ordered views (table.py) and key-only pages (`$select=Ref_Key,DataVersion,
    Description`) would otherwise make every object of the range.
    """

    LIGHT: frozenset[str] = frozenset(("Ref_Key", "DataVersion", "Description"))

    def __init__(self, count: int, start: int) -> None:
        self.count = count
        self.start = start
        self.first_key = refs.order_key_of_ticks(start)

    def ref(self, index: int) -> str:
        return refs.ref_from_ticks(self.start + index * STEP)

    def key(self, index: int) -> int:
        return self.first_key + index * STEP

    def index_of(self, key: int) -> int | None:
        offset = key - self.first_key
        if offset < 0 or offset % STEP:
            return None
        index = offset // STEP
        return index if index < self.count else None

    def value(self, index: int, name: str) -> Any:
        """One property of object `index`: cheap for `LIGHT` ones, else from the object."""
        if name in self.LIGHT:
            return self._light(index)[name]
        return self.make(index, False)[name]

    def light(self, index: int, wanted: frozenset[str]) -> Row | None:
        """Just the `wanted` properties of object `index` if all are `LIGHT`, else None."""
        if not wanted <= self.LIGHT:
            return None
        return self._light(index)

    def _light(self, index: int) -> Row:
        raise NotImplementedError

    def make(self, index: int, sections: bool) -> Row:
        raise NotImplementedError

    def first_from(self, key: int, inclusive: bool) -> int:
        offset = key - self.first_key
        if offset < 0:
            return 0
        index, rest = divmod(offset, STEP)
        if rest or not inclusive:
            index += 1
        return min(index, self.count)


class ExtraPartners(GeneratedRange):
    LIGHT = frozenset((*GeneratedRange.LIGHT, "Code"))

    def __init__(self, count: int, seed: int) -> None:
        super().__init__(count, PARTNER_START - count * STEP)
        self.seed = seed

    def _light(self, index: int) -> Row:
        h = _mix(self.seed, index)
        return {
            "Ref_Key": self.ref(index),
            "DataVersion": _VERSIONS[h % 3],
            "Description": _short_name(h),
            "Code": _code(index),
        }

    def make(self, index: int, sections: bool) -> Row:
        card = _Card(self.seed, index)
        return seed_records.partner(
            self.ref(index),
            card.short_name,
            full_name=card.full_name,
            private=False,
            code=_code(index),
            registered=dt.datetime(2015, 3, 2, 8, 0),
            version=1 + card.hash % 3,
            access_group=_GROUPS[card.hash % 10 == 0],
        )


def _code(index: int) -> str:
    return f"00-{index + 100_000:08d}"


class ExtraCounterparties(GeneratedRange):
    def __init__(self, count: int, seed: int, partners: ExtraPartners) -> None:
        super().__init__(count, COUNTERPARTY_START)
        self.seed = seed
        self.partners = partners

        empty = seed_records.CounterpartyCard("", "", "ЮрЛицо", "", "", "", "")
        self._template = seed_records.counterparty(
            refs.EMPTY_REF, empty, partner=refs.EMPTY_REF, version=1
        )
        """An object with everything the range has in common; `make` fills in the rest."""

    def _light(self, index: int) -> Row:
        h = _mix(self.seed, index)
        ref = self.ref(index)
        return {"Ref_Key": ref, "DataVersion": _VERSIONS[h % 4], "Description": _short_name(h)}

    def make(self, index: int, sections: bool) -> Row:
        card = _Card(self.seed, index)
        ref = self.ref(index)
        row = self._template.copy()
        row["Ref_Key"] = row["ГоловнойКонтрагент_Key"] = ref
        row["DataVersion"] = _VERSIONS[card.hash % 4]
        row["Description"] = card.short_name
        row["НаименованиеПолное"] = card.full_name
        row["ИНН"], row["КПП"] = card.inn, card.kpp
        row["Партнер_Key"] = self.partners.ref(index)
        row["РегистрационныйНомер"] = card.ogrn
        if card.entrepreneur:
            row["ЮрФизЛицо"] = "ИндивидуальныйПредприниматель"
            row["ЮридическоеФизическоеЛицо"] = "ФизическоеЛицо"
        row["КонтактнаяИнформация"] = (
            seed_records.contact_rows(ref, card.contacts(index)) if sections else []
        )
        return row


class _Card:
    """The requisites of extra object `index`."""

    def __init__(self, seed: int, index: int) -> None:
        self.hash = h = _mix(seed, index)
        office, self.city = _OFFICES[index % len(_OFFICES)]
        city = self.city
        record = 99_999 - index // len(_OFFICES)
        self.entrepreneur = _is_entrepreneur(h)
        self.stem = stem = _stem(h)
        year = 5 + (h >> 24) % 10
        serial = f"{(h >> 28) % 10_000_000:07d}"
        self.short_name = _short_name(h)
        if self.entrepreneur:
            person = _person(h)
            self.full_name = f"Индивидуальный предприниматель {person}"
            self.inn = _inn12(f"{office}{record:06d}")
            self.kpp = ""
            prefix = f"3{year:02d}{city.subject}{serial}00"
            self.ogrn = prefix + str(int(prefix) % 13 % 10)  # ОГРНИП
        else:
            self.full_name = f'Общество с ограниченной ответственностью "{stem}"'
            self.inn = _inn10(f"{office}{record:05d}")
            self.kpp = f"{office}01001"
            prefix = f"1{year:02d}{city.subject}{serial}"
            self.ogrn = prefix + str(int(prefix) % 11 % 10)  # ОГРН

    def contacts(self, index: int) -> tuple[str, None, str, str]:
        """(legal address, no actual address, phone, e-mail), made only when asked for."""
        h, city = self.hash, self.city
        street = names.STREETS[(h >> 36) % len(names.STREETS)]
        postcode = city.postcodes[0] + (h >> 40) % 30
        address = f"{postcode}, г. {city.name}, {street}, д. {1 + (h >> 44) % 120}"
        code = city.phone_codes[0]
        digits = f"{(h >> 20) % 10**10:010d}"[len(code) :]
        phone = f"+7 ({code}) {digits[:-4]}-{digits[-4:-2]}-{digits[-2:]}"
        email = f"{'info' if h % 2 else 'zakaz'}@{_domain(self.stem)}{index}.ru"
        return address, None, phone, email
