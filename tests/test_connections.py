"""The one rule that turns the settings into the portal's and 1C's connections."""

from __future__ import annotations

from pathlib import Path

from desktop_app.adapters.onec.odata_client import OneCConnection
from desktop_app.services.connections import for_onec, for_portal
from desktop_app.services.settings import OneCSettings, PortalSettings

SHARED = ("url", "user", "password", "ca_bundle", "connect_timeout", "read_timeout", "deadline")


def test_both_sides_take_address_login_bundle_and_times_from_their_settings() -> None:
    portal = for_portal(
        PortalSettings(url="https://shop.example/exchange.php", user="exchange",
                       ca_bundle="/etc/ca/shop.pem", connect_timeout=4, read_timeout=5,
                       deadline=6, retries=7),
        "secret",
    )  # fmt: skip
    onec = for_onec(
        OneCSettings(url="https://1c.example/ut11/odata/standard.odata/", user="Администратор",
                     ca_bundle="/etc/ca/1c.pem", connect_timeout=4, read_timeout=5, deadline=6),
        "secret",
    )  # fmt: skip
    assert [getattr(portal, name) for name in SHARED] == [
        "https://shop.example/exchange.php", "exchange", "secret",
        Path("/etc/ca/shop.pem"), 4, 5, 6,
    ]  # fmt: skip
    assert [getattr(onec, name) for name in SHARED] == [
        "https://1c.example/ut11/odata/standard.odata/", "Администратор", "secret",
        Path("/etc/ca/1c.pem"), 4, 5, 6,
    ]  # fmt: skip
    assert portal.retries == 7  # the portal's retries are a setting; 1C keeps its client's
    assert onec.retries == OneCConnection.__dataclass_fields__["retries"].default


def test_no_bundle_named_means_the_systems_certificates() -> None:
    assert for_portal(PortalSettings(url="https://a"), "p").ca_bundle is None
    assert for_onec(OneCSettings(url="https://b"), "p").ca_bundle is None
