"""The *Портал* column: the buyer as the portal described it — normalized, and exactly as sent.

Above, the normalized card (what checks and matching work on); below, every leaf of the
portal's `Контрагент` element, grouped by the element it belongs to (requisites, legal
address, actual address, accounts, contacts, representatives) and in document order inside
a group, text exactly as the file held it (padding, Bitrix's double-escaped `&quot;` and
all), its whole path in the tooltip. The manager sees both and can tell whether a surprising
value is the portal's or the reader's. Nothing here is rich text. A new order is shown from
its top; the same order shown again (another 1C candidate chosen, the order read again after
a fetch) keeps where the manager was.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from desktop_app.domain.counterparty import Counterparty
from desktop_app.ui import queue_model
from desktop_app.ui.card_fields import portal_card
from desktop_app.ui.card_view import CardView, emphasize, plain_label
from desktop_app.ui.raw_fields_model import RawFieldsModel
from desktop_app.ui.raw_fields_view import RawFieldsView
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
        self._party: Counterparty | None = None
        self._order_id: str | None = None
        self._to_top = False
        self.raw_model = RawFieldsModel(self)
        self.raw_view = RawFieldsView(self.raw_model, self)
        raw = QWidget(self)
        raw_layout = QVBoxLayout(raw)
        raw_layout.setContentsMargins(0, 0, 0, 0)
        raw_layout.setSpacing(2)
        raw_layout.addWidget(self.raw_caption)
        raw_layout.addWidget(self.raw_view, 1)
        self.splitter = named_splitter(
            "portalSplitter", Qt.Orientation.Vertical, self, [self.card, raw], [240, 360]
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

    def begin_order(self, order_id: str) -> None:
        """The order whose buyer is shown next: another order than the one on screen starts
        at the top, even when its buyer is the same; the same order read again stays put."""
        self._to_top = order_id != self._order_id
        self._order_id = order_id

    def show_counterparty(
        self,
        party: Counterparty | None,
        highlighted: Mapping[str, str] | None = None,
        errors: Mapping[str, str] | None = None,
    ) -> None:
        """Show the buyer; `highlighted`/`errors`: card keys → why they are marked.

        Another order (`begin_order`) or another buyer starts at the top of the card and of
        the raw fields; the same buyer marked anew (another 1C candidate) keeps the place."""
        new = self._to_top or party != self._party
        self._party, self._to_top = party, False
        if self._from_onec:
            self.raw_caption.setText(
                translate("PortalColumn", "Как прислал портал: нет данных (заказ получен из 1С)")
            )
        if party is None:
            self.name.setText("")
            self.card.show_rows([])
            self.raw_model.set_fields([])
            if not self._from_onec:
                self.raw_caption.setText("")
            return
        self.name.setText(party.display_name)
        self.card.show_rows(portal_card(party), highlighted, errors)
        self.raw_model.set_fields(party.raw, highlighted, errors)
        if new:
            self.card.scroll_to_top()
            self.raw_view.scrollToTop()
        if self._from_onec:
            return
        self.raw_caption.setText(
            translate(
                "PortalColumn", "Как прислал портал, по элементам документа (полей: {0})"
            ).format(len(party.raw))
        )
