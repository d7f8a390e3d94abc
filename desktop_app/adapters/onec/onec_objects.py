"""Typed access to the УТ 11 sets the app works with: the only door of the services to 1C.

Every look-up the use cases need is a method here, named for what it finds, so that the rest
of the program never sees a 1C field name nor the client (`_client`): the rows become the
domain's values in `onec_rows`, the bodies of writes are made in `onec_bodies`. The names of
`onec_rows` are re-exported for the modules that read whole sets (the directory copy).
"""

from __future__ import annotations

from typing import Any

from desktop_app.adapters.onec.odata_client import JsonObject, ODataClient
from desktop_app.adapters.onec.odata_filter import Field, Guid
from desktop_app.adapters.onec.odata_query import Query
from desktop_app.adapters.onec.onec_bodies import (
    COUNTERPARTY_MARKER_FIELD,
    PARTNER_MARKER_FIELD,
    marker_text,
    short_name,
)
from desktop_app.adapters.onec.onec_references import ASSUMED, ReferenceItems, read_references
from desktop_app.adapters.onec.onec_rows import (
    BANK_ACCOUNT_FIELDS,
    BANK_ACCOUNTS,
    CODE,
    COUNTERPARTIES,
    COUNTERPARTY_FIELDS,
    CUSTOMER_ORDERS,
    KEY,
    NAME,
    ORDER_FIELDS,
    ORGANIZATION_ADDRESS,
    ORGANIZATION_FIELDS,
    ORGANIZATIONS,
    PARTNER_FIELDS,
    PARTNER_ORIGIN_FIELDS,
    PARTNERS,
    VERSION,
    PartnerOrigin,
    bank_account_from,
    counterparty_from,
    customer_order_from,
    organization_from,
    partner_from,
    partner_origin_from,
)
from desktop_app.adapters.onec.site_orders import SiteOrders
from desktop_app.domain.onec_directory import DirectoryCounterparty, DirectoryPartner
from desktop_app.domain.onec_documents import OneCBankAccount, OneCCustomerOrder, OneCOrganization
from desktop_app.domain.onec_order_state import OrderCounterparty
from desktop_app.domain.order_link import OrderLink

