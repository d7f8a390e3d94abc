"""One `Документ` read into an item: what the streaming reader and the salvage share.

The reader (`commerceml_reader`) maps each document as the parser finishes it; the salvage
(`commerceml_salvage`) parses the documents of a broken file one by one and maps them the same
way; a stored document is read again the same way too (`commerceml_stored`). The items they
give, the hardened parser options and the mapping of one element live here, below all three.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from desktop_app.adapters.portal.commerceml_order import map_order
from desktop_app.adapters.portal.commerceml_text import (
    DocumentProblemError,
    Element,
    children_by_name,
    source_line,
    text_of,
)
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
STORED_LINE_PROPERTIES = False
"""What the app stores of a line's properties: only its kind (False), not Bitrix's technical
basket properties, which stay in the stored source bytes of the document. The fetch and the
re-reading of a stored document must agree, or an order read again is stored as changed."""


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
    line = element_line(element, line_offset)
    message = f"{describe(index, document_id)}, строка {line}: {error.message}"
    return ReadProblem(index, document_id, line, None, error.code, message)


def read_document(
    index: int, element: Element, line_offset: int = 0, *, line_properties: bool = True
) -> ReadOrder | ReadProblem | None:
    """Map one complete `Документ`; None when it is not an order (`commerceml_operations`).

    `line_properties=False`: each line keeps only its kind (`commerceml_order.map_order`).
    """
    try:
        order = map_order(element, line_properties=line_properties)
    except DocumentProblemError as error:
        return problem_for(index, element, error, line_offset)
    if order is None:
        return None
    return ReadOrder(index=index, line=element_line(element, line_offset), order=order)


def element_line(element: Element, offset: int) -> int | None:
    line = source_line(element)
    return None if line is None else line + offset
