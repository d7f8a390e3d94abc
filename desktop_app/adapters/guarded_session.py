"""The requests session both clients use: redirects kept to one origin, answers bounded.

requests follows a 307/308 with the method and the body: the portal's POST login form
(`USER_PASSWORD`) went along to any host a redirect named, and a same-host redirect to
another port or from https to http took the cookies and the Authorization header with it
(issue 14, point 6). Neither the exchange page of 1C-Bitrix nor 1C's OData service redirects
in its protocol (sale.export.1c/component.php answers every mode itself; 1C documentation
17.4 lists no redirect), so a redirect to another origin — scheme, host and port, RFC 6454 —
is refused before anything is sent there, and the caller says what the server did. A
redirect within the origin (a moved page on the same server) is followed, at most a few
times, and the body of the redirect answer is read only up to a small limit.

The adapter also gives every answer an overall deadline (answer_deadline.py), and
`read_limited` reads a body only up to a limit (issue 14, point 10): a 200 MB `checkauth`
answer or a 100 MB 1C page costs no more memory than the limit.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import requests

from desktop_app.adapters.answer_deadline import DeadlineAdapter
from desktop_app.wording.said import Said

MAX_REDIRECTS = 5
REDIRECT_BODY_LIMIT = 64 * 1024
"""A redirect answer's body is only read to be thrown away: a short page, never megabytes."""
_DEFAULT_PORTS = {"http": 80, "https": 443}


def origin(url: str) -> tuple[str, str, int | None]:
    """(scheme, host, port) with the scheme's default port filled in (RFC 6454)."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    try:
        port = parts.port
    except ValueError:
        port = None
    return scheme, (parts.hostname or "").lower(), port or _DEFAULT_PORTS.get(scheme)


class RedirectRefusedError(Exception):
    """A server redirected to another origin; nothing was sent there."""

    def __init__(self, status: int, source: str, target: str) -> None:
        super().__init__(f"HTTP {status} redirect from {source} to {target} refused")
        self.status = status
        self.source = source
        self.target = target

    @property
    def to_plain_http(self) -> bool:
        """From https to http: whatever went along would travel in clear."""
        return origin(self.source)[0] == "https" and origin(self.target)[0] == "http"


@dataclass
class AnswerTooLargeError(Exception):
    """A body longer than its limit; `head` is its beginning, to quote."""

    limit: int
    head: bytes

    def __str__(self) -> str:
        return f"answer longer than {self.limit} bytes"


def read_limited(response: requests.Response, limit: int) -> bytes:
    """The body of a streamed answer, or AnswerTooLargeError once it passes `limit` bytes."""
    body = bytearray()
    for chunk in response.iter_content(64 * 1024):
        body += chunk
        if len(body) > limit:
            response.close()
            raise AnswerTooLargeError(limit, bytes(body[:4096]))
    return bytes(body)


def size_said(limit: int) -> Said:
    """`limit` as a manager reads it: «1 МБ», «64 КБ»."""
    if limit >= 1024 * 1024:
        return Said("error.megabytes", {"count": limit // (1024 * 1024)})
    return Said("error.kilobytes", {"count": limit // 1024})


class GuardedSession(requests.Session):
    """A Session that follows redirects only within their origin, with deadline sockets."""

    def __init__(self) -> None:
        super().__init__()
        self.max_redirects = MAX_REDIRECTS
        self.deadline_adapter = DeadlineAdapter()
        self.mount("http://", self.deadline_adapter)
        self.mount("https://", self.deadline_adapter)

    def get_redirect_target(self, resp: requests.Response) -> str | None:
        """requests asks here before it follows a redirect: refuse another origin."""
        target = super().get_redirect_target(resp)
        if target is None:
            return None
        source = resp.url
        absolute = urljoin(source, target)
        if origin(absolute) != origin(source):
            resp.close()
            raise RedirectRefusedError(resp.status_code, source, absolute)
        try:
            read_limited(resp, REDIRECT_BODY_LIMIT)  # requests reads it whole otherwise
        except AnswerTooLargeError:
            raise RedirectRefusedError(resp.status_code, source, absolute) from None
        except requests.exceptions.StreamConsumedError:
            pass  # asked again about the same answer (requests does): read already
        return target
