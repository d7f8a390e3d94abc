"""The OData bodies of the objects a create decision makes in 1C (УТ 11 field names).

1C does not validate OData writes and cuts long strings silently (GUIDE §5), so the bodies
are cut here, where it is visible and the same cut is used to look the object up again.
The marker goes into a free-text field 1C shows to its users, in words they understand.

What 1C would not refuse but its users would never see is not written either: each
contact-information row carries its predefined kind (`Вид_Key`), and a new partner its
access group (`ГруппаДоступа_Key`) — both from `ReferenceItems` (onec_references.py); when
they are unknown the body is refused with a sentence saying what the 1C side lacks.
"""

from __future__ import annotations

from desktop_app.adapters.onec.odata_client import JsonObject
from desktop_app.adapters.onec.odata_filter import Guid
from desktop_app.adapters.onec.onec_references import KIND_NAMES, ReferenceItems
from desktop_app.domain.counterparty import CounterpartyKind
from desktop_app.domain.decisions import CounterpartyCard

DESCRIPTION_LENGTH = 100
"""`Description` of both catalogues in УТ 11."""
PARTNER_MARKER_FIELD = "Комментарий"
COUNTERPARTY_MARKER_FIELD = "ДополнительнаяИнформация"
PARTNER_WRITTEN = ("Description", "НаименованиеПолное", "ЮрФизЛицо", "Клиент",
                   "ГруппаДоступа_Key", PARTNER_MARKER_FIELD)  # fmt: skip
"""The partner's fields a body writes (the publication check asks for them)."""
COUNTERPARTY_WRITTEN = (
    "Description", "НаименованиеПолное", "ЮрФизЛицо", "ЮридическоеФизическоеЛицо", "ИНН", "КПП",
    "РегистрационныйНомер", "Партнер_Key", "ГоловнойКонтрагент_Key", "ОбособленноеПодразделение",
    COUNTERPARTY_MARKER_FIELD, "КонтактнаяИнформация",
)  # fmt: skip
CONTACT_ROW_FIELDS = ("Тип", "Вид_Key", "Представление", "АдресЭП", "НомерТелефона")
"""The fields of a КонтактнаяИнформация row a body writes (LineNumber besides)."""

_LEGAL_FORMS = {
    CounterpartyKind.LEGAL: ("ЮрЛицо", "ЮридическоеЛицо"),
    CounterpartyKind.ENTREPRENEUR: ("ИндивидуальныйПредприниматель", "ФизическоеЛицо"),
    CounterpartyKind.PERSON: ("ФизЛицо", "ФизическоеЛицо"),
    CounterpartyKind.UNKNOWN: ("ЮрЛицо", "ЮридическоеЛицо"),
}
_CONTACT_TYPES = (
    ("legal_address", "Адрес", None),
    ("actual_address", "Адрес", None),
    ("phone", "Телефон", "НомерТелефона"),
    ("email", "АдресЭлектроннойПочты", "АдресЭП"),
)


def short_name(name: str) -> str:
    return name.strip()[:DESCRIPTION_LENGTH]


def marker_text(marker: str) -> str:
    """What the app writes into the objects it creates: found again by a retry."""
    return f"Создан программой Order Review, метка {marker}"


def partner_body(card: CounterpartyCard, marker: str, references: ReferenceItems) -> JsonObject:
    company = card.kind in (CounterpartyKind.LEGAL, CounterpartyKind.UNKNOWN)
    body: JsonObject = {
        "Description": short_name(card.name),
        "НаименованиеПолное": card.full_name or card.name,
        "ЮрФизЛицо": "Компания" if company else "ЧастноеЛицо",
        "Клиент": True,
        PARTNER_MARKER_FIELD: marker_text(marker),
    }
    group = references.partner_group()
    if group is not None:
        body["ГруппаДоступа_Key"] = Guid(group).value
    return body


def counterparty_body(
    card: CounterpartyCard, partner_key: str | None, marker: str, references: ReferenceItems
) -> JsonObject:
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
                               "Вид_Key": references.kind(KIND_NAMES[name]),
                               "Представление": value}  # fmt: skip
            if field:
                row[field] = value
            contacts.append(row)
    if contacts:
        body["КонтактнаяИнформация"] = contacts
    return body
