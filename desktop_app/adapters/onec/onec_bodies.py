"""The OData bodies of the objects a create decision makes in 1C (УТ 11 field names).

1C does not validate OData writes and cuts long strings silently (GUIDE §5), so the bodies
are cut here, where it is visible and the same cut is used to look the object up again.
The marker goes into a free-text field 1C shows to its users, in words they understand.
"""

from __future__ import annotations

from desktop_app.adapters.onec.odata_client import JsonObject
from desktop_app.adapters.onec.odata_filter import Guid
from desktop_app.domain.counterparty import CounterpartyKind
from desktop_app.domain.decisions import CounterpartyCard

DESCRIPTION_LENGTH = 100
"""`Description` of both catalogues in УТ 11."""
PARTNER_MARKER_FIELD = "Комментарий"
COUNTERPARTY_MARKER_FIELD = "ДополнительнаяИнформация"

_LEGAL_FORMS = {
    CounterpartyKind.LEGAL: ("ЮрЛицо", "ЮридическоеЛицо"),
    CounterpartyKind.ENTREPRENEUR: ("ИндивидуальныйПредприниматель", "ФизическоеЛицо"),
    CounterpartyKind.PERSON: ("ФизЛицо", "ФизическоеЛицо"),
    CounterpartyKind.UNKNOWN: ("ЮрЛицо", "ЮридическоеЛицо"),
}
_CONTACT_TYPES = (
    ("legal_address", "Адрес", None),
    ("phone", "Телефон", "НомерТелефона"),
    ("email", "АдресЭлектроннойПочты", "АдресЭП"),
)


def short_name(name: str) -> str:
    return name.strip()[:DESCRIPTION_LENGTH]


def marker_text(marker: str) -> str:
    """What the app writes into the objects it creates: found again by a retry."""
    return f"Создан программой Order Review, метка {marker}"


def partner_body(card: CounterpartyCard, marker: str) -> JsonObject:
    company = card.kind in (CounterpartyKind.LEGAL, CounterpartyKind.UNKNOWN)
    return {
        "Description": short_name(card.name),
        "НаименованиеПолное": card.full_name or card.name,
        "ЮрФизЛицо": "Компания" if company else "ЧастноеЛицо",
        "Клиент": True,
        PARTNER_MARKER_FIELD: marker_text(marker),
    }


def counterparty_body(card: CounterpartyCard, partner_key: str | None, marker: str) -> JsonObject:
    legal_form, legal_or_natural = _LEGAL_FORMS[card.kind]
    body: JsonObject = {
        "Description": short_name(card.name),
        "НаименованиеПолное": card.full_name or card.name,
        "ЮрФизЛицо": legal_form,
        "ЮридическоеФизическоеЛицо": legal_or_natural,
        "ИНН": card.inn,
        "КПП": card.kpp if card.kind is CounterpartyKind.LEGAL else "",
        "РегистрационныйНомер": card.ogrn,
        COUNTERPARTY_MARKER_FIELD: marker_text(marker),
    }
    if partner_key:
        body["Партнер_Key"] = Guid(partner_key).value
    if card.head_key:
        body["ГоловнойКонтрагент_Key"] = Guid(card.head_key).value
        body["ОбособленноеПодразделение"] = True
    contacts: list[JsonObject] = []
    for name, kind, field in _CONTACT_TYPES:
        value = getattr(card, name)
        if value:
            row: JsonObject = {"LineNumber": str(len(contacts) + 1), "Тип": kind,
                               "Представление": value}  # fmt: skip
            if field:
                row[field] = value
            contacts.append(row)
    if contacts:
        body["КонтактнаяИнформация"] = contacts
    return body
