"""The building blocks of the emulated publication: Edm types, properties, sets, rows.

1C's mapping of its own types is chapter 17.4.3 of the platform documentation: a reference
is `Edm.Guid` with the `_Key` suffix, an enumeration is `Edm.String` holding the value's
name, an integer attribute is `Edm.Int64` (sent as a JSON string), a fractional one
`Edm.Double`, a date `Edm.DateTime`. Every catalog starts with the same standard
attributes (`CATALOG_HEAD`, in the order of the real УТ 11 `$metadata` excerpt). The sets
themselves are in schema.py.
"""

from __future__ import annotations

from dataclasses import dataclass, field

GUID = "Edm.Guid"
STRING = "Edm.String"
BOOLEAN = "Edm.Boolean"
INT64 = "Edm.Int64"
DOUBLE = "Edm.Double"
DATETIME = "Edm.DateTime"


@dataclass(frozen=True, slots=True)
class Prop:
    """One property: its Edm type, the length a string is cut to, what a `_Key` points at."""

    name: str
    edm: str
    length: int = 0
    target: str | None = None
    """For a reference: the entity set of the referenced object (navigation when published)."""
    enum: str | None = None
    """For an enumeration (an Edm.String): the key of its value names in `ENUMS`."""
    key: bool = False
    composite: bool = False
    """A value of a composite type (chapter 17.4.3: two Edm.String properties, the value and
    `<name>_Type`, the name of its actual type such as `Edm.String` or
    `StandardODATA.Catalog_…`)."""

    @property
    def navigation(self) -> str | None:
        """The navigation property's name (`Партнер` for `Партнер_Key`), if it has one."""
        if self.target is None or not self.name.endswith("_Key"):
            return None
        return self.name.removesuffix("_Key")


@dataclass(frozen=True, slots=True)
class Section:
    """A tabular section: the rows' own properties (without Ref_Key and LineNumber)."""

    name: str
    props: tuple[Prop, ...]


@dataclass(frozen=True, slots=True)
class EntitySet:
    name: str
    props: tuple[Prop, ...]
    sections: tuple[Section, ...] = ()
    open_type: bool = False
    """Documents are `OpenType="true"` in the real metadata, catalogs are not."""
    by_name: dict[str, Prop] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "by_name", {p.name: p for p in self.props})

    @property
    def is_document(self) -> bool:
        return self.name.startswith("Document_")

    def section(self, name: str) -> Section | None:
        return next((s for s in self.sections if s.name == name), None)


@dataclass(frozen=True, slots=True)
class RowSet:
    """A tabular section published as its own set (`Catalog_Контрагенты_КонтактнаяИнформация`)."""

    name: str
    parent: EntitySet
    section: Section
    props: tuple[Prop, ...] = field(init=False)
    by_name: dict[str, Prop] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        props = (REF_KEY, LINE_NUMBER, *self.section.props)
        object.__setattr__(self, "props", props)
        object.__setattr__(self, "by_name", {p.name: p for p in props})


REF_KEY = Prop("Ref_Key", GUID, key=True)
LINE_NUMBER = Prop("LineNumber", INT64, key=True)
CATALOG_HEAD = (
    REF_KEY,
    Prop("Predefined", BOOLEAN),
    Prop("PredefinedDataName", STRING),
    Prop("DataVersion", STRING),
    Prop("Description", STRING, 100),
    Prop("DeletionMark", BOOLEAN),
)
