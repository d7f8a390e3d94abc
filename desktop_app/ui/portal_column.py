"""The *Портал* column: the buyer as the portal described it — normalized, and exactly as sent.

Above, the normalized card (what checks and matching work on); below, every leaf of the
portal's `Контрагент` element in document order, path and text exactly as the file held them
(padding, Bitrix's double-escaped `&quot;` and all). The manager sees both and can tell
whether a surprising value is the portal's or the reader's. Nothing here is rich text.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from desktop_app.domain.counterparty import Counterparty
from desktop_app.ui import queue_model
from desktop_app.ui.card_fields import portal_card
from desktop_app.ui.card_view import CardView, emphasize, plain_label
from desktop_app.ui.order_tables import elide_left, raw_fields_model, reading_table
from desktop_app.ui.splitters import named_splitter

translate = QCoreApplication.translate


class PortalColumn(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = plain_label(translate("PortalColumn", "Портал"), self)
        self.title.setObjectName("columnTitle")
        emphasize(self.title, larger=1)
        self.name = emphasize(plain_label("", self))
        self.name.setObjectName("portalName")
        self.absent = plain_label("", self)
        self.absent.setObjectName("portalAbsent")
        self.absent.setWordWrap(True)
        self.absent.setVisible(False)
        self.card = CardView(self)
        self.card.set_placeholder(translate("PortalColumn", "В заказе нет покупателя."))
        self._from_onec = False
        self.raw_caption = plain_label("", self)
        self.raw_model = raw_fields_model(self)
        self.raw_view = reading_table(self.raw_model, self)
        self.raw_view.horizontalHeader().resizeSection(0, 200)
        elide_left(self.raw_view, 0)
        raw = QWidget(self)
        raw_layout = QVBoxLayout(raw)
        raw_layout.setContentsMargins(0, 0, 0, 0)
        raw_layout.setSpacing(2)
        raw_layout.addWidget(self.raw_caption)
        raw_layout.addWidget(self.raw_view, 1)
        self.splitter = named_splitter(
            "portalSplitter", Qt.Orientation.Vertical, self, [self.card, raw], [300, 200]
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.title)
        layout.addWidget(self.name)
        layout.addWidget(self.absent)
        layout.addWidget(self.splitter, 1)

    @property
    def from_onec(self) -> bool:
        return self._from_onec

    def set_from_onec(self, from_onec: bool) -> None:
        """An order known from 1C alone: the portal's data is not available, and why; the
        card then shows the counterparty 1C has on the order."""
        self._from_onec = from_onec
        self.absent.setVisible(from_onec)
        self.absent.setText(
            translate(
                "PortalColumn",
                "Исходные данные портала недоступны: {0} Ниже — контрагент, указанный в заказе 1С.",
            ).format(queue_model.from_onec_hint())
            if from_onec
            else ""
        )
        self.card.set_placeholder(
            translate("PortalColumn", "В заказе 1С контрагент не указан.")
            if from_onec
            else translate("PortalColumn", "В заказе нет покупателя.")
        )

    def show_counterparty(
        self,
        party: Counterparty | None,
        highlighted: Mapping[str, str] | None = None,
        errors: Mapping[str, str] | None = None,
    ) -> None:
        """Show the buyer; `highlighted`/`errors`: card keys → why they are marked."""
        if self._from_onec:
            self.raw_caption.setText(
                translate("PortalColumn", "Как прислал портал: нет данных (заказ получен из 1С)")
            )
        if party is None:
            self.name.setText("")
            self.card.show_rows([])
            self.raw_model.set_rows([])
            if not self._from_onec:
                self.raw_caption.setText("")
            return
        self.name.setText(party.display_name)
        self.card.show_rows(portal_card(party), highlighted, errors)
        self.raw_model.set_rows(party.raw)
        if self._from_onec:
            return
        self.raw_caption.setText(
            translate(
                "PortalColumn", "Как прислал портал, в порядке документа (полей: {0})"
            ).format(len(party.raw))
        )
