"""What went wrong talking to the portal, or reading what it sent: the sentence of each code.

The portal adapter raises `PortalError`s (and `NotCommerceMLError`s) that carry `said`
beside their Russian `str()`, which the log keeps. The portal's own words — its `failure`
reason, an answer's lines, a web page's excerpt — are parameters quoted verbatim (`words`,
`answer`, `page`), never translated. `mode` is the exchange step (`checkauth`, `query`).
"""

from __future__ import annotations

from desktop_app.wording.catalog import QT_TRANSLATE_NOOP, Table
from desktop_app.wording.window_variants import PORTAL_WINDOW

EXCHANGE = {
    "portal.login_unclear": QT_TRANSLATE_NOOP(
        "PortalError", "Портал ответил на вход непонятным текстом: «{answer}»."
    ),
    "portal.login_incomplete": QT_TRANSLATE_NOOP(
        "PortalError", "Портал ответил на вход неполно: нет имени и значения cookie сеанса."
    ),
    "portal.init_unclear": QT_TRANSLATE_NOOP(
        "PortalError", "Портал ответил на начало обмена (init) непонятным текстом: «{answer}»."
    ),
    "portal.query_empty": QT_TRANSLATE_NOOP(
        "PortalError",
        "Портал прислал пустой ответ на запрос заказов — обычно это ошибка PHP на сайте (в 1С "
        "такой случай называется «Получен пустой ответ сервера»).",
    ),
    "portal.success_refused": QT_TRANSLATE_NOOP(
        "PortalError",
        "Портал не принял подтверждение получения (success ответил «error»): с тех пор как "
        "программа вошла, на этой же странице обмена вошла другая программа — другое рабочее "
        "место Order Review или 1С.",
    ),
    "portal.success_unconfirmed": QT_TRANSLATE_NOOP(
        "PortalError", "Портал не подтвердил получение заказов: {answer}"
    ),
    "portal.no_sessid": QT_TRANSLATE_NOOP(
        "PortalError", "{refusal} Портал требует sessid, но при входе его не выдал."
    ),
    "portal.login_refused": QT_TRANSLATE_NOOP(
        "PortalError",
        "Портал не пустил в обмен: «{words}». Проверьте логин и пароль (login portal) и право "
        "пользователя выгружать заказы.",
    ),
    "portal.login_refused_silently": QT_TRANSLATE_NOOP(
        "PortalError",
        "Портал не пустил в обмен: «без объяснения». Проверьте логин и пароль (login portal) и "
        "право пользователя выгружать заказы.",
    ),
}

ANSWERS = {
    "portal.empty_answer": QT_TRANSLATE_NOOP(
        "PortalError",
        "Портал прислал пустой ответ (шаг «{mode}», HTTP {status}) — обычно это ошибка PHP на "
        "сайте.",
    ),
    "portal.web_page": QT_TRANSLATE_NOOP(
        "PortalError",
        "Вместо ответа обмена портал прислал веб-страницу (шаг «{mode}», HTTP {status}): «{page}».",
    ),
    "portal.refused": QT_TRANSLATE_NOOP("PortalError", "Портал отказал (шаг «{mode}»): «{words}»."),
    "portal.refused_silently": QT_TRANSLATE_NOOP(
        "PortalError", "Портал отказал (шаг «{mode}»): «причина не указана»."
    ),
    "portal.http_error": QT_TRANSLATE_NOOP(
        "PortalError", "Портал ответил ошибкой HTTP {status} (шаг «{mode}»): «{page}»."
    ),
    "portal.too_long": QT_TRANSLATE_NOOP(
        "PortalError",
        "Портал прислал на шаг «{mode}» (HTTP {status}) ответ длиннее {size} — это не ответ "
        "обмена: «{page}».",
    ),
    "portal.zip_empty": QT_TRANSLATE_NOOP(
        "PortalError", "Портал прислал пустой zip-архив вместо заказов."
    ),
    "portal.zip_too_big": QT_TRANSLATE_NOOP(
        "PortalError", "Архив от портала распаковывается в слишком большой файл."
    ),
    "portal.zip_broken": QT_TRANSLATE_NOOP("PortalError", "Архив от портала повреждён: {detail}."),
}

