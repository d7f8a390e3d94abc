"""What the state registry's answer says about the buyer, as `Finding`s beside the check digits.

A valid ИНН says nothing of whether the company still exists: a liquidated ООО passes every
check digit. The registry's record does (issue 17): its status, whether the tax service
flagged its data as unreliable, and its own name, КПП, legal address and kind, compared with
what the portal sent. Pure: the lookup is made elsewhere (services.registry_check); the
sentences are `wording.findings`, under the stable codes of `REGISTRY_CODES`. `field` names
the counterparty's attribute the finding is about, as the requisite checks do.

`prefill` is the other half: the create card's fields the registry would fill (the portal
left them empty) or correct (the portal's differs), each with both values, so the card can
mark them "from the registry" and keep the portal's value one click away.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from desktop_app.domain.company_names import normalize_name
from desktop_app.domain.counterparty import Counterparty, CounterpartyKind
from desktop_app.domain.decisions import CounterpartyCard
from desktop_app.domain.registry_record import (
    BranchType,
    Lookup,
    LookupState,
    RegistryRecord,
    RegistryStatus,
    choose,
)
from desktop_app.domain.requisite_values import Finding, Severity

NOT_ASKED_REASONS = ("no-token", "offline", "bad-token", "limit", "server", "answer", "off")
"""Why the registry was not asked, or gave no answer (the variants of `registry-not-asked`)."""

REGISTRY_CODES: tuple[str, ...] = (
    "registry-not-found", "registry-liquidated", "registry-liquidating", "registry-bankrupt",
    "registry-reorganizing", "registry-invalid", "registry-name-differs", "registry-kpp-differs",
    "registry-kpp-unmatched", "registry-address-differs", "registry-kind-mismatch",
    "registry-kind-mismatch/legal",
    *(f"registry-not-asked/{reason}" for reason in NOT_ASKED_REASONS),
)  # fmt: skip
"""Every `wording_key` of this module (the table test checks each has its sentence)."""

_STATUS_CODES = {
    RegistryStatus.LIQUIDATING: "registry-liquidating",
    RegistryStatus.BANKRUPT: "registry-bankrupt",
    RegistryStatus.REORGANIZING: "registry-reorganizing",
}


def registry_findings(buyer: Counterparty, lookup: Lookup) -> list[Finding]:
    """The registry's findings about `buyer` (see the module text); [] for no ИНН to ask."""
    if lookup.state is LookupState.NOT_ASKED:
        reason = lookup.reason if lookup.reason in NOT_ASKED_REASONS else "server"
        params = dict(lookup.reason_params or {})
        return [Finding("registry-not-asked", Severity.INFO, "inn", params, reason)]
    record, unmatched = choose(lookup.records, buyer.kpp or "")
    if lookup.state is LookupState.NOT_FOUND or record is None:
        return [Finding("registry-not-found", Severity.WARNING, "inn", {"inn": buyer.inn or ""})]
    found = _status(record)
    found += _kind(buyer, record)
    found += _kpp(buyer, record, unmatched, lookup.records)
    head = next((r for r in lookup.records if r.branch_type is BranchType.MAIN), record)
    found += _differences(buyer, record, head.address)
    return found


def _status(record: RegistryRecord) -> list[Finding]:
    found: list[Finding] = []
    if record.status is RegistryStatus.LIQUIDATED:
        date = record.liquidated.strftime("%d.%m.%Y") if record.liquidated else "—"
        found.append(Finding("registry-liquidated", Severity.ERROR, "inn", {"date": date}))
    elif record.status in _STATUS_CODES:
        found.append(Finding(_STATUS_CODES[record.status], Severity.WARNING, "inn", {}))
    if record.invalid:
        found.append(Finding("registry-invalid", Severity.WARNING, "inn", {}))
    return found


def _kind(buyer: Counterparty, record: RegistryRecord) -> list[Finding]:
    if buyer.kind is CounterpartyKind.LEGAL and record.is_entrepreneur:
        params = {"name": record.short_name}
        return [Finding("registry-kind-mismatch", Severity.ERROR, "kind", params)]
    if buyer.kind is CounterpartyKind.ENTREPRENEUR and not record.is_entrepreneur:
        params = {"name": record.short_name}
        return [Finding("registry-kind-mismatch", Severity.ERROR, "kind", params, "legal")]
    return []


def _kpp(
    buyer: Counterparty,
    record: RegistryRecord,
    unmatched: bool,
    records: tuple[RegistryRecord, ...],
) -> list[Finding]:
    if not unmatched:
        return []
    portal = (buyer.kpp or "").strip()
    if any(r.branch_type is BranchType.BRANCH and not r.kpp for r in records):
        params = {"kpp": portal, "head_kpp": record.kpp}
        return [Finding("registry-kpp-unmatched", Severity.WARNING, "kpp", params)]
    params = {"portal": portal, "registry": record.kpp}
    return [Finding("registry-kpp-differs", Severity.WARNING, "kpp", params)]


