"""The client of DaData's `findById/party`: one company by ИНН (and КПП) from ЕГРЮЛ/ЕГРИП.

`POST {base}/suggestions/api/4_1/rs/findById/party` with `Authorization: Token <key>` and
a JSON body `{"query": ИНН, "kpp"?: КПП, "branch_type"?: MAIN|BRANCH, "count": n}`, as
hflabs/dadata-py's `find_by_id("party", …)` sends it. The answer is `{"suggestions": [...]}`;
an ИНН the registry does not know is an empty list, not an error.

The session is the project's GuardedSession (no redirect to another origin — the token must
not travel to another host — and an overall deadline per answer, answer_deadline.py), and a
body is read only up to a limit. Every failure is a `RegistryError` (registry_errors.py).
Not shared between threads: the service gives each worker its own client.
"""

from __future__ import annotations

import contextlib
import json
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import requests

from desktop_app.adapters.answer_deadline import Deadline
from desktop_app.adapters.guarded_session import (
    AnswerTooLargeError,
    GuardedSession,
    RedirectRefusedError,
    read_limited,
)
from desktop_app.adapters.registry.registry_errors import RegistryError, error_for
from desktop_app.domain.registry_record import RegistryRecord, records_of
from desktop_app.wording.said import Said

log = logging.getLogger(__name__)

DADATA_URL = "https://suggestions.dadata.ru"
PARTY_PATH = "/suggestions/api/4_1/rs/findById/party"
ANSWER_LIMIT = 4 * 1024 * 1024
"""A party answer is some 10 KB a suggestion; 20 branches stay far below this."""


@dataclass(frozen=True, slots=True)
class RegistryConnection:
    url: str = DADATA_URL
    token: str = ""
    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    deadline: float = 30.0
    """Seconds one look-up may take in all, the whole answer included."""
    count: int = 20
    """How many suggestions to ask for: the head office and its branches."""


def party_url(base: str) -> str:
    cleaned = base.strip().rstrip("/")
    if not cleaned.lower().startswith(("http://", "https://")):
        raise RegistryError(Said("registry.url_not_whole", {"url": base}), "answer")
    return cleaned + PARTY_PATH


class DadataClient:
    """Look-ups of one company at a time; `close` (or `with`) ends the session."""

    def __init__(self, connection: RegistryConnection) -> None:
        self.connection = connection
        self.url = party_url(connection.url)
        if not connection.token.isascii() or not connection.token.isprintable():
            # An HTTP header is Latin-1; DaData's keys are hex digits. A key typed in the
            # wrong keyboard layout is said, not a UnicodeEncodeError from http.client.
            raise RegistryError(Said("registry.token_letters"), "bad-token")
        self._session = GuardedSession()
        self._session.headers.update({
            "Authorization": f"Token {connection.token}",
            "Content-Type": "application/json",
            "Accept": "application/json",
            "User-Agent": "OrderReview (registry)",
        })  # fmt: skip

    def __enter__(self) -> DadataClient:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._session.close()

    def find_party(self, inn: str, kpp: str = "") -> tuple[RegistryRecord, ...]:
        """The head office and branches the registry has for `inn`; () when it has none.

        The КПП is not sent: DaData filters by it exactly, and a branch whose КПП it does
        not know would vanish; the choice by КПП is `domain.registry_record.choose`.
        """
        return records_of({"suggestions": self.suggestions(inn)})

    def suggestions(self, inn: str) -> list[Mapping[str, Any]]:
        """DaData's `suggestions` list for `inn`, as it came (the store keeps it so)."""
        body: dict[str, object] = {"query": inn.strip(), "count": self.connection.count}
        found = self._post(body)["suggestions"]
        return [item for item in found if isinstance(item, Mapping)]

    def _post(self, body: Mapping[str, object]) -> Mapping[str, Any]:
        data = json.dumps(body, ensure_ascii=False).encode("utf-8")
        deadline = Deadline(self.connection.deadline)
        with self._session.deadline_adapter.watch(deadline.remaining()) as fired:
            try:
                status, content = self._exchange(data)
            except RegistryError:
                if fired.is_set():
                    raise self._too_slow() from None
                raise
            if fired.is_set():
                raise self._too_slow()
        log.info("registry findById/party: HTTP %s, %d bytes", status, len(content))
        if status >= 400:
            raise error_for(status, content)
        return _json_of(content)

    def _exchange(self, data: bytes) -> tuple[int, bytes]:
        timeout = (self.connection.connect_timeout, self.connection.read_timeout)
        try:
            response = self._session.post(self.url, data=data, timeout=timeout, stream=True)
        except RedirectRefusedError as refused:
            said = Said("registry.redirected", {"target": refused.target[:200]})
            raise RegistryError(said, "answer", status=refused.status) from None
        except requests.exceptions.Timeout:
            raise self._too_slow() from None
        except requests.exceptions.RequestException:
            raise RegistryError(Said("registry.unreachable"), "offline") from None
        try:
            with contextlib.closing(response):
                return response.status_code, read_limited(response, ANSWER_LIMIT)
        except AnswerTooLargeError as error:
            raise _garbage(error.head) from None
        except requests.exceptions.RequestException:  # a body cut off midway
            raise RegistryError(Said("registry.unreachable"), "offline") from None

    def _too_slow(self) -> RegistryError:
        seconds = f"{self.connection.deadline:g}"
        return RegistryError(Said("registry.timeout", {"seconds": seconds}), "offline")


def _garbage(content: bytes) -> RegistryError:
    head = " ".join(content[:120].decode("utf-8", "replace").split())
    return RegistryError(Said("registry.not_json", {"answer": head or "пустой ответ"}), "answer")


def _json_of(content: bytes) -> Mapping[str, Any]:
    try:
        answer = json.loads(content.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise _garbage(content) from None
    if not isinstance(answer, dict) or not isinstance(answer.get("suggestions"), list):
        raise _garbage(content)
    return answer
