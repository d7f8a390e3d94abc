"""The portal's raw counterparty fields as a table: a title row for each group, then its leaves.

Rows are the groups of `domain.raw_field_groups` in order, each a title row (spanning both
columns in the view) followed by its fields: the path inside the group, and the value exactly
as the portal sent it. The whole path is the tooltip of a field, with why it is marked when
it is: a field that differs from the chosen 1C counterparty, or that a check names, has the
card's colour (`ui.card_view`), matched through the card's key of the leaf.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QObject, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from desktop_app.domain.counterparty import RawField
from desktop_app.domain.raw_field_groups import GroupedField, grouped
from desktop_app.ui.plain_text import plain_tooltip
from desktop_app.ui.queue_model import ROW_ROLE, AnyIndex
from desktop_app.wording.raw_field_groups import group_title

translate = QCoreApplication.translate

HIGHLIGHT = QColor("#fff0b3")
ERROR = QColor("#ffd6d1")
"""The card's colours of a differing field and of one a check names (`ui.card_view`)."""
TITLE = QColor("#e8ecf1")
"""A group's title row: a band that separates the groups."""
COL_PATH, COL_VALUE = 0, 1


@dataclass(frozen=True, slots=True)
class _Row:
    title: str | None
    """A group's title row; None for a field."""
    field: GroupedField | None = None
    reason: str | None = None
    error: bool = False


class RawFieldsModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[_Row] = []

    def set_fields(
        self,
        raw: Sequence[RawField],
        highlighted: Mapping[str, str] | None = None,
        errors: Mapping[str, str] | None = None,
    ) -> None:
        """Show these leaves grouped; `highlighted`/`errors`: card keys → why marked."""
        highlighted, errors = highlighted or {}, errors or {}
        rows: list[_Row] = []
        for group in grouped(raw):
            rows.append(_Row(group_title(group, translate)))
            for field in group.fields:
                key = field.card_key or ""
                reason = errors.get(key) or highlighted.get(key)
                rows.append(_Row(None, field, reason, key in errors))
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    @property
    def fields(self) -> tuple[RawField, ...]:
        """The leaves shown, in the order shown."""
        return tuple(row.field.field for row in self._rows if row.field is not None)

    def is_title(self, row: int) -> bool:
        return 0 <= row < len(self._rows) and self._rows[row].title is not None

    def field_at(self, row: int) -> RawField | None:
        found = self._rows[row].field if 0 <= row < len(self._rows) else None
        return found.field if found is not None else None

    def group_of(self, row: int) -> list[RawField]:
        """The leaves of the group that `row` (a title or a field) belongs to."""
        start = next((n for n in range(row, -1, -1) if self.is_title(n)), 0)
        out = []
        for line in self._rows[start + 1 :]:
            if line.field is None:
                break
            out.append(line.field.field)
        return out

    def marked_paths(self) -> set[str]:
        return {r.field.field.path for r in self._rows if r.field is not None and r.reason}

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 2

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        titles = (translate("RawFields", "Поле"), translate("RawFields", "Значение"))
        return titles[section] if 0 <= section < len(titles) else None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], index.column()
        if not 0 <= column < 2:
            return None
        if row.field is None:
            return self._title(row, column, role)
        field = row.field
        if role == Qt.ItemDataRole.DisplayRole:
            return field.inside if column == COL_PATH else field.field.value
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = field.field.path if not row.reason else f"{field.field.path}\n{row.reason}"
            return plain_tooltip(tip)
        if role == Qt.ItemDataRole.BackgroundRole and row.reason and column == COL_VALUE:
            return QBrush(ERROR if row.error else HIGHLIGHT)
        if role == ROW_ROLE:
            return field.field
        return None

    def _title(self, row: _Row, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return row.title if column == COL_PATH else ""
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(TITLE)
        return None
