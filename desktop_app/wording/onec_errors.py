"""What went wrong with an answer of 1C (outside its error bodies): the sentence of each code.

`wording.errors` words 1C's own error answers; these are the rest of what the 1C adapter
says — an answer that is not OData, a connection that failed, paging that cannot go on, a
publication or a reference the program needs and does not find. `what` names the request
in the adapter's words; 1C's text (`answer`, `words`, `page`) is quoted verbatim. A code
ending in `_write` is the same failure of a write, whose outcome in 1C is unknown.
"""

from __future__ import annotations

from desktop_app.wording.catalog import QT_TRANSLATE_NOOP, Table
from desktop_app.wording.window_variants import ONEC_WINDOW

ANSWERS = {
    "onec.no_key": QT_TRANSLATE_NOOP(
        "OneCError",
        "{what}: 1С ответила, что объект создан, но не сообщила его ключ (ни в ответе, ни в "
        "заголовке Location). Проверьте в 1С, появился ли он, прежде чем повторять.",
    ),
    "onec.error_with_success": QT_TRANSLATE_NOOP(
        "OneCError", "{what}: 1С ответила ошибкой: «{words}»."
    ),
    "onec.error_with_success_silent": QT_TRANSLATE_NOOP(
        "OneCError", "{what}: 1С ответила ошибкой: «без текста»."
    ),
    "onec.no_rows": QT_TRANSLATE_NOOP(
        "OneCError", "{what}: в ответе 1С нет списка записей — это не ответ OData."
    ),
    "onec.row_not_object": QT_TRANSLATE_NOOP(
        "OneCError", "{what}: в ответе 1С вместо записи «{answer}» — это не ответ OData."
    ),
    "onec.row_instead": QT_TRANSLATE_NOOP(
        "OneCError", "{what}: 1С вернула вместо записи «{answer}» — такой ответ не разобрать."
    ),
    "onec.row_without_key": QT_TRANSLATE_NOOP(
        "OneCError", "{what}: 1С вернула запись без ключа (Ref_Key) — такой ответ не разобрать."
    ),
    "onec.row_bad_key": QT_TRANSLATE_NOOP(
        "OneCError",
        "{what}: 1С вернула запись с ключом «{answer}», а это не ссылка 1С — такой ответ не "
        "разобрать.",
    ),
    "onec.json_broken": QT_TRANSLATE_NOOP(
        "OneCError", "{what}: ответ 1С пришёл неполным или испорченным (JSON не разобрать)."
    ),
    "onec.not_json_object": QT_TRANSLATE_NOOP("OneCError", "{what}: 1С ответила не объектом JSON."),
    "onec.done_not_whole": QT_TRANSLATE_NOOP(
        "OneCError", "{what}: 1С ответила «выполнено» (HTTP {status}), но ответ пришёл не целиком."
    ),
    "onec.done_cut": QT_TRANSLATE_NOOP(
        "OneCError",
        "{what}: 1С ответила «выполнено» (HTTP {status}), но ответ оборвался на середине.",
    ),
    "onec.cut": QT_TRANSLATE_NOOP(
        "OneCError",
        "{what}: ответ 1С оборвался на середине (соединение разорвано). Проверьте сеть.",
    ),
    "onec.timeout": QT_TRANSLATE_NOOP(
        "OneCError",
        "{what}: 1С не ответила вовремя (сервер 1С бывает медленным; можно увеличить "
        "onec.read_timeout).",
    ),
    "onec.timeout_write": QT_TRANSLATE_NOOP(
        "OneCError",
        "{what}: 1С не ответила вовремя (сервер 1С бывает медленным; можно увеличить "
        "onec.read_timeout). Неизвестно, успела ли 1С выполнить запись.",
    ),
    "onec.unreachable": QT_TRANSLATE_NOOP(
        "OneCError",
        "{what}: не удалось связаться с 1С — соединение не установлено или разорвано. "
        "Проверьте адрес (onec.url) и сеть.",
    ),
    "onec.unreachable_write": QT_TRANSLATE_NOOP(
        "OneCError",
        "{what}: не удалось связаться с 1С — соединение не установлено или разорвано. "
        "Проверьте адрес (onec.url) и сеть. Неизвестно, успела ли 1С выполнить запись.",
    ),
    "onec.too_slow": QT_TRANSLATE_NOOP(
        "OneCError",
        "{what}: 1С не ответила полностью за {seconds} с (если 1С просто медленная, увеличьте "
        "onec.deadline).",
    ),
    "onec.too_slow_write": QT_TRANSLATE_NOOP(
        "OneCError",
        "{what}: 1С не ответила полностью за {seconds} с (если 1С просто медленная, увеличьте "
        "onec.deadline). Неизвестно, успела ли 1С выполнить запись.",
    ),
    "onec.redirected": QT_TRANSLATE_NOOP(
        "OneCError", "{what}: 1С перенаправила запрос {where} ({target}); пароль туда не отправлен."
    ),
    "onec.certificate": QT_TRANSLATE_NOOP(
        "OneCError",
        "{what}: не удалось проверить сертификат сервера 1С. Если у него собственный "
        "сертификат, укажите файл: config set onec.ca_bundle ФАЙЛ.",
    ),
    "onec.too_long": QT_TRANSLATE_NOOP(
        "OneCError",
        "{what}: 1С прислала ответ длиннее {size} — столько программа не читает; уменьшите "
        "размер страницы или проверьте, что отвечает 1С.",
    ),
    "onec.not_a_number": QT_TRANSLATE_NOOP("OneCError", "1С вернула вместо числа: «{answer}»"),
}

