"""What went wrong talking to 1C, the portal or the store: the sentence of each error code.

The adapters and the store raise errors that carry `said` (a code and parameters) beside
their Russian `str()`, which the log keeps. 1C's own message (`onec_message`) and a web
page's excerpt (`page`) are parameters quoted verbatim, never translated. `what` names the
request in the adapter's words (e.g. «чтение Catalog_Партнеры»).
"""

from __future__ import annotations

from desktop_app.wording.catalog import QT_TRANSLATE_NOOP, Table
from desktop_app.wording.window_variants import ERRORS_WINDOW

SENTENCE = "error.sentence"
"""An error not yet given a code of its own: its sentence as the code below wrote it."""

ONEC = {
    "onec.while": QT_TRANSLATE_NOOP("OneCError", "{what}: {said}"),
    "onec.while_page": QT_TRANSLATE_NOOP("OneCError", "{what}: {said} «{page}»"),
    "onec.login_refused": QT_TRANSLATE_NOOP(
        "OneCError",
        "1С не приняла логин или пароль (или у пользователя нет прав на OData): проверьте "
        "onec.user и пароль (login onec).",
    ),
    "onec.page_not_found": QT_TRANSLATE_NOOP(
        "OneCError",
        "Сервер 1С ответил «не найдено» (HTTP 404) — проверьте адрес публикации (onec.url); "
        "слишком длинный запрос тоже так выглядит.",
    ),
    "onec.web_page": QT_TRANSLATE_NOOP(
        "OneCError", "Вместо ответа 1С пришла веб-страница (HTTP {status})."
    ),
    "onec.answered": QT_TRANSLATE_NOOP(
        "OneCError", "{what}: 1С ответила ошибкой (HTTP {status}): {onec_message}"
    ),
    "onec.answered_code": QT_TRANSLATE_NOOP(
        "OneCError", "{what}: 1С ответила ошибкой (HTTP {status}, код {code}): {onec_message}"
    ),
    "onec.no_write_right": QT_TRANSLATE_NOOP(
        "OneCError",
        "{what}: у пользователя 1С «{user}» нет права записывать {object} ({entity_set}). "
        "Администратору 1С: дайте ему право добавлять и изменять {object}; при ограничении "
        "доступа на уровне записей — и доступ к группе доступа партнёров, которую программа "
        "ставит новым партнёрам (настройка onec.partner_access_group). Ответ 1С: "
        "«{onec_message}».",
    ),
    "onec.hidden_object": QT_TRANSLATE_NOOP(
        "OneCError",
        "{what}: пользователь 1С «{user}» не может прочитать этот объект: {object} "
        "({entity_set}). Либо у него нет права чтения этого объекта, либо объект скрыт "
        "ограничением доступа на уровне записей (например, группой доступа партнёра). "
        "Администратору 1С: дайте пользователю право чтения {object} и доступ к нужным "
        "группам. Ответ 1С: «{onec_message}».",
    ),
    "onec.no_read_right": QT_TRANSLATE_NOOP(
        "OneCError",
        "{what}: у пользователя 1С «{user}» нет права чтения: {object} ({entity_set}). "
        "Администратору 1С: дайте этому пользователю право на чтение {object} (профиль групп "
        "доступа или роль), программа без него не работает. Ответ 1С: «{onec_message}».",
    ),
}

STORE = {
    "store.too_new": QT_TRANSLATE_NOOP(
        "StoreError",
        "База данных создана более новой версией Order Review (ревизия {revision}). Обновите "
        "программу до последней версии или укажите другую папку данных. Файл не изменён: "
        "{location}",
    ),
    "store.folder_full": QT_TRANSLATE_NOOP(
        "StoreError",
        "Не удалось записать {what} в папку данных {folder}: на диске не осталось места, "
        "освободите место и повторите.",
    ),
    "store.folder_read_only": QT_TRANSLATE_NOOP(
        "StoreError",
        "Не удалось записать {what} в папку данных {folder}: папка открыта только для чтения "
        "или нет прав на запись, проверьте права на папку.",
    ),
    "store.folder_disk": QT_TRANSLATE_NOOP(
        "StoreError",
        "Не удалось записать {what} в папку данных {folder}: ошибка диска ({detail}), "
        "проверьте диск.",
    ),
}

ERRORS = Table(
    "errors",
    {
        SENTENCE: QT_TRANSLATE_NOOP("Errors", "{text}"),
        "error.megabytes": QT_TRANSLATE_NOOP("Errors", "{count} МБ"),
        "error.kilobytes": QT_TRANSLATE_NOOP("Errors", "{count} КБ"),
        "error.to_plain_http": QT_TRANSLATE_NOOP("Errors", "на незащищённый адрес"),
        "error.to_other_origin": QT_TRANSLATE_NOOP("Errors", "на другой адрес"),
        **ONEC,
        **STORE,
    },
    window=ERRORS_WINDOW,
)
