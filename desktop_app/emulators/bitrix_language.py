"""The export as an exchange page running in English writes it.

`CSaleExport::getTagName` looks every tag and fixed value up in the sale module's language
file for `LANGUAGE_ID` (modules/sale/general/export.php; the CRM mode forces "en"), so on a
page whose language is English the export reads `<CommerceInformation SchemaVersion=…>
<Document><Id>…` — the words below are those of modules/sale/lang/en/general/export.php
against lang/ru/general/export.php. Data (names, addresses, the admin's property names) stays
as the site stores it. The emulator renders in Russian and translates the finished text:
tags and attribute names by the table, element text only when it is one of Bitrix's fixed
words. Tags the language file does not name stay as they are.
"""

from __future__ import annotations

import re

LANGUAGES = ("ru", "en")

_TAGS_EN = {
    "КоммерческаяИнформация": "CommerceInformation", "ВерсияСхемы": "SchemaVersion",
    "ДатаФормирования": "CreationDate", "ФорматДаты": "DateFormat",
    "ФорматВремени": "TimeFormat", "РазделительДатаВремя": "DateTimeSeparator",
    "ФорматСуммы": "SumFormat", "ФорматКоличества": "QuantityFormat", "Документ": "Document",
    "Ид": "Id", "Номер": "Number", "Дата": "Date", "ХозОперация": "BusinessTransaction",
    "Роль": "Role", "Валюта": "Currency", "Курс": "CurrencyRate", "Сумма": "Amount",
    "Контрагенты": "Contractors", "Контрагент": "Contractor", "Наименование": "ItemName",
    "Представление": "View", "АдресноеПоле": "AddressField", "Тип": "Type", "Значение": "Value",
    "ПолноеНаименование": "FullTitle", "Фамилия": "LastName", "Имя": "FirstName",
    "Отчество": "SecondName", "ИНН": "INN", "КПП": "KPP",
    "АдресРегистрации": "RegistrationAddress", "ОфициальноеНаименование": "OfficialName",
    "ЮридическийАдрес": "LegalAddress", "ОКВЭД": "OKVED", "ОКПО": "OKPO",
    "КодПоОКПО": "OKPOCode", "РасчетныеСчета": "Accounts", "РасчетныйСчет": "Account",
    "НомерСчета": "AccountNumber", "Банк": "Bank", "Адрес": "BankAddress", "БИК": "BIK",
    "Контакты": "Contacts", "Контакт": "Contact", "Представители": "Representatives",
    "Представитель": "Representative", "Отношение": "Relation", "Время": "Time",
    "Комментарий": "Comment", "Налоги": "Taxes", "Налог": "Tax", "УчтеноВСумме": "InPrice",
    "Скидки": "Discounts", "Скидка": "Discount", "Товары": "Items", "Товар": "Item",
    "БазоваяЕдиница": "BaseUnit", "Код": "Code", "НаименованиеПолное": "FullName",
    "МеждународноеСокращение": "InternationalAbbr", "ЦенаЗаЕдиницу": "ItemPrice",
    "Количество": "Quantity", "ЗначенияРеквизитов": "PropertiesValues",
    "ЗначениеРеквизита": "PropertyValue", "ИдКаталога": "CatalogID",
    "СтавкиНалогов": "TaxRates", "СтавкаНалога": "TaxRate", "Ставка": "Rate",
    "Коэффициент": "Ratio", "Единица": "Unit", "НомерВерсии": "VersionNumber",
    "Номер1С": "1CID", "Основание": "Reason", "ПометкаУдаления": "MarkedForDeletion",
    "Контейнер": "Container",
}  # fmt: skip
_WORDS_EN = {
    "Заказ товара": "ItemOrder", "Продавец": "Seller", "Покупатель": "Buyer",
    "Контактное лицо": "ContactPerson", "Отпуск товара": "Shipment",
    "Выплата безналичных денег": "Cashless payment", "Выплата наличных денег": "Cash payment",
    "Эквайринговая операция": "Card transaction", "ВидНоменклатуры": "Classification",
    "ТипНоменклатуры": "ClassificationType", "Товар": "Item", "Услуга": "Service",
    "Доставка заказа": "OrderDelivery", "НДС": "Tax", "Штука": "Piece", "шт": "pcs",
    "Телефон рабочий": "Work phone", "Электронная почта": "E-Mail",
    "ТелефонРабочий": "WorkPhone", "Почта": "Mail", "Скидка на заказ": "OrderDiscount",
    "Скидка на товар": "ItemDiscount", "Метод оплаты": "PaymentSystem",
    "Способ доставки": "DeliveryService", "Заказ оплачен": "OrderPaid",
    "Доставка разрешена": "DeliveryAllowed", "Отменен": "Canceled",
    "Финальный статус": "FinalStatus", "Статус заказа": "OrderStatus",
    "Дата изменения статуса": "StatusChangeDate", "Сайт": "Site",
    "Комментарии покупателя": "CustomerComment", "Дата оплаты": "PaymentDate",
    "ДФ=yyyy-MM-dd; ДЛФ=DT": "DF=yyyy-MM-dd; DLF=DT", "ДФ=ЧЧ:мм:сс; ДЛФ=T": "DF=HH:MM:SS; DLF=T",
    "ЧЦ=18; ЧДЦ=2; ЧРД=.": "CC=18; CDC=2; CRD=.",
}  # fmt: skip
_TAG = re.compile(r"(</?)([^\s<>/!?]+)")
_ATTRIBUTE = re.compile(r"(\s)([^\s=<>\"]+)=\"([^\"]*)\"")
_TEXT = re.compile(r">([^<>]+)<")


def _tag(match: re.Match[str]) -> str:
    return match.group(1) + _TAGS_EN.get(match.group(2), match.group(2))


def _attribute(match: re.Match[str]) -> str:
    name, value = match.group(2), match.group(3)
    return f'{match.group(1)}{_TAGS_EN.get(name, name)}="{_WORDS_EN.get(value, value)}"'


def _text(match: re.Match[str]) -> str:
    return f">{_WORDS_EN.get(match.group(1), match.group(1))}<"


def in_language(xml: str, language: str) -> str:
    """Rendered export text as a page in `language` would have written it."""
    if language == "ru":
        return xml
    if language != "en":
        raise ValueError(f"the export is emulated in {LANGUAGES}, not {language!r}")
    translated = _TAG.sub(_tag, xml)
    translated = _ATTRIBUTE.sub(_attribute, translated)
    return _TEXT.sub(_text, translated)
