"""The titles of the groups of the portal's raw fields (`domain.raw_field_groups`).

The window heads each group of the *Портал* column's raw data with one; an element the
reader does not know is titled by its own CommerceML name, as the portal sent it.
"""

from __future__ import annotations

from desktop_app.domain.raw_field_groups import GroupKind, RawGroup
from desktop_app.wording.catalog import QT_TRANSLATE_NOOP, Table, Translate

GROUP_TITLES = Table(
    "raw field groups",
    {
        GroupKind.REQUISITES.value: QT_TRANSLATE_NOOP("RawFieldGroups", "Реквизиты"),
        GroupKind.LEGAL_ADDRESS.value: QT_TRANSLATE_NOOP("RawFieldGroups", "Юридический адрес"),
        GroupKind.ADDRESS.value: QT_TRANSLATE_NOOP("RawFieldGroups", "Адрес (фактический)"),
        GroupKind.REGISTRATION_ADDRESS.value: QT_TRANSLATE_NOOP(
            "RawFieldGroups", "Адрес регистрации"
        ),
        GroupKind.BANK_ACCOUNT.value: QT_TRANSLATE_NOOP("RawFieldGroups", "Расчётный счёт"),
        GroupKind.CONTACTS.value: QT_TRANSLATE_NOOP("RawFieldGroups", "Контакты"),
        GroupKind.REPRESENTATIVES.value: QT_TRANSLATE_NOOP("RawFieldGroups", "Представитель"),
    },
)


def group_title(group: RawGroup, translate: Translate | None = None) -> str:
    """«Расчётный счёт 2» for the second of several accounts; an unknown element by its name."""
    if group.kind not in GROUP_TITLES:
        return group.element
    title = GROUP_TITLES.text(group.kind.value, None, translate)
    return f"{title} {group.number}" if group.number is not None else title
