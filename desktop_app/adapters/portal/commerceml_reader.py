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
from collections.abc import Iterator
from pathlib import Path

from lxml import etree

from desktop_app.adapters.portal.commerceml_counterparty import map_counterparty
from desktop_app.adapters.portal.commerceml_document import (
    HARDENED,
    ReadCounterparty,
    ReadItem,
    ReadOrder,
    ReadProblem,
    element_line,
    read_document,
)
from desktop_app.adapters.portal.commerceml_salvage import salvage
from desktop_app.adapters.portal.commerceml_text import Element, local_name, parse_moment
from desktop_app.adapters.portal.xml_prolog import HEAD_LIMIT, NotCommerceMLError, sniff_prolog


def release(element: Element) -> None:
    """Free a processed element and every finished sibling before it, at every level."""
    element.clear(keep_tail=True)  # type: ignore[call-arg]  # lxml-stubs lag lxml here
    node = element
    while (parent := node.getparent()) is not None:
        while node.getprevious() is not None:
            del parent[0]
        node = parent


class CommerceMLReader:
    """A CommerceML file, read as `ReadOrder`, `ReadCounterparty` and `ReadProblem` items.

    Construction checks that the file is CommerceML at all and raises `NotCommerceMLError`
    otherwise; reading never raises for bad content, it reports it.

    `fallback_encoding` is the transport's word (the HTTP charset) for a file that declares
    no encoding itself; the file's own declaration, then its BOM, always win over it.
    `line_properties=False` keeps of each line's properties only its kind: what the fetch
    stores (the document's exact bytes are kept beside it).
    """

    def __init__(
        self,
        path: Path | str,
        *,
        fallback_encoding: str | None = None,
        line_properties: bool = True,
    ) -> None:
        self.path = Path(path)
        self.line_properties = line_properties
        with self.path.open("rb") as source:
            head = source.read(HEAD_LIMIT + 1)
        self.prolog = sniff_prolog(
            head[:HEAD_LIMIT], whole_file=len(head) <= HEAD_LIMIT,
            fallback_encoding=fallback_encoding,
        )  # fmt: skip
        self.documents_seen = 0
        self.skipped = 0
        """Documents that are no order (a payment, a shipment), in the last reading."""

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

    def orders(self) -> Iterator[ReadOrder]:
        """The orders that can be read, leaving out everything else (a cut file's end, say)."""
        return (item for item in self.documents() if isinstance(item, ReadOrder))

    def documents(self) -> Iterator[ReadItem]:
        """Every item of the file in file order, problems included; each call reads anew."""
        self.documents_seen = self.skipped = 0
        with self.path.open("rb") as stream:
            stream.seek(self.prolog.lead_length)  # BOMs and blank lines libxml2 would refuse
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
                broken = error
            else:
                return
        for item in salvage(
            self.path, self.prolog, self.documents_seen, broken, self.line_properties
        ):
            if item is None:
                self.skipped += 1
            else:
                yield item

    def _element(self, element: Element) -> Iterator[ReadItem]:
        if local_name(str(element.tag)) == "Документ":
            self.documents_seen += 1
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
            line = element_line(element, self.prolog.lead_lines)
            party = map_counterparty(element)
            release(element)
            yield ReadCounterparty(line=line, counterparty=party)


__all__ = [
    "HARDENED",
    "CommerceMLReader",
    "NotCommerceMLError",
    "ReadCounterparty",
    "ReadItem",
    "ReadOrder",
    "ReadProblem",
]
