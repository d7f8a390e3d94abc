"""What reading the seller's requisites from 1C had to tell the manager, by code.

`services.seller_source` says each note as a `Said`; the CLI words it with its commands
(`config set seller.inn`), the window with where in Settings to act (issue 16, point 12).
"""

from __future__ import annotations

from desktop_app.wording.catalog import QT_TRANSLATE_NOOP, Table

SELLER_NOTES = Table(
    "seller notes",
    {
        "seller-note.no_account": QT_TRANSLATE_NOOP(
            "SellerNotes", "У организации «{name}» в 1С нет банковского счёта."
        ),
        "seller-note.several_accounts": QT_TRANSLATE_NOOP(
            "SellerNotes",
            "У организации «{name}» в 1С несколько банковских счетов; в счёт взят {account}. "
            "Другой можно задать: config set seller.account …",
        ),
        "seller-note.no_such_inn": QT_TRANSLATE_NOOP(
            "SellerNotes", "В 1С нет организации с ИНН {inn} (настройка seller.inn)."
        ),
        "seller-note.no_organizations": QT_TRANSLATE_NOOP(
            "SellerNotes", "В 1С нет ни одной организации."
        ),
        "seller-note.several": QT_TRANSLATE_NOOP(
            "SellerNotes",
            "В 1С несколько организаций: {names}. Укажите, от какой выставлять счета: "
            "config set seller.inn ИНН",
        ),
        "seller-note.keychain": QT_TRANSLATE_NOOP(
            "SellerNotes", "Реквизиты продавца из 1С не прочитаны: {error}"
        ),
        "seller-note.no_password": QT_TRANSLATE_NOOP(
            "SellerNotes",
            "Реквизиты продавца из 1С не прочитаны: пароль 1С не сохранён (login onec).",
        ),
        "seller-note.onec": QT_TRANSLATE_NOOP(
            "SellerNotes", "Реквизиты продавца из 1С не прочитаны: {error}"
        ),
    },
    window={
        "seller-note.several_accounts": QT_TRANSLATE_NOOP(
            "SellerNotes",
            "У организации «{name}» в 1С несколько банковских счетов; в счёт взят {account}. "
            "Другой можно указать в Настройках, на вкладке «Продавец».",
        ),
        "seller-note.no_such_inn": QT_TRANSLATE_NOOP(
            "SellerNotes",
            "В 1С нет организации с ИНН {inn} — с тем, что указан в Настройках на вкладке "
            "«Продавец».",
        ),
        "seller-note.several": QT_TRANSLATE_NOOP(
            "SellerNotes",
            "В 1С несколько организаций: {names}. Укажите ИНН той, от которой выставлять "
            "счета, в Настройках на вкладке «Продавец».",
        ),
        "seller-note.no_password": QT_TRANSLATE_NOOP(
            "SellerNotes",
            "Реквизиты продавца из 1С не прочитаны: пароль 1С не сохранён (Настройки, вкладка "
            "«1С»).",
        ),
    },
)
