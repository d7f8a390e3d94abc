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


class OneCCertificateError(OneCConnectionError):
    """The server's TLS certificate could not be verified."""


class OneCConfigError(OneCError):
    """The 1C settings are incomplete or wrong."""


def parse_error_body(body: bytes, content_type: str) -> tuple[str | None, str | None]:
    """(1C's error code, 1C's message) from an `odata.error` JSON or an `m:error` XML body."""
    text = body.decode("utf-8", errors="replace").lstrip("\ufeff").strip()
    if text.startswith("{"):
        try:
            error: Any = json.loads(text).get("odata.error") or {}
        except ValueError:
            return None, None
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
        f"{what}: 1С ответила ошибкой (HTTP {status}, код {code}): {onec_message}",
        status=status,
        code=code,
        onec_message=onec_message,
    )
