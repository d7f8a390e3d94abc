"""`mode=info`: the site's order statuses, payment systems and delivery services for 1C.

Source: the `info` branch at the end of `sale.export.1c/component.php` (bitrix-core-business
mirror) and its words in `lang/ru/component.php` (CC_BSC1_DI_*). The branch only reads, so it
is the harmless request a connection check can make; like every mode but checkauth it
comes after the login, `sessid` and rights checks. Quirks kept: the declaration always says
windows-1251 (the text is converted to it unless the component runs in CRM mode, whose UTF-8
then contradicts the declaration), the answer is labelled `application/xml` with a length
(as for `query`), and «Cтатусы» begins with a LATIN C in the language file.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from desktop_app.emulators import world_goods as goods
from desktop_app.emulators.world_orders import STATUSES

GENERAL = "Справочник"
STATUSES_TAG = "Cтатусы"  # the Latin "C" is in Bitrix's language file
PAY_SYSTEMS = "ПлатежныеСистемы"
DELIVERIES = "СлужбыДоставки"


def _elements(pairs: list[tuple[str, str]]) -> str:
    return "".join(
        f"\n\t\t\t\t<Элемент>\n\t\t\t\t\t<Ид>{escape(key)}</Ид>\n"
        f"\t\t\t\t\t<Название>{escape(name)}</Название>\n\t\t\t\t</Элемент>"
        for key, name in pairs
    )


def info_text() -> str:
    """The answer's text, before the component converts it to the site's output charset."""
    payments = dict(goods.COMPANY_PAYMENTS + goods.PERSON_PAYMENTS)
    deliveries = [(key, name) for key, name, _price in goods.DELIVERIES]
    return (
        '<?xml version="1.0" encoding="windows-1251"?>\n'
        f"\t\t<{GENERAL}>\n"
        f"\t\t\t<{STATUSES_TAG}>{_elements(list(STATUSES.items()))}\n\t\t\t</{STATUSES_TAG}>\n"
        f"\t\t\t<{PAY_SYSTEMS}>{_elements(sorted(payments.items()))}\n\t\t\t</{PAY_SYSTEMS}>\n"
        f"\t\t\t<{DELIVERIES}>{_elements(deliveries)}\n\t\t\t</{DELIVERIES}>\n"
        f"\t\t</{GENERAL}>"
    )
