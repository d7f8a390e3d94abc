"""1C references: how they look, how 1C orders them, and `DataVersion`.

1C makes a new reference from the time and the server (a UUID of version 1: time in the
first three groups, a node in the last two — `a348aa8c-d629-11e5-0a9b-000c295e30eb` in the
БП sample, whose node ends in a VMware MAC). It stores it as `binary(16)` with the groups
reversed — node first, then the time from its high part down — and the clustered index on
references keeps them in the order of those bytes: a GET without `$orderby` comes in it, which
within one base is creation order and NOT the text order of the GUIDs. Through OData a
reference can only be tested for equality: `Ref_Key gt guid'…'` is refused (500/-1,
errors.INCOMPARABLE) and `$orderby=Ref_Key` orders by presentation (ordering.py), so no
client can page by it.

`DataVersion` is an 8-byte counter in base64 that grows by one on every write, even one
that changes nothing: `AAAAAAAAAAA=` after creation, then `AAAAAAAAAAE=` (probe P8 of
odata1c-gate against a live УТ 11).
"""

from __future__ import annotations

import base64
import datetime as dt
import re

EMPTY_REF = "00000000-0000-0000-0000-000000000000"
NODE = "8f3a0050569e1c2d"
"""The emulated server's node: clock sequence 8f3a and a VMware-style MAC 00:50:56:9e:1c:2d."""

_GUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
_GREGORIAN = dt.datetime(1582, 10, 15)
_TIME_MASK = (1 << 60) - 1
TICKS_PER_SECOND = 10_000_000


def is_guid(text: str) -> bool:
    return _GUID.fullmatch(text) is not None


def ticks(moment: dt.datetime) -> int:
    """100-nanosecond intervals since the Gregorian reform: the clock of a version-1 UUID."""
    delta = moment.replace(tzinfo=None) - _GREGORIAN
    return (delta.days * 86_400 + delta.seconds) * TICKS_PER_SECOND + delta.microseconds * 10


_NODE_SUFFIX = f"-{NODE[:4]}-{NODE[4:]}"


def ref_from_ticks(value: int, node: str = NODE) -> str:
    """A version-1 reference made at `value` ticks on `node` (16 hex digits)."""
    suffix = _NODE_SUFFIX if node == NODE else f"-{node[:4]}-{node[4:]}"
    digits = f"{value & _TIME_MASK:015x}"  # time high (3), mid (4), low (8)
    return f"{digits[7:]}-{digits[3:7]}-1{digits[:3]}{suffix}"


def order_key(ref: str) -> int:
    """The integer 1C sorts and compares a reference by (node, then time high to low)."""
    h = ref.replace("-", "")
    return int(h[16:] + h[12:16] + h[8:12] + h[:8], 16)


def order_key_of_ticks(value: int, node: str = NODE) -> int:
    """`order_key(ref_from_ticks(value, node))`, without the string round trip."""
    return (int(node, 16) << 64) | (1 << 60) | (value & _TIME_MASK)


def data_version(counter: int) -> str:
    return base64.b64encode(counter.to_bytes(8, "big")).decode("ascii")


def next_data_version(current: str) -> str:
    """The version after `current`; anything unreadable restarts the counter at 1."""
    try:
        raw = base64.b64decode(current, validate=True)
    except ValueError:
        return data_version(1)
    counter = int.from_bytes(raw, "big") if len(raw) == 8 else 0
    return data_version(counter + 1)
