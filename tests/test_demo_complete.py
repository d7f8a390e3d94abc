"""The window's demo is complete: its orders are in its 1C, its invoices have a seller, and
its queue shows every finding the checks can make of a buyer."""

from __future__ import annotations

from push_scene import carries

from desktop_app.domain.registry_findings import REGISTRY_CODES
from desktop_app.domain.requisite_checks import check_order
from desktop_app.services.seller_source import seller_for_invoices
from desktop_app.store.queue_repository import QueueRepository
from desktop_app.ui.demo import DemoEnvironment
from desktop_app.wording.findings import FINDINGS
from desktop_app.wording.registry import said_text

NOT_FROM_A_BUYER_OF_BITRIX = {
    "buyer-missing": "an order without a buyer: not a finding about a buyer",
    "corr-account-format": "1C-Bitrix's `РасчетныйСчет/Банк` has no correspondent account",
    "corr-account-key": "the same: no correspondent account in the portal's export",
    "corr-account-without-bik": "the same: no correspondent account in the portal's export",
}
"""Findings the checks can make that no order of a 1C-Bitrix portal can carry."""


def test_every_finding_a_buyer_can_have_is_in_the_demo(filled_demo: DemoEnvironment) -> None:
    workspace = filled_demo.workspace
    assert workspace is not None
    queue = QueueRepository(workspace.database)
    found: dict[str, str] = {}
    for row in queue.queue(limit=1000):
        order = queue.order(row.portal_id)
        for finding in check_order(order) if order is not None else ():
            found.setdefault(finding.code, order.number or order.id)  # type: ignore[union-attr]
    # The registry's findings come from its answers, not from the buyer's data: the registry
    # emulator's cases carry each of them (tests/test_registry_*.py).
    registry = {code.split("/")[0] for code in REGISTRY_CODES}
    checks = {key.split("/")[0] for key in FINDINGS.wordings} - registry
    wanted = checks - set(NOT_FROM_A_BUYER_OF_BITRIX)
    missing = sorted(wanted - set(found))
    assert not missing, "the demo has no order with: " + ", ".join(missing)
    assert set(found) <= wanted | set(NOT_FROM_A_BUYER_OF_BITRIX)  # the table knows them all


def test_every_order_of_the_demo_has_its_order_in_1c(filled_demo: DemoEnvironment) -> None:
    workspace = filled_demo.workspace
    assert workspace is not None
    onec_orders = filled_demo.onec.entities("Document_ЗаказКлиента")
    rows = QueueRepository(workspace.database).queue(limit=1000)
    assert rows
    without = [
        r.number
        for r in rows
        if not any(carries(filled_demo.onec, o, r.number) for o in onec_orders)
    ]
    assert without == [], f"orders the demo's 1C does not have: {without}"


def test_the_demo_invoice_has_its_seller_from_the_demo_1c(filled_demo: DemoEnvironment) -> None:
    """Read with the demo's own (in-memory) password: the user's keychain has none of it."""
    workspace = filled_demo.workspace
    assert workspace is not None and not workspace.vault.persistent
    reading = seller_for_invoices(workspace.settings, workspace.data_dir, workspace.vault)
    assert reading.notes == ()
    assert reading.seller.missing == ()  # name, ИНН, КПП, address, bank, head, accountant
    without_vault = seller_for_invoices(workspace.settings, workspace.data_dir)
    assert without_vault.seller.inn and not without_vault.seller.name  # the keychain has nothing
    assert "пароль 1С не сохранён" in said_text(without_vault.notes[0])
