"""The emulated УТ 11's directory, seeded from the same World as the portal emulator.

- The seller: two organisations (the trading house whose portal it is, and a regional
  company) with their bank accounts.
- Each buyer the world marks `known_in_onec`: a partner and a counterparty with its contact
  information. A branch (обособленное подразделение) is a counterparty of its own — same
  ИНН, its own КПП, `ОбособленноеПодразделение` = true, `ГоловнойКонтрагент_Key` = the head
  (empty when 1C does not know the head) — under the head's partner, since in УТ 11 a
  partner owns its counterparties. Managers typed some names their own way ("ТехноСнаб ООО"
  for `ООО "ТехноСнаб"`), as real directories have them.
- Each partner has an access group (seed_reference.py); some came from 1C's site exchange.
- The kinds of contact information and the partner access groups (seed_reference.py).
- Portal orders that 1C's own exchange imported become Document_ЗаказКлиента (order.py). 1C
  knows a buyer's legal entity by its requisites, not by the portal's `Контрагент/Ид`: that
  is the portal user's, the same for every company the user orders for (see world_buyers),
  so `known` is keyed on the entity (`domain.legal_entity_key`) — a user's first company
  known to 1C does not make the orders of their second one filled.

Everything is a pure function of the world's seed.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from desktop_app.domain.counterparty import Counterparty, CounterpartyKind
from desktop_app.domain.legal_entity_key import legal_entity_key
from desktop_app.emulators import world_names as names
from desktop_app.emulators import world_requisites as req
from desktop_app.emulators.onec import refs, seed_records, seed_reference
from desktop_app.emulators.onec.schema import BANK_ACCOUNT_SET, ORGANIZATION_SET
from desktop_app.emulators.onec.seed_records import CounterpartyCard, Row
from desktop_app.emulators.world import World
from desktop_app.emulators.world_buyers import Buyer

_LEGAL_FORMS = {
    CounterpartyKind.LEGAL: "ЮрЛицо",
    CounterpartyKind.ENTREPRENEUR: "ИндивидуальныйПредприниматель",
    CounterpartyKind.PERSON: "ФизЛицо",
}
DIRECTORY_START = dt.datetime(2020, 1, 15, 10, 0)
SELLERS = (
    ('ТД "Снабжение"', 'Общество с ограниченной ответственностью "Торговый дом "Снабжение"',
     "ТД", 'ООО "ТД "Снабжение"'),
    ('Снабжение-Регион АО', 'Акционерное общество "Снабжение-Регион"', "СР",
     'АО "Снабжение-Регион"'),
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class KnownBuyer:
    """Where 1C keeps a buyer: its counterparty and the partner that owns it."""

    counterparty: str
    partner: str
    manager: str


@dataclass(slots=True)
class SeededDirectory:
    organizations: list[Row]
    bank_accounts: list[Row]
    partners: list[Row]
    counterparties: list[Row]
    known: dict[str, KnownBuyer]
    """The buyer's legal entity key (`LegalEntityKey.text`) → its place in 1C."""
    last_ticks: int
    contact_kinds: list[Row]
    access_groups: list[Row]


def seed_directory(world: World) -> SeededDirectory:
    rng = random.Random(world.seed * 7_919 + 1)  # noqa: S311 - reproducible test data
    organizations, accounts = _sellers(rng)
    partners: list[Row] = []
    counterparties: list[Row] = []
    known: dict[str, KnownBuyer] = {}
    by_index: dict[int, KnownBuyer] = {}
    moment = refs.ticks(DIRECTORY_START)
    for index, buyer in enumerate(world.buyers):
        if not buyer.known_in_onec:
            continue
        moment += rng.randrange(2, 9) * 86_400 * refs.TICKS_PER_SECOND
        head = by_index.get(buyer.head) if buyer.head is not None else None
        manager = rng.choice(seed_records.MANAGERS)
        if head is None:
            partner_ref = refs.ref_from_ticks(moment)
            partners.append(_partner(rng, buyer, partner_ref, len(partners) + 1, manager))
        else:
            partner_ref, manager = head.partner, head.manager
        ref = refs.ref_from_ticks(moment + refs.TICKS_PER_SECOND)
        head_ref = head.counterparty if head else (refs.EMPTY_REF if buyer.is_branch else None)
        counterparties.append(_counterparty(rng, buyer, ref, partner_ref, head_ref))
        place = KnownBuyer(ref, partner_ref, manager)
        by_index[index] = place
        key = legal_entity_key(buyer.counterparty)
        if key is not None:
            known[key.text] = place
    return SeededDirectory(
        organizations,
        accounts,
        partners,
        counterparties,
        known,
        moment,
        seed_reference.contact_kinds(),
        seed_reference.access_groups(),
    )


