"""One side of the settings dialog: the fields of a connection, its check, the check's answer.

`PortalForm` and `OneCForm` differ only in their fields; both read their values back as
the typed settings object and word the answer of "Проверить подключение" for a manager.
The password field starts empty: leaving it so keeps the stored password (reading the
keychain to prefill it could block the window, and nobody needs to see it).
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QToolButton,
    QWidget,
)

from desktop_app.services import setting_rules
from desktop_app.services.connection_check import CheckResult, Reachability
from desktop_app.services.settings import OneCSettings, PortalMode, PortalSettings
from desktop_app.ui.card_view import plain_label

translate = QCoreApplication.translate


PORTAL_URL_HINT = "https://b2b.example.ru/order_review/exchange.php"
"""The portal address as the placeholder shows it: the app's own exchange page on the site
(GUIDE §3) — never 1C's `/bitrix/admin/1c_exchange.php`, which a manager copying the hint
would share with 1C's exchange and steal its cursor."""

DEADLINE_MAX = 24 * 3600
"""The longest overall deadline the form offers (setting_rules caps unbounded numbers so)."""


def _deadline_tip() -> str:
    return translate(
        "ConnectionForm",
        "Сколько самое большее ждать ответа целиком, даже если сервер присылает его по байту.",
    )


def _seconds(
    value: float, parent: QWidget, maximum: float = setting_rules.MAX_SECONDS
) -> QDoubleSpinBox:
    box = QDoubleSpinBox(parent)
    box.setRange(1, maximum)
    box.setDecimals(0)
    box.setSuffix(translate("ConnectionForm", " с"))
    box.setValue(value)
    return box


class ConnectionForm(QGroupBox):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.form = QFormLayout(self)
        self.url = QLineEdit(self)
        self.user = QLineEdit(self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(
            translate("ConnectionForm", "оставьте пустым, чтобы не менять")
        )
        self.ca_bundle = QLineEdit(self)
        self.ca_bundle.setPlaceholderText(
            translate("ConnectionForm", "не нужен для обычного сертификата")
        )
        browse = QToolButton(self)
        browse.setText("…")
        browse.setToolTip(translate("ConnectionForm", "Выбрать файл сертификатов (PEM)"))
        browse.clicked.connect(self._browse)
        self._ca_row = QHBoxLayout()
        self._ca_row.addWidget(self.ca_bundle, 1)
        self._ca_row.addWidget(browse)
        self.check_button = QPushButton(translate("ConnectionForm", "Проверить подключение"), self)
        self.answer = plain_label("", self)
        self.answer.setObjectName("checkAnswer")
        self.clear_text = plain_label("", self)
        self.clear_text.setObjectName("clearTextWarning")
        self.clear_text.setStyleSheet("QLabel { color: #e65100; }")
        self.clear_text.hide()
        self.url.textChanged.connect(self._warn_clear_text)

    def _add_common(self, url_hint: str) -> None:
        self.url.setPlaceholderText(url_hint)
        self.form.addRow(translate("ConnectionForm", "Адрес"), self.url)
        self.form.addRow(self.clear_text)
        self.form.addRow(translate("ConnectionForm", "Логин"), self.user)
        self.form.addRow(translate("ConnectionForm", "Пароль"), self.password)

    def _add_check(self) -> None:
        self.form.addRow(translate("ConnectionForm", "Сертификаты ЦС"), self._ca_row)
        self.form.addRow(self.check_button)
        self.form.addRow(self.answer)

    @Slot()
    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            translate("ConnectionForm", "Файл сертификатов"),
            "",
            translate("ConnectionForm", "Сертификаты (*.pem *.crt *.cer);;Все (*)"),
        )
        if path:
            self.ca_bundle.setText(path)

    @Slot(str)
    def _warn_clear_text(self, url: str) -> None:
        """An http:// address is allowed, but the manager sees that the password goes in clear."""
        warning = setting_rules.clear_text_warning(url)
        if warning is None:
            self.clear_text.hide()
            self.clear_text.setText("")
            return
        self.clear_text.setText(
            translate(
                "ConnectionForm",
                "Адрес начинается с http://: пароль и данные покупателей будут передаваться "
                "по сети незашифрованными — попросите администратора адрес с https://.",
            )
        )
        self.clear_text.show()

    def new_password(self) -> str | None:
        return self.password.text() or None

    def show_checking(self) -> None:
        self.check_button.setEnabled(False)
        self.answer.setStyleSheet("")
        self.answer.setText(translate("ConnectionForm", "Проверяю…"))

    def _show_starts(self) -> None:
        """Long addresses show their beginning (the scheme and host), not their end."""
        for field in (self.url, self.ca_bundle):
            field.setCursorPosition(0)

    def show_answer(self, words: str, good: bool, *, works: bool = False) -> None:
        """Green when all is well, red when it does not work; `works` (it works, with advice
        for an administrator): amber, so that a working connection never reads as broken."""
        self.check_button.setEnabled(True)
        color = "#2e7d32" if good else "#b45309" if works else "#c62828"
        self.answer.setStyleSheet(f"QLabel {{ color: {color}; }}")
        self.answer.setText(words)


