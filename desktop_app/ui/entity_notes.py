"""The note on an order from a legal entity its portal user has not ordered for before.

Bitrix sends one `Контрагент/Ид` — the portal user's — for every company that user orders for,
so «the same buyer» on the portal may be another organisation. When the order's requisites
match none of the entities this user ordered for before, the panel says so above the
columns («этот покупатель уже заказывал от имени ООО "…"»), and a button beside each note
shows that company's 1C card in the *1С* column (where it is listed last, not offered), so
the manager compares the two cards in one click instead of linking blindly.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from desktop_app.domain.entity_mapping import EarlierEntity, earlier_entity_note
from desktop_app.domain.requisite_checks import Severity
from desktop_app.ui.card_view import plain_label
from desktop_app.ui.findings_bar import badge_style, clear_layout, stack_layout
from desktop_app.wording.phrases import phrase_text

translate = QCoreApplication.translate


class CardButton(QPushButton):
    """«Карточка в 1С» of one note: asks for its counterparty's card."""

    requested = Signal(str)

    def __init__(self, counterparty_key: str, parent: QWidget | None = None) -> None:
        super().__init__(translate("EntityNotes", "Карточка в 1С"), parent)
        self.counterparty_key = counterparty_key
        self.clicked.connect(self._clicked)

    @Slot()
    def _clicked(self) -> None:
        self.requested.emit(self.counterparty_key)


class EntityNotes(QWidget):
    card_requested = Signal(str)
    """The 1C counterparty (ref_key) whose card the manager asked to see."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = stack_layout(self)
        self.notes: list[str] = []
        self.buttons: list[CardButton] = []

    def show_entities(self, entities: Sequence[EarlierEntity], listed: set[str]) -> None:
        """One note per entity; its button is enabled when the *1С* column lists its
        counterparty (`listed`: the ref_keys there)."""
        clear_layout(self._layout)
        self.notes, self.buttons = [], []
        for entity in entities:
            row = QWidget(self)
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            text = translate("EntityNotes", "Внимание: {0}").format(
                phrase_text(earlier_entity_note(entity), translate)
            )
            label = plain_label(text, row)
            label.setWordWrap(True)
            label.setStyleSheet(badge_style(Severity.WARNING))
            button = CardButton(entity.counterparty_key, row)
            button.requested.connect(self.card_requested)
            available = entity.counterparty_key in listed
            button.setEnabled(available)
            button.setToolTip(
                translate("EntityNotes", "Показать контрагента 1С этой организации в колонке 1С")
                if available
                else translate(
                    "EntityNotes",
                    "Этого контрагента нет в копии справочника 1С: обновите справочник (Shift+F5).",
                )
            )
            line.addWidget(label, 1)
            line.addWidget(button)
            self._layout.addWidget(row)
            self.notes.append(text)
            self.buttons.append(button)
        self.setVisible(bool(entities))
