"""What changed between two revisions of an order, in words a manager can scan.

The history view shows, beside each revision, a short list such as ``total``, ``buyer.inn``,
``lines``, ``properties.«Статус заказа»``: enough to see at a glance whether the portal
re-exported the order for a status change or because the buyer's requisites changed, which
is what decides whether the manager must look again.

The comparison works on the decoded payload objects (`order_codec.payload_object`), so it
needs no domain objects and sees every field the payload keeps.
"""

from __future__ import annotations

from typing import Any

from desktop_app.store.order_codec import JsonObject

# Order fields compared as a whole, in the order they are listed.
_SCALARS = (
    "id",
    "number",
    "version",
    "date",
    "time",
    "operation",
    "role",
    "currency",
    "exchange_rate",
    "total",
    "comment",
    "deleted",
)
_COLLECTIONS = ("taxes", "discounts", "lines")
BUYER_ROLE = "покупатель"


def changed_fields(before: JsonObject | None, after: JsonObject) -> tuple[str, ...]:
    """Names of the fields that differ from `before` to `after`; () for a first revision."""
    if before is None:
        return ()
    changes = [name for name in _SCALARS if before.get(name) != after.get(name)]
    changes.extend(_counterparty_changes(before, after))
    changes.extend(name for name in _COLLECTIONS if before.get(name) != after.get(name))
    changes.extend(_property_changes(before.get("properties", []), after.get("properties", [])))
    return tuple(changes)


def _buyer_index(parties: list[JsonObject]) -> int | None:
    """Index of the buyer: the counterparty with the role Покупатель, else the first one."""
    for index, party in enumerate(parties):
        if str(party.get("role") or "").casefold() == BUYER_ROLE:
            return index
    return 0 if parties else None


def _counterparty_changes(before: JsonObject, after: JsonObject) -> list[str]:
    old_parties: list[JsonObject] = before.get("counterparties", [])
    new_parties: list[JsonObject] = after.get("counterparties", [])
    old_index, new_index = _buyer_index(old_parties), _buyer_index(new_parties)
    changes: list[str] = []
    if old_index is None or new_index is None:
        if (old_index is None) != (new_index is None):
            changes.append("buyer")
    else:
        old_buyer, new_buyer = old_parties[old_index], new_parties[new_index]
        keys = list(new_buyer) + [k for k in old_buyer if k not in new_buyer]
        changes.extend(f"buyer.{key}" for key in keys if old_buyer.get(key) != new_buyer.get(key))
    old_others = [p for i, p in enumerate(old_parties) if i != old_index]
    new_others = [p for i, p in enumerate(new_parties) if i != new_index]
    if old_others != new_others:
        changes.append("counterparties")
    return changes


def _grouped(properties: list[JsonObject]) -> dict[str, list[Any]]:
    """Values of the properties by name, a name that repeats keeping all its values in order."""
    groups: dict[str, list[Any]] = {}
    for prop in properties:
        groups.setdefault(str(prop.get("name")), []).append(prop.get("values"))
    return groups


def _property_changes(before: list[JsonObject], after: list[JsonObject]) -> list[str]:
    old, new = _grouped(before), _grouped(after)
    names = list(new) + [name for name in old if name not in new]
    changes = [f"properties.«{name}»" for name in names if old.get(name) != new.get(name)]
    if not changes and before != after:
        changes.append("properties")  # the same properties, in another order
    return changes
