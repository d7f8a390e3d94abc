"""The columns of the review's small tables, and a table view set up for reading them.

Order lines, order properties and the order's history:
each is a `ListModel` with the columns defined here. A history entry names what changed in
words (``сумма``, ``покупатель: ИНН``, ``свойство «Статус заказа»``) rather than payload keys.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QObject,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableView,
    QWidget,
)

from desktop_app.domain.money import format_decimal, money_text
from desktop_app.domain.order import OrderLine, OrderProperty
from desktop_app.store.queue_rows import RevisionRow
from desktop_app.ui.list_model import Column, ListModel

translate = QCoreApplication.translate


def _amount(value: Decimal | None) -> str:
    return "" if value is None else money_text(value)


def _quantity(value: Decimal | None) -> str:
    return "" if value is None else format_decimal(value.normalize())


def lines_model(parent: QObject | None = None) -> ListModel[OrderLine]:
    return ListModel[OrderLine](
        [
            Column(translate("OrderTables", "Артикул"), lambda line: line.sku or ""),
            Column(translate("OrderTables", "Наименование"), lambda line: line.name or ""),
            Column(
                translate("OrderTables", "Кол-во"),
                lambda line: _quantity(line.quantity),
                right=True,
            ),
            Column(translate("OrderTables", "Ед."), lambda line: line.unit_symbol),
            Column(translate("OrderTables", "Цена"), lambda line: _amount(line.price), right=True),
            Column(
                translate("OrderTables", "Сумма"), lambda line: _amount(line.amount), right=True
            ),
            Column(translate("OrderTables", "НДС"), lambda line: _vat(line.vat_rate)),
        ],
        parent,
    )


def _vat(rate: str | None) -> str:
    if not rate:
        return ""
    return f"{rate} %" if rate.replace(".", "").isdigit() else rate


def properties_model(parent: QObject | None = None) -> ListModel[OrderProperty]:
    return ListModel[OrderProperty](
        [
            Column(translate("OrderTables", "Свойство"), lambda p: p.name),
            Column(translate("OrderTables", "Значение"), lambda p: p.value or ""),
        ],
        parent,
    )


def history_model(parent: QObject | None = None) -> ListModel[RevisionRow]:
    return ListModel[RevisionRow](
        [
            Column(translate("OrderTables", "Версия"), lambda r: str(r.number), right=True),
            Column(translate("OrderTables", "Получена"), lambda r: _moment(r.received_at)),
            Column(translate("OrderTables", "Что изменилось"), _changes),
        ],
        parent,
    )


def _moment(moment: dt.datetime) -> str:
    return moment.astimezone().strftime("%d.%m.%Y %H:%M")


FIELD_WORDS = {
    "number": QT_TRANSLATE_NOOP("OrderTables", "номер"),
    "version": QT_TRANSLATE_NOOP("OrderTables", "номер версии"),
    "date": QT_TRANSLATE_NOOP("OrderTables", "дата"),
    "time": QT_TRANSLATE_NOOP("OrderTables", "время"),
    "operation": QT_TRANSLATE_NOOP("OrderTables", "операция"),
    "role": QT_TRANSLATE_NOOP("OrderTables", "роль"),
    "currency": QT_TRANSLATE_NOOP("OrderTables", "валюта"),
    "exchange_rate": QT_TRANSLATE_NOOP("OrderTables", "курс"),
    "total": QT_TRANSLATE_NOOP("OrderTables", "сумма"),
    "comment": QT_TRANSLATE_NOOP("OrderTables", "комментарий"),
    "deleted": QT_TRANSLATE_NOOP("OrderTables", "пометка удаления"),
    "taxes": QT_TRANSLATE_NOOP("OrderTables", "налоги"),
    "discounts": QT_TRANSLATE_NOOP("OrderTables", "скидки"),
    "lines": QT_TRANSLATE_NOOP("OrderTables", "строки"),
    "buyer": QT_TRANSLATE_NOOP("OrderTables", "покупатель"),
    "inn": QT_TRANSLATE_NOOP("OrderTables", "ИНН"),
    "kpp": QT_TRANSLATE_NOOP("OrderTables", "КПП"),
    "name": QT_TRANSLATE_NOOP("OrderTables", "наименование"),
    "official_name": QT_TRANSLATE_NOOP("OrderTables", "официальное наименование"),
    "full_name": QT_TRANSLATE_NOOP("OrderTables", "полное наименование"),
    "okpo": QT_TRANSLATE_NOOP("OrderTables", "ОКПО"),
    "bank_accounts": QT_TRANSLATE_NOOP("OrderTables", "банковские счета"),
    "legal_address": QT_TRANSLATE_NOOP("OrderTables", "юридический адрес"),
    "address": QT_TRANSLATE_NOOP("OrderTables", "адрес"),
    "contacts": QT_TRANSLATE_NOOP("OrderTables", "контакты"),
    "raw": QT_TRANSLATE_NOOP("OrderTables", "исходные поля"),
}


def change_words(field: str) -> str:
    """``buyer.inn`` → ``покупатель: ИНН``; ``properties.«X»`` → ``свойство «X»``."""
    if field.startswith("properties."):
        return translate("OrderTables", "свойство {0}").format(field.removeprefix("properties."))
    head, _, rest = field.partition(".")
    words = translate("OrderTables", str(FIELD_WORDS.get(head, head)))
    return (
        f"{words}: {translate('OrderTables', str(FIELD_WORDS.get(rest, rest)))}" if rest else words
    )


def _changes(revision: RevisionRow) -> str:
    if revision.number == 1:
        return translate("OrderTables", "первая версия")
    if not revision.changed:
        return translate("OrderTables", "без изменений")
    return ", ".join(change_words(field) for field in revision.changed)


def stretch(view: QTableView, column: int) -> None:
    """Let `column` take the free width; the others fit their contents."""
    header = view.horizontalHeader()
    header.setStretchLastSection(False)
    for section in range(header.count()):
        mode = QHeaderView.ResizeMode.ResizeToContents
        header.setSectionResizeMode(section, mode)
    header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)


def reading_table(model: ListModel[object] | object, parent: QWidget) -> QTableView:
    """A compact, read-only, row-selecting table whose last column takes the free width."""
    view = QTableView(parent)
    view.setModel(model)  # type: ignore[arg-type]
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 6)
    header = view.horizontalHeader()
    header.setStretchLastSection(True)
    header.setHighlightSections(False)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    return view
