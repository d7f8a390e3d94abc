"""The seller's requisites an invoice prints: the organisation, its bank, who signs.

They come from the settings (`seller.*`) or from 1C's `Catalog_Организации` and its bank
account; either source may leave some out. An invoice is made anyway — 1C prints blanks
too (GUIDE §11) — and `missing` names the gaps so the manager is told which ones.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace

FIELD_WORDS = {
    "name": "наименование организации",
    "inn": "ИНН",
    "kpp": "КПП",
    "address": "адрес",
    "bank": "банк",
    "bik": "БИК",
    "corr_account": "корр. счёт",
    "account": "расчётный счёт",
    "head": "руководитель",
    "accountant": "бухгалтер",
}


@dataclass(frozen=True, slots=True)
class SellerRequisites:
    """The organisation that issues the invoice; an empty string is an unknown field."""

    name: str = ""
    inn: str = ""
    kpp: str = ""
    address: str = ""
    bank: str = ""
    bik: str = ""
    corr_account: str = ""
    account: str = ""
    head: str = ""
    accountant: str = ""

    @property
    def missing(self) -> tuple[str, ...]:
        """The fields still blank, in the order of `FIELD_WORDS` (field names)."""
        return tuple(f.name for f in fields(self) if not getattr(self, f.name))

    @property
    def is_empty(self) -> bool:
        return len(self.missing) == len(FIELD_WORDS)

    def completed_by(self, other: SellerRequisites) -> SellerRequisites:
        """These requisites, with the blanks filled from `other` (which loses on conflict)."""
        return replace(self, **{name: getattr(other, name) for name in self.missing})


def missing_words(seller: SellerRequisites) -> str:
    """The blank requisites as a manager reads them: «КПП, БИК, бухгалтер»."""
    return ", ".join(FIELD_WORDS[name] for name in seller.missing)
