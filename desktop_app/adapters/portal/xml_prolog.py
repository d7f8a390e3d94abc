"""What a file is, decided from its first bytes, before the XML parser sees it.

A portal that fails answers with HTTP 200 and an HTML page, a PHP error, an empty body or a
`failure` line; an attacker's file carries a DTD with entities. All of these are refused here
with a sentence a manager can act on, so the reader only ever streams something that claims
to be CommerceML. The declared encoding wins over a BOM (GUIDE §4); a BOM over the XML default.

A PHP file of the site saved with a BOM, or ending in blank lines after `?>`, prints those
bytes before every answer, so a real answer may begin with UTF-8 BOMs and blank lines before
`<?xml`. libxml2 refuses anything before the declaration, so they are measured here and the
parser starts after them (`Prolog.lead_length`) — quietly: the portal sends them every time.

A site whose exchange page runs in English writes the tags in English (`CommerceInformation`,
`Document`, `Contractors`…: `CSaleExport::getTagName` takes them from the sale module's
language file of `LANGUAGE_ID`, modules/sale/general/export.php and lang/en/general/export.php;
German: `KommerzInformation`). Such a file is refused as a whole, saying what to change.
"""

from __future__ import annotations

import codecs
import html
import re
from dataclasses import dataclass

from desktop_app.wording.registry import worded
from desktop_app.wording.said import Said

HEAD_LIMIT = 1 << 20
ROOT_NAME = "КоммерческаяИнформация"

_UTF16_BOMS = ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
_DECLARATION = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']""")
_SKIPPABLE = re.compile(r"\s*(?:<\?.*?\?>|<!--.*?-->)", re.DOTALL)
_START_TAG = re.compile(
    r"""<([^\s/>!?]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(/?)>""", re.DOTALL
)
_TAG_NAME = re.compile(r"<([^\s/>!?]+)")
_HTML_TAGS = frozenset({"html", "head", "body", "br", "b", "p", "div", "title", "h1", "pre"})
_TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)
_BREAKING_TAG = re.compile(
    r"<(?:br|hr|p|/p|div|/div|/h\d|/title|/li|/tr|/td|/th)\b[^>]*>", re.IGNORECASE
)
_ANY_TAG = re.compile(r"<[^>]*>")
_ALTERNATIVE_ENCODINGS = ("UTF-8", "windows-1251")
_LEAD_SPACE = frozenset(b" \t\r\n")
_REFUSAL = re.compile(r"(?:failure|error)[ \t]*(?:\r?\n|$)")
FOREIGN_ROOTS = {
    "CommerceInformation": ("en", "portal.english_tags"),
    "KommerzInformation": ("de", "portal.german_tags"),
}
"""The root tag of the sale export in the other languages the sale module ships, with the
site language it betrays and the code of the word for the message."""


class NotCommerceMLError(Exception):
    """The input is not a CommerceML document at all; nothing in it can be read.

    `code` is the kind of input (`empty`, `html`, …); `said` what to tell the manager, and
    `message` that in Russian."""

    def __init__(self, code: str, said: Said) -> None:
        self.message, self.said = worded(said)
        super().__init__(self.message)
        self.code = code


@dataclass(frozen=True, slots=True)
class Prolog:
    encoding: str
    """The encoding the document is read in (declared, else BOM, else UTF-8)."""
    force_encoding: str | None
    """Set when a BOM contradicts the declaration: the parser is told the declared one."""
    lead_length: int
    """UTF-8 BOMs and blank space before the document: the parser starts after them."""
    lead_lines: int
    """Line breaks among them, so that line numbers still count from the file's first line."""
    root_tag: bytes
    """The root start tag as it stands in the file (used to re-read broken files piecewise)."""
    root_qname: str
    schema_version: str | None
    generated_at: str | None


def excerpt(text: str, limit: int = 200) -> str:
    """Visible text of a page or message, for quoting the portal's own words to the user."""
    title = _TITLE.search(text)
    body = title.group(1) if title else text
    plain = " ".join(html.unescape(_ANY_TAG.sub("", _BREAKING_TAG.sub(" ", body))).split())
    return plain if len(plain) <= limit else plain[: limit - 1] + "…"


def _known(encoding: str, unknown: str) -> str:
    try:
        codecs.lookup(encoding)
    except LookupError:
        said = Said(unknown, {"encoding": encoding})
        raise NotCommerceMLError("unknown-encoding", said) from None
    return encoding


def _lead(head: bytes) -> tuple[int, bool]:
    """(length of the UTF-8 BOMs and blank space the head starts with, whether a BOM was there)."""
    position, bom = 0, False
    while position < len(head):
        if head.startswith(codecs.BOM_UTF8, position):
            position, bom = position + len(codecs.BOM_UTF8), True
        elif head[position] in _LEAD_SPACE:
            position += 1
        else:
            break
    return position, bom


