"""The exchange client against the portal emulator over real HTTP on 127.0.0.1."""

from __future__ import annotations

import http.server
import logging
import ssl
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_app.adapters.portal.commerceml_reader import CommerceMLReader, ReadOrder
from desktop_app.adapters.portal.exchange_answers import check_text_answer, decode_answer
from desktop_app.adapters.portal.exchange_client import ExchangeClient
from desktop_app.adapters.portal.exchange_errors import (
    PortalAuthError,
    PortalCertificateError,
    PortalConfigError,
    PortalConfirmationRefusedError,
    PortalConnectionError,
    PortalEmptyAnswerError,
    PortalPageError,
    PortalRefusedError,
    PortalTruncatedError,
)
from desktop_app.adapters.portal.exchange_transport import PortalConnection
from desktop_app.emulators.portal import Fault, PortalEmulator
from desktop_app.emulators.world import World

from conftest import FIXTURES

PHP_FILE_NOISE = b"\xef\xbb\xbf\r\n\r\n"
"""What a site prints before every answer when init.php was saved with a BOM and ends in blank
lines after `?>`."""

SMALL = World.generate(seed=3, buyers=10)


def client_for(
    portal: PortalEmulator, *, user: str = "exchange", password: str = "secret", **options: object
) -> ExchangeClient:
    connection = PortalConnection(
        url=portal.page_url(),
        user=user,
        password=password,
        backoff=0.01,
        **options,  # type: ignore[arg-type]
    )
    return ExchangeClient(connection)


def order_ids(path: Path, charset: str | None = None) -> list[str]:
    reader = CommerceMLReader(path, fallback_encoding=charset)
    return [i.order.id for i in reader.documents() if isinstance(i, ReadOrder)]


def test_whole_round_like_1c_without_init_or_sessid(portal: PortalEmulator, tmp_path: Path) -> None:
    """checkauth → query → success, as 1C loads orders: the site stays out of secure mode."""
    with client_for(portal) as client:
        client.checkauth()
        answer = client.query(tmp_path)
        assert len(order_ids(answer.path, answer.charset)) == 40
        assert portal.committed_time() is None  # nothing confirmed before success
        client.success()
        assert not client.sessid_asked
    assert portal.committed_time() is not None
    assert len(portal.exported_ids()) == 40
    modes = [(r.mode, r.had_sessid, r.had_cookie) for r in portal.requests]
    assert modes == [
        ("checkauth", False, False),
        ("query", False, True),
        ("success", False, True),
    ]
    assert not portal.secure_exchange


def test_without_init_the_answer_is_the_2_05_layout(portal: PortalEmulator, tmp_path: Path) -> None:
    with client_for(portal) as client:
        client.checkauth()
        answer = client.query(tmp_path)
    head = answer.path.read_bytes()[:200]
    assert b'encoding="windows-1251"' in head
    assert 'ВерсияСхемы="2.05"'.encode("cp1251") in head
    assert answer.zipped is False
    assert answer.received_bytes == answer.path.stat().st_size
    reader = CommerceMLReader(answer.path)
    orders = [i.order for i in reader.documents() if isinstance(i, ReadOrder)]
    assert len(orders) == 40 and all(o.buyer is not None for o in orders)


def test_init_asks_for_a_version_and_gets_2_08(portal: PortalEmulator, tmp_path: Path) -> None:
    with client_for(portal) as client:
        client.checkauth()
        info = client.init()
        answer = client.query(tmp_path)
    assert info.version == "2.09"  # the fixed text real cores answer with
    assert 'ВерсияСхемы="2.08"'.encode("cp1251") in answer.path.read_bytes()[:200]


def test_sessid_is_sent_only_after_the_site_asks_for_it(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, "desktop_app.adapters.portal.exchange_client")
    with (
        PortalEmulator(SMALL, orders=5, secure_exchange=True) as portal,
        client_for(portal) as client,
    ):
        client.checkauth()
        answer = client.query(tmp_path)
        client.success()
        assert client.sessid_asked
        assert len(order_ids(answer.path)) == 5
        sent = [(r.mode, r.had_sessid, r.first_line) for r in portal.requests]
    assert sent == [
        ("checkauth", False, "success"),
        ("query", False, "failure"),  # «Ошибка проверки источника запроса»
        ("query", True, None),
        ("success", True, "success"),
    ]
    (said,) = [r.getMessage() for r in caplog.records if "sessid" in r.getMessage()]
    assert "asked for sessid" in said and "secure_1c_exchange" in said


