"""What of a `$filter` the emulator answers by bisection instead of testing every object.

Two shapes, both of which a live 1C answers from an index:

- **bounds on the property a page is ordered by** — `$orderby=Description&$filter=Description
  ge 'ООО "Альфа"'&$top=1000`, the keyset paging over a limited-length scalar that a live
  base accepts (GUIDE §5). The top-level `and` terms comparing that property with a string
  literal (`gt ge lt le eq`) become a `Window` of sort keys of the table's ordered view
  (ordered.py); the rest of the filter is tested on the objects inside it. The sort keys are
  `values.sort_key`, the rule `$filter`'s own comparisons follow (filter_eval), so the window
  holds exactly the objects the whole filter would keep.
- **look-ups by key** — `Ref_Key eq guid'…'`, alone or or-ed (`find_in` of a client sends
  thirty at a time): the objects are fetched by key.

A bound on a reference (`Ref_Key gt guid'…'`) is never one: a live base refuses it with
500/-1 (errors.INCOMPARABLE), which filter_eval raises when it compiles the term. Until
this round the emulator answered such bounds, and a client that paged by them worked here
and failed on page 2 of every real base.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from desktop_app.emulators.onec import refs, values
from desktop_app.emulators.onec.filter_parser import Binary, Literal, Node, Path
from desktop_app.emulators.onec.schema import STRING, Prop

_BOUNDS = ("gt", "ge", "lt", "le", "eq")


@dataclass(frozen=True, slots=True)
class Window:
    """Limits on the sort key of one property; None means open."""

    low: Any = None
    low_inclusive: bool = True
    high: Any = None
    high_inclusive: bool = True


def window(node: Node | None, prop: Prop) -> tuple[Window, Node | None]:
    """The bounds on `prop` among the top-level `and` terms, and the filter without them."""
    if node is None or prop.edm != STRING:
        return Window(), node
    found = Window()
    rest: list[Node] = []
    for term in _conjuncts(node):
        limited = _limit(found, term, prop)
        if limited is None:
            rest.append(term)
        else:
            found = limited
    return found, _joined(rest)


def lookups(node: Node | None) -> tuple[list[str] | None, Node | None]:
    """The keys of a top-level `Ref_Key eq guid'…' [or …]` term, and the filter without it;
    (None, node) when there is no such term."""
    if node is None:
        return None, None
    terms = _conjuncts(node)
    for position, term in enumerate(terms):
        keys = _keys(term)
        if keys is not None:
            return keys, _joined(terms[:position] + terms[position + 1 :])
    return None, node


def _conjuncts(node: Node) -> list[Node]:
    if isinstance(node, Binary) and node.op == "and":
        return _conjuncts(node.left) + _conjuncts(node.right)
    return [node]


def _joined(terms: list[Node]) -> Node | None:
    joined: Node | None = None
    for term in terms:
        joined = term if joined is None else Binary("and", joined, term)
    return joined


def _keys(node: Node) -> list[str] | None:
    if isinstance(node, Binary) and node.op == "or":
        left, right = _keys(node.left), _keys(node.right)
        return None if left is None or right is None else left + right
    if not (isinstance(node, Binary) and node.op == "eq" and node.left == Path(("Ref_Key",))):
        return None
    literal = node.right
    if not isinstance(literal, Literal) or literal.kind != "guid":
        return None
    return [str(literal.value).lower()] if refs.is_guid(str(literal.value)) else None


def _limit(current: Window, term: Node, prop: Prop) -> Window | None:
    if not (isinstance(term, Binary) and term.op in _BOUNDS):
        return None
    if term.left != Path((prop.name,)) or not isinstance(term.right, Literal):
        return None
    if term.right.kind != "string":
        return None
    key = values.sort_key(prop, term.right.value)
    low, low_in = current.low, current.low_inclusive
    high, high_in = current.high, current.high_inclusive
    if term.op in ("gt", "ge", "eq") and (low is None or key > low or (key == low and low_in)):
        low, low_in = key, term.op != "gt"
    if term.op in ("lt", "le", "eq") and (high is None or key < high or (key == high and high_in)):
        high, high_in = key, term.op != "lt"
    return Window(low, low_in, high, high_in)
