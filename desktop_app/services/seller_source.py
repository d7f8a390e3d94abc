"""Whose requisites head the invoice: the settings first, 1C's organisation for the blanks.

The settings (`seller.*`) are what the manager typed and always win. Where they leave blanks
and 1C is connected, `Catalog_Организации` and the organisation's bank account fill in the
name, ИНН, КПП, address and bank; the head and the accountant are not published by the
standard interface, so they only ever come from the settings. When 1C has several
organisations the settings' ИНН says which one; the app does not guess.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from desktop_app.adapters import keychain
from desktop_app.adapters.onec.odata_errors import OneCError
from desktop_app.adapters.onec.onec_objects import ORGANIZATION_ADDRESS, ORGANIZATIONS, OneCObjects
from desktop_app.adapters.onec.publication import Publication
from desktop_app.domain.onec_documents import OneCBankAccount, OneCOrganization
from desktop_app.domain.seller import SellerRequisites
from desktop_app.services.onec_connection import connect
from desktop_app.services.password_vault import KeychainVault, PasswordVault
from desktop_app.services.settings import Settings
from desktop_app.wording.said import Said

FROM_1C = ("name", "inn", "kpp", "address", "bank", "bik", "corr_account", "account")
"""The requisites 1C's standard interface can give."""


@dataclass(frozen=True, slots=True)
class SellerReading:
    """What 1C gave (blank requisites where it gave nothing), and what to tell the manager."""

    seller: SellerRequisites
    notes: tuple[Said, ...] = ()
    """Worded by `wording.seller_notes` (the CLI's and the window's words differ)."""


def wants_1c(seller: SellerRequisites) -> bool:
    """True when the settings leave blank something 1C could fill."""
    return any(name in FROM_1C for name in seller.missing)


def read_seller(
    objects: OneCObjects, publication: Publication | None, inn: str = ""
) -> SellerReading:
    """The seller's requisites from 1C: the organisation with ИНН `inn`, else the only one."""
    published = publication.sets.get(ORGANIZATIONS, frozenset()) if publication else frozenset()
    organizations = objects.organizations(with_address=ORGANIZATION_ADDRESS in published)
    chosen = _choose(organizations, inn)
    if isinstance(chosen, Said):
        return SellerReading(SellerRequisites(), (chosen,))
    notes: list[Said] = []
    accounts = objects.bank_accounts(chosen.ref_key)
    account = accounts[0] if accounts else None
    if account is None:
        notes.append(Said("seller-note.no_account", {"name": chosen.description}))
    elif len(accounts) > 1:
        params = {"name": chosen.description, "account": account.account or ""}
        notes.append(Said("seller-note.several_accounts", params))
    return SellerReading(_requisites(chosen, account), tuple(notes))


def _choose(organizations: list[OneCOrganization], inn: str) -> OneCOrganization | Said:
    """The organisation to use, or why there is none."""
    if inn:
        found = [o for o in organizations if o.inn == inn]
        if found:
            return found[0]
        return Said("seller-note.no_such_inn", {"inn": inn})
    if len(organizations) == 1:
        return organizations[0]
    if not organizations:
        return Said("seller-note.no_organizations")
    names = ", ".join(f"«{o.description}» (ИНН {o.inn or '—'})" for o in organizations)
    return Said("seller-note.several", {"names": names})


def _requisites(
    organization: OneCOrganization, account: OneCBankAccount | None
) -> SellerRequisites:
    bank = ""
    if account is not None:
        city = account.bank_city or ""
        name = account.bank_name or ""
        bank = f"{name} г. {city}" if name and city and city not in name else name
    return SellerRequisites(
        name=organization.full_name or organization.description,
        inn=organization.inn or "",
        kpp=organization.kpp or "",
        address=organization.legal_address or "",
        bank=bank,
        bik=(account.bik or "") if account else "",
        corr_account=(account.corr_account or "") if account else "",
        account=(account.account or "") if account else "",
    )


def seller_for_invoices(
    current: Settings, data_dir: Path, vault: PasswordVault | None = None
) -> SellerReading:
    """The settings' seller, its blanks filled from 1C when 1C is set up; never fails.

    Anything that keeps 1C from answering (no password, no network, no rights) becomes a
    note: the invoice is still made, with the blanks the settings leave (GUIDE §11). The 1C
    password comes from `vault` — the workspace's, which for the demo holds its passwords in
    memory — else from the keychain (the CLI).
    """
    seller = current.seller
    onec = current.onec
    if not wants_1c(seller) or not (onec.url and onec.user):
        return SellerReading(seller)
    try:
        password = (vault or KeychainVault()).password("onec", onec.user, onec.url)
    except keychain.KeychainError as error:
        return SellerReading(seller, (Said("seller-note.keychain", {"error": error.said}),))
    if password is None:
        return SellerReading(seller, (Said("seller-note.no_password"),))
    try:
        session = connect(onec, password, data_dir)
        with session.client:
            reading = read_seller(OneCObjects(session.client), session.publication, seller.inn)
    except OneCError as error:
        return SellerReading(seller, (Said("seller-note.onec", {"error": error.said}),))
    return SellerReading(seller.completed_by(reading.seller), reading.notes)