SETUP = {
    "onec.url_not_whole": QT_TRANSLATE_NOOP(
        "OneCError",
        "Адрес 1С «{url}» — не полный URL. Нужен адрес OData-сервиса публикации, например "
        "https://1c.example.ru/ut11/odata/standard.odata/",
    ),
    "onec.ca_file_missing": QT_TRANSLATE_NOOP(
        "OneCError", "Файл сертификатов «{path}» (onec.ca_bundle) не найден."
    ),
    "onec.metadata_not_read": QT_TRANSLATE_NOOP(
        "OneCError", "Вместо описания публикации ($metadata) пришло не то: «{page}» ({detail})."
    ),
    "onec.no_contact_kind": QT_TRANSLATE_NOOP(
        "OneCError",
        "В 1С не найден предопределённый вид контактной информации «{name}» ({entity_set}): "
        "без вида строка контактной информации не видна в формах 1С, поэтому контрагент не "
        "создан. Администратору 1С: добавьте справочник «Виды контактной информации» в состав "
        "OData и дайте пользователю право его читать; затем «Проверить подключение».",
    ),
    "onec.access_group_unknown": QT_TRANSLATE_NOOP(
        "OneCError",
        "Не удалось определить группу доступа для нового партнёра: укажите её (config set "
        "onec.partner_access_group НАЗВАНИЕ).",
    ),
}

READING = {
    "onec.page_overfull": QT_TRANSLATE_NOOP(
        "OneCError",
        "{what}: записей «{value}» больше, чем 1С (или прокси перед ней) отдаёт за один запрос "
        "({count}) — прочитать их все нельзя, чтение прервано.",
    ),
    "onec.page_again": QT_TRANSLATE_NOOP(
        "OneCError",
        "{what}: 1С (или прокси перед ней) на запрос следующей страницы снова отдаёт уже "
        "прочитанные строки — похоже, отбор ($filter) не учитывается; чтение прервано.",
    ),
    "onec.cursor_not_text": QT_TRANSLATE_NOOP(
        "OneCError",
        "{what}: 1С вернула «{name}» не строкой — постраничное чтение по нему невозможно.",
    ),
    "onec.counted_but_empty": QT_TRANSLATE_NOOP(
        "OneCError",
        "1С сообщает о {count} записях ({entity_set}), но не отдала ни одной — копия "
        "справочника не изменена. Проверьте права пользователя 1С на чтение.",
    ),
}

ONEC_ERRORS = Table("1C errors", {**ANSWERS, **SETUP, **READING}, window=ONEC_WINDOW)
