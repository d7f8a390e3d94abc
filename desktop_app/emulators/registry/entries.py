"""The registry's entries for the world's buyers: what ЕГРЮЛ/ЕГРИП says of each company.

Every organisation and ИП of the `World` gets an entry shaped as DaData's `data` object
(the reference objects in ../shared/reference/dadata/: upper-case names with the legal form,
`state` dates in epoch milliseconds, `address.value` without the postcode), so the portal,
1C and the registry tell one story. A few, chosen by a stable rule (the world's organisations
whose first order comes first), are the cases a review must catch — `RegistryWorld.cases`
names them:

- `liquidated`, `liquidating`, `bankrupt`, `reorganizing`: the status so;
- `invalid`: `invalid: true` (the tax service flagged the data as unreliable);
- `renamed`: the registry's name and legal address differ from the portal's;
- `unknown`: an ИНН the registry does not have (no entry at all);
- `branch_unknown` / `branch_known`: the world's first branch, whose КПП the registry has
  not (`kpp: null`: DaData does not know the КПП of about a quarter of branches — here
  every fourth), and its second (when the world has one), whose КПП it has;
- `entrepreneur`: an ИП (`type: INDIVIDUAL`, no КПП, no management).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from desktop_app.domain.counterparty import CounterpartyKind
from desktop_app.emulators.world import World
from desktop_app.emulators.world_buyers import Buyer

Data = dict[str, Any]
SPECIAL = ("liquidated", "liquidating", "bankrupt", "reorganizing", "invalid", "renamed", "unknown")
LOOKAHEAD = 60
_REGISTERED = dt.datetime(2015, 2, 5, tzinfo=dt.UTC)
_ACTUAL = dt.datetime(2025, 9, 1, tzinfo=dt.UTC)
_LIQUIDATED = dt.datetime(2024, 11, 15, tzinfo=dt.UTC)
_OPF = {
    "ООО": ("Общество с ограниченной ответственностью", "12300"),
    "АО": ("Акционерное общество", "12200"),
    "ПАО": ("Публичное акционерное общество", "12247"),
    "ИП": ("Индивидуальный предприниматель", "50102"),
}


def epoch_ms(moment: dt.datetime) -> int:
    return int(moment.timestamp() * 1000)


@dataclass
class RegistryWorld:
    """Entries by ИНН (head office first, then branches) and the special cases' ИНН/КПП."""

    entries: dict[str, list[Data]] = field(default_factory=dict)
    cases: dict[str, tuple[str, str]] = field(default_factory=dict)
    """Case name → (ИНН, КПП the portal sends) — for tests and the demo's story."""
    _branches: int = 0

    @classmethod
    def of(cls, world: World) -> RegistryWorld:
        made = cls()
        by_inn: dict[str, list[Buyer]] = defaultdict(list)
        for buyer in world.buyers:
            party = buyer.counterparty
            if party.inn and party.kind in (CounterpartyKind.LEGAL, CounterpartyKind.ENTREPRENEUR):
                by_inn[party.inn].append(buyer)
        first = first_orders(world)
        heads = sorted(
            (inn for inn, group in by_inn.items()
             if len(group) == 1 and group[0].counterparty.kind is CounterpartyKind.LEGAL),
            key=lambda inn: (first.get(inn, LOOKAHEAD + 1), inn),
        )  # fmt: skip
        special = dict(zip(SPECIAL, heads, strict=False))
        for inn, group in sorted(by_inn.items()):
            case = next((name for name, chosen in special.items() if chosen == inn), "")
            if case:
                made.cases[case] = (inn, group[0].counterparty.kpp or "")
            if case == "unknown":
                continue
            made.entries[inn] = made._group(group, case)
        return made

    def _group(self, group: list[Buyer], case: str) -> list[Data]:
        head = next((b for b in group if not b.is_branch), group[0])
        entries = [head_data(head, case, branch_count=len(group) - 1)]
        branches = sorted((b for b in group if b.is_branch), key=lambda b: b.counterparty.kpp or "")
        for branch in branches:
            known = self._branches % 4 != 0  # a quarter, the world's first among them
            self._branches += 1
            entries.append(branch_data(head, branch, known=known))
            name = "branch_known" if known else "branch_unknown"
            party = branch.counterparty
            self.cases.setdefault(name, (party.inn or "", party.kpp or ""))
        if head.counterparty.kind is CounterpartyKind.ENTREPRENEUR:
            self.cases.setdefault("entrepreneur", (head.counterparty.inn or "", ""))
        return entries


