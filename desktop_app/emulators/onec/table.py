"""One entity set's objects in 1C's Ref_Key order: stored ones plus a generated range.

The benchmark's 200,000 extra counterparties are not kept: an object of the generated
range is made from its index when it is read (`Generated.make`), its Ref_Key is a pure
function of the index and grows with it, so the range needs no list of keys at all and
"the first object after guid'…'" is arithmetic. Objects that were written — seeded,
created, or generated ones that a PATCH changed — are kept as dicts, with their order keys
in a sorted list; a generated object deleted by DELETE is remembered by its index.

Reading in Ref_Key order (the order of 1C's clustered index, which a GET without `$orderby`
follows) merges the sorted list with the range, lazily. Reading in the order of a property
goes through that property's ordered view (ordered.py), so keyset paging over it
(`Description ge '…'`, `$top=1000`) costs one bisection and the page itself, whatever the
size of the set. A page of only `LIGHT` properties (`$select=Ref_Key,DataVersion,Description`)
of generated objects is made without the rest of each object.
"""

from __future__ import annotations

import bisect
import heapq
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Protocol

from desktop_app.emulators.onec import refs
from desktop_app.emulators.onec.keyset import Window
from desktop_app.emulators.onec.ordered import OrderedView
from desktop_app.emulators.onec.schema import EntitySet, Prop

Row = dict[str, Any]


class Generated(Protocol):
    """Objects made on demand from their index 0..count-1, in Ref_Key order."""

    count: int

    def ref(self, index: int) -> str: ...

    def key(self, index: int) -> int:
        """`refs.order_key(self.ref(index))`, increasing with the index."""
        ...

    def index_of(self, key: int) -> int | None:
        """The index whose order key is `key` exactly, if any."""
        ...

    def first_from(self, key: int, inclusive: bool) -> int:
        """The first index whose order key is > `key` (>= when inclusive); count if none."""
        ...

    def make(self, index: int, sections: bool) -> Row: ...

    def value(self, index: int, name: str) -> Any:
        """One property of object `index`, cheaply when it can be."""
        ...

    def light(self, index: int, wanted: frozenset[str]) -> Row | None:
        """Only the `wanted` properties, when they can be had without making the object."""
        ...


@dataclass(frozen=True, slots=True)
class Bounds:
    """Ref_Key limits by `refs.order_key`; None means open."""

    low: int | None = None
    low_inclusive: bool = True
    high: int | None = None
    high_inclusive: bool = True


