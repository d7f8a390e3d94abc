"""Ref_Key bounds of a `$filter`: what makes keyset paging cost a page, not a scan.

A client pages a big directory as `$orderby=Ref_Key&$top=1000` with `$filter=Ref_Key gt
guid'<last key of the previous page>'` (GUIDE §5). The top-level `and` terms that compare
Ref_Key with a guid literal (`gt ge lt le eq`) become a window of `refs.order_key` values;
the table starts reading at its low end by bisection and stops at its high end, and the rest
of the filter is evaluated on the rows inside. Comparing by order key is what 1C does
(refs.py), so the window holds exactly the rows the full filter would keep.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.emulators.onec import refs
from desktop_app.emulators.onec.filter_parser import Binary, Literal, Node, Path


@dataclass(frozen=True, slots=True)
class Bounds:
    """Ref_Key limits by `refs.order_key`; None means open."""

    low: int | None = None
    low_inclusive: bool = True
    high: int | None = None
    high_inclusive: bool = True


def bounds(node: Node | None) -> tuple[Bounds, Node | None]:
    """The Ref_Key bounds among the top-level `and` terms, and the filter without them."""
    if node is None:
        return Bounds(), None
    terms = _conjuncts(node)
    found = Bounds()
    rest: list[Node] = []
    for term in terms:
        limited = _limit(found, term)
        if limited is None:
            rest.append(term)
        else:
            found = limited
    remaining: Node | None = None
    for term in rest:
        remaining = term if remaining is None else Binary("and", remaining, term)
    return found, remaining


def _conjuncts(node: Node) -> list[Node]:
    if isinstance(node, Binary) and node.op == "and":
        return _conjuncts(node.left) + _conjuncts(node.right)
    return [node]


def _limit(current: Bounds, term: Node) -> Bounds | None:
    if not (isinstance(term, Binary) and term.op in ("gt", "ge", "lt", "le", "eq")):
        return None
    if term.left != Path(("Ref_Key",)) or not isinstance(term.right, Literal):
        return None
    if term.right.kind != "guid":
        return None
    key = refs.order_key(str(term.right.value))
    low, low_in, high, high_in = (
        current.low,
        current.low_inclusive,
        current.high,
        current.high_inclusive,
    )
    if term.op in ("gt", "ge", "eq") and (low is None or key >= low):
        low, low_in = key, term.op != "gt"
    if term.op in ("lt", "le", "eq") and (high is None or key <= high):
        high, high_in = key, term.op != "lt"
    return Bounds(low, low_in, high, high_in)
