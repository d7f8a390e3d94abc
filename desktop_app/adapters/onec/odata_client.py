"""The client of 1C's standard OData interface (GUIDE §5).

One `requests.Session` (keep-alive: a real УТ 11 takes seconds per request, a new TLS
connection each time would add to it), HTTP Basic with the credentials in UTF-8 (a Cyrillic
login is base64 of the UTF-8 `login:password`), `$format=json` always, `allowedOnly=true` on
every read (odata_answers.py). Reads are retried on network errors and cut answers; writes
never are — whether a write that lost its answer was applied is decided by the caller,
which looks the object up before trying again (the outbox), or by its `Location`.
"""

from __future__ import annotations

import json
import logging
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import requests
from requests.auth import HTTPBasicAuth

from desktop_app.adapters.answer_deadline import Deadline
from desktop_app.adapters.guarded_session import GuardedSession
from desktop_app.adapters.onec.odata_answers import (
    ALLOWED_ONLY,
    METADATA_LIMIT,
    JsonObject,
    OneCAnswerCutError,
    created_key,
    created_or_key,
    deadline_error,
    json_of,
    read_answer,
    rows_of,
    with_allowed_only,
    written_json,
)
from desktop_app.adapters.onec.odata_errors import (
    OneCCertificateError,
    OneCConfigError,
    OneCConnectionError,
    OneCDeadlineError,
    OneCError,
    OneCNotFoundError,
    error_for,
    rights_error,
)
from desktop_app.adapters.onec.odata_filter import Expr, Field, Guid, any_of
from desktop_app.adapters.onec.odata_filter import both as _both
from desktop_app.adapters.onec.odata_paging import keyset_pages
from desktop_app.adapters.onec.odata_query import Query, encode_path, entity_path
from desktop_app.adapters.onec.onec_field_lengths import cut_long_values, cut_words
from desktop_app.wording.said import Said

log = logging.getLogger(__name__)
__all__ = ["JsonObject", "ODataClient", "OneCConnection", "service_root"]


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
    deadline: float = 300.0
    """Seconds one request may take in all, its retries and the whole answer included."""


