"""Shaped objects written out: JSON (`odata.metadata`, `value`, `odata.count` as a string,
`/@Element` for one object) or, without `$format=json`, Atom XML.

The JSON forms are those of the real answers in the reference folder
(custom-config-list-and-element-responses, bp3-Catalog_Kontragenty-entity) and of
chapter 17.4.6.2 for `odata.count`; `$format=application/json;odata=nometadata` leaves out
`odata.metadata` and the navigation links.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from desktop_app.emulators.onec import atom, reading
from desktop_app.emulators.onec.directory import Directory
from desktop_app.emulators.onec.query import Options
from desktop_app.emulators.onec.schema import EntitySet, RowSet

JSON_TYPE = "application/json;charset=utf-8"
XML_TYPE = "application/xml;charset=utf-8"
Row = dict[str, Any]


@dataclass(slots=True)
class Answer:
    status: int
    body: bytes = b""
    content_type: str | None = None
    headers: list[tuple[str, str]] = field(default_factory=list)
    user: str | None = None


def json_bytes(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False).encode("utf-8")


class Renderer:
    """Objects shaped by reading.shape, written as JSON or Atom."""

    def __init__(self, root: str, options: Options, directory: Directory) -> None:
        self.root = root
        self.options = options
        self.directory = directory
        self.updated = directory.now_text()

    def _shaper(self, definition: EntitySet | RowSet) -> reading.Shaper:
        links = self.options.metadata != "no"
        return reading.Shaper(self.directory, definition, self.options, links=links)

    def _shape(self, definition: EntitySet | RowSet) -> Callable[[Row], Row]:
        """The shaper, leaving out what this base does not have (Directory.hidden)."""
        shape = self._shaper(definition)
        hidden = self.directory.hidden.get(definition.name)
        if not hidden:
            return shape
        return lambda row: {k: v for k, v in shape(row).items() if k not in hidden}

    def feed(self, definition: EntitySet | RowSet, rows: list[Row], count: int | None) -> Answer:
        shape = self._shape(definition)
        shaped = [shape(row) for row in rows]
        if self.options.format == "json":
            body: Row = {}
            if self.options.metadata != "no":
                body["odata.metadata"] = f"{self.root}$metadata#{definition.name}"
            if count is not None:
                body["odata.count"] = str(count)
            body["value"] = shaped
            return Answer(200, json_bytes(body), JSON_TYPE)
        data = atom.feed(definition, shaped, self.root, self.updated, count)
        return Answer(200, data, "application/atom+xml;type=feed;charset=utf-8")

    def element(self, definition: EntitySet | RowSet, row: Row) -> Answer:
        shaped = self._shape(definition)(row)
        if self.options.format == "json":
            body: Row = {}
            if self.options.metadata != "no":
                body["odata.metadata"] = f"{self.root}$metadata#{definition.name}/@Element"
            body.update(shaped)
            return Answer(200, json_bytes(body), JSON_TYPE)
        data = atom.entry(definition, shaped, self.root, self.updated)
        return Answer(200, data, "application/atom+xml;type=entry;charset=utf-8")
