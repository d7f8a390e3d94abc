"""1C's JSON rows as the domain's plain values: the sets, their field names, the readers.

The field names of the УТ 11 sets the app reads live here, with `onec_bodies` (what it
writes) and `site_orders` (where the site's orders are); the services name none
(tests/test_onec_names_in_adapters.py), they ask `OneCObjects`. 1C's quirks are absorbed on
the way — the empty reference `00000000-…` becomes None, Int64 values that arrive as strings
are read as numbers, an empty date is None — and every read names its fields (`$select`):
a УТ 11 counterparty has dozens.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from desktop_app.adapters.onec.odata_client import JsonObject
from desktop_app.domain.onec_directory import (
    DirectoryCounterparty,
    DirectoryPartner,
    ref_or_none,
)
from desktop_app.domain.onec_documents import OneCBankAccount, OneCCustomerOrder, OneCOrganization

COUNTERPARTIES = "Catalog_Контрагенты"
PARTNERS = "Catalog_Партнеры"
ORGANIZATIONS = "Catalog_Организации"
BANK_ACCOUNTS = "Catalog_БанковскиеСчетаОрганизаций"
CUSTOMER_ORDERS = "Document_ЗаказКлиента"

COUNTERPARTY_FIELDS = (
    "Ref_Key", "DataVersion", "DeletionMark", "Description", "НаименованиеПолное", "ИНН",
    "КПП", "РегистрационныйНомер", "КодПоОКПО", "ЮрФизЛицо", "Партнер_Key",
    "ГоловнойКонтрагент_Key", "ОбособленноеПодразделение",
)  # fmt: skip
PARTNER_FIELDS = (
    "Ref_Key", "DataVersion", "DeletionMark", "Description", "ЮрФизЛицо", "Клиент",
    "ОсновнойМенеджер_Key", "Комментарий",
)  # fmt: skip
KEY = "Ref_Key"
"""Every object's reference (a GUID)."""
VERSION = "DataVersion"
"""Changes with every write of the object: what a refresh compares."""
NAME = "Description"
CODE = "Code"
PARTNER_ORIGIN_FIELDS = (KEY, NAME, "PredefinedDataName", "Комментарий")
"""What tells a partner the site exchange gave (predefined «Неизвестный партнер», or one it
made with its own comment)."""
ORGANIZATION_FIELDS = ("Ref_Key", "Description", "НаименованиеПолное", "ИНН", "КПП")
ORGANIZATION_ADDRESS = "ЮридическийАдрес"
BANK_ACCOUNT_FIELDS = (
    "Ref_Key", "Owner_Key", "DeletionMark", "НомерСчета", "БИКБанка", "КоррСчетБанка",
    "НаименованиеБанка", "ГородБанка",
)  # fmt: skip
ORDER_FIELDS = (
    "Ref_Key", "DataVersion", "Number", "Date", "Posted", "DeletionMark", "Партнер_Key",
    "Контрагент_Key", "Организация_Key", "НомерПоДаннымКлиента", "СуммаДокумента", "Комментарий",
)  # fmt: skip


def _text(row: JsonObject, name: str) -> str | None:
    value = row.get(name)
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _flag(row: JsonObject, name: str) -> bool:
    value = row.get(name)
    return value is True or (isinstance(value, str) and value.lower() == "true")


def _decimal(row: JsonObject, name: str) -> Decimal | None:
    value = row.get(name)
    if value is None or value == "":
        return None
    try:
        return Decimal(str(value))  # numbers may come as JSON numbers or as strings
    except InvalidOperation:
        return None


def _moment(row: JsonObject, name: str) -> dt.datetime | None:
    text = _text(row, name)
    if not text or text.startswith("0001-01-01"):  # 1C's empty date
        return None
    try:
        return dt.datetime.fromisoformat(text)
    except ValueError:
        return None


