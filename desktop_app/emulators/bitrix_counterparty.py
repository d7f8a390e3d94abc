"""A buyer's `Контрагент` element as `CSaleExport::ExportContragents` prints it.

Bitrix knows two payer domains. A company (legal entity or entrepreneur) gets
`ОфициальноеНаименование`, `ЮридическийАдрес`, ИНН, КПП, ОКПО (twice: `ОКПО` and `КодПоОКПО`)
and one `РасчетныйСчет` whose `Банк` has a name, an address and a БИК but no correspondent
account. A person gets `ПолноеНаименование`, the name parts and `АдресРегистрации`. Both get
the actual address (`Адрес`), contacts, the contact person and the role.

The portal keeps the legal address as one line plus a few fields (postcode, city, street…);
the fields are recovered here from the line, in Bitrix's order of `АдресноеПоле` types. The
actual address is mapped as a line only, as portals usually configure it.
"""

from __future__ import annotations

import re

from desktop_app.domain.counterparty import Counterparty, CounterpartyKind
from desktop_app.emulators.bitrix_text import Out, element, text

_FIELD_ORDER = (
    "Почтовый индекс",
    "Страна",
    "Регион",
    "Район",
    "Населенный пункт",
    "Город",
    "Улица",
    "Дом",
    "Корпус",
    "Квартира",
)
_POSTCODE = re.compile(r"\d{6}")
_STREET_WORDS = ("ул.", "пр-т", "пер.", "ш.", "наб.", "б-р", "пр-д", "пл.", "проезд", "улица")
_REGION_WORDS = ("обл.", "область", "край", "Респ.", "Республика", "АО")
_FLAT_WORDS = ("кв.", "офис", "оф.", "помещ.", "пом.")


def address_fields(line: str) -> list[tuple[str, str]]:
    """`АдресноеПоле` pairs (type, value) recognised in a one-line Russian address."""
    found: dict[str, str] = {}
    for raw in line.split(","):
        part = raw.strip()
        words = part.split(" ", 1)
        head, rest = words[0], words[1] if len(words) > 1 else ""
        if _POSTCODE.fullmatch(part):
            kind, value = "Почтовый индекс", part
        elif part in ("Россия", "РФ", "Российская Федерация"):
            kind, value = "Страна", "Россия"
        elif head == "г.":
            kind, value = "Город", rest
        elif head in ("д.", "дом"):
            kind, value = "Дом", rest
        elif head in ("корп.", "стр.", "к."):
            kind, value = "Корпус", part
        elif head in _FLAT_WORDS:
            kind, value = "Квартира", part
        elif "р-н" in part or part.endswith(" район"):
            kind, value = "Район", part
        elif head in _STREET_WORDS or part.endswith(_STREET_WORDS):
            kind, value = "Улица", part
        elif any(word in part.split(" ") for word in _REGION_WORDS):
            kind, value = "Регион", part
        else:
            continue
        found.setdefault(kind, value)
    if "Город" in found:
        found.setdefault("Страна", "Россия")
    return [(kind, found[kind]) for kind in _FIELD_ORDER if kind in found]


def _address(out: Out, depth: int, tag: str, line: str | None, *, fields: bool = True) -> None:
    pad = "  " * depth
    out.append(f"{pad}<{tag}>\n")
    element(out, depth + 1, "Представление", text(line or ""))
    for kind, value in address_fields(line or "") if fields else ():
        out.append(f"{pad}  <АдресноеПоле>\n")
        element(out, depth + 2, "Тип", kind)
        element(out, depth + 2, "Значение", text(value))
        out.append(f"{pad}  </АдресноеПоле>\n")
    out.append(f"{pad}</{tag}>\n")


def _is_company(party: Counterparty) -> bool:
    if party.kind in (CounterpartyKind.LEGAL, CounterpartyKind.ENTREPRENEUR):
        return True
    return party.kind is CounterpartyKind.UNKNOWN and bool(party.official_name)


_RENDERED: dict[tuple[int, str], tuple[Counterparty, str]] = {}
_RENDERED_LIMIT = 4096


