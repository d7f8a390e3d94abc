"""What each setting is for: the help `config show` prints and the settings dialog shows.

Keyed by the setting's name (`services.settings.KEYS`); the dialog shows a help as its field's
tooltip, through Qt's translation.
"""

from __future__ import annotations

from desktop_app.wording.catalog import QT_TRANSLATE_NOOP, Table

SETTINGS_HELP = Table(
    "settings help",
    {
        "portal.url": QT_TRANSLATE_NOOP(
            "SettingsHelp",
            "полный адрес страницы обмена портала",
        ),
        "portal.user": QT_TRANSLATE_NOOP(
            "SettingsHelp",
            "пользователь портала с правом выгрузки заказов",
        ),
        "portal.mode": QT_TRANSLATE_NOOP(
            "SettingsHelp",
            "own-page (своя страница обмена, с подтверждением) или peek (без подтверждения)",
        ),
        "portal.ca_bundle": QT_TRANSLATE_NOOP(
            "SettingsHelp",
            "файл сертификатов центра сертификации портала (PEM), если он свой",
        ),
        "portal.connect_timeout": QT_TRANSLATE_NOOP(
            "SettingsHelp",
            "сколько секунд ждать соединения с порталом",
        ),
        "portal.read_timeout": QT_TRANSLATE_NOOP(
            "SettingsHelp",
            "сколько секунд ждать ответа портала",
        ),
        "portal.deadline": QT_TRANSLATE_NOOP(
            "SettingsHelp",
            "сколько секунд самое большее длится шаг обмена с порталом целиком",
        ),
        "portal.retries": QT_TRANSLATE_NOOP(
            "SettingsHelp",
            "сколько раз повторять шаг обмена при обрыве связи",
        ),
        "portal.fetch_every": QT_TRANSLATE_NOOP(
            "SettingsHelp",
            "через сколько минут окно программы само получает заказы (0 — вручную; по "
            "умолчанию 3: пустое получение — 3 запроса и около 2 КБ, на старом ядре "
            "Битрикса — 5 запросов и последний заказ дважды)",
        ),
        "onec.url": QT_TRANSLATE_NOOP(
            "SettingsHelp",
            "адрес OData-сервиса 1С (…/odata/standard.odata/)",
        ),
        "onec.user": QT_TRANSLATE_NOOP(
            "SettingsHelp",
            "пользователь 1С",
        ),
        "onec.ca_bundle": QT_TRANSLATE_NOOP(
            "SettingsHelp",
            "файл сертификатов центра сертификации 1С (PEM)",
        ),
        "onec.connect_timeout": QT_TRANSLATE_NOOP(
            "SettingsHelp",
            "сколько секунд ждать соединения с 1С",
        ),
        "onec.read_timeout": QT_TRANSLATE_NOOP(
            "SettingsHelp",
            "сколько секунд ждать ответа 1С",
        ),
        "onec.deadline": QT_TRANSLATE_NOOP(
            "SettingsHelp",
            "сколько секунд самое большее длится один запрос к 1С целиком",
        ),
        "onec.partner_access_group": QT_TRANSLATE_NOOP(
            "SettingsHelp",
            "группа доступа новых партнёров в 1С (название или GUID); пусто — та, что "
            "ставит обмен с сайтом",
        ),
        "onec.order_link": QT_TRANSLATE_NOOP(
            "SettingsHelp",
            "где 1С хранит номер заказа сайта: auto (как определила проверка подключения к 1С), "
            "bitrix (Б_Идентификатор), property:ГУИД (доп. реквизит), field:ПОЛЕ",
        ),
        "onec.directory_max_age": QT_TRANSLATE_NOOP(
            "SettingsHelp",
            "через сколько часов копия справочника 1С считается устаревшей: «Создать в 1С» "
            "тогда предупреждает, что контрагент может уже быть в 1С (по умолчанию 24)",
        ),
        "review.auto_push_confirmed": QT_TRANSLATE_NOOP(
            "SettingsHelp",
            "да/нет: записывать в 1С без подтверждения заказы покупателей, уже связанных раньше",
        ),
        "review.auto_push_first": QT_TRANSLATE_NOOP(
            "SettingsHelp",
            "да/нет: записывать без подтверждения первое точное совпадение ИНН+КПП",
        ),
        "review.repost_orders": QT_TRANSLATE_NOOP(
            "SettingsHelp",
            "да/нет: перепроводить проведённый заказ 1С после замены контрагента",
        ),
        "review.parallel_writes": QT_TRANSLATE_NOOP(
            "SettingsHelp",
            "сколько решений записывать в 1С одновременно",
        ),
        "seller.name": QT_TRANSLATE_NOOP(
            "SettingsHelp",
            "продавец в счетах: наименование организации",
        ),
        "seller.inn": QT_TRANSLATE_NOOP(
            "SettingsHelp",
            "ИНН продавца",
        ),
        "seller.kpp": QT_TRANSLATE_NOOP(
            "SettingsHelp",
            "КПП продавца (у ИП пусто)",
        ),
        "seller.address": QT_TRANSLATE_NOOP(
            "SettingsHelp",
            "адрес продавца",
        ),
        "seller.bank": QT_TRANSLATE_NOOP(
            "SettingsHelp",
            "банк продавца (наименование и город)",
        ),
        "seller.bik": QT_TRANSLATE_NOOP(
            "SettingsHelp",
            "БИК банка продавца",
        ),
        "seller.corr_account": QT_TRANSLATE_NOOP(
            "SettingsHelp",
            "корреспондентский счёт банка продавца",
        ),
        "seller.account": QT_TRANSLATE_NOOP(
            "SettingsHelp",
            "расчётный счёт продавца",
        ),
        "seller.head": QT_TRANSLATE_NOOP(
            "SettingsHelp",
            "руководитель (подпись в счёте)",
        ),
        "seller.accountant": QT_TRANSLATE_NOOP(
            "SettingsHelp",
            "бухгалтер (подпись в счёте)",
        ),
        "invoice.number": QT_TRANSLATE_NOOP(
            "SettingsHelp",
            "номер счёта: шаблон с полями {{number}}, {{id}}, {{year}}",
        ),
        "invoice.date": QT_TRANSLATE_NOOP(
            "SettingsHelp",
            "дата счёта: order (дата заказа) или today (день выписки)",
        ),
        "ui.language": QT_TRANSLATE_NOOP(
            "SettingsHelp",
            "язык окна: system (как в системе), ru или en; действует со следующего запуска",
        ),
        "registry.url": QT_TRANSLATE_NOOP(
            "SettingsHelp",
            "адрес сервиса проверки по реестру ЕГРЮЛ/ЕГРИП (DaData); ключ API задаёт "
            "команда login registry",
        ),
        "registry.max_age_days": QT_TRANSLATE_NOOP(
            "SettingsHelp",
            "через сколько дней ответ реестра считается устаревшим и спрашивается заново",
        ),
    },
)
