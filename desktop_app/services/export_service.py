"""Exports to XLSX: one invoice, invoices for many orders into a folder, the order list.

These are the use cases the command line calls now and the GUI will call from a worker
thread: long ones take a `progress(done, total)` callback and a `threading.Event` to stop
them. Every file is written whole or not at all (`save_atomically`); a batch stopped half
way keeps the invoices already written, each complete. Problems a manager can fix come out
as `ExportError` with one Russian sentence.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from desktop_app.adapters.xlsx.invoice_sheet import invoice_workbook
from desktop_app.adapters.xlsx.order_list_sheet import (
    CellValue,
    ListCancelledError,
    list_workbook,
)
from desktop_app.adapters.xlsx.workbook_file import save_atomically
from desktop_app.domain.counterparty import KIND_WORDS
from desktop_app.domain.invoice import Invoice, build_invoice
from desktop_app.domain.invoice_numbering import InvoiceNumbering
from desktop_app.domain.onec_directory import DirectoryCounterparty
from desktop_app.domain.order import Order
from desktop_app.domain.review_state import ReviewState
from desktop_app.domain.seller import SellerRequisites
from desktop_app.services.export_errors import ExportError as ExportError
from desktop_app.services.export_file_names import NameBook, inside, invoice_file_name
from desktop_app.services.export_list_decisions import DecisionColumns, DecisionLookup
from desktop_app.services.leftovers import clean_temp_files
from desktop_app.store.queue_repository import QueueRepository
from desktop_app.store.queue_rows import QueueRow
from desktop_app.wording.registry import said_text
from desktop_app.wording.said import Said
from desktop_app.wording.states import queue_state_text

Progress = Callable[[int, int], None]
"""(done, total)."""
BuyerLookup = Callable[[Order], DirectoryCounterparty | None]
"""The 1C counterparty an order is linked to, if any (the decision store answers this)."""
READ_PAGE = 1000
PORTAL_NUMBERING = InvoiceNumbering()
"""The default: the portal's number and date."""


@dataclass(frozen=True, slots=True)
class InvoiceFile:
    order_id: str
    path: Path
    invoice: Invoice


@dataclass(frozen=True, slots=True)
class BatchReport:
    written: tuple[InvoiceFile, ...]
    failed: tuple[tuple[str, str], ...]
    """(order Ид, why) for the orders that got no invoice."""
    cancelled: bool
    total: int


FROM_ONEC_REASON = said_text(Said("export.from_onec_reason"))


def make_invoice(
    order: Order,
    seller: SellerRequisites,
    numbering: InvoiceNumbering = PORTAL_NUMBERING,
    buyer: DirectoryCounterparty | None = None,
    today: dt.date | None = None,
    *,
    number: str | None = None,
    date: dt.date | None = None,
) -> Invoice:
    """The invoice for one order, numbered and dated as the settings say (or as given)."""
    day = today or dt.date.today()
    return build_invoice(
        order,
        seller,
        buyer=buyer,
        number=number or numbering.number_for(order, day),
        date=date or numbering.date_for(order, day),
    )


def write_invoice(invoice: Invoice, path: Path) -> Path:
    """Save the invoice as `path` (whole or not at all)."""
    if path.suffix.lower() != ".xlsx":
        raise ExportError(Said("export.not_xlsx", {"name": path.name}))
    if not path.parent.is_dir():
        raise ExportError(Said("export.no_folder_invoice", {"folder": str(path.parent)}))
    clean_temp_files(path.parent)  # a killed export's, older than a running one's could be
    try:
        return save_atomically(invoice_workbook(invoice), path)
    except OSError as error:
        raise ExportError(_write_problem(path, error)) from None


def find_order(repository: QueueRepository, key: str) -> Order:
    """The order named by its Ид or by its portal number when that is unambiguous."""
    found = repository.find_ids(key)
    if not found:
        raise ExportError(Said("export.no_order", {"key": key}))
    if len(found) > 1:
        ids = ", ".join(found[:5])
        raise ExportError(Said("export.number_ambiguous", {"key": key, "ids": ids}))
    if repository.from_onec(found[0]):
        reason = Said("export.from_onec_reason")
        raise ExportError(Said("export.from_onec", {"key": key, "reason": reason}))
    order = repository.order(found[0])
    if order is None:  # pragma: no cover - deleted between the two reads
        raise ExportError(Said("export.order_gone", {"key": key}))
    return order


