"""The УТ 11 objects the emulator publishes: entity sets, their properties, types and lengths.

Property names and Edm types follow a live УТ 11 `$metadata` (the excerpt of
Romandredan/odata1c-gate in `../shared/reference/onec-odata/ut11-real-edmx.EXCERPT.xml`) and
GUIDE §5; 1C's mapping of its own types is chapter 17.4.3 of the platform documentation:
a reference is `Edm.Guid` with the `_Key` suffix, an enumeration is `Edm.String` holding the
value's name, an integer attribute is `Edm.Int64` (sent as a JSON string), a fractional
one `Edm.Double`, a date `Edm.DateTime`. A tabular section is a property of type
`Collection(<Set>_<Section>_RowType)` and is also published as its own read-only set keyed
by `Ref_Key` + `LineNumber`.

String lengths are what the emulator cuts a written value to, silently, as 1C does (a live
УТ 11 stored 100 of 238 characters of a `Description`, probe P8 of odata1c-gate). Lengths
other than `Description` = 100 are those of the standard УТ 11 configuration as far as we
know it; 0 means unlimited. Only the subset of each object's attributes that the app and
realistic data need is published — a real УТ 11 has dozens more per object.
"""

from __future__ import annotations

from desktop_app.emulators.onec.schema_types import (
    BOOLEAN,
    CATALOG_HEAD,
    DATETIME,
    DOUBLE,
    GUID,
    INT64,
    LINE_NUMBER,
    REF_KEY,
    STRING,
    EntitySet,
    Prop,
    RowSet,
    Section,
)

# The building blocks, imported from here by the rest of the emulator as before.
__all__ = [
    "BOOLEAN",
    "CATALOG_HEAD",
    "DATETIME",
    "DOUBLE",
    "GUID",
    "INT64",
    "LINE_NUMBER",
    "REF_KEY",
    "STRING",
    "EntitySet",
    "Prop",
    "RowSet",
    "Section",
]

COUNTERPARTIES = "Catalog_Контрагенты"
CONTACTS = "Catalog_Контрагенты_КонтактнаяИнформация"
PARTNERS = "Catalog_Партнеры"
ORGANIZATIONS = "Catalog_Организации"
BANK_ACCOUNTS = "Catalog_БанковскиеСчетаОрганизаций"
ORDERS = "Document_ЗаказКлиента"
CONTACT_KINDS = "Catalog_ВидыКонтактнойИнформации"
ACCESS_GROUPS = "Catalog_ГруппыДоступаПартнеров"
ORDER_PROPERTIES = "Document_ЗаказКлиента_ДополнительныеРеквизиты"
PROPERTY_KINDS = "ChartOfCharacteristicTypes_ДополнительныеРеквизитыИСведения"

# Enumerations, by the names of their values (UT 11.5.20.68 configuration dump, see the
# reference file ut11-enums-…txt; the two order enums are those of УТ 11's ЗаказКлиента).
ENUMS: dict[str, tuple[str, ...]] = {
    "ЮрФизЛицо": ("ЮрЛицо", "ФизЛицо", "ЮрЛицоНеРезидент", "ИндивидуальныйПредприниматель"),
    "ЮридическоеФизическоеЛицо": ("ЮридическоеЛицо", "ФизическоеЛицо"),
    "КомпанияЧастноеЛицо": ("Компания", "ЧастноеЛицо"),
    "ТипыКонтактнойИнформации": (
        "Адрес",
        "АдресЭлектроннойПочты",
        "ВебСтраница",
        "Телефон",
        "Факс",
        "Skype",
        "Другое",
    ),
    "СтатусыЗаказовКлиентов": ("НеСогласован", "КОбеспечению", "КОтгрузке", "Закрыт"),
    "ХозяйственныеОперации": ("РеализацияКлиенту", "РеализацияКлиентуРеглУчет"),
}


