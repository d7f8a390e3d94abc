"""What went wrong in the local store: the sentence of each code (beyond `wording.errors`).

The store raises `StoreError`s that carry `said` beside their Russian `str()`, which the log
keeps. SQLite's and the file system's own words (`detail`) and paths (`location`, `where`)
are parameters, shown as they came. `where` is « (папка)» or nothing, so one sentence
serves a database with a folder and one without.
"""

from __future__ import annotations

from desktop_app.wording.catalog import QT_TRANSLATE_NOOP, Table

OPENING = {
    "store.folder_not_made": QT_TRANSLATE_NOOP(
        "StoreError", "Не удаётся создать папку данных {folder}: {detail}"
    ),
    "store.bad_url": QT_TRANSLATE_NOOP(
        "StoreError", "Неверный адрес базы данных {location}: {detail}"
    ),
    "store.cannot_open": QT_TRANSLATE_NOOP(
        "StoreError",
        "Не удаётся открыть базу данных {location}: {detail}. Проверьте, что папка данных "
        "доступна для чтения и записи (или что сервер базы данных доступен).",
    ),
    "store.not_a_database": QT_TRANSLATE_NOOP(
        "StoreError",
        "Не удаётся открыть базу данных {location}: файл повреждён или не является базой "
        "данных ({detail}). Переместите его или укажите другую папку данных.",
    ),
    "store.other_program": QT_TRANSLATE_NOOP(
        "StoreError",
        "{location} — база данных другой программы, а не Order Review. Укажите другую папку "
        "данных.",
    ),
    "store.not_upgraded": QT_TRANSLATE_NOOP(
        "StoreError",
        "Не удалось обновить базу данных {location}: {detail}. Изменения отменены.",
    ),
    "store.not_upgraded_kept": QT_TRANSLATE_NOOP(
        "StoreError",
        "Не удалось обновить базу данных {location}: {detail}. Изменения отменены. Копия базы "
        "до обновления: {backup}.",
    ),
    "store.links_broken": QT_TRANSLATE_NOOP(
        "StoreError",
        "Обновление базы данных нарушило ссылочную целостность ({count} строк, например "
        "{example}); база данных оставлена без изменений.",
    ),
    "store.backup_failed": QT_TRANSLATE_NOOP(
        "StoreError",
        "Не удалось сохранить копию базы данных перед обновлением ({detail}). База данных не "
        "изменена: {location}",
    ),
    "store.no_migrations": QT_TRANSLATE_NOOP(
        "StoreError",
        "Не найдены сценарии обновления базы данных ({folder}): установка программы "
        "повреждена, переустановите Order Review.",
    ),
}

FAULTS = {
    "store.damaged_found": QT_TRANSLATE_NOOP(
        "StoreError",
        "Файл базы данных{location} повреждён (проверка нашла: {detail}), и программа больше "
        "ничего в него не пишет: восстановите его из резервной копии или перенесите и получите "
        "заказы заново.",
    ),
    "store.damaged_reading": QT_TRANSLATE_NOOP(
        "StoreError",
        "Файл базы данных{location} повреждён (при чтении), и программа больше ничего в него не "
        "пишет: восстановите его из резервной копии или перенесите и получите заказы заново.",
    ),
    "store.busy": QT_TRANSLATE_NOOP(
        "StoreError",
        "База данных занята другой программой дольше {seconds} с, изменения не сохранены: "
        "повторите позже.",
    ),
    "store.disk_full": QT_TRANSLATE_NOOP(
        "StoreError",
        "На диске с папкой данных{where} не осталось места, изменения не сохранены: освободите "
        "место и повторите.",
    ),
    "store.read_only": QT_TRANSLATE_NOOP(
        "StoreError",
        "Папка данных{where} открыта только для чтения, изменения не сохранены: проверьте права "
        "на папку и её файлы.",
    ),
    "store.disk_failed": QT_TRANSLATE_NOOP(
        "StoreError",
        "Диск с папкой данных{where} не дал прочитать или записать базу данных ({detail}): "
        "изменения не сохранены, проверьте диск.",
    ),
    "store.cannot_open_file": QT_TRANSLATE_NOOP(
        "StoreError",
        "Файл базы данных в папке данных{where} не открыть ({detail}): проверьте, что папка "
        "доступна.",
    ),
    "store.out_of_memory": QT_TRANSLATE_NOOP(
        "StoreError",
        "Не хватило памяти для работы с базой данных: закройте другие программы и повторите.",
    ),
}

RECORDS = {
    "store.no_automatic_decision": QT_TRANSLATE_NOOP(
        "StoreError", "У заказа {portal_id} нет автоматического решения."
    ),
    "store.no_order": QT_TRANSLATE_NOOP("StoreError", "Заказа {portal_id} нет в локальной базе."),
    "store.no_step": QT_TRANSLATE_NOOP("StoreError", "no outbox step {step_id}"),
    "store.payload_unknown": QT_TRANSLATE_NOOP(
        "StoreError", "неизвестный формат сохранённого заказа: {start}"
    ),
    "store.payload_damaged": QT_TRANSLATE_NOOP(
        "StoreError", "сохранённый заказ повреждён: {detail}"
    ),
    "store.payload_no_order": QT_TRANSLATE_NOOP(
        "StoreError", "сохранённый заказ повреждён: нет объекта заказа"
    ),
    "store.outcome_unknown": QT_TRANSLATE_NOOP(
        "StoreError",
        "Запись этого решения в 1С прервалась, и неизвестно, успела ли 1С её выполнить: решение "
        "не меняется, пока следующая запись в 1С (push или «Записать в 1С») не проверит это в "
        "1С.",
    ),
    "store.written": QT_TRANSLATE_NOOP(
        "StoreError",
        "Решение по этому заказу уже (возможно, частично) записано в 1С и больше не меняется "
        "здесь. Исправьте заказ или контрагента в самой 1С.",
    ),
}

STORE_ERRORS = Table("store errors", {**OPENING, **FAULTS, **RECORDS})
