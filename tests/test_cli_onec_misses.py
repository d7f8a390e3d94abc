"""`fetch` and `queue` as a user runs them when 1C's own exchange was faster: the orders the
portal no longer serves are found in 1C after the fetch and listed as «есть в 1С, не получен
с портала» (subprocesses against the emulators)."""

from __future__ import annotations

import json
from pathlib import Path

from portal_helpers import FakeClock
from push_scene import IMPORTED, PORTAL_ORDERS, make_world
from test_cli_decide import cli

from desktop_app.adapters import keychain
from desktop_app.emulators.onec import OneCEmulator
from desktop_app.emulators.onec_first import onec_takes_first
from desktop_app.emulators.portal import PortalEmulator
from desktop_app.services import settings


def test_fetch_finds_in_1c_what_the_portal_no_longer_serves(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    world = make_world()
    clock = FakeClock()
    with (
        PortalEmulator(world, orders=PORTAL_ORDERS, clock=clock) as portal,
        OneCEmulator(world, orders=IMPORTED) as onec,
    ):
        settings.save(folder, settings.Settings(
            portal=settings.PortalSettings(url=portal.page_url(), user=portal.user),
            onec=settings.OneCSettings(url=onec.service_root, user=onec.user),
        ))  # fmt: skip
        keychain.store_password("portal", portal.user, portal.page_url(), portal.password)
        keychain.store_password("onec", onec.user, onec.service_root, onec.password)
        first = cli(folder, "fetch")
        assert first.returncode == 0, first.stderr
        assert "В 1С найдены заказы" not in first.stdout
        clock.tick(60)
        portal.add_orders(6)
        clock.tick(60)
        taken = onec_takes_first(portal, onec, PORTAL_ORDERS + 6, wanted=2)
        clock.tick(60)

        second = cli(folder, "fetch", "--json")

        assert second.returncode == 0, second.stderr
        report = json.loads(second.stdout)
        assert report["new"] == 6 - len(taken)  # the rest never comes from the portal
        assert report["from_onec_new"] == 2, report["onec_note"]
        listed = json.loads(cli(folder, "queue", "--from-onec", "--json").stdout)
        assert len(listed) == 2
        assert {row["id"] for row in listed} <= set(taken)
        assert {row["source"] for row in listed} == {"onec"}
        assert all(row["buyer"]["name"] is None for row in listed)  # the module left it empty
        text = cli(folder, "queue").stdout
        assert text.count("есть в 1С, не получен с портала") == 2
        assert "проверяйте по данным 1С" in text

        onec.stop()  # 1C unreachable: the fetch still works and says what it could not do
        third = cli(folder, "fetch")
        assert third.returncode == 0, third.stderr
        assert "заказы, которые 1С получила с сайта раньше программы, не проверены" in third.stdout