CONTACT_ROW = Section(
    "КонтактнаяИнформация",
    (
        Prop("Тип", STRING, enum="ТипыКонтактнойИнформации"),
        Prop("Вид_Key", GUID),
        Prop("Представление", STRING, 500),
        Prop("ЗначенияПолей", STRING),
        Prop("Страна", STRING, 100),
        Prop("Регион", STRING, 50),
        Prop("Город", STRING, 50),
        Prop("АдресЭП", STRING, 100),
        Prop("ДоменноеИмяСервера", STRING, 100),
        Prop("НомерТелефона", STRING, 20),
        Prop("НомерТелефонаБезКодов", STRING, 20),
        Prop("ВидДляСписка_Key", GUID),
        Prop("ДействуетС", DATETIME),
        Prop("Значение", STRING),
    ),
)

COUNTERPARTY_SET = EntitySet(
    COUNTERPARTIES,
    (
        *CATALOG_HEAD,
        Prop("НаименованиеПолное", STRING, 1000),
        Prop("ОбособленноеПодразделение", BOOLEAN),
        Prop("ЮридическоеФизическоеЛицо", STRING, enum="ЮридическоеФизическоеЛицо"),
        Prop("СтранаРегистрации_Key", GUID),
        Prop("ГоловнойКонтрагент_Key", GUID, target=COUNTERPARTIES),
        Prop("ИНН", STRING, 12),
        Prop("КПП", STRING, 9),
        Prop("ДополнительнаяИнформация", STRING),
        Prop("Партнер_Key", GUID, target=PARTNERS),
        Prop("ЮрФизЛицо", STRING, enum="ЮрФизЛицо"),
        Prop("КодПоОКПО", STRING, 10),
        Prop("РегистрационныйНомер", STRING, 15),
        Prop("НалоговыйНомер", STRING, 50),
        Prop("НаименованиеМеждународное", STRING, 100),
    ),
    (CONTACT_ROW,),
)

PARTNER_SET = EntitySet(
    PARTNERS,
    (
        *CATALOG_HEAD[:5],
        Prop("Code", STRING, 11),
        CATALOG_HEAD[5],
        Prop("Parent_Key", GUID, target=PARTNERS),
        Prop("IsFolder", BOOLEAN),
        Prop("НаименованиеПолное", STRING),
        Prop("ЮрФизЛицо", STRING, enum="КомпанияЧастноеЛицо"),
        Prop("Клиент", BOOLEAN),
        Prop("Поставщик", BOOLEAN),
        Prop("Конкурент", BOOLEAN),
        Prop("ПрочиеОтношения", BOOLEAN),
        Prop("ОсновнойМенеджер_Key", GUID),
        # Справочник.Партнеры.ГруппаДоступа (CatalogRef.ГруппыДоступаПартнеров, FillChecking
        # ShowError — Catalogs/Партнеры.xml of the УТ 11.5 dump): what record-level
        # restrictions look at (rights.py); required in 1C's forms, not on OData writes.
        Prop("ГруппаДоступа_Key", GUID, target=ACCESS_GROUPS),
        Prop("ДатаРегистрации", DATETIME),
        Prop("Комментарий", STRING),
    ),
)

ORGANIZATION_SET = EntitySet(
    ORGANIZATIONS,
    (
        *CATALOG_HEAD,
        Prop("Префикс", STRING, 2),
        Prop("НаименованиеПолное", STRING),
        Prop("НаименованиеСокращенное", STRING, 255),
        Prop("ЮрФизЛицо", STRING, enum="ЮрФизЛицо"),
        Prop("ИНН", STRING, 12),
        Prop("КПП", STRING, 9),
        Prop("ОГРН", STRING, 15),
        Prop("КодПоОКПО", STRING, 10),
        Prop("ОбособленноеПодразделение", BOOLEAN),
        Prop("ГоловнаяОрганизация_Key", GUID, target=ORGANIZATIONS),
        Prop("ЮридическийАдрес", STRING),
    ),
)