class PortalForm(ConnectionForm):
    def __init__(self, settings: PortalSettings, parent: QWidget | None = None) -> None:
        super().__init__(translate("ConnectionForm", "Портал (обмен заказами 1С-Битрикс)"), parent)
        self._add_common(PORTAL_URL_HINT)
        self.mode = QComboBox(self)
        self.mode.addItem(
            translate("ConnectionForm", "Своя страница обмена"),
            PortalMode.OWN_PAGE.value,
        )
        self.mode.addItem(
            translate("ConnectionForm", "Страница 1С (peek)"),
            PortalMode.PEEK.value,
        )
        self.mode.setToolTip(
            translate(
                "ConnectionForm",
                "Своя страница обмена: полученные заказы подтверждаются порталу, следующий "
                "обмен приносит только новые и изменённые.\nСтраница 1С (peek): порталу "
                "ничего не подтверждается, курсор 1С не сдвигается.",
            )
        )
        self.form.addRow(translate("ConnectionForm", "Режим"), self.mode)
        self.connect_timeout = _seconds(settings.connect_timeout, self)
        self.read_timeout = _seconds(settings.read_timeout, self)
        self.deadline = _seconds(settings.deadline, self, DEADLINE_MAX)
        self.deadline.setToolTip(_deadline_tip())
        self.retries = QSpinBox(self)
        self.retries.setRange(1, setting_rules.MAX_RETRIES)
        self.form.addRow(translate("ConnectionForm", "Ждать соединения"), self.connect_timeout)
        self.form.addRow(translate("ConnectionForm", "Ждать ответа"), self.read_timeout)
        self.form.addRow(
            translate("ConnectionForm", "Шаг обмена целиком, не дольше"), self.deadline
        )
        self.form.addRow(translate("ConnectionForm", "Повторов при обрыве"), self.retries)
        self._add_check()
        self.url.setText(settings.url)
        self.user.setText(settings.user)
        self.mode.setCurrentIndex(max(0, self.mode.findData(settings.mode.value)))
        self.ca_bundle.setText(settings.ca_bundle)
        self.retries.setValue(settings.retries)
        self._show_starts()

    def values(self, base: PortalSettings) -> PortalSettings:
        return replace(
            base,
            url=self.url.text().strip(),
            user=self.user.text().strip(),
            mode=PortalMode(self.mode.currentData()),
            ca_bundle=self.ca_bundle.text().strip(),
            connect_timeout=self.connect_timeout.value(),
            read_timeout=self.read_timeout.value(),
            deadline=self.deadline.value(),
            retries=self.retries.value(),
        )

    @staticmethod
    def words(result: CheckResult) -> tuple[str, bool]:
        detail = result.detail or ""
        if result.state is Reachability.OK and (result.facts or result.gaps):
            text = translate("ConnectionForm", "Подключение к порталу работает: вход выполнен.")
            text += "".join(f"\n• {fact}" for fact in result.facts)
            if result.gaps:
                text += "\n" + translate("ConnectionForm", "Что изменить администратору портала:")
                text += "".join(f"\n• {gap}" for gap in result.gaps)
            return text, not result.gaps
        return {
            Reachability.OK: (
                translate("ConnectionForm", "Подключение к порталу работает: вход выполнен."),
                True,
            ),
            Reachability.NOT_CONFIGURED: (
                translate("ConnectionForm", "Укажите адрес страницы обмена и логин. {0}")
                .format(detail)
                .strip(),
                False,
            ),
            Reachability.NO_PASSWORD: (
                translate("ConnectionForm", "Введите пароль пользователя портала."),
                False,
            ),
            Reachability.UNREACHABLE: (
                translate("ConnectionForm", "Портал не отвечает. {0}").format(detail),
                False,
            ),
            Reachability.REFUSED: (
                translate("ConnectionForm", "Портал не пустил: {0}").format(detail),
                False,
            ),
            Reachability.FAILED: (
                translate("ConnectionForm", "Портал ответил не по протоколу: {0}").format(detail),
                False,
            ),
            Reachability.UNKNOWN: ("", False),
        }[result.state]


