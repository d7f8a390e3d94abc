"""Pieces of a generated buyer: names, addresses, phones, requisites and bank accounts.

Numbers are built from their real structure (tax office, subject code, registration year)
and completed with `requisite_keys`, so every ИНН, ОГРН, ОКПО and account key is valid;
addresses and phones are written the ways buyers really type them.
"""

from __future__ import annotations

import hashlib
import random
import uuid
from dataclasses import dataclass

from desktop_app.domain import requisite_keys as rk
from desktop_app.domain.counterparty import BankAccount, Contact, Representative
from desktop_app.emulators import world_names as names

PHONE_TYPE = "ТелефонРабочий"  # the words of the default schema 2.05
EMAIL_TYPE = "Почта"
CONTACT_RELATION = "Контактное лицо"


@dataclass(frozen=True, slots=True)
class PersonName:
    surname: str
    name: str
    patronymic: str

    @property
    def full(self) -> str:
        return f"{self.surname} {self.name} {self.patronymic}"

    @property
    def initials(self) -> str:
        return f"{self.surname} {self.name[0]}.{self.patronymic[0]}."


def person_name(rng: random.Random) -> PersonName:
    female = rng.random() < 0.4
    surname = rng.choice(names.SURNAMES)[female]
    first = rng.choice(names.FEMALE_NAMES if female else names.MALE_NAMES)
    return PersonName(surname, first, rng.choice(names.PATRONYMICS)[female])


def company_stem(rng: random.Random) -> str:
    """The part of a company name inside the quotes: "ТехноСнаб", "Урал-Торг", "Орион Плюс"."""
    roll = rng.random()
    if roll < 0.45:
        return rng.choice(names.NAME_HEADS) + rng.choice(names.NAME_TAILS)
    if roll < 0.65:
        return f"{rng.choice(names.NAME_HEADS)}-{rng.choice(names.NAME_TAILS)}"
    return rng.choice(names.NAME_WORDS) + rng.choice(("", "", "", " Плюс", "-М", " Холдинг"))


def city(rng: random.Random, other_than: str = "") -> names.City:
    cities = [c for c in names.CITIES if c.name != other_than]
    return rng.choices(cities, weights=[c.weight for c in cities])[0]


def digits(rng: random.Random, count: int) -> str:
    return str(rng.randrange(10**count)).zfill(count)


def tax_office(rng: random.Random, place: names.City) -> str:
    return str(rng.randint(*place.tax_offices))


def inn10(rng: random.Random, office: str) -> str:
    return rk.complete_inn10(office + digits(rng, 5))


def inn12(rng: random.Random, office: str) -> str:
    return rk.complete_inn12(office + digits(rng, 6))


def ogrn(rng: random.Random, place: names.City) -> str:
    """Sign (1, or 5 for later records), registration year, subject, record number."""
    year = rng.randint(2, 24)
    return rk.complete_ogrn(f"{rng.choice('1115')}{year:02d}{place.subject}{digits(rng, 7)}")


def ogrnip(rng: random.Random, place: names.City) -> str:
    return rk.complete_ogrnip(f"3{rng.randint(4, 24):02d}{place.subject}{digits(rng, 9)}")


def okpo(rng: random.Random, length: int) -> str:
    """8 digits for a legal entity, 10 for an entrepreneur or a branch."""
    return rk.complete_okpo(str(rng.randint(1, 9)) + digits(rng, length - 2))


def address(rng: random.Random, place: names.City, *, flat: bool) -> str:
    """A postal-style address: "119021, г. Москва, ул. Садовая, д. 11, стр. 2, офис 305"."""
    parts = [str(rng.randint(*place.postcodes))]
    if rng.random() < 0.15:
        parts.append("Россия")
    if place.area:
        parts.append(place.area)
    parts += [f"г. {place.name}", rng.choice(names.STREETS)]
    parts.append(f"д. {rng.randint(1, 140)}{rng.choice(('', '', '', 'А', 'Б', '/2'))}")
    if rng.random() < 0.3:
        parts.append(rng.choice(("корп. ", "стр. ")) + str(rng.randint(1, 9)))
    if flat:
        parts.append(f"кв. {rng.randint(1, 320)}")
    elif rng.random() < 0.6:
        parts.append(f"{rng.choice(names.OFFICE_WORDS[:3])} {rng.randint(1, 540)}")
    return ", ".join(parts)


def phone(rng: random.Random, place: names.City) -> str:
    """Mostly "+7 (495) 123-45-67"; sometimes "8 (…)", a bare "+7…" or a mobile number."""
    if rng.random() < 0.25:
        code, style = f"9{digits(rng, 2)}", 0
    else:
        code, style = rng.choice(place.phone_codes), rng.randrange(3)
    rest = digits(rng, 10 - len(code))
    grouped = f"{rest[:-4]}-{rest[-4:-2]}-{rest[-2:]}"
    return (f"+7 ({code}) {grouped}", f"8 ({code}) {grouped}", f"+7{code}{rest}")[style]


def bank_account(rng: random.Random, place: names.City, prefix: str) -> BankAccount:
    """An account (40702 for companies, 40802 for entrepreneurs) in a local or federal bank."""
    local = [b for b in names.BANKS if b.city == place.name]
    federal = [b for b in names.BANKS if not b.city]
    bank = rng.choice(local if local and rng.random() < 0.5 else federal)
    account = rk.complete_account(bank.bik, f"{prefix}8100{digits(rng, 11)}")
    corr = rk.complete_corr_account(bank.bik, f"30101810000000000{bank.bik[-3:]}")
    return BankAccount(account=account, bank=bank.name, bik=bank.bik, corr_account=corr)


def contacts(phone_number: str, email: str) -> tuple[Contact, ...]:
    return (Contact(PHONE_TYPE, phone_number), Contact(EMAIL_TYPE, email))


def representative(full_name: str) -> Representative:
    """Bitrix identifies a contact person by the md5 of the name in the site's charset."""
    data = full_name.encode("cp1251", "xmlcharrefreplace")
    digest = hashlib.md5(data, usedforsecurity=False).hexdigest()
    return Representative(relation=CONTACT_RELATION, name=full_name, id=digest)


def user_xml_id(
    rng: random.Random, user_id: int, login: str, person: PersonName, known: bool
) -> str:
    """1C's GUID for users 1C sent to the site; otherwise Bitrix's `ID#LOGIN#Фамилия Имя …`.

    Bitrix cuts the text at 40 characters and keeps the space before an empty second name.
    """
    if known and rng.random() < 0.4:
        return str(uuid.UUID(int=rng.getrandbits(128), version=4))
    second = person.patronymic if rng.random() < 0.5 else ""
    return f"{user_id}#{login}#{person.surname} {person.name} {second}"[:40]


def company_email(rng: random.Random, domain: str, person: PersonName) -> tuple[str, str]:
    """(e-mail, login): a company box or an employee's free mailbox; logins are often e-mails."""
    if rng.random() < 0.2:
        box = f"{names.translit(person.name)[0]}.{names.translit(person.surname)}"
        email = f"{box}@{rng.choice(names.FREE_EMAIL_DOMAINS)}"
    else:
        email = f"{rng.choice(names.COMPANY_EMAIL_BOXES)}@{domain}"
    login = email if rng.random() < 0.6 else f"{domain.split('.')[0]}{rng.randint(1, 99)}"
    return email, login
