"""What the 1C publication offers, from `$metadata`, and what Order Review needs of it.

A 1C administrator chooses which objects the standard OData interface publishes; a set or
a field left out would fail only later, in the middle of a manager's decision. So the app
reads `$metadata` once on connecting, keeps a summary (sets and their fields — the EDMX
itself can be megabytes), and says in plain words what the administrator must add.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from desktop_app.adapters.onec.odata_errors import OneCPageError
from desktop_app.adapters.portal.xml_prolog import excerpt

REQUIRED: dict[str, tuple[str, ...]] = {
    "Catalog_Контрагенты": (
        "Ref_Key", "DataVersion", "DeletionMark", "Description", "НаименованиеПолное",
        "ИНН", "КПП", "КодПоОКПО", "РегистрационныйНомер", "ЮрФизЛицо", "Партнер_Key",
        "ОбособленноеПодразделение", "ГоловнойКонтрагент_Key", "КонтактнаяИнформация",
    ),
    "Catalog_Контрагенты_КонтактнаяИнформация": ("Ref_Key", "LineNumber", "Тип", "Представление"),
    "Catalog_Партнеры": (
        "Ref_Key", "DataVersion", "DeletionMark", "Description", "Code", "ЮрФизЛицо",
    ),  # Code: the directory refresh pages partners by it (directory_copy.Catalogue)
    "Catalog_Организации": ("Ref_Key", "Description", "ИНН", "КПП"),
    "Document_ЗаказКлиента": (
        "Ref_Key", "DataVersion", "Number", "Date", "Партнер_Key", "Контрагент_Key",
        "Организация_Key", "НомерПоДаннымКлиента", "СуммаДокумента",
    ),
}  # fmt: skip
"""The sets and fields the app reads or writes (GUIDE §5)."""

_OBJECT_WORDS = {
    "Catalog_Контрагенты": "справочник «Контрагенты»",
    "Catalog_Контрагенты_КонтактнаяИнформация": "табличную часть «Контактная информация» "
    "справочника «Контрагенты»",
    "Catalog_Партнеры": "справочник «Партнеры»",
    "Catalog_Организации": "справочник «Организации»",
    "Document_ЗаказКлиента": "документ «Заказ клиента»",
}
_HARDENED = {"resolve_entities": False, "no_network": True, "load_dtd": False, "huge_tree": True}


@dataclass(frozen=True, slots=True)
class Publication:
    """The published sets and their property names (a summary of `$metadata`)."""

    service_root: str
    sets: dict[str, frozenset[str]]
    read_at: dt.datetime

    def gaps(self) -> list[str]:
        """What is missing, one sentence each, addressed to a 1C administrator."""
        found = []
        for name, fields in REQUIRED.items():
            if name not in self.sets:
                found.append(
                    f"В публикации OData нет набора {name}: администратор 1С должен добавить "
                    f"{_OBJECT_WORDS[name]} в состав стандартного интерфейса OData."
                )
                continue
            missing = [f for f in fields if f not in self.sets[name]]
            if missing:
                found.append(
                    f"У набора {name} в публикации нет полей: {', '.join(missing)}. "
                    "Их нужно добавить в состав стандартного интерфейса OData."
                )
        return found


def read_metadata(edmx: bytes, service_root: str) -> Publication:
    """Entity sets (by name) → their properties and navigation properties."""
    types: dict[str, frozenset[str]] = {}
    set_types: dict[str, str] = {}
    try:
        _collect(edmx, types, set_types)
    except etree.XMLSyntaxError as error:
        text = edmx[:2000].decode("utf-8", errors="replace")
        raise OneCPageError(
            f"Вместо описания публикации ($metadata) пришло не то: «{excerpt(text)}» ({error.msg})."
        ) from None
    sets = {name: types.get(kind, frozenset()) for name, kind in set_types.items()}
    return Publication(service_root, sets, dt.datetime.now(dt.UTC))


def _collect(edmx: bytes, types: dict[str, frozenset[str]], set_types: dict[str, str]) -> None:
    for _event, element in etree.iterparse(
        io.BytesIO(edmx), events=("end",), tag=("{*}EntityType", "{*}EntitySet"), **_HARDENED
    ):
        name = element.get("Name") or ""
        if str(element.tag).endswith("EntityType"):
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
        except (OSError, ValueError):
            return None
        if raw.get("service_root") != service_root:
            return None
        return Publication(
            service_root,
            {name: frozenset(fields) for name, fields in raw.get("sets", {}).items()},
            dt.datetime.fromisoformat(raw["read_at"]),
        )

    def save(self, publication: Publication) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        content = {
            "service_root": publication.service_root,
            "read_at": publication.read_at.isoformat(),
            "sets": {name: sorted(fields) for name, fields in sorted(publication.sets.items())},
        }
        temporary = self.path.with_suffix(".tmp")
        temporary.write_text(json.dumps(content, ensure_ascii=False, indent=1), encoding="utf-8")
        temporary.replace(self.path)
