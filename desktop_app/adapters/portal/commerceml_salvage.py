"""Keeping the good documents of a file that has a broken one.

libxml2 stops at the first well-formedness error, so the streaming pass ends there. The file
is then cut at the `<Документ …>` / `</Документ>` boundaries by a byte search in the file's
own encoding, and each document after those already read is parsed on its own, wrapped in
the original root start tag (namespaces included). A broken one is reported with its
position in the file; the others are read as usual.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from lxml import etree

from desktop_app.adapters.portal.commerceml_document import (
    HARDENED,
    ReadItem,
    ReadProblem,
    describe,
    read_document,
)
from desktop_app.adapters.portal.commerceml_spans import Span, file_spans, read_span
from desktop_app.adapters.portal.commerceml_text import Element, local_name
from desktop_app.adapters.portal.xml_prolog import Prolog

# libxml2 error codes that deserve their own words.
_TEXT_TOO_LONG = 114
_ENCODING_CODES = frozenset({9, 81, 32})
_COUNT_BLOCK = 1024 * 1024


@dataclass(frozen=True, slots=True)
class _Chunk:
    index: int
    start: int
    end: int | None
    line: int


def _chunks(stream: BinaryIO, path: Path, encoding: str) -> list[_Chunk]:
    """The document spans with the line each starts on (for messages a person can follow)."""
    chunks = []
    line = 1
    stream.seek(0)
    for span in file_spans(path, encoding):
        while stream.tell() < span.start:
            piece = stream.read(min(_COUNT_BLOCK, span.start - stream.tell()))
            if not piece:
                break
            line += piece.count(b"\n")
        chunks.append(_Chunk(span.index, span.start, span.end, line))
    return chunks


def _document_id(raw: bytes, encoding: str) -> str | None:
    pattern = "<(?:[A-Za-z_][-\\w.]*:)?Ид>([^<]{1,200})</".encode(encoding)
    match = re.search(pattern, raw)
    if match is None:
        return None
    return match.group(1).decode(encoding, errors="replace").strip() or None


def _problem(
    chunk: _Chunk,
    document_id: str | None,
    line: int | None,
    column: int | None,
    code: str,
    reason: str,
) -> ReadProblem:
    where = f", строка {line}" if line else ""
    return ReadProblem(
        index=chunk.index,
        document_id=document_id,
        line=line,
        column=column,
        code=code,
        message=f"{describe(chunk.index, document_id)}{where}: {reason}",
    )


def _explain(error: etree.XMLSyntaxError, encoding: str) -> tuple[str, str]:
    code = int(getattr(error, "code", 0))  # libxml2's error number; untyped in lxml-stubs
    if code == _TEXT_TOO_LONG:
        return "too-large", (
            "в документе есть значение длиннее 10 миллионов символов; такой документ не "
            "принимается."
        )
    if code in _ENCODING_CODES:
        return "encoding", (
            f"в документе есть байты, которые не читаются в кодировке файла ({encoding}); "
            "вероятно, документ записан в другой кодировке."
        )
    return "broken-xml", f"документ повреждён — ошибка XML: {error.msg}."


def _parse_chunk(
    prolog: Prolog, stream: BinaryIO, chunk: _Chunk, line_properties: bool
) -> ReadItem | None:
    raw = read_span(stream, Span(chunk.index, chunk.start, chunk.end))
    document_id = _document_id(raw, prolog.encoding)
    if chunk.end is None:
        return _problem(
            chunk,
            document_id,
            chunk.line,
            None,
            "truncated",
            "документ оборван — файл закончился (или документ не закрыт) посреди него.",
        )
    head = f'<?xml version="1.0" encoding="{prolog.encoding}"?>'.encode("ascii")
    root_tag = prolog.root_tag.replace(b"\r", b" ").replace(b"\n", b" ")
    closing = f"</{prolog.root_qname}>".encode(prolog.encoding)
    parser = etree.XMLParser(**HARDENED)
    try:
        root = etree.fromstring(head + root_tag + raw + closing, parser)
    except etree.XMLSyntaxError as error:
        line, column = error.position
        code, reason = _explain(error, prolog.encoding)
        return _problem(chunk, document_id, chunk.line + line - 1, column, code, reason)
    element: Element = root[0] if len(root) else root
    if local_name(str(element.tag)) != "Документ":
        return None
    return read_document(
        chunk.index, element, line_offset=chunk.line - 1, line_properties=line_properties
    )


def salvage(
    path: Path,
    prolog: Prolog,
    already: int,
    error: etree.XMLSyntaxError,
    line_properties: bool = True,
) -> Iterator[ReadItem | None]:
    """Continue after the streaming pass read `already` documents and failed with `error`.

    None stands for a document that is no order (the reader counts them as skipped).
    """
    line, column = error.position
    line += prolog.lead_lines  # the parser started after the blank lines before `<?xml`
    if prolog.encoding.startswith("utf-16"):
        code, reason = _explain(error, prolog.encoding)
        yield ReadProblem(already + 1, None, line, column, code, f"Файл, строка {line}: {reason}")
        return
    explained = False
    with path.open("rb") as stream:
        chunks = _chunks(stream, path, prolog.encoding)
        for chunk in chunks[already:]:
            item = _parse_chunk(prolog, stream, chunk, line_properties)
            explained = explained or isinstance(item, ReadProblem)
            yield item
        closed = chunks[-1].end if chunks else 0
        tail = b""
        if closed is not None:
            stream.seek(closed)
            tail = stream.read(_COUNT_BLOCK)  # the root's end tag, if the file has one
    root_end = f"</{prolog.root_qname}".encode(prolog.encoding)
    # A missing end is reported even when a broken document explains the XML error: an
    # answer cut between two documents looks whole otherwise, and must not be confirmed.
    if chunks and chunks[-1].end is not None and root_end not in tail:
        yield ReadProblem(
            None,
            None,
            line,
            column,
            "truncated",
            f"Файл оборван после документа №{len(chunks)}: конец файла не получен, "
            "следующие документы могли потеряться.",
        )
        return
    if not chunks and root_end not in tail:
        # PHP died before its first order (its cursor had nothing left but one order, say):
        # the root never closed, so this answer is not the whole export either.
        yield ReadProblem(
            None,
            None,
            line,
            column,
            "truncated",
            "Файл оборван до первого документа: конец файла не получен, документы могли "
            "потеряться.",
        )
        return
    if explained:
        return
    code, _reason = _explain(error, prolog.encoding)
    yield ReadProblem(
        None,
        None,
        line,
        column,
        code,
        f"Файл, строка {line}, позиция {column}: ошибка XML вне документов ({error.msg}).",
    )
