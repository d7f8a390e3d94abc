"""From a decision button to a recorded decision: the dialogs, then the store, then 1C.

`ReviewActions` says what the manager chose; this asks what the decision needs — the
editable card for «Создать в 1С» (a `CardPanel` the `CardHost`, the review panel, shows in
its 1C column, beside the portal's data), the reason for «Отклонить» — records it off the GUI thread
(`DecisionService`: with the time and the operating-system user), opens the next order,
and lets the push write it to 1C when 1C answers. When the 1C order already holds another
counterparty (as last read: 1C's site exchange often fills it), a link or a create first
asks whether to replace it, showing the old one (`ReplaceDialog`). A link to a counterparty
whose ИНН is not the buyer's (or when the buyer has none) first asks, showing both ИНН. A
create first warns, once, while the local copy of 1C's directory is incomplete or older
than `onec.directory_max_age` (directory_freshness.py): the buyer may be in 1C already, and
a second card would be a duplicate. Both questions come before the card, so they hold
whether the card is a dialog or a panel. Dialogs are opened
window-modal with `open()`, never `exec()`, so the event loop (and the background work)
keeps running.

It is given what it uses — the workspace, the runner and the widget its dialogs belong to —
and says what happened as signals (`recorded`, `problem`, `bug`), as `SyncController` does;
the main window connects the decision buttons to `on_request`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot
from PySide6.QtWidgets import QDialog, QInputDialog, QLineEdit, QMessageBox, QWidget

from desktop_app.domain.decisions import CounterpartyCard, DecisionKind
from desktop_app.domain.onec_directory import DirectoryCounterparty
from desktop_app.domain.onec_order_state import OneCOrderState
from desktop_app.services.decision_service import DecisionError, DecisionService, Replacement
from desktop_app.services.directory_freshness import complete_copy_at, is_old
from desktop_app.services.workspace import Workspace
from desktop_app.store.decision_rows import DecisionRow
from desktop_app.store.directory_repository import DirectoryRepository
from desktop_app.store.onec_order_repository import OneCOrderRepository
from desktop_app.store.queue_repository import QueueRepository
from desktop_app.ui.card_panel import CardPanel
from desktop_app.ui.plain_text import plain_message_box
from desktop_app.ui.replace_dialog import ReplaceDialog
from desktop_app.ui.review_actions import DecisionRequest
from desktop_app.ui.workers import TaskContext, TaskRunner

translate = QCoreApplication.translate


class CardHost(Protocol):
    """Where the create card is shown (`ReviewPanel`: in place of its 1C column)."""

    card_panel: CardPanel
    card_order: str | None

    def open_card(
        self, portal_id: str, card: CounterpartyCard, head: DirectoryCounterparty | None
    ) -> CardPanel: ...

    def close_card(self) -> None: ...


class DecisionFlow(QObject):
    recorded = Signal(str)
    """The portal `Ид` of the order whose decision was stored (on the GUI thread)."""
    problem = Signal(str, bool)
    """A known problem in words; always one the manager asked for."""
    bug = Signal(object)
    """An unexpected exception: for the crash dialog."""

    def __init__(
        self,
        workspace: Workspace,
        runner: TaskRunner,
        parent: QWidget,
        cards: CardHost | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.runner = runner
        self._parent = parent
        self.dialog: QDialog | None = None
        self.cards = cards
        self._creating: tuple[str, Replacement | None] | None = None
        """The order (and the replace the manager chose) whose card is open."""
        if cards is not None:
            cards.card_panel.create_requested.connect(self._create)
            cards.card_panel.cancelled.connect(self._forget_card)

    def _service(self) -> DecisionService:
        return DecisionService(self.workspace.database)

    @Slot(object)
    def on_request(self, request: DecisionRequest) -> None:
        portal_id = request.portal_id
        if request.kind is DecisionKind.CREATE:
            self._ask_if_copy_old(lambda: self._start_create(portal_id))
        elif request.kind is DecisionKind.LINK and request.candidate is not None:
            chosen = request.candidate.counterparty
            self._ask_if_other_inn(portal_id, chosen, lambda: self._link(portal_id, chosen))
        elif request.kind is DecisionKind.REJECT:
            self._ask_reason(portal_id)
        elif request.kind is DecisionKind.DEFER:
            self.record(portal_id, lambda service: service.defer(portal_id))

    def _start_create(self, portal_id: str) -> None:
        held = self._held(portal_id, None)
        if held is None:
            self._ask_card(portal_id)
        else:
            new = translate("DecisionFlow", "нового контрагента по карточке портала")
            self._ask_replace(held, new, lambda replace: self._ask_card(portal_id, replace))

    def _link(self, portal_id: str, chosen: DirectoryCounterparty) -> None:
        key = chosen.ref_key

        def link(replace: Replacement | None) -> None:
            self.record(portal_id, lambda service: service.link(portal_id, key, replace))

        held = self._held(portal_id, key)
        if held is None:
            link(None)
        else:
            self._ask_replace(held, chosen.description, link)

    def _ask_if_other_inn(
        self, portal_id: str, chosen: DirectoryCounterparty, then: Callable[[], None]
    ) -> None:
        """Ask before a link to a counterparty whose ИНН is not the buyer's (a local read)."""
        order = QueueRepository(self.workspace.database).order(portal_id)
        mine = (order.buyer.inn if order is not None and order.buyer is not None else None) or ""
        if mine and chosen.inn == mine:
            then()
            return
        none = translate("DecisionFlow", "не указан")
        text = translate(
            "DecisionFlow",
            "ИНН покупателя: {0}.\nИНН контрагента 1С «{1}»: {2}.\n\nЭто разные ИНН — "
            "возможно, другое юридическое лицо. Всё равно связать заказ с этим контрагентом?",
        ).format(mine or none, chosen.description, chosen.inn or none)
        self._ask(translate("DecisionFlow", "Связать с другим ИНН?"), text, then)

    def _ask_if_copy_old(self, then: Callable[[], None]) -> None:
        """Warn, once, before a create while the directory copy may not know the buyer."""
        settings = self.workspace.settings.onec
        ended = complete_copy_at(DirectoryRepository(self.workspace.database))
        if ended is not None and not is_old(ended, settings.directory_max_age):
            then()
            return
        if ended is None:
            text = translate(
                "DecisionFlow",
                "Копия справочника 1С ещё не полная: этот контрагент может уже быть в 1С, и "
                "новый стал бы дублем. Лучше дождаться копии (или «Обновить справочник 1С»).",
            )
        else:
            when = ended.astimezone().strftime("%d.%m.%Y %H:%M")
            text = translate(
                "DecisionFlow",
                "Копия справочника 1С сделана {0} — больше {1} ч назад: этот контрагент мог "
                "появиться в 1С с тех пор, и новый стал бы дублем. Лучше сначала «Обновить "
                "справочник 1С».",
            ).format(when, settings.directory_max_age)
        text += "\n\n" + translate("DecisionFlow", "Всё равно создать контрагента?")
        self._ask(translate("DecisionFlow", "Создать в 1С?"), text, then)

    def _ask(self, title: str, text: str, then: Callable[[], None]) -> None:
        box = plain_message_box(QMessageBox.Icon.Warning, title, text, parent=self._parent)
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.setDefaultButton(QMessageBox.StandardButton.No)  # Enter does not write it
        yes = box.button(QMessageBox.StandardButton.Yes)
        box.buttonClicked.connect(lambda button: then() if button is yes else None)
        self._open(box)

    def _held(self, portal_id: str, chosen: str | None) -> OneCOrderState | None:
        """The 1C order as last read, when it holds a counterparty other than `chosen`."""
        state = OneCOrderRepository(self.workspace.database).state(portal_id)
        if state is None or state.counterparty_key in (None, chosen):
            return None
        return state

    def _ask_replace(
        self, state: OneCOrderState, new_name: str, then: Callable[[Replacement], None]
    ) -> None:
        dialog = ReplaceDialog(state, new_name, self._parent)

        def accepted() -> None:
            key = state.counterparty_key or ""
            then(Replacement(key, dialog.delete_old()))  # read on the GUI thread

        dialog.accepted.connect(accepted)
        self._open(dialog)

    def _ask_card(self, portal_id: str, replace: Replacement | None = None) -> None:
        try:
            card, head = self._service().preview_card(portal_id)
        except DecisionError as error:
            self.problem.emit(str(error), True)
            return
        if self.cards is None:
            self.bug.emit(RuntimeError("a create decision needs the card's host"))
            return
        self._creating = (portal_id, replace)
        self.cards.open_card(portal_id, card, head)

    @Slot()
    def _create(self) -> None:
        """The card's «Создать в 1С», its checks passed: record the decision."""
        if self.cards is None or self._creating is None:
            return
        portal_id, replace = self._creating
        if self.cards.card_order != portal_id:
            return  # the card was closed with its order (the manager went on to another)
        panel = self.cards.card_panel
        changes, partner = panel.changes(), panel.partner_key()  # read on the GUI thread
        self._creating = None
        self.cards.close_card()
        self.record(portal_id, lambda service: service.create(portal_id, changes, partner, replace))

    @Slot()
    def _forget_card(self) -> None:
        self._creating = None

    def _ask_reason(self, portal_id: str) -> None:
        dialog = QInputDialog(self._parent)
        dialog.setWindowTitle(translate("DecisionFlow", "Отклонить контрагента заказа"))
        dialog.setLabelText(
            translate("DecisionFlow", "Почему? (например: тестовый заказ, дубль, мошенничество)")
        )
        dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
        dialog.setOkButtonText(translate("DecisionFlow", "Отклонить"))
        dialog.setCancelButtonText(translate("DecisionFlow", "Отмена"))
        dialog.textValueSelected.connect(
            lambda text: self.record(portal_id, lambda service: service.reject(portal_id, text))
        )
        self._open(dialog)

    def _open(self, dialog: QDialog) -> None:
        self.dialog = dialog
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def record(self, portal_id: str, decide: Callable[[DecisionService], DecisionRow]) -> None:
        """Record the decision off the GUI thread; then the next order, then maybe 1C."""
        database = self.workspace.database

        def run(_context: TaskContext) -> DecisionRow:
            return decide(DecisionService(database))

        task = self.runner.start(f"decide-{portal_id}", run)
        task.succeeded.connect(lambda _row: self.recorded.emit(portal_id))
        task.failed.connect(self._failed)

    @Slot(object)
    def _failed(self, error: BaseException) -> None:
        if isinstance(error, DecisionError):
            self.problem.emit(str(error), True)
        else:
            self.bug.emit(error)