# The seller's bank account: УТ 11 keeps it in a catalog subordinate to the organisation.
# The bank's requisites are the "manual" ones (РучноеИзменениеРеквизитовБанка = true), so
# the account is complete without the (unpublished) bank classifier.
BANK_ACCOUNT_SET = EntitySet(
    BANK_ACCOUNTS,
    (
        *CATALOG_HEAD,
        Prop("Owner_Key", GUID, target=ORGANIZATIONS),
        Prop("НомерСчета", STRING, 20),
        Prop("Банк_Key", GUID),
        Prop("РучноеИзменениеРеквизитовБанка", BOOLEAN),
        Prop("БИКБанка", STRING, 9),
        Prop("КоррСчетБанка", STRING, 20),
        Prop("НаименованиеБанка", STRING, 100),
        Prop("ГородБанка", STRING, 50),
        Prop("ВалютаДенежныхСредств_Key", GUID),
    ),
)

GOODS_ROW = Section(
    "Товары",
    (
        Prop("Номенклатура_Key", GUID),
        Prop("Характеристика_Key", GUID),
        Prop("Упаковка_Key", GUID),
        Prop("КоличествоУпаковок", DOUBLE),
        Prop("Количество", DOUBLE),
        Prop("ВидЦены_Key", GUID),
        Prop("Цена", DOUBLE),
        Prop("Сумма", DOUBLE),
        Prop("СтавкаНДС_Key", GUID),
        Prop("СуммаНДС", DOUBLE),
        Prop("СуммаСНДС", DOUBLE),
        Prop("ПроцентРучнойСкидки", DOUBLE),
        Prop("СуммаРучнойСкидки", DOUBLE),
        Prop("Склад_Key", GUID),
        Prop("ДатаОтгрузки", DATETIME),
        Prop("Отменено", BOOLEAN),
        Prop("КодСтроки", INT64),
        Prop("Содержание", STRING, 1024),
    ),
)

# The additional attributes of a document (БСП's «Дополнительные реквизиты», tabular section
# `ДополнительныеРеквизиты` of Documents/ЗаказКлиента.xml in the УТ 11.5.20.68 dump): the
# property (ChartOfCharacteristicTypesRef.ДополнительныеРеквизитыИСведения), its value of the
# characteristic's composite type (string(1024), number, date, boolean, references) and the
# full text of a multi-line string. Rows as a public УТ 11 client model reads them:
# Ref_Key, LineNumber, Свойство_Key, Значение, Значение_Type, ТекстоваяСтрока.
ORDER_PROPERTY_ROW = Section(
    "ДополнительныеРеквизиты",
    (
        Prop("Свойство_Key", GUID),
        Prop("Значение", STRING, 1024, composite=True),
        Prop("Значение_Type", STRING),
        Prop("ТекстоваяСтрока", STRING),
    ),
)

BITRIX_MODULE_PROPS = ("Б_ДатаДокумента", "Б_Идентификатор", "Б_НомерВерсии")
"""What 1C-Bitrix's exchange module adds to Document_ЗаказКлиента (the «Свойства БУС» tab;
the same names on a live УТ 11 in the reference `$metadata` excerpt and in a public model of
Document_ЗаказКлиента). A base without the module does not publish them."""

