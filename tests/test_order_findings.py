"""`order_findings`: every source's findings, once each, worst first; the worst of them."""

from __future__ import annotations

import dataclasses

from desktop_app.domain.order import Order
from desktop_app.domain.order_findings import (
    REQUISITES,
    needs_attention,
    order_findings,
    worst_severity,
)
from desktop_app.domain.requisite_checks import Finding, Severity, check_order
from desktop_app.emulators.world import World

from conftest import portal_buyer

NOTE = Finding("kpp-branch", Severity.INFO, "kpp", {"kpp": "773643001"})
REGISTRY = Finding("inn-checksum", Severity.ERROR, "inn", {"inn": "7707083894"})


def other_office_order() -> Order:
    order = World.generate(seed=1).order(3)
    buyer = portal_buyer(inn="7707083893", kpp="502401001")  # КПП of another region's office
    return dataclasses.replace(order, counterparties=(buyer,))


def test_the_requisite_checks_are_the_source_of_today() -> None:
    order = other_office_order()
    assert order_findings(order) == check_order(order)
    codes = [f.code for f in order_findings(order)]
    assert "kpp-other-office" in codes
    assert worst_severity(order_findings(order)) is Severity.WARNING
    assert needs_attention(order_findings(order))


def test_a_later_source_joins_and_comes_first_when_worse() -> None:
    order = other_office_order()

    def registry(_order: Order) -> list[Finding]:
        return [NOTE, REGISTRY, NOTE]

    found = order_findings(order, (*REQUISITES, registry))
    assert found[0] == REGISTRY and found.count(NOTE) == 1
    assert worst_severity(found) is Severity.ERROR
    assert worst_severity([NOTE]) is Severity.INFO and not needs_attention([NOTE])
    assert worst_severity([]) is None and not needs_attention([])