def first_orders(world: World) -> dict[str, int]:
    """ИНН → the number of its first order among the world's first `LOOKAHEAD`: the cases go
    to the buyers who order first, so that the demo's first orders show them."""
    first: dict[str, int] = {}
    for number, order in enumerate(world.orders(LOOKAHEAD), start=1):
        inn = order.buyer.inn if order.buyer is not None else None
        if inn:
            first.setdefault(inn, number)
    return first


def _form(short_name: str) -> str:
    first = short_name.split(" ", 1)[0]
    return first if first in _OPF else "ООО"


def _street(address: str) -> str:
    """The address as DaData's `value` writes it: no postcode, no «Россия»."""
    parts = [p.strip() for p in address.split(",")]
    return ", ".join(p for p in parts if p and not (p.isdigit() and len(p) == 6) and p != "Россия")


def head_data(buyer: Buyer, case: str = "", branch_count: int = 0) -> Data:
    party = buyer.counterparty
    entrepreneur = party.kind is CounterpartyKind.ENTREPRENEUR
    short_name = party.name or ""
    form = "ИП" if entrepreneur else _form(short_name)
    own = short_name.split(" ", 1)[1] if " " in short_name else short_name
    if entrepreneur:  # the registry names an ИП in full, never «ИП Иванов И. И.»
        own = (party.official_name or short_name).removeprefix("Индивидуальный предприниматель ")
    address = party.legal_address or ""
    if case == "renamed":
        own, address = f'"{own.strip(chr(34) + "«»")} ГРУПП"', "г Москва, ул Тверская, д 7"
    status = {
        "liquidated": "LIQUIDATED", "liquidating": "LIQUIDATING", "bankrupt": "BANKRUPT",
        "reorganizing": "REORGANIZING",
    }.get(case, "ACTIVE")  # fmt: skip
    full_form, code = _OPF[form]
    data: Data = {
        "kpp": None if entrepreneur else party.kpp,
        "management": None
        if entrepreneur
        else {
            "name": buyer.contact_person,
            "post": "ГЕНЕРАЛЬНЫЙ ДИРЕКТОР",
            "disqualified": None,
        },
        "branch_type": "MAIN",
        "branch_count": branch_count,
        "type": "INDIVIDUAL" if entrepreneur else "LEGAL",
        "state": {
            "status": status,
            "code": None,
            "actuality_date": epoch_ms(_ACTUAL),
            "registration_date": epoch_ms(_REGISTERED),
            "liquidation_date": epoch_ms(_LIQUIDATED) if status == "LIQUIDATED" else None,
        },
        "opf": {"type": "2014", "code": code, "full": full_form, "short": form},
        "name": {
            "full_with_opf": f"{full_form.upper()} {own.upper()}",
            "short_with_opf": f"{form} {own.upper()}",
            "full": own.strip('"«»').upper(),
            "short": own.strip('"«»').upper(),
            "latin": None,
        },
        "inn": party.inn,
        "ogrn": buyer.ogrn,
        "address": {"value": _street(address), "unrestricted_value": address, "data": {}},
        "invalid": True if case == "invalid" else None,
    }
    return data


def branch_data(head: Buyer, branch: Buyer, *, known: bool) -> Data:
    """A branch: the head's ИНН, ОГРН and name, its own address, a КПП only when `known`."""
    data = head_data(head)
    data["branch_type"] = "BRANCH"
    data["branch_count"] = 0
    data["kpp"] = branch.counterparty.kpp if known else None
    address = branch.counterparty.address or ""
    data["address"] = {"value": _street(address), "unrestricted_value": address, "data": {}}
    data["management"] = None
    return data


def suggestion(data: Data) -> Data:
    """One `suggestions` item: `value` is the short name, `unrestricted_value` the full."""
    name = data["name"]
    full, short = name["full_with_opf"], name["short_with_opf"]
    return {"value": short, "unrestricted_value": full, "data": data}
