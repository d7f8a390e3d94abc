"""A counterparty's fields, one label each, and its kind in words.

The portal's card, 1C's card, the card of a counterparty to create (`ui.card_fields`), the
field-by-field comparison of a candidate (`domain.field_comparison`, CLI `candidates`) and the
field of a finding (CLI `checks`) name a field alike: the domain says the field's name
(`inn`, `bank_accounts[2].bik`) and this table words it.
"""

from __future__ import annotations

import re

from desktop_app.domain.field_comparison import FieldComparison
from desktop_app.wording.catalog import QT_TRANSLATE_NOOP, Table, Translate

CARD_FIELDS = Table(
    "card fields",
    {
        "kind": QT_TRANSLATE_NOOP("CardFields", "Вид"),
        "kind-compared": QT_TRANSLATE_NOOP("CardFields", "Вид (юр./физ. лицо)"),
        "name": QT_TRANSLATE_NOOP("CardFields", "Наименование"),
        "official_name": QT_TRANSLATE_NOOP("CardFields", "Официальное наименование"),
        "full_name": QT_TRANSLATE_NOOP("CardFields", "Полное наименование"),
        "person": QT_TRANSLATE_NOOP("CardFields", "ФИО"),
        "inn": QT_TRANSLATE_NOOP("CardFields", "ИНН"),
        "kpp": QT_TRANSLATE_NOOP("CardFields", "КПП"),
        "ogrn": QT_TRANSLATE_NOOP("CardFields", "ОГРН / ОГРНИП"),
        "okpo": QT_TRANSLATE_NOOP("CardFields", "ОКПО"),
        "okved": QT_TRANSLATE_NOOP("CardFields", "ОКВЭД"),
        "legal_address": QT_TRANSLATE_NOOP("CardFields", "Юридический адрес"),
        "registration_address": QT_TRANSLATE_NOOP("CardFields", "Адрес регистрации"),
        "address": QT_TRANSLATE_NOOP("CardFields", "Адрес"),
        "actual_address": QT_TRANSLATE_NOOP("CardFields", "Фактический адрес"),
        "account": QT_TRANSLATE_NOOP("CardFields", "Расчётный счёт"),
        "bank": QT_TRANSLATE_NOOP("CardFields", "Банк"),
        "bik": QT_TRANSLATE_NOOP("CardFields", "БИК"),
        "corr_account": QT_TRANSLATE_NOOP("CardFields", "Корр. счёт"),
        "phone": QT_TRANSLATE_NOOP("CardFields", "Телефон"),
        "email": QT_TRANSLATE_NOOP("CardFields", "Эл. почта"),
        "representatives": QT_TRANSLATE_NOOP("CardFields", "Представитель"),
        "portal_id": QT_TRANSLATE_NOOP("CardFields", "Ид на портале"),
        "is_branch": QT_TRANSLATE_NOOP("CardFields", "Обособленное подразделение"),
        "head": QT_TRANSLATE_NOOP("CardFields", "Головной контрагент"),
        "partner": QT_TRANSLATE_NOOP("CardFields", "Партнёр"),
        "deletion_mark": QT_TRANSLATE_NOOP("CardFields", "Пометка удаления"),
        "buyer": QT_TRANSLATE_NOOP("CardFields", "Покупатель"),
    },
)

KINDS = Table(
    "counterparty kinds",
    {
        "legal": QT_TRANSLATE_NOOP("CardFields", "Юридическое лицо"),
        "entrepreneur": QT_TRANSLATE_NOOP("CardFields", "Индивидуальный предприниматель"),
        "person": QT_TRANSLATE_NOOP("CardFields", "Физическое лицо"),
        "unknown": QT_TRANSLATE_NOOP("CardFields", "Вид не определён"),
        "non-resident": QT_TRANSLATE_NOOP("CardFields", "Юридическое лицо (нерезидент)"),
    },
)

_BANK_FIELD = re.compile(r"bank_accounts\[(\d+)\]\.(\w+)")


def field_label(field: str, translate: Translate | None = None) -> str:
    """A field's label; `bank_accounts[2].bik` is «БИК 2», as the card numbers its rows; a
    field without a label is shown by its name."""
    found = _BANK_FIELD.fullmatch(field)
    name, number = (found.group(2), f" {found.group(1)}") if found else (field, "")
    if name not in CARD_FIELDS:
        return field
    return CARD_FIELDS.text(name, None, translate) + number


def compared_label(row: FieldComparison, translate: Translate | None = None) -> str:
    return field_label("kind-compared" if row.field == "kind" else row.field, translate)


def compared_value(
    row: FieldComparison, value: str | None, translate: Translate | None = None
) -> str | None:
    """A side's value as shown: the kind in words (1C's own name of a kind we do not know
    stays as 1C says it), any other value as that side has it."""
    if row.field == "kind" and value is not None and value in KINDS:
        return KINDS.text(value, None, translate)
    return value