def service_root(url: str) -> str:
    """The service root with exactly one trailing slash."""
    cleaned = url.strip()
    if not cleaned.lower().startswith(("http://", "https://")):
        raise OneCConfigError(Said("onec.url_not_whole", {"url": url}))
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
            said = Said("onec.ca_file_missing", {"path": str(connection.ca_bundle)})
            raise OneCConfigError(said)
        self._verify: str | bool = str(connection.ca_bundle) if connection.ca_bundle else True
        self._auth = HTTPBasicAuth(
            connection.user.encode("utf-8"), connection.password.encode("utf-8")
        )
        self._session: requests.Session = GuardedSession()  # no redirect to another origin
        self._session.headers["User-Agent"] = "OrderReview (1C OData)"
        self._session.headers["Accept"] = "application/json"
        self._sleep = sleep
        self.cut_values: Counter[str] = Counter()
        """Values longer than 1C allows that were cut, by `set.field` (onec_field_lengths)."""
        self.writes_applied = 0
        """Writes 1C answered with success, whole or cut: the outbox tells by it whether an
        error came after a write had been applied."""
        self.last_method = ""
        """The method of the last request sent: a GET that failed was a look, not a write."""

    def __enter__(self) -> ODataClient:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._session.close()

    # --- reading ---------------------------------------------------------------------------

    def rows(self, query: Query) -> list[JsonObject]:
        """The `value` list of a query (one request: page with `pages` for more)."""
        answer = self._get_json(query.url(self.root), query.entity_set)
        return rows_of(answer, f"чтение {query.entity_set}")

    def count(self, query: Query) -> int:
        """`/$count` — 1C counts separately (`$inlinecount` would ignore `$top`/`$skip`)."""
        url = query.url(self.root, count=True)
        what = f"подсчёт {query.entity_set}"
        text = self._get(url, what, query.entity_set).text.strip().lstrip("\ufeff")
        try:
            return int(text)
        except ValueError:
            raise OneCError(Said("onec.not_a_number", {"answer": text[:80]})) from None

    def pages(self, query: Query, order_field: str, size: int = 1000) -> Iterator[list[JsonObject]]:
        """All rows of `query`, about `size` at a time, by keyset over `order_field`: a
        limited-length string with an index, such as a catalog's `Code` or `Description`.

        Not by `Ref_Key`: a live base refuses `Ref_Key gt guid'…'` and orders references by
        their presentation. odata_paging says why this way, and what paging cannot see.
        """
        return keyset_pages(self.rows, query, order_field, size, self.count)

    def get(self, entity_set: str, ref_key: str, fields: tuple[str, ...] = ()) -> JsonObject | None:
        """One object by its key; None when 1C has no such object."""
        url = Query(entity_set).select(*fields).url_for(self.root, ref_key)
        try:
            return self._get_json(url, entity_set, by_key=True)
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
        url, what = f"{self.root}$metadata", "чтение $metadata"
        return self._request("GET", url, what, retry=True, limit=METADATA_LIMIT).content

    # --- writing ---------------------------------------------------------------------------

    def create(self, entity_set: str, body: JsonObject) -> JsonObject:
        """POST: 1C answers 201 with the new object and its `Location`; a body that did not
        arrive whole is read back by the key `Location` names (1C has made the object, and
        a second POST would make another)."""
        url = f"{self.root}{encode_path(entity_set)}?$format=json"
        what = f"создание {entity_set}"
        try:
            response = self._send("POST", url, body, what, entity_set)
            location = response.headers.get("Location")
            created = written_json(response, what)
        except OneCAnswerCutError as error:
            location, created = error.location, {}
            if created_key(location, entity_set) is None:
                raise
        found = created_or_key(created, location, entity_set, what)
        if isinstance(found, str):
            try:
                return self.get(entity_set, found) or {"Ref_Key": found}
            except OneCError as error:  # made, only not read back: its key is what counts
                log.warning("1C %s: %s not read back: %s", what, found, error.message)
                return {"Ref_Key": found}
        return found

    def update(self, entity_set: str, ref_key: str, body: JsonObject) -> JsonObject:
        """PATCH: only the sent fields change; a tabular section sent is replaced whole."""
        url = f"{self.root}{encode_path(entity_path(entity_set, ref_key))}?$format=json"
        what = f"изменение {entity_set}"
        response = self._send("PATCH", url, body, what, entity_set)
        return written_json(response, what)

    def post_document(self, entity_set: str, ref_key: str) -> None:
        """Post a document (`…/Post?PostingModeOperational=false`)."""
        url = (
            f"{self.root}{encode_path(entity_path(entity_set, ref_key))}/Post"
            "?PostingModeOperational=false"
        )
        self._request("POST", url, f"проведение {entity_set}", retry=False, entity_set=entity_set)

    # --- transport -------------------------------------------------------------------------

    def _too_long(self, query: Query, batch: list[Expr]) -> bool:
        candidate = query.filter(_both(query.condition, any_of(batch)))
        length = candidate.url_length(self.root) + len("&" + ALLOWED_ONLY)
        return length > self.connection.query_limit

    def _get_json(self, url: str, entity_set: str, *, by_key: bool = False) -> JsonObject:
        what = f"чтение {entity_set}"
        answer = json_of(self._get(url, what, entity_set, by_key=by_key), what)
        value = answer.get("value")
        rows = value if isinstance(value, list) else [answer]
        before = sum(self.cut_values.values())
        cut_long_values(entity_set, rows, self.cut_values)
        if sum(self.cut_values.values()) > before:
            log.warning("1C %s: values longer than 1C allows, cut: %s", what, dict(self.cut_values))
        return answer

    def cut_findings(self) -> list[str]:
        """What this client cut of 1C's answers (values longer than 1C's field lengths)."""
        return cut_words(self.cut_values)

    def _get(
        self, url: str, what: str, entity_set: str | None, *, by_key: bool = False
    ) -> requests.Response:
        url = with_allowed_only(url)
        return self._request("GET", url, what, retry=True, entity_set=entity_set, by_key=by_key)

    def _send(
        self, method: str, url: str, body: JsonObject, what: str, entity_set: str
    ) -> requests.Response:
        data = json.dumps(body, ensure_ascii=False).encode("utf-8")
        headers = {"Content-Type": "application/json; charset=utf-8"}
        return self._request(
            method, url, what, retry=False, entity_set=entity_set, data=data, headers=headers
        )

    def _request(
        self,
        method: str,
        url: str,
        what: str,
        *,
        retry: bool,
        entity_set: str | None = None,
        by_key: bool = False,
        **kwargs: Any,
    ) -> requests.Response:
        attempts = self.connection.retries + 1 if retry else 1
        pause = self.connection.backoff
        deadline = Deadline(self.connection.deadline)  # for the request with its retries
        for attempt in range(1, attempts + 1):
            started = time.monotonic()
            self.last_method = method
            try:
                response = read_answer(
                    self._session,
                    method,
                    url,
                    what,
                    deadline=deadline,
                    auth=self._auth,
                    timeout=(self.connection.connect_timeout, self.connection.read_timeout),
                    verify=self._verify,
                    **kwargs,
                )
            except OneCAnswerCutError:
                self.writes_applied += 1
                raise
            except OneCError as error:
                retried = isinstance(error, OneCConnectionError) and not isinstance(
                    error, OneCCertificateError | OneCDeadlineError
                )  # after a network failure; never after an answer of 1C, nor past the deadline
                if not retry or attempt >= attempts or not retried:
                    raise
                if deadline.remaining() <= pause:
                    raise deadline_error(what, deadline, method) from error
                log.warning("1C %s: %s; retry %d in %.1f s", what, error.message, attempt, pause)
                self._sleep(pause)
                pause *= 2
                continue
            log.info("1C %s %s: HTTP %s in %.1f s", method, what, response.status_code,
                     time.monotonic() - started)  # fmt: skip
            if response.status_code >= 400:
                refused = error_for(
                    response.status_code,
                    response.content,
                    response.headers.get("Content-Type", ""),
                    what,
                )
                raise rights_error(refused, what, entity_set, reading=method == "GET",
                                   by_key=by_key, user=self.connection.user)  # fmt: skip
            if method != "GET":
                self.writes_applied += 1
            return response
        raise AssertionError("unreachable")  # pragma: no cover
