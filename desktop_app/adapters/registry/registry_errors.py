"""What DaData answers when something goes wrong, as a typed error with a code of ours.

DaData's documented statuses for the suggestions API ("Коды ответа", dadata.ru/api/find-party):
400 a body that is not JSON, 401 no API key, 403 an unknown key — and also the daily limit
of the free plan, answered 403 with `"message": "Feature 'SUGGESTIONS' disabled for token
…"` (support.dadata.ru, «Что будет, если превысить 10 000 бесплатных запросов в день») —,
405 a method other than POST, 413 a request too long, 429 too many requests per second or
new connections, 5xx an error of the service. Each becomes a `RegistryError` whose `said`
is a code of `wording.registry_errors` and whose `reason` is the short word the findings use
(`domain.registry_findings.NOT_ASKED_REASONS`): the review says why the registry was not
asked without knowing HTTP.
"""

from __future__ import annotations

import json

from desktop_app.wording.registry import worded
from desktop_app.wording.said import Param, Said

DAILY_LIMIT_WORDS = "disabled for token"
"""In the message of the 403 DaData answers once the day's requests are spent."""


class RegistryError(Exception):
    """A problem asking the registry; `message` is the Russian sentence, `said` its code."""

    def __init__(self, said: Said, reason: str, *, status: int | None = None) -> None:
        text, _said = worded(said)
        super().__init__(text)
        self.message = text
        self.said = said
        self.reason = reason
        self.status = status


def error_for(status: int, body: bytes) -> RegistryError:
    """The error of an answer with a status of 400 or more."""
    params: dict[str, Param] = {"status": status}
    if status == 401 or (status == 403 and DAILY_LIMIT_WORDS not in _message(body)):
        return RegistryError(Said("registry.bad_token", params), "bad-token", status=status)
    if status == 403:
        return RegistryError(Said("registry.daily_limit", params), "limit", status=status)
    if status == 429:
        return RegistryError(Said("registry.too_many", params), "limit", status=status)
    if status >= 500:
        return RegistryError(Said("registry.server", params), "server", status=status)
    return RegistryError(Said("registry.refused", params), "answer", status=status)


def _message(body: bytes) -> str:
    """DaData's `message` of an error body ({"family", "reason", "message"}), "" for none."""
    try:
        answer = json.loads(body.decode("utf-8", "replace"))
    except ValueError:
        return ""
    message = answer.get("message") if isinstance(answer, dict) else None
    return message if isinstance(message, str) else ""