TRANSPORT = {
    "portal.url_not_whole": QT_TRANSLATE_NOOP(
        "PortalError",
        "Адрес портала «{url}» — не полный URL. Нужен адрес страницы обмена целиком, например "
        "https://b2b.example.ru/bitrix/admin/1c_exchange.php",
    ),
    "portal.ca_file_missing": QT_TRANSLATE_NOOP(
        "PortalError", "Файл сертификатов «{path}» (portal.ca_bundle) не найден."
    ),
    "portal.cut_short": QT_TRANSLATE_NOOP(
        "PortalError", "Ответ портала оборвался: получено {received} из {total} байт."
    ),
    "portal.cut_midway": QT_TRANSLATE_NOOP(
        "PortalError",
        "Ответ портала оборвался на середине (соединение закрылось раньше конца данных).",
    ),
    "portal.too_slow": QT_TRANSLATE_NOOP(
        "PortalError",
        "Портал не ответил полностью за {seconds} с (шаг «{mode}»); если портал просто "
        "медленный, увеличьте portal.deadline.",
    ),
    "portal.no_answer_in_time": QT_TRANSLATE_NOOP(
        "PortalError",
        "Портал не ответил вовремя (шаг «{mode}»). Проверьте связь или увеличьте "
        "portal.read_timeout.",
    ),
    "portal.unreachable": QT_TRANSLATE_NOOP(
        "PortalError",
        "Не удалось связаться с порталом (шаг «{mode}»): соединение не установлено или "
        "разорвано. Проверьте адрес портала и подключение к сети.",
    ),
    "portal.certificate": QT_TRANSLATE_NOOP(
        "PortalError",
        "Не удалось проверить сертификат портала. Если у портала собственный сертификат, "
        "укажите файл центра сертификации: config set portal.ca_bundle ФАЙЛ.",
    ),
    "portal.login_redirected": QT_TRANSLATE_NOOP(
        "PortalError", "Портал перенаправил вход {where} ({target}); пароль туда не отправлен."
    ),
    "portal.redirected": QT_TRANSLATE_NOOP(
        "PortalError",
        "Портал перенаправил запрос (шаг «{mode}») {where} ({target}); пароль и cookie сеанса "
        "туда не отправлены.",
    ),
    "portal.cut_every_time": QT_TRANSLATE_NOOP(
        "PortalError",
        "Ответ портала на запрос заказов оборвался при каждой попытке; заказы, полученные "
        "целиком до обрыва, сохранены, подтверждение не отправлено.",
    ),
    "portal.answer_not_taken": QT_TRANSLATE_NOOP(
        "PortalError", "Ответ портала на запрос заказов не принят: {reason}"
    ),
}

DOCUMENT = {
    "portal.file_encoding_unknown": QT_TRANSLATE_NOOP(
        "CommerceMLError",
        "Файл объявляет неизвестную кодировку «{encoding}»; прочитать файл нельзя.",
    ),
    "portal.server_encoding_unknown": QT_TRANSLATE_NOOP(
        "CommerceMLError",
        "Сервер указал неизвестную кодировку «{encoding}»; прочитать файл нельзя.",
    ),
    "portal.file_empty": QT_TRANSLATE_NOOP(
        "CommerceMLError", "Пустой ответ: в файле нет ни одного символа данных."
    ),
    "portal.dtd_refused": QT_TRANSLATE_NOOP(
        "CommerceMLError",
        "В файле есть объявление DTD или сущностей (<!DOCTYPE …>). В документах обмена его не "
        "бывает, а через него читают чужие файлы, поэтому такой файл не принимается.",
    ),
    "portal.root_cut": QT_TRANSLATE_NOOP(
        "CommerceMLError", "Файл оборван в самом начале: даже корневой элемент не получен целиком."
    ),
    "portal.no_root": QT_TRANSLATE_NOOP(
        "CommerceMLError", "В начале файла не найден корневой элемент CommerceML."
    ),
    "portal.other_xml": QT_TRANSLATE_NOOP(
        "CommerceMLError",
        "Это XML, но не CommerceML: корневой элемент «{root}» вместо «{expected}».",
    ),
    "portal.refused_orders": QT_TRANSLATE_NOOP(
        "CommerceMLError", "Портал отказал вместо выдачи заказов: «{words}»."
    ),
    "portal.refused_orders_silently": QT_TRANSLATE_NOOP(
        "CommerceMLError", "Портал отказал вместо выдачи заказов: «причина не указана»."
    ),
    "portal.plain_text": QT_TRANSLATE_NOOP(
        "CommerceMLError", "Получен не XML-документ, а текст: «{words}»."
    ),
    "portal.foreign_tags": QT_TRANSLATE_NOOP(
        "CommerceMLError",
        "Портал выгрузил заказы с {adjective} тегами ({root} вместо {expected}): страница "
        "обмена на портале работает на языке «{language}», а Битрикс пишет теги выгрузки на "
        "языке страницы. Order Review читает только русский CommerceML, поэтому ответ не принят "
        "и порталу не подтверждён — заказы придут снова. Попросите администратора портала "
        "перевести страницу обмена на русский язык: для страницы в публичной части — русский "
        "язык у сайта, на котором она стоит (Настройки → Настройки продукта → Сайты), для "
        "/bitrix/admin/1c_exchange.php — русский язык административного раздела по умолчанию.",
    ),
    "portal.english_tags": QT_TRANSLATE_NOOP("CommerceMLError", "английскими"),
    "portal.german_tags": QT_TRANSLATE_NOOP("CommerceMLError", "немецкими"),
    "portal.html_page": QT_TRANSLATE_NOOP(
        "CommerceMLError",
        "Вместо документа CommerceML получена веб-страница — вероятно, ошибка на сайте.",
    ),
    "portal.html_page_quoted": QT_TRANSLATE_NOOP(
        "CommerceMLError",
        "Вместо документа CommerceML получена веб-страница — вероятно, ошибка на сайте: «{page}».",
    ),
    "portal.misdeclared": QT_TRANSLATE_NOOP(
        "CommerceMLError",
        "Файл объявлен в кодировке {declared}, но записан в {real}: текст в нём прочитался бы "
        "искажённым, поэтому файл не принят.",
    ),
}

PORTAL_ERRORS = Table(
    "portal errors", {**EXCHANGE, **ANSWERS, **TRANSPORT, **DOCUMENT}, window=PORTAL_WINDOW
)
