"""What 1C answers when something goes wrong, as typed errors with 1C's own words.

1C reports errors as `{"odata.error": {"code": "14", "message": {"value": "…"}}}`, as an
Atom `m:error` document, or — in front of it, IIS or Apache — as an HTML page. Each becomes a
`OneCError` carrying the HTTP status, 1C's code and 1C's message verbatim: the manager is
shown 1C's message as it is (GUIDE §5), with a sentence of ours in front. Beside the
sentence (`message`, for the log), an error carries `said`: the same as a code and
parameters (`wording.errors`), for the edge to word in the reader's language.
"""

from __future__ import annotations

import json
from typing import Any

from lxml import etree

from desktop_app.adapters.portal.xml_prolog import excerpt
from desktop_app.wording.registry import said_text, worded
from desktop_app.wording.said import Param, Said

_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)


class OneCError(Exception):
    """A problem talking to 1C; `message` is complete and user-facing."""

    def __init__(
        self,
        message: str | Said,
        *,
        status: int | None = None,
        code: str | None = None,
        onec_message: str | None = None,
        said: Said | None = None,
    ) -> None:
        """`message` is the `Said` (its Russian words become the message) or, from a test or
        round-1 code passing `said` as well, the sentence itself."""
        text, worded_as = worded(message)
        super().__init__(text)
        self.message = text
        self.status = status
        self.code = code
        self.onec_message = onec_message
        self.said = said if said is not None else worded_as


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
            said = Said("onec.login_refused")
        elif status == 404:
            said = Said("onec.page_not_found")
        else:
            said = Said("onec.web_page", {"status": status})
        whole = (Said("onec.while_page", {"what": what, "said": said, "page": page}) if page
                 else Said("onec.while", {"what": what, "said": said}))  # fmt: skip
        return kind(said_text(whole), status=status, said=whole)
    kind = {
        400: OneCRequestError,
        401: OneCAuthError,
        403: OneCAuthError,
        404: OneCNotFoundError,
    }.get(status, OneCServerError if status >= 500 else OneCRequestError)
    params: dict[str, Param] = {"what": what, "status": status, "onec_message": onec_message}
    said = Said("onec.answered_code", {**params, "code": code}) if code else Said(
        "onec.answered", params
    )  # fmt: skip
    return kind(said_text(said), status=status, code=code, onec_message=onec_message, said=said)


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
    code = "onec.no_write_right" if not reading else (
        "onec.hidden_object" if by_key else "onec.no_read_right"
    )  # fmt: skip
    said = Said(code, {"what": what, "user": user, "object": object_words(entity_set),
                       "entity_set": entity_set,
                       "onec_message": error.onec_message or ""})  # fmt: skip
    found = OneCRightsError(
        said_text(said),
        status=error.status,
        code=error.code,
        onec_message=error.onec_message,
        said=said,
    )
    found.entity_set = entity_set
    return found
