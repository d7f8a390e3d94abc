"""What comes back from 1C, read without breaking: JSON bodies, cut bodies, `Location`.

- `Location` of a 201: 1C writes the Cyrillic set name as raw UTF-8 bytes
  (`…/Catalog_Контрагенты(guid'…')`, GUIDE §5; odata1c-gate's M2 acceptance saw a Python
  proxy fall over it), and Python's http.client decodes header bytes as ISO-8859-1, so
  `requests` hands over mojibake. `header_text` turns it back (latin-1 → bytes → UTF-8);
  what is not such mojibake — plain ASCII, a percent-encoded URL from a proxy in front, a
  header in some other encoding — is kept as it came, never an exception.
- Every answer is read whole within an overall deadline (`onec.deadline`, the socket cut by
  answer_deadline.py: a server trickling a byte at a time would otherwise hold `check onec`
  forever) and only up to a limit (`JSON_LIMIT`, `METADATA_LIMIT`): a 100 MB page costs no
  more memory than that. A redirect to another origin is refused (guarded_session.py).
- `allowedOnly=true` goes on every read (GUIDE §5, documentation 17.4.5.4): without it a read
  that touches one object the 1C user may not see fails whole with 403/20; with it 1C leaves
  such objects out. `$metadata` is no data read and gets none.
"""

from __future__ import annotations

import contextlib
import json
import logging
import re
import threading
from typing import Any
from urllib.parse import unquote

import requests

from desktop_app.adapters.answer_deadline import Deadline
from desktop_app.adapters.guarded_session import (
    AnswerTooLargeError,
    RedirectRefusedError,
    read_limited,
    size_said,
)
from desktop_app.adapters.onec.odata_errors import (
    OneCCertificateError,
    OneCConnectionError,
    OneCDeadlineError,
    OneCError,
    OneCRedirectError,
    OneCTooLargeError,
    error_for,
    parse_error_body,
)
from desktop_app.wording.said import Said

log = logging.getLogger(__name__)
JsonObject = dict[str, Any]
ALLOWED_ONLY = "allowedOnly=true"
JSON_LIMIT = 16 * 1024 * 1024
"""The longest JSON answer read. A page of 1,000 counterparties is about 1–2 MB (a row is a
kilobyte or two, 1C's field lengths keep it so), a created object a few KB."""
METADATA_LIMIT = 128 * 1024 * 1024
"""`$metadata` of a whole УТ 11 publication is megabytes to tens of megabytes."""
_CREATED = re.compile(
    r"/(?P<set>[^/()?]+)\((?:Ref_Key=)?guid'(?P<key>[0-9a-fA-F-]{36})'\)/?(?:\?.*)?$"
)


def with_allowed_only(url: str) -> str:
    """The read URL with `allowedOnly=true` (not for `$metadata`)."""
    path = url.partition("?")[0]
    if path.endswith("/$metadata"):
        return url
    return f"{url}{'&' if '?' in url else '?'}{ALLOWED_ONLY}"


def header_text(value: str | None) -> str | None:
    """A header as 1C meant it: raw UTF-8 that http.client read as latin-1, turned back."""
    if value is None:
        return None
    try:
        return value.encode("latin-1").decode("utf-8")
    except UnicodeError:  # not latin-1-decoded UTF-8: some other text, keep it as it came
        return value


def created_key(location: str | None, entity_set: str) -> str | None:
    """The Ref_Key a 201's `Location` names, if it names an object of `entity_set`."""
    text = header_text(location)
    if not text:
        return None
    match = _CREATED.search(unquote(text, errors="replace"))
    if match is None or match["set"] != entity_set:
        return None
    return match["key"].lower()


def created_or_key(
    created: JsonObject, location: str | None, entity_set: str, what: str
) -> JsonObject | str:
    """The new object as 1C answered it, or — its body lost — the key to read it back by."""
    key = created_key(location, entity_set)
    if created.get("Ref_Key"):
        if key is not None and key != str(created["Ref_Key"]).lower():
            log.warning("1C %s: Location names %s, the body %s", what, key, created["Ref_Key"])
        return created
    if key is None:
        raise OneCError(Said("onec.no_key", {"what": what}))
    log.warning("1C %s: the answer lost its body; reading %s back", what, key)
    return key


class OneCAnswerError(OneCError):
    """An answer that came whole, with success, but is not what 1C's OData interface sends
    (a broken proxy, a hostile server): rows that are no objects, keys that are no keys."""


_GUID = re.compile(r"[0-9a-fA-F]{8}-(?:[0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}")


def rows_of(answer: JsonObject, what: str) -> list[JsonObject]:
    """The `value` rows of a list answer, each a JSON object — or the reason there are none:
    an `odata.error` sent with success is 1C's error all the same."""
    value = answer.get("value")
    if not isinstance(value, list):
        if "odata.error" in answer:
            body = json.dumps(answer, ensure_ascii=False).encode("utf-8")
            _, message = parse_error_body(body, "application/json")
            raise OneCAnswerError(
                Said("onec.error_with_success", {"what": what, "words": message})
                if message
                else Said("onec.error_with_success_silent", {"what": what})
            )
        raise OneCAnswerError(Said("onec.no_rows", {"what": what}))
    for row in value:
        if not isinstance(row, dict):
            said = Said("onec.row_not_object", {"what": what, "answer": str(row)[:60]})
            raise OneCAnswerError(said)
    return value