def test_a_refusal_for_sessid_on_a_text_step_is_repeated_with_it(tmp_path: Path) -> None:
    with (
        PortalEmulator(SMALL, orders=2, secure_exchange=True) as portal,
        client_for(portal) as client,
    ):
        client.checkauth()
        client.success()
        assert client.sessid_asked
    assert [(r.mode, r.had_sessid) for r in portal.requests] == [
        ("checkauth", False),
        ("success", False),
        ("success", True),
    ]


def test_other_refusals_do_not_bring_the_sessid(portal: PortalEmulator, tmp_path: Path) -> None:
    portal.inject(Fault("query", "failure", message="Сайт на обслуживании"))
    with client_for(portal) as client:
        client.checkauth()
        with pytest.raises(PortalRefusedError) as caught:
            client.query(tmp_path)
        assert not client.sessid_asked
    assert "Сайт на обслуживании" in caught.value.message
    assert not any(r.had_sessid for r in portal.requests)
    assert not portal.secure_exchange


def test_success_answered_error_is_another_client_on_the_page(
    portal: PortalEmulator, tmp_path: Path
) -> None:
    with client_for(portal) as client, client_for(portal) as other:
        client.checkauth()
        client.query(tmp_path)
        other.checkauth()  # a second workstation logs in on the same page meanwhile
        with pytest.raises(PortalConfirmationRefusedError) as caught:
            client.success()
    assert "другая программа" in caught.value.message
    assert caught.value.portal_words == "error"
    assert portal.committed_time() is None


def test_probe_asks_without_checkauth_or_sessid(portal: PortalEmulator) -> None:
    with client_for(portal) as client:
        assert client.probe() is False
    assert [(r.mode, r.had_sessid, r.had_auth) for r in portal.requests] == [("info", False, True)]
    assert portal.committed_time() is None and not portal.secure_exchange


def test_probe_on_a_secure_site_and_after_checkauth(tmp_path: Path) -> None:
    with PortalEmulator(SMALL, orders=1, secure_exchange=True) as portal:
        with client_for(portal) as client:
            assert client.probe() is True
            client.checkauth()
            assert client.probe() is False  # with the sessid: every check passed
        portal.add_user("buyer", "pw", can_export=False)
        with client_for(portal, user="buyer", password="pw") as buyer:
            assert buyer.probe() is True
            buyer.checkauth()
            with pytest.raises(PortalRefusedError) as caught:
                buyer.probe()
    assert "нет прав для обмена" in caught.value.message


def test_probe_quotes_a_wrong_password_and_an_older_core(portal: PortalEmulator) -> None:
    with client_for(portal, password="wrong") as client, pytest.raises(PortalAuthError):
        client.probe()
    assert [r.method for r in portal.requests] == ["GET", "POST"]
    portal.inject(Fault("info", "failure", message="Неизвестная команда."))
    with client_for(portal) as client:
        assert client.probe() is False  # a core without mode=info: every check passed


def test_zipped_answer_is_unpacked(tmp_path: Path) -> None:
    from desktop_app.emulators.world import World

    world = World.generate(seed=2, buyers=10)
    with (
        PortalEmulator(world, orders=7, zip_answer=True) as portal,
        client_for(portal) as client,
    ):
        client.checkauth()
        answer = client.query(tmp_path)
    assert answer.zipped is True
    assert len(order_ids(answer.path)) == 7


def test_cyrillic_login_is_sent_as_utf8(portal: PortalEmulator, tmp_path: Path) -> None:
    portal.add_user("обмен-заказов", "пароль№1")
    with client_for(portal, user="обмен-заказов", password="пароль№1") as client:
        client.checkauth()
        assert len(order_ids(client.query(tmp_path).path)) == 40


def test_wrong_password_quotes_the_portal(portal: PortalEmulator) -> None:
    with client_for(portal, password="wrong") as client, pytest.raises(PortalAuthError) as caught:
        client.checkauth()
    assert caught.value.portal_words
    assert caught.value.portal_words in caught.value.message
    assert "login portal" in caught.value.message
    # Basic first, then Bitrix's login form (AUTH_FORM/TYPE=AUTH) for CGI hostings.
    assert [r.method for r in portal.requests] == ["GET", "POST"]


def test_user_without_export_rights(portal: PortalEmulator) -> None:
    """Bitrix lets any user log in; the component refuses the exchange at the next step."""
    portal.add_user("buyer", "pw", can_export=False)
    with client_for(portal, user="buyer", password="pw") as client:
        client.checkauth()
        with pytest.raises(PortalRefusedError) as caught:
            client.success()
    assert "нет прав для обмена" in caught.value.message


