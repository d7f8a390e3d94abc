"""The portal's buyers: legal entities, their branches, entrepreneurs and private persons.

A buyer carries the counterparty as the portal exports it, what the portal knows about the
user behind it (id, login), the payer type's own order properties, and whether 1C already
knows the counterparty: the 1C emulator seeds its directory from the known ones, so about
60 % of the buyers map by themselves and the rest are new legal entities to review.

A buyer here is a legal entity (a payer profile), not a portal user. B2B users order for
several legal entities — an ООО today, the director's ИП tomorrow — and Bitrix writes the
*user's* XML_ID as `Контрагент/Ид` for every one of them: `CSaleExport::getUserXmlId`
(modules/sale/general/export.php of bitrix-core-business) takes the order's
`USER_XML_ID`, else `USER_ID#LOGIN#LAST_NAME NAME SECOND_NAME` cut to 40 characters and saved
back to the user (`updateEmptyUserXmlId`); `ExportContragents` prints it as `Ид` whatever the
payer profile. So some users here order for two or three legal entities under one `Ид`: the
first one 1C may know, the later ones it does not (`SHARED_SHARE`, `MAX_ENTITIES_PER_USER`).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from enum import StrEnum

from desktop_app.domain.counterparty import Counterparty, CounterpartyKind
from desktop_app.domain.order import OrderProperty
from desktop_app.emulators import world_names as names
from desktop_app.emulators import world_requisites as req

KNOWN_SHARE = 0.6
BUYER_ROLE = "Покупатель"
SHARED_SHARE = 0.3
"""Of the companies 1C does not know, how many belong to a user who already ordered for
another company (the first such company of a world always does, so that every world of a
few companies has the case)."""
MAX_ENTITIES_PER_USER = 3


class PayerType(StrEnum):
    """Bitrix payer types (PERSON_TYPE) of the portal, each with its own order properties."""

    LEGAL = "Юридическое лицо"
    ENTREPRENEUR = "Индивидуальный предприниматель"
    PERSON = "Физическое лицо"


@dataclass(frozen=True, slots=True)
class Buyer:
    counterparty: Counterparty
    payer_type: PayerType
    ogrn: str | None  # ОГРН, or ОГРНИП of an entrepreneur
    known_in_onec: bool
    user_id: int
    login: str
    email: str
    phone: str
    contact_person: str
    city: str
    head: int | None  # for a branch: index of its head organisation in `World.buyers`
    order_properties: tuple[OrderProperty, ...]  # the payer type's own properties, filled
    weight: float  # how often this buyer orders, relative to the others

    @property
    def is_branch(self) -> bool:
        return self.head is not None


def generate_buyers(rng: random.Random, count: int) -> tuple[Buyer, ...]:
    """`count` buyers in registration order; branches come after their head organisation.

    The first legal entities take the names of `SPECIAL_NAMES`, so every world has a `"`,
    a `'` and an `&` in a company name.
    """
    if count < 2:
        raise ValueError(f"a world needs at least 2 buyers (a company and a person): {count}")
    persons = max(1, round(count * 0.10))
    entrepreneurs = round(count * 0.20)
    branches = round(count * 0.08) if count >= 10 else 0
    legal = max(1, count - persons - entrepreneurs - branches)
    kinds = [PayerType.LEGAL] * legal + [PayerType.ENTREPRENEUR] * entrepreneurs
    kinds += [PayerType.PERSON] * persons
    rng.shuffle(kinds)
    known = _known_flags(rng, kinds, branches)
    specials = list(names.SPECIAL_NAMES)
    user_id = rng.randint(2, 40)
    buyers: list[Buyer] = []
    users: list[tuple[_User, list[int]]] = []  # company users and their entities' indexes
    for kind, is_known in zip(kinds, known, strict=False):
        user_id += rng.randint(1, 30)
        if kind is PayerType.PERSON:
            buyers.append(_person(rng, user_id))
            continue
        owner = _owner(rng, users, is_known)
        user = owner[0] if owner is not None else None
        if kind is PayerType.LEGAL:
            stem = specials.pop(0) if specials else req.company_stem(rng)
            made = _legal(rng, user_id, is_known, stem, user)
        else:
            made = _entrepreneur(rng, user_id, is_known, user)
        if owner is not None:
            owner[1].append(len(buyers))
        else:
            users.append((made[1], [len(buyers)]))
        buyers.append(made[0])
    heads = [i for i, b in enumerate(buyers) if b.payer_type is PayerType.LEGAL]
    for is_known in known[len(kinds) :]:
        user_id += rng.randint(1, 30)
        buyers.append(_branch(rng, user_id, is_known, buyers, rng.choice(heads)))
    return tuple(buyers)


def _owner(
    rng: random.Random, users: list[tuple[_User, list[int]]], is_known: bool
) -> tuple[_User, list[int]] | None:
    """The earlier user a company 1C does not know belongs to, if it does (see
    `SHARED_SHARE`); users whose first company 1C knows come first."""
    if is_known:
        return None
    room = [u for u in users if len(u[1]) < MAX_ENTITIES_PER_USER]
    if not room:
        return None
    first_case = all(len(u[1]) == 1 for u in users)
    if not first_case and rng.random() >= SHARED_SHARE:
        return None
    return rng.choice([u for u in room if u[0].known] or room)


def _known_flags(rng: random.Random, kinds: list[PayerType], branches: int) -> list[bool]:
    """Persons are known (1C keeps them); of the companies, enough to make ~60 % known."""
    total = len(kinds) + branches
    persons = {i for i, k in enumerate(kinds) if k is PayerType.PERSON}
    companies = [i for i in range(total) if i not in persons]
    want = max(0, round(total * KNOWN_SHARE) - len(persons))
    chosen = persons | set(rng.sample(companies, min(want, len(companies))))
    return [i in chosen for i in range(total)]


def _props(*pairs: tuple[str, str | None]) -> tuple[OrderProperty, ...]:
    return tuple(OrderProperty(name, (value,)) for name, value in pairs if value)


@dataclass(frozen=True, slots=True)
class _User:
    """The portal account an order comes from, and the person behind it."""

    user_id: int
    login: str
    email: str
    phone: str
    contact: req.PersonName
    place: names.City
    known: bool
    """Whether 1C knows the user's first company (1C then sent the user to the site)."""
    xml_id: str
    """`Контрагент/Ид` of every order of this user, whichever company it is for."""

    @classmethod
    def make(
        cls,
        rng: random.Random,
        user_id: int,
        login: str,
        email: str,
        contact: req.PersonName,
        place: names.City,
        known: bool,
    ) -> _User:
        xml_id = req.user_xml_id(rng, user_id, login, contact, known)
        return cls(user_id, login, email, req.phone(rng, place), contact, place, known, xml_id)

    def contact_properties(self) -> tuple[OrderProperty, ...]:
        pairs = (("Контактное лицо", self.contact.full), ("Телефон", self.phone))
        return _props(*pairs, ("E-mail", self.email))


