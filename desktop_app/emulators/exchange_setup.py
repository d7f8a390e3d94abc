"""How the emulated 1C takes orders from the portal: the three exchange setups of GUIDE §5.

A real УТ 11 gets the site's orders through one of three exchanges, and each leaves the
portal's order in a different place of `Document_ЗаказКлиента` and treats its counterparty
differently. The world names one, the 1C emulator follows it (`OneCEmulator(exchange=…)`
overrides it), and `emulators --exchange` switches it from the command line.
"""

from __future__ import annotations

from enum import StrEnum


class ExchangeSetup(StrEnum):
    BITRIX_MODULE = "bitrix"
    """1C-Bitrix's own exchange module for 1C ("Свойства БУС"): the order carries the site's
    `Ид` in `Б_Идентификатор` (with `Б_НомерВерсии`, `Б_ДатаДокумента`); an unknown legal
    entity leaves the counterparty empty. The seed's setup, and the demo's."""
    SITE_EXCHANGE = "site"
    """1C's standard "Обмен с сайтом" of УТ 11.5: the site's number and date go into the
    order's additional attributes (`ДополнительныеРеквизиты`); the exchange finds a
    counterparty by ИНН+КПП or by name or creates one (partner «Неизвестный партнер»), and
    posts the order."""
    CUSTOM = "custom"
    """A custom exchange: the site's number in `НомерПоДаннымКлиента`; the counterparty of an
    unknown buyer stays empty."""

    @property
    def words(self) -> str:
        return _TITLES[self]


_TITLES = {
    ExchangeSetup.BITRIX_MODULE: "модуль обмена 1С-Битрикс (Б_Идентификатор)",
    ExchangeSetup.SITE_EXCHANGE: "стандартный «Обмен с сайтом» УТ 11 (доп. реквизиты)",
    ExchangeSetup.CUSTOM: "свой обмен (НомерПоДаннымКлиента)",
}
