"""`check portal`: own page or 1C's, secure mode, interference — against the emulator.

The check itself must harm nobody's exchange: it logs in by Basic auth on a read-only
`mode=info`, without checkauth or sessid (unless the site is secure and the page its own).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from desktop_app.emulators.portal import PortalEmulator
from desktop_app.emulators.world import World
from desktop_app.services.connection_check import CheckResult, Reachability, check_portal
from desktop_app.services.fetch_service import fetch_orders
from desktop_app.services.page_notes import PageNotes, save_notes
from desktop_app.services.portal_check import is_onec_page, page_key
from desktop_app.services.settings import PortalMode, PortalSettings
from desktop_app.store.database import Database

WORLD = World.generate(seed=29, buyers=10)
TWIN = "/bitrix/admin/1c_exchange_order_review.php"


def check(
    portal: PortalEmulator,
    page: str = PortalEmulator.APP_PAGE,
    mode: PortalMode = PortalMode.OWN_PAGE,
    data_dir: Path | None = None,
) -> CheckResult:
    settings = PortalSettings(url=portal.page_url(page), user=portal.user, mode=mode)
    return check_portal(settings, portal.password, data_dir)


def text(result: CheckResult) -> str:
    return "\n".join(result.facts + result.gaps)


def test_the_page_key_is_the_first_22_characters_of_the_path() -> None:
    assert page_key("https://b2b.example.ru/bitrix/admin/1c_exchange.php") == (
        "/bitrix/admin/1c_excha"
    )
    assert is_onec_page("https://b2b.example.ru/bitrix/admin/1c_exchange.php?x=1")
    assert is_onec_page("https://b2b.example.ru" + TWIN)  # another name, the same 22
    assert not is_onec_page("https://b2b.example.ru/order_review/exchange.php")
    assert not is_onec_page("https://b2b.example.ru/bitrix/admin/1c_exch.php")


def test_own_page_open_site_nothing_to_change(portal: PortalEmulator) -> None:
    result = check(portal)
    assert result.state is Reachability.OK and result.gaps == ()
    assert "Страница обмена своя" in text(result) and "«/order_review/exchange" in text(result)
    assert "secure_1c_exchange) выключен" in text(result)
    assert "ещё не получала заказы" in text(result)
    assert [(r.mode, r.had_sessid) for r in portal.requests] == [("info", False)]
    assert not portal.secure_exchange and portal.committed_time() is None


@pytest.mark.parametrize("page", [PortalEmulator.ONEC_PAGE, TWIN])
def test_own_page_mode_on_1c_page_is_told_to_change(portal: PortalEmulator, page: str) -> None:
    result = check(portal, page)
    assert "Это страница обмена 1С" in text(result)
    (advice,) = result.gaps
    assert "забирала бы заказы у обмена 1С" in advice and "режим peek" in advice
    peek = check(portal, page, PortalMode.PEEK)
    assert "переписывает время выгрузки этой страницы" in text(peek)
    (own_page,) = peek.gaps  # peek there still rewrites what 1C's success commits
    assert "отдельной странице" in own_page and "пропустит заказы" in own_page


def test_secure_site_is_said_with_what_to_change(tmp_path: Path) -> None:
    with PortalEmulator(WORLD, orders=2, secure_exchange=True) as portal:
        own = check(portal)
        on_1c_page = check(portal, PortalEmulator.ONEC_PAGE, PortalMode.PEEK)
        modes = [r.mode for r in portal.requests]
    assert "secure_1c_exchange) включён" in text(own)
    assert any("Выполнять обмен без идентификатора сессии" in gap for gap in own.gaps)
    assert "Права пользователя на обмен не проверены" not in text(own)
    assert "Права пользователя на обмен не проверены" in text(on_1c_page)
    # own page: info, then checkauth + info with the sessid; 1C's page: info alone
    assert modes == ["info", "checkauth", "info", "info"]


def test_a_user_without_exchange_rights_is_refused(tmp_path: Path) -> None:
    with PortalEmulator(WORLD, orders=1) as portal:
        portal.add_user("buyer", "pw", can_export=False)
        settings = PortalSettings(url=portal.page_url(), user="buyer")
        result = check_portal(settings, "pw")
    assert result.state is Reachability.REFUSED
    assert result.detail and "нет прав для обмена" in result.detail


def test_what_the_fetches_saw_is_told(portal: PortalEmulator, tmp_path: Path) -> None:
    with Database.open(tmp_path / "data") as database:
        settings = PortalSettings(url=portal.page_url(), user=portal.user)
        fetch_orders(settings, portal.password, database, tmp_path / "data" / "work")
    quiet = check(portal, data_dir=tmp_path / "data")
    assert "Чужих подтверждений на этой странице программа не замечала" in text(quiet)
    moment = dt.datetime(2026, 3, 2, 9, 30, tzinfo=dt.UTC)
    noted = PageNotes(
        url=portal.page_url(),
        fetches=5,
        highest_id=45,
        sessid_asked_at=moment,
        refused=2,
        refused_at=moment,
        missing=(41, 42),
        missing_at=moment,
    )
    save_notes(tmp_path / "noted", noted)
    result = check(portal, data_dir=tmp_path / "noted")
    said = text(result)
    assert "не принял подтверждение получения" in said and "2 раз" in said
    assert "не пришли заказы с Ид 41, 42" in said
    assert "sessid только после того, как портал его потребовал" in said
    assert any("одно из них" in gap for gap in result.gaps)
    other = PortalSettings(url=portal.page_url(TWIN), user=portal.user)
    assert "ещё не получала" in text(check_portal(other, portal.password, tmp_path / "noted"))
