"""Reading one stored `Документ` again, from the bytes kept of it, by today's reader.

A document the reader could not read is put aside with its exact bytes (the store's
quarantine). The portal is told `success` for the answer all the same — one unreadable order
must not hold back the others, and Bitrix has no way to confirm part of an answer — so the
site will not send that document again until someone edits it there (GUIDE §3). The
only copy is ours; when the reader learns to read what it refused, the stored bytes are read
again here. `READER_VERSION` says which reader put a document aside.
"""

from __future__ import annotations

import re

from lxml import etree

from desktop_app.adapters.portal.commerceml_document import (
    HARDENED,
    STORED_LINE_PROPERTIES,
    ReadOrder,
    ReadProblem,
    read_document,
)
from desktop_app.adapters.portal.commerceml_text import Element, local_name

READER_VERSION = 1
"""Raise it with every change that lets the reader read documents it refused before: the
documents put aside by an older reader are then read again (services/quarantine_reread.py)."""

_ROOT = "КоммерческаяИнформация"
_PREFIX = re.compile(rb"^\s*<([A-Za-z_][-\w.]*):")


def read_stored_document(
    raw: bytes, encoding: str | None, index: int = 1
) -> ReadOrder | ReadProblem | None:
    """Read one `Документ` from its stored bytes; None when it is not an order.

    The bytes are the element alone, in `encoding` (the answer's). They are wrapped in a
    root, as `commerceml_salvage` does for each piece of a broken file; a prefixed element
    (`<cml:Документ>`) gets its prefix declared there, since the reader goes by local names.
    """
    charset = encoding or "utf-8"
    head = f'<?xml version="1.0" encoding="{charset}"?>'.encode("ascii")
    prefix = _PREFIX.match(raw)
    declared = ""
    if prefix is not None:
        name = prefix.group(1).decode("ascii", errors="replace")
        declared = f' xmlns:{name}="urn:1C.ru:commerceml_2"'
    opening = f"<{_ROOT}{declared}>".encode(charset)
    closing = f"</{_ROOT}>".encode(charset)
    try:
        root = etree.fromstring(head + opening + raw + closing, etree.XMLParser(**HARDENED))
    except (etree.XMLSyntaxError, ValueError, LookupError) as error:
        return ReadProblem(
            index=index,
            document_id=None,
            line=None,
            column=None,
            code="broken-xml",
            message=f"документ повреждён — ошибка XML: {error}.",
        )
    element: Element = root[0] if len(root) else root
    if local_name(str(element.tag)) != "Документ":
        return None
    return read_document(index, element, line_properties=STORED_LINE_PROPERTIES)


def document_number(raw: bytes | None, encoding: str | None) -> str | None:
    """The portal's order number (`Номер`) found in a document's bytes, even broken ones.

    A byte search in the document's own encoding, like `commerceml_salvage` finds the Ид:
    the manager looks the order up on the site by this number.
    """
    if not raw:
        return None
    charset = encoding or "utf-8"
    try:
        pattern = "<(?:[A-Za-z_][-\\w.]*:)?Номер>([^<]{1,100})</".encode(charset)
    except (LookupError, UnicodeEncodeError):
        return None
    match = re.search(pattern, raw)
    if match is None:
        return None
    return match.group(1).decode(charset, errors="replace").strip() or None
