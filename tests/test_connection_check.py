"""Connection checks against the emulators: every answer a state, never an exception."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_app.emulators.onec import OneCEmulator
from desktop_app.emulators.portal import Fault, PortalEmulator
from desktop_app.emulators.world import World
from desktop_app.services.connection_check import (
    Reachability,
    check_onec,
    check_portal,
    probe_onec,
)
from desktop_app.services.settings import OneCSettings, PortalSettings

CLOSED = "http://127.0.0.1:9/"


@pytest.fixture
def onec() -> Iterator[OneCEmulator]:
    with OneCEmulator(World.generate(seed=17, buyers=30)) as emulator:
        yield emulator


def portal_settings(portal: PortalEmulator, url: str | None = None) -> PortalSettings:
    return PortalSettings(url=url or portal.page_url(), user=portal.user)


def test_portal_answers(portal: PortalEmulator) -> None:
    assert check_portal(portal_settings(portal), portal.password).state is Reachability.OK
    refused = check_portal(portal_settings(portal), "не тот")
    assert refused.state is Reachability.REFUSED and refused.detail
    down = check_portal(portal_settings(portal, CLOSED + "x.php"), "p")
    assert down.state is Reachability.UNREACHABLE and down.detail
    assert check_portal(PortalSettings(), "p").state is Reachability.NOT_CONFIGURED
    assert check_portal(portal_settings(portal), None).state is Reachability.NO_PASSWORD
    assert check_portal(portal_settings(portal), "").state is Reachability.NO_PASSWORD
    missing_ca = PortalSettings(url=portal.page_url(), user="u", ca_bundle="/нет/такого.pem")
    assert check_portal(missing_ca, "p").state is Reachability.NOT_CONFIGURED
    portal.inject(Fault("info", "html500"))
    failed = check_portal(portal_settings(portal), portal.password)
    assert failed.state is Reachability.FAILED and failed.detail


def test_onec_answers(onec: OneCEmulator, tmp_path: Path) -> None:
    settings = OneCSettings(url=onec.service_root, user=onec.user)
    full = check_onec(settings, "", tmp_path)
    assert full.state is Reachability.OK and full.gaps == ()
    assert (tmp_path / "onec-publication.json").exists()
    assert probe_onec(settings, "").state is Reachability.OK
    assert probe_onec(settings, None).state is Reachability.NO_PASSWORD  # "" is a password
    closed = OneCSettings(url=CLOSED + "ut11/odata/standard.odata/", user="u")
    assert probe_onec(closed, "").state is Reachability.UNREACHABLE
    assert check_onec(closed, "", tmp_path).state is Reachability.UNREACHABLE
    onec.add_user("гость", "пароль", rights=False)
    guest = OneCSettings(url=onec.service_root, user="гость")
    assert probe_onec(guest, "пароль").state is Reachability.REFUSED
    assert probe_onec(OneCSettings(url=onec.service_root, user="чужой"), "x").state is (
        Reachability.REFUSED
    )
