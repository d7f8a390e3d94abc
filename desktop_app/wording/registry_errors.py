"""What went wrong asking the state registry (DaData): the sentence of each `registry.…` code.

The adapter (adapters/registry/registry_errors.py) says which; the sentences say what a
manager can do about it — set the key again, wait for tomorrow's limit, check the network.
"""

from __future__ import annotations

from desktop_app.wording.catalog import QT_TRANSLATE_NOOP, Table

REGISTRY_ERRORS = Table(
    "registry_errors",
    {
        "registry.bad_token": QT_TRANSLATE_NOOP(
            "RegistryError",
            "DaData не приняла ключ API (HTTP {status}). Задайте ключ заново: "
            "order-review login registry.",
        ),
        "registry.token_letters": QT_TRANSLATE_NOOP(
            "RegistryError",
            "В ключе API DaData есть буквы не латиницы или пробелы — ключ из кабинета DaData "
            "состоит из латинских букв и цифр. Задайте его заново: order-review login registry.",
        ),
        "registry.daily_limit": QT_TRANSLATE_NOOP(
            "RegistryError",
            "Исчерпан дневной лимит запросов DaData (HTTP {status}); проверка по реестру "
            "снова заработает завтра (по московскому времени).",
        ),
        "registry.too_many": QT_TRANSLATE_NOOP(
            "RegistryError",
            "DaData просит спрашивать реже (HTTP {status}: слишком много запросов в секунду); "
            "повторите чуть позже.",
        ),
        "registry.server": QT_TRANSLATE_NOOP(
            "RegistryError", "Сервис DaData ответил ошибкой (HTTP {status}); повторите позже."
        ),
        "registry.refused": QT_TRANSLATE_NOOP(
            "RegistryError",
            "DaData не приняла запрос (HTTP {status}); проверьте адрес сервиса (registry.url).",
        ),
        "registry.not_json": QT_TRANSLATE_NOOP(
            "RegistryError",
            "Вместо ответа DaData пришло «{answer}» — похоже, адрес сервиса (registry.url) "
            "неверен или между программой и DaData стоит прокси.",
        ),
        "registry.timeout": QT_TRANSLATE_NOOP(
            "RegistryError", "DaData не ответила за {seconds} с; проверьте сеть и повторите."
        ),
        "registry.unreachable": QT_TRANSLATE_NOOP(
            "RegistryError",
            "Не удалось связаться с DaData — соединение не установлено или разорвано. "
            "Проверьте сеть и адрес сервиса (registry.url).",
        ),
        "registry.redirected": QT_TRANSLATE_NOOP(
            "RegistryError",
            "Сервис по адресу registry.url перенаправил запрос на другой сервер ({target}); "
            "ключ туда не отправлен.",
        ),
        "registry.url_not_whole": QT_TRANSLATE_NOOP(
            "RegistryError",
            "Адрес сервиса реестра «{url}» неполный: нужен адрес вида https://suggestions.dadata.ru.",
        ),
    },
    window={
        "registry.bad_token": QT_TRANSLATE_NOOP(
            "RegistryError",
            "DaData не приняла ключ API (HTTP {status}). Введите ключ заново в Настройках "
            "(«Ключ DaData (реестр)»).",
        ),
        "registry.token_letters": QT_TRANSLATE_NOOP(
            "RegistryError",
            "В ключе API DaData есть буквы не латиницы или пробелы — ключ из кабинета DaData "
            "состоит из латинских букв и цифр. Введите его заново в Настройках («Ключ DaData "
            "(реестр)»).",
        ),
        "registry.refused": QT_TRANSLATE_NOOP(
            "RegistryError",
            "DaData не приняла запрос (HTTP {status}); проверьте в Настройках «Адрес сервиса "
            "реестра (DaData)».",
        ),
        "registry.not_json": QT_TRANSLATE_NOOP(
            "RegistryError",
            "Вместо ответа DaData пришло «{answer}» — похоже, «Адрес сервиса реестра (DaData)» "
            "в Настройках неверен или между программой и DaData стоит прокси.",
        ),
        "registry.unreachable": QT_TRANSLATE_NOOP(
            "RegistryError",
            "Не удалось связаться с DaData — соединение не установлено или разорвано. "
            "Проверьте сеть и «Адрес сервиса реестра (DaData)» в Настройках.",
        ),
        "registry.redirected": QT_TRANSLATE_NOOP(
            "RegistryError",
            "Сервис реестра перенаправил запрос на другой сервер ({target}); ключ туда не "
            "отправлен. Проверьте «Адрес сервиса реестра (DaData)» в Настройках.",
        ),
    },
)
