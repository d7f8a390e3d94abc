"""The two cards of the review, as (key, label, value) rows, and which of their fields differ.

The portal card is the normalized `Counterparty`; the 1C card is a cached
`DirectoryCounterparty` (with its head organisation and partner named). Rows share keys where
they mean the same thing (`name`, `inn`, `kpp`, `okpo`), which is how `differing` finds the
fields to highlight on both sides: names are compared as `normalize_name` reads them, so
quotes, case and the legal form do not count as a difference.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from desktop_app.domain.company_names import normalize_name
from desktop_app.domain.counterparty import Counterparty, CounterpartyKind
from desktop_app.domain.onec_directory import DirectoryCounterparty, DirectoryPartner
from desktop_app.ui.wording import shown_code
from desktop_app.wording.card_fields import CARD_FIELDS, KINDS

translate = QCoreApplication.translate


@dataclass(frozen=True, slots=True)
class CardRow:
    key: str
    label: str
    value: str


def kind_word(kind: CounterpartyKind) -> str:
    return shown_code(KINDS, kind.value)


def card_labels() -> dict[str, str]:
    """The fields of a counterparty's card, one label each: the portal's card, 1C's card and
    the card of a counterparty to create (`card_panel`) name a field alike
    (`wording.card_fields`, which the CLI prints too)."""
    return {field: shown_code(CARD_FIELDS, field) for field in CARD_FIELDS.wordings}


def portal_card(party: Counterparty) -> list[CardRow]:
    labels = card_labels()
    person = " ".join(p for p in (party.surname, party.first_name, party.patronymic) if p)
    rows = [
        ("kind", labels["kind"], kind_word(party.kind)),
        ("name", labels["name"], party.name),
        ("official_name", labels["official_name"], party.official_name),
        ("full_name", labels["full_name"], party.full_name),
        ("person", labels["person"], person),
        ("inn", labels["inn"], party.inn),
        ("kpp", labels["kpp"], party.kpp),
        ("okpo", labels["okpo"], party.okpo),
        ("okved", labels["okved"], party.okved),
        ("legal_address", labels["legal_address"], party.legal_address),
        (
            "registration_address",
            labels["registration_address"],
            party.registration_address,
        ),
        ("address", labels["address"], party.address),
    ]
    for number, account in enumerate(party.bank_accounts, start=1):
        suffix = f" {number}" if len(party.bank_accounts) > 1 else ""
        rows += [
            (
                f"account{suffix}",
                labels["account"] + suffix,
                account.account,
            ),
            (f"bank{suffix}", labels["bank"] + suffix, account.bank),
            (f"bik{suffix}", labels["bik"] + suffix, account.bik),
            (
                f"corr_account{suffix}",
                labels["corr_account"] + suffix,
                account.corr_account,
            ),
        ]
    rows += [
        ("phones", labels["phone"], ", ".join(party.phones)),
        ("emails", labels["email"], ", ".join(party.emails)),
        ("representatives", labels["representatives"], _representatives(party)),
        ("portal_id", labels["portal_id"], party.id),
    ]
    return [CardRow(key, label, value) for key, label, value in rows if value]


def _representatives(party: Counterparty) -> str:
    return "; ".join(
        " — ".join(p for p in (r.relation, r.name) if p) for r in party.representatives
    )


def onec_card(
    counterparty: DirectoryCounterparty,
    head: DirectoryCounterparty | None = None,
    partner: DirectoryPartner | None = None,
) -> list[CardRow]:
    labels = card_labels()
    branch = translate("CardFields", "да") if counterparty.is_branch else ""
    rows = [
        ("kind", labels["kind"], kind_word(counterparty.kind)),
        ("name", labels["name"], counterparty.description),
        ("full_name", labels["full_name"], counterparty.full_name),
        ("inn", labels["inn"], counterparty.inn),
        ("kpp", labels["kpp"], counterparty.kpp),
        (
            "registration_number",
            labels["ogrn"],
            counterparty.registration_number,
        ),
        ("okpo", labels["okpo"], counterparty.okpo),
        ("is_branch", labels["is_branch"], branch),
        (
            "head",
            labels["head"],
            head.description if head else None,
        ),
        ("partner", labels["partner"], partner.description if partner else None),
        (
            "deletion_mark",
            labels["deletion_mark"],
            translate("CardFields", "да") if counterparty.deletion_mark else "",
        ),
    ]
    return [CardRow(key, label, value) for key, label, value in rows if value]


def differing(party: Counterparty, counterparty: DirectoryCounterparty) -> set[str]:
    """Keys of the fields that both cards fill and that say different things."""
    keys: set[str] = set()
    portal_names = {
        normalize_name(n) for n in (party.name, party.official_name, party.full_name) if n
    }
    onec_names = {normalize_name(n) for n in (counterparty.description, counterparty.full_name)}
    if portal_names and not portal_names & onec_names:
        keys.add("name")
    for key, ours, theirs in (
        ("inn", party.inn, counterparty.inn),
        ("kpp", party.kpp, counterparty.kpp),
        ("okpo", party.okpo, counterparty.okpo),
    ):
        if ours and theirs and ours.strip() != theirs.strip():
            keys.add(key)
    if "name" in keys:
        keys.add("full_name")
        keys.add("official_name")
    return keys
