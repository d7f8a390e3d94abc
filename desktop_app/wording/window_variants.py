"""The window's variant of each sentence whose CLI text names a command, a setting or a step.

The CLI says «проверьте onec.user и пароль (login onec)»: its reader is at a terminal, and
that is what to type. A manager in the window has no terminal: the window says where in the
window to act («в Настройках»), and the log and the CLI keep the technical detail (issue 16,
point 12). Each table passes its part of these as `Table.window`; the codes are the same,
so a saved outcome is worded for whoever reads it. The parameters that name protocol steps
and 1C's sets are said in words by `window_words`. `tests/test_window_wording.py` fails when
a window sentence names a command, a key or a step.
"""

from __future__ import annotations

from desktop_app.wording.catalog import QT_TRANSLATE_NOOP

ERRORS_WINDOW = {
    "onec.login_refused": QT_TRANSLATE_NOOP(
        "OneCError",
        "1С не приняла логин или пароль (или у пользователя нет прав на OData): проверьте "
        "пользователя и пароль 1С в Настройках.",
    ),
    "onec.page_not_found": QT_TRANSLATE_NOOP(
        "OneCError",
        "Сервер 1С ответил «не найдено» (HTTP 404) — проверьте адрес 1С в Настройках; "
        "слишком длинный запрос тоже так выглядит.",
    ),
    "onec.no_write_right": QT_TRANSLATE_NOOP(
        "OneCError",
        "{what}: у пользователя 1С «{user}» нет права записывать {object}. Администратору 1С: "
        "дайте ему право добавлять и изменять {object}; при ограничении доступа на уровне "
        "записей — и доступ к группе доступа партнёров, которую программа ставит новым "
        "партнёрам (она указана в Настройках). Ответ 1С: «{onec_message}».",
    ),
    "onec.hidden_object": QT_TRANSLATE_NOOP(
        "OneCError",
        "{what}: пользователь 1С «{user}» не может прочитать этот объект: {object}. Либо у "
        "него нет права чтения этого объекта, либо объект скрыт ограничением доступа на уровне "
        "записей (например, группой доступа партнёра). Администратору 1С: дайте пользователю "
        "право чтения {object} и доступ к нужным группам. Ответ 1С: «{onec_message}».",
    ),
    "onec.no_read_right": QT_TRANSLATE_NOOP(
        "OneCError",
        "{what}: у пользователя 1С «{user}» нет права чтения: {object}. Администратору 1С: "
        "дайте этому пользователю право на чтение {object} (профиль групп доступа или роль), "
        "программа без него не работает. Ответ 1С: «{onec_message}».",
    ),
}

ONEC_WINDOW = {
    "onec.timeout": QT_TRANSLATE_NOOP(
        "OneCError",
        "{what}: 1С не ответила вовремя (сервер 1С бывает медленным; время ожидания можно "
        "увеличить в Настройках).",
    ),
    "onec.timeout_write": QT_TRANSLATE_NOOP(
        "OneCError",
        "{what}: 1С не ответила вовремя (сервер 1С бывает медленным; время ожидания можно "
        "увеличить в Настройках)."
        " Неизвестно, успела ли 1С выполнить запись.",
    ),
    "onec.unreachable": QT_TRANSLATE_NOOP(
        "OneCError",
        "{what}: не удалось связаться с 1С — соединение не установлено или разорвано. Проверьте "
        "адрес 1С в Настройках и сеть.",
    ),
    "onec.unreachable_write": QT_TRANSLATE_NOOP(
        "OneCError",
        "{what}: не удалось связаться с 1С — соединение не установлено или разорвано. Проверьте "
        "адрес 1С в Настройках и сеть."
        " Неизвестно, успела ли 1С выполнить запись.",
    ),
    "onec.too_slow": QT_TRANSLATE_NOOP(
        "OneCError",
        "{what}: 1С не ответила полностью за {seconds} с (если 1С просто медленная, увеличьте "
        "время ответа 1С в Настройках).",
    ),
    "onec.too_slow_write": QT_TRANSLATE_NOOP(
        "OneCError",
        "{what}: 1С не ответила полностью за {seconds} с (если 1С просто медленная, увеличьте "
        "время ответа 1С в Настройках)."
        " Неизвестно, успела ли 1С выполнить запись.",
    ),
    "onec.certificate": QT_TRANSLATE_NOOP(
        "OneCError",
        "{what}: не удалось проверить сертификат сервера 1С. Если у него собственный "
        "сертификат, укажите файл сертификатов 1С в Настройках.",
    ),
    "onec.ca_file_missing": QT_TRANSLATE_NOOP(
        "OneCError", "Файл сертификатов 1С «{path}», указанный в Настройках, не найден."
    ),
    "onec.metadata_not_read": QT_TRANSLATE_NOOP(
        "OneCError", "Вместо описания публикации 1С пришло не то: «{page}» ({detail})."
    ),
    "onec.no_contact_kind": QT_TRANSLATE_NOOP(
        "OneCError",
        "В 1С не найден предопределённый вид контактной информации «{name}»: без вида строка "
        "контактной информации не видна в формах 1С, поэтому контрагент не создан. "
        "Администратору 1С: добавьте справочник «Виды контактной информации» в состав OData и "
        "дайте пользователю право его читать; затем «Проверить подключение» в Настройках.",
    ),
    "onec.access_group_unknown": QT_TRANSLATE_NOOP(
        "OneCError",
        "Не удалось определить группу доступа для нового партнёра: укажите её в Настройках.",
    ),
    "onec.counted_but_empty": QT_TRANSLATE_NOOP(
        "OneCError",
        "1С сообщает о {count} записях, но не отдала ни одной — копия справочника не "
        "изменена. Проверьте права пользователя 1С на чтение.",
    ),
}

