"""1C's own exchange faster than the app: orders the site serves to no page any more.

The demo (and tests) need what happens on a real site every day: 1C's exchange node loads
the newest orders (checkauth → query → success), imports them, and sends its documents back
(`mode=file`), after which the site marks them `UPDATED_1C = Y` and exports them to no page
until they are edited (component.php's query filter, emulators/portal/orders_store.py). An
app that had not fetched them yet never will; it finds them from 1C's side.
"""

from __future__ import annotations

from desktop_app.emulators.exchange_setup import ExchangeSetup
from desktop_app.emulators.onec import OneCEmulator
from desktop_app.emulators.onec.refs import EMPTY_REF
from desktop_app.emulators.portal import PortalEmulator
from desktop_app.emulators.portal.onec_node import OneCNode

ORDERS = "Document_ЗаказКлиента"


def onec_takes_first(
    portal: PortalEmulator, onec: OneCEmulator, newest: int, *, wanted: int = 2, tries: int = 6
) -> list[str]:
    """1C imports the newest site orders (numbers `newest`, `newest - 1`, …, at most `tries`)
    until `wanted` of them have a counterparty the manager must settle (empty, or chosen by
    1C's standard exchange), and sends all it imported back to the site; their `Ид`."""
    taken: list[str] = []
    settle = 0
    for number in range(newest, max(newest - tries, 0), -1):
        ref = onec.import_order(number)
        taken.append(str(number))  # the generated world: a site order's Ид is its number
        row = onec.entity(ORDERS, ref) or {}
        chosen_by_exchange = onec.exchange is ExchangeSetup.SITE_EXCHANGE
        if row.get("Контрагент_Key") in (None, "", EMPTY_REF) or chosen_by_exchange:
            settle += 1
        if settle >= wanted:
            break
    url = portal.page_url(PortalEmulator.ONEC_PAGE)
    with OneCNode(url, portal.user, portal.password) as node:
        node.checkauth()
        node.query()
        node.success()
        node.upload(taken)
    return taken
