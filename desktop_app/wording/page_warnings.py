"""What a fetch noticed about the exchange page: the sentence of each warning's code.

`services.page_warnings` says a warning as a code and parameters (`FetchReport.warnings`);
the window's status line and `fetch` word them. Order Ids are parameters as they came.
"""

from __future__ import annotations

from desktop_app.wording.catalog import QT_TRANSLATE_NOOP, Table
from desktop_app.wording.window_variants import WARNINGS_WINDOW

PAGE_WARNINGS = Table(
    "page warnings",
    {
        "warning.choices": QT_TRANSLATE_NOOP(
            "PageWarnings",
            "Если Order Review стоит на нескольких рабочих местах, пусть заказы получает одно из "
            "них, или у каждого будет своя страница обмена, или остальные работают в режиме peek "
            "(см. README, «Несколько рабочих мест»).",
        ),
        "warning.sessid": QT_TRANSLATE_NOOP(
            "PageWarnings",
            "Портал потребовал sessid («Ошибка проверки источника запроса»): на сайте включён "
            "защищённый режим обмена (secure_1c_exchange), он один на весь сайт. Программа "
            "отправляла sessid только после этого требования; обмен 1С без идентификатора "
            "сессии на таком сайте не работает (подробнее: check portal).",
        ),
        "warning.refused": QT_TRANSLATE_NOOP(
            "PageWarnings",
            "Портал не принял подтверждение получения: пока шёл обмен, на этой же странице "
            "вошла другая программа (другое рабочее место Order Review или 1С). Полученные "
            "заказы сохранены, но не подтверждены — следующее получение принесёт их снова. "
            "{choices}",
        ),
        "warning.missing": QT_TRANSLATE_NOOP(
            "PageWarnings",
            "Заказы с Ид {ids} появились на портале после прошлого получения, но в программу не "
            "пришли. Так бывает, когда на этой же странице обмена заказы подтверждает ещё одна "
            "программа (у страницы один курсор на всех), или когда 1С уже загрузила их и "
            "записала обратно на сайт. Проверьте эти заказы в 1С. {choices}",
        ),
        "warning.missing_more": QT_TRANSLATE_NOOP(
            "PageWarnings",
            "Заказы с Ид {ids} и ещё {more} появились на портале после прошлого получения, но в "
            "программу не пришли. Так бывает, когда на этой же странице обмена заказы "
            "подтверждает ещё одна программа (у страницы один курсор на всех), или когда 1С уже "
            "загрузила их и записала обратно на сайт. Проверьте эти заказы в 1С. {choices}",
        ),
        "warning.unreachable": QT_TRANSLATE_NOOP(
            "PageWarnings",
            "Заказы с Ид {ids} (и, возможно, другие, сохранённые в ту же секунду) не пришли: PHP "
            "на сайте прервал выгрузку, а ответ, продолжавший её, потерялся в сети. Сайт отметил "
            "эти заказы в журнале обмена как выгруженные, и пока действует ограничение времени "
            "PHP, ни один запрос их не получит (до очистки журнала через сутки-двое или до "
            "изменения заказов). Попросите администратора сайта увеличить max_execution_time "
            "PHP или задать у компонента bitrix:sale.export.1c на странице программы "
            "INTERVAL = 0. {then}",
        ),
        "warning.held": QT_TRANSLATE_NOOP(
            "PageWarnings",
            "Пока они не придут, программа не подтверждает получение (иначе курсор страницы "
            "прошёл бы их навсегда): следующее получение после снятия ограничения их принесёт.",
        ),
        "warning.released": QT_TRANSLATE_NOOP(
            "PageWarnings",
            "Программа ждала их три дня и снова подтверждает получение: проверьте эти заказы на "
            "сайте и в 1С (их могли удалить или загрузить в 1С).",
        ),
    },
    window=WARNINGS_WINDOW,
)
