"""What the 1C publication offers, from `$metadata`, and what Order Review needs of it.

A 1C administrator chooses which objects the standard OData interface publishes; a set or
a field left out would fail only later, in the middle of a manager's decision. So the app
reads `$metadata` once on connecting, keeps a summary (sets and their fields, the fields of
the tabular sections it writes — the EDMX itself can be megabytes — and the reference items
its new objects point at, onec_references.py), and says in plain words what the
administrator must add. What is checked is exactly what the app reads and writes: the
field lists of onec_objects.py and onec_bodies.py, not a list of its own.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lxml import etree

from desktop_app.adapters.json_file import write_json
from desktop_app.adapters.onec import onec_objects as objects
from desktop_app.adapters.onec.odata_errors import OneCPageError, object_words
from desktop_app.adapters.onec.onec_bodies import (
    CONTACT_ROW_FIELDS,
    COUNTERPARTY_WRITTEN,
    PARTNER_WRITTEN,
)
from desktop_app.adapters.onec.onec_references import ACCESS_GROUPS, CONTACT_KINDS, ReferenceItems
from desktop_app.adapters.portal.xml_prolog import excerpt
from desktop_app.wording.said import Said

REQUIRED: dict[str, tuple[str, ...]] = {
    objects.COUNTERPARTIES: (*objects.COUNTERPARTY_FIELDS, *COUNTERPARTY_WRITTEN),
    # Code: the directory refresh pages partners by it (services/directory_copy.Catalogue)
    objects.PARTNERS: (*objects.PARTNER_FIELDS, "Code", *PARTNER_WRITTEN),
    objects.ORGANIZATIONS: (*objects.ORGANIZATION_FIELDS, "DeletionMark"),
    objects.CUSTOMER_ORDERS: objects.ORDER_FIELDS,
    CONTACT_KINDS: ("Ref_Key", "DeletionMark", "PredefinedDataName"),
    ACCESS_GROUPS: ("Ref_Key", "Description", "DeletionMark"),
}
"""The sets and fields the app reads or writes (GUIDE §5)."""
OPTIONAL: dict[str, tuple[tuple[str, ...], str]] = {
    objects.BANK_ACCOUNTS: (
        objects.BANK_ACCOUNT_FIELDS,
        "банковский счёт продавца в счетах, когда он не задан в настройках",
    ),
}
"""Sets the app reads for one feature only: named, with what goes without them."""
ROWS: dict[str, tuple[str, ...]] = {
    f"{objects.COUNTERPARTIES}_КонтактнаяИнформация": CONTACT_ROW_FIELDS,
}
"""Tabular sections the app writes (`<Set>_<Section>`) → the row fields it writes."""
FORMAT = 2
"""Of the cached summary: a summary of another format is read again."""
_HARDENED = {"resolve_entities": False, "no_network": True, "load_dtd": False, "huge_tree": True}


@dataclass(frozen=True, slots=True)
class Publication:
    """The published sets and their property names (a summary of `$metadata`)."""

    service_root: str
    sets: dict[str, frozenset[str]]
    read_at: dt.datetime
    rows: dict[str, frozenset[str]] = dataclasses.field(default_factory=dict)
    """Row fields of the tabular sections in ROWS, where `$metadata` describes them."""
    references: ReferenceItems | None = None
    refused: dict[str, str] = dataclasses.field(default_factory=dict)
    """Sets the 1C user may not read → 1C's refusal in words (onec_connection.py)."""

    def gaps(self, only: tuple[str, ...] | None = None) -> list[str]:
        """What is missing, one sentence each, addressed to a 1C administrator; `only`: just
        what concerns those sets (what a directory refresh cannot do without)."""
        found = []
        for name, fields in REQUIRED.items():
            if only is None or name in only:
                found.extend(self._gap(name, fields, ""))
        for name, (fields, purpose) in OPTIONAL.items():
            if only is None:
                found.extend(self._gap(name, fields, f" Без него не будет: {purpose}."))
        for name, fields in ROWS.items():
            known = self.rows.get(name)
            missing = [f for f in fields if known is not None and f not in known]
            if missing and only is None:
                found.append(
                    f"У строк {object_words(name)} в публикации нет полей: "
                    f"{', '.join(missing)}. Их нужно добавить в состав стандартного интерфейса "
                    "OData."
                )
        found.extend(text for name, text in self.refused.items() if only is None or name in only)
        if self.references is not None and only is None:
            refused = set(self.refused.values())
            found.extend(p for p in self.references.problems if p not in refused)
        return found

    def _gap(self, name: str, fields: tuple[str, ...], without: str) -> list[str]:
        if name not in self.sets:
            return [
                f"В публикации OData нет набора {name}: администратор 1С должен добавить "
                f"{object_words(name)} в состав стандартного интерфейса OData.{without}"
            ]
        missing = [f for f in dict.fromkeys(fields) if f not in self.sets[name]]
        if missing:
            return [
                f"У набора {name} в публикации нет полей: {', '.join(missing)}. Их нужно "
                f"добавить в состав стандартного интерфейса OData.{without}"
            ]
        return []


