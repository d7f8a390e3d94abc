"""What the state registry (ЕГРЮЛ/ЕГРИП, as DaData serves it) says about one company.

DaData's `findById/party` answers `{"suggestions": [{"value", "unrestricted_value",
"data"}]}`; `data` is a large object of which the review needs a few fields. `record_of`
reads those into a `RegistryRecord`, pure and tolerant: every field of `data` may be null
or absent in a real answer (an ИП has no `kpp`, `management` nor `name.full_with_opf` of an
organisation; the reference `data` of ekomobile has no `address` at all), so absence is
`""`/None, never an error. Dates are epoch milliseconds (UTC midnight of the day, DaData
"Организация по ИНН" documentation) and become `datetime.date`.

`Lookup` is the outcome of asking: the records found (head office and branches), or why the
registry was not asked / did not answer — the review must work without the network.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TypeVar

E = TypeVar("E", bound="StrEnum")


class RegistryStatus(StrEnum):
    """`data.state.status`; an unknown word is kept as UNKNOWN rather than refused."""

    ACTIVE = "ACTIVE"
    LIQUIDATING = "LIQUIDATING"
    LIQUIDATED = "LIQUIDATED"
    BANKRUPT = "BANKRUPT"
    REORGANIZING = "REORGANIZING"
    UNKNOWN = "UNKNOWN"


class PartyType(StrEnum):
    LEGAL = "LEGAL"
    INDIVIDUAL = "INDIVIDUAL"


class BranchType(StrEnum):
    MAIN = "MAIN"
    BRANCH = "BRANCH"


@dataclass(frozen=True, slots=True)
class RegistryRecord:
    """One suggestion's `data`: an organisation's head office or branch, or an ИП."""

    inn: str
    kpp: str
    ogrn: str
    party_type: PartyType
    branch_type: BranchType
    status: RegistryStatus
    full_name: str
    short_name: str
    opf_short: str
    address: str
    head_name: str
    head_post: str
    invalid: bool
    registered: dt.date | None = None
    liquidated: dt.date | None = None
    actual_on: dt.date | None = None

    @property
    def is_entrepreneur(self) -> bool:
        return self.party_type is PartyType.INDIVIDUAL


class LookupState(StrEnum):
    """How asking the registry ended."""

    FOUND = "found"
    NOT_FOUND = "not-found"
    NOT_ASKED = "not-asked"
    """Offline, no token, or the registry answered with an error: `reason` says which."""


@dataclass(frozen=True, slots=True)
class Lookup:
    """The registry's answer for one ИНН (+КПП asked), or why there is none.

    `reason` is a code of `wording.registry_errors` (`registry.no_token`, …) for NOT_ASKED;
    `asked_on` is the date of the answer (a cached one may be old), None when not asked.
    """

    state: LookupState
    records: tuple[RegistryRecord, ...] = ()
    reason: str = ""
    reason_params: Mapping[str, object] | None = None
    asked_on: dt.date | None = None

    @classmethod
    def not_asked(cls, reason: str, params: Mapping[str, object] | None = None) -> Lookup:
        return cls(LookupState.NOT_ASKED, reason=reason, reason_params=dict(params or {}))


def _text(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""


def _map(value: object) -> Mapping[str, object]:
    return value if isinstance(value, Mapping) else {}


def epoch_date(value: object) -> dt.date | None:
    """Epoch milliseconds (UTC) as a date; None for null or nonsense."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    try:
        return dt.datetime.fromtimestamp(value / 1000, tz=dt.UTC).date()
    except (OverflowError, OSError, ValueError):
        return None


def _enum(kind: type[E], value: object, default: E) -> E:
    try:
        return kind(_text(value).upper())
    except ValueError:
        return default


def record_of(data: Mapping[str, object]) -> RegistryRecord:
    """The review's fields of one suggestion's `data` (see the module text)."""
    state, name, opf = _map(data.get("state")), _map(data.get("name")), _map(data.get("opf"))
    address, management = _map(data.get("address")), _map(data.get("management"))
    party_type = _enum(PartyType, data.get("type"), PartyType.LEGAL)
    return RegistryRecord(
        inn=_text(data.get("inn")),
        kpp=_text(data.get("kpp")),
        ogrn=_text(data.get("ogrn")),
        party_type=party_type,
        branch_type=_enum(BranchType, data.get("branch_type"), BranchType.MAIN),
        status=_enum(RegistryStatus, state.get("status"), RegistryStatus.UNKNOWN),
        full_name=_text(name.get("full_with_opf")),
        short_name=_text(name.get("short_with_opf")),
        opf_short=_text(opf.get("short")),
        address=_text(address.get("value")),
        head_name=_text(management.get("name")),
        head_post=_text(management.get("post")),
        invalid=data.get("invalid") is True,
        registered=epoch_date(state.get("registration_date")),
        liquidated=epoch_date(state.get("liquidation_date")),
        actual_on=epoch_date(state.get("actuality_date")),
    )


def records_of(answer: Mapping[str, object]) -> tuple[RegistryRecord, ...]:
    """Every suggestion's record; suggestions without a `data` object are skipped."""
    suggestions = answer.get("suggestions")
    if not isinstance(suggestions, Sequence) or isinstance(suggestions, str):
        return ()
    return tuple(
        record_of(item["data"])
        for item in suggestions
        if isinstance(item, Mapping) and isinstance(item.get("data"), Mapping)
    )


def choose(records: Sequence[RegistryRecord], kpp: str) -> tuple[RegistryRecord | None, bool]:
    """(the record to compare with, whether the КПП matched none).

    The suggestion whose КПП is the one asked; else the head office (MAIN), and the КПП
    "matched none" when a КПП was asked: DaData does not know the КПП of about a quarter of
    branches (its documentation on branches), so a miss is a warning, not «not found».
    """
    if not records:
        return None, False
    wanted = kpp.strip()
    if wanted:
        for record in records:
            if record.kpp == wanted:
                return record, False
    head = next((r for r in records if r.branch_type is BranchType.MAIN), records[0])
    return head, bool(wanted) and not head.is_entrepreneur