def _differences(buyer: Counterparty, record: RegistryRecord, head_address: str) -> list[Finding]:
    """The name, and the legal address: a branch's card may give its own address or its
    head office's (`head_address`), and either is the registry's."""
    found: list[Finding] = []
    names = [n for n in (buyer.full_name, buyer.official_name, buyer.name) if n]
    if buyer.kind is CounterpartyKind.ENTREPRENEUR and buyer.person_name:
        names.append(buyer.person_name)
    own = {normalize_name(record.full_name), normalize_name(record.short_name)} - {""}
    if names and own and not own & {normalize_name(n) for n in names}:
        params = {"portal": names[0], "registry": record.short_name or record.full_name}
        found.append(Finding("registry-name-differs", Severity.WARNING, "name", params))
    portal_address = buyer.legal_address or buyer.registration_address or ""
    known = [a for a in (record.address, head_address) if a]
    if portal_address and known and not any(same_address(portal_address, a) for a in known):
        params = {"portal": portal_address, "registry": record.address}
        found.append(Finding("registry-address-differs", Severity.WARNING, "legal_address", params))
    return found


_ADDRESS_WORD = re.compile(r"[0-9]+[а-яё]?|[а-яёa-z]+")
_NOISE_WORDS = (
    "г город ул улица д дом к корп корпус стр строение наб набережная пр пр-кт проспект пер "
    "переулок ш шоссе б-р бульвар пл площадь обл область р-н район респ республика край кв "
    "квартира оф офис пом помещ помещение эт этаж россия рф мо вн тер муниципальный округ "
    "пгт п поселок с село рп"
)
_ADDRESS_NOISE = frozenset(_NOISE_WORDS.split(" "))
"""Kinds of place and building, however abbreviated: they are not what tells addresses apart."""


def _address_words(address: str) -> tuple[set[str], set[str]]:
    words = _ADDRESS_WORD.findall(address.casefold().replace("ё", "е"))
    numbers = {w for w in words if w[0].isdigit() and len(w) != 6}  # a postcode is 6 digits
    names = {w for w in words if not w[0].isdigit() and w not in _ADDRESS_NOISE and len(w) > 1}
    return numbers, names


def same_address(portal: str, registry: str) -> bool:
    """Whether the portal's address is the registry's, however abbreviated: the registry's
    house numbers all appear in it and most of its place and street words do (DaData writes
    `г Москва, Даниловская наб, д 2 к 4`; a buyer types `Москва, Даниловская набережная 2/4`)."""
    portal_numbers, portal_names = _address_words(portal)
    numbers, names = _address_words(registry)
    if not numbers <= portal_numbers:
        return False
    return not names or len(names & portal_names) * 2 >= len(names)


_QUOTES = str.maketrans({"«": '"', "»": '"', "“": '"', "”": '"', "„": '"'})


def _plain(text: str) -> str:
    """A name as written, but for case, quote marks and spaces: a card's full name is the
    registry's spelling (legal form in full), not merely the same company's name."""
    return " ".join(text.translate(_QUOTES).casefold().replace("ё", "е").split())


@dataclass(frozen=True, slots=True)
class Prefill:
    """A card field the registry fills or corrects: its value and the portal's ("" = empty)."""

    field: str
    """A `CounterpartyCard` attribute (`full_name`, `ogrn`, `kpp`, `legal_address`), or
    `head` (the head's name and post; the card keeps it in no field of its own yet)."""
    registry: str
    portal: str


def prefill(card: CounterpartyCard, lookup: Lookup, head: str = "") -> list[Prefill]:
    """The card's fields the registry would fill or correct (see the module text).

    The КПП is only filled where the portal left it empty: a portal КПП the registry does
    not know may be a branch's DaData has not got (`registry-kpp-unmatched`), and is kept.
    `head` is the portal's head of the company, if it sent one.
    """
    if lookup.state is not LookupState.FOUND:
        return []
    record, _unmatched = choose(lookup.records, card.kpp)
    if record is None:
        return []
    head_words = ", ".join(w for w in (record.head_name, record.head_post.capitalize()) if w)
    pairs: list[tuple[str, str, str, Callable[[str], str] | None]] = [
        ("full_name", record.full_name or record.short_name, card.full_name, _plain),
        ("ogrn", record.ogrn, card.ogrn, str.strip),
        ("legal_address", record.address, card.legal_address, None),
        ("head", head_words, head, str.casefold),
    ]
    if card.kind is CounterpartyKind.LEGAL and not card.kpp.strip():
        pairs.insert(2, ("kpp", record.kpp, "", str.strip))
    fills: list[Prefill] = []
    for field, registry, portal, key in pairs:
        if not registry:
            continue
        same = same_address(portal, registry) if key is None else key(portal) == key(registry)
        if portal and same:
            continue
        fills.append(Prefill(field, registry, portal))
    return fills