def read_metadata(edmx: bytes, service_root: str) -> Publication:
    """Entity sets (by name) → their properties and navigation properties."""
    types: dict[str, frozenset[str]] = {}
    set_types: dict[str, str] = {}
    try:
        _collect(edmx, types, set_types)
    except etree.XMLSyntaxError as error:
        text = edmx[:2000].decode("utf-8", errors="replace")
        said = Said("onec.metadata_not_read", {"page": excerpt(text), "detail": str(error.msg)})
        raise OneCPageError(said) from None
    sets = {name: types.get(kind, frozenset()) for name, kind in set_types.items()}
    rows = {name: found for name in ROWS if (found := _row_fields(types, name)) is not None}
    return Publication(service_root, sets, dt.datetime.now(dt.UTC), rows)


def _row_fields(types: dict[str, frozenset[str]], name: str) -> frozenset[str] | None:
    """A tabular section's row: its `_RowType`, or the entity type of its own set."""
    for kind in (f"{name}_RowType", name):
        if kind in types:
            return types[kind]
    return None


def _collect(edmx: bytes, types: dict[str, frozenset[str]], set_types: dict[str, str]) -> None:
    """Entity and complex types by name, and each entity set's type."""
    for _event, element in etree.iterparse(
        io.BytesIO(edmx),
        events=("end",),
        tag=("{*}EntityType", "{*}ComplexType", "{*}EntitySet"),
        **_HARDENED,
    ):
        name = element.get("Name") or ""
        if str(element.tag).endswith("Type"):
            properties = {
                child.get("Name") or ""
                for child in element
                if isinstance(child.tag, str)
                and child.tag.rpartition("}")[2] in ("Property", "NavigationProperty")
            }
            types[name] = frozenset(properties)
        else:
            set_types[name] = (element.get("EntityType") or "").rpartition(".")[2]
        element.clear()


class PublicationCache:
    """The summary kept in the data folder, so `$metadata` is read once, not on every start."""

    FILE = "onec-publication.json"

    def __init__(self, data_dir: Path) -> None:
        self.path = data_dir / self.FILE

    def load(self, service_root: str) -> Publication | None:
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
            if raw.get("service_root") != service_root or raw.get("format") != FORMAT:
                return None
            return Publication(
                service_root,
                {name: frozenset(fields) for name, fields in raw.get("sets", {}).items()},
                dt.datetime.fromisoformat(raw["read_at"]),
                {name: frozenset(fields) for name, fields in raw.get("rows", {}).items()},
                _references(raw.get("references")),
                {str(name): str(text) for name, text in raw.get("refused", {}).items()},
            )
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None  # unreadable or of another version: read `$metadata` again

    def save(self, publication: Publication) -> None:
        references = publication.references
        content = {
            "format": FORMAT,
            "service_root": publication.service_root,
            "read_at": publication.read_at.isoformat(),
            "sets": {name: sorted(fields) for name, fields in sorted(publication.sets.items())},
            "rows": {name: sorted(fields) for name, fields in sorted(publication.rows.items())},
            "references": None if references is None else dataclasses.asdict(references),
            "refused": publication.refused,
        }
        write_json(self.path, content)


def _references(raw: Any) -> ReferenceItems | None:
    if raw is None:
        return None
    return ReferenceItems(
        contact_kinds={str(k): str(v) for k, v in raw["contact_kinds"].items()},
        access_group=raw["access_group"],
        access_group_name=str(raw["access_group_name"]),
        groups_used=bool(raw["groups_used"]),
        problems=tuple(str(p) for p in raw["problems"]),
        setting=str(raw["setting"]),
    )
