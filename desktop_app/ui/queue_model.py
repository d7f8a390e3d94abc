"""The review queue as a Qt table model that filters, sorts and pages in SQL.

The model never holds the whole queue: `rowCount` is an SQL count of the current filter and
`data` reads the page (200 rows) a visible row falls in, keeping the last few pages. A page
is a few milliseconds wherever it lies (`store/queue_query.py`), so reading it on demand
keeps a 100,000-order queue as light as a short one. Columns follow Vorta's habit: `COL_*`
constants and the row itself under `ROW_ROLE`; sorting is SQL's (`sort` reads the queue
again in the chosen order), so no role holds native values for a proxy to sort by.

Documents put aside (the reader could not read them; the portal will not send them again)
come first, as «не прочитан» rows with their number and reason, whenever the queue shows
all states, or alone under their own filter: nothing the portal sent may be invisible.

The check badge and the decision column come from the review engine through
`QueueAnnotations` (queue_annotations.py), given to the model when it is made.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any, Protocol

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QObject, Qt

from desktop_app.domain.amount_words import UnsupportedCurrencyError, currency_code
from desktop_app.domain.money import money_text
from desktop_app.store.queue_repository import (
    PAGE_SIZE,
    QueueOrder,
    QueueRepository,
    QueueRow,
    QueueSort,
)
from desktop_app.store.review_state import ReviewState
from desktop_app.ui.card_view import capitalized
from desktop_app.ui.plain_text import plain_tooltip
from desktop_app.ui.unread_words import unread_hint, unread_word
from desktop_app.ui.wording import shown
from desktop_app.wording.states import FROM_ONEC, queue_state_text, state_text

(COL_STATE, COL_DATE, COL_NUMBER, COL_BUYER, COL_INN, COL_TOTAL, COL_CHECKS, COL_DECISION) = range(
    8
)
COL_REGISTRY = 8
"""The registry's mark (issue 17), last: the columns before it keep their places."""

translate = QCoreApplication.translate
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
CACHED_PAGES = 16
_SORTS = {
    COL_STATE: QueueSort.STATE,
    COL_DATE: QueueSort.DATE,
    COL_NUMBER: QueueSort.NUMBER,
    COL_BUYER: QueueSort.BUYER,
    COL_INN: QueueSort.INN,
    COL_TOTAL: QueueSort.TOTAL,
}
AnyIndex = QModelIndex | Any  # QPersistentModelIndex is accepted too


def state_word(state: ReviewState) -> str:
    return capitalized(state_text(state, translate))


def row_state_word(row: QueueRow) -> str:
    """The state column: an order known from 1C alone says so until it is decided."""
    return capitalized(queue_state_text(row.review_state, row.from_onec, translate))


def from_onec_word() -> str:
    return capitalized(shown(FROM_ONEC))


def from_onec_hint() -> str:
    return translate(
        "QueueModel",
        "1С загрузила этот заказ с сайта и отправила обратно раньше, чем программа его "
        "получила; портал больше не отдаёт его на страницу обмена, пока заказ не изменят на "
        "сайте. Проверяйте по данным 1С.",
    )


class QueueAnnotations(Protocol):
    """What the review engine says of a queue row: its check mark and its decision."""

    def badge(self, row: QueueRow) -> str:
        """The worst finding of the order's checks as a mark (✖ ⚠ ✓ —)."""
        ...

    def badge_hint(self, row: QueueRow) -> str | None:
        """Every finding of the order's checks in words (the mark's tooltip)."""
        ...

    def decision(self, row: QueueRow) -> str: ...

    def registry_mark(self, row: QueueRow) -> str:
        """The registry's findings alone as a mark (✖ ⚠ ✓ —)."""
        ...

    def registry_hint(self, row: QueueRow) -> str | None: ...

    def forget(self) -> None:
        """The queue is read again: whatever was remembered of its rows may be stale."""