ORDER_SET = EntitySet(
    ORDERS,
    (
        REF_KEY,
        Prop("DataVersion", STRING),
        Prop("Number", STRING, 11),
        Prop("Date", DATETIME),
        Prop("DeletionMark", BOOLEAN),
        Prop("Posted", BOOLEAN),
        Prop("Организация_Key", GUID, target=ORGANIZATIONS),
        Prop("Партнер_Key", GUID, target=PARTNERS),
        Prop("Контрагент_Key", GUID, target=COUNTERPARTIES),
        Prop("Соглашение_Key", GUID),
        Prop("Договор_Key", GUID),
        Prop("Сделка_Key", GUID),
        Prop("Валюта_Key", GUID),
        Prop("СуммаДокумента", DOUBLE),
        Prop("ЦенаВключаетНДС", BOOLEAN),
        Prop("Склад_Key", GUID),
        Prop("Менеджер_Key", GUID),
        Prop("ЖелаемаяДатаОтгрузки", DATETIME),
        Prop("НомерПоДаннымКлиента", STRING, 50),
        Prop("ДатаПоДаннымКлиента", DATETIME),
        Prop("Статус", STRING, enum="СтатусыЗаказовКлиентов"),
        Prop("ХозяйственнаяОперация", STRING, enum="ХозяйственныеОперации"),
        Prop("Согласован", BOOLEAN),
        Prop("СкидкиРассчитаны", BOOLEAN),
        Prop("Комментарий", STRING),
        Prop("Б_ДатаДокумента", DATETIME),
        Prop("Б_Идентификатор", STRING, 100),
        Prop("Б_НомерВерсии", STRING, 50),
    ),
    (GOODS_ROW, ORDER_PROPERTY_ROW),
    open_type=True,
)

# The properties behind additional attributes: ПланВидовХарактеристик
# ДополнительныеРеквизитыИСведения of БСП (ChartsOfCharacteristicTypes/…xml of the УТ 11.5
# dump: Description 150, Заголовок 75, Имя 100). A 1C administrator creates «Номер заказа на
# сайте» there and chooses it in the exchange node
# (ОбменССайтамиУТ.ДобавитьРеквизитыФормыНастройки).
PROPERTY_KIND_SET = EntitySet(
    PROPERTY_KINDS,
    (
        *CATALOG_HEAD[:4],
        Prop("Description", STRING, 150),
        CATALOG_HEAD[5],
        Prop("Заголовок", STRING, 75),
        Prop("Имя", STRING, 100),
        Prop("НаборСвойств_Key", GUID),
        Prop("ЭтоДополнительноеСведение", BOOLEAN),
        Prop("Виден", BOOLEAN),
        Prop("Доступен", BOOLEAN),
        Prop("Комментарий", STRING),
    ),
)

# Справочник.ВидыКонтактнойИнформации (Catalogs/ВидыКонтактнойИнформации.xml of the УТ 11.5
# dump): hierarchical, its kinds are predefined items (Ext/Predefined.xml) that OData names
# in `PredefinedDataName`; БСП 3 also keeps the name in ИмяПредопределенногоВида.
CONTACT_KIND_SET = EntitySet(
    CONTACT_KINDS,
    (
        *CATALOG_HEAD[:4],
        Prop("Description", STRING, 150),
        CATALOG_HEAD[5],
        Prop("Parent_Key", GUID, target=CONTACT_KINDS),
        Prop("IsFolder", BOOLEAN),
        Prop("Тип", STRING, enum="ТипыКонтактнойИнформации"),
        Prop("ИмяПредопределенногоВида", STRING, 150),
        Prop("Используется", BOOLEAN),
    ),
)

# Справочник.ГруппыДоступаПартнеров (same dump): no code, no hierarchy, Description of 50,
# nothing predefined (each base makes its own groups); a group is its own ГруппаДоступа.
ACCESS_GROUP_SET = EntitySet(
    ACCESS_GROUPS,
    (
        *CATALOG_HEAD[:4],
        Prop("Description", STRING, 50),
        CATALOG_HEAD[5],
        Prop("ГруппаДоступа_Key", GUID, target=ACCESS_GROUPS),
    ),
)

ENTITY_SETS: dict[str, EntitySet] = {
    s.name: s
    for s in (
        COUNTERPARTY_SET,
        PARTNER_SET,
        ORGANIZATION_SET,
        BANK_ACCOUNT_SET,
        ORDER_SET,
        CONTACT_KIND_SET,
        ACCESS_GROUP_SET,
        PROPERTY_KIND_SET,
    )
}
ROW_SETS: dict[str, RowSet] = {
    f"{s.name}_{section.name}": RowSet(f"{s.name}_{section.name}", s, section)
    for s in ENTITY_SETS.values()
    for section in s.sections
}
