"""What 1C answers when something goes wrong, as typed errors with 1C's own words.

1C reports errors as `{"odata.error": {"code": "14", "message": {"value": "…"}}}`, as an
Atom `m:error` document, or — in front of it, IIS or Apache — as an HTML page. Each becomes a
`OneCError` carrying the HTTP status, 1C's code and 1C's message verbatim: the manager is
shown 1C's message as it is (GUIDE §5), with a sentence of ours in front.
"""

from __future__ import annotations

import json
from typing import Any

from lxml import etree

from desktop_app.adapters.portal.xml_prolog import excerpt

_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)


class OneCError(Exception):
    """A problem talking to 1C; `message` is complete and user-facing."""

    def __init__(
        self,
        message: str,
        *,
        status: int | None = None,
        code: str | None = None,
        onec_message: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.status = status
        self.code = code
        self.onec_message = onec_message


class OneCAuthError(OneCError):
    """401/403: the login, the password or the user's rights in 1C."""


class OneCRightsError(OneCAuthError):
    """403 with code 20: the 1C user may not read (or write) `entity_set` — a role, or
    record-level restrictions on the object asked for by key (GUIDE §5)."""

    entity_set: str | None = None


class OneCNotFoundError(OneCError):
    """404 with code 9: no such object (or set) in the publication."""


class OneCRequestError(OneCError):
    """400: 1C did not understand the request (a filter, a field, a value)."""


class OneCServerError(OneCError):
    """500: a handler of the configuration failed; 1C's message says which."""


class OneCPageError(OneCError):
    """A web page instead of an OData answer (IIS, Apache, a proxy)."""


class OneCConnectionError(OneCError):
    """1C could not be reached, or did not answer within the timeout."""


class OneCDeadlineError(OneCConnectionError):
    """No whole answer within `onec.deadline`; for a write, whether 1C applied it is unknown."""


class OneCRedirectError(OneCPageError):
    """1C (or a server in front of it) redirected to another origin; nothing was sent there."""


class OneCTooLargeError(OneCPageError):
    """An answer longer than the client reads (a page, `$metadata`); nothing of it was used."""


class OneCCertificateError(OneCConnectionError):
    """The server's TLS certificate could not be verified."""


class OneCConfigError(OneCError):
    """The 1C settings are incomplete or wrong."""


def parse_error_body(body: bytes, content_type: str) -> tuple[str | None, str | None]:
    """(1C's error code, 1C's message) from an `odata.error` JSON or an `m:error` XML body."""
    text = body.decode("utf-8", errors="replace").lstrip("\ufeff").strip()
    if text.startswith("{"):
        try:
            parsed: Any = json.loads(text)
        except ValueError:
            return None, None
        error: Any = parsed.get("odata.error") if isinstance(parsed, dict) else None
        if not isinstance(error, dict):  # `{"odata.error": "boom"}` is no 1C body, but says it
            return None, None if error is None else _str(error)
        message = error.get("message")
        value = message.get("value") if isinstance(message, dict) else message
        return _str(error.get("code")), _str(value)
    if text.startswith("<") and "html" not in content_type and "<html" not in text[:300].lower():
        try:
            root = etree.fromstring(body, _PARSER)
        except etree.XMLSyntaxError:
            return None, None
        code = root.findtext("{*}code")
        message = root.findtext("{*}message")
        return _str(code), _str(message)
    return None, None


def _str(value: object) -> str | None:
    return None if value is None else str(value)


def error_for(status: int, body: bytes, content_type: str, what: str) -> OneCError:
    """The typed error for an unsuccessful answer to `what` (e.g. "чтение Catalog_Партнеры")."""
    code, onec_message = parse_error_body(body, content_type)
    if onec_message is None:
        text = body.decode("utf-8", errors="replace")
        page = excerpt(text) if text.strip() else ""
        kind: type[OneCError] = OneCAuthError if status in (401, 403) else OneCPageError
        if status in (401, 403):
            words = (
                "1С не приняла логин или пароль (или у пользователя нет прав на OData): "
                "проверьте onec.user и пароль (login onec)."
            )
        elif status == 404:
            words = (
                "Сервер 1С ответил «не найдено» (HTTP 404) — проверьте адрес публикации "
                "(onec.url); слишком длинный запрос тоже так выглядит."
            )
        else:
            words = f"Вместо ответа 1С пришла веб-страница (HTTP {status})."
        detail = f" «{page}»" if page else ""
        return kind(f"{what}: {words}{detail}", status=status)
    kind = {
        400: OneCRequestError,
        401: OneCAuthError,
        403: OneCAuthError,
        404: OneCNotFoundError,
    }.get(status, OneCServerError if status >= 500 else OneCRequestError)
    return kind(
        f"{what}: 1С ответила ошибкой (HTTP {status}{f', код {code}' if code else ''}): "
        f"{onec_message}",
        status=status,
        code=code,
        onec_message=onec_message,
    )


_KNOWN_WORDS = {
    "Catalog_Контрагенты_КонтактнаяИнформация": "табличную часть «Контактная информация» "
    "справочника «Контрагенты»",
    "Catalog_ВидыКонтактнойИнформации": "справочник «Виды контактной информации»",
    "Catalog_ГруппыДоступаПартнеров": "справочник «Группы доступа партнеров»",
    "Catalog_БанковскиеСчетаОрганизаций": "справочник «Банковские счета организаций»",
    "Document_ЗаказКлиента": "документ «Заказ клиента»",
}
_KINDS = {"Catalog": "справочник", "Document": "документ"}


def object_words(entity_set: str) -> str:
    """The object as a 1C administrator finds it in the configuration: справочник «Партнеры»."""
    if entity_set in _KNOWN_WORDS:
        return _KNOWN_WORDS[entity_set]
    prefix, _, name = entity_set.partition("_")
    return f"{_KINDS.get(prefix, 'объект')} «{name or prefix}»"


def rights_error(
    error: OneCError, what: str, entity_set: str | None, *, reading: bool, by_key: bool, user: str
) -> OneCError:
    """403/20 in words for the 1C administrator: which user, which object, what to grant.

    Reads of sets are sent with `allowedOnly=true`, so for them a 403/20 is the right on the
    set itself, not a hidden row; an object asked for by key may be hidden by record-level
    restrictions as well. 1C's own message is kept verbatim at the end.
    """
    if error.status != 403 or error.code != "20" or entity_set is None:
        return error
    words = object_words(entity_set)
    if not reading:
        told = (
            f"у пользователя 1С «{user}» нет права записывать {words} ({entity_set}). "
            f"Администратору 1С: дайте ему право добавлять и изменять {words}; при "
            "ограничении доступа на уровне записей — и доступ к группе доступа партнёров, "
            "которую программа ставит новым партнёрам (настройка onec.partner_access_group)."
        )
    elif by_key:
        told = (
            f"пользователь 1С «{user}» не может прочитать этот объект: {words} ({entity_set}). "
            "Либо у него нет права чтения этого объекта, либо объект скрыт ограничением "
            "доступа на уровне записей (например, группой доступа партнёра). Администратору "
            f"1С: дайте пользователю право чтения {words} и доступ к нужным группам."
        )
    else:
        told = (
            f"у пользователя 1С «{user}» нет права чтения: {words} ({entity_set}). "
            f"Администратору 1С: дайте этому пользователю право на чтение {words} "
            "(профиль групп доступа или роль), программа без него не работает."
        )
    found = OneCRightsError(
        f"{what}: {told} Ответ 1С: «{error.onec_message}».",
        status=error.status,
        code=error.code,
        onec_message=error.onec_message,
    )
    found.entity_set = entity_set
    return found
