"""The *1С* column: the 1C counterparties the buyer may be, and the chosen one's card.

The list comes from a `ReviewSource` (review_hooks.py): the ranked candidates of the local
copy of the 1C directory, as a tree of heads and branches (candidate_tree.py). The best one
is chosen at once only when it is *preselectable* (`Candidate.preselectable`: the same
ИНН+КПП, a confirmed mapping, a subdivision of the same ИНН) — a similar name alone is
never one Ctrl+L away, the card says to choose. Choosing one shows its card, with its head
organisation and partner named from the same copy. `candidate_changed` tells the panel,
which highlights the fields that differ on both sides.

Until a complete copy of the directory exists (store: a complete counterparties refresh),
an empty list does not mean a new counterparty: the caption says the copy is incomplete
instead of inviting «Создать в 1С». Once an order's decision is written to 1C
(`show_written`), the column shows the counterparty the 1C order now holds, marked so,
instead of the candidates.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QModelIndex, Qt, Signal, Slot
from PySide6.QtWidgets import QVBoxLayout, QWidget

from desktop_app.domain.candidates import Candidate
from desktop_app.domain.counterparty import Counterparty
from desktop_app.services.directory_freshness import complete_copy_at
from desktop_app.store.directory_repository import DirectoryRepository
from desktop_app.ui.candidate_tree import CandidateTreeModel, candidate_tree
from desktop_app.ui.card_fields import CardRow, onec_card
from desktop_app.ui.card_view import CardView, emphasize, plain_label
from desktop_app.ui.review_hooks import WrittenDecision, reasons_text
from desktop_app.ui.splitters import named_splitter

translate = QCoreApplication.translate


class OneCColumn(QWidget):
    candidate_changed = Signal(object)
    """The chosen `Candidate`, or None."""

    def __init__(self, directory: DirectoryRepository, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._directory = directory
        self._written: list[CardRow] | None = None
        """The card of the counterparty a written decision put in the 1C order, if shown."""
        self.title = plain_label(translate("OneCColumn", "1С"), self)
        self.title.setObjectName("columnTitle")
        emphasize(self.title, larger=1)
        self.caption = plain_label("", self)
        self.caption.setObjectName("onecCaption")
        self.caption.setWordWrap(True)
        self.model = CandidateTreeModel(self)
        self.view = candidate_tree(self.model, self)
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
        self._written = None
        self.model.set_rows(candidates)
        copied = self.copy_complete()
        self.caption.setText(_caption(party, len(candidates), copied=copied))
        self.view.setVisible(bool(candidates))
        # Only a candidate 1C knows by the buyer's keys is chosen at once; a similar name, a
        # mapping waiting for the manager, a deleted one, or the counterparty of another
        # legal entity of the same portal user never is.
        first = next((c for c in candidates if c.preselectable), None)
        self.card.set_placeholder(_placeholder(party, bool(candidates), copied=copied))
        if first is not None:
            self.select_counterparty(first.counterparty.ref_key)
        else:
            self.view.selectionModel().clearCurrentIndex()
            self.view.clearSelection()
            self._show(None)

    def show_written(self, party: Counterparty | None, written: WrittenDecision) -> None:
        """The order's decision is in 1C: its counterparty there, marked, not the candidates."""
        self.model.set_rows([])
        self.view.setVisible(False)
        when = (
            written.written_at.astimezone().strftime("%d.%m.%Y %H:%M") if written.written_at else ""
        )
        self.caption.setText(
            translate(
                "OneCColumn",
                "Решение записано в 1С {0}: в заказе 1С теперь этот контрагент. Чтобы принять "
                "другое решение, нажмите «Изменить решение».",
            ).format(when)
        )
        chosen = self._directory.counterparty(written.counterparty_key)
        mark = CardRow("written", translate("OneCColumn", "В заказе 1С"),
                       translate("OneCColumn", "записано в 1С {0}").format(when))  # fmt: skip
        if chosen is None:
            name = CardRow("name", translate("OneCColumn", "Наименование"), written.name)
            missing = translate(
                "OneCColumn",
                "в копии справочника 1С его ещё нет — карточка появится после обновления "
                "справочника",
            )
            rows = [mark, name, CardRow("copy", translate("OneCColumn", "Карточка"), missing)]
        else:
            head = self._directory.counterparty(chosen.head_key) if chosen.head_key else None
            partner = self._directory.partner(chosen.partner_key) if chosen.partner_key else None
            rows = [mark, *onec_card(chosen, head, partner)]
        self._written = rows
        self.view.selectionModel().clearCurrentIndex()
        self.card.show_rows(rows)
        self.candidate_changed.emit(None)

    def copy_complete(self) -> bool:
        """A complete copy of 1C's counterparties exists (a local read: milliseconds)."""
        return complete_copy_at(self._directory) is not None

    def select_counterparty(self, ref_key: str) -> bool:
        """Choose the listed counterparty `ref_key` and show its card; False if not listed."""
        index = self.model.index_of(ref_key)
        if not index.isValid():
            return False
        self._select(index)
        return True

    def listed_keys(self) -> set[str]:
        return {c.counterparty.ref_key for c in self.model.rows}

    def _select(self, index: QModelIndex) -> None:
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        self.view.selectionModel().setCurrentIndex(index, flags)
        self.view.scrollTo(index)

    def current_candidate(self) -> Candidate | None:
        return self.model.candidate_at(self.view.currentIndex())

    def mark(self, highlighted: Mapping[str, str]) -> None:
        """Highlight these fields of the shown card (the ones that differ from the portal)."""
        self._show(self.current_candidate(), highlighted, notify=False)

    @Slot(QModelIndex, QModelIndex)
    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._show(self.model.candidate_at(current))

    def _show(
        self,
        candidate: Candidate | None,
        highlighted: Mapping[str, str] | None = None,
        *,
        notify: bool = True,
    ) -> None:
        if candidate is None:
            self.card.show_rows(self._written or [])
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


def _caption(party: Counterparty | None, found: int, *, copied: bool) -> str:
    if party is None:
        return ""
    if found:
        return translate(
            "OneCColumn", "Кандидаты в копии справочника 1С, лучшие первыми ({0}):"
        ).format(found)
    if not copied:
        return translate(
            "OneCColumn",
            "Копия справочника 1С ещё не полная: контрагент может быть в 1С, хотя здесь его "
            "не видно. Дождитесь окончания копирования (или «Обновить справочник 1С»).",
        )
    if party.inn:
        return translate(
            "OneCColumn",
            "В копии справочника 1С нет контрагентов с ИНН {0} и похожих по наименованию: "
            "похоже, это новый контрагент.",
        ).format(party.inn)
    return translate(
        "OneCColumn", "У покупателя нет ИНН, и похожих по наименованию в копии справочника 1С нет."
    )


def _placeholder(party: Counterparty | None, listed: bool, *, copied: bool) -> str:
    if party is None:
        return ""
    if listed:
        return translate(
            "OneCColumn",
            "Ни один кандидат не совпадает с покупателем по ИНН и КПП. Если это он, выберите "
            "контрагента в списке выше сами; иначе — «Создать в 1С».",
        )
    if not copied:
        return translate(
            "OneCColumn",
            "Пока копия справочника 1С не полная, создавать контрагента рано: можно создать дубль.",
        )
    return translate(
        "OneCColumn",
        "Такого контрагента в 1С нет. Его можно будет создать в 1С по карточке "
        "портала («Создать в 1С»).",
    )
