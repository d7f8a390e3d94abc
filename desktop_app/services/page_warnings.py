"""The words for what a fetch noticed about the exchange page, for the manager to pass on.

An exchange page has ONE cursor (GUIDE §3): whoever confirms with `success` moves it for
everyone on that page. Until the installations share a queue, two of them confirming on
one page split the orders between them, and each warns here in words; README's "Several
workstations" section explains the three ways out.
"""

from __future__ import annotations

import datetime as dt

SHOWN_IDS = 10
CHOICES = (
    "Если Order Review стоит на нескольких рабочих местах, пусть заказы получает одно из "
    "них, или у каждого будет своя страница обмена, или остальные работают в режиме peek "
    "(см. README, «Несколько рабочих мест»)."
)


def sessid_words() -> str:
    return (
        "Портал потребовал sessid («Ошибка проверки источника запроса»): на сайте включён "
        "защищённый режим обмена (secure_1c_exchange), он один на весь сайт. Программа "
        "отправляла sessid только после этого требования; обмен 1С без идентификатора "
        "сессии на таком сайте не работает (подробнее: check portal)."
    )


def refused_words() -> str:
    return (
        "Портал не принял подтверждение получения: пока шёл обмен, на этой же странице "
        "вошла другая программа (другое рабочее место Order Review или 1С). Полученные "
        "заказы сохранены, но не подтверждены — следующее получение принесёт их снова. " + CHOICES
    )


def missing_words(ids: tuple[int, ...]) -> str:
    shown = ", ".join(str(n) for n in ids[:SHOWN_IDS])
    more = f" и ещё {len(ids) - SHOWN_IDS}" if len(ids) > SHOWN_IDS else ""
    return (
        f"Заказы с Ид {shown}{more} появились на портале после прошлого получения, но в "
        "программу не пришли. Так бывает, когда на этой же странице обмена заказы "
        "подтверждает ещё одна программа (у страницы один курсор на всех), или когда 1С "
        "уже загрузила их и записала обратно на сайт. Проверьте эти заказы в 1С. " + CHOICES
    )


def when(moment: dt.datetime) -> str:
    return moment.astimezone().strftime("%d.%m.%Y %H:%M")


def id_ranges(ids: tuple[int, ...]) -> str:
    """`251–500, 503` for the numbers 251…500 and 503 (sorted, each once)."""
    parts: list[str] = []
    start = previous = None
    for number in sorted(set(ids)):
        if previous is not None and number == previous + 1:
            previous = number
            continue
        if start is not None:
            parts.append(str(start) if start == previous else f"{start}–{previous}")
        start = previous = number
    if start is not None:
        parts.append(str(start) if start == previous else f"{start}–{previous}")
    return ", ".join(parts)


def unreachable_words(ids: tuple[int, ...], *, held: bool) -> str:
    """Orders a lost continuation answer took with it (fetch_service `_hold`)."""
    then = (
        "Пока они не придут, программа не подтверждает получение (иначе курсор страницы "
        "прошёл бы их навсегда): следующее получение после снятия ограничения их принесёт."
        if held
        else "Программа ждала их три дня и снова подтверждает получение: проверьте эти "
        "заказы на сайте и в 1С (их могли удалить или загрузить в 1С)."
    )
    return (
        f"Заказы с Ид {id_ranges(ids)} (и, возможно, другие, сохранённые в ту же секунду) "
        "не пришли: PHP на сайте прервал выгрузку, а ответ, продолжавший её, потерялся в "
        "сети. Сайт отметил эти заказы в журнале обмена как выгруженные, и пока действует "
        "ограничение времени PHP, ни один запрос их не получит (до очистки журнала через "
        "сутки-двое или до изменения заказов). Попросите администратора сайта увеличить "
        "max_execution_time PHP или задать у компонента bitrix:sale.export.1c на странице "
        "программы INTERVAL = 0. " + then
    )