class QueueModel(QAbstractTableModel):
    def __init__(
        self,
        repository: QueueRepository,
        annotations: QueueAnnotations,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._repository = repository
        self._annotations = annotations
        self._state: ReviewState | None = None
        self._from_onec = False
        self._unread_only = False
        self._registry_problems = False
        self._search = ""
        self._order = QueueOrder()
        self._unread: list[QueueRow] = []
        self._count = 0
        self._pages: OrderedDict[int, list[QueueRow]] = OrderedDict()
        self._read_counts()

    # --- the filter ------------------------------------------------------------------------

    @property
    def state(self) -> ReviewState | None:
        return self._state

    @property
    def search(self) -> str:
        return self._search

    @property
    def from_onec(self) -> bool:
        return self._from_onec

    @property
    def unread_only(self) -> bool:
        return self._unread_only

    @property
    def registry_problems(self) -> bool:
        return self._registry_problems

    def set_filter(
        self,
        state: ReviewState | None,
        search: str,
        from_onec: bool = False,
        unread_only: bool = False,
        registry_problems: bool = False,
    ) -> None:
        """Show the orders in `state` (None: all) whose text holds every word of `search`;
        `from_onec`: only those known from 1C alone; `unread_only`: only the documents put
        aside (with `state` None they come first anyway); `registry_problems`: only the orders
        whose buyer the registry says is gone or unreliable (store.queue_query)."""
        search = " ".join(search.split())
        wanted = (state, search, from_onec, unread_only, registry_problems)
        now = (self._state, self._search, self._from_onec, self._unread_only)
        if wanted == (*now, self._registry_problems):
            return
        self._state, self._search, self._from_onec, self._unread_only = wanted[:4]
        self._registry_problems = registry_problems
        self.refresh()

    def refresh(self) -> None:
        """Read the queue again (after a fetch, a decision, a new filter)."""
        self.beginResetModel()
        self._pages.clear()
        self._annotations.forget()
        self._read_counts()
        self.endResetModel()

    def _read_counts(self) -> None:
        search = self._search or None
        alone = self._from_onec or self._registry_problems
        with_unread = self._unread_only or (self._state is None and not alone)
        unread = self._repository.unread(search) if with_unread else []
        self._unread = [QueueRow.of_unread(row) for row in unread]
        self._count = 0
        if not self._unread_only:
            self._count = self._repository.count(
                self._state, search, from_onec=self._from_onec,
                registry_problems=self._registry_problems,
            )  # fmt: skip

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = _SORTS.get(column)
        if key is None:
            return
        wanted = QueueOrder(key, order == Qt.SortOrder.DescendingOrder)
        if wanted != self._order:
            self._order = wanted
            self.refresh()

    def widest_texts(self) -> dict[int, str]:
        """The longest text each number column may show, over the whole queue (not only the
        pages read): the panel sizes those columns to them, so no number is ever cut."""
        widest = self._repository.widest()
        suffixes = [currency_suffix(code) for code in widest.currencies] or [""]
        total = "" if widest.total is None else money_text(widest.total)
        return {
            COL_DATE: "88.88.8888",
            COL_NUMBER: widest.number,
            COL_INN: "888888888888",
            COL_TOTAL: total + max(suffixes, key=len),
        }

    # --- rows ------------------------------------------------------------------------------

    @property
    def unread_rows(self) -> int:
        """How many of the rows, at the top, are documents put aside (not orders)."""
        return len(self._unread)

    def row_at(self, row: int) -> QueueRow | None:
        if not 0 <= row < self.rowCount():
            return None
        if row < len(self._unread):
            return self._unread[row]
        page, offset = divmod(row - len(self._unread), PAGE_SIZE)
        rows = self._page(page)
        return rows[offset] if offset < len(rows) else None

    def row_of(self, portal_id: str, near: int = 0) -> int | None:
        """The row showing this order, looked for in the page of `near` and those around it."""
        for position, unread in enumerate(self._unread):
            if unread.portal_id == portal_id:
                return position
        lead = len(self._unread)
        first = max(0, (near - lead) // PAGE_SIZE - 1)
        for page in range(first, min(first + 3, self._pages_total())):
            for offset, found in enumerate(self._page(page)):
                if found.portal_id == portal_id:
                    return lead + page * PAGE_SIZE + offset
        return None

    def _pages_total(self) -> int:
        return -(-self._count // PAGE_SIZE)

    def _page(self, page: int) -> list[QueueRow]:
        rows = self._pages.get(page)
        if rows is not None:
            self._pages.move_to_end(page)
            return rows
        rows = self._repository.queue(
            self._state, self._search or None, PAGE_SIZE, page * PAGE_SIZE, self._order,
            from_onec=self._from_onec, registry_problems=self._registry_problems,
        )  # fmt: skip
        self._pages[page] = rows
        while len(self._pages) > CACHED_PAGES:
            self._pages.popitem(last=False)
        return rows

    # --- QAbstractTableModel ---------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._unread) + self._count

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COL_REGISTRY + 1

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.ToolTipRole and section == COL_CHECKS:
            return translate(
                "QueueModel", "Проверки заказа: самое серьёзное замечание (подробно — в подсказке)"
            )
        if role == Qt.ItemDataRole.ToolTipRole and section == COL_REGISTRY:
            return translate(
                "QueueModel",
                "Реестр (ЕГРЮЛ/ЕГРИП): что сказал реестр о покупателе (подробно — в подсказке)",
            )
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (
            translate("QueueModel", "Состояние"),
            translate("QueueModel", "Дата"),
            translate("QueueModel", "Номер"),
            translate("QueueModel", "Покупатель"),
            translate("QueueModel", "ИНН"),
            translate("QueueModel", "Сумма"),
            translate("QueueModel", "Пров."),
            translate("QueueModel", "Решение"),
            translate("QueueModel", "Реестр"),
        )
        return titles[section] if 0 <= section < len(titles) else None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.row_at(index.row())
        if row is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_TOTAL:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(self._tooltip(row, column))  # buyer names, 1C's words
        return None

    def _text(self, row: QueueRow, column: int) -> str:
        if row.unread is not None:
            return _unread_text(row, column)
        if column == COL_STATE:
            changed = translate("QueueModel", " • изменён") if row.changed_since_review else ""
            return row_state_word(row) + changed
        if column == COL_DATE:
            return row.order_date.strftime("%d.%m.%Y") if row.order_date else ""
        if column == COL_NUMBER:
            return row.number or row.portal_id
        if column == COL_BUYER:
            return row.buyer_name or ""
        if column == COL_INN:
            return row.buyer_inn or ""
        if column == COL_TOTAL:
            return _money(row)
        if column == COL_CHECKS:
            return self._annotations.badge(row)
        if column == COL_REGISTRY:
            return self._annotations.registry_mark(row)
        return self._annotations.decision(row)

    def _tooltip(self, row: QueueRow, column: int) -> str | None:
        if row.unread is not None:
            return unread_hint() if column == COL_STATE else row.unread.message
        if column == COL_STATE and row.from_onec:
            return from_onec_hint()
        if column == COL_STATE and row.changed_since_review:
            return translate(
                "QueueModel", "Портал изменил заказ после того, как его начали проверять."
            )
        if column == COL_BUYER and row.buyer_name:
            kpp = translate("QueueModel", "КПП {0}").format(row.buyer_kpp) if row.buyer_kpp else ""
            return "\n".join(part for part in (row.buyer_name, kpp) if part)
        if column == COL_CHECKS:
            return self._annotations.badge_hint(row)
        if column == COL_DECISION:
            return self._annotations.decision(row) or None
        if column == COL_REGISTRY:
            return self._annotations.registry_hint(row)
        return None


def _unread_text(row: QueueRow, column: int) -> str:
    unread = row.unread
    assert unread is not None
    if column == COL_STATE:
        return unread_word()
    if column == COL_NUMBER:
        return unread.number or unread.portal_id or ""
    if column == COL_BUYER:
        return unread.message
    return ""


def currency_suffix(currency: str | None) -> str:
    """Nothing for roubles (the company's own currency), `` USD`` for another currency."""
    code = (currency or "").strip()
    try:
        return "" if currency_code(code) == "RUB" else f" {code}"
    except UnsupportedCurrencyError:
        return f" {code}"


def _money(row: QueueRow) -> str:
    return "" if row.total is None else money_text(row.total) + currency_suffix(row.currency)
