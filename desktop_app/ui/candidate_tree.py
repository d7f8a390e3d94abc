"""The 1C candidates as a tree: head offices with their branches, readable in ~450 px.

At 1366×768 the *1С* column is about 450 px wide, or less; a flat table of name, КПП and
the reason's sentence scrolled sideways and hid the ИНН (issue 16, point 8). Here the
rows have two lines and three columns: the name over the reason in a word or two (the
whole sentence is every cell's tooltip, and the chosen one's card below spells it out),
taking the free width and elided; the ИНН over the КПП, and the score, sized to their
contents. So even a 300 px column shows all four, and the name keeps most of the width.
Where one ИНН has several КПП the branches sit under their head (`candidates.head_groups`),
expanded, so the manager sees at once which subdivision of the legal entity each row is.

The model is one level deep: a top row's internal id is 0, a branch's is its head's row + 1.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QModelIndex, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeView, QWidget

from desktop_app.domain.candidates import Candidate, CandidateReason, head_groups
from desktop_app.ui.plain_text import plain_tooltip
from desktop_app.ui.queue_model import ROW_ROLE, AnyIndex
from desktop_app.ui.review_hooks import reasons_text

translate = QCoreApplication.translate

COL_NAME, COL_KEYS, COL_SCORE = range(3)
_FITTED = (COL_KEYS, COL_SCORE)


def _titles() -> tuple[str, ...]:
    return (
        translate("CandidateTree", "Контрагент, почему в списке"),
        translate("CandidateTree", "ИНН, КПП"),
        translate("CandidateTree", "%"),
    )


_CELLS: tuple[Callable[[Candidate], str], ...] = (
    lambda c: f"{c.counterparty.description}\n{reason_word(c)}",
    lambda c: f"{c.counterparty.inn or '—'}\n{c.counterparty.kpp or '—'}",
    lambda c: f"{c.score:.0f}",
)
"""Each column's two lines (the score: one), in the order of the COL_* numbers."""


def reason_word(candidate: Candidate) -> str:
    """Why it is listed, in a word or two (the sentence is `reasons_text`)."""
    reason = candidate.reason
    if reason is CandidateReason.NAME_SIMILAR:
        other = candidate.explanation.code == "candidate.name/other-inn"
        word = (
            translate("CandidateTree", "наименование, ИНН другой")
            if other
            else translate("CandidateTree", "наименование")
        )
    else:
        word = {
            CandidateReason.CONFIRMED_MAPPING: translate("CandidateTree", "связь подтверждена"),
            CandidateReason.EXACT_INN_KPP: translate("CandidateTree", "ИНН и КПП"),
            CandidateReason.UNCONFIRMED_MAPPING: translate(
                "CandidateTree", "связь не подтверждена"
            ),
            CandidateReason.SAME_INN_OTHER_KPP: translate("CandidateTree", "другой КПП"),
            CandidateReason.SAME_INN: translate("CandidateTree", "тот же ИНН"),
            CandidateReason.SAME_USER_OTHER_ENTITY: translate("CandidateTree", "не кандидат"),
        }[reason]
    return word + (translate("CandidateTree", ", удалён") if candidate.deleted else "")


def _text(candidate: Candidate, column: int) -> str:
    return _CELLS[column](candidate)


class CandidateTreeModel(QAbstractItemModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: tuple[Candidate, ...] = ()
        self._groups: list[tuple[Candidate, tuple[Candidate, ...]]] = []

    def set_rows(self, candidates: Sequence[Candidate]) -> None:
        self.beginResetModel()
        self._rows = tuple(candidates)
        self._groups = head_groups(self._rows)
        self.endResetModel()

    @property
    def rows(self) -> tuple[Candidate, ...]:
        """The candidates as ranked (best first), whatever their place in the tree."""
        return self._rows

    def candidate_at(self, index: AnyIndex) -> Candidate | None:
        if not index.isValid():
            return None
        head = index.internalId()
        if head == 0:
            return self._groups[index.row()][0] if index.row() < len(self._groups) else None
        branches = self._groups[head - 1][1]
        return branches[index.row()] if index.row() < len(branches) else None

    def index_of(self, ref_key: str) -> QModelIndex:
        """The row of the counterparty `ref_key` (invalid when it is not listed)."""
        for row, (top, branches) in enumerate(self._groups):
            if top.counterparty.ref_key == ref_key:
                return self.index(row, 0)
            for number, branch in enumerate(branches):
                if branch.counterparty.ref_key == ref_key:
                    return self.index(number, 0, self.index(row, 0))
        return QModelIndex()

    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, child: AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not child.isValid() or child.internalId() == 0:
            return QModelIndex()
        return self.createIndex(child.internalId() - 1, 0, 0)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() != 0 or parent.column() != 0:
            return 0
        return len(self._groups[parent.row()][1]) if parent.row() < len(self._groups) else 0

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return len(_titles())

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(_titles()):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return _titles()[section]
        if role == Qt.ItemDataRole.ToolTipRole and section == COL_SCORE:
            return translate("CandidateTree", "Сходство наименований, от 0 до 100")
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        candidate = self.candidate_at(index)
        if candidate is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return _text(candidate, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            name = candidate.counterparty.description
            return plain_tooltip(f"{name}\n{reasons_text(candidate)}")
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == COL_SCORE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == ROW_ROLE:
            return candidate
        return None


def candidate_tree(model: CandidateTreeModel, parent: QWidget) -> QTreeView:
    """A read-only tree that never scrolls sideways: short columns fitted, long ones elided."""
    view = QTreeView(parent)
    view.setModel(model)
    view.setObjectName("onecCandidates")
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setUniformRowHeights(True)
    view.setWordWrap(False)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setIndentation(view.fontMetrics().horizontalAdvance("MM"))
    header = view.header()
    header.setStretchLastSection(False)
    header.setMinimumSectionSize(view.fontMetrics().horizontalAdvance("MMM"))
    for section in range(model.columnCount()):
        fitted = section in _FITTED
        mode = QHeaderView.ResizeMode.ResizeToContents if fitted else QHeaderView.ResizeMode.Stretch
        header.setSectionResizeMode(section, mode)
    model.modelReset.connect(view.expandAll)
    return view