def _sellers(rng: random.Random) -> tuple[list[Row], list[Row]]:
    organizations: list[Row] = []
    accounts: list[Row] = []
    for number, (short, full, prefix, abbreviated) in enumerate(SELLERS, start=1):
        place = req.city(rng) if number > 1 else names.CITIES[0]  # the head office: Москва
        office = req.tax_office(rng, place)
        ref = refs.ref_from_ticks(refs.ticks(dt.datetime(2019, 1, 20 + number)))
        row = seed_records.blank(ORGANIZATION_SET)
        row.update(
            {
                "Ref_Key": ref,
                "DataVersion": refs.data_version(rng.randint(3, 20)),
                "Description": short,
                "Префикс": prefix,
                "НаименованиеПолное": full,
                "НаименованиеСокращенное": abbreviated,
                "ЮрФизЛицо": "ЮрЛицо",
                "ИНН": req.inn10(rng, office),
                "КПП": f"{office}01001",
                "ОГРН": req.ogrn(rng, place),
                "КодПоОКПО": req.okpo(rng, 8),
                "ГоловнаяОрганизация_Key": ref,
                "ЮридическийАдрес": req.address(rng, place, flat=False),
            }
        )
        organizations.append(row)
        bank = req.bank_account(rng, place, "40702")
        account = seed_records.blank(BANK_ACCOUNT_SET)
        account.update(
            {
                "Ref_Key": refs.ref_from_ticks(refs.ticks(dt.datetime(2019, 1, 25 + number))),
                "DataVersion": refs.data_version(rng.randint(1, 5)),
                "Description": f"{bank.account}, {bank.bank}",
                "Owner_Key": ref,
                "НомерСчета": bank.account or "",
                "РучноеИзменениеРеквизитовБанка": True,
                "БИКБанка": bank.bik or "",
                "КоррСчетБанка": bank.corr_account or "",
                "НаименованиеБанка": bank.bank or "",
                "ГородБанка": place.name,
                "ВалютаДенежныхСредств_Key": seed_records.CURRENCY_RUB,
            }
        )
        accounts.append(account)
    return organizations, accounts


def _partner(rng: random.Random, buyer: Buyer, ref: str, code: int, manager: str) -> Row:
    party = buyer.counterparty
    private = party.kind is CounterpartyKind.PERSON
    group, comment = seed_reference.partner_access(code)
    return seed_records.partner(
        ref,
        _description(rng, party),
        full_name=party.official_name or party.full_name or party.display_name,
        private=private,
        code=f"00-{code:08d}",
        registered=DIRECTORY_START,
        version=rng.randint(1, 9),
        manager=manager,
        access_group=group,
        comment=comment,
    )


def _counterparty(
    rng: random.Random, buyer: Buyer, ref: str, partner: str, head: str | None
) -> Row:
    party = buyer.counterparty
    card = CounterpartyCard(
        description=_description(rng, party),
        full_name=party.official_name or party.full_name or party.display_name,
        legal_form=_LEGAL_FORMS.get(party.kind, "ЮрЛицо"),
        inn=party.inn or "",
        kpp=party.kpp or "",
        okpo=party.okpo or "",
        registration_number=buyer.ogrn or "",
    )
    row = seed_records.counterparty(
        ref, card, partner=partner, version=rng.randint(1, 14), head=head, branch=buyer.is_branch
    )
    legal = party.legal_address or party.registration_address
    row["КонтактнаяИнформация"] = seed_records.contact_rows(
        ref, (legal, party.address, buyer.phone, buyer.email)
    )
    return row


def _description(rng: random.Random, party: Counterparty) -> str:
    """The name as a manager typed it: mostly the portal's, sometimes `ТехноСнаб ООО`."""
    name = party.display_name
    form, _, rest = name.partition(" ")
    if party.kind is CounterpartyKind.LEGAL and rest and rng.random() < 0.2:
        stem = rest.strip('"«»')
        if stem and '"' not in stem:
            return f"{stem} {form}"
    return name
