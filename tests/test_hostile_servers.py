"""The exchange client against hostile portals on 127.0.0.1 (issue 14, points 6, 9, 10).

Each server misbehaves in one way and records what reached it: a redirect to another origin
must not carry the password, the login form or the session cookie there; a server that
trickles a byte at a time must not hold a step past its deadline; an answer of hundreds of
megabytes must cost no more memory than the limit of a text answer.
"""

from __future__ import annotations

import json
import subprocess
import threading
import tracemalloc
from pathlib import Path

import pytest

from desktop_app.adapters import keychain
from desktop_app.adapters.portal.exchange_client import ExchangeClient
from desktop_app.adapters.portal.exchange_errors import (
    PortalDeadlineError,
    PortalRedirectError,
    PortalTooLargeError,
)
from desktop_app.adapters.portal.exchange_transport import PortalConnection
from desktop_app.emulators.portal import Fault, PortalEmulator
from desktop_app.services import connections
from desktop_app.services.settings import PortalSettings, Settings, save, with_value

from conftest import cli, one_line_error
from hostile_server import HostileServer, Reply, Seen, endless, trickle

PASSWORD = "s3cret-Пароль"
REFUSED = "failure\nОшибка авторизации".encode("cp1251")
CHECKAUTH_OK = b"success\nPHPSESSID\nabc123\nsessid=0123456789abcdef\n"


def client(url: str, **options: object) -> ExchangeClient:
    connection = PortalConnection(
        url=url,
        user="exchange",
        password=PASSWORD,
        backoff=0.01,
        **options,  # type: ignore[arg-type]
    )
    return ExchangeClient(connection)


def carried_secrets(seen: list[Seen]) -> list[str]:
    """What of the password, the login form and the session reached a server."""
    found = []
    for request in seen:
        if "Authorization" in request.headers:
            found.append("Authorization")
        if "Cookie" in request.headers:
            found.append("Cookie")
        if b"USER_PASSWORD" in request.body or PASSWORD.encode() in request.body:
            found.append("password in body")
    return found


def test_a_login_form_redirected_to_another_host_is_not_sent_there() -> None:
    """The POST form (after Basic was refused) answered 307 to another host name."""
    with HostileServer(lambda seen: Reply(200, {}, [b"never"])) as elsewhere:
        target = elsewhere.url(host="localhost")

        def answer(seen: Seen) -> Reply:
            if seen.method == "POST":
                return Reply(307, {"Location": target, "Content-Length": "0"})
            return Reply(200, {"Content-Length": str(len(REFUSED))}, [REFUSED])

        with HostileServer(answer) as portal, client(portal.url()) as exchange:
            with pytest.raises(PortalRedirectError) as raised:
                exchange.checkauth()
            assert [s.method for s in portal.seen] == ["GET", "POST"]
        assert elsewhere.seen == []
    assert raised.value.message == (
        f"Портал перенаправил вход на другой адрес ({target}); пароль туда не отправлен."
    )


def test_basic_auth_redirected_to_another_port_is_not_sent_there() -> None:
    with HostileServer(lambda seen: Reply(200, {}, [b"never"])) as elsewhere:
        target = elsewhere.url()
        redirect = Reply(308, {"Location": target, "Content-Length": "0"})
        with HostileServer(lambda seen: redirect) as portal, client(portal.url()) as exchange:
            with pytest.raises(PortalRedirectError, match="пароль туда не отправлен"):
                exchange.checkauth()
            assert "Authorization" in portal.seen[0].headers
        assert carried_secrets(elsewhere.seen) == []
        assert elsewhere.seen == []


def test_a_query_redirected_to_another_port_keeps_the_session_cookie(tmp_path: Path) -> None:
    """After checkauth the session cookie is for 127.0.0.1: another port is another origin."""
    with HostileServer(lambda seen: Reply(200, {}, [b"never"])) as elsewhere:
        target = elsewhere.url()

        def answer(seen: Seen) -> Reply:
            if "mode=checkauth" in seen.path:
                return Reply(200, {"Content-Length": str(len(CHECKAUTH_OK))}, [CHECKAUTH_OK])
            return Reply(307, {"Location": target, "Content-Length": "0"})

        with HostileServer(answer) as portal, client(portal.url()) as exchange:
            exchange.checkauth()
            with pytest.raises(PortalRedirectError) as raised:
                exchange.query(tmp_path)
            assert "Cookie" in portal.seen[-1].headers
        assert elsewhere.seen == []
    assert raised.value.message == (
        f"Портал перенаправил запрос (шаг «query») на другой адрес ({target}); пароль и "
        "cookie сеанса туда не отправлены."
    )