def counterparty_text(party: Counterparty, version: str) -> str:
    """One `Контрагент` at the depth Bitrix nests it in a `Документ`.

    A buyer's element is the same in all its orders; it is kept by the object's identity
    (the object is held too, so its id cannot be reused while the entry lives).
    """
    key = (id(party), version)
    hit = _RENDERED.get(key)
    if hit is not None and hit[0] is party:
        return hit[1]
    out: Out = []
    render_counterparty(out, party, version)
    rendered = "".join(out)
    if len(_RENDERED) >= _RENDERED_LIMIT:
        _RENDERED.clear()
    _RENDERED[key] = (party, rendered)
    return rendered


def render_counterparty(out: Out, party: Counterparty, version: str) -> None:
    out.append("      <Контрагент>\n")
    element(out, 4, "Ид", text(party.id or ""))
    element(out, 4, "Наименование", text(party.name or ""))
    if _is_company(party):
        _company(out, party)
    else:
        _person(out, party)
    if party.address:  # portals map only the actual address line (F_ADDRESS_FULL)
        _address(out, 4, "Адрес", party.address, fields=False)
    _contacts(out, party, version)
    for person in party.representatives[:1]:  # Bitrix has one CONTACT_PERSON
        out.append("        <Представители>\n          <Представитель>\n")
        out.append("            <Контрагент>\n")
        element(out, 7, "Отношение", text(person.relation or "Контактное лицо"))
        element(out, 7, "Ид", text(person.id or ""))
        element(out, 7, "Наименование", text(person.name or ""))
        out.append("            </Контрагент>\n")
        out.append("          </Представитель>\n        </Представители>\n")
    element(out, 4, "Роль", text(party.role or "Покупатель"))
    out.append("      </Контрагент>\n")


def _company(out: Out, party: Counterparty) -> None:
    element(out, 4, "ОфициальноеНаименование", text(party.official_name or ""))
    _address(out, 4, "ЮридическийАдрес", party.legal_address or party.registration_address)
    for tag, value in (("ИНН", party.inn), ("КПП", party.kpp)):
        if value:
            element(out, 4, tag, text(value))
    if party.okpo:
        element(out, 4, "ОКПО", text(party.okpo))
        element(out, 4, "КодПоОКПО", text(party.okpo))
    for account in party.bank_accounts[:1]:  # Bitrix maps one account per payer type
        out.append("        <РасчетныеСчета>\n          <РасчетныйСчет>\n")
        element(out, 6, "НомерСчета", text(account.account or ""))
        out.append("            <Банк>\n")
        element(out, 7, "Наименование", text(account.bank or ""))
        out.append("              <Адрес>\n")
        element(out, 8, "Представление", "")
        out.append("              </Адрес>\n")
        if account.bik:
            element(out, 7, "БИК", text(account.bik))
        out.append("            </Банк>\n")
        out.append("          </РасчетныйСчет>\n        </РасчетныеСчета>\n")


def _person(out: Out, party: Counterparty) -> None:
    element(out, 4, "ПолноеНаименование", text(party.full_name or ""))
    for tag, value in (
        ("Фамилия", party.surname),
        ("Имя", party.first_name),
        ("Отчество", party.patronymic),
        ("ИНН", party.inn),
        ("КПП", party.kpp),
    ):
        if value:
            element(out, 4, tag, text(value))
    _address(out, 4, "АдресРегистрации", party.registration_address or party.legal_address)


def _contacts(out: Out, party: Counterparty, version: str) -> None:
    """Bitrix writes the phone, then the e-mail, in the words of the schema version."""
    phone = next((c.value for c in party.contacts if c.is_phone and c.value), None)
    email = next((c.value for c in party.contacts if c.is_email and c.value), None)
    if not phone and not email:
        return
    newer = version != "2.05"
    out.append("        <Контакты>\n")
    for value, old, new in (
        (phone, "ТелефонРабочий", "Телефон рабочий"),
        (email, "Почта", "Электронная почта"),
    ):
        if value:
            out.append("          <Контакт>\n")
            element(out, 6, "Тип", new if newer else old)
            element(out, 6, "Значение", text(value))
            out.append("          </Контакт>\n")
    out.append("        </Контакты>\n")
