"""What a 1C user may read and write: rights on sets and record-level restrictions (RLS).

A 1C user reaches OData data through two gates (documentation 17.4.10, code 20: «Ошибка прав
доступа. Может возникать: – когда у пользователя нет прав на запрошенное действие над данным
объектом; – когда в выборку попадает объект, недоступный в связи с ограничением доступа к
данным и параметр allowedOnly не используется»; 17.4.5.4 for `allowedOnly`):

- the right on a set (a role): a user without the read right on `Catalog_Партнеры` gets
  403/20 on every request about it, `allowedOnly` or not;
- record-level restrictions of УТ 11 (the `ПриЗаполненииОграниченияДоступа` texts of the
  configuration dump work1cblackbird/ut11): a partner is readable when its access group is
  (Catalogs/Партнеры/Ext/ManagerModule.bsl: «ЗначениеРазрешено(Ссылка)», the partner's value
  group being its `ГруппаДоступа`), a counterparty when its partner is
  (Catalogs/Контрагенты/Ext/ManagerModule.bsl, through РегистрСведений.ИерархияПартнеров), a
  customer order when its partner is (Documents/ЗаказКлиента/Ext/ManagerModule.bsl; an empty
  partner is an empty reference, which the БСП's ЗначениеРазрешено lets through). The user
  here has an allow-list of partner access groups — the profile «все запрещены, кроме…» —
  so a partner without a group is in none of them and stays invisible to that user.

Without `allowedOnly=true` a read whose result holds a forbidden object fails whole with
403/20 (the 1C query runs without РАЗРЕШЕННЫЕ); with it the forbidden objects are left out
before `$skip`/`$top` and `/$count` counts only the rest. `allowedOnly` is for sets only
(17.4.5.4): an object read by its key that the user may not see is 403/20 either way. A
write whose result the user could not read is refused with 403/20 and changes nothing
(«РазрешитьИзменениеЕслиРазрешеноЧтение»). The message is the platform's «Нарушение прав
доступа!». Users without any restriction (the default) cost nothing here.
"""

from __future__ import annotations

import dataclasses
import itertools
from dataclasses import dataclass
from typing import Any

from desktop_app.emulators.onec import errors, reading, refs
from desktop_app.emulators.onec.directory import Directory
from desktop_app.emulators.onec.query import Options, Selection, Target
from desktop_app.emulators.onec.schema import CONTACTS, COUNTERPARTIES, ORDERS, PARTNERS

Row = dict[str, Any]
RESTRICTED = frozenset((PARTNERS, COUNTERPARTIES, CONTACTS, ORDERS))
"""The sets whose objects record-level restrictions look at (through the partner)."""


@dataclass(frozen=True, slots=True)
class Rights:
    odata: bool = True
    """May use the standard OData interface at all (else 403/20 on everything)."""
    unreadable: frozenset[str] = frozenset()
    """Sets the user has no read right on (a tabular-section set follows its object)."""
    partner_groups: frozenset[str] | None = None
    """The partner access groups the user may see; None: no record-level restriction."""


@dataclass(frozen=True, slots=True)
class Caller:
    """Who asks, and whether they asked for the allowed objects only (`allowedOnly`)."""

    rights: Rights
    allowed_only: bool


def allowed_only(raw: dict[str, str]) -> bool:
    """`allowedOnly=true` in the query (17.4.5.4 writes it with and without the `$`)."""
    value = raw.get("allowedOnly", raw.get("$allowedOnly", "false"))
    return value.strip().lower() == "true"


def check_set(rights: Rights, target: Target) -> None:
    """403/20 for a set the user may not read at all."""
    name = _object_set(target)
    if not rights.odata or (name is not None and name in rights.unreadable):
        raise errors.forbidden()


def matching(
    directory: Directory, target: Target, options: Options, rights: Rights, allowed_only: bool
) -> tuple[list[Row], int | None]:
    """`reading.matching` as this user sees it."""
    if not _restricted(rights, target):
        return reading.matching(directory, target, options)
    if not allowed_only:
        rows, count = reading.matching(directory, target, options)
        _all_readable(directory, target.set_name or "", rows, rights)
        return rows, count
    whole = dataclasses.replace(options, skip=None, top=None)
    rows, _ = reading.matching(directory, target, whole)
    rows = [r for r in rows if readable(directory, target.set_name or "", r, rights)]
    if options.inlinecount:  # 17.4.6.2: $skip and $top are ignored with the inline count
        return rows, len(rows)
    start = options.skip or 0
    stop = None if options.top is None else start + options.top
    return list(itertools.islice(rows, start, stop)), None


def count(
    directory: Directory, target: Target, options: Options, rights: Rights, allowed_only: bool
) -> int:
    if not _restricted(rights, target):
        return reading.count(directory, target, options)
    counted = Options(filter=options.filter, select=Selection(fields=set(), no_sections=True))
    rows, _ = matching(directory, target, counted, rights, allowed_only)
    return len(rows)


def check_row(directory: Directory, set_name: str, row: Row, rights: Rights) -> None:
    """403/20 unless the user may read `row` (an object read by key, or a write's result)."""
    if rights.partner_groups is not None and not readable(directory, set_name, row, rights):
        raise errors.forbidden()


def readable(directory: Directory, set_name: str, row: Row, rights: Rights) -> bool:
    groups = rights.partner_groups
    if groups is None or set_name not in RESTRICTED:
        return True
    if set_name != CONTACTS and not _NEEDED[set_name] <= row.keys():
        # a light page (reading.LIGHT) carries only what was selected: 1C restricts by the
        # stored object, whatever the query selected
        stored = directory.lookup(set_name, str(row.get("Ref_Key")))
        row = stored if stored is not None else row
    if set_name == PARTNERS:
        return str(row.get("ГруппаДоступа_Key")) in groups
    if set_name == ORDERS and row.get("Партнер_Key") in (None, refs.EMPTY_REF):
        return True
    if set_name == CONTACTS:
        owner = directory.lookup(COUNTERPARTIES, str(row.get("Ref_Key")))
        return owner is not None and readable(directory, COUNTERPARTIES, owner, rights)
    partner = directory.lookup(PARTNERS, str(row.get("Партнер_Key")))
    return partner is not None and readable(directory, PARTNERS, partner, rights)


_NEEDED = {
    PARTNERS: {"ГруппаДоступа_Key"},
    COUNTERPARTIES: {"Партнер_Key"},
    ORDERS: {"Партнер_Key"},
}


def _all_readable(directory: Directory, set_name: str, rows: list[Row], rights: Rights) -> None:
    for row in rows:
        check_row(directory, set_name, row, rights)


def _restricted(rights: Rights, target: Target) -> bool:
    return rights.partner_groups is not None and (target.set_name or "") in RESTRICTED


def _object_set(target: Target) -> str | None:
    if target.row_set is not None:
        return target.row_set.parent.name
    return target.entity_set.name if target.entity_set is not None else None