class Table:
    def __init__(self, definition: EntitySet, generated: Generated | None = None) -> None:
        self.definition = definition
        self.generated = generated
        self._stored: dict[str, Row] = {}
        self._keys: list[int] = []  # sorted order keys of stored objects outside the range
        self._ref_at: dict[int, str] = {}
        self._deleted: set[int] = set()
        self._changed: set[int] = set()  # generated objects a write replaced by a stored one
        self._views: dict[str, OrderedView] = {}

    # --- reading -----------------------------------------------------------------------------

    def get(self, ref: str, *, sections: bool = True) -> Row | None:
        """The object (stored ones as kept: do not change them), or None."""
        row = self._stored.get(ref)
        if row is not None:
            return row
        index = self._generated_index(ref)
        if index is None or self.generated is None:
            return None
        return self.generated.make(index, sections)

    def count(self) -> int:
        generated = self.generated.count - len(self._deleted) if self.generated else 0
        return len(self._keys) + generated

    def refs(self, window: Bounds | None = None) -> Iterator[str]:
        """Ref_Key of every object within `window`, in 1C's order."""
        made = self.generated
        for ref, index in self._entries(window or Bounds()):
            if ref is not None:
                yield ref
            elif made is not None and index is not None:
                yield made.ref(index)

    def rows(
        self,
        window: Bounds | None = None,
        *,
        sections: bool = True,
        light: frozenset[str] | None = None,
    ) -> Iterator[Row]:
        """Every object within `window`, in Ref_Key order, made as it is reached (only the
        `light` properties, when the generated range can give just those)."""
        return self._objects(self._entries(window or Bounds()), sections, light)

    def ordered(
        self,
        prop: Prop,
        window: Window,
        *,
        sections: bool = True,
        light: frozenset[str] | None = None,
    ) -> Iterator[Row]:
        """The objects whose `prop` lies within `window`, in the order of `prop`."""
        return self._objects(self.view(prop).entries(window), sections, light)

    def view(self, prop: Prop) -> OrderedView:
        view = self._views.get(prop.name)
        if view is None:
            stored = self._stored.values()
            skipped = (self._deleted, self._changed)
            view = OrderedView(prop, self.generated, stored, skipped=skipped)
            self._views[prop.name] = view
        return view

    def _objects(
        self,
        entries: Iterator[tuple[str | None, int | None]],
        sections: bool,
        light: frozenset[str] | None,
    ) -> Iterator[Row]:
        stored, made, changed = self._stored, self.generated, self._changed
        for ref, index in entries:
            if ref is not None:
                yield stored[ref]
            elif made is not None and index is not None:
                if index in changed:
                    yield stored[made.ref(index)]
                    continue
                row = None if light is None else made.light(index, light)
                yield made.make(index, sections) if row is None else row

    def _entries(self, window: Bounds) -> Iterator[tuple[str | None, int | None]]:
        """(Ref_Key of a stored object, None) or (None, index in the generated range), in
        1C's order: stored keys and the range merged from the window's low bound, lazily."""
        keys = self._keys
        start = 0
        if window.low is not None:
            place = bisect.bisect_left if window.low_inclusive else bisect.bisect_right
            start = place(keys, window.low)
        end = len(keys)
        if window.high is not None:
            place = bisect.bisect_right if window.high_inclusive else bisect.bisect_left
            end = place(keys, window.high)
        ref_at = self._ref_at
        made = self.generated
        if made is None or made.count == 0:
            return ((ref_at[k], None) for k in keys[start : max(start, end)])
        generated = self._generated_entries(made, window)
        if start >= end:
            return ((None, index) for index in generated)
        stored = ((k, ref_at[k], None) for k in keys[start:end])
        indexed = ((made.key(i), None, i) for i in generated)
        merged = heapq.merge(stored, indexed, key=lambda entry: entry[0])
        return ((ref, index) for _, ref, index in merged)

    def _generated_entries(self, made: Generated, window: Bounds) -> Iterator[int]:
        start = 0 if window.low is None else made.first_from(window.low, window.low_inclusive)
        end = made.count
        if window.high is not None:
            end = made.first_from(window.high, not window.high_inclusive)
        deleted = self._deleted
        if not deleted:
            return iter(range(start, end))
        return (index for index in range(start, end) if index not in deleted)

    def _generated_index(self, ref: str) -> int | None:
        if self.generated is None or not refs.is_guid(ref):
            return None
        index = self.generated.index_of(refs.order_key(ref))
        return None if index is None or index in self._deleted else index

    def stored_refs(self) -> list[str]:
        return list(self._stored)

    # --- writing -----------------------------------------------------------------------------

    def put(self, row: Row) -> None:
        """Keep `row` under its Ref_Key: a new object, a replacement, or a changed generated one."""
        ref = row["Ref_Key"]
        old = self._stored.get(ref)
        if old is None:
            index = self._generated_index(ref)
            if index is None:
                key = refs.order_key(ref)
                bisect.insort(self._keys, key)
                self._ref_at[key] = ref
            else:
                self._changed.add(index)
        self._stored[ref] = row
        for view in self._views.values():
            if old is not None:
                view.remove(old)
            view.add(row)

    def delete(self, ref: str) -> bool:
        index = self._generated_index(ref)
        old = self._stored.pop(ref, None)
        for view in self._views.values():
            if old is not None:
                view.remove(old)
        if index is not None:
            self._changed.discard(index)
            self._deleted.add(index)
            return True
        if old is None:
            return False
        key = refs.order_key(ref)
        del self._keys[bisect.bisect_left(self._keys, key)]
        del self._ref_at[key]
        return True
