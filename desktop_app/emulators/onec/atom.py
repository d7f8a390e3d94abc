"""Atom XML answers: what 1C sends when the request has no `$format=json`.

1C's default representation is atom-xml (17.4.2: «Если ключевое слово не указано, данные
получаются в формате atom-xml»); Order Review always asks for JSON, so this is the
reasonable feed, entry and service document of the documentation's examples (17.4.6.2,
17.4.13.1.2): `m:properties` with one `d:` element per property, an edit link, a related
link per navigation property, tabular sections as `Collection(…_RowType)` of `d:element`,
and `m:count` after the entries for `$inlinecount=allpages`.
"""

from __future__ import annotations

from typing import Any

from lxml import etree

from desktop_app.emulators.onec.schema import EntitySet, RowSet

ATOM = "http://www.w3.org/2005/Atom"
APP = "http://www.w3.org/2007/app"
D = "http://schemas.microsoft.com/ado/2007/08/dataservices"
M = "http://schemas.microsoft.com/ado/2007/08/dataservices/metadata"
SCHEME = "http://schemas.microsoft.com/ado/2007/08/dataservices/scheme"
RELATED = "http://schemas.microsoft.com/ado/2007/08/dataservices/related/"
# lxml takes None for the default namespace; its stubs do not say so, hence Any.
NSMAP: Any = {None: ATOM, "d": D, "m": M, "at": "http://purl.org/atompub/tombstones/1.0"}
SERVICE_NSMAP: Any = {None: APP, "atom": ATOM}

Row = dict[str, Any]


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _properties(parent: etree._Element, row: Row, type_prefix: str) -> None:
    for name, value in row.items():
        if "@" in name:
            continue
        element = etree.SubElement(parent, f"{{{D}}}{name}")
        if isinstance(value, list):
            row_type = f"StandardODATA.{type_prefix}_{name}_RowType"
            element.set(f"{{{M}}}type", f"Collection({row_type})")
            for line in value:
                item = etree.SubElement(element, f"{{{D}}}element")
                item.set(f"{{{M}}}type", row_type)
                _properties(item, line, type_prefix)
        elif isinstance(value, dict):
            _properties(element, value, type_prefix)
        elif value is None:
            element.set(f"{{{M}}}null", "true")
        else:
            text = _text(value)
            if text:
                element.text = text


def _entry(definition: EntitySet | RowSet, row: Row, root: str, updated: str) -> etree._Element:
    entry = etree.Element(f"{{{ATOM}}}entry", nsmap=NSMAP)
    key = _key(definition, row)
    etree.SubElement(entry, f"{{{ATOM}}}id").text = f"{root}{key}"
    category = etree.SubElement(entry, f"{{{ATOM}}}category")
    category.set("term", f"StandardODATA.{definition.name}")
    category.set("scheme", SCHEME)
    etree.SubElement(entry, f"{{{ATOM}}}title").set("type", "text")
    etree.SubElement(entry, f"{{{ATOM}}}updated").text = updated
    etree.SubElement(entry, f"{{{ATOM}}}author")
    etree.SubElement(entry, f"{{{ATOM}}}summary")
    for name in row:
        if name.endswith("@navigationLinkUrl"):
            nav = name.split("@", 1)[0]
            link = etree.SubElement(entry, f"{{{ATOM}}}link")
            link.set("rel", RELATED + nav)
            link.set("href", str(row[name]))
            link.set("type", "application/atom+xml;type=entry")
            link.set("title", nav)
    edit = etree.SubElement(entry, f"{{{ATOM}}}link")
    edit.set("rel", "edit")
    edit.set("href", key)
    edit.set("title", "edit link")
    content = etree.SubElement(entry, f"{{{ATOM}}}content")
    content.set("type", "application/xml")
    properties = etree.SubElement(content, f"{{{M}}}properties")
    _properties(properties, row, definition.name)
    return entry


def _key(definition: EntitySet | RowSet, row: Row) -> str:
    if isinstance(definition, RowSet):
        return (
            f"{definition.name}(Ref_Key=guid'{row.get('Ref_Key')}', "
            f"LineNumber={row.get('LineNumber')})"
        )
    return f"{definition.name}(guid'{row.get('Ref_Key')}')"


def _document(element: etree._Element) -> bytes:
    return bytes(etree.tostring(element, xml_declaration=True, encoding="UTF-8"))


def feed(
    definition: EntitySet | RowSet,
    rows: list[Row],
    root: str,
    updated: str,
    count: int | None = None,
) -> bytes:
    top = etree.Element(f"{{{ATOM}}}feed", nsmap=NSMAP)
    top.set("{http://www.w3.org/XML/1998/namespace}base", root)
    etree.SubElement(top, f"{{{ATOM}}}id").text = root + definition.name
    title = etree.SubElement(top, f"{{{ATOM}}}title")
    title.set("type", "text")
    title.text = definition.name
    etree.SubElement(top, f"{{{ATOM}}}updated").text = updated
    etree.SubElement(top, f"{{{ATOM}}}author")
    for row in rows:
        top.append(_entry(definition, row, root, updated))
    if count is not None:
        etree.SubElement(top, f"{{{M}}}count").text = str(count)
    return _document(top)


def entry(definition: EntitySet | RowSet, row: Row, root: str, updated: str) -> bytes:
    element = _entry(definition, row, root, updated)
    element.set("{http://www.w3.org/XML/1998/namespace}base", root)
    return _document(element)


def service(root: str, names: list[str]) -> bytes:
    top = etree.Element(f"{{{APP}}}service", nsmap=SERVICE_NSMAP)
    top.set("{http://www.w3.org/XML/1998/namespace}base", root)
    workspace = etree.SubElement(top, f"{{{APP}}}workspace")
    etree.SubElement(workspace, f"{{{ATOM}}}title").text = "Default"
    for name in names:
        collection = etree.SubElement(workspace, f"{{{APP}}}collection")
        collection.set("href", name)
        etree.SubElement(collection, f"{{{ATOM}}}title").text = name
    return _document(top)
