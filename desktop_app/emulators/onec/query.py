"""The request URL as 1C reads it: the resource path and the query options.

Decoding is percent-decoding as UTF-8 only: a `+` stays a plus (1C does not read it as a
space; GUIDE §5 and odata1c-gate's live notes — what the plus then does is up to the
option it lands in). Paths (17.4.4, 17.4.8): `<Set>`, `<Set>(guid'…')` or
`<Set>(Ref_Key=guid'…')`, a row `<Set>_<Section>(Ref_Key=guid'…', LineNumber=1)`,
`<Set>/$count`, `<Set>(…)/<Navigation>`, `Document_X(…)/Post` and `/Unpost`, `$metadata`.

Options: `$select` (fields, `Section/Field`, `Navigation/Field`, `*`, `**`, spaces after
commas allowed), `$filter`, `$orderby` (`Field [asc|desc]`, several; 1C's `Navigation/Field`
no client sends, and it is refused as a parse error, 400/14), `$top`, `$skip`,
`$inlinecount=allpages|none`, `$expand`, `$format`, `allowedOnly` (also as `$allowedOnly`;
what it does for a user with record-level restrictions is rights.py's).
Unknown names are refused with 400/6 «Сегмент пути X не найден!» and the name echoed (probes P4/P7).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import unquote

from desktop_app.emulators.onec import errors, refs
from desktop_app.emulators.onec.filter_parser import Node, parse
from desktop_app.emulators.onec.schema import ENTITY_SETS, ROW_SETS, EntitySet, Prop, RowSet

KNOWN_OPTIONS = frozenset(
    {"$select", "$filter", "$orderby", "$top", "$skip", "$inlinecount", "$expand", "$format"}
    | {"$allowedOnly", "$skiptoken"}
)
ROW_KEYS = frozenset(("Ref_Key", "LineNumber"))
_SEGMENT = re.compile(r"(?P<name>[^()]+)(?:\((?P<key>.*)\))?", re.DOTALL)


def decode(text: str) -> str:
    """Percent-decoding as UTF-8; `+` is left alone. Bad UTF-8 → 400/6."""
    try:
        return unquote(text, encoding="utf-8", errors="strict")
    except UnicodeDecodeError:
        raise errors.ODataError(400, "6", "Неверный URL") from None


def split_query(raw: str) -> dict[str, str]:
    """Options by name (decoded); the first of repeated names wins."""
    options: dict[str, str] = {}
    for part in raw.split("&"):
        if not part:
            continue
        name, _, value = part.partition("=")
        options.setdefault(decode(name), decode(value))
    return options


@dataclass(frozen=True, slots=True)
class Target:
    """What the path names."""

    kind: str
    """root, metadata, set, entity, count, action, navigation"""
    entity_set: EntitySet | None = None
    row_set: RowSet | None = None
    key: str | None = None
    line: int | None = None
    action: str | None = None
    navigation: Prop | None = None

    @property
    def set_name(self) -> str | None:
        if self.row_set is not None:
            return self.row_set.name
        return self.entity_set.name if self.entity_set is not None else None


def parse_target(rest: str) -> Target:
    """The path after `standard.odata/`, decoded."""
    if rest in ("", "/"):
        return Target("root")
    segments = rest.split("/")
    match = _SEGMENT.fullmatch(segments[0])
    if segments[0] == "$metadata" and len(segments) == 1:
        return Target("metadata")
    if match is None:
        raise errors.unknown_segment(segments[0], 404)
    name, key_text = match.group("name"), match.group("key")
    entity_set, row_set = ENTITY_SETS.get(name), ROW_SETS.get(name)
    if entity_set is None and row_set is None:
        raise errors.unknown_segment(name, 404)
    key, line = (None, None) if key_text is None else _key(key_text, row_set is not None)
    tail = segments[1:]
    if not tail or tail == [""]:
        kind = "set" if key is None else "entity"
        return Target(kind, entity_set, row_set, key, line)
    if len(tail) == 1 and tail[0] == "$count" and key is None:
        return Target("count", entity_set, row_set)
    if entity_set is not None and key is not None and len(tail) == 1:
        if tail[0] in ("Post", "Unpost"):
            if not entity_set.is_document:
                raise errors.method_not_found()
            return Target("action", entity_set, key=key, action=tail[0])
        prop = entity_set.by_name.get(tail[0] + "_Key")
        if prop is not None and prop.target is not None:
            return Target("navigation", entity_set, key=key, navigation=prop)
    raise errors.ODataError(400, "6", "Неверный URL")


def _key(text: str, with_line: bool) -> tuple[str, int | None]:
    """`guid'…'`, `Ref_Key=guid'…'`, and for a row `Ref_Key=guid'…', LineNumber=1`."""
    parts = [p.strip() for p in text.split(",")]
    ref: str | None = None
    line: int | None = None
    for part in parts:
        name, equals, value = part.partition("=")
        if not equals:
            name, value = "Ref_Key", part
        if name == "Ref_Key" and value.startswith("guid'") and value.endswith("'"):
            ref = value[5:-1]
            if not refs.is_guid(ref):
                raise errors.unparsable(ref, "Edm.Guid")
        elif name == "LineNumber" and with_line and value.isdigit():
            line = int(value)
        else:
            raise errors.unparsable(value or part, "Edm.Guid")
    if ref is None or (with_line and line is None):
        raise errors.ODataError(400, "7", "Не хватает элемента ключа сущности")
    return ref.lower(), line


@dataclass(slots=True)
class Selection:
    """`$select`: None fields means every property (no `$select`, or `*`)."""

    fields: set[str] | None = None
    no_sections: bool = False
    sections: dict[str, set[str] | None] = field(default_factory=dict)
    navigation: dict[str, set[str] | None] = field(default_factory=dict)


@dataclass(slots=True)
class Options:
    format: str = "atom"
    metadata: str = "minimal"
    filter: Node | None = None
    select: Selection = field(default_factory=Selection)
    orderby: list[tuple[tuple[str, ...], bool]] = field(default_factory=list)
    top: int | None = None
    skip: int | None = None
    inlinecount: bool = False
    expand: set[str] = field(default_factory=set)
    params: dict[str, str] = field(default_factory=dict)


def response_format(options: dict[str, str], accept: str) -> tuple[str, str]:
    """(json|atom, minimal|nometadata|fullmetadata) from `$format` or the Accept header."""
    wanted = options.get("$format")
    if wanted is None:
        return ("json", "minimal") if "application/json" in accept else ("atom", "minimal")
    kind, _, rest = wanted.partition(";")
    kind = kind.strip().lower()
    if kind in ("json", "application/json"):
        level = rest.strip().removeprefix("odata=") or "minimalmetadata"
        if level not in ("minimalmetadata", "nometadata", "fullmetadata"):
            raise errors.ODataError(406, "3", "Запрошенный тип представления не поддерживается")
        return "json", level.removesuffix("metadata") or "minimal"
    if kind in ("atom", "xml", "application/atom+xml", "application/xml"):
        return "atom", "minimal"
    raise errors.ODataError(406, "3", "Запрошенный тип представления не поддерживается")


def parse_options(raw: dict[str, str], props: dict[str, Prop], target: Target) -> Options:
    options = Options()
    for name in raw:
        if name.startswith("$") and name not in KNOWN_OPTIONS:
            raise errors.unknown_segment(name)
    options.params = {k: v for k, v in raw.items() if not k.startswith("$")}
    if "$filter" in raw:
        options.filter = parse(raw["$filter"])
    if "$select" in raw:
        options.select = _select(raw["$select"], props, target)
    if "$orderby" in raw:
        options.orderby = _orderby(raw["$orderby"], props)
    options.top = _count_option(raw, "$top")
    options.skip = _count_option(raw, "$skip")
    count = raw.get("$inlinecount")
    if count not in (None, "allpages", "none"):
        raise errors.option_error("$inlinecount")
    options.inlinecount = count == "allpages"
    if "$expand" in raw:
        options.expand = _expand(raw["$expand"], props)
    return options


def _count_option(raw: dict[str, str], name: str) -> int | None:
    text = raw.get(name)
    if text is None:
        return None
    if not text.isascii() or not text.isdigit():
        raise errors.option_error(name)
    return int(text)


def _navigation(name: str, props: dict[str, Prop]) -> Prop | None:
    prop = props.get(name + "_Key")
    return prop if prop is not None and prop.target is not None else None


def _select(text: str, props: dict[str, Prop], target: Target) -> Selection:
    sets = ENTITY_SETS
    selection = Selection(fields=set())
    section_props: dict[str, set[str]] = {}
    if target.entity_set is not None and target.row_set is None:
        for section in target.entity_set.sections:
            section_props[section.name] = {p.name for p in section.props} | ROW_KEYS
    for item in (part.strip() for part in text.split(",")):
        if item in ("*", ""):
            selection.fields = None
            continue
        if item == "**":
            selection.fields, selection.no_sections = None, True
            continue
        head, _, sub = item.partition("/")
        if head in section_props:
            _add(selection.sections, head, sub, section_props[head])
        elif head in props:
            if sub:
                raise errors.unknown_segment(sub)
            if selection.fields is not None:
                selection.fields.add(head)
        elif (nav := _navigation(head, props)) is not None and nav.target in sets:
            _add(selection.navigation, head, sub, set(sets[nav.target].by_name))
        else:
            raise errors.unknown_segment(head)
    return selection


def _add(into: dict[str, set[str] | None], head: str, sub: str, allowed: set[str]) -> None:
    if sub and sub not in ("*", "**") and sub not in allowed:
        raise errors.unknown_segment(sub)
    if not sub or sub in ("*", "**") or into.get(head, set()) is None:
        into[head] = None
        return
    current = into.setdefault(head, set())
    if current is not None:
        current.add(sub)


def _orderby(text: str, props: dict[str, Prop]) -> list[tuple[tuple[str, ...], bool]]:
    order: list[tuple[tuple[str, ...], bool]] = []
    for item in text.split(","):
        words = item.split()
        if not words or len(words) > 2 or (len(words) == 2 and words[1] not in ("asc", "desc")):
            raise errors.option_error("$orderby")
        if "/" in words[0]:  # 1C orders by `Navigation/Field`; no client sends it
            raise errors.option_error("$orderby")
        if words[0] not in props:
            raise errors.unknown_segment(words[0])
        order.append(((words[0],), len(words) == 2 and words[1] == "desc"))
    return order


def _expand(text: str, props: dict[str, Prop]) -> set[str]:
    names: set[str] = set()
    for item in (part.strip() for part in text.split(",")):
        if item == "*":
            names |= {p.name.removesuffix("_Key") for p in props.values() if p.target}
            continue
        if _navigation(item, props) is None:
            raise errors.unknown_segment(item)
        names.add(item)
    return names