PORTAL_WINDOW = {
    "portal.init_unclear": QT_TRANSLATE_NOOP(
        "PortalError", "Портал ответил на начало обмена непонятным текстом: «{answer}»."
    ),
    "portal.success_refused": QT_TRANSLATE_NOOP(
        "PortalError",
        "Портал не принял подтверждение получения: с тех пор как программа вошла, на этой же "
        "странице обмена вошла другая программа — другое рабочее место Order Review или 1С.",
    ),
    "portal.no_sessid": QT_TRANSLATE_NOOP(
        "PortalError",
        "{refusal} Портал требует идентификатор сеанса, но при входе его не выдал.",
    ),
    "portal.login_refused": QT_TRANSLATE_NOOP(
        "PortalError",
        "Портал не пустил в обмен: «{words}». Проверьте логин и пароль портала в Настройках "
        "и право пользователя выгружать заказы.",
    ),
    "portal.login_refused_silently": QT_TRANSLATE_NOOP(
        "PortalError",
        "Портал не пустил в обмен: «без объяснения». Проверьте логин и пароль портала в "
        "Настройках и право пользователя выгружать заказы.",
    ),
    "portal.ca_file_missing": QT_TRANSLATE_NOOP(
        "PortalError", "Файл сертификатов портала «{path}», указанный в Настройках, не найден."
    ),
    "portal.too_slow": QT_TRANSLATE_NOOP(
        "PortalError",
        "Портал не ответил полностью за {seconds} с (шаг «{mode}»); если портал просто "
        "медленный, увеличьте время ответа портала в Настройках.",
    ),
    "portal.no_answer_in_time": QT_TRANSLATE_NOOP(
        "PortalError",
        "Портал не ответил вовремя (шаг «{mode}»). Проверьте связь или увеличьте время "
        "ожидания портала в Настройках.",
    ),
    "portal.certificate": QT_TRANSLATE_NOOP(
        "PortalError",
        "Не удалось проверить сертификат портала. Если у портала собственный сертификат, "
        "укажите файл сертификатов портала в Настройках.",
    ),
}

OUTCOMES_WINDOW = {
    "outcome.link_waits_place": QT_TRANSLATE_NOOP(
        "WriteOutcome",
        "Не известно, где 1С хранит номер заказа сайта, поэтому связь ждёт. Проверьте 1С "
        "кнопкой «Проверить подключение» в Настройках; если и она не найдёт, администратор "
        "укажет место вручную (подробности в журнале).",
    ),
    "outcome.link_waits_place_why": QT_TRANSLATE_NOOP(  # the reason names 1C's sets: the log
        "WriteOutcome",
        "Не известно, где 1С хранит номер заказа сайта, поэтому связь ждёт. Проверьте 1С "
        "кнопкой «Проверить подключение» в Настройках; если и она не найдёт, администратор "
        "укажет место вручную (подробности в журнале).",
    ),
    "outcome.repost_off": QT_TRANSLATE_NOOP(
        "WriteOutcome",
        "Заказ 1С № {number} проведён, а перепроведение выключено в Настройках: его движения "
        "по регистрам ещё с прежним контрагентом.",
    ),
}

WARNINGS_WINDOW = {
    "warning.sessid": QT_TRANSLATE_NOOP(
        "PageWarnings",
        "Портал потребовал идентификатор сеанса («Ошибка проверки источника запроса»): на "
        "сайте включён защищённый режим обмена, он один на весь сайт. Программа отправляла "
        "идентификатор только после этого требования; обмен 1С без идентификатора сессии на "
        "таком сайте не работает (подробности в журнале).",
    ),
}

SERVICE_WINDOW = {
    "setting.no_password_in_file": QT_TRANSLATE_NOOP(
        "SettingsError",
        "Пароли в файлах настроек не хранятся. Введите пароль в Настройках: программа хранит "
        "его в системном хранилище паролей.",
    ),
}
