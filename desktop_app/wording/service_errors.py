"""Why a use case refuses what was asked: the sentence of each code of the services' errors.

`DecisionError`, `ExportError`, `SettingsError` and `KeychainError` carry `said` beside their
Russian `str()` (the CLI's line, the log's); the window words `said`. Names, paths and keys
the manager typed or the program found are parameters, shown as they are.
"""

from __future__ import annotations

from desktop_app.wording.catalog import QT_TRANSLATE_NOOP, Table
from desktop_app.wording.window_variants import SERVICE_WINDOW

DECISIONS = {
    "decision.no_buyer": QT_TRANSLATE_NOOP("DecisionError", "В заказе {order} нет покупателя."),
    "decision.held_by_other": QT_TRANSLATE_NOOP(
        "DecisionError", "{order} Он не будет перезаписан без явного решения заменить его."
    ),
    "decision.not_a_key": QT_TRANSLATE_NOOP(
        "DecisionError", "«{key}» — не ключ контрагента 1С (GUID)."
    ),
    "decision.already_held": QT_TRANSLATE_NOOP(
        "DecisionError", "Этот контрагент уже в заказе 1С: заменять нечего."
    ),
    "decision.holds_another": QT_TRANSLATE_NOOP(
        "DecisionError",
        "В заказе 1С № {number} сейчас контрагент «{holder}», а не {key}: обновите данные 1С и "
        "решите снова.",
    ),
    "decision.delete_not_made_by_exchange": QT_TRANSLATE_NOOP(
        "DecisionError",
        "Пометить на удаление можно только контрагента, которого, судя по данным 1С, создал "
        "обмен с сайтом. Этого пометьте в самой 1С, если он действительно лишний.",
    ),
    "decision.link_not_a_key": QT_TRANSLATE_NOOP(
        "DecisionError",
        "«{key}» — не ключ контрагента 1С: нужен его ref_key (GUID, см. directory find или "
        "candidates).",
    ),
    "decision.no_reason": QT_TRANSLATE_NOOP("DecisionError", "Укажите причину отказа."),
}

EXPORTS = {
    "export.not_xlsx": QT_TRANSLATE_NOOP(
        "ExportError", "Имя файла должно оканчиваться на .xlsx: {name}"
    ),
    "export.no_folder_invoice": QT_TRANSLATE_NOOP(
        "ExportError", "Папки {folder} нет: счёт не сохранён."
    ),
    "export.no_folder_list": QT_TRANSLATE_NOOP(
        "ExportError", "Папки {folder} нет: список не сохранён."
    ),
    "export.no_order": QT_TRANSLATE_NOOP(
        "ExportError", "Заказа «{key}» нет в локальной базе (получить заказы: fetch)."
    ),
    "export.number_ambiguous": QT_TRANSLATE_NOOP(
        "ExportError", "Номер «{key}» есть у нескольких заказов; укажите Ид: {ids}."
    ),
    "export.from_onec": QT_TRANSLATE_NOOP("ExportError", "Заказ «{key}» {reason}."),
    "export.from_onec_reason": QT_TRANSLATE_NOOP(
        "ExportError",
        "известен только из 1С (портал его не отдал): строк заказа портала нет, счёт по нему "
        "выставляется в 1С",
    ),
    "export.order_gone": QT_TRANSLATE_NOOP(
        "ExportError", "Заказа «{key}» больше нет в локальной базе."
    ),
    "export.folder_is_file": QT_TRANSLATE_NOOP(
        "ExportError", "{folder} — файл, а не папка: счета не сохранены."
    ),
    "export.folder_not_made": QT_TRANSLATE_NOOP(
        "ExportError", "Папку {folder} не создать: {detail}."
    ),
    "export.file_locked": QT_TRANSLATE_NOOP(
        "ExportError",
        "Файл {path} не записать: нет прав или он открыт в другой программе (закройте его в "
        "Excel и повторите).",
    ),
    "export.file_not_written": QT_TRANSLATE_NOOP(
        "ExportError", "Файл {path} не записать: {detail}."
    ),
    "export.list_cancelled": QT_TRANSLATE_NOOP("ExportError", "Выгрузка списка отменена."),
}

