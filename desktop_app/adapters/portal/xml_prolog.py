"""What a file is, decided from its first bytes, before the XML parser sees it.

A portal that fails answers with HTTP 200 and an HTML page, a PHP error, an empty body or a
`failure` line; an attacker's file carries a DTD with entities. All of these are refused here
with a sentence a manager can act on, so the reader only ever streams something that claims
to be CommerceML. The declared encoding wins over a BOM (GUIDE §4); a BOM over the XML default.
"""

from __future__ import annotations

import codecs
import html
import re
from dataclasses import dataclass

HEAD_LIMIT = 1 << 20
ROOT_NAME = "КоммерческаяИнформация"

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
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


class NotCommerceMLError(Exception):
    """The input is not a CommerceML document at all; nothing in it can be read."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(frozen=True, slots=True)
class Prolog:
    encoding: str
    """The encoding the document is read in (declared, else BOM, else UTF-8)."""
    force_encoding: str | None
    """Set when a BOM contradicts the declaration: the parser is told the declared one."""
    bom_length: int
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


def _known(encoding: str, what: str) -> str:
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise NotCommerceMLError(
            "unknown-encoding",
            f"{what} неизвестную кодировку «{encoding}»; прочитать файл нельзя.",
        ) from None
    return encoding


def _encoding_of(head: bytes, fallback: str | None) -> tuple[str, str | None, int]:
    """(encoding to read in, encoding to force on the parser or None, BOM length).

    `fallback` is what the transport said (the HTTP charset); it counts only when the file
    itself says nothing — no declaration, no BOM.
    """
    bom_encoding, bom_length = None, 0
    for bom, name in _BOMS:
        if head.startswith(bom):
            bom_encoding, bom_length = name, len(bom)
            break
    if bom_encoding in ("utf-16-le", "utf-16-be"):
        return bom_encoding, None, bom_length  # the declaration is not ASCII-readable then
    declared_match = _DECLARATION.match(head[bom_length:])
    declared = declared_match.group(1).decode("ascii") if declared_match else None
    if declared is not None:
        _known(declared, "Файл объявляет")
        forced = None
        if bom_encoding and codecs.lookup(declared).name != codecs.lookup(bom_encoding).name:
            forced = declared
        return declared, forced, bom_length
    if bom_encoding:
        return bom_encoding, None, bom_length
    if fallback and codecs.lookup(_known(fallback, "Сервер указал")).name != "utf-8":
        return fallback, fallback, 0
    return "utf-8", None, 0


def sniff_prolog(head: bytes, *, whole_file: bool, fallback_encoding: str | None = None) -> Prolog:
    """Check the first bytes of a file (`whole_file`: they are all of it).

    `fallback_encoding` (the HTTP charset) applies when the file declares no encoding.
    """
    if not head.strip():
        raise NotCommerceMLError("empty", "Пустой ответ: в файле нет ни одного символа данных.")
    encoding, forced, bom_length = _encoding_of(head, fallback_encoding)
    text = head[bom_length:].decode(encoding, errors="replace")
    position = 0
    while match := _SKIPPABLE.match(text, position):
        if match.end() == position:
            break
        position = match.end()
    rest = text[position:].lstrip()
    if rest.startswith("<!"):
        if re.match(r"<!DOCTYPE\s+html", rest, re.IGNORECASE):
            raise _html_error(text)
        raise NotCommerceMLError(
            "dtd-refused",
            "В файле есть объявление DTD или сущностей (<!DOCTYPE …>). В документах обмена "
            "его не бывает, а через него читают чужие файлы, поэтому такой файл не принимается.",
        )
    if not rest.startswith("<"):
        raise NotCommerceMLError(
            "not-xml", f"Получен не XML-документ, а текст: «{excerpt(rest) or rest[:80]}»."
        )
    name_match = _TAG_NAME.match(rest)
    root_qname = name_match.group(1) if name_match else ""
    local = root_qname.rpartition(":")[2]
    if local.casefold() in _HTML_TAGS:
        raise _html_error(text)
    tag = _START_TAG.match(rest)
    if tag is None:
        if whole_file:
            raise NotCommerceMLError(
                "truncated",
                "Файл оборван в самом начале: даже корневой элемент не получен целиком.",
            )
        raise NotCommerceMLError(
            "not-commerceml", "В начале файла не найден корневой элемент CommerceML."
        )
    if local != ROOT_NAME:
        _check_misdeclared(head[bom_length:], encoding)
        raise NotCommerceMLError(
            "not-commerceml",
            f"Это XML, но не CommerceML: корневой элемент «{local}» вместо «{ROOT_NAME}».",
        )
    attributes = tag.group(2)
    return Prolog(
        encoding=encoding,
        force_encoding=forced,
        bom_length=bom_length,
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


def _html_error(text: str) -> NotCommerceMLError:
    quoted = excerpt(text)
    detail = f": «{quoted}»" if quoted else ""
    return NotCommerceMLError(
        "html",
        f"Вместо документа CommerceML получена веб-страница — вероятно, ошибка на сайте{detail}.",
    )


def _check_misdeclared(head: bytes, encoding: str) -> None:
    """Name the real encoding when the root element reads right only in another one."""
    for other in _ALTERNATIVE_ENCODINGS:
        if codecs.lookup(other).name == codecs.lookup(encoding).name:
            continue
        if ROOT_NAME in head.decode(other, errors="replace"):
            raise NotCommerceMLError(
                "encoding",
                f"Файл объявлен в кодировке {encoding}, но записан в {other}: "
                "текст в нём прочитался бы искажённым, поэтому файл не принят.",
            )
