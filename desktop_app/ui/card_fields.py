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


def tr(text: str) -> str:
    return QCoreApplication.translate("CardFields", text)


@dataclass(frozen=True, slots=True)
class CardRow:
    key: str
    label: str
    value: str


def kind_word(kind: CounterpartyKind) -> str:
    return {
        CounterpartyKind.LEGAL: tr("Юридическое лицо"),
        CounterpartyKind.ENTREPRENEUR: tr("Индивидуальный предприниматель"),
        CounterpartyKind.PERSON: tr("Физическое лицо"),
        CounterpartyKind.UNKNOWN: tr("Вид не определён"),
    }[kind]


def portal_card(party: Counterparty) -> list[CardRow]:
    person = " ".join(p for p in (party.surname, party.first_name, party.patronymic) if p)
    rows = [
        ("kind", tr("Вид"), kind_word(party.kind)),
        ("name", tr("Наименование"), party.name),
        ("official_name", tr("Официальное наименование"), party.official_name),
        ("full_name", tr("Полное наименование"), party.full_name),
        ("person", tr("ФИО"), person),
        ("inn", tr("ИНН"), party.inn),
        ("kpp", tr("КПП"), party.kpp),
        ("okpo", tr("ОКПО"), party.okpo),
        ("okved", tr("ОКВЭД"), party.okved),
        ("legal_address", tr("Юридический адрес"), party.legal_address),
        ("registration_address", tr("Адрес регистрации"), party.registration_address),
        ("address", tr("Адрес"), party.address),
    ]
    for number, account in enumerate(party.bank_accounts, start=1):
        suffix = f" {number}" if len(party.bank_accounts) > 1 else ""
        rows += [
            (f"account{suffix}", tr("Расчётный счёт") + suffix, account.account),
            (f"bank{suffix}", tr("Банк") + suffix, account.bank),
            (f"bik{suffix}", tr("БИК") + suffix, account.bik),
            (f"corr_account{suffix}", tr("Корр. счёт") + suffix, account.corr_account),
        ]
    rows += [
        ("phones", tr("Телефон"), ", ".join(party.phones)),
        ("emails", tr("Эл. почта"), ", ".join(party.emails)),
        ("representatives", tr("Представитель"), _representatives(party)),
        ("portal_id", tr("Ид на портале"), party.id),
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
    branch = tr("да") if counterparty.is_branch else ""
    rows = [
        ("kind", tr("Вид"), kind_word(counterparty.kind)),
        ("name", tr("Наименование"), counterparty.description),
        ("full_name", tr("Полное наименование"), counterparty.full_name),
        ("inn", tr("ИНН"), counterparty.inn),
        ("kpp", tr("КПП"), counterparty.kpp),
        ("registration_number", tr("ОГРН / ОГРНИП"), counterparty.registration_number),
        ("okpo", tr("ОКПО"), counterparty.okpo),
        ("is_branch", tr("Обособленное подразделение"), branch),
        ("head", tr("Головной контрагент"), head.description if head else None),
        ("partner", tr("Партнёр"), partner.description if partner else None),
        ("deletion_mark", tr("Пометка удаления"), tr("да") if counterparty.deletion_mark else ""),
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
