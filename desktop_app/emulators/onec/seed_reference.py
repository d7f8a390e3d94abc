"""The catalogs the directory points at: contact-information kinds and partner access groups.

Kinds of contact information are the predefined items of Справочник.ВидыКонтактнойИнформации
in the УТ 11.5.20.68 dump (work1cblackbird/ut11,
Catalogs/ВидыКонтактнойИнформации/Ext/Predefined.xml): a folder per owner catalog
(«СправочникКонтрагенты», «СправочникПартнеры») with its kinds under it. 1C creates them in
every base, with references of that base, so the emulator gives them fixed ones; OData shows
a predefined item with `Predefined` = true and its name in `PredefinedDataName` (the
standard attributes of every catalog, as in the real УТ 11 `$metadata` excerpt). A kind a
user added is not predefined.

Partner access groups (Справочник.ГруппыДоступаПартнеров) are made by each base; three here.
1C's standard site exchange gives every partner it creates the group chosen in the exchange
node's settings and writes «Создан автоматически при импорте заказов с сайта» into its
comment (CommonModules/ОбменССайтамиУТ/Ext/Module.bsl, ВновьСозданныйПартнер:
`ПартнерОбъект.ГруппаДоступа = Параметры.ГруппаДоступаПартнеров`); here that group is
«Интернет-магазин».
"""

from __future__ import annotations

from typing import Any

from desktop_app.emulators.onec import refs, seed_records
from desktop_app.emulators.onec.schema import ACCESS_GROUP_SET, CONTACT_KIND_SET

Row = dict[str, Any]
_fixed = seed_records.fixed_ref

SITE_EXCHANGE_COMMENT = "Создан автоматически при импорте заказов с сайта"
"""The comment 1C's site exchange writes into the partners it creates (ОбменССайтамиУТ)."""
ACCESS_GROUP_SITE = _fixed(13, 1)
"""«Интернет-магазин»: the group the site exchange's settings give new partners."""
ACCESS_GROUP_WHOLESALE = _fixed(13, 2)
ACCESS_GROUP_KEY_CLIENTS = _fixed(13, 3)
ACCESS_GROUPS = (
    (ACCESS_GROUP_SITE, "Интернет-магазин"),
    (ACCESS_GROUP_WHOLESALE, "Оптовые клиенты"),
    (ACCESS_GROUP_KEY_CLIENTS, "Ключевые клиенты"),
)

_COUNTERPARTY_KINDS = (
    ("ДругаяИнформацияКонтрагенты", "Другое (любая другая контактная информация)", "Другое"),
    ("МеждународныйАдресКонтрагента", "Международный адрес", "Адрес"),
    ("ПочтовыйАдресКонтрагента", "Почтовый адрес", "Адрес"),
    ("ТелефонКонтрагента", "Телефон", "Телефон"),
    ("ФаксКонтрагенты", "Факс", "Факс"),
    ("ФактАдресКонтрагента", "Фактический адрес", "Адрес"),
    ("EmailКонтрагента", "Электронная почта", "АдресЭлектроннойПочты"),
    ("ЮрАдресКонтрагента", "Юридический адрес", "Адрес"),
)
_PARTNER_KINDS = (
    ("АдресПартнера", "Адрес", "Адрес"),
    ("ТелефонПартнера", "Телефон", "Телефон"),
    ("EmailПартнера", "Электронная почта", "АдресЭлектроннойПочты"),
)
_KNOWN_REFS = {
    "ЮрАдресКонтрагента": seed_records.KIND_LEGAL_ADDRESS,
    "ФактАдресКонтрагента": seed_records.KIND_ACTUAL_ADDRESS,
    "ТелефонКонтрагента": seed_records.KIND_PHONE,
    "EmailКонтрагента": seed_records.KIND_EMAIL,
}
USER_KIND = _fixed(9, 40)
"""«Телефон бухгалтерии»: a kind a user added under the counterparties' folder."""


def contact_kinds() -> list[Row]:
    """The folders and kinds of Справочник.ВидыКонтактнойИнформации, predefined and not."""
    rows: list[Row] = []
    serial = 10
    for folder_name, title, kinds in (
        ("СправочникКонтрагенты", 'Контактная информация справочника "Контрагенты"',
         _COUNTERPARTY_KINDS),
        ("СправочникПартнеры", 'Контактная информация справочника "Партнеры"', _PARTNER_KINDS),
    ):  # fmt: skip
        folder = _fixed(9, serial)
        serial += 1
        rows.append(_kind(folder, folder_name, title, refs.EMPTY_REF, "", folder=True))
        for name, description, kind_type in kinds:
            ref = _KNOWN_REFS.get(name) or _fixed(9, serial)
            serial += 1
            rows.append(_kind(ref, name, description, folder, kind_type))
    counterparties_folder = rows[0]["Ref_Key"]
    user_kind = _kind(USER_KIND, "", "Телефон бухгалтерии", counterparties_folder, "Телефон")
    user_kind["Predefined"] = False
    rows.append(user_kind)
    return rows


def _kind(
    ref: str, name: str, description: str, parent: str, kind_type: str, *, folder: bool = False
) -> Row:
    row = seed_records.blank(CONTACT_KIND_SET)
    row.update(
        {
            "Ref_Key": ref,
            "Predefined": True,
            "PredefinedDataName": name,
            "DataVersion": refs.data_version(2),
            "Description": description,
            "Parent_Key": parent,
            "IsFolder": folder,
            "Тип": kind_type,
            "Используется": True,
        }
    )
    return row


def access_groups() -> list[Row]:
    rows = []
    for ref, name in ACCESS_GROUPS:
        row = seed_records.blank(ACCESS_GROUP_SET)
        row.update(
            {
                "Ref_Key": ref,
                "DataVersion": refs.data_version(1),
                "Description": name,
                "ГруппаДоступа_Key": ref,
            }
        )
        rows.append(row)
    return rows


def partner_access(index: int) -> tuple[str, str]:
    """(access group, comment) of the seeded partner number `index` (from 1): every fifth a
    key client, every third of the rest brought in by the site exchange, the others
    wholesale clients."""
    if index % 5 == 0:
        return ACCESS_GROUP_KEY_CLIENTS, ""
    if index % 3 == 1:
        return ACCESS_GROUP_SITE, SITE_EXCHANGE_COMMENT
    return ACCESS_GROUP_WHOLESALE, ""
