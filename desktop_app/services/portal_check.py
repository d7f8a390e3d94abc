"""`check portal`: what the exchange page is, and what the portal administrator should change.

Three questions, each answered in a sentence (`facts`), with what to change where the
answer is bad (`advice`, for the portal administrator):

1. Is the page the app's own or 1C's? The cursor belongs to the first 22 characters of the
   page path (sale.export.1c/component.php line 64), so a page whose path starts like 1C's
   /bitrix/admin/1c_exchange.php shares 1C's cursor, whatever the rest of its name.
2. Is the site in secure mode (`secure_1c_exchange`)? The probe asks without sending a
   sessid (exchange_client.ExchangeClient.probe); the page notes say whether a fetch was
   ever refused for want of it.
3. Did another client interfere? Only the fetches can see it (a refused `success`, orders
   that never came); the page notes (page_notes.py) keep what they saw.
4. Can the app's queries cost 1C orders? On a newer core, yes, and no page or mode of the
   app prevents it: the exchange log (`b_sale_exchange_log`) is the site's, not the page's,
   and every query writes each order it exports into it; 1C's next exchange that starts at
   the second where its last one stopped skips the orders of that second the log has
   (sale/general/export.php, `getLastOrderExported`/`exportedLastExport`). 1C's exchange
   stops mid-second when its step interval (the component's INTERVAL, 30 s by default for a
   versioned exchange) runs out; with INTERVAL 0 it exports everything in one step. In peek
   mode on 1C's own page every query also rewrites that page's `last_export_time_`
   (component.php, mode=query), which 1C's `success` then commits.
5. Did PHP cut the export short? The app's export is unversioned, so INTERVAL never cuts
   it, but php.ini's max_execution_time does unless the component's INTERVAL parameter is 0
   (then it calls `set_time_limit(0)`, component.php): the fetch goes on in the same session,
   yet each cut is a chance to lose the answer at its worst moment.

`findings` is pure: the probe's answers and the notes in, the sentences out.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from desktop_app.services.page_notes import PageNotes
from desktop_app.services.page_warnings import CHOICES, id_ranges, when
from desktop_app.services.settings import PortalMode, PortalSettings

ONEC_PAGE = "/bitrix/admin/1c_exchange.php"
PAGE_KEY_LENGTH = 22


def page_key(url: str) -> str:
    """The part of the page path the portal keys its cursor by."""
    return unquote(urlsplit(url.strip()).path)[:PAGE_KEY_LENGTH]


def is_onec_page(url: str) -> bool:
    return page_key(url) == ONEC_PAGE[:PAGE_KEY_LENGTH]


@dataclass(frozen=True, slots=True)
class PageFindings:
    facts: tuple[str, ...]
    advice: tuple[str, ...]


def findings(
    settings: PortalSettings,
    *,
    secure: bool,
    rights_checked: bool,
    notes: PageNotes,
) -> PageFindings:
    facts: list[str] = []
    advice: list[str] = []
    _page(settings, facts, advice)
    _secure(secure, rights_checked, notes, facts, advice)
    _interference(notes, facts, advice)
    _boundary(settings, notes, facts, advice)
    _php_limit(notes, facts, advice)
    return PageFindings(tuple(facts), tuple(dict.fromkeys(advice)))


def _page(settings: PortalSettings, facts: list[str], advice: list[str]) -> None:
    key = page_key(settings.url)
    peek = settings.mode is PortalMode.PEEK
    if not is_onec_page(settings.url):
        facts.append(
            f"Страница обмена своя: первые {PAGE_KEY_LENGTH} символа пути «{key}» не те, "
            f"что у страницы 1С {ONEC_PAGE}, и курсор выгрузки у неё отдельный."
        )
        if peek:
            facts.append(
                "Режим peek: программа ничего не подтверждает, каждое получение приносит "
                "заказы этой страницы заново."
            )
        return
    facts.append(
        f"Это страница обмена 1С: первые {PAGE_KEY_LENGTH} символа пути «{key}» те же, что "
        f"у {ONEC_PAGE}, а курсор выгрузки у страниц с таким началом пути общий."
    )
    if peek:
        facts.append(
            "Режим peek: программа ничего не подтверждает, но каждый её запрос заказов "
            "переписывает время выгрузки этой страницы, которое подтверждает обмен 1С."
        )
        advice.append(
            "Если обмен 1С идёт в ту минуту, когда программа запрашивает заказы на его "
            "странице, 1С подтвердит время запроса программы и пропустит заказы, сохранённые "
            "между своим запросом и запросом программы; разместите компонент обмена "
            "bitrix:sale.export.1c на отдельной странице для программы (например "
            "/order_review/exchange.php) и переключите её в режим «своя страница»."
        )
        return
    advice.append(
        "В режиме «своя страница» программа подтверждала бы получение на странице 1С и "
        "забирала бы заказы у обмена 1С. Разместите компонент обмена bitrix:sale.export.1c "
        "на отдельной странице, путь которой отличается от /bitrix/admin/1c_exchange.php в "
        f"первых {PAGE_KEY_LENGTH} символах (например /order_review/exchange.php), или "
        "переключите программу в режим peek."
    )


def _secure(
    secure: bool, rights_checked: bool, notes: PageNotes, facts: list[str], advice: list[str]
) -> None:
    if not secure:
        facts.append(
            "Защищённый режим обмена (secure_1c_exchange) выключен: портал не требует "
            "sessid, и программа его не отправляет, чтобы не включить этот режим для всего "
            "сайта."
        )
    else:
        facts.append(
            "Защищённый режим обмена (secure_1c_exchange) включён: портал требует sessid на "
            "каждом шаге обмена — на всех страницах сайта, включая страницу 1С."
        )
        advice.append(
            "Если обмен 1С с сайтом настроен без идентификатора сессии (в 1С: «Выполнять "
            "обмен без идентификатора сессии»), он получает «Ошибка проверки источника "
            "запроса». Снимите этот флажок в настройках обмена 1С с сайтом или выключите "
            "на сайте опцию secure_1c_exchange модуля «Интернет-магазин» (sale)."
        )
    if notes.sessid_asked_at is not None:
        facts.append(
            "Программа отправляла sessid только после того, как портал его потребовал "
            f"(последний раз — {when(notes.sessid_asked_at)})."
        )
    if not rights_checked:
        facts.append(
            "Права пользователя на обмен не проверены: для этого нужен вход checkauth, а на "
            "странице 1С он помешал бы идущему сейчас обмену 1С. Их проверит первое "
            "получение заказов."
        )


def _interference(notes: PageNotes, facts: list[str], advice: list[str]) -> None:
    if notes.fetches == 0:
        facts.append(
            "Программа ещё не получала заказы с этой страницы, так что о других программах "
            "на ней судить пока не по чему."
        )
        return
    if notes.refused and notes.refused_at is not None:
        facts.append(
            f"Портал {notes.refused} раз не принял подтверждение получения (success ответил "
            f"«error»), последний раз — {when(notes.refused_at)}: в это время на этой "
            "странице входила другая программа (другое рабочее место Order Review или 1С)."
        )
        advice.append(CHOICES)
    if notes.missing and notes.missing_at is not None:
        shown = ", ".join(str(n) for n in notes.missing[:10])
        facts.append(
            f"При получении {when(notes.missing_at)} не пришли заказы с Ид {shown}: их "
            "забрала другая программа на этой странице обмена или 1С загрузила их раньше."
        )
        advice.append(CHOICES)
    if notes.unreachable and notes.unreachable_at is not None:
        facts.append(
            f"При получении {when(notes.unreachable_at)} потерялся ответ, продолжавший "
            "прерванную PHP выгрузку: заказы с Ид "
            f"{id_ranges(notes.unreachable)} сайт отметил как выгруженные, и пока они не "
            "придут, программа не подтверждает получение."
        )
        advice.append(
            "Увеличьте на сайте max_execution_time PHP (или задайте у компонента "
            "bitrix:sale.export.1c на странице программы INTERVAL = 0): тогда следующее "
            "получение принесёт эти заказы."
        )
    if not notes.refused and not notes.missing:
        facts.append(
            "Чужих подтверждений на этой странице программа не замечала "
            f"(получений с неё: {notes.fetches})."
        )


def _boundary(
    settings: PortalSettings, notes: PageNotes, facts: list[str], advice: list[str]
) -> None:
    if notes.exchange_log is False:
        facts.append(
            "Ядро сайта старое, без журнала обмена: последний выгруженный заказ приходит "
            "снова, и запросы программы не мешают обмену 1С забрать свои заказы."
        )
        return
    if notes.exchange_log is None:
        return
    facts.append(
        "На сайте ведётся журнал обмена (b_sale_exchange_log), общий для всех страниц: "
        "каждый заказ, отданный программе, в нём отмечен как выгруженный."
    )
    advice.append(
        "Если обмен 1С останавливается посреди секунды, в которую на сайте сохранено много "
        "заказов (истёк интервал шага INTERVAL), его следующий сеанс пропустит заказы этой "
        "секунды, уже полученные программой, — на любой странице и в любом режиме; задайте "
        "у компонента bitrix:sale.export.1c на странице обмена 1С параметр INTERVAL = 0 "
        "(выгрузка за один шаг) и сверяйте заказы программы с 1С."
    )


def _php_limit(notes: PageNotes, facts: list[str], advice: list[str]) -> None:
    if notes.php_died_at is None:
        return
    facts.append(
        f"При получении {when(notes.php_died_at)} PHP на сайте прервал выгрузку заказов "
        "(ограничение времени или памяти), и программа дозапросила остальное."
    )
    advice.append(
        "Чтобы выгрузка для программы не прерывалась, задайте у компонента "
        "bitrix:sale.export.1c на странице программы параметр INTERVAL = 0 (тогда компонент "
        "снимает ограничение времени PHP) или увеличьте на сайте max_execution_time и "
        "memory_limit PHP."
    )
