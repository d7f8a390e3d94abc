"""«Создать в 1С»: the new counterparty's card, in the 1C column, beside the portal's data.

It replaced a modal dialog that covered the very data the card is compared with. The card
is prefilled from the portal (`DecisionService.preview_card`) and checked live, as the
manager types, by the same checks as `checks` (`card_checks.card_findings`): each field shows
its sentence under it. An error refuses «Создать в 1С» (the first field in error gets the
focus); warnings — the checks', and the notice the window may add (`set_notice`, e.g. a
directory copy that is not complete) — are asked about once, together, before
`create_requested` is emitted. The panel only collects: `changes()` and `partner_key()` are
what the decision service applies (and checks again) when it records the decision.

The bank accounts the portal sent are shown read-only: the create decision does not write
`Catalog_БанковскиеСчетаКонтрагентов` yet, and the note says so. Escape or «Отмена» cancels;
Ctrl+Enter is «Создать в 1С».
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.card_checks import card_findings
from desktop_app.domain.counterparty import BankAccount, CounterpartyKind
from desktop_app.domain.decisions import CounterpartyCard
from desktop_app.domain.onec_directory import DirectoryCounterparty
from desktop_app.domain.registry_findings import Prefill
from desktop_app.domain.requisite_values import Severity
from desktop_app.ui.card_editors import Editor, FieldBox, WrappingEdit
from desktop_app.ui.card_fields import card_labels, kind_word
from desktop_app.ui.card_view import emphasize, plain_label
from desktop_app.ui.findings_bar import badge_style, finding_words
from desktop_app.ui.wording import shown_code
from desktop_app.wording.card_problems import CARD_PROBLEMS

translate = QCoreApplication.translate

EDITABLE = ("name", "full_name", "inn", "kpp", "ogrn", "legal_address", "actual_address",
            "phone", "email")  # fmt: skip
WRAPPING = frozenset({"name", "full_name", "legal_address", "actual_address"})
KINDS = (CounterpartyKind.LEGAL, CounterpartyKind.ENTREPRENEUR, CounterpartyKind.PERSON)
_ACCOUNT_FIELDS = ("account", "bank", "bik", "corr_account")


class CardPanel(QWidget):
    create_requested = Signal()
    """«Создать в 1С» with no error left and every warning accepted: read `changes()`."""
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cardPanel")
        self.card = CounterpartyCard(name="")
        self.head: DirectoryCounterparty | None = None
        self.confirm: QMessageBox | None = None
        self.title = emphasize(plain_label(translate("CardPanel", "Создать контрагента в 1С")))
        self.branch_note = plain_label("", self)
        self.registry_head = plain_label("", self)
        self.registry_head.setObjectName("cardRegistryHead")
        self.registry_head.hide()
        self.scroller = QScrollArea(self)
        self.scroller.setWidgetResizable(True)
        self.scroller.setFrameShape(QFrame.Shape.NoFrame)
        self.scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.body = QWidget(self.scroller)
        column = QVBoxLayout(self.body)
        self.form = QFormLayout()
        column.addLayout(self.form)
        column.addStretch(1)  # a tall screen leaves room below the card, not between its rows
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.scroller.setWidget(self.body)
        self.boxes: dict[str, FieldBox] = {}
        self.edits: dict[str, Editor] = {}
        self.kind = QComboBox(self)
        self.kind.setObjectName("card-kind")
        for kind in KINDS:
            self.kind.addItem(kind_word(kind), kind.value)
        self.partner = QComboBox(self)
        self.partner.setObjectName("card-partner")
        self.accounts = QWidget(self.body)
        self.accounts_form = QFormLayout(self.accounts)
        self.accounts_form.setContentsMargins(0, 0, 0, 0)
        self.accounts_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self._build_form()
        self.notice = plain_label("", self)
        self.notice.setObjectName("cardNotice")
        self.notice.setStyleSheet(badge_style(Severity.WARNING))
        self.notice.hide()
        self.error = plain_label("", self)
        self.error.setObjectName("cardError")
        self.error.setStyleSheet(badge_style(Severity.ERROR))
        self.error.hide()
        self.create_button = QPushButton(translate("CardPanel", "Создать в 1С"), self)
        self.create_button.setObjectName("cardCreate")
        self.cancel_button = QPushButton(translate("CardPanel", "Отмена"), self)
        self.create_button.clicked.connect(self.request_create)
        self.cancel_button.clicked.connect(self.cancel)
        for keys, slot in ((QKeySequence(Qt.Key.Key_Escape), self.cancel),
                           (QKeySequence("Ctrl+Return"), self.request_create)):  # fmt: skip
            shortcut = QShortcut(keys, self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        self.create_button.setToolTip(translate("CardPanel", "Ctrl+Enter"))
        self.cancel_button.setToolTip(translate("CardPanel", "Esc"))
        self._build()

    def _build_form(self) -> None:
        labels = card_labels() | {"partner": translate("CardPanel", "Партнёр в 1С")}
        for name in EDITABLE:
            editor: Editor = WrappingEdit("", self.body) if name in WRAPPING else QLineEdit()
            editor.setObjectName(f"card-{name}")
            editor.textChanged.connect(self.recheck)
            self.edits[name] = editor
            self.boxes[name] = FieldBox(editor, self.body)
            self.form.addRow(plain_label(labels[name], self.body), self.boxes[name])
            if name == "full_name":
                self.boxes["kind"] = FieldBox(self.kind, self.body)
                self.form.addRow(plain_label(labels["kind"], self.body), self.boxes["kind"])
        self.kind.currentIndexChanged.connect(self.recheck)
        self.form.addRow(plain_label(labels["partner"], self.body), self.partner)
        self.accounts_note = plain_label(
            translate(
                "CardPanel",
                "Расчётный счёт, как его прислал портал. В 1С он пока не записывается: "
                "добавьте его в карточке контрагента в 1С (банковские счета контрагента).",
            ),
            self.body,
        )
        self.form.addRow(self.accounts_note)
        self.form.addRow(self.accounts)

    def _build(self) -> None:
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.create_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.branch_note)
        layout.addWidget(self.registry_head)  # the card has no field for the head (yet)
        layout.addWidget(self.scroller, 1)
        layout.addWidget(self.notice)
        layout.addWidget(self.error)
        layout.addLayout(buttons)

    def show_card(
        self,
        card: CounterpartyCard,
        head: DirectoryCounterparty | None,
        accounts: Sequence[BankAccount] = (),
        fills: Sequence[Prefill] = (),
    ) -> None:
        """Fill the panel for one order's buyer, checked at once; the focus goes to the
        first field in error, else to the name. `fills`: the registry's values where the
        portal left a field empty or differs (domain.registry_findings.prefill), each field
        marked so, with the portal's value one click away; they count as the manager's
        changes to the card."""
        self.card, self.head = card, head
        filled = {fill.field: fill for fill in fills}
        for name, editor in self.edits.items():
            fill = filled.get(name)
            editor.blockSignals(True)
            editor.setText(fill.registry if fill is not None else getattr(card, name))
            editor.blockSignals(False)
            mark = self.boxes[name].prefill
            if mark is not None and fill is not None:
                mark.mark(fill.portal)
            elif mark is not None:
                mark.hide()
        head_fill = filled.get("head")
        self.registry_head.setText(
            translate("CardPanel", "Руководитель по реестру (ЕГРЮЛ): {0}").format(
                head_fill.registry
            )
            if head_fill is not None
            else ""
        )
        self.registry_head.setVisible(head_fill is not None)
        self.kind.setCurrentIndex(max(self.kind.findData(card.kind.value), 0))
        self._fill_partner(head)
        self._fill_accounts(accounts)
        self.set_notice("")
        self.error.hide()
        self.scroller.verticalScrollBar().setValue(0)
        self.recheck()
        (self._first_error() or self.edits["name"]).setFocus()

    def _fill_partner(self, head: DirectoryCounterparty | None) -> None:
        self.partner.clear()
        if head is not None and head.partner_key:
            self.partner.addItem(
                translate("CardPanel", "партнёр головной организации «{0}»").format(
                    head.description
                ),
                head.partner_key,
            )
        self.partner.addItem(translate("CardPanel", "новый партнёр с тем же наименованием"), "")
        note = "" if head is None else translate(
            "CardPanel",
            "В 1С уже есть «{0}» с этим ИНН (КПП {1}): новый контрагент будет записан как "
            "его обособленное подразделение.",
        ).format(head.description, head.kpp or "—")  # fmt: skip
        self.branch_note.setText(note)
        self.branch_note.setVisible(bool(note))

    def _fill_accounts(self, accounts: Sequence[BankAccount]) -> None:
        while self.accounts_form.rowCount():
            self.accounts_form.removeRow(0)
        labels = card_labels()
        for number, account in enumerate(accounts, start=1):
            suffix = f" {number}" if len(accounts) > 1 else ""
            for field in _ACCOUNT_FIELDS:
                value = getattr(account, field)
                if value:
                    shown = plain_label(value, self.accounts)
                    shown.setObjectName(f"card-{field}{suffix.replace(' ', '-')}")
                    label = plain_label(labels[field] + suffix, self.accounts)
                    self.accounts_form.addRow(label, shown)
        self.accounts_note.setVisible(bool(accounts))
        self.accounts.setVisible(bool(accounts))

    def set_notice(self, text: str) -> None:
        """A warning line above the buttons (asked about with the checks' warnings)."""
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    def current_card(self) -> CounterpartyCard:
        """The card as the fields are now (unchecked: `card_findings` judges it)."""
        values = {name: editor.text().strip() for name, editor in self.edits.items()}
        kind = CounterpartyKind(str(self.kind.currentData()))
        return replace(self.card, kind=kind, **values)

    def changes(self) -> dict[str, str]:
        """The fields the manager changed (what the decision service applies to the card)."""
        changed = {
            name: editor.text()
            for name, editor in self.edits.items()
            if editor.text().strip() != getattr(self.card, name)
        }
        kind = str(self.kind.currentData())
        if kind != self.card.kind.value:
            changed["kind"] = kind
        return changed

    def partner_key(self) -> str | None:
        return str(self.partner.currentData() or "") or None

    @Slot()
    def recheck(self) -> None:
        """Say under each field what the checks find in it now."""
        card = self.current_card()
        said: dict[str, list[tuple[Severity, str]]] = {}
        for finding in card_findings(card):
            said.setdefault(finding.field, []).append((finding.severity, finding_words(finding)))
        if not card.name:
            said.setdefault("name", []).append(
                (Severity.ERROR, shown_code(CARD_PROBLEMS, "name-missing"))
            )
        for name, box in self.boxes.items():
            box.say(said.get(name, []))

    def _first_error(self) -> QWidget | None:
        for box in self.boxes.values():
            if box.severity is Severity.ERROR:
                return box.editor
        return None

    def warnings(self) -> list[str]:
        """What the manager is asked to accept: the notice, then each field's warnings."""
        labels = card_labels()
        found = [self.notice.text()] if self.notice.text() else []
        for name, box in self.boxes.items():
            if box.severity is Severity.WARNING:
                found.append(f"{labels[name]}: {box.message.text()}")
        return found

    @Slot()
    def request_create(self) -> None:
        """Refuse while a field is in error (the focus goes there); else ask once about the
        warnings, if any; then `create_requested`."""
        self.recheck()
        first = self._first_error()
        if first is not None:
            self.error.setText(
                translate("CardPanel", "Исправьте поля, отмеченные красным: с ними 1С не записать.")
            )
            self.error.show()
            self.scroller.ensureWidgetVisible(first)
            first.setFocus()
            return
        self.error.hide()
        warnings = self.warnings()
        if not warnings:
            self.create_requested.emit()
            return
        question = translate("CardPanel", "Проверьте перед созданием контрагента в 1С:")
        listed = "\n".join(f"• {text}" for text in warnings)
        self.confirm = QMessageBox(self)
        self.confirm.setIcon(QMessageBox.Icon.Warning)
        self.confirm.setWindowTitle(translate("CardPanel", "Создать в 1С?"))
        self.confirm.setTextFormat(Qt.TextFormat.PlainText)  # the warnings quote portal data
        self.confirm.setText(f"{question}\n\n{listed}")
        create = self.confirm.addButton(
            translate("CardPanel", "Создать в 1С"), QMessageBox.ButtonRole.AcceptRole
        )
        self.confirm.addButton(
            translate("CardPanel", "Вернуться к карточке"), QMessageBox.ButtonRole.RejectRole
        )
        box = self.confirm
        box.finished.connect(lambda _: self._confirmed(box.clickedButton() is create))
        box.finished.connect(box.deleteLater)
        box.open()

    def _confirmed(self, accepted: bool) -> None:
        self.confirm = None
        if accepted:
            self.create_requested.emit()

    @Slot()
    def cancel(self) -> None:
        self.cancelled.emit()