def _company(
    rng: random.Random,
    user: _User,
    *,
    kind: CounterpartyKind,
    names_: tuple[str, str | None],
    numbers: tuple[str | None, str | None, str],
    addresses: tuple[str | None, str | None],
    account_prefix: str,
) -> Counterparty:
    """A legal entity or an entrepreneur as Bitrix's ENTITY payer domain exports it.

    `names_` is (name, official name), `numbers` (ИНН, КПП, ОКПО), `addresses` (legal, actual).
    """
    (name, official_name), (inn, kpp, okpo), (legal_address, address) = names_, numbers, addresses
    return Counterparty(
        id=user.xml_id,
        name=name,
        official_name=official_name,
        full_name=None,
        kind=kind,
        role=BUYER_ROLE,
        inn=inn,
        kpp=kpp,
        okpo=okpo,
        surname=None,
        first_name=None,
        patronymic=None,
        legal_address=legal_address,
        registration_address=None,
        address=address,
        contacts=req.contacts(user.phone, user.email),
        bank_accounts=(req.bank_account(rng, user.place, account_prefix),),
        representatives=(req.representative(user.contact.full),),
    )


def _buyer(
    rng: random.Random,
    party: Counterparty,
    payer_type: PayerType,
    ogrn: str | None,
    user: _User,
    properties: tuple[OrderProperty, ...],
    head: int | None = None,
    *,
    known: bool,
) -> Buyer:
    return Buyer(
        counterparty=party,
        payer_type=payer_type,
        ogrn=ogrn,
        known_in_onec=known,
        user_id=user.user_id,
        login=user.login,
        email=user.email,
        phone=user.phone,
        contact_person=user.contact.full,
        city=user.place.name,
        head=head,
        order_properties=properties,
        weight=min(rng.paretovariate(1.5), 6.0),  # a few big regular buyers, none dominant
    )


def _company_user(
    rng: random.Random, user_id: int, known: bool, domain: str, place: names.City
) -> _User:
    contact = req.person_name(rng)
    email, login = req.company_email(rng, domain, contact)
    return _User.make(rng, user_id, login, email, contact, place, known)