__all__ = [
    "BANK_ACCOUNTS", "BANK_ACCOUNT_FIELDS", "CODE", "COUNTERPARTIES", "COUNTERPARTY_FIELDS",
    "CUSTOMER_ORDERS", "KEY", "NAME", "ORDER_FIELDS", "ORGANIZATIONS", "ORGANIZATION_ADDRESS",
    "ORGANIZATION_FIELDS", "PARTNERS", "PARTNER_FIELDS", "VERSION", "OneCObjects",
    "PartnerOrigin", "counterparty_from", "customer_order_from", "partner_from",
]  # fmt: skip


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
        self._client = client
        self._references = references
        self._access_group = access_group

    def references(self) -> ReferenceItems:
        if self._references is None:
            self._references = read_references(self._client, ASSUMED, self._access_group)
        return self._references

    # counterparties
    def counterparty(self, ref_key: str) -> DirectoryCounterparty | None:
        row = self._client.get(COUNTERPARTIES, ref_key, COUNTERPARTY_FIELDS)
        return counterparty_from(row) if row else None

    def counterparties_by_inn(
        self, inn: str, kpp: str | None = None
    ) -> list[DirectoryCounterparty]:
        condition = Field("ИНН").eq(inn)
        if kpp:
            condition = condition & Field("КПП").eq(kpp)
        query = Query(COUNTERPARTIES).select(*COUNTERPARTY_FIELDS).filter(condition)
        return [counterparty_from(row) for row in self._client.rows(query)]

    def counterparties_by_inns(self, inns: list[str]) -> list[DirectoryCounterparty]:
        """Many ИНН at once, split into requests that stay under the query-string limit."""
        query = Query(COUNTERPARTIES).select(*COUNTERPARTY_FIELDS)
        return [counterparty_from(row) for row in self._client.find_in(query, "ИНН", list(inns))]

    def contact_information(self, ref_key: str) -> list[JsonObject]:
        row = self._client.get(COUNTERPARTIES, ref_key, ("Ref_Key", "КонтактнаяИнформация"))
        rows = (row or {}).get("КонтактнаяИнформация") or []
        return sorted(rows, key=lambda r: int(r.get("LineNumber") or 0))

    def create_counterparty(self, body: JsonObject) -> DirectoryCounterparty:
        return counterparty_from(self._client.create(COUNTERPARTIES, body))

    def update_counterparty(self, ref_key: str, body: JsonObject) -> DirectoryCounterparty:
        return counterparty_from(self._client.update(COUNTERPARTIES, ref_key, body))

    def counterparty_has_marker(self, ref_key: str, marker: str) -> bool:
        """Whether the counterparty carries the marker of the decision that made it."""
        row = self._client.get(COUNTERPARTIES, ref_key, (KEY, COUNTERPARTY_MARKER_FIELD))
        return marker_text(marker) in str((row or {}).get(COUNTERPARTY_MARKER_FIELD) or "")

    def counterparty_by_marker(self, name: str, marker: str) -> str | None:
        """Our own counterparty without an ИНН (a person), found by name, then by marker."""
        return self._marked(COUNTERPARTIES, COUNTERPARTY_MARKER_FIELD, name, marker)

    def partner_by_marker(self, name: str, marker: str) -> str | None:
        """The partner a lost answer created, found by name, then by marker."""
        return self._marked(PARTNERS, PARTNER_MARKER_FIELD, name, marker)

    def _marked(self, entity_set: str, field: str, name: str, marker: str) -> str | None:
        query = Query(entity_set).select(KEY, NAME, field).filter(Field(NAME).eq(short_name(name)))
        for found in self._client.rows(query):
            if marker_text(marker) in str(found.get(field) or ""):
                return str(found[KEY])
        return None

    # partners
    def partner(self, ref_key: str) -> DirectoryPartner | None:
        row = self._client.get(PARTNERS, ref_key, PARTNER_FIELDS)
        return partner_from(row) if row else None

    def partner_origin(self, ref_key: str) -> PartnerOrigin | None:
        """What tells whether 1C's site exchange made the partner (onec_order_state)."""
        row = self._client.get(PARTNERS, ref_key, PARTNER_ORIGIN_FIELDS)
        return partner_origin_from(row) if row else None

    def create_partner(self, body: JsonObject) -> DirectoryPartner:
        return partner_from(self._client.create(PARTNERS, body))

    def update_partner(self, ref_key: str, body: JsonObject) -> DirectoryPartner:
        return partner_from(self._client.update(PARTNERS, ref_key, body))

    # organisations
    def organizations(self, *, with_address: bool = False) -> list[OneCOrganization]:
        """The organisations not marked for deletion; `with_address` only where published."""
        fields = (
            (*ORGANIZATION_FIELDS, ORGANIZATION_ADDRESS) if with_address else ORGANIZATION_FIELDS
        )
        query = Query(ORGANIZATIONS).select(*fields).filter(Field("DeletionMark").eq(False))
        return [organization_from(row) for row in self._client.rows(query)]

    def bank_accounts(self, organization_key: str) -> list[OneCBankAccount]:
        """The organisation's bank accounts not marked for deletion."""
        condition = Field("Owner_Key").eq(Guid(organization_key)) & Field("DeletionMark").eq(False)
        query = Query(BANK_ACCOUNTS).select(*BANK_ACCOUNT_FIELDS).filter(condition)
        return [bank_account_from(row) for row in self._client.rows(query)]

    # customer orders
    def site_orders(self, link: OrderLink) -> SiteOrders:
        """The 1C orders made from site orders, where `link` says the base keeps them."""
        return SiteOrders(self._client, link)

    def customer_order(self, ref_key: str) -> OneCCustomerOrder | None:
        row = self._client.get(CUSTOMER_ORDERS, ref_key, ORDER_FIELDS)
        return customer_order_from(row) if row else None

    def post_customer_order(self, ref_key: str) -> None:
        """Post (or re-post) the order, so its register records follow its fields."""
        self._client.post_document(CUSTOMER_ORDERS, ref_key)

    def mark_counterparty_deleted(self, ref_key: str) -> DirectoryCounterparty:
        """Set the deletion mark by PATCH (a DELETE would delete for good, GUIDE §5)."""
        return self.update_counterparty(ref_key, {"DeletionMark": True})

    def order_counterparty(self, ref_key: str) -> OrderCounterparty | None:
        """The counterparty on an order with what tells who made it: its partner (predefined
        or not, its comment) and the live duplicates with the same ИНН and КПП."""
        found = self.counterparty(ref_key)
        if found is None:
            return None
        partner = self.partner_origin(found.partner_key) if found.partner_key else None
        partner = partner or PartnerOrigin("", "", "")
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
            partner_name=partner.name.strip() or None,
            partner_predefined=partner.predefined.strip(),
            partner_comment=partner.comment.strip() or None,
            same_inn=tuple(same),
        )

    def update_customer_order(self, ref_key: str, body: dict[str, Any]) -> OneCCustomerOrder:
        return customer_order_from(self._client.update(CUSTOMER_ORDERS, ref_key, body))

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

    # what the outbox asks of the connection
    @property
    def writes_applied(self) -> int:
        """Writes 1C answered with success so far (odata_client): did one come before an error?"""
        return self._client.writes_applied

    @property
    def last_was_read(self) -> bool:
        """Whether the last request sent was a look (GET), not a write."""
        return self._client.last_method == "GET"
