"""The client of 1C's standard OData interface (GUIDE §5).

One `requests.Session` (keep-alive: a real УТ 11 takes seconds per request, a new TLS
connection each time would add to it), HTTP Basic with the credentials in UTF-8 (a Cyrillic
login is base64 of the UTF-8 `login:password`), `$format=json` always. Reads are retried on
connection errors; writes never are — whether a write that lost its answer was applied is
decided by the caller, which looks the object up before trying again (the outbox).
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import requests
from requests.auth import HTTPBasicAuth

from desktop_app.adapters.onec.odata_errors import (
    OneCCertificateError,
    OneCConfigError,
    OneCConnectionError,
    OneCError,
    OneCNotFoundError,
    error_for,
)
from desktop_app.adapters.onec.odata_filter import Expr, Field, Guid, any_of
from desktop_app.adapters.onec.odata_filter import both as _both
from desktop_app.adapters.onec.odata_paging import keyset_pages
from desktop_app.adapters.onec.odata_query import Query, encode_path, entity_path

log = logging.getLogger(__name__)
T = TypeVar("T")
JsonObject = dict[str, Any]


@dataclass(frozen=True, slots=True)
class OneCConnection:
    url: str
    """The OData service root: https://host/<publication>/odata/standard.odata/"""
    user: str
    password: str
    ca_bundle: Path | None = None
    connect_timeout: float = 15.0
    read_timeout: float = 120.0
    retries: int = 3
    backoff: float = 1.0
    query_limit: int = 2048
    """Longest query string to send: IIS answers a longer one with an HTML 404."""


def service_root(url: str) -> str:
    """The service root with exactly one trailing slash."""
    cleaned = url.strip()
    if not cleaned.lower().startswith(("http://", "https://")):
        raise OneCConfigError(
            f"Адрес 1С «{url}» — не полный URL. Нужен адрес OData-сервиса публикации, например "
            "https://1c.example.ru/ut11/odata/standard.odata/"
        )
    return cleaned.rstrip("/") + "/"


