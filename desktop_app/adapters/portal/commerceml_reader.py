"""Streaming reader of CommerceML order exchange files (2.03–2.10 and 3.x).

Memory stays flat in the file size: each `Документ` is mapped as soon as it is complete,
then cleared and detached together with everything before it (`el.clear()` alone leaves the
emptied elements attached to the root, which keeps growing — GUIDE §10). The parser is
hardened: no DTD, no entities, no network, libxml2's size limits on.

A broken document does not cost the rest of the file: after the first XML error the file is
re-read piece by piece (`commerceml_salvage`), so the documents after the broken one are kept
and the broken one is reported with its position and reason.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from lxml import etree

from desktop_app.adapters.portal.commerceml_counterparty import map_counterparty
from desktop_app.adapters.portal.commerceml_order import map_order
from desktop_app.adapters.portal.commerceml_text import (
    DocumentProblemError,
    Element,
    children_by_name,
    local_name,
    parse_moment,
    source_line,
    text_of,
)
from desktop_app.adapters.portal.growing_file import GrowingFile
from desktop_app.adapters.portal.xml_prolog import HEAD_LIMIT, NotCommerceMLError, sniff_prolog
from desktop_app.domain.counterparty import Counterparty
from desktop_app.domain.order import Order

HARDENED: dict[str, Any] = {
    "resolve_entities": False,
    "no_network": True,
    "load_dtd": False,
    "huge_tree": False,
    "remove_comments": True,
    "remove_pis": True,
}


@dataclass(frozen=True, slots=True)
class ReadOrder:
    index: int
    """1-based position of the `Документ` in the file."""
    line: int | None
    order: Order


@dataclass(frozen=True, slots=True)
class ReadCounterparty:
    """A counterparty of a catalogue file (`Контрагенты` outside any document)."""

    line: int | None
    counterparty: Counterparty


@dataclass(frozen=True, slots=True)
class ReadProblem:
    """A document (or a stretch of the file) that could not be read; the rest is kept."""

    index: int | None
    """The document's position in the file; None when the problem is outside any document."""
    document_id: str | None
    line: int | None
    column: int | None
    code: str
    message: str


ReadItem = ReadOrder | ReadCounterparty | ReadProblem


def describe(index: int | None, document_id: str | None) -> str:
    """ "Документ №3 (Ид 133)" — how a manager finds the document the message is about."""
    if index is None:
        return "Файл"
    return f"Документ №{index}" + (f" (Ид {document_id})" if document_id else "")


def problem_for(
    index: int, element: Element, error: DocumentProblemError, line_offset: int = 0
) -> ReadProblem:
    document_id = text_of(children_by_name(element).get("Ид"))
    line = _line(element, line_offset)
    return ReadProblem(
        index=index,
        document_id=document_id,
        line=line,
        column=None,
        code=error.code,
        message=f"{describe(index, document_id)}, строка {line}: {error.message}",
    )


def read_document(
    index: int, element: Element, line_offset: int = 0, *, line_properties: bool = True
) -> ReadOrder | ReadProblem | None:
    """Map one complete `Документ`; None when it is not an order (`commerceml_operations`)."""
    try:
        order = map_order(element, line_properties=line_properties)
    except DocumentProblemError as error:
        return problem_for(index, element, error, line_offset)
    if order is None:
        return None
    line = _line(element, line_offset)
    return ReadOrder(index=index, line=line, order=order)


def _line(element: Element, offset: int) -> int | None:
    line = source_line(element)
    return None if line is None else line + offset


def release(element: Element) -> None:
    """Free a processed element and every finished sibling before it, at every level."""
    element.clear(keep_tail=True)  # type: ignore[call-arg]  # lxml-stubs lag lxml here
    node = element
    while (parent := node.getparent()) is not None:
        while node.getprevious() is not None:
            del parent[0]
        node = parent


