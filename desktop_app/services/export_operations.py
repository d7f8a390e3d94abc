"""The three exports as use cases, each written once: the window's «Экспорт» menu and the
CLI's `export-invoice`, `export-invoices` and `export-orders` both call these.

An invoice export is always the same chain — note the folder (so a killed export's
leftovers are found at the next start), read the seller's requisites (the settings, blanks
filled from 1C when it is set up: this may go to the network, so callers run it off the GUI
thread), look up the 1C counterparty the order is linked to, make the invoice, write it.
When the window and the CLI each assembled the chain they drifted (the window never said
what each invoice of a batch could not fill); here it cannot. What the invoice could not
fill comes back as `problems`, for the caller to show; what stops an export is an
`ExportError`.
"""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import dataclass
from pathlib import Path

from desktop_app.domain.invoice import Invoice
from desktop_app.domain.order import Order
from desktop_app.domain.review_state import ReviewState
from desktop_app.services.decision_service import linked_counterparty
from desktop_app.services.export_list_decisions import decision_lookup
from desktop_app.services.export_service import (
    BatchReport,
    Progress,
    export_invoices,
    export_order_list,
    make_invoice,
    write_invoice,
)
from desktop_app.services.leftovers import remember_export_folder
from desktop_app.services.password_vault import PasswordVault
from desktop_app.services.seller_source import seller_for_invoices
from desktop_app.services.settings import Settings
from desktop_app.store.database import Database
from desktop_app.store.queue_repository import QueueRepository
from desktop_app.wording.catalog import Translate
from desktop_app.wording.registry import said_text
from desktop_app.wording.said import Said


def _notes(notes: tuple[Said, ...], translate: Translate | None, window: bool) -> list[str]:
    return [said_text(note, translate, window=window) for note in notes]


@dataclass(frozen=True, slots=True)
class InvoiceExport:
    invoice: Invoice
    path: Path
    seller_notes: tuple[Said, ...]
    """What reading the seller's requisites from 1C had to say (`wording.seller_notes`)."""

    @property
    def problems(self) -> tuple[str, ...]:
        """In the CLI's words."""
        return self.worded_problems()

    def worded_problems(
        self, translate: Translate | None = None, *, window: bool = False
    ) -> tuple[str, ...]:
        """`window`: the window's words (Settings, not `config set`)."""
        return (*_notes(self.seller_notes, translate, window), *self.invoice.warnings)


@dataclass(frozen=True, slots=True)
class InvoicesExport:
    report: BatchReport
    seller_notes: tuple[Said, ...]

    @property
    def problems(self) -> list[str]:
        """In the CLI's words."""
        return self.worded_problems()

    def worded_problems(
        self, translate: Translate | None = None, *, window: bool = False
    ) -> list[str]:
        """The seller's notes; then what every invoice says (the seller's blanks), once;
        then what only some invoices say, and the orders that got none, per order."""
        said = [item.invoice.warnings for item in self.report.written]
        common = set(said[0]).intersection(*said[1:]) if said else set()
        lines = _notes(self.seller_notes, translate, window)
        lines += [w for w in (said[0] if said else ()) if w in common]
        for item in self.report.written:
            lines += [
                f"заказ {item.order_id}: {w}" for w in item.invoice.warnings if w not in common
            ]
        lines += [
            f"заказ {order_id}: счёт не создан — {why}" for order_id, why in self.report.failed
        ]
        return lines


def export_order_invoice(
    database: Database,
    current: Settings,
    data_dir: Path,
    order: Order,
    path: Path,
    *,
    number: str | None = None,
    date: dt.date | None = None,
    vault: PasswordVault | None = None,
) -> InvoiceExport:
    """The invoice of one order as the workbook `path` (numbered and dated by the settings
    unless `number` or `date` is given), its buyer the linked 1C counterparty if any.
    `vault`: where the 1C password is (the keychain when None)."""
    remember_export_folder(data_dir, path.parent)
    reading = seller_for_invoices(current, data_dir, vault)
    buyer = linked_counterparty(database, order)
    invoice = make_invoice(order, reading.seller, current.invoice, buyer, number=number, date=date)
    return InvoiceExport(invoice, write_invoice(invoice, path), reading.notes)


def export_queue_invoices(
    database: Database,
    current: Settings,
    data_dir: Path,
    folder: Path,
    *,
    state: ReviewState | None = None,
    search: str | None = None,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
    vault: PasswordVault | None = None,
) -> InvoicesExport:
    """An invoice per order of the queue as filtered, one workbook each, into `folder`."""
    remember_export_folder(data_dir, folder)
    reading = seller_for_invoices(current, data_dir, vault)
    report = export_invoices(
        QueueRepository(database), folder, reading.seller, state=state, search=search,
        numbering=current.invoice, buyer_for=lambda order: linked_counterparty(database, order),
        progress=progress, cancel=cancel,
    )  # fmt: skip
    return InvoicesExport(report, reading.notes)


def export_queue_list(
    database: Database,
    data_dir: Path,
    path: Path,
    *,
    state: ReviewState | None = None,
    search: str | None = None,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> int:
    """The queue as filtered (all of it) as one workbook; returns how many orders it lists."""
    remember_export_folder(data_dir, path.parent)
    return export_order_list(
        QueueRepository(database), path, state=state, search=search, progress=progress,
        cancel=cancel, decisions=decision_lookup(database),
    )  # fmt: skip
