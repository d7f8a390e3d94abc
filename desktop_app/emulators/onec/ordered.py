"""One set's objects in the order of one property, kept sorted: a keyset page is a bisection.

A live base answers `$orderby=Description&$filter=Description ge '…'&$top=1000` from the
index 1C keeps on every catalog's `Description` (and `Code`): a seek, then the page. This is
the emulator's counterpart, made the first time a set is ordered by that property and kept
up to date by every write after that.

Two sorted lists, merged lazily from the window's low end: the generated range's entries
(made once, from `Generated.value` — for `Description` a fifth of the cost of making the
object; generated objects deleted or replaced by a write are skipped) and the stored
objects' entries (inserted and removed as the table is written). An entry is
`(sort key, reference order key, index or Ref_Key)`: objects with equal values follow each
other in reference order — what a DBMS reading 1C's index on (value, reference) gives; 1C
itself promises no order among equal values, and a client must not rely on one.
"""

from __future__ import annotations

import bisect
import heapq
from collections.abc import Iterable, Iterator
from operator import itemgetter
from typing import TYPE_CHECKING, Any

from desktop_app.emulators.onec import refs, values
from desktop_app.emulators.onec.keyset import Window
from desktop_app.emulators.onec.schema import Prop

if TYPE_CHECKING:
    from desktop_app.emulators.onec.table import Generated

Row = dict[str, Any]
Entry = tuple[Any, int, Any]
"""(sort key, reference order key, generated index or stored Ref_Key)"""
_SORT = itemgetter(0)
_ORDER = itemgetter(0, 1)


class OrderedView:
    def __init__(
        self,
        prop: Prop,
        generated: Generated | None,
        stored: Iterable[Row],
        *,
        skipped: tuple[set[int], set[int]],
    ) -> None:
        self.prop = prop
        self._made = generated
        self._skipped = skipped
        """The table's own sets of generated indexes deleted and replaced by stored objects."""
        self._generated: list[Entry] | None = None
        self._stored: list[Entry] = sorted(self._entry(row) for row in stored)

    def add(self, row: Row) -> None:
        bisect.insort(self._stored, self._entry(row), key=_ORDER)

    def remove(self, row: Row) -> None:
        """Forget `row` as it was stored (its value then is where its entry sits)."""
        entry = self._entry(row)
        place = bisect.bisect_left(self._stored, entry[:2], key=_ORDER)
        if place < len(self._stored) and self._stored[place] == entry:
            del self._stored[place]

    def entries(self, window: Window) -> Iterator[tuple[str | None, int | None]]:
        """(Ref_Key of a stored object, None) or (None, generated index) inside `window`, in
        order."""
        stored = self._window(self._stored, window)
        made = self._made
        if made is None or made.count == 0:
            return ((entry[2], None) for entry in stored)
        deleted, changed = self._skipped
        generated = (
            entry
            for entry in self._window(self._generated_entries(made), window)
            if entry[2] not in deleted and entry[2] not in changed
        )
        if not self._stored:
            return ((None, entry[2]) for entry in generated)
        merged = heapq.merge(
            ((entry, True) for entry in stored),
            ((entry, False) for entry in generated),
            key=lambda pair: pair[0][:2],
        )
        return ((e[2], None) if is_stored else (None, e[2]) for e, is_stored in merged)

    def _entry(self, row: Row) -> Entry:
        ref = str(row["Ref_Key"])
        value = row.get(self.prop.name, values.empty(self.prop))
        return values.sort_key(self.prop, value), refs.order_key(ref), ref

    def _generated_entries(self, made: Generated) -> list[Entry]:
        if self._generated is None:
            prop, name = self.prop, self.prop.name
            self._generated = sorted(
                (values.sort_key(prop, made.value(index, name)), made.key(index), index)
                for index in range(made.count)
            )
        return self._generated

    @staticmethod
    def _window(entries: list[Entry], window: Window) -> Iterator[Entry]:
        start, end = 0, len(entries)
        if window.low is not None:
            place = bisect.bisect_left if window.low_inclusive else bisect.bisect_right
            start = place(entries, window.low, key=_SORT)
        if window.high is not None:
            place = bisect.bisect_right if window.high_inclusive else bisect.bisect_left
            end = place(entries, window.high, key=_SORT)
        return (entries[i] for i in range(start, max(start, end)))