def test_failure_line_on_init(portal: PortalEmulator) -> None:
    portal.inject(Fault("init", "failure", message="Модуль sale не установлен"))
    with client_for(portal) as client:
        client.checkauth()
        with pytest.raises(PortalRefusedError) as caught:
            client.init()
    assert "Модуль sale не установлен" in caught.value.message


def test_html_error_page(portal: PortalEmulator) -> None:
    portal.inject(Fault("checkauth", "html500"))
    with client_for(portal) as client, pytest.raises(PortalPageError) as caught:
        client.checkauth()
    assert "веб-страниц" in caught.value.message
    assert "HTTP 500" in caught.value.message


def test_empty_query_answer(portal: PortalEmulator, tmp_path: Path) -> None:
    portal.inject(Fault("query", "empty"))
    with client_for(portal) as client:
        client.checkauth()
        with pytest.raises(PortalEmptyAnswerError) as caught:
            client.query(tmp_path)
    assert "Получен пустой ответ сервера" in caught.value.message


def test_cut_answer_is_fetched_again_in_a_new_session(
    portal: PortalEmulator, tmp_path: Path
) -> None:
    portal.inject(Fault("query", "truncate"))
    with client_for(portal) as client:
        client.checkauth()
        answer = client.query(tmp_path)
        assert len(order_ids(answer.path)) == 40
    modes = [r.mode for r in portal.requests]
    # The repeat logs in again: the old session would continue after the lost orders.
    assert modes == ["checkauth", "query", "checkauth", "query"]


def test_answer_cut_every_time_is_an_error(portal: PortalEmulator, tmp_path: Path) -> None:
    portal.inject(Fault("query", "truncate", times=10))
    with client_for(portal, retries=2) as client:
        client.checkauth()
        with pytest.raises(PortalTruncatedError) as caught:
            client.query(tmp_path)
    assert "оборвался" in caught.value.message


def test_dropped_connection_is_retried(portal: PortalEmulator) -> None:
    portal.inject(Fault("checkauth", "drop", times=2))
    with client_for(portal) as client:
        client.checkauth()
    assert [r.mode for r in portal.requests] == ["checkauth"] * 3


def test_lost_success_answer_is_repeated_harmlessly(portal: PortalEmulator, tmp_path: Path) -> None:
    portal.inject(Fault("success", "drop"))  # applied, then the answer is lost
    with client_for(portal) as client:
        client.checkauth()
        client.query(tmp_path)
        client.success()
    assert len(portal.exported_ids()) == 40


def test_portal_that_never_answers(portal: PortalEmulator) -> None:
    portal.inject(Fault("checkauth", "latency", seconds=3, times=10))
    with (
        client_for(portal, read_timeout=0.3, retries=1) as client,
        pytest.raises(PortalConnectionError) as caught,
    ):
        client.checkauth()
    assert "не ответил вовремя" in caught.value.message


def test_answer_that_stops_midway(portal: PortalEmulator, tmp_path: Path) -> None:
    portal.inject(Fault("query", "stall", seconds=5, times=3))
    with client_for(portal, read_timeout=0.5, retries=1) as client:
        client.checkauth()
        with pytest.raises(PortalConnectionError) as caught:
            client.query(tmp_path)
    assert "не ответил вовремя" in caught.value.message
    assert "portal.read_timeout" in caught.value.message


def test_nothing_listening() -> None:
    connection = PortalConnection(
        url="http://127.0.0.1:9/exchange.php", user="u", password="p", retries=1, backoff=0.01
    )
    with ExchangeClient(connection) as client, pytest.raises(PortalConnectionError) as caught:
        client.checkauth()
    assert "Не удалось связаться с порталом" in caught.value.message


def test_url_must_be_complete() -> None:
    with pytest.raises(PortalConfigError) as caught:
        ExchangeClient(PortalConnection(url="b2b.example.ru", user="u", password="p"))
    assert "полный URL" in caught.value.message


def test_missing_ca_bundle_is_reported(tmp_path: Path) -> None:
    connection = PortalConnection(
        url="https://127.0.0.1/x.php", user="u", password="p", ca_bundle=tmp_path / "none.pem"
    )
    with pytest.raises(PortalConfigError) as caught:
        ExchangeClient(connection)
    assert "portal.ca_bundle" in caught.value.message