def row_key(row: object, what: str) -> str:
    """The `Ref_Key` of a row, checked to be a reference (a GUID), as it came."""
    key = row.get("Ref_Key") if isinstance(row, dict) else None
    if isinstance(key, str) and _GUID.fullmatch(key):
        return key
    if not isinstance(row, dict):
        said = Said("onec.row_instead", {"what": what, "answer": str(row)[:60]})
    elif key is None:
        said = Said("onec.row_without_key", {"what": what})
    else:
        said = Said("onec.row_bad_key", {"what": what, "answer": str(key)[:60]})
    raise OneCAnswerError(said)


def json_of(response: requests.Response, what: str) -> JsonObject:
    """The JSON object of an answer; anything else is a typed error in 1C's words."""
    try:
        answer = response.json()
    except ValueError:
        if response.status_code < 300 and response.content.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] in (
            b"{",
            b"[",
        ):
            raise OneCAnswerError(Said("onec.json_broken", {"what": what})) from None
        raise error_for(
            response.status_code, response.content, response.headers.get("Content-Type", ""), what
        ) from None
    if not isinstance(answer, dict):
        raise OneCError(Said("onec.not_json_object", {"what": what}))
    return answer


class OneCAnswerCutError(OneCConnectionError):
    """A write 1C answered with success whose body broke off; the headers did arrive."""

    def __init__(self, message: str | Said, *, status: int, location: str | None) -> None:
        super().__init__(message, status=status)
        self.location = location


def written_json(response: requests.Response, what: str) -> JsonObject:
    """The object a successful write answered with ({} for no body). A body that is there
    but not a whole JSON object did not arrive whole (a proxy passed on what it had): 1C
    applied the write, so it is a cut answer — outcome unknown — never a refusal."""
    if not response.content.strip():
        return {}
    try:
        return json_of(response, what)
    except OneCError:
        raise OneCAnswerCutError(
            Said("onec.done_not_whole", {"what": what, "status": response.status_code}),
            status=response.status_code,
            location=response.headers.get("Location"),
        ) from None


def connection_error(what: str, error: Exception, method: str) -> OneCConnectionError:
    code = "onec.timeout" if isinstance(error, requests.exceptions.Timeout) else "onec.unreachable"
    return OneCConnectionError(Said(_of_write(code, method), {"what": what}))


def _of_write(code: str, method: str) -> str:
    """The code of a failure; of a write's (`…_write`): 1C may have applied it."""
    return code if method == "GET" else code + "_write"


def cut_error(what: str, response: requests.Response, method: str) -> OneCConnectionError:
    """The body broke off after the status line: a read is retried, a write is reported."""
    if method == "GET" or response.status_code >= 300:
        return OneCConnectionError(Said("onec.cut", {"what": what}))
    return OneCAnswerCutError(
        Said("onec.done_cut", {"what": what, "status": response.status_code}),
        status=response.status_code,
        location=response.headers.get("Location"),
    )


def read_answer(
    session: requests.Session,
    method: str,
    url: str,
    what: str,
    *,
    deadline: Deadline | None = None,
    limit: int = JSON_LIMIT,
    **kwargs: Any,
) -> requests.Response:
    """One exchange with its body read whole, within `deadline` and up to `limit` bytes.

    Whatever went wrong once the deadline cut the connection — an error, or a body that
    only looks complete — is a OneCDeadlineError: for a write, its outcome is unknown.
    """
    adapter = getattr(session, "deadline_adapter", None)
    watch: contextlib.AbstractContextManager[threading.Event] = (
        adapter.watch(deadline.remaining())
        if adapter is not None and deadline is not None
        else contextlib.nullcontext(threading.Event())
    )
    with watch as fired:
        try:
            response = _read_whole(session, method, url, what, limit, **kwargs)
        except OneCError:
            if fired.is_set() and deadline is not None:
                raise deadline_error(what, deadline, method) from None
            raise
        if fired.is_set() and deadline is not None:
            response.close()
            raise deadline_error(what, deadline, method)
    return response


def deadline_error(what: str, deadline: Deadline, method: str) -> OneCDeadlineError:
    seconds = f"{deadline.seconds:g}"
    return OneCDeadlineError(
        Said(_of_write("onec.too_slow", method), {"what": what, "seconds": seconds})
    )


def _read_whole(
    session: requests.Session, method: str, url: str, what: str, limit: int, **kwargs: Any
) -> requests.Response:
    """One exchange with its body read whole; a network failure is a OneCConnectionError,
    a body that breaks off after the status line too (`cut_error`) — requests would raise
    its own ChunkedEncodingError from the middle of `.content` otherwise."""
    try:
        response = session.request(method, url, stream=True, **kwargs)
    except RedirectRefusedError as refused:
        where = Said("error.to_plain_http" if refused.to_plain_http else "error.to_other_origin")
        said = Said(
            "onec.redirected", {"what": what, "where": where, "target": refused.target[:200]}
        )
        raise OneCRedirectError(said, status=refused.status) from None
    except requests.exceptions.SSLError:
        raise OneCCertificateError(Said("onec.certificate", {"what": what})) from None
    except (requests.exceptions.ConnectionError, requests.exceptions.Timeout) as error:
        raise connection_error(what, error, method) from error
    try:
        # The whole body, or the failure of reading it, now; kept where `.content` and
        # `.json()` find it (requests' own attribute: the body was read here, not by it).
        response._content = read_limited(response, limit)
    except AnswerTooLargeError:
        if method != "GET" and response.status_code < 300:
            raise cut_error(what, response, method) from None  # applied: not read whole
        said = Said("onec.too_long", {"what": what, "size": size_said(limit)})
        raise OneCTooLargeError(said, status=response.status_code) from None
    except requests.exceptions.RequestException as error:
        response.close()
        if isinstance(error, requests.exceptions.Timeout):
            raise connection_error(what, error, method) from error
        raise cut_error(what, response, method) from error
    return response