def export_invoices(
    repository: QueueRepository,
    folder: Path,
    seller: SellerRequisites,
    *,
    state: ReviewState | None = None,
    search: str | None = None,
    numbering: InvoiceNumbering = PORTAL_NUMBERING,
    buyer_for: BuyerLookup | None = None,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
    today: dt.date | None = None,
) -> BatchReport:
    """An invoice per order of the queue (as filtered) into `folder`, one file each."""
    _ready_folder(folder)
    ids = [row.portal_id for row in _queue(repository, state, search)]
    names = NameBook()
    written: list[InvoiceFile] = []
    failed: list[tuple[str, str]] = []
    if progress is not None:
        progress(0, len(ids))
    for done, portal_id in enumerate(ids, start=1):
        if cancel is not None and cancel.is_set():
            return BatchReport(tuple(written), tuple(failed), True, len(ids))
        order = repository.order(portal_id)
        if order is None:
            failed.append((portal_id, "заказа больше нет в локальной базе"))
        elif repository.from_onec(portal_id):
            failed.append((portal_id, FROM_ONEC_REASON))
        else:
            buyer = buyer_for(order) if buyer_for is not None else None
            invoice = make_invoice(order, seller, numbering, buyer, today)
            name = names.claim(invoice_file_name(invoice.number, invoice.date, order.id))
            path = inside(folder, name)
            written.append(InvoiceFile(order.id, write_invoice(invoice, path), invoice))
        if progress is not None:
            progress(done, len(ids))
    return BatchReport(tuple(written), tuple(failed), False, len(ids))


def export_order_list(
    repository: QueueRepository,
    path: Path,
    *,
    state: ReviewState | None = None,
    search: str | None = None,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
    decisions: DecisionLookup | None = None,
) -> int:
    """The queue as filtered (all of it, not a page) as a list; returns the orders written.

    `decisions` fills the decision and 1C counterparty columns (left blank without it)."""
    if path.suffix.lower() != ".xlsx":
        raise ExportError(Said("export.not_xlsx", {"name": path.name}))
    if not path.parent.is_dir():
        raise ExportError(Said("export.no_folder_list", {"folder": str(path.parent)}))
    clean_temp_files(path.parent)
    queue = list(_queue(repository, state, search))
    said: dict[str, DecisionColumns] = {}
    for start in range(0, len(queue), READ_PAGE) if decisions is not None else ():
        assert decisions is not None
        said.update(decisions([row.portal_id for row in queue[start : start + READ_PAGE]]))
    rows = [order_list_values(row, said.get(row.portal_id, NO_DECISION)) for row in queue]
    try:
        workbook = list_workbook(rows, progress=progress, cancel=cancel)
        save_atomically(workbook, path)
    except ListCancelledError:
        raise ExportError(Said("export.list_cancelled")) from None
    except OSError as error:
        raise ExportError(_write_problem(path, error)) from None
    return len(rows)


NO_DECISION: DecisionColumns = (None, None)


def order_list_values(
    row: QueueRow, decision: DecisionColumns = NO_DECISION
) -> tuple[CellValue, ...]:
    """One order as the list's columns (`order_list_sheet.ORDER_COLUMNS`) hold it."""
    return (
        row.number or row.portal_id,
        row.order_date,
        row.buyer_name,
        row.buyer_inn,
        row.buyer_kpp,
        KIND_WORDS.get(row.buyer_kind or "", row.buyer_kind),
        row.total,
        row.currency,
        queue_state_text(row.review_state, row.from_onec),
        *decision,
        "да" if row.changed_since_review or row.revisions > 1 else "нет",
        row.revisions,
        row.portal_id,
        row.updated_at,
    )


def _queue(
    repository: QueueRepository, state: ReviewState | None, search: str | None
) -> Iterator[QueueRow]:
    offset = 0
    while True:
        page = repository.queue(state=state, search=search, limit=READ_PAGE, offset=offset)
        yield from page
        if len(page) < READ_PAGE:
            return
        offset += READ_PAGE


def _ready_folder(folder: Path) -> None:
    if folder.exists() and not folder.is_dir():
        raise ExportError(Said("export.folder_is_file", {"folder": str(folder)}))
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        detail = str(error.strerror or error)
        raise ExportError(
            Said("export.folder_not_made", {"folder": str(folder), "detail": detail})
        ) from None


def _write_problem(path: Path, error: OSError) -> Said:
    if isinstance(error, PermissionError):
        return Said("export.file_locked", {"path": str(path)})
    return Said(
        "export.file_not_written", {"path": str(path), "detail": str(error.strerror or error)}
    )
