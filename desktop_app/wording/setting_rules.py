"""What a refused setting needs: the words that follow «нужно» (`services.setting_rules`).

`config set` says «"…" не подходит для portal.url: нужно …», the settings dialog «Портал,
адрес: нужно …»; both take the rule's code from `RuleError.said` and word it here. Beside a
field the dialog says only «Нужно …» (`setting.needed`): the field says which setting it is.
"""

from __future__ import annotations

from desktop_app.wording.catalog import QT_TRANSLATE_NOOP, Table

SETTING_RULES = Table(
    "setting rules",
    {
        "setting.one_line": QT_TRANSLATE_NOOP(
            "SettingRule", "записать в одну строку, без управляющих символов"
        ),
        "setting.number_from": QT_TRANSLATE_NOOP(
            "SettingRule", "число от {low} и не больше {high}"
        ),
        "setting.number_positive": QT_TRANSLATE_NOOP(
            "SettingRule", "число больше 0 и не больше {high}"
        ),
        "setting.url_spaces": QT_TRANSLATE_NOOP("SettingRule", "убрать из адреса пробелы"),
        "setting.url_unparsed": QT_TRANSLATE_NOOP(
            "SettingRule", "исправить адрес: он не разбирается (проверьте скобки)"
        ),
        "setting.url_scheme": QT_TRANSLATE_NOOP(
            "SettingRule", "начать адрес с https:// (или http://)"
        ),
        "setting.url_host": QT_TRANSLATE_NOOP("SettingRule", "указать в адресе имя сервера"),
        "setting.url_port": QT_TRANSLATE_NOOP("SettingRule", "указать номер порта от 1 до 65535"),
        "setting.needed": QT_TRANSLATE_NOOP("SettingRule", "Нужно {expected}."),
    },
)
