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

translate = QCoreApplication.translate


@dataclass(frozen=True, slots=True)
class CardRow:
    key: str
    label: str
    value: str


def kind_word(kind: CounterpartyKind) -> str:
    return {
        CounterpartyKind.LEGAL: translate("CardFields", "Юридическое лицо"),
        CounterpartyKind.ENTREPRENEUR: translate("CardFields", "Индивидуальный предприниматель"),
        CounterpartyKind.PERSON: translate("CardFields", "Физическое лицо"),
        CounterpartyKind.UNKNOWN: translate("CardFields", "Вид не определён"),
    }[kind]


def portal_card(party: Counterparty) -> list[CardRow]:
    person = " ".join(p for p in (party.surname, party.first_name, party.patronymic) if p)
    rows = [
        ("kind", translate("CardFields", "Вид"), kind_word(party.kind)),
        ("name", translate("CardFields", "Наименование"), party.name),
        ("official_name", translate("CardFields", "Официальное наименование"), party.official_name),
        ("full_name", translate("CardFields", "Полное наименование"), party.full_name),
        ("person", translate("CardFields", "ФИО"), person),
        ("inn", translate("CardFields", "ИНН"), party.inn),
        ("kpp", translate("CardFields", "КПП"), party.kpp),
        ("okpo", translate("CardFields", "ОКПО"), party.okpo),
        ("okved", translate("CardFields", "ОКВЭД"), party.okved),
        ("legal_address", translate("CardFields", "Юридический адрес"), party.legal_address),
        (
            "registration_address",
            translate("CardFields", "Адрес регистрации"),
            party.registration_address,
        ),
        ("address", translate("CardFields", "Адрес"), party.address),
    ]
    for number, account in enumerate(party.bank_accounts, start=1):
        suffix = f" {number}" if len(party.bank_accounts) > 1 else ""
        rows += [
            (
                f"account{suffix}",
                translate("CardFields", "Расчётный счёт") + suffix,
                account.account,
            ),
            (f"bank{suffix}", translate("CardFields", "Банк") + suffix, account.bank),
            (f"bik{suffix}", translate("CardFields", "БИК") + suffix, account.bik),
            (
                f"corr_account{suffix}",
                translate("CardFields", "Корр. счёт") + suffix,
                account.corr_account,
            ),
        ]
    rows += [
        ("phones", translate("CardFields", "Телефон"), ", ".join(party.phones)),
        ("emails", translate("CardFields", "Эл. почта"), ", ".join(party.emails)),
        ("representatives", translate("CardFields", "Представитель"), _representatives(party)),
        ("portal_id", translate("CardFields", "Ид на портале"), party.id),
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
    branch = translate("CardFields", "да") if counterparty.is_branch else ""
    rows = [
        ("kind", translate("CardFields", "Вид"), kind_word(counterparty.kind)),
        ("name", translate("CardFields", "Наименование"), counterparty.description),
        ("full_name", translate("CardFields", "Полное наименование"), counterparty.full_name),
        ("inn", translate("CardFields", "ИНН"), counterparty.inn),
        ("kpp", translate("CardFields", "КПП"), counterparty.kpp),
        (
            "registration_number",
            translate("CardFields", "ОГРН / ОГРНИП"),
            counterparty.registration_number,
        ),
        ("okpo", translate("CardFields", "ОКПО"), counterparty.okpo),
        ("is_branch", translate("CardFields", "Обособленное подразделение"), branch),
        (
            "head",
            translate("CardFields", "Головной контрагент"),
            head.description if head else None,
        ),
        ("partner", translate("CardFields", "Партнёр"), partner.description if partner else None),
        (
            "deletion_mark",
            translate("CardFields", "Пометка удаления"),
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
