"""The *1С* column: the 1C counterparties the buyer may be, and the chosen one's card.

The list comes from a `ReviewSource` (review_hooks.py): today what the local copy of the
1C directory knows by the buyer's ИНН, later the review engine's ranked candidates. The
first candidate is chosen at once; choosing another shows its card, with its head
organisation and partner named from the same copy. `candidate_changed` tells the panel,
which highlights the fields that differ on both sides.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QModelIndex, Qt, Signal, Slot
from PySide6.QtWidgets import QHeaderView, QVBoxLayout, QWidget

from desktop_app.domain.candidates import Candidate
from desktop_app.domain.counterparty import Counterparty
from desktop_app.store.directory_repository import DirectoryRepository
from desktop_app.ui.card_fields import CardRow, onec_card
from desktop_app.ui.card_view import CardView, emphasize, plain_label
from desktop_app.ui.order_tables import candidates_model, reading_table
from desktop_app.ui.review_hooks import reasons_text
from desktop_app.ui.splitters import named_splitter

translate = QCoreApplication.translate


class OneCColumn(QWidget):
    candidate_changed = Signal(object)
    """The chosen `Candidate`, or None."""

    def __init__(self, directory: DirectoryRepository, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._directory = directory
        self.title = plain_label(translate("OneCColumn", "1С"), self)
        self.title.setObjectName("columnTitle")
        emphasize(self.title, larger=1)
        self.caption = plain_label("", self)
        self.caption.setObjectName("onecCaption")
        self.model = candidates_model(self)
        self.view = reading_table(self.model, self)
        header = self.view.horizontalHeader()
        header.resizeSection(0, 170)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.card = CardView(self)
        self.card.set_placeholder(translate("OneCColumn", "Выберите контрагента 1С в списке выше."))
        self.splitter = named_splitter(
            "onecSplitter", Qt.Orientation.Vertical, self, [self.view, self.card], [110, 390]
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.title)
        layout.addWidget(self.caption)
        layout.addWidget(self.splitter, 1)
        self.view.selectionModel().currentRowChanged.connect(self._row_changed)

    def show_candidates(self, party: Counterparty | None, candidates: Sequence[Candidate]) -> None:
        self.model.set_rows(candidates)
        self.caption.setText(_caption(party, len(candidates)))
        self.view.setVisible(bool(candidates))
        self.card.set_placeholder(
            translate("OneCColumn", "Выберите контрагента 1С в списке выше.")
            if candidates
            else translate(
                "OneCColumn",
                "Такого контрагента в 1С нет. Его можно будет создать в 1С по карточке "
                "портала («Создать в 1С»).",
            )
            if party is not None
            else ""
        )
        # The first candidate offered is chosen at once; the counterparty of another legal
        # entity of the same portal user (listed last, not offered) never is.
        first = next((n for n, c in enumerate(candidates) if c.reason.offered), None)
        if first is not None:
            self._select(first)
        else:
            self.view.selectionModel().clearCurrentIndex()
            self._show(None)

    def select_counterparty(self, ref_key: str) -> bool:
        """Choose the listed counterparty `ref_key` and show its card; False if not listed."""
        rows = self.model.rows
        found = next((n for n, c in enumerate(rows) if c.counterparty.ref_key == ref_key), None)
        if found is None:
            return False
        self._select(found)
        return True

    def listed_keys(self) -> set[str]:
        return {c.counterparty.ref_key for c in self.model.rows}

    def _select(self, row: int) -> None:
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        self.view.selectionModel().setCurrentIndex(self.model.index(row, 0), flags)
        self.view.scrollTo(self.model.index(row, 0))

    def current_candidate(self) -> Candidate | None:
        index = self.view.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def mark(self, highlighted: Mapping[str, str]) -> None:
        """Highlight these fields of the shown card (the ones that differ from the portal)."""
        self._show(self.current_candidate(), highlighted, notify=False)

    @Slot(QModelIndex, QModelIndex)
    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._show(self.model.row_at(current.row()) if current.isValid() else None)

    def _show(
        self,
        candidate: Candidate | None,
        highlighted: Mapping[str, str] | None = None,
        *,
        notify: bool = True,
    ) -> None:
        if candidate is None:
            self.card.show_rows([])
        else:
            chosen = candidate.counterparty
            head = self._directory.counterparty(chosen.head_key) if chosen.head_key else None
            partner = self._directory.partner(chosen.partner_key) if chosen.partner_key else None
            reasons = CardRow(
                "reasons", translate("OneCColumn", "Почему в списке"), reasons_text(candidate)
            )
            rows = [reasons, *onec_card(chosen, head, partner)]
            self.card.show_rows(rows, highlighted)
        if notify:
            self.candidate_changed.emit(candidate)


def _caption(party: Counterparty | None, found: int) -> str:
    if party is None:
        return ""
    if found:
        return translate(
            "OneCColumn", "Кандидаты в копии справочника 1С, лучшие первыми ({0}):"
        ).format(found)
    if party.inn:
        return translate(
            "OneCColumn",
            "В копии справочника 1С нет контрагентов с ИНН {0} и похожих по наименованию: "
            "похоже, это новый контрагент.",
        ).format(party.inn)
    return translate(
        "OneCColumn", "У покупателя нет ИНН, и похожих по наименованию в копии справочника 1С нет."
    )