class OneCForm(ConnectionForm):
    def __init__(self, settings: OneCSettings, parent: QWidget | None = None) -> None:
        super().__init__(translate("ConnectionForm", "1С:Управление торговлей 11 (OData)"), parent)
        self._add_common("https://1c.example.ru/ut11/odata/standard.odata/")
        self.no_password = QCheckBox(translate("ConnectionForm", "У пользователя нет пароля"), self)
        self.no_password.setToolTip(
            translate(
                "ConnectionForm",
                "1С пускает пользователя с пустым паролем: отметьте, если пароля у него нет.",
            )
        )
        self.no_password.toggled.connect(self._no_password_toggled)
        self.form.addRow("", self.no_password)
        self.connect_timeout = _seconds(settings.connect_timeout, self)
        self.read_timeout = _seconds(settings.read_timeout, self)
        self.form.addRow(translate("ConnectionForm", "Ждать соединения"), self.connect_timeout)
        self.form.addRow(translate("ConnectionForm", "Ждать ответа"), self.read_timeout)
        self.deadline = _seconds(settings.deadline, self, DEADLINE_MAX)
        self.deadline.setToolTip(_deadline_tip())
        self.form.addRow(translate("ConnectionForm", "Запрос целиком, не дольше"), self.deadline)
        self.access_group = QLineEdit(settings.partner_access_group, self)
        self.access_group.setPlaceholderText(
            translate("ConnectionForm", "пусто — та, что ставит новым партнёрам обмен с сайтом")
        )
        self.form.addRow(
            translate("ConnectionForm", "Группа доступа новых партнёров"), self.access_group
        )
        self.directory_max_age = QSpinBox(self)
        self.directory_max_age.setRange(1, setting_rules.MAX_DIRECTORY_AGE)
        self.directory_max_age.setSuffix(translate("ConnectionForm", " ч"))
        self.directory_max_age.setValue(settings.directory_max_age)
        self.form.addRow(
            translate("ConnectionForm", "Копия справочника устаревает через"),
            self.directory_max_age,
        )
        self._add_check()
        self.url.setText(settings.url)
        self.user.setText(settings.user)
        self.ca_bundle.setText(settings.ca_bundle)
        self._show_starts()

    @Slot(bool)
    def _no_password_toggled(self, empty: bool) -> None:
        self.password.setEnabled(not empty)
        if empty:
            self.password.clear()

    def new_password(self) -> str | None:
        """ "" when the user has no password (saved as such), None to keep the stored one."""
        return "" if self.no_password.isChecked() else super().new_password()

    def values(self, base: OneCSettings) -> OneCSettings:
        return replace(
            base,
            url=self.url.text().strip(),
            user=self.user.text().strip(),
            ca_bundle=self.ca_bundle.text().strip(),
            connect_timeout=self.connect_timeout.value(),
            read_timeout=self.read_timeout.value(),
            deadline=self.deadline.value(),
            partner_access_group=self.access_group.text().strip(),
            directory_max_age=self.directory_max_age.value(),
        )

    @staticmethod
    def words(result: CheckResult) -> tuple[str, bool]:
        detail = result.detail or ""
        if result.state is Reachability.OK:
            setup = "".join(f"\n{line}" for line in result.setup)  # 1C's words, as found
            if not result.gaps:
                return translate(
                    "ConnectionForm",
                    "Подключение к 1С работает, в публикации OData есть всё нужное.",
                ) + setup, True
            lacking = "\n".join(f"• {gap}" for gap in result.gaps)
            return translate(
                "ConnectionForm", "1С отвечает, но в публикации OData не хватает:\n{0}"
            ).format(lacking) + setup, False
        return {
            Reachability.NOT_CONFIGURED: (
                translate("ConnectionForm", "Укажите адрес публикации OData и логин. {0}")
                .format(detail)
                .strip(),
                False,
            ),
            Reachability.NO_PASSWORD: (
                translate(
                    "ConnectionForm",
                    "Введите пароль пользователя 1С или отметьте «У пользователя нет пароля».",
                ),
                False,
            ),
            Reachability.UNREACHABLE: (
                translate("ConnectionForm", "1С не отвечает. {0}").format(detail),
                False,
            ),
            Reachability.REFUSED: (
                translate("ConnectionForm", "1С не пустила: {0}").format(detail),
                False,
            ),
            Reachability.FAILED: (
                translate("ConnectionForm", "1С ответила ошибкой: {0}").format(detail),
                False,
            ),
            Reachability.UNKNOWN: ("", False),
        }[result.state]
