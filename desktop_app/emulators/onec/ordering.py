"""`$orderby` as 1C applies it: references by their presentation, not by their GUID.

1C turns `$orderby` into its query language with АВТОУПОРЯДОЧИВАНИЕ: ordering by a
reference — `Ref_Key` or any `X_Key` — orders by the fields of the referenced object's
presentation: `Description` (or `Code`) for a catalog, as its `DefaultPresentation` says,
date then number for a document. Sources: the public 1C OData CDC replicator quoted in
errors.INCOMPARABLE («`$orderby` по ссылке 1С разворачивает в АВТОУПОРЯДОЧИВАНИЕ — сортирует
по полям представления объекта (наименование/код у справочника, дата+номер у документа), а
не по GUID»), and an ETL agent's probe of a test УНФ («`$orderby Ref_Key` is not the lexical
GUID order»). The catalogs published here all have `DefaultPresentation` `AsDescription`
in the УТ 11.5 configuration dump (work1cblackbird/ut11: Catalogs/Контрагенты.xml,
Партнеры.xml, Организации.xml, БанковскиеСчетаОрганизаций.xml). Objects whose
presentations are equal follow each other in reference order (`refs.order_key`; ours — 1C
promises nothing among equals). A reference to an object this publication does not carry
(a kind of contact information, a currency) has no presentation here and orders by its
reference.

Strings compare as values.sort_key says (without regard to case and trailing spaces). A
GET without `$orderby` comes in reference order, the order of the clustered index.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from desktop_app.emulators.onec import refs, values
from desktop_app.emulators.onec.directory import Directory
from desktop_app.emulators.onec.schema import (
    BANK_ACCOUNTS,
    COUNTERPARTIES,
    ENTITY_SETS,
    GUID,
    ORDERS,
    ORGANIZATIONS,
    PARTNERS,
    EntitySet,
    Prop,
)

Row = dict[str, Any]
Path = tuple[str, ...]

PRESENTATION: dict[str, tuple[str, ...]] = {
    COUNTERPARTIES: ("Description",),
    PARTNERS: ("Description",),
    ORGANIZATIONS: ("Description",),
    BANK_ACCOUNTS: ("Description",),
    ORDERS: ("Date", "Number"),
}
"""The fields a reference to an object of the set is ordered by."""

INDEXED = frozenset(("Description", "Code"))
"""The properties a catalog's table is ordered by through an ordered view (table.py): the
standard attributes 1C indexes in every catalog, so that a live base answers a keyset page
over them with a seek too."""


def presentation_prop(definition: EntitySet) -> Prop | None:
    """The one property references to the set are ordered by, when there is just one."""
    fields = PRESENTATION.get(definition.name, ())
    return definition.by_name[fields[0]] if len(fields) == 1 else None


def order_key(
    directory: Directory,
    own_set: str,
    props: dict[str, Prop],
    orderby: list[tuple[Path, bool]],
) -> Callable[[Row], Any]:
    """The sort key of a row of `own_set` (a row set: its parent) for `orderby`, a list of
    (path, descending)."""
    parts: list[Callable[[Row], Any]] = []
    for path, descending in orderby:
        prop = props[path[0]]
        if prop.edm == GUID:
            part = _reference(directory, own_set if prop.key else prop.target, prop.name)
        else:
            part = _field(prop)
        parts.append(_descending(part) if descending else part)
    return lambda row: tuple(part(row) for part in parts)


def _field(prop: Prop) -> Callable[[Row], Any]:
    name, empty = prop.name, values.empty(prop)
    return lambda row: values.sort_key(prop, row.get(name, empty))


def _reference(directory: Directory, target: str | None, name: str) -> Callable[[Row], Any]:
    """A reference orders by the presentation of what it refers to, then by itself; the
    row's own `Ref_Key` by the row's own presentation."""
    fields = PRESENTATION.get(target or "", ()) if target in ENTITY_SETS else ()
    itself = name == "Ref_Key" and target in ENTITY_SETS

    def key(row: Row) -> Any:
        ref = row.get(name)
        text = ref if isinstance(ref, str) and refs.is_guid(ref) else refs.EMPTY_REF
        shown: Row | None = None
        if fields:
            own = itself and all(field in row for field in fields)
            shown = row if own else directory.lookup(target or "", text)
        presentation = tuple(_presented(shown, field) for field in fields)
        return (*presentation, refs.order_key(text))

    return key


def _presented(row: Row | None, field: str) -> Any:
    """A presentation field compares as a string (the date's canonical text sorts as time);
    a missing object presents as nothing and comes first, as 1C's NULL does."""
    return "" if row is None else str(row.get(field, "")).rstrip(" ").casefold()


def _descending(part: Callable[[Row], Any]) -> Callable[[Row], Any]:
    return lambda row: _Reversed(part(row))


class _Reversed:
    """Inverts the order of a key for `desc`, whatever its type."""

    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        self.value = value

    def __lt__(self, other: _Reversed) -> bool:
        return bool(other.value < self.value)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Reversed) and bool(other.value == self.value)

    __hash__ = None  # type: ignore[assignment]
