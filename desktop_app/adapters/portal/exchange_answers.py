"""Reading the portal's short text answers and unpacking a zipped query answer.

The protocol's text answers are lines: `success`, values, `key=value` pairs, or `failure`
followed by the reason in the site's charset. Anything else — a web page, a PHP error, an
empty body — is an error that quotes the portal's own words.

A site whose PHP files (dbconn.php, init.php) were saved with a UTF-8 BOM, or end in blank
lines after `?>`, prints those bytes before every answer. On a windows-1251 site the BOM
decodes to «п»ї» and the answer would read «п»їsuccess»; so leading BOMs and blank space are
dropped from the bytes before decoding — silently, since they come with every request.
"""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

from desktop_app.adapters.guarded_session import AnswerTooLargeError, size_said
from desktop_app.adapters.portal.exchange_errors import (
    PortalEmptyAnswerError,
    PortalPageError,
    PortalRefusedError,
    PortalTooLargeError,
)
from desktop_app.adapters.portal.xml_prolog import excerpt
from desktop_app.wording.said import Param, Said

ZIP_MAGIC = b"PK\x03\x04"
MAX_UNPACKED = 4 * 1024**3
"""An answer that unpacks beyond this is refused (a zip bomb, not a day of orders)."""
_LEAD = re.compile(rb"(?:\xef\xbb\xbf|\s)+")
TEXT_LIMIT = 1024 * 1024
"""The longest text answer read (checkauth, init, success, a refusal, an error page).

The protocol's own answers are a few lines (component.php echoes a cookie, a sessid, a
version); PHP's error pages are kilobytes. A megabyte is far beyond both, and reading no
more keeps a 200 MB answer from costing 200 MB of memory (issue 14, point 10)."""


def without_lead(body: bytes) -> bytes:
    """The body without the UTF-8 BOMs and blank space a site's PHP files print before it."""
    match = _LEAD.match(body)
    return body[match.end() :] if match else body


def decode_answer(body: bytes, charset: str | None) -> str:
    """The header's charset if any, else UTF-8, else windows-1251 (a Bitrix site's usual one)."""
    body = without_lead(body)
    if charset:
        try:
            return body.decode(charset, errors="replace")
        except LookupError:
            pass
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        return body.decode("cp1251", errors="replace")


def _looks_like_page(text: str) -> bool:
    head = text.lstrip()[:512].lower()
    return head.startswith("<") or "<b>fatal error</b>" in head or "<br" in head


def check_text_answer(mode: str, text: str, *, status: int = 200) -> list[str]:
    """The answer's lines when it is a protocol answer; a typed error otherwise."""
    stripped = re.sub(r"^[\s\ufeff]+", "", text).strip()
    if not stripped:
        raise PortalEmptyAnswerError(Said("portal.empty_answer", {"mode": mode, "status": status}))
    page: dict[str, Param] = {"mode": mode, "status": status, "page": excerpt(stripped)}
    if _looks_like_page(stripped):
        raise PortalPageError(Said("portal.web_page", page), portal_words=excerpt(stripped, 1000))
    lines = [line.strip() for line in stripped.splitlines()]
    if lines[0] in ("failure", "error"):
        reason = " ".join(line for line in lines[1:] if line)
        if not reason:
            said = Said("portal.refused_silently", {"mode": mode})
            raise PortalRefusedError(said, portal_words="причина не указана")
        said = Said("portal.refused", {"mode": mode, "words": reason})
        raise PortalRefusedError(said, portal_words=reason)
    if status != 200:
        raise PortalPageError(Said("portal.http_error", page), portal_words=excerpt(stripped, 1000))
    return lines


def too_large_error(mode: str, status: int, error: AnswerTooLargeError) -> PortalTooLargeError:
    """A text answer past `TEXT_LIMIT`, its beginning quoted."""
    head = decode_answer(error.head, None)
    size = size_said(error.limit)
    said = Said(
        "portal.too_long", {"mode": mode, "status": status, "size": size, "page": excerpt(head)}
    )
    return PortalTooLargeError(said, portal_words=excerpt(head, 1000))


def unpack_if_zipped(path: Path) -> tuple[Path, bool]:
    """(the XML file, whether it came zipped). A zip is recognised by its magic bytes."""
    with path.open("rb") as stream:
        if stream.read(4) != ZIP_MAGIC:
            return path, False
    target = path.with_suffix(".unpacked.xml")
    try:
        with zipfile.ZipFile(path) as archive:
            members = [m for m in archive.infolist() if not m.is_dir()]
            if not members:
                raise PortalPageError(Said("portal.zip_empty"))
            member = next((m for m in members if m.filename.lower().endswith(".xml")), members[0])
            if member.file_size > MAX_UNPACKED:
                raise PortalPageError(Said("portal.zip_too_big"))
            with archive.open(member) as source, target.open("wb") as out:
                shutil.copyfileobj(source, out, 1024 * 1024)
    except (zipfile.BadZipFile, EOFError) as error:
        raise PortalPageError(Said("portal.zip_broken", {"detail": str(error)})) from None
    return target, True