SETTINGS = {
    "setting.not_a_requisite": QT_TRANSLATE_NOOP("SettingsError", "«{value}» — не {what}."),
    "setting.inn": QT_TRANSLATE_NOOP("SettingsError", "ИНН (10 или 12 цифр с верным ключом)"),
    "setting.kpp": QT_TRANSLATE_NOOP("SettingsError", "КПП (9 знаков)"),
    "setting.bik": QT_TRANSLATE_NOOP("SettingsError", "БИК (9 цифр)"),
    "setting.corr_account": QT_TRANSLATE_NOOP("SettingsError", "корреспондентский счёт (20 цифр)"),
    "setting.account": QT_TRANSLATE_NOOP("SettingsError", "расчётный счёт (20 цифр)"),
    "setting.key_said": QT_TRANSLATE_NOOP("SettingsError", "{key}: {detail}."),
    "setting.no_password_in_file": QT_TRANSLATE_NOOP(
        "SettingsError",
        "Пароли в файлах настроек не хранятся. Сохраните пароль в системном хранилище: "
        "python -m desktop_app login {section} --password-stdin",
    ),
    "setting.unknown_key_listed": QT_TRANSLATE_NOOP(
        "SettingsError", "Нет такой настройки «{key}». Есть: {known}."
    ),
    "setting.unknown_key": QT_TRANSLATE_NOOP("SettingsError", "Нет такой настройки «{key}»."),
    "setting.value_refused": QT_TRANSLATE_NOOP(
        "SettingsError", "«{value}» не подходит для {key}: нужно {expected}."
    ),
    "setting.expect_positive": QT_TRANSLATE_NOOP("SettingsError", "положительное число"),
    "setting.expect_count": QT_TRANSLATE_NOOP("SettingsError", "целое число, не меньше нуля"),
    "setting.expect_positive_int": QT_TRANSLATE_NOOP("SettingsError", "целое положительное число"),
    "setting.expect_yes_no": QT_TRANSLATE_NOOP("SettingsError", "да или нет"),
    "setting.expect_mode": QT_TRANSLATE_NOOP("SettingsError", "own-page или peek"),
    "setting.expect_date_source": QT_TRANSLATE_NOOP("SettingsError", "order или today"),
    "setting.expect_language": QT_TRANSLATE_NOOP("SettingsError", "system, ru или en"),
    "setting.expect_text": QT_TRANSLATE_NOOP("SettingsError", "текст"),
    "setting.file_unreadable": QT_TRANSLATE_NOOP(
        "SettingsError", "Файл настроек {path} не читается: {detail}"
    ),
    "setting.file_refused": QT_TRANSLATE_NOOP(
        "SettingsError", "Файл настроек {path} не подходит: {problem} — исправьте или удалите его."
    ),
}

KEYCHAIN = {
    "keychain.unavailable": QT_TRANSLATE_NOOP(
        "KeychainError",
        "Системное хранилище паролей недоступно ({detail}). В Linux нужен работающий Secret "
        "Service (GNOME Keyring, KWallet); в Windows — диспетчер учётных данных.",
    ),
    "keychain.unknown_in_env": QT_TRANSLATE_NOOP(
        "KeychainError",
        "Системное хранилище паролей не загружается: в переменной окружения "
        "PYTHON_KEYRING_BACKEND указано «{chosen}», а такого нет — исправьте или уберите эту "
        "настройку.",
    ),
    "keychain.unknown_in_config": QT_TRANSLATE_NOOP(
        "KeychainError",
        "Системное хранилище паролей не загружается: в настройках keyring (keyringrc.cfg) "
        "указано хранилище, а такого нет — исправьте или уберите эту настройку.",
    ),
}

SERVICE_ERRORS = Table(
    "service errors", {**DECISIONS, **EXPORTS, **SETTINGS, **KEYCHAIN}, window=SERVICE_WINDOW
)