def _legal(
    rng: random.Random, user_id: int, known: bool, stem: str, user: _User | None
) -> tuple[Buyer, _User]:
    """An ООО (or another form); `user`: the portal user who already ordered for another
    company, else a new one."""
    place = user.place if user is not None else req.city(rng)
    office = req.tax_office(rng, place)
    inn = req.inn10(rng, office)
    kpp_office = office if rng.random() < 0.9 else req.tax_office(rng, place)
    kpp = kpp_office + rng.choice(("01", "01", "01", "01", "50")) + "001"
    ogrn = req.ogrn(rng, place)
    forms = names.LEGAL_FORMS
    short, full, _ = rng.choices(forms, weights=[f[2] for f in forms])[0]
    quoted = f"«{stem}»" if rng.random() < 0.2 and '"' not in stem else f'"{stem}"'
    if user is None:
        domain = (names.translit(stem) or "company") + ".ru"
        user = _company_user(rng, user_id, known, domain, place)
    delivery = req.address(rng, place, flat=False) if rng.random() < 0.3 else None
    party = _company(
        rng,
        user,
        kind=CounterpartyKind.LEGAL,
        names_=(f"{short} {quoted}", f"{full} {quoted}"),
        numbers=(inn, kpp, req.okpo(rng, 8)),
        addresses=(req.address(rng, place, flat=False), delivery),
        account_prefix="40702",
    )
    own = _props(("ИНН", inn), ("КПП", kpp), ("ОГРН", ogrn)) + user.contact_properties()
    return _buyer(rng, party, PayerType.LEGAL, ogrn, user, own, known=known), user


def _branch(rng: random.Random, user_id: int, known: bool, buyers: list[Buyer], head: int) -> Buyer:
    """An обособленное подразделение: the head's ИНН and ОГРН, its own КПП, city and user."""
    parent = buyers[head]
    top = parent.counterparty
    place = req.city(rng, other_than=parent.city)
    taken = {b.counterparty.kpp for b in buyers if b.counterparty.inn == top.inn}
    office = req.tax_office(rng, place)
    serial = 1
    while f"{office}43{serial:03d}" in taken:
        serial += 1
    kpp = f"{office}43{serial:03d}"
    user = _company_user(rng, user_id, known, parent.email.rpartition("@")[2], place)
    name = top.name or ""
    if rng.random() < 0.5:
        name = f"{name} (обособленное подразделение, г. {place.name})"
    party = _company(
        rng,
        user,
        kind=CounterpartyKind.LEGAL,
        names_=(name, top.official_name),
        numbers=(top.inn, kpp, req.okpo(rng, 10)),
        addresses=(top.legal_address, req.address(rng, place, flat=False)),
        account_prefix="40702",
    )
    own = _props(("ИНН", top.inn), ("КПП", kpp), ("ОГРН", parent.ogrn))
    return _buyer(
        rng, party, PayerType.LEGAL, parent.ogrn, user, own + user.contact_properties(), head,
        known=known,
    )  # fmt: skip


def _entrepreneur(
    rng: random.Random, user_id: int, known: bool, user: _User | None
) -> tuple[Buyer, _User]:
    """An ИП; for a `user` who already ordered for a company, that user's contact person
    registered as an entrepreneur (the director's own ИП beside the ООО)."""
    place = user.place if user is not None else req.city(rng)
    person = user.contact if user is not None else req.person_name(rng)
    inn = req.inn12(rng, req.tax_office(rng, place))
    ogrnip = req.ogrnip(rng, place)
    short = f"ИП {person.full if rng.random() < 0.7 else person.initials}"
    if user is None:
        box = f"{names.translit(person.surname)}.{names.translit(person.name)[:1]}"
        email = f"{box}@{rng.choice(names.FREE_EMAIL_DOMAINS)}"
        login = email if rng.random() < 0.7 else names.translit(person.surname) + str(user_id)
        user = _User.make(rng, user_id, login, email, person, place, known)
    party = _company(
        rng,
        user,
        kind=CounterpartyKind.ENTREPRENEUR,
        names_=(short, f"Индивидуальный предприниматель {person.full}"),
        numbers=(inn, None, req.okpo(rng, 10)),
        addresses=(req.address(rng, place, flat=True), None),
        account_prefix="40802",
    )
    own = _props(("ИНН", inn), ("ОГРНИП", ogrnip)) + user.contact_properties()
    return _buyer(rng, party, PayerType.ENTREPRENEUR, ogrnip, user, own, known=known), user


def _person(rng: random.Random, user_id: int) -> Buyer:
    place = req.city(rng)
    person = req.person_name(rng)
    box = f"{names.translit(person.name)}.{names.translit(person.surname)}{rng.randint(1, 99)}"
    email = f"{box}@{rng.choice(names.FREE_EMAIL_DOMAINS)}"
    xml_id = f"{user_id}#{email}#{person.full}"[:40]
    user = _User(user_id, email, email, req.phone(rng, place), person, place, True, xml_id)
    party = Counterparty(
        id=user.xml_id,
        name=person.full,
        official_name=None,
        full_name=person.full,
        kind=CounterpartyKind.PERSON,
        role=BUYER_ROLE,
        inn=None,
        kpp=None,
        okpo=None,
        surname=person.surname,
        first_name=person.name,
        patronymic=person.patronymic,
        legal_address=None,
        registration_address=req.address(rng, place, flat=True) if rng.random() < 0.8 else None,
        address=None,
        contacts=req.contacts(user.phone, email),
    )
    own = _props(("Телефон", user.phone), ("E-mail", email))
    return _buyer(rng, party, PayerType.PERSON, None, user, own, known=True)
