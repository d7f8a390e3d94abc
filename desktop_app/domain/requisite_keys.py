"""Check digits of Russian requisites: ИНН, ОГРН/ОГРНИП, КПП, БИК, bank accounts, ОКПО.

A typo in a requisite must be caught before a counterparty is created in 1C, because 1C
itself does not check what arrives over OData. Every `is_valid_*` answers for a bare string
of digits (no spaces, no separators: cleaning input is the caller's business, so that a value
is never "fixed" silently). The `complete_*` helpers compute the check digit(s) for a prefix;
the emulators use them to generate requisites that pass the same checks as real ones.

ИНН and 13-digit ОГРН go through python-stdnum. ОГРНИП does not: stdnum 2.2 forgets the final
``% 10`` and rejects every valid ОГРНИП whose remainder is 10–12.
"""

from __future__ import annotations

import re

from stdnum.ru import inn as _stdnum_inn
from stdnum.ru import ogrn as _stdnum_ogrn

_KPP = re.compile(r"\d{4}[0-9A-Z]{2}\d{3}")
_ACCOUNT_WEIGHTS = (7, 1, 3) * 8  # 24 weights; the 23-digit key string uses the first 23


def _digits(value: str, *lengths: int) -> bool:
    """ASCII digits only: `str.isdigit` would also accept "²" or Arabic-Indic digits."""
    return len(value) in lengths and value.isascii() and value.isdigit()


# --- ИНН ---------------------------------------------------------------------------------


def is_valid_inn10(value: str) -> bool:
    """ИНН of a legal entity."""
    return _digits(value, 10) and bool(_stdnum_inn.is_valid(value))


def is_valid_inn12(value: str) -> bool:
    """ИНН of a person or an individual entrepreneur."""
    return _digits(value, 12) and bool(_stdnum_inn.is_valid(value))


def is_valid_inn(value: str) -> bool:
    return is_valid_inn10(value) or is_valid_inn12(value)


def complete_inn10(prefix: str) -> str:
    """The 9 leading digits plus the check digit."""
    _require(prefix, 9, "ИНН10")
    return prefix + str(_stdnum_inn.calc_company_check_digit(prefix))


def complete_inn12(prefix: str) -> str:
    """The 10 leading digits plus both check digits."""
    _require(prefix, 10, "ИНН12")
    return prefix + str(_stdnum_inn.calc_personal_check_digits(prefix))


# --- ОГРН / ОГРНИП -----------------------------------------------------------------------


def is_valid_ogrn(value: str) -> bool:
    """13-digit ОГРН of a legal entity (stdnum's check is right for this length)."""
    return _digits(value, 13) and bool(_stdnum_ogrn.is_valid(value))


def complete_ogrn(prefix: str) -> str:
    _require(prefix, 12, "ОГРН")
    return prefix + str(_stdnum_ogrn.calc_check_digit(prefix + "0"))  # it skips the last digit


def is_valid_ogrnip(value: str) -> bool:
    """15-digit ОГРНИП: (first 14 digits) mod 13, then its last digit."""
    return _digits(value, 15) and _ogrnip_check(value[:14]) == value[14]


def complete_ogrnip(prefix: str) -> str:
    _require(prefix, 14, "ОГРНИП")
    return prefix + _ogrnip_check(prefix)


def _ogrnip_check(first14: str) -> str:
    return str(int(first14) % 13 % 10)


def is_valid_ogrn_any(value: str) -> bool:
    """ОГРН or ОГРНИП, chosen by length, as 1C keeps both in one field."""
    return is_valid_ogrn(value) if len(value) == 13 else is_valid_ogrnip(value)


# --- КПП, БИК ----------------------------------------------------------------------------


def is_valid_kpp(value: str) -> bool:
    """Format only: КПП has no check digit; positions 5–6 may be Latin capitals."""
    return _KPP.fullmatch(value) is not None


def is_valid_bik(value: str) -> bool:
    """Format only: БИК has no check digit."""
    return _digits(value, 9)


# --- bank accounts -----------------------------------------------------------------------


def _account_sum(bik_part: str, account: str) -> int:
    key_string = bik_part + account
    return sum(int(d) * w for d, w in zip(key_string, _ACCOUNT_WEIGHTS, strict=False))


def _settlement_bik_part(bik: str) -> str:
    """A РКЦ (БИК digits 7–8 are "00") keys its clients' accounts with "0" + digits 5–6."""
    return "0" + bik[4:6] if bik[6:8] == "00" else bik[6:9]


def _corr_bik_part(bik: str) -> str:
    return "0" + bik[4:6]


def _is_valid_keyed(bik_part: str, account: str, bik: str) -> bool:
    return is_valid_bik(bik) and _digits(account, 20) and _account_sum(bik_part, account) % 10 == 0


def _complete_keyed(bik_part: str, account: str, bik: str) -> str:
    if not is_valid_bik(bik):
        raise ValueError(f"БИК must be 9 digits: {bik!r}")
    _require(account, 20, "счёт")
    zeroed = account[:8] + "0" + account[9:]
    # Solve sum + 3 * key ≡ 0 (mod 10): key ≡ -sum * 7 ≡ sum * 3, since 3 * 7 ≡ 1.
    key = (_account_sum(bik_part, zeroed) * 3) % 10
    return zeroed[:8] + str(key) + zeroed[9:]


def is_valid_account(account: str, bik: str) -> bool:
    """Settlement account (р/с) against the БИК of the bank that keeps it."""
    return _is_valid_keyed(_settlement_bik_part(bik), account, bik)


def complete_account(bik: str, account: str) -> str:
    """The 20-digit р/с with its 9th digit (the key) set; whatever was there is ignored."""
    return _complete_keyed(_settlement_bik_part(bik), account, bik)


def is_valid_corr_account(corr_account: str, bik: str) -> bool:
    """Correspondent account (к/с) of a bank against its own БИК."""
    return _is_valid_keyed(_corr_bik_part(bik), corr_account, bik)


def complete_corr_account(bik: str, corr_account: str) -> str:
    """The 20-digit к/с with its 9th digit (the key) set; whatever was there is ignored."""
    return _complete_keyed(_corr_bik_part(bik), corr_account, bik)


# --- ОКПО --------------------------------------------------------------------------------


def _okpo_check(body: str) -> str:
    """Weights 1..10 cycling; a remainder of 10 is retried with weights from 3; again 10 → 0."""
    for start in (1, 3):
        remainder = sum(int(d) * ((start + i - 1) % 10 + 1) for i, d in enumerate(body)) % 11
        if remainder < 10:
            return str(remainder)
    return "0"


def is_valid_okpo(value: str) -> bool:
    """8 digits for a legal entity, 10 for an entrepreneur."""
    return _digits(value, 8, 10) and _okpo_check(value[:-1]) == value[-1]


def complete_okpo(prefix: str) -> str:
    """7 or 9 leading digits plus the check digit."""
    if not _digits(prefix, 7, 9):
        raise ValueError(f"ОКПО prefix must be 7 or 9 digits: {prefix!r}")
    return prefix + _okpo_check(prefix)


def _require(value: str, length: int, what: str) -> None:
    if not _digits(value, length):
        raise ValueError(f"{what} prefix must be {length} digits: {value!r}")
