"""«Создать в 1С»: the new counterparty's card, prefilled from the portal, for the manager to edit.

Every field of `CounterpartyCard` is an editable line (the kind a choice); a new branch of a
company 1C knows says so and goes under the head's partner unless the manager picks a new
one. The dialog only collects: `changes()` are the fields the manager changed, which the
decision service applies to the same prefilled card (and checks) when it records the
decision. Portal text is shown as plain text in line edits, so nothing in it is markup.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.counterparty import CounterpartyKind
from desktop_app.domain.decisions import CounterpartyCard
from desktop_app.domain.onec_directory import DirectoryCounterparty
from desktop_app.ui.card_fields import card_labels, kind_word
from desktop_app.ui.card_view import plain_label
from desktop_app.wording.card_problems import problem_text

translate = QCoreApplication.translate

EDITABLE = ("name", "full_name", "inn", "kpp", "ogrn", "legal_address", "phone", "email")
KINDS = (CounterpartyKind.LEGAL, CounterpartyKind.ENTREPRENEUR, CounterpartyKind.PERSON)


def _labels() -> dict[str, str]:
    """The card's labels (`card_fields`); the partner here is a choice among 1C's partners."""
    return card_labels() | {"partner": translate("CardDialog", "Партнёр в 1С")}


class CardDialog(QDialog):
    def __init__(
        self,
        card: CounterpartyCard,
        head: DirectoryCounterparty | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("CardDialog", "Создать контрагента в 1С"))
        self.setMinimumWidth(560)
        self.card = card
        self.head = head
        labels = _labels()
        form = QFormLayout()
        self.edits: dict[str, QLineEdit] = {}
        for name in EDITABLE:
            edit = QLineEdit(getattr(card, name), self)
            edit.setObjectName(f"card-{name}")
            self.edits[name] = edit
            form.addRow(labels[name], edit)
            if name == "full_name":
                self.kind = QComboBox(self)
                self.kind.setObjectName("card-kind")
                for kind in KINDS:
                    self.kind.addItem(kind_word(kind), kind.value)
                index = self.kind.findData(card.kind.value)
                self.kind.setCurrentIndex(max(index, 0))
                form.addRow(labels["kind"], self.kind)
        self.partner = QComboBox(self)
        self.partner.setObjectName("card-partner")
        if head is not None and head.partner_key:
            self.partner.addItem(
                translate("CardDialog", "партнёр головной организации «{0}»").format(
                    head.description
                ),
                head.partner_key,
            )
        self.partner.addItem(translate("CardDialog", "новый партнёр с тем же наименованием"), "")
        form.addRow(labels["partner"], self.partner)
        layout = QVBoxLayout(self)
        if head is not None:
            note = plain_label(
                translate(
                    "CardDialog",
                    "В 1С уже есть «{0}» с этим ИНН (КПП {1}): новый контрагент будет "
                    "записан как его обособленное подразделение.",
                ).format(head.description, head.kpp or "—"),
                self,
            )
            note.setWordWrap(True)
            layout.addWidget(note)
        layout.addLayout(form)
        self.error = plain_label("", self)
        self.error.setStyleSheet("QLabel { color: #a01d12; }")
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            translate("CardDialog", "Создать в 1С")
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def changes(self) -> dict[str, str]:
        """The fields the manager changed (what the decision service applies to the card)."""
        changed = {
            name: edit.text()
            for name, edit in self.edits.items()
            if edit.text().strip() != getattr(self.card, name)
        }
        kind = str(self.kind.currentData())
        if kind != self.card.kind.value:
            changed["kind"] = kind
        return changed

    def partner_key(self) -> str | None:
        return str(self.partner.currentData()) or None

    def accept(self) -> None:
        """Refuse a card the decision could not be made with, saying why, in the dialog."""
        try:
            self.card.edited(self.changes())
        except ValueError as error:
            self.error.setText(problem_text(error, translate))
            self.error.show()
            return
        super().accept()
