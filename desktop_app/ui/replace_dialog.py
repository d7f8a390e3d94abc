"""«Заменить контрагента в заказе 1С?»: the explicit choice to overwrite what 1C holds.

1C's standard site exchange fills the order's counterparty itself, sometimes with a duplicate
it has just made. A counterparty already on the 1C order is never overwritten by a link or a
create unless the manager says so here, with the old value in front of them — and, for one
that looks made by the exchange, they may mark it for deletion in the same decision (a
deletion mark, never a deletion). The dialog only asks; `DecisionFlow` records.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from desktop_app.domain.onec_order_state import OneCOrderState
from desktop_app.ui.card_view import emphasize, plain_label
from desktop_app.wording.onec_orders import order_words

translate = QCoreApplication.translate


class ReplaceDialog(QDialog):
    def __init__(self, state: OneCOrderState, new_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.setWindowTitle(translate("ReplaceDialog", "Заменить контрагента в заказе 1С"))
        self.setMinimumWidth(520)
        old = state.counterparty.name if state.counterparty else state.counterparty_key or ""
        heading = plain_label(
            translate("ReplaceDialog", "В заказе 1С № {0} уже указан контрагент «{1}».").format(
                state.number, old
            ),
            self,
        )
        emphasize(heading)
        self.old_value = plain_label(order_words(state, translate), self)
        self.old_value.setObjectName("replaceOldValue")
        question = plain_label(
            translate("ReplaceDialog", "Заменить его на «{0}»?").format(new_name), self
        )
        self.delete_box = QCheckBox(
            translate("ReplaceDialog", "Пометить «{0}» на удаление (создан обменом с сайтом)")
            .format(old),
            self,
        )  # fmt: skip
        self.delete_box.setVisible(state.auto_created)
        self.delete_box.setChecked(state.auto_created)
        buttons = QDialogButtonBox(self)
        replace = buttons.addButton(
            translate("ReplaceDialog", "Заменить"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        replace.setObjectName("replaceButton")
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (heading, self.old_value, question, self.delete_box, buttons):
            layout.addWidget(widget)

    def delete_old(self) -> bool:
        """The manager also marks the replaced counterparty for deletion."""
        return self.state.auto_created and self.delete_box.isChecked()
