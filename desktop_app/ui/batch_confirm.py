"""«Подтвердить выбранные автоматические связи»: many automatic links confirmed at once.

The manager selects orders in the queue (Shift, Ctrl) and confirms the automatic links among
them in one step — but only after a dialog has listed every one of them: the order, the 1C
counterparty it is linked to and why (`services.automatic_links`), so no link is confirmed
unseen. Reading the links and confirming them both run off the GUI thread; the confirming
shows its progress in the status bar. `confirmed` then tells the window to read the queue
again and let the push write them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPlainTextEdit, QVBoxLayout, QWidget

from desktop_app.services.automatic_links import AutomaticLink, automatic_links, confirm_links
from desktop_app.services.decision_service import DecisionError
from desktop_app.services.workspace import Workspace
from desktop_app.store.queue_rows import QueueRow
from desktop_app.ui.card_view import emphasize, plain_label
from desktop_app.ui.findings_bar import finding_words, severity_word
from desktop_app.ui.status_bar import StatusBar, TaskProgress
from desktop_app.ui.workers import TaskContext, TaskRunner
from desktop_app.wording.phrases import phrase_text

translate = QCoreApplication.translate
SHORTCUT = "Ctrl+Shift+L"


def link_line(link: AutomaticLink) -> str:
    """One order of the confirmation: «№ 12 · ООО «Ладья» → ООО «Ладья-М» (1С): why», and
    under it, indented, what the checks warn of."""
    reason = (
        phrase_text(link.reason, translate)
        if link.reason is not None
        else translate("BatchConfirm", "1С больше не предлагает этого контрагента покупателю")
    )
    counterparty = link.counterparty_name or translate(
        "BatchConfirm", "контрагент, которого нет в копии справочника 1С"
    )
    line = translate("BatchConfirm", "№ {0} · {1} → {2}: {3}").format(
        link.number or link.portal_id, link.buyer_name or "", counterparty, reason
    )
    warned = [f"{severity_word(f.severity)}: {finding_words(f)}" for f in link.warnings]
    return "\n    ".join([line, *warned])


class ConfirmLinksDialog(QDialog):
    """Every link to confirm, with its reason, in front of the manager before they do."""

    def __init__(self, links: Sequence[AutomaticLink], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.links = list(links)
        self.setWindowTitle(translate("BatchConfirm", "Подтвердить автоматические связи"))
        self.setMinimumSize(640, 320)
        heading = plain_label(
            translate("BatchConfirm", "Подтвердить автоматические связи заказов ({0})?").format(
                len(self.links)
            ),
            self,
        )
        emphasize(heading)
        self.list = QPlainTextEdit(self)
        self.list.setObjectName("confirmLinksList")
        self.list.setReadOnly(True)
        self.list.setPlainText("\n".join(link_line(link) for link in self.links))
        buttons = QDialogButtonBox(self)
        confirm = buttons.addButton(
            translate("BatchConfirm", "Подтвердить ({0})").format(len(self.links)),
            QDialogButtonBox.ButtonRole.AcceptRole,
        )
        confirm.setObjectName("confirmLinksButton")
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)


class BatchConfirm(QObject):
    confirmed = Signal()
    """Links were confirmed: read the queue again, let the push write them."""
    problem = Signal(str, bool)
    """A known problem in words (the one confirmation that failed, say)."""
    bug = Signal(object)
    """An unexpected exception, for the crash dialog."""

    def __init__(
        self, selected: Callable[[], list[QueueRow]], workspace: Workspace, runner: TaskRunner,
        status: StatusBar, parent: QWidget,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self._workspace, self._runner, self._status = workspace, runner, status
        self._selected = selected
        self._parent = parent
        self.dialog: ConfirmLinksDialog | None = None
        self.action = QAction(
            translate("BatchConfirm", "Подтвердить выбранные автоматические связи"), parent
        )
        self.action.setObjectName("confirm-automatic-links")
        self.action.setShortcut(QKeySequence(SHORTCUT))
        self.action.setToolTip(
            translate(
                "BatchConfirm",
                "Подтвердить автоматические связи выбранных в очереди заказов, просмотрев "
                "причину каждой ({0})",
            ).format(QKeySequence(SHORTCUT).toString(QKeySequence.SequenceFormat.NativeText))
        )
        self.action.triggered.connect(self.start)

    @Slot()
    def start(self) -> None:
        """Read the automatic links among the selected orders, then ask."""
        ids = [row.portal_id for row in self._selected() if row.unread is None]
        if not ids or self._runner.running("confirm-links-read") is not None:
            return
        database = self._workspace.database

        def run(_context: TaskContext) -> list[AutomaticLink]:
            return automatic_links(database, ids)

        task = self._runner.start("confirm-links-read", run)
        task.succeeded.connect(self._ask)
        task.failed.connect(self._failed)

    @Slot(object)
    def _ask(self, links: list[AutomaticLink]) -> None:
        if not links:
            self.problem.emit(
                translate(
                    "BatchConfirm",
                    "Среди выбранных заказов нет автоматических связей, ждущих подтверждения.",
                ),
                True,
            )
            return
        dialog = ConfirmLinksDialog(links, self._parent)
        dialog.accepted.connect(lambda: self._confirm([link.portal_id for link in links]))
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()

    def _confirm(self, ids: list[str]) -> None:
        database = self._workspace.database

        def run(context: TaskContext) -> int:
            return confirm_links(database, ids, lambda done, total: context.report(done))

        task = self._runner.start("confirm-links", run)
        what = translate("BatchConfirm", "Подтверждение связей")

        def describe(done: object) -> TaskProgress:
            count = done if isinstance(done, int) else 0
            return TaskProgress(f"{what}: {count} / {len(ids)}", count, len(ids))

        self._status.show_task(task, describe, describe(None))
        task.succeeded.connect(lambda _count: self.confirmed.emit())
        task.failed.connect(self._failed)

    @Slot(object)
    def _failed(self, error: BaseException) -> None:
        if isinstance(error, DecisionError):
            self.problem.emit(str(error), True)
            self.confirmed.emit()  # some may have been confirmed before the one that failed
        else:
            self.bug.emit(error)
