"""What the window says instead of the protocol's names, in the parameters of a sentence.

The adapters name what they were doing in their own terms — the exchange step (`mode`:
`checkauth`, `query`) and the request (`what`: «чтение Document_ЗаказКлиента») — which the
log and the CLI keep as they are: an administrator reading them knows where to look. A
manager in the window is told the same in words: «вход», «чтение заказов клиентов». The
sentences whose fixed text names a command or a setting have a window variant of their own
in their table (`Table.window`); these are the parameters (issue 16, point 12).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from desktop_app.wording.catalog import QT_TRANSLATE_NOOP, Translate, Wording

STEPS = {
    "checkauth": QT_TRANSLATE_NOOP("WindowWords", "вход"),
    "init": QT_TRANSLATE_NOOP("WindowWords", "начало обмена"),
    "query": QT_TRANSLATE_NOOP("WindowWords", "получение заказов"),
    "success": QT_TRANSLATE_NOOP("WindowWords", "подтверждение получения"),
    "file": QT_TRANSLATE_NOOP("WindowWords", "передача файла"),
    "import": QT_TRANSLATE_NOOP("WindowWords", "загрузка файла"),
}
"""The exchange's steps (GUIDE §3) as the window names them."""
OTHER_STEP = QT_TRANSLATE_NOOP("WindowWords", "обмен")

OBJECTS = {
    "Catalog_Контрагенты": QT_TRANSLATE_NOOP("WindowWords", "контрагентов"),
    "Catalog_Контрагенты_КонтактнаяИнформация": QT_TRANSLATE_NOOP(
        "WindowWords", "контактов контрагентов"
    ),
    "Catalog_Партнеры": QT_TRANSLATE_NOOP("WindowWords", "партнёров"),
    "Catalog_Партнеры_КонтактнаяИнформация": QT_TRANSLATE_NOOP(
        "WindowWords", "контактов партнёров"
    ),
    "Catalog_Организации": QT_TRANSLATE_NOOP("WindowWords", "организаций"),
    "Catalog_БанковскиеСчетаОрганизаций": QT_TRANSLATE_NOOP("WindowWords", "банковских счетов"),
    "Catalog_ВидыКонтактнойИнформации": QT_TRANSLATE_NOOP(
        "WindowWords", "видов контактной информации"
    ),
    "Document_ЗаказКлиента": QT_TRANSLATE_NOOP("WindowWords", "заказов клиентов"),
    "$metadata": QT_TRANSLATE_NOOP("WindowWords", "описания публикации 1С"),
}
"""1C's sets (GUIDE §5) by what they hold; another set is «данных 1С»."""
OTHER_OBJECT = QT_TRANSLATE_NOOP("WindowWords", "данных 1С")

_REQUEST = re.compile(r"(?:[A-Za-z]+_[\wЁё]+|\$metadata|\$count)")


def _word(wording: Wording, translate: Translate | None) -> str:
    return wording.text(translate)


def step_words(mode: str, translate: Translate | None = None) -> str:
    return _word(STEPS.get(mode, OTHER_STEP), translate)


def request_words(what: str, translate: Translate | None = None) -> str:
    """«чтение Document_ЗаказКлиента» → «чтение заказов клиентов»: every 1C name in words."""

    def object_word(found: re.Match[str]) -> str:
        return _word(OBJECTS.get(found.group(0), OTHER_OBJECT), translate)

    return _REQUEST.sub(object_word, what)


def window_params(
    params: Mapping[str, object], translate: Translate | None = None
) -> dict[str, object]:
    """`params` with the protocol's names (`mode`, `what`, `entity_set`) said in words."""
    shown = dict(params)
    if isinstance(shown.get("mode"), str):
        shown["mode"] = step_words(str(shown["mode"]), translate)
    for name in ("what", "entity_set"):
        if isinstance(shown.get(name), str):
            shown[name] = request_words(str(shown[name]), translate)
    return shown