@pytest.fixture
def tls_portal(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """An HTTPS server on 127.0.0.1 with a self-signed certificate that answers `success`."""
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    made = subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
         "-keyout", str(key), "-out", str(cert)],
        capture_output=True, check=False,
    )  # fmt: skip
    if made.returncode != 0:
        pytest.skip(f"openssl cannot make a test certificate: {made.stderr[-200:]!r}")

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body = b"success\nPHPSESSID\nabc\nsessid=123\n"
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *_args: object) -> None:
            return

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"https://127.0.0.1:{server.server_address[1]}/exchange.php", cert
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def test_tls_is_verified_and_a_ca_bundle_can_be_given(tls_portal: tuple[str, Path]) -> None:
    url, cert = tls_portal
    untrusted = PortalConnection(url=url, user="u", password="p", retries=0)
    with ExchangeClient(untrusted) as client, pytest.raises(PortalCertificateError) as caught:
        client.checkauth()
    assert "portal.ca_bundle" in caught.value.message
    trusted = PortalConnection(url=url, user="u", password="p", ca_bundle=cert, retries=0)
    with ExchangeClient(trusted) as client:
        client.checkauth()  # the same server, now trusted through the configured CA file


@pytest.mark.parametrize(
    ("fixture", "mode", "first_line"),
    [
        ("answer-checkauth-bom.cp1251.txt", "checkauth", "success"),
        ("answer-init-blank-lines.cp1251.txt", "init", "zip=no"),
        ("answer-success-bom.cp1251.txt", "success", "success"),
    ],
)
def test_text_answers_behind_a_bom_and_blank_lines(
    fixture: str, mode: str, first_line: str
) -> None:
    body = (FIXTURES / fixture).read_bytes()
    lines = check_text_answer(mode, decode_answer(body, "windows-1251"))
    assert lines[0] == first_line
    assert not any("п»ї" in line or "\ufeff" in line for line in lines)


def test_a_refusal_behind_boms_is_still_a_refusal_in_the_sites_words() -> None:
    body = (FIXTURES / "answer-failure-bom.cp1251.txt").read_bytes()
    with pytest.raises(PortalRefusedError) as caught:
        check_text_answer("init", decode_answer(body, "windows-1251"))
    assert caught.value.portal_words == "Ошибка проверки источника запроса. Обновите модуль обмена."


@pytest.fixture
def noisy_portal() -> Iterator[PortalEmulator]:
    """A windows-1251 site that prints a BOM and blank lines before every answer."""
    with PortalEmulator(
        World.generate(seed=17, buyers=30), orders=40, lead_bytes=PHP_FILE_NOISE
    ) as emulator:
        yield emulator


def test_whole_round_with_a_bom_before_every_answer(
    noisy_portal: PortalEmulator, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level("DEBUG"), client_for(noisy_portal) as client:
        client.checkauth()
        info = client.init()
        answer = client.query(tmp_path)
        assert answer.path.read_bytes().startswith(PHP_FILE_NOISE + b"<?xml")
        assert len(order_ids(answer.path, answer.charset)) == 40
        client.success()
    assert info.version == "2.09"
    assert noisy_portal.committed_time() is not None
    assert [r for r in caplog.records if r.levelname in ("WARNING", "ERROR")] == []
    assert [r.method for r in noisy_portal.requests if r.mode == "checkauth"] == ["GET"]


def test_wrong_password_behind_a_bom_is_still_refused_in_words(
    noisy_portal: PortalEmulator,
) -> None:
    with (
        client_for(noisy_portal, password="wrong") as client,
        pytest.raises(PortalAuthError) as caught,
    ):
        client.checkauth()
    assert caught.value.portal_words == "Ошибка авторизации. Неверное имя пользователя или пароль."


def test_a_query_refusal_behind_boms_is_a_refusal_not_a_broken_page(
    noisy_portal: PortalEmulator, tmp_path: Path
) -> None:
    noisy_portal.inject(Fault("query", "failure", message="Сайт на обслуживании"))
    with client_for(noisy_portal) as client:
        client.checkauth()
        with pytest.raises(PortalRefusedError) as caught:
            client.query(tmp_path)
    assert caught.value.portal_words == "Сайт на обслуживании"


def test_a_query_answer_of_only_boms_and_blank_lines_is_empty(
    noisy_portal: PortalEmulator, tmp_path: Path
) -> None:
    noisy_portal.inject(Fault("query", "empty"))
    with client_for(noisy_portal) as client:
        client.checkauth()
        with pytest.raises(PortalEmptyAnswerError):
            client.query(tmp_path)