def _encoding_of(head: bytes, fallback: str | None) -> tuple[str, str | None, int, int]:
    """(encoding to read in, encoding to force on the parser or None, bytes the parser skips,
    bytes before the text proper).

    `fallback` is what the transport said (the HTTP charset); it counts only when the file
    itself says nothing — no declaration, no BOM.
    """
    for bom, name in _UTF16_BOMS:
        if head.startswith(bom):
            return name, None, 0, len(bom)  # the parser reads a UTF-16 BOM itself
    lead, bom_seen = _lead(head)
    declared_match = _DECLARATION.match(head[lead:])
    declared = declared_match.group(1).decode("ascii") if declared_match else None
    if declared is not None:
        _known(declared, "portal.file_encoding_unknown")
        forced = None
        if bom_seen and codecs.lookup(declared).name != "utf-8":
            forced = declared
        return declared, forced, lead, lead
    if bom_seen:
        return "utf-8", None, lead, lead
    if (
        fallback
        and codecs.lookup(_known(fallback, "portal.server_encoding_unknown")).name != "utf-8"
    ):
        return fallback, fallback, lead, lead
    return "utf-8", None, lead, lead


def sniff_prolog(head: bytes, *, whole_file: bool, fallback_encoding: str | None = None) -> Prolog:
    """Check the first bytes of a file (`whole_file`: they are all of it).

    `fallback_encoding` (the HTTP charset) applies when the file declares no encoding.
    """
    encoding, forced, lead, start = _encoding_of(head, fallback_encoding)
    if not head[start:].strip():
        raise NotCommerceMLError("empty", Said("portal.file_empty"))
    text = head[start:].decode(encoding, errors="replace")
    position = 0
    while match := _SKIPPABLE.match(text, position):
        if match.end() == position:
            break
        position = match.end()
    rest = text[position:].lstrip()
    if rest.startswith("<!"):
        if re.match(r"<!DOCTYPE\s+html", rest, re.IGNORECASE):
            raise _html_error(text)
        raise NotCommerceMLError("dtd-refused", Said("portal.dtd_refused"))
    if not rest.startswith("<"):
        raise _text_error(_readable(head[start:], encoding, fallback_encoding).strip())
    name_match = _TAG_NAME.match(rest)
    root_qname = name_match.group(1) if name_match else ""
    local = root_qname.rpartition(":")[2]
    if local.casefold() in _HTML_TAGS:
        raise _html_error(text)
    tag = _START_TAG.match(rest)
    if tag is None:
        if whole_file:
            raise NotCommerceMLError("truncated", Said("portal.root_cut"))
        raise NotCommerceMLError("not-commerceml", Said("portal.no_root"))
    if local in FOREIGN_ROOTS:
        raise _foreign_tags(local)
    if local != ROOT_NAME:
        _check_misdeclared(head[start:], encoding)
        said = Said("portal.other_xml", {"root": local, "expected": ROOT_NAME})
        raise NotCommerceMLError("not-commerceml", said)
    attributes = tag.group(2)
    return Prolog(
        encoding=encoding,
        force_encoding=forced,
        lead_length=lead,
        lead_lines=head[:lead].count(b"\n"),
        root_tag=tag.group(0).encode(encoding, errors="xmlcharrefreplace"),
        root_qname=root_qname,
        schema_version=_attribute(attributes, "ВерсияСхемы"),
        generated_at=_attribute(attributes, "ДатаФормирования"),
    )


def _attribute(attributes: str, name: str) -> str | None:
    match = re.search(rf"""(?:^|\s){name}\s*=\s*(?:"([^"]*)"|'([^']*)')""", attributes)
    if match is None:
        return None
    return html.unescape(match.group(1) if match.group(1) is not None else match.group(2))


def _readable(text: bytes, encoding: str, fallback: str | None) -> str:
    """A text answer in the charset it is really in: a BOM printed by a PHP file of a
    windows-1251 site says UTF-8, the portal's words after it are not."""
    for candidate in (encoding, fallback, "cp1251"):
        if candidate:
            try:
                return text.decode(candidate)
            except (UnicodeDecodeError, LookupError):
                continue
    return text.decode(encoding, errors="replace")


def _text_error(text: str) -> NotCommerceMLError:
    refusal = _REFUSAL.match(text)
    if refusal is not None:
        reason = excerpt(text[refusal.end() :])
        if not reason:
            return NotCommerceMLError("not-xml", Said("portal.refused_orders_silently"))
        return NotCommerceMLError("not-xml", Said("portal.refused_orders", {"words": reason}))
    words = excerpt(text) or text[:80]
    return NotCommerceMLError("not-xml", Said("portal.plain_text", {"words": words}))


def _foreign_tags(root: str) -> NotCommerceMLError:
    language, adjective = FOREIGN_ROOTS[root]
    said = Said("portal.foreign_tags", {"adjective": Said(adjective), "root": root,
                                        "expected": ROOT_NAME, "language": language})  # fmt: skip
    return NotCommerceMLError("foreign-tags", said)


def _html_error(text: str) -> NotCommerceMLError:
    quoted = excerpt(text)
    said = Said("portal.html_page_quoted", {"page": quoted}) if quoted else Said(
        "portal.html_page"
    )  # fmt: skip
    return NotCommerceMLError("html", said)


def _check_misdeclared(head: bytes, encoding: str) -> None:
    """Name the real encoding when the root element reads right only in another one."""
    for other in _ALTERNATIVE_ENCODINGS:
        if codecs.lookup(other).name == codecs.lookup(encoding).name:
            continue
        if ROOT_NAME in head.decode(other, errors="replace"):
            said = Said("portal.misdeclared", {"declared": encoding, "real": other})
            raise NotCommerceMLError("encoding", said)
