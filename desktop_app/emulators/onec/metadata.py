"""`$metadata`: the EDMX document of the publication, shaped like a live УТ 11's.

The layout is the real one (reference ut11-real-edmx.EXCERPT.xml and probe P4 of
odata1c-gate): EDMX 1.0 with DataServiceVersion 3.0, one schema `StandardODATA`; an
EntityType per set with `Key`/`PropertyRef`, `Property` with its Edm type and `Nullable`
(false only for key properties), a `NavigationProperty` for each reference whose target is
published (with an `Association` of roles Begin/End — 1C declares no AssociationSet); a
tabular section is a `Collection(…_RowType)` property, a ComplexType `…_RowType`, and an
EntityType + EntitySet of its own keyed by Ref_Key + LineNumber; enumerations are
EnumTypes, although their properties are plain Edm.String; documents are
`OpenType="true"` and have bindable `Post`/`Unpost` FunctionImports with
`PostingModeOperational`.
"""

from __future__ import annotations

import functools
from typing import Any

from lxml import etree

from desktop_app.emulators.onec.schema import (
    ENTITY_SETS,
    ENUMS,
    ROW_SETS,
    EntitySet,
    Prop,
    RowSet,
)

EDMX = "http://schemas.microsoft.com/ado/2007/06/edmx"
M = "http://schemas.microsoft.com/ado/2007/08/dataservices/metadata"
EDM = "http://schemas.microsoft.com/ado/2009/11/edm"
NS = "StandardODATA"


def _property(parent: etree._Element, prop: Prop) -> None:
    element = etree.SubElement(parent, f"{{{EDM}}}Property")
    element.set("Name", prop.name)
    element.set("Type", prop.edm)
    element.set("Nullable", "false" if prop.key else "true")


Hidden = dict[str, frozenset[str]]
"""Set name → properties this base does not have (Directory.hidden)."""


def _entity_type(
    schema: etree._Element, definition: EntitySet | RowSet, hidden: frozenset[str] = frozenset()
) -> None:
    entity = etree.SubElement(schema, f"{{{EDM}}}EntityType")
    entity.set("Name", definition.name)
    if isinstance(definition, EntitySet) and definition.open_type:
        entity.set("OpenType", "true")
    key = etree.SubElement(entity, f"{{{EDM}}}Key")
    for prop in definition.props:
        if prop.key:
            etree.SubElement(key, f"{{{EDM}}}PropertyRef").set("Name", prop.name)
    for prop in definition.props:
        if prop.name not in hidden:
            _property(entity, prop)
    if isinstance(definition, EntitySet):
        for section in definition.sections:
            element = etree.SubElement(entity, f"{{{EDM}}}Property")
            element.set("Name", section.name)
            element.set("Type", f"Collection({NS}.{definition.name}_{section.name}_RowType)")
            element.set("Nullable", "true")
    for prop in definition.props:
        nav = prop.navigation
        if nav is None or prop.target not in ENTITY_SETS:
            continue
        link = etree.SubElement(entity, f"{{{EDM}}}NavigationProperty")
        link.set("Name", nav)
        link.set("Relationship", f"{NS}.{definition.name}_{nav}")
        link.set("FromRole", "Begin")
        link.set("ToRole", "End")


def _associations(schema: etree._Element, definition: EntitySet) -> None:
    for prop in definition.props:
        nav = prop.navigation
        if nav is None or prop.target not in ENTITY_SETS:
            continue
        association = etree.SubElement(schema, f"{{{EDM}}}Association")
        association.set("Name", f"{definition.name}_{nav}")
        for role, type_name, multiplicity in (
            ("Begin", definition.name, "*"),
            ("End", prop.target or "", "0..1"),
        ):
            end = etree.SubElement(association, f"{{{EDM}}}End")
            end.set("Role", role)
            end.set("Type", f"{NS}.{type_name}")
            end.set("Multiplicity", multiplicity)


def _container(schema: etree._Element) -> None:
    container = etree.SubElement(schema, f"{{{EDM}}}EntityContainer")
    container.set("Name", "EnterpriseV8")
    container.set(f"{{{M}}}IsDefaultEntityContainer", "true")
    for name in (*ENTITY_SETS, *ROW_SETS):
        entity_set = etree.SubElement(container, f"{{{EDM}}}EntitySet")
        entity_set.set("Name", name)
        entity_set.set("EntityType", f"{NS}.{name}")
    for definition in ENTITY_SETS.values():
        if not definition.is_document:
            continue
        for action in ("Post", "Unpost"):
            function = etree.SubElement(container, f"{{{EDM}}}FunctionImport")
            function.set("Name", action)
            function.set("IsBindable", "true")
            function.set("IsSideEffecting", "true")
            binding = etree.SubElement(function, f"{{{EDM}}}Parameter")
            binding.set("Name", "bindingParameter")
            binding.set("Type", f"{NS}.{definition.name}")
            mode = etree.SubElement(function, f"{{{EDM}}}Parameter")
            mode.set("Name", "PostingModeOperational")
            mode.set("Type", "Edm.Boolean")


def _default_namespace(uri: str) -> Any:
    """lxml's `nsmap` takes None for the default namespace; its stubs do not say so."""
    return {None: uri}


def metadata_document(hidden: Hidden | None = None) -> bytes:
    """The EDMX of a base; `hidden` leaves out what it does not have (the Б_ attributes of
    1C-Bitrix's module on a base without the module)."""
    frozen = tuple(sorted((name, tuple(sorted(props))) for name, props in (hidden or {}).items()))
    return _document(frozen)


@functools.cache
def _document(hidden_items: tuple[tuple[str, tuple[str, ...]], ...]) -> bytes:
    hidden = {name: frozenset(props) for name, props in hidden_items}
    root = etree.Element(f"{{{EDMX}}}Edmx", nsmap={"edmx": EDMX})
    root.set("Version", "1.0")
    services = etree.SubElement(root, f"{{{EDMX}}}DataServices", nsmap={"m": M})
    services.set(f"{{{M}}}DataServiceVersion", "3.0")
    services.set(f"{{{M}}}MaxDataServiceVersion", "3.0")
    schema = etree.SubElement(services, f"{{{EDM}}}Schema", nsmap=_default_namespace(EDM))
    schema.set("Namespace", NS)
    for definition in ENTITY_SETS.values():
        _entity_type(schema, definition, hidden.get(definition.name, frozenset()))
    for row_set in ROW_SETS.values():
        _entity_type(schema, row_set)
        complex_type = etree.SubElement(schema, f"{{{EDM}}}ComplexType")
        complex_type.set("Name", f"{row_set.name}_RowType")
        for prop in row_set.props:
            _property(complex_type, prop)
    for name, members in ENUMS.items():
        enum = etree.SubElement(schema, f"{{{EDM}}}EnumType")
        enum.set("Name", name)
        for number, member in enumerate(members):
            element = etree.SubElement(enum, f"{{{EDM}}}Member")
            element.set("Name", member)
            element.set("Value", str(number))
    for definition in ENTITY_SETS.values():
        _associations(schema, definition)
    _container(schema)
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True))
