"""GET of a set: filter, order, skip, top, count — and the shape of each returned object.

Order of work is the documentation's (17.4.5–17.4.6): `$filter`, then `$orderby` (Ref_Key
order without one, the order of 1C's clustered index on references; a reference orders by
its presentation, ordering.py), then `$skip`, then `$top` — whatever order the options were
written in. `$inlinecount=allpages` adds the count and, as 17.4.6.2 says, makes the server
ignore `$skip` and `$top` (GUIDE §5 and §10 tell clients to count with `/$count` instead).

Speed: a page ordered by an indexed property (`Description`, `Code`, or `Ref_Key`, which
orders by `Description`) is read from that property's ordered view from the filter's bound
on it (keyset.py, table.py) and stops after `$top`; `Ref_Key eq guid'…'` look-ups fetch by
key; objects are only made for what survives, and a page of `LIGHT` properties only
(`$select=Ref_Key,DataVersion,Description`) of generated objects without the rest of them.

Shape (JSON samples in the reference folder): properties in metadata order; tabular
sections as arrays of rows that carry `Ref_Key` and `LineNumber`; `X@navigationLinkUrl`
after the properties for each reference whose target this publication carries; with
`$select`, only what was selected (`**` = all but tabular sections); `$expand` of a
navigation property happens only when `$select` asks for it or there is no `$select`
(probe P4: otherwise it is silently not expanded).
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Iterator
from typing import Any

from desktop_app.emulators.onec import ordering, values
from desktop_app.emulators.onec.directory import Directory
from desktop_app.emulators.onec.filter_eval import compile_filter
from desktop_app.emulators.onec.keyset import Window, lookups, window
from desktop_app.emulators.onec.query import Options, Selection, Target
from desktop_app.emulators.onec.refs import order_key as refs_order_key
from desktop_app.emulators.onec.schema import ENTITY_SETS, EntitySet, Prop, RowSet
from desktop_app.emulators.onec.table import Table

Row = dict[str, Any]


def props_of(target: Target) -> dict[str, Prop]:
    if target.row_set is not None:
        return target.row_set.by_name
    assert target.entity_set is not None
    return target.entity_set.by_name


def matching(
    directory: Directory, target: Target, options: Options
) -> tuple[list[Row], int | None]:
    """The objects (or rows) a GET of the set returns, and the inline count if asked."""
    keys, rest = lookups(options.filter)
    by = None if keys is not None else _indexed_order(target, options)
    area = Window()
    if by is not None:
        area, rest = window(rest, by)
        options = _natural(options)  # the view gives that order already
    test = None if rest is None else compile_filter(rest, props_of(target))
    with_sections = _wants_sections(target, options.select)
    light = _light(target, options) if test is None else None
    if target.row_set is not None:
        source = _rows_of(directory, target.row_set, keys)
    else:
        table = directory.table(target.set_name or "")
        if keys is not None:
            source = _by_key(table, keys, with_sections)
        elif by is not None:
            source = table.ordered(by, area, sections=with_sections, light=light)
        elif test is None and not options.orderby and not options.inlinecount and options.skip:
            refs = itertools.islice(table.refs(), options.skip, None)  # skipped unmade
            made = (table.get(ref, sections=with_sections) for ref in refs)
            source = (row for row in made if row is not None)
            options = _without_skip(options)
        else:
            source = table.rows(sections=with_sections, light=light)
    found: Iterator[Row] = source if test is None else (r for r in source if test(r))
    if options.orderby:
        own = target.row_set.parent.name if target.row_set else target.set_name or ""
        key = ordering.order_key(directory, own, props_of(target), options.orderby)
        found = iter(sorted(found, key=key))
    if options.inlinecount:
        everything = list(found)
        return everything, len(everything)
    start = options.skip or 0
    stop = None if options.top is None else start + options.top
    return list(itertools.islice(found, start, stop)), None


def count(directory: Directory, target: Target, options: Options) -> int:
    if options.filter is None and target.row_set is None:
        return directory.table(target.set_name or "").count()
    rows, _ = matching(directory, target, _for_count(options))
    return len(rows)


def _for_count(options: Options) -> Options:
    return Options(filter=options.filter, select=Selection(fields=set(), no_sections=True))


def _without_skip(options: Options) -> Options:
    return dataclasses.replace(options, skip=None)


def _natural(options: Options) -> Options:
    return dataclasses.replace(options, orderby=[])


def _wants_sections(target: Target, selection: Selection) -> bool:
    if target.row_set is not None:
        return False
    if selection.fields is None:
        return not selection.no_sections
    return bool(selection.sections)


def _indexed_order(target: Target, options: Options) -> Prop | None:
    """The property whose ordered view gives the order asked for, if there is one."""
    definition = target.entity_set
    if target.row_set is not None or definition is None or options.inlinecount:
        return None
    if len(options.orderby) != 1 or options.orderby[0][1] or len(options.orderby[0][0]) != 1:
        return None
    name = options.orderby[0][0][0]
    if name == "Ref_Key":
        return ordering.presentation_prop(definition)
    return definition.by_name[name] if name in ordering.INDEXED else None


def _light(target: Target, options: Options) -> frozenset[str] | None:
    """The selected properties, when nothing else of the objects is needed for the page."""
    selection = options.select
    if target.row_set is not None or selection.fields is None or options.expand:
        return None
    if selection.sections or selection.navigation or options.orderby:
        return None
    return frozenset(selection.fields)


def _by_key(table: Table, keys: list[str], sections: bool) -> Iterator[Row]:
    """The objects with those keys, in reference order (as 1C's index on references)."""
    for ref in sorted(dict.fromkeys(keys), key=refs_order_key):
        row = table.get(ref, sections=sections)
        if row is not None:
            yield row


def _rows_of(directory: Directory, row_set: RowSet, keys: list[str] | None) -> Iterator[Row]:
    table = directory.table(row_set.parent.name)
    parents = table.rows(sections=True) if keys is None else _by_key(table, keys, True)
    for parent in parents:
        yield from parent.get(row_set.section.name) or ()


class Shaper:
    """The object as it goes out: selected properties, sections, expansions, link annotations.

    What to copy is worked out once per request, so a page of 1,000 rows costs little more
    than copying the selected values.
    """

    def __init__(
        self,
        directory: Directory,
        definition: EntitySet | RowSet,
        options: Options,
        *,
        links: bool,
    ) -> None:
        self.directory = directory
        self.definition = definition
        self.options = options
        selection = options.select
        self.scalars = [
            (p.name, values.empty(p))
            for p in definition.props
            if selection.fields is None or p.name in selection.fields
        ]
        chosen = {name for name, _ in self.scalars}
        self.sections: list[tuple[str, set[str] | None]] = []
        """Sections to copy: all of each row (None) or only the named row fields."""
        self.links: list[str] = []
        if isinstance(definition, EntitySet):
            for section in definition.sections:
                wanted = _section_fields(selection, section.name)
                if wanted is not False:
                    self.sections.append((section.name, None if wanted is True else wanted))
            if links:
                self.links = [
                    nav
                    for p in definition.props
                    if (nav := p.navigation) is not None
                    and p.name in chosen
                    and p.target in ENTITY_SETS
                ]

    def __call__(self, row: Row) -> Row:
        out: Row = {name: row.get(name, default) for name, default in self.scalars}
        for name, wanted in self.sections:
            rows = row.get(name) or []
            out[name] = [
                r if wanted is None else {k: v for k, v in r.items() if k in wanted} for r in rows
            ]
        definition = self.definition
        if isinstance(definition, EntitySet):
            if self.options.expand:
                _expand(self.directory, definition, row, self.options, out)
            for nav in self.links:
                out[f"{nav}@navigationLinkUrl"] = f"{definition.name}(guid'{row['Ref_Key']}')/{nav}"
        return out


def _section_fields(selection: Selection, name: str) -> bool | set[str]:
    if selection.fields is None:
        return not selection.no_sections
    if name not in selection.sections:
        return False
    fields = selection.sections[name]
    return True if fields is None else fields


def _expand(
    directory: Directory, definition: EntitySet, row: Row, options: Options, out: Row
) -> None:
    selection = options.select
    for nav in sorted(options.expand):
        if selection.fields is not None and nav not in selection.navigation:
            continue  # P4: expanded only when $select names it
        prop = definition.by_name[nav + "_Key"]
        target = ENTITY_SETS[prop.target or ""]
        other = directory.lookup(target.name, str(row.get(prop.name)))
        if other is None:
            out[nav] = None
            continue
        fields = selection.navigation.get(nav) if selection.fields is not None else None
        out[nav] = {
            p.name: other.get(p.name, values.empty(p))
            for p in target.props
            if fields is None or p.name in fields
        }
