"""The right side of the window: one order under review.

From the top: the order's heading; its decision; what its 1C order holds now, as last read
(1C's site exchange may have put a counterparty there already — maybe one it just made —
which a decision replaces only explicitly); the check findings as badges; the note when the
portal user of the order ordered for another legal entity before (entity_notes.py, with a
button that shows that entity's 1C card in the *1С* column); the two columns side by
side — *Портал* (the buyer as sent) and *1С* (the candidates and the chosen one's card), with
the fields that differ highlighted on both sides (the *1С* side gives its place to the card
of a counterparty to create, `CardPanel`, while the manager fills it: the portal's data
stays beside it); the tabs with the order lines, the order properties and the order's
history; the decision buttons. An order whose decision 1C has (`ReviewSource.written`)
shows, in the *1С* column, the counterparty its 1C order now holds, and keeps «Создать в 1С»
and «Связать» closed until «Изменить решение» (for that order, while it stays on screen).

`show_order` reads the order from the local store (one decoded revision, its history, a few
indexed directory look-ups — milliseconds), so it runs on the GUI thread. The review engine
comes in as the `ReviewSource` it is made with (candidates and findings, see
review_hooks.py); `decisions` are the decision buttons (see review_actions.py).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QStackedWidget,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.candidates import Candidate
from desktop_app.domain.decisions import CounterpartyCard
from desktop_app.domain.money import money_text
from desktop_app.domain.onec_directory import DirectoryCounterparty
from desktop_app.domain.order import Order
from desktop_app.domain.registry_findings import Prefill, prefill
from desktop_app.domain.requisite_checks import Finding, Severity
from desktop_app.domain.review_state import ReviewState
from desktop_app.services.registry_source import RegistrySource
from desktop_app.store.directory_repository import DirectoryRepository
from desktop_app.store.onec_order_repository import OneCOrderRepository
from desktop_app.store.queue_repository import QueueRepository, QueueRow
from desktop_app.ui.card_fields import differing
from desktop_app.ui.card_panel import CardPanel
from desktop_app.ui.card_view import emphasize, plain_label
from desktop_app.ui.entity_notes import EntityNotes
from desktop_app.ui.findings_bar import FindingsBar, finding_words
from desktop_app.ui.onec_column import OneCColumn
from desktop_app.ui.order_tables import (
    history_model,
    lines_model,
    properties_model,
    reading_table,
    stretch,
)
from desktop_app.ui.portal_column import PortalColumn
from desktop_app.ui.queue_model import currency_suffix, from_onec_word, state_word
from desktop_app.ui.registry_line import NOT_ASKED, RegistryLine
from desktop_app.ui.review_actions import ReviewActions
from desktop_app.ui.review_hooks import ReviewSource, WrittenDecision, card_key
from desktop_app.ui.splitters import named_splitter
from desktop_app.ui.unread_view import UnreadView
from desktop_app.wording.onec_orders import order_words

translate = QCoreApplication.translate
_SETTLED = (ReviewState.WRITTEN, ReviewState.REJECTED)


class ReviewPanel(QWidget):
    def __init__(
        self,
        queue: QueueRepository,
        directory: DirectoryRepository,
        source: ReviewSource,
        parent: QWidget | None = None,
        onec_orders: OneCOrderRepository | None = None,
        registry: RegistrySource | None = None,
    ) -> None:
        """`registry`: the registry's answer for the line under the badges (its age)."""
        super().__init__(parent)
        self._registry = registry
        self._queue = queue
        self._onec_orders = onec_orders
        self.source = source
        self.order: Order | None = None
        self.findings: Sequence[Finding] = ()
        self.stack = QStackedWidget(self)
        self.placeholder = plain_label(
            translate("ReviewPanel", "Выберите заказ в очереди слева."), self
        )
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.heading = plain_label("", self)
        self.heading.setObjectName("orderHeading")
        emphasize(self.heading, larger=2)
        self.decision_line = plain_label("", self)
        self.decision_line.setObjectName("decisionLine")
        self.decision_line.setWordWrap(True)
        self.onec_order_line = plain_label("", self)
        self.onec_order_line.setObjectName("onecOrderLine")
        self.findings_bar = FindingsBar(self)
        self.registry_line = RegistryLine(self)
        self.entity_notes = EntityNotes(self)
        self.portal = PortalColumn(self)
        self.onec = OneCColumn(directory, self)
        self.card_panel = CardPanel(self)
        self.card_order: str | None = None
        """The order whose create card is open in the 1C column; None when it is not."""
        self.onec_side = QStackedWidget(self)
        self.onec_side.addWidget(self.onec)
        self.onec_side.addWidget(self.card_panel)
        self.columns = named_splitter(
            "reviewColumns", Qt.Orientation.Horizontal, self, [self.portal, self.onec_side]
        )
        self.lines = lines_model(self)
        self.properties = properties_model(self)
        self.history = history_model(self)
        self.tabs = QTabWidget(self)
        lines = reading_table(self.lines, self)
        stretch(lines, 1)
        self.tabs.addTab(lines, translate("ReviewPanel", "Строки заказа"))
        self.tabs.addTab(
            reading_table(self.properties, self), translate("ReviewPanel", "Свойства заказа")
        )
        self.tabs.addTab(reading_table(self.history, self), translate("ReviewPanel", "История"))
        self.sections = named_splitter(
            "reviewSections", Qt.Orientation.Vertical, self, [self.columns, self.tabs]
        )
        self.sections.setStretchFactor(0, 3)
        self.sections.setStretchFactor(1, 1)
        self.decisions = ReviewActions(self)
        self.unread = UnreadView(self)
        self._build()
        self.onec.candidate_changed.connect(self._candidate_changed)
        self.entity_notes.card_requested.connect(self._show_onec_card)
        self.decisions.change_requested.connect(self._change_decision)
        self._changing: str | None = None
        """The order whose written decision the manager chose to change («Изменить решение»)."""
        self.card_panel.cancelled.connect(self.close_card)

    def _build(self) -> None:
        content = QWidget(self)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.decision_line)
        layout.addWidget(self.onec_order_line)
        layout.addWidget(self.findings_bar)
        layout.addWidget(self.registry_line)
        layout.addWidget(self.entity_notes)
        layout.addWidget(self.sections, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for action in self.decisions.all_actions:
            button = QToolButton(content)
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setMinimumWidth(110)
            buttons.addWidget(button)
        change = self.decisions.change_action
        self.change_button = button  # the last: only there while a written decision is shown
        button.setVisible(change.isEnabled())
        change.changed.connect(lambda: self.change_button.setVisible(change.isEnabled()))
        layout.addLayout(buttons)
        self.stack.addWidget(self.placeholder)
        self.stack.addWidget(content)
        self.stack.addWidget(self.unread)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)

    def reload(self) -> None:
        """Read the order on screen again (after a fetch or a directory refresh)."""
        if self.order is not None:
            self.show_order_id(self.order.id)

    def show_order(self, row: QueueRow | None) -> None:
        if row is not None and row.unread is not None:
            self.close_card()
            self.order = None
            self.decisions.set_context(None, None)
            self.unread.show_document(row.unread, self._queue.unread_source(row.unread.id))
            self.stack.setCurrentWidget(self.unread)
            return
        self.show_order_id(row.portal_id if row is not None else None)

    def open_card(
        self, portal_id: str, card: CounterpartyCard, head: DirectoryCounterparty | None
    ) -> CardPanel:
        """Show the create card of the order on screen in place of the 1C column; the
        decision buttons wait until it is created or cancelled."""
        order = self.order if self.order is not None and self.order.id == portal_id else None
        accounts = order.buyer.bank_accounts if order is not None and order.buyer else ()
        self.card_order = portal_id
        self.card_panel.show_card(card, head, accounts, self._registry_fills(order, card))
        self.onec_side.setCurrentWidget(self.card_panel)
        self.decisions.set_context(None, None)
        return self.card_panel

    @Slot()
    def close_card(self) -> None:
        """Back to the 1C column (the card is created, cancelled, or its order left)."""
        if self.card_order is None:
            return
        self.card_order = None
        self.onec_side.setCurrentWidget(self.onec)
        if self.order is not None:
            self.decisions.set_context(self.order.id, self.onec.current_candidate())

    def show_order_id(self, portal_id: str | None) -> None:
        if self.card_order is not None and self.card_order != portal_id:
            self.close_card()  # the card was about the order the manager left
        order = self._queue.order(portal_id) if portal_id is not None else None
        self.order = order
        if order is None:
            self.findings = ()
            self.stack.setCurrentIndex(0)
            self.decisions.set_context(None, None)
            return
        self.stack.setCurrentIndex(1)
        self.portal.begin_order(order.id)
        self.portal.set_from_onec(self._queue.from_onec(order.id))
        self.heading.setText(self._heading(order))
        decided = self.source.decision(order)
        self.decision_line.setText(decided)
        self.decision_line.setVisible(bool(decided))
        held = self._onec_order_text(order.id)
        self.onec_order_line.setText(held)
        self.onec_order_line.setVisible(bool(held))
        self.findings = self.source.findings(order)
        self.findings_bar.show_findings([f for f in self.findings if f.code != NOT_ASKED])
        registry = self._registry
        self.registry_line.show_result(registry.result(order) if registry is not None else None)
        self.portal.show_counterparty(order.buyer, errors=self._finding_fields())
        if self._changing != order.id:
            self._changing = None
        written = self.source.written(order) if self._changing is None else None
        if written is None:
            self.onec.show_candidates(order.buyer, self.source.candidates(order))
        else:
            self.onec.show_written(order.buyer, written)
        self.decisions.set_written(_written_reason(written))
        self.entity_notes.show_entities(
            self.source.earlier_entities(order), self.onec.listed_keys()
        )
        self.lines.set_rows(order.lines)
        self.properties.set_rows(order.properties)
        self.history.set_rows(self._queue.history(order.id))
        if self.card_order is None:
            self.decisions.set_context(order.id, self.onec.current_candidate())

    def _registry_fills(self, order: Order | None, card: CounterpartyCard) -> list[Prefill]:
        """The card's fields the registry's kept answer fills or corrects (none without one)."""
        if order is None or self._registry is None:
            return []
        lookup = self._registry.result(order).lookup
        return prefill(card, lookup) if lookup is not None else []

    def findings_of(self, portal_id: str) -> Sequence[Finding]:
        """The findings shown for the order, if it is the one on screen (else none)."""
        return self.findings if self.order is not None and self.order.id == portal_id else ()

    def _heading(self, order: Order) -> str:
        parts = [translate("ReviewPanel", "Заказ № {0}").format(order.number or order.id)]
        if order.date is not None:
            parts.append(translate("ReviewPanel", "от {0}").format(order.date.strftime("%d.%m.%Y")))
        if order.total is not None:
            parts.append("· " + money_text(order.total) + currency_suffix(order.currency))
        row = self._queue_state(order.id)
        if row:
            parts.append("· " + row)
        return " ".join(parts)

    def _onec_order_text(self, portal_id: str) -> str:
        """What the 1C order held when last read (a local read: milliseconds)."""
        state = self._onec_orders.state(portal_id) if self._onec_orders is not None else None
        if state is None or self._queue.review_state(portal_id) in _SETTLED:
            return ""  # written or rejected: what the order held before is no longer news
        when = state.read_at.astimezone().strftime("%d.%m %H:%M")
        line = translate("ReviewPanel", "В 1С (прочитано {0}): {1}").format(
            when, order_words(state, translate)
        )
        if state.auto_created:
            line += " " + translate(
                "ReviewPanel", "«Связать» или «Создать в 1С» предложат заменить его."
            )
        return line

    def _queue_state(self, portal_id: str) -> str:
        found = self._queue.review_state(portal_id)
        if found is None:
            return ""
        if self.portal.from_onec and found in (ReviewState.NEW, ReviewState.NEEDS_REVIEW):
            return from_onec_word()
        return state_word(found)

    def _finding_fields(self) -> dict[str, str]:
        accounts = len(self.order.buyer.bank_accounts) if self.order and self.order.buyer else 0
        return {
            card_key(f.field, accounts): finding_words(f)
            for f in self.findings
            if f.field and f.severity is not Severity.INFO
        }

    @Slot(str)
    def _change_decision(self, portal_id: str) -> None:
        self._changing = portal_id
        self.reload()

    @Slot(str)
    def _show_onec_card(self, ref_key: str) -> None:
        self.onec.select_counterparty(ref_key)

    @Slot(object)
    def _candidate_changed(self, candidate: Candidate | None) -> None:
        order = self.order
        if order is None:
            return
        buyer = order.buyer
        keys = differing(buyer, candidate.counterparty) if buyer and candidate else set()
        portal_marks = {
            key: translate("ReviewPanel", "Отличается от выбранного контрагента 1С") for key in keys
        }
        onec_marks = {
            key: translate("ReviewPanel", "Отличается от карточки портала") for key in keys
        }
        self.portal.show_counterparty(buyer, portal_marks, self._finding_fields())
        self.onec.mark(onec_marks)
        if self.card_order is None:
            self.decisions.set_context(order.id, candidate)


def _written_reason(written: WrittenDecision | None) -> str | None:
    if written is None:
        return None
    return translate(
        "ReviewPanel",
        "Решение по заказу уже записано в 1С; чтобы принять другое, нажмите «Изменить решение»",
    )