def counterparty_from(row: JsonObject) -> DirectoryCounterparty:
    ref_key = str(row["Ref_Key"])
    head_key = ref_or_none(_text(row, "ГоловнойКонтрагент_Key"))
    return DirectoryCounterparty(
        ref_key=ref_key,
        data_version=str(row.get("DataVersion") or ""),
        deletion_mark=_flag(row, "DeletionMark"),
        description=_text(row, "Description") or "",
        full_name=_text(row, "НаименованиеПолное"),
        inn=_text(row, "ИНН"),
        kpp=_text(row, "КПП"),
        registration_number=_text(row, "РегистрационныйНомер"),
        okpo=_text(row, "КодПоОКПО"),
        legal_form=_text(row, "ЮрФизЛицо"),
        partner_key=ref_or_none(_text(row, "Партнер_Key")),
        # 1C fills a head organisation's ГоловнойКонтрагент with itself; only a branch's
        # points elsewhere, and only that is a head worth naming.
        head_key=head_key if head_key != ref_key else None,
        is_branch=_flag(row, "ОбособленноеПодразделение"),
    )


def partner_from(row: JsonObject) -> DirectoryPartner:
    return DirectoryPartner(
        ref_key=str(row["Ref_Key"]),
        data_version=str(row.get("DataVersion") or ""),
        deletion_mark=_flag(row, "DeletionMark"),
        description=_text(row, "Description") or "",
        legal_form=_text(row, "ЮрФизЛицо"),
        is_client=_flag(row, "Клиент"),
        manager_key=ref_or_none(_text(row, "ОсновнойМенеджер_Key")),
        comment=_text(row, "Комментарий"),
    )


def organization_from(row: JsonObject) -> OneCOrganization:
    return OneCOrganization(
        ref_key=str(row["Ref_Key"]),
        description=_text(row, "Description") or "",
        full_name=_text(row, "НаименованиеПолное"),
        inn=_text(row, "ИНН"),
        kpp=_text(row, "КПП"),
        legal_address=_text(row, ORGANIZATION_ADDRESS),
    )


def bank_account_from(row: JsonObject) -> OneCBankAccount:
    return OneCBankAccount(
        ref_key=str(row["Ref_Key"]),
        owner_key=str(row.get("Owner_Key") or ""),
        deletion_mark=_flag(row, "DeletionMark"),
        account=_text(row, "НомерСчета"),
        bik=_text(row, "БИКБанка"),
        corr_account=_text(row, "КоррСчетБанка"),
        bank_name=_text(row, "НаименованиеБанка"),
        bank_city=_text(row, "ГородБанка"),
    )


def customer_order_from(row: JsonObject) -> OneCCustomerOrder:
    return OneCCustomerOrder(
        ref_key=str(row["Ref_Key"]),
        data_version=str(row.get("DataVersion") or ""),
        number=_text(row, "Number") or "",
        date=_moment(row, "Date"),
        posted=_flag(row, "Posted"),
        deletion_mark=_flag(row, "DeletionMark"),
        partner_key=ref_or_none(_text(row, "Партнер_Key")),
        counterparty_key=ref_or_none(_text(row, "Контрагент_Key")),
        organization_key=ref_or_none(_text(row, "Организация_Key")),
        client_number=_text(row, "НомерПоДаннымКлиента"),
        total=_decimal(row, "СуммаДокумента"),
        comment=_text(row, "Комментарий"),
    )


@dataclass(frozen=True, slots=True)
class PartnerOrigin:
    """What tells who made a partner, as 1C has it (text untrimmed): its name, its
    predefined name («НеизвестныйПартнер» of the site exchange, else empty), its comment."""

    name: str
    predefined: str
    comment: str


def partner_origin_from(row: JsonObject) -> PartnerOrigin:
    return PartnerOrigin(
        name=str(row.get(NAME) or ""),
        predefined=str(row.get("PredefinedDataName") or ""),
        comment=str(row.get("Комментарий") or ""),
    )
