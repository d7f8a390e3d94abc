"""Typed access to the УТ 11 sets the app works with.

JSON rows become the domain's plain values here, and only here: the rest of the program
never sees a 1C field name. 1C's quirks are absorbed on the way — the empty reference
`00000000-…` becomes None, `LineNumber` and Int64 values that arrive as strings are read as
numbers, and every read names its fields (`$select`): a УТ 11 counterparty has dozens.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation
from typing import Any

from desktop_app.adapters.onec.odata_client import JsonObject, ODataClient
from desktop_app.adapters.onec.odata_filter import Field, Guid
from desktop_app.adapters.onec.odata_query import Query
from desktop_app.adapters.onec.onec_references import ASSUMED, ReferenceItems, read_references
from desktop_app.domain.onec_directory import (
    DirectoryCounterparty,
    DirectoryPartner,
    ref_or_none,
)
from desktop_app.domain.onec_documents import OneCBankAccount, OneCCustomerOrder, OneCOrganization
from desktop_app.domain.onec_order_state import OrderCounterparty

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
PARTNER_ORIGIN_FIELDS = ("Ref_Key", "Description", "PredefinedDataName", "Комментарий")
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


class OneCObjects:
    """Get, find, create and update the objects of the four sets."""

    def __init__(
        self,
        client: ODataClient,
        references: ReferenceItems | None = None,
        access_group: str = "",
    ) -> None:
        """`references`: the kinds and access group new objects point at, from the
        publication summary; when None they are read on first need, with the setting
        `access_group` (onec.partner_access_group)."""
        self.client = client
        self._references = references
        self._access_group = access_group

    def references(self) -> ReferenceItems:
        if self._references is None:
            self._references = read_references(self.client, ASSUMED, self._access_group)
        return self._references

    # counterparties
    def counterparty(self, ref_key: str) -> DirectoryCounterparty | None:
        row = self.client.get(COUNTERPARTIES, ref_key, COUNTERPARTY_FIELDS)
        return counterparty_from(row) if row else None

    def counterparties_by_inn(
        self, inn: str, kpp: str | None = None
    ) -> list[DirectoryCounterparty]:
        condition = Field("ИНН").eq(inn)
        if kpp:
            condition = condition & Field("КПП").eq(kpp)
        query = Query(COUNTERPARTIES).select(*COUNTERPARTY_FIELDS).filter(condition)
        return [counterparty_from(row) for row in self.client.rows(query)]

    def counterparties_by_inns(self, inns: list[str]) -> list[DirectoryCounterparty]:
        """Many ИНН at once, split into requests that stay under the query-string limit."""
        query = Query(COUNTERPARTIES).select(*COUNTERPARTY_FIELDS)
        return [counterparty_from(row) for row in self.client.find_in(query, "ИНН", list(inns))]

    def contact_information(self, ref_key: str) -> list[JsonObject]:
        row = self.client.get(COUNTERPARTIES, ref_key, ("Ref_Key", "КонтактнаяИнформация"))
        rows = (row or {}).get("КонтактнаяИнформация") or []
        return sorted(rows, key=lambda r: int(r.get("LineNumber") or 0))

    def create_counterparty(self, body: JsonObject) -> DirectoryCounterparty:
        return counterparty_from(self.client.create(COUNTERPARTIES, body))

    def update_counterparty(self, ref_key: str, body: JsonObject) -> DirectoryCounterparty:
        return counterparty_from(self.client.update(COUNTERPARTIES, ref_key, body))

    # partners
    def partner(self, ref_key: str) -> DirectoryPartner | None:
        row = self.client.get(PARTNERS, ref_key, PARTNER_FIELDS)
        return partner_from(row) if row else None

    def create_partner(self, body: JsonObject) -> DirectoryPartner:
        return partner_from(self.client.create(PARTNERS, body))

    def update_partner(self, ref_key: str, body: JsonObject) -> DirectoryPartner:
        return partner_from(self.client.update(PARTNERS, ref_key, body))

    # organisations
    def organizations(self, *, with_address: bool = False) -> list[OneCOrganization]:
        """The organisations not marked for deletion; `with_address` only where published."""
        fields = (
            (*ORGANIZATION_FIELDS, ORGANIZATION_ADDRESS) if with_address else ORGANIZATION_FIELDS
        )
        query = Query(ORGANIZATIONS).select(*fields).filter(Field("DeletionMark").eq(False))
        return [organization_from(row) for row in self.client.rows(query)]

    def bank_accounts(self, organization_key: str) -> list[OneCBankAccount]:
        """The organisation's bank accounts not marked for deletion."""
        condition = Field("Owner_Key").eq(Guid(organization_key)) & Field("DeletionMark").eq(False)
        query = Query(BANK_ACCOUNTS).select(*BANK_ACCOUNT_FIELDS).filter(condition)
        return [bank_account_from(row) for row in self.client.rows(query)]

    # customer orders
    def customer_order(self, ref_key: str) -> OneCCustomerOrder | None:
        row = self.client.get(CUSTOMER_ORDERS, ref_key, ORDER_FIELDS)
        return customer_order_from(row) if row else None

    def post_customer_order(self, ref_key: str) -> None:
        """Post (or re-post) the order, so its register records follow its fields."""
        self.client.post_document(CUSTOMER_ORDERS, ref_key)

    def mark_counterparty_deleted(self, ref_key: str) -> DirectoryCounterparty:
        """Set the deletion mark by PATCH (a DELETE would delete for good, GUIDE §5)."""
        return self.update_counterparty(ref_key, {"DeletionMark": True})

    def order_counterparty(self, ref_key: str) -> OrderCounterparty | None:
        """The counterparty on an order with what tells who made it: its partner (predefined
        or not, its comment) and the live duplicates with the same ИНН and КПП."""
        found = self.counterparty(ref_key)
        if found is None:
            return None
        partner: JsonObject = {}
        if found.partner_key:
            partner = self.client.get(PARTNERS, found.partner_key, PARTNER_ORIGIN_FIELDS) or {}
        same: list[str] = []
        if found.inn:
            same = [
                c.description
                for c in self.counterparties_by_inn(found.inn, found.kpp or None)
                if c.ref_key != found.ref_key and not c.deletion_mark
                and (found.kpp or not c.kpp)
            ]  # fmt: skip
        return OrderCounterparty(
            key=found.ref_key,
            name=found.description,
            inn=found.inn,
            kpp=found.kpp,
            deletion_mark=found.deletion_mark,
            partner_key=found.partner_key,
            partner_name=_text(partner, "Description"),
            partner_predefined=_text(partner, "PredefinedDataName") or "",
            partner_comment=_text(partner, "Комментарий"),
            same_inn=tuple(same),
        )

    def update_customer_order(self, ref_key: str, body: dict[str, Any]) -> OneCCustomerOrder:
        return customer_order_from(self.client.update(CUSTOMER_ORDERS, ref_key, body))

    def link_customer_order(
        self, ref_key: str, counterparty_key: str, partner_key: str
    ) -> OneCCustomerOrder:
        """Fill the order's counterparty and partner (GUIDE §5: the link decision)."""
        return self.update_customer_order(
            ref_key,
            {
                "Контрагент_Key": Guid(counterparty_key).value,
                "Партнер_Key": Guid(partner_key).value,
            },
        )
