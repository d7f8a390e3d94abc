"""The review side for a document put aside: why it could not be read, and its raw text.

Such a document is no order yet, so there is nothing to decide: the page says which order
it is (the portal's number and Ид, to find it on the site), why the program could not read
it, that the portal will not send it again unless it is edited there, and shows the XML
exactly as the portal sent it — read-only, selectable, plain text (never rendered).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QPlainTextEdit, QVBoxLayout, QWidget

from desktop_app.store.queue_rows import UnreadRow
from desktop_app.ui.card_view import emphasize, plain_label

translate = QCoreApplication.translate


class UnreadView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = plain_label("", self)
        self.heading.setObjectName("unreadHeading")
        emphasize(self.heading, larger=2)
        self.reason = plain_label("", self)
        self.reason.setObjectName("unreadReason")
        self.note = plain_label("", self)
        self.raw = QPlainTextEdit(self)
        self.raw.setObjectName("unreadRaw")
        self.raw.setReadOnly(True)
        self.raw.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.raw.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.reason)
        layout.addWidget(self.note)
        layout.addWidget(self.raw, 1)

    def show_document(self, row: UnreadRow, source: tuple[bytes, str | None] | None) -> None:
        number = row.number or row.portal_id or "—"
        heading = translate("ReviewPanel", "Документ с портала № {0} не прочитан").format(number)
        if row.portal_id and row.portal_id != number:
            heading += " " + translate("ReviewPanel", "(Ид {0})").format(row.portal_id)
        self.heading.setText(heading)
        self.reason.setText(translate("ReviewPanel", "Причина: {0}").format(row.message))
        self.note.setText(
            translate(
                "ReviewPanel",
                "Портал считает этот заказ переданным и пришлёт его снова, только если заказ "
                "изменят на сайте; найдите его там по номеру, а текст документа ниже сохранён "
                "и будет прочитан заново, когда новая версия программы сможет его прочитать.",
            )
        )
        if source is None:
            self.raw.setPlainText(translate("ReviewPanel", "Текст документа не сохранён."))
            return
        raw, encoding = source
        try:
            text = raw.decode(encoding or "utf-8", errors="replace")
        except LookupError:  # an encoding Python does not know: show what UTF-8 makes of it
            text = raw.decode("utf-8", errors="replace")
        self.raw.setPlainText(text)
