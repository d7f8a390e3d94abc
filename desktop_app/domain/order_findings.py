"""Every finding about an order, from every check that has something to say, and the worst.

The review panel's badges and the queue's «Пров.» mark are made of the same findings by
the same function, `order_findings`, so the queue can never show ✓ on an order whose panel
warns. The findings come from a list of *sources*, each a function of the order: today the
requisite checks (`check_order`); a later check (the registry's answer, kept in the store)
joins the same list and so reaches the badges, the mark and its tooltip at once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from desktop_app.domain.order import Order
from desktop_app.domain.requisite_checks import Finding, Severity, check_order

FindingSource = Callable[[Order], Sequence[Finding]]
"""One check of an order: its findings, in any order."""

REQUISITES: tuple[FindingSource, ...] = (check_order,)
"""The sources the app knows today: the requisite checks."""

_RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


def order_findings(order: Order, sources: Iterable[FindingSource] = REQUISITES) -> list[Finding]:
    """The findings of every source, errors first, each finding once."""
    found: dict[Finding, None] = {}
    for source in sources:
        found.update(dict.fromkeys(source(order)))
    return sorted(found, key=lambda finding: _RANK[finding.severity])


def worst_severity(findings: Iterable[Finding]) -> Severity | None:
    """The most serious severity among `findings`; None when there are none."""
    return min((f.severity for f in findings), key=_RANK.__getitem__, default=None)


def needs_attention(findings: Iterable[Finding]) -> bool:
    """An error or a warning: what a one-key decision must not pass over."""
    return worst_severity(findings) in (Severity.ERROR, Severity.WARNING)
