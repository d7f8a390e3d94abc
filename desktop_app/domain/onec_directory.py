"""The 1C directory as review needs it: counterparties and partners of УТ 11.

These are the fields the app reads from `Catalog_Контрагенты` and `Catalog_Партнеры`, cached
locally so that candidates can be found offline and fast. Enum values stay the 1C value
names (`ЮрЛицо`, `ИндивидуальныйПредприниматель`, …) because that is what travels over OData
and what a 1C administrator recognises; `kind` maps them onto the portal's notion.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.domain.counterparty import CounterpartyKind

EMPTY_REF = "00000000-0000-0000-0000-000000000000"
"""1C's empty reference: a reference field that points at nothing."""

_KINDS = {
    "ЮрЛицо": CounterpartyKind.LEGAL,
    "ЮрЛицоНеРезидент": CounterpartyKind.LEGAL,
    "ИндивидуальныйПредприниматель": CounterpartyKind.ENTREPRENEUR,
    "ФизЛицо": CounterpartyKind.PERSON,
}


def ref_or_none(value: str | None) -> str | None:
    """A reference key, or None for 1C's empty reference."""
    return None if not value or value == EMPTY_REF else value


@dataclass(frozen=True, slots=True)
class DirectoryCounterparty:
    """One `Catalog_Контрагенты` element."""

    ref_key: str
    data_version: str
    deletion_mark: bool
    description: str
    """Наименование (the short name)."""
    full_name: str | None
    """НаименованиеПолное."""
    inn: str | None
    kpp: str | None
    registration_number: str | None
    """РегистрационныйНомер: ОГРН or ОГРНИП."""
    okpo: str | None
    legal_form: str | None
    """ЮрФизЛицо as 1C names it: ЮрЛицо, ФизЛицо, ИндивидуальныйПредприниматель, …"""
    partner_key: str | None
    head_key: str | None
    """ГоловнойКонтрагент_Key: the head organisation of a branch (обособленное подразделение)."""
    is_branch: bool

    @property
    def kind(self) -> CounterpartyKind:
        return _KINDS.get(self.legal_form or "", CounterpartyKind.UNKNOWN)


@dataclass(frozen=True, slots=True)
class DirectoryPartner:
    """One `Catalog_Партнеры` element; in УТ 11 a partner owns its counterparties."""

    ref_key: str
    data_version: str
    deletion_mark: bool
    description: str
    legal_form: str | None
    """ЮрФизЛицо of a partner: Компания or ЧастноеЛицо."""
    is_client: bool
    manager_key: str | None
    comment: str | None