class ODataClient:
    """Requests to one 1C publication; not shared between threads."""

    def __init__(
        self,
        connection: OneCConnection,
        *,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.connection = connection
        self.root = service_root(connection.url)
        if connection.ca_bundle is not None and not connection.ca_bundle.is_file():
            raise OneCConfigError(
                f"Файл сертификатов «{connection.ca_bundle}» (onec.ca_bundle) не найден."
            )
        self._verify: str | bool = str(connection.ca_bundle) if connection.ca_bundle else True
        self._auth = HTTPBasicAuth(
            connection.user.encode("utf-8"), connection.password.encode("utf-8")
        )
        self._session = requests.Session()
        self._session.headers["User-Agent"] = "OrderReview (1C OData)"
        self._session.headers["Accept"] = "application/json"
        self._sleep = sleep

    def __enter__(self) -> ODataClient:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._session.close()

    # --- reading ---------------------------------------------------------------------------

    def rows(self, query: Query) -> list[JsonObject]:
        """The `value` list of a query (one request: page with `pages` for more)."""
        answer = self._get_json(query.url(self.root), f"чтение {query.entity_set}")
        value = answer.get("value")
        return value if isinstance(value, list) else []

    def count(self, query: Query) -> int:
        """`/$count` — 1C counts separately (`$inlinecount` would ignore `$top`/`$skip`)."""
        url = query.url(self.root, count=True)
        text = self._get(url, f"подсчёт {query.entity_set}").text.strip().lstrip("\ufeff")
        try:
            return int(text)
        except ValueError:
            raise OneCError(f"1С вернула вместо числа: «{text[:80]}»") from None

    def pages(self, query: Query, order_field: str, size: int = 1000) -> Iterator[list[JsonObject]]:
        """All rows of `query`, about `size` at a time, by keyset over `order_field`: a
        limited-length string with an index, such as a catalog's `Code` or `Description`.

        Not by `Ref_Key`: a live base refuses `Ref_Key gt guid'…'` and orders references by
        their presentation. odata_paging says why this way, and what paging cannot see.
        """
        return keyset_pages(self.rows, query, order_field, size)

    def get(self, entity_set: str, ref_key: str, fields: tuple[str, ...] = ()) -> JsonObject | None:
        """One object by its key; None when 1C has no such object."""
        url = Query(entity_set).select(*fields).url_for(self.root, ref_key)
        try:
            return self._get_json(url, f"чтение {entity_set}")
        except OneCNotFoundError:
            return None

    def find_in(
        self,
        query: Query,
        field_name: str,
        values: list[str | Guid],
    ) -> list[JsonObject]:
        """Rows whose `field_name` is any of `values`, in as few requests as the limit allows."""
        found: list[JsonObject] = []
        batch: list[Expr] = []
        for value in values:
            candidate = [*batch, Field(field_name).eq(value)]
            if batch and self._too_long(query, candidate):
                found.extend(self.rows(query.filter(_both(query.condition, any_of(batch)))))
                candidate = [Field(field_name).eq(value)]
            batch = candidate
        if batch:
            found.extend(self.rows(query.filter(_both(query.condition, any_of(batch)))))
        return found

    def metadata(self) -> bytes:
        """`$metadata` (EDMX); it can be megabytes, so the caller caches it."""
        return self._get(f"{self.root}$metadata", "чтение $metadata").content

    # --- writing ---------------------------------------------------------------------------

    def create(self, entity_set: str, body: JsonObject) -> JsonObject:
        """POST: 1C answers 201 with the new object (and its Ref_Key)."""
        url = f"{self.root}{encode_path(entity_set)}?$format=json"
        return self._write("POST", url, body, f"создание {entity_set}")

    def update(self, entity_set: str, ref_key: str, body: JsonObject) -> JsonObject:
        """PATCH: only the sent fields change; a tabular section sent is replaced whole."""
        url = f"{self.root}{encode_path(entity_path(entity_set, ref_key))}?$format=json"
        return self._write("PATCH", url, body, f"изменение {entity_set}")

    def post_document(self, entity_set: str, ref_key: str) -> None:
        """Post a document (`…/Post?PostingModeOperational=false`)."""
        url = (
            f"{self.root}{encode_path(entity_path(entity_set, ref_key))}/Post"
            "?PostingModeOperational=false"
        )
        self._request("POST", url, f"проведение {entity_set}", retry=False)

    # --- transport -------------------------------------------------------------------------

    def _too_long(self, query: Query, batch: list[Expr]) -> bool:
        candidate = query.filter(_both(query.condition, any_of(batch)))
        return candidate.url_length(self.root) > self.connection.query_limit

    def _get_json(self, url: str, what: str) -> JsonObject:
        return _json(self._get(url, what), what)

    def _get(self, url: str, what: str) -> requests.Response:
        return self._request("GET", url, what, retry=True)

    def _write(self, method: str, url: str, body: JsonObject, what: str) -> JsonObject:
        data = json.dumps(body, ensure_ascii=False).encode("utf-8")
        response = self._request(
            method,
            url,
            what,
            retry=False,
            data=data,
            headers={"Content-Type": "application/json; charset=utf-8"},
        )
        return _json(response, what) if response.content.strip() else {}

    def _request(
        self, method: str, url: str, what: str, *, retry: bool, **kwargs: Any
    ) -> requests.Response:
        attempts = self.connection.retries + 1 if retry else 1
        pause = self.connection.backoff
        for attempt in range(1, attempts + 1):
            started = time.monotonic()
            try:
                response = self._session.request(
                    method,
                    url,
                    auth=self._auth,
                    timeout=(self.connection.connect_timeout, self.connection.read_timeout),
                    verify=self._verify,
                    **kwargs,
                )
            except requests.exceptions.SSLError:
                raise OneCCertificateError(
                    f"{what}: не удалось проверить сертификат сервера 1С. Если у него "
                    "собственный сертификат, укажите файл: config set onec.ca_bundle ФАЙЛ."
                ) from None
            except (requests.exceptions.ConnectionError, requests.exceptions.Timeout) as error:
                if attempt >= attempts:
                    raise _connection_error(what, error, method) from None
                log.warning(
                    "1C %s: %s; retry %d in %.1f s", what, type(error).__name__, attempt, pause
                )
                self._sleep(pause)
                pause *= 2
                continue
            log.info("1C %s %s: HTTP %s in %.1f s", method, what, response.status_code,
                     time.monotonic() - started)  # fmt: skip
            if response.status_code >= 400:
                raise error_for(
                    response.status_code,
                    response.content,
                    response.headers.get("Content-Type", ""),
                    what,
                )
            return response
        raise AssertionError("unreachable")  # pragma: no cover


def _json(response: requests.Response, what: str) -> JsonObject:
    try:
        answer = response.json()
    except ValueError:
        raise error_for(
            response.status_code, response.content, response.headers.get("Content-Type", ""), what
        ) from None
    if not isinstance(answer, dict):
        raise OneCError(f"{what}: 1С ответила не объектом JSON.")
    return answer


def _connection_error(what: str, error: Exception, method: str) -> OneCConnectionError:
    timed_out = isinstance(error, requests.exceptions.Timeout)
    unknown = "" if method == "GET" else " Неизвестно, успела ли 1С выполнить запись."
    if timed_out:
        return OneCConnectionError(
            f"{what}: 1С не ответила вовремя (сервер 1С бывает медленным; можно увеличить "
            f"onec.read_timeout).{unknown}"
        )
    return OneCConnectionError(
        f"{what}: не удалось связаться с 1С — соединение не установлено или разорвано. "
        f"Проверьте адрес (onec.url) и сеть.{unknown}"
    )