@pytest.fixture
def certificate(tmp_path: Path) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1: (certificate, key)."""
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    made = subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
         "-keyout", str(key), "-out", str(cert)],
        capture_output=True, check=False,
    )  # fmt: skip
    if made.returncode != 0:
        pytest.skip(f"openssl cannot make a test certificate: {made.stderr[-200:]!r}")
    return cert, key


def test_a_redirect_from_https_to_http_is_not_followed(certificate: tuple[Path, Path]) -> None:
    """From https to http on the same host: Basic auth would travel in clear."""
    with HostileServer(lambda seen: Reply(200, {}, [b"never"])) as plain:
        target = plain.url()
        redirect = Reply(302, {"Location": target, "Content-Length": "0"})
        with (
            HostileServer(lambda seen: redirect, tls=certificate) as portal,
            client(portal.url(), ca_bundle=certificate[0]) as exchange,
        ):
            with pytest.raises(PortalRedirectError) as raised:
                exchange.checkauth()
            assert "Authorization" in portal.seen[0].headers
        assert plain.seen == []
    assert raised.value.message == (
        f"Портал перенаправил вход на незащищённый адрес ({target}); пароль туда не отправлен."
    )


def test_a_redirect_within_the_portal_is_followed() -> None:
    """A moved page on the same server (same scheme, host and port) still works."""

    def answer(seen: Seen) -> Reply:
        if seen.path.startswith("/old.php"):
            query = seen.path.partition("?")[2]
            where = f"/bitrix/admin/1c_exchange.php?{query}"
            return Reply(307, {"Location": where, "Content-Length": "0"})
        return Reply(200, {"Content-Length": str(len(CHECKAUTH_OK))}, [CHECKAUTH_OK])

    with HostileServer(answer) as portal, client(portal.url("/old.php")) as exchange:
        exchange.checkauth()
        assert [s.path.partition("?")[0] for s in portal.seen] == [
            "/old.php",
            "/bitrix/admin/1c_exchange.php",
        ]
        assert "Authorization" in portal.seen[1].headers


@pytest.mark.parametrize("announced", [True, False], ids=["content-length", "until-close"])
def test_a_trickled_text_answer_ends_at_the_deadline(announced: bool) -> None:
    """A byte every 0.2 s never lets a read time out; the step's deadline ends it.

    Without Content-Length the cut connection looks like the end of the body: the answer
    must still not be taken as whole.
    """
    stopping = threading.Event()
    headers = {"Content-Length": "100000"} if announced else {}

    def answer(seen: Seen) -> Reply:
        return Reply(200, headers, trickle(CHECKAUTH_OK, 0.2, stopping))

    with HostileServer(answer) as portal, client(portal.url(), deadline=1.0) as exchange:
        try:
            with pytest.raises(PortalDeadlineError) as raised:
                exchange.checkauth()
        finally:
            stopping.set()
    assert raised.value.message == (
        "Портал не ответил полностью за 1 с (шаг «checkauth»); если портал просто медленный, "
        "увеличьте portal.deadline."
    )
    assert len(portal.seen) == 1  # not retried past the deadline


def test_a_trickled_query_answer_ends_at_the_deadline(tmp_path: Path) -> None:
    stopping = threading.Event()

    def answer(seen: Seen) -> Reply:
        if "mode=checkauth" in seen.path:
            return Reply(200, {"Content-Length": str(len(CHECKAUTH_OK))}, [CHECKAUTH_OK])
        head = '<?xml version="1.0" encoding="windows-1251"?>\n<КоммерческаяИнформация>'.encode(
            "cp1251"
        )
        return Reply(200, {}, trickle(head, 0.2, stopping))

    with HostileServer(answer) as portal, client(portal.url(), deadline=1.0) as exchange:
        exchange.checkauth()
        try:
            with pytest.raises(PortalDeadlineError, match="шаг «query»"):
                exchange.query(tmp_path)
        finally:
            stopping.set()


def test_a_200_mb_checkauth_answer_is_read_only_to_the_limit() -> None:
    """479 MB of RSS before (issue 14, point 10); now at most the text limit is held."""
    size = 200 * 1024 * 1024

    def answer(seen: Seen) -> Reply:
        return Reply(200, {}, endless(b"success\n", size))

    with HostileServer(answer) as portal, client(portal.url()) as exchange:
        tracemalloc.start()
        try:
            with pytest.raises(PortalTooLargeError) as raised:
                exchange.checkauth()
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    assert peak < 16 * 1024 * 1024
    assert portal.sent_bytes < size // 4  # the rest was never read
    assert raised.value.message.startswith(
        "Портал прислал на шаг «checkauth» (HTTP 200) ответ длиннее 1 МБ — это не ответ обмена:"
    )


def test_the_deadline_settings_reach_both_connections() -> None:
    settings = with_value(with_value(Settings(), "portal.deadline", "45"), "onec.deadline", "20")
    assert connections.for_portal(settings.portal, "x").deadline == 45
    assert connections.for_onec(settings.onec, "x").deadline == 20
    assert Settings().portal.deadline == 600 and Settings().onec.deadline == 300


@pytest.mark.slow
def test_a_fetch_that_stalls_ends_at_the_deadline_and_confirms_nothing(
    portal: PortalEmulator, tmp_path: Path
) -> None:
    """The whole `fetch`: one sentence, exit 2, nothing confirmed; the next fetch gets all."""
    data = tmp_path / "data"
    portal.add_user("manager", PASSWORD)
    section = PortalSettings(url=portal.page_url(), user="manager", retries=1, deadline=2)
    save(data, Settings(portal=section))
    keychain.store_password("portal", "manager", portal.page_url(), PASSWORD)
    portal.inject(Fault("query", "stall", seconds=120, times=3))
    one_line_error(cli(data, "fetch"), "Портал не ответил полностью за 2 с")
    assert portal.committed_time() is None
    portal.clear_faults()
    fetched = cli(data, "fetch")
    assert fetched.returncode == 0, fetched.stderr
    assert portal.committed_time() is not None
    listed = json.loads(cli(data, "queue", "--json", "--limit", "1000").stdout)
    assert len(listed) == 40
