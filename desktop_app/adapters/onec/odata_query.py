"""Query URLs for 1C's OData: the path, the options, and the percent-encoding 1C accepts.

Set names and values are Cyrillic: they travel percent-encoded as UTF-8. A space must be
`%20` — 1C does not take `+` for a space (GUIDE §5) — and `&`, `+`, `#`, `%` inside a
value must be encoded too, or a name like `Рога & Копыта` would cut the query in two.
`$format=json` is always added: without it 1C answers in Atom.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from urllib.parse import quote

from desktop_app.adapters.onec.odata_filter import Expr, Guid, literal

# Characters left as they are inside an option's value: OData's own punctuation.
_VALUE_SAFE = "'(),:/*"


def encode_path(segment: str) -> str:
    """A path segment such as `Catalog_Контрагенты(guid'…')`."""
    return quote(segment, safe="'(),=_")


def encode_query(options: list[tuple[str, str]]) -> str:
    return "&".join(
        f"{quote(key, safe='$')}={quote(value, safe=_VALUE_SAFE)}" for key, value in options
    )


def entity_path(entity_set: str, ref_key: str) -> str:
    """`Catalog_Контрагенты(guid'…')` — one object by its reference key."""
    return f"{entity_set}({literal(Guid(ref_key))})"


@dataclass(frozen=True, slots=True)
class Query:
    """An immutable query; each method returns a changed copy."""

    entity_set: str
    fields: tuple[str, ...] = ()
    condition: Expr | None = None
    order: tuple[str, ...] = ()
    limit: int | None = None
    offset: int | None = None
    extra: tuple[tuple[str, str], ...] = field(default=())

    def select(self, *fields: str) -> Query:
        return replace(self, fields=fields)

    def filter(self, condition: Expr | None) -> Query:
        return replace(self, condition=condition)

    def orderby(self, *keys: str) -> Query:
        """Keys like `Ref_Key` or `Description desc`."""
        return replace(self, order=keys)

    def top(self, count: int) -> Query:
        return replace(self, limit=count)

    def skip(self, count: int) -> Query:
        return replace(self, offset=count)

    def options(self) -> list[tuple[str, str]]:
        options = [("$format", "json")]
        if self.fields:
            options.append(("$select", ",".join(self.fields)))
        if self.condition is not None:
            options.append(("$filter", self.condition.text))
        if self.order:
            options.append(("$orderby", ",".join(self.order)))
        if self.offset:
            options.append(("$skip", str(self.offset)))
        if self.limit is not None:
            options.append(("$top", str(self.limit)))
        options.extend(self.extra)
        return options

    def url(self, service_root: str, *, count: bool = False) -> str:
        """The full URL; `count=True` gives `/$count` (a plain number, no paging options)."""
        path = encode_path(self.entity_set) + ("/$count" if count else "")
        options = self.options()
        if count:
            options = [o for o in options if o[0] in ("$filter",)]
        return f"{service_root}{path}?{encode_query(options)}" if options else service_root + path

    def url_for(self, service_root: str, ref_key: str) -> str:
        """One object of the set by key, with this query's `$select`."""
        path = encode_path(entity_path(self.entity_set, ref_key))
        return f"{service_root}{path}?{encode_query(self.options())}"

    def url_length(self, service_root: str) -> int:
        """The length of the query string, the part IIS limits to 2048 bytes."""
        return len(encode_query(self.options()))
