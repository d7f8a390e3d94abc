"""Objects of the emulated УТ 11 as 1C sends them: every property present, in metadata order.

1C answers with the whole object — each attribute, filled or not (an unfilled one has its
type's empty value), and every tabular section, empty or not (the БП sample has
`"КонтактнаяИнформация": []`). These builders make such objects for the seed and for the
generated range; `blank` is also the start of an object a POST creates.

References to the items a base is set up with (kinds of contact information — published,
seed_reference.py — the currency, the agreement, the warehouse, managers) are fixed GUIDs
below, as a real base's predefined and standard items are.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from desktop_app.emulators.onec import refs, values
from desktop_app.emulators.onec.schema import (
    COUNTERPARTY_SET,
    PARTNER_SET,
    PROPERTY_KIND_SET,
    EntitySet,
    Section,
)

Row = dict[str, Any]


def fixed_ref(day: int, serial: int) -> str:
    """A reference made when the base was set up (2019), with a serial number."""
    return refs.ref_from_ticks(refs.ticks(dt.datetime(2019, 1, day)) + serial)


KIND_LEGAL_ADDRESS = fixed_ref(9, 1)
"""Вид_Key «Юридический адрес» (ЮрАдресКонтрагента)."""
KIND_ACTUAL_ADDRESS = fixed_ref(9, 2)
"""Вид_Key «Фактический адрес» (ФактАдресКонтрагента)."""
KIND_PHONE = fixed_ref(9, 3)
"""Вид_Key «Телефон» (ТелефонКонтрагента)."""
KIND_EMAIL = fixed_ref(9, 4)
"""Вид_Key «Адрес электронной почты» (EmailКонтрагента)."""
COUNTRY_RUSSIA = fixed_ref(9, 5)
CURRENCY_RUB = fixed_ref(10, 1)
AGREEMENT_STANDARD = fixed_ref(10, 2)
"""Соглашение_Key of the standard agreement the site exchange puts on every order."""
WAREHOUSE_MAIN = fixed_ref(10, 3)
PRICE_KIND_WHOLESALE = fixed_ref(10, 4)
MANAGERS = tuple(fixed_ref(11, n) for n in range(1, 5))
"""Catalog_Пользователи references of the sales managers."""
VAT_RATES = {rate: fixed_ref(12, int(rate or 0)) for rate in ("22", "20", "10", "")}
"""Catalog_СтавкиНДС references; "" is «Без НДС»."""
UNKNOWN_PARTNER = fixed_ref(8, 3)
"""The predefined partner НеизвестныйПартнер (Catalogs/Партнеры/Ext/Predefined.xml of the УТ
11.5.20.68 dump: code УТ-00000003, «Неизвестный партнер»), which 1C's site exchange gives the
counterparties it creates (ОбменССайтамиУТ.СоздатьКонтрагента)."""
ORDER_PROPERTY_SET = fixed_ref(14, 1)
"""Catalog_НаборыДополнительныхРеквизитовИСведений «Документ Заказ клиента»."""
SITE_NUMBER_PROPERTY = fixed_ref(14, 2)
"""The additional attribute «Номер заказа на сайте» a 1C administrator made for the exchange."""
SITE_DATE_PROPERTY = fixed_ref(14, 3)
"""The additional attribute «Дата заказа на сайте»."""


_TEMPLATES: dict[str, tuple[tuple[str, Any], ...]] = {}


def blank(definition: EntitySet) -> Row:
    """An object of the set with every property at its empty value and empty sections."""
    template = _TEMPLATES.get(definition.name)
    if template is None:
        template = tuple((p.name, values.empty(p)) for p in definition.props)
        _TEMPLATES[definition.name] = template
    row: Row = dict(template)
    for section in definition.sections:
        row[section.name] = []
    return row


_ROW_TEMPLATES: dict[str, Row] = {}


def row_of(section: Section, ref: str, line: int, **filled: Any) -> Row:
    """One tabular-section row: Ref_Key and LineNumber first (LineNumber as a string)."""
    template = _ROW_TEMPLATES.get(section.name)
    if template is None:
        template = {"Ref_Key": "", "LineNumber": ""}
        template.update({p.name: values.empty(p) for p in section.props})
        _ROW_TEMPLATES[section.name] = template
    row = template.copy()
    row["Ref_Key"], row["LineNumber"] = ref, str(line)
    row.update(filled)
    return row


@dataclass(frozen=True, slots=True)
class CounterpartyCard:
    description: str
    full_name: str
    legal_form: str
    """ЮрФизЛицо: ЮрЛицо, ФизЛицо, ИндивидуальныйПредприниматель, ЮрЛицоНеРезидент."""
    inn: str
    kpp: str
    okpo: str
    registration_number: str


def counterparty(
    ref: str,
    card: CounterpartyCard,
    *,
    partner: str,
    version: int,
    head: str | None = None,
    branch: bool = False,
) -> Row:
    """A Catalog_Контрагенты object. A head organisation is its own ГоловнойКонтрагент, as in
    the real БП 3.0 sample (`ГоловнойКонтрагент_Key` equal to `Ref_Key`)."""
    row = blank(COUNTERPARTY_SET)
    person = card.legal_form in ("ФизЛицо", "ИндивидуальныйПредприниматель")
    row.update(
        {
            "Ref_Key": ref,
            "DataVersion": refs.data_version(version),
            "Description": card.description[:100],
            "НаименованиеПолное": card.full_name,
            "ОбособленноеПодразделение": branch,
            "ЮридическоеФизическоеЛицо": "ФизическоеЛицо" if person else "ЮридическоеЛицо",
            "СтранаРегистрации_Key": COUNTRY_RUSSIA,
            "ГоловнойКонтрагент_Key": head or ref,
            "ИНН": card.inn,
            "КПП": card.kpp,
            "Партнер_Key": partner,
            "ЮрФизЛицо": card.legal_form,
            "КодПоОКПО": card.okpo,
            "РегистрационныйНомер": card.registration_number,
        }
    )
    return row


def contact_rows(ref: str, contacts: tuple[str | None, str | None, str, str]) -> list[Row]:
    """КонтактнаяИнформация rows: (legal address, actual address, phone, e-mail)."""
    legal, actual, phone, email = contacts
    section = COUNTERPARTY_SET.sections[0]
    rows: list[Row] = []
    for kind, address in ((KIND_LEGAL_ADDRESS, legal), (KIND_ACTUAL_ADDRESS, actual)):
        if address:
            rows.append(
                row_of(
                    section,
                    ref,
                    len(rows) + 1,
                    Тип="Адрес",
                    Вид_Key=kind,
                    Представление=address,
                    Страна="РОССИЯ",
                )
            )
    if phone:
        digits = "".join(c for c in phone if c.isdigit())
        rows.append(
            row_of(
                section,
                ref,
                len(rows) + 1,
                Тип="Телефон",
                Вид_Key=KIND_PHONE,
                Представление=phone,
                НомерТелефона="+7" + digits[-10:],
                НомерТелефонаБезКодов=digits[-7:],
            )
        )
    if email:
        rows.append(
            row_of(
                section,
                ref,
                len(rows) + 1,
                Тип="АдресЭлектроннойПочты",
                Вид_Key=KIND_EMAIL,
                Представление=email,
                АдресЭП=email,
                ДоменноеИмяСервера=email.rpartition("@")[2],
            )
        )
    return rows


def partner(
    ref: str,
    name: str,
    *,
    full_name: str,
    private: bool,
    code: str,
    registered: dt.datetime,
    version: int,
    manager: str = refs.EMPTY_REF,
    access_group: str = refs.EMPTY_REF,
    comment: str = "",
) -> Row:
    """A Catalog_Партнеры object: a client (Клиент = true), a company or a private person."""
    row = blank(PARTNER_SET)
    row.update(
        {
            "Ref_Key": ref,
            "DataVersion": refs.data_version(version),
            "Description": name[:100],
            "Code": code,
            "НаименованиеПолное": full_name,
            "ЮрФизЛицо": "ЧастноеЛицо" if private else "Компания",
            "Клиент": True,
            "ОсновнойМенеджер_Key": manager,
            "ГруппаДоступа_Key": access_group,
            "ДатаРегистрации": values.format_datetime(registered),
            "Комментарий": comment,
        }
    )
    return row


def unknown_partner(access_group: str = refs.EMPTY_REF) -> Row:
    """The predefined «Неизвестный партнер» every УТ 11 base has (in the group of the site
    exchange's partners here: the exchange puts the orders of new buyers under it)."""
    row = partner(
        UNKNOWN_PARTNER,
        "Неизвестный партнер",
        full_name="",
        private=False,
        code="УТ-00000003",
        registered=dt.datetime(2019, 1, 8),
        version=1,
        access_group=access_group,
    )
    row.update({"Predefined": True, "PredefinedDataName": "НеизвестныйПартнер", "Клиент": False})
    row["ДатаРегистрации"] = values.EMPTY_DATE
    return row


def property_kinds() -> list[Row]:
    """«Номер заказа на сайте» and «Дата заказа на сайте»: additional attributes (not
    additional information: ЭтоДополнительноеСведение = false, as the exchange node's choice
    list demands, ОбменССайтамиУТ.ДобавитьРеквизитыФормыНастройки) of the order's set."""
    rows = []
    for ref, title, name, version in (
        (SITE_NUMBER_PROPERTY, "Номер заказа на сайте", "НомерЗаказаНаСайте", 2),
        (SITE_DATE_PROPERTY, "Дата заказа на сайте", "ДатаЗаказаНаСайте", 2),
    ):
        row = blank(PROPERTY_KIND_SET)
        row.update(
            {
                "Ref_Key": ref,
                "DataVersion": refs.data_version(version),
                "Description": title,
                "Заголовок": title,
                "Имя": f"{name}_{ref[:8]}",
                "НаборСвойств_Key": ORDER_PROPERTY_SET,
                "Виден": True,
                "Доступен": True,
            }
        )
        rows.append(row)
    return rows