class CommerceMLReader:
    """Iterate a CommerceML file as `ReadOrder`, `ReadCounterparty` and `ReadProblem` items.

    Construction checks that the file is CommerceML at all and raises `NotCommerceMLError`
    otherwise; iteration never raises for bad content, it reports it.
    """

    def __init__(
        self,
        path: Path | str,
        *,
        fallback_encoding: str | None = None,
        stream: GrowingFile | None = None,
        line_properties: bool = True,
        select: Callable[[int], bool] | None = None,
    ) -> None:
        """`stream`: read the file through it while it is still being written (`GrowingFile`).

        Such a read cannot re-read the file piece by piece after an XML error, so instead of
        salvaging it raises `StreamedReadError`; the caller then reads the finished file.

        `select(index)`: map only the documents it accepts (the others are counted and freed
        unread) — several processes can share one file that way. Problems outside any
        document are reported by every such reader alike.
        """
        self.path = Path(path)
        self._stream = stream
        self.line_properties = line_properties
        self.select = select
        if stream is not None:
            head = stream.read_up_to(HEAD_LIMIT + 1)
            whole = len(head) <= HEAD_LIMIT
        else:
            with self.path.open("rb") as source:
                head = source.read(HEAD_LIMIT + 1)
                whole = len(head) <= HEAD_LIMIT
        self._head = head
        self.prolog = sniff_prolog(
            head[:HEAD_LIMIT], whole_file=whole, fallback_encoding=fallback_encoding
        )
        self.documents_seen = 0
        self.skipped = 0

    @property
    def schema_version(self) -> str | None:
        return self.prolog.schema_version

    @property
    def generated_at(self) -> dt.datetime | None:
        text = self.prolog.generated_at
        try:
            date, time = parse_moment(text) if text else (None, None)
        except ValueError:
            return None
        return dt.datetime.combine(date, time or dt.time()) if date else None

    def __iter__(self) -> Iterator[ReadItem]:
        # Imported here: salvage is the rare path and imports this module's helpers.
        from desktop_app.adapters.portal.commerceml_salvage import salvage

        skip = self.prolog.lead_length  # BOMs and blank lines libxml2 would refuse
        if self._stream is not None:
            stream: io.RawIOBase | BinaryIO = _Continued(self._head[skip:], self._stream)
        else:
            stream = self.path.open("rb")
            stream.seek(skip)
        try:
            events = etree.iterparse(
                stream,
                events=("end",),
                tag=("{*}Документ", "{*}Контрагент"),
                encoding=self.prolog.force_encoding,
                **HARDENED,
            )
            try:
                for _event, element in events:
                    yield from self._element(element)
            except etree.XMLSyntaxError as error:
                if self._stream is not None:
                    raise StreamedReadError(self.documents_seen) from error
                yield from salvage(self, error)
        finally:
            stream.close()

    def _element(self, element: Element) -> Iterator[ReadItem]:
        if local_name(str(element.tag)) == "Документ":
            self.documents_seen += 1
            if self.select is not None and not self.select(self.documents_seen):
                release(element)
                return
            index, offset = self.documents_seen, self.prolog.lead_lines
            item = read_document(index, element, offset, line_properties=self.line_properties)
            release(element)
            if item is None:
                self.skipped += 1
            else:
                yield item
            return
        parent = element.getparent()
        # A catalogue lists counterparties right under the root, outside any document.
        if (
            parent is not None
            and local_name(str(parent.tag)) == "Контрагенты"
            and parent.getparent() is not None
            and parent.getparent().getparent() is None  # type: ignore[union-attr]
        ):
            line = _line(element, self.prolog.lead_lines)
            party = map_counterparty(element)
            release(element)
            yield ReadCounterparty(line=line, counterparty=party)


class StreamedReadError(Exception):
    """An XML error while reading a file that was still downloading.

    The documents before it were read; read the finished file again (without `stream`) to
    get the rest and the broken one's position, as for any broken file.
    """

    def __init__(self, documents_read: int) -> None:
        super().__init__(f"XML error after {documents_read} documents of a streamed answer")
        self.documents_read = documents_read


class _Continued(io.RawIOBase):
    """The bytes already read for sniffing, then the rest of the stream."""

    def __init__(self, head: bytes, rest: GrowingFile) -> None:
        super().__init__()
        self._head = memoryview(head)
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        if self._head:
            count = min(len(buffer), len(self._head))
            buffer[:count] = self._head[:count]
            self._head = self._head[count:]
            return count
        return self._rest.readinto(buffer)


def read_commerceml(
    path: Path | str, *, fallback_encoding: str | None = None, line_properties: bool = True
) -> CommerceMLReader:
    """Open a CommerceML file for streaming; raises `NotCommerceMLError` for anything else.

    `fallback_encoding` is the transport's word (the HTTP charset) for a file that declares
    no encoding itself; the file's own declaration, then its BOM, always win over it.
    """
    return CommerceMLReader(
        path, fallback_encoding=fallback_encoding, line_properties=line_properties
    )


__all__ = [
    "CommerceMLReader",
    "NotCommerceMLError",
    "ReadCounterparty",
    "ReadItem",
    "ReadOrder",
    "ReadProblem",
    "StreamedReadError",
    "read_commerceml",
]
