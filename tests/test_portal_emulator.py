"""The 1C-Bitrix portal emulator over real HTTP on 127.0.0.1: protocol, cursor, faults.

Every test talks to a running emulator with `requests`, as an exchange client would; the
clock is a fake one the test moves, so DATE_UPDATE seconds are exact and nothing sleeps
except the latency and stall faults (fractions of a second).
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import signal
import subprocess
import sys
import threading
import time
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import requests
from portal_helpers import APP, ONEC, START, Client, FakeClock, PortalFactory, order_ids, save

from desktop_app.adapters.portal.commerceml_reader import CommerceMLReader, ReadOrder, ReadProblem
from desktop_app.domain.order import Order
from desktop_app.emulators.portal import Fault, PortalEmulator
from desktop_app.emulators.portal import bitrix_messages as words
from desktop_app.emulators.world import World

WORLD = World.generate(11, buyers=30, start=dt.date(2025, 10, 6))
ROOT = Path(__file__).resolve().parent.parent


def in_export_order(portal: PortalEmulator, since: dt.datetime | None = None) -> list[str]:
    """Ид of the orders a query from `since` must return, ORDER BY DATE_UPDATE, ID."""
    updates = portal.order_updates()
    rows = sorted((moment, int(key)) for key, moment in updates.items())
    return [str(number) for moment, number in rows if since is None or moment >= since]


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def make_portal(clock: FakeClock) -> Iterator[PortalFactory]:
    factory = PortalFactory(WORLD, clock, orders=6)
    yield factory
    factory.stop_all()


@pytest.fixture
def portal(make_portal: Callable[..., PortalEmulator]) -> PortalEmulator:
    return make_portal()


@pytest.fixture
def client_for(portal: PortalEmulator) -> Iterator[Callable[..., Client]]:
    clients: list[Client] = []

    def make(page: str = APP, target: PortalEmulator | None = None) -> Client:
        client = Client(target or portal, page)
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.close()


# --- checkauth, cookie, sessid ---------------------------------------------------------


def test_checkauth_answers_cookie_and_sessid(client_for: Callable[..., Client]) -> None:
    client = client_for()
    answer = client.http.get(
        client.url, params={"type": "sale", "mode": "checkauth"}, auth=("exchange", "secret")
    )
    assert answer.status_code == 200
    assert answer.headers["Content-Type"] == "text/html; charset=windows-1251"
    success, name, value, sessid, tail = answer.text.split("\n")
    assert (success, name, tail) == ("success", "PHPSESSID", "")
    assert re.fullmatch(r"[0-9a-v]{26}", value)
    assert re.fullmatch(r"sessid=[0-9a-f]{32}", sessid)
    assert f"PHPSESSID={value}; path=/" in answer.headers["Set-Cookie"]
    assert client.http.cookies["PHPSESSID"] == value


def test_wrong_password_is_a_failure_with_bitrix_words(client_for: Callable[..., Client]) -> None:
    client = client_for()
    assert client.checkauth(password="wrong") == ["failure", words.AUTHORIZE]


def test_cyrillic_login_works_as_utf8_basic_and_form(
    portal: PortalEmulator, client_for: Callable[..., Client]
) -> None:
    portal.add_user("обмен", "пароль")
    assert client_for().checkauth("обмен", "пароль")[0] == "success"
    form = client_for()
    fields = {"AUTH_FORM": "Y", "TYPE": "AUTH", "USER_LOGIN": "обмен", "USER_PASSWORD": "пароль"}
    answer = form.http.post(form.url, params={"type": "sale", "mode": "checkauth"}, data=fields)
    assert answer.content.decode("cp1251").split("\n")[0] == "success"


def test_bare_login_fields_without_auth_form_are_ignored(client_for: Callable[..., Client]) -> None:
    """main/include.php logs in from a POST only when AUTH_FORM is set and TYPE=AUTH."""
    client = client_for()
    fields = {"USER_LOGIN": "exchange", "USER_PASSWORD": "secret"}
    answer = client.http.post(client.url, params={"type": "sale", "mode": "checkauth"}, data=fields)
    assert answer.content.decode("cp1251") == "failure\n" + words.AUTHORIZE


def test_user_without_exchange_rights_passes_checkauth_only(
    portal: PortalEmulator, client_for: Callable[..., Client]
) -> None:
    portal.add_user("manager", "pw", can_export=False)
    client = client_for()
    assert client.checkauth("manager", "pw")[0] == "success"
    assert client.text("init") == "failure\n" + words.PERMISSION_DENIED


def test_without_session_cookie_the_request_is_not_authorised(
    client_for: Callable[..., Client],
) -> None:
    client = client_for()
    answer = client.call("query")
    assert answer.content.decode("cp1251") == "failure\n" + words.AUTHORIZE
    assert "PHPSESSID=" in answer.headers["Set-Cookie"]  # PHP started a session anyway


def test_sessid_is_required_site_wide_after_its_first_use(
    portal: PortalEmulator, client_for: Callable[..., Client]
) -> None:
    client = client_for()
    client.checkauth()
    assert client.text("init", with_sessid=False).startswith("zip=no")  # not secured yet
    assert not portal.secure_exchange
    assert client.text("init").startswith("zip=no")  # the first request with sessid
    assert portal.secure_exchange
    assert client.text("init", with_sessid=False) == "failure\n" + words.SOURCE_CHECK
    wrong = client.call("init", with_sessid=False, sessid="0" * 32).content.decode("cp1251")
    assert wrong == "failure\n" + words.SOURCE_CHECK
    other = client_for(ONEC)  # another session on another page: the option is site-wide
    other.checkauth()
    assert other.text("init", with_sessid=False) == "failure\n" + words.SOURCE_CHECK
    assert [r.had_sessid for r in portal.requests if r.mode == "init"][:2] == [False, True]


def test_init_lines_with_and_without_version(
    make_portal: Callable[..., PortalEmulator], client_for: Callable[..., Client]
) -> None:
    client = client_for()
    client.checkauth()
    assert client.text("init", with_sessid=False) == "zip=no\nfile_limit=204800\n"
    assert client.text("init", version="2.08") == (
        f"zip=no\nfile_limit=204800\nsessid={client.sessid}\nversion=2.09"
    )
    zipping = client_for(target=make_portal(zip_enabled=True, file_limit=1000))
    zipping.checkauth()
    assert zipping.text("init") == "zip=yes\nfile_limit=1000\n"


# --- the query answer ------------------------------------------------------------------


def test_query_is_cp1251_commerceml_the_reader_reads(
    portal: PortalEmulator, client_for: Callable[..., Client], tmp_path: Path
) -> None:
    client = client_for()
    client.checkauth()
    answer = client.call("query")
    assert answer.headers["Content-Type"] == "application/xml; charset=windows-1251"
    assert int(answer.headers["Content-Length"]) == len(answer.content)
    assert answer.content.startswith(b'<?xml version="1.0" encoding="windows-1251"?>')
    path = save(answer.content, tmp_path)
    reader = CommerceMLReader(path)
    items = list(reader.documents())
    assert reader.schema_version == "2.05"
    assert not [item for item in items if isinstance(item, ReadProblem)]
    assert [i.order.id for i in items if isinstance(i, ReadOrder)] == in_export_order(portal)


@pytest.mark.parametrize(
    ("asked", "layout"), [("2.08", "2.08"), ("2.10", "2.1"), ("3.1", "3.1"), ("2.03", "2.05")]
)
def test_query_layout_follows_the_version_asked_at_init(
    client_for: Callable[..., Client], tmp_path: Path, asked: str, layout: str
) -> None:
    client = client_for()
    client.checkauth()
    client.text("init", version=asked)
    reader = CommerceMLReader(save(client.call("query").content, tmp_path))
    assert reader.schema_version == layout
    assert len([item for item in reader.documents() if isinstance(item, ReadOrder)]) == 6


def test_crm_mode_utf8_body_keeps_the_windows_1251_header(
    make_portal: Callable[..., PortalEmulator], client_for: Callable[..., Client], tmp_path: Path
) -> None:
    """The component labels every query answer windows-1251, even the unconverted UTF-8."""
    client = client_for(target=make_portal(encoding="utf-8"))
    client.checkauth()
    answer = client.call("query")
    assert answer.headers["Content-Type"] == "application/xml; charset=windows-1251"
    assert answer.content.startswith(b'<?xml version="1.0" encoding="UTF-8"?>')
    assert len(order_ids(save(answer.content, tmp_path))) == 6


def test_empty_result_is_the_root_element_alone(
    make_portal: Callable[..., PortalEmulator], client_for: Callable[..., Client], tmp_path: Path
) -> None:
    client = client_for(target=make_portal(orders=0))
    client.checkauth()
    body = client.call("query").content.decode("cp1251")
    assert "<Документ>" not in body
    assert re.fullmatch(
        r"<\?xml[^>]*\?>\n<КоммерческаяИнформация [^>]*>\n</КоммерческаяИнформация>\n", body
    )
    assert order_ids(save(body.encode("cp1251"), tmp_path)) == []


def test_zip_yes_at_init_does_not_zip_the_query(
    make_portal: Callable[..., PortalEmulator], client_for: Callable[..., Client]
) -> None:
    """sale.export.1c never zips its answer: zip=yes concerns 1C's uploads (mode=file)."""
    client = client_for(target=make_portal(zip_enabled=True))
    client.checkauth()
    client.text("init")
    assert client.call("query").content.startswith(b"<?xml")


def test_zip_answer_option_sends_a_valid_zip_with_the_xml(
    make_portal: Callable[..., PortalEmulator], client_for: Callable[..., Client], tmp_path: Path
) -> None:
    client = client_for(target=make_portal(zip_answer=True))
    client.checkauth()
    answer = client.call("query")
    assert answer.headers["Content-Type"] == "application/zip"
    with zipfile.ZipFile(io.BytesIO(answer.content)) as archive:
        [name] = archive.namelist()
        xml = archive.read(name)
    assert name.endswith(".xml")
    assert len(order_ids(save(xml, tmp_path))) == 6


# --- the cursor ------------------------------------------------------------------------


def test_without_success_a_new_session_gets_everything_again(
    portal: PortalEmulator, client_for: Callable[..., Client], tmp_path: Path
) -> None:
    every = in_export_order(portal)
    first = client_for()
    first.checkauth()
    assert first.query_ids(tmp_path) == every
    assert portal.committed_time() is None
    again = client_for()
    again.checkauth()
    assert again.query_ids(tmp_path) == every
    assert portal.exported_ids() == frozenset()
    assert portal.delivered_ids() == every


def test_a_second_query_in_the_same_session_continues_after_the_first(
    portal: PortalEmulator, client_for: Callable[..., Client], tmp_path: Path, clock: FakeClock
) -> None:
    """CSaleExport::prepareFilter: the session's LAST_ORDER_ID bounds the next query.

    So a client that retries a failed download in the same session gets nothing back;
    it must log in again (a new session) to be sent the same orders.
    """
    client = client_for()
    client.checkauth()
    client.query_ids(tmp_path)
    assert client.query_ids(tmp_path) == []
    clock.tick()
    added = portal.add_orders(2)
    assert client.query_ids(tmp_path) == added


def test_after_success_only_orders_updated_since_come_again(
    portal: PortalEmulator, client_for: Callable[..., Client], tmp_path: Path, clock: FakeClock
) -> None:
    client = client_for()
    client.checkauth()
    every = client.query_ids(tmp_path)
    last_update = portal.order_updates()[every[-1]]
    assert portal.export_time() == last_update  # the last exported order's DATE_UPDATE
    assert client.text("success") == "success\n"
    assert portal.committed_time() == last_update
    assert portal.exported_ids() == frozenset(every)
    clock.tick(60)
    portal.edit_order("3")
    clock.tick()
    added = portal.add_orders(2)
    later = client_for()
    later.checkauth()
    assert later.query_ids(tmp_path) == ["3", *added]


def test_same_second_orders_come_again_except_the_logged_boundary(
    portal: PortalEmulator, client_for: Callable[..., Client], tmp_path: Path, clock: FakeClock
) -> None:
    """`>=` repeats the committed second, but the exchange log drops what it already sent.

    Both halves are real (Exchange::isEffected): an order saved again within the committed
    second is not sent again, and neither is a same-second order another query already
    sent — committed or not.
    """
    clock.now = START.replace(hour=9)
    portal.add_orders(1)
    client = client_for()
    client.checkauth()
    every = client.query_ids(tmp_path)
    client.text("success")
    assert portal.committed_time() == START.replace(hour=9)
    same_second = portal.add_orders(1)  # placed in the committed second, after the export
    portal.edit_order(every[-1])  # the boundary order saved again within the same second
    later = client_for()
    later.checkauth()
    assert later.query_ids(tmp_path) == same_second  # the edit is not sent
    clock.tick()
    portal.edit_order(every[-1])
    again = client_for()
    again.checkauth()
    assert again.query_ids(tmp_path) == [every[-1]]  # same_second: logged by `later`


def test_orders_per_query_cuts_a_versioned_query(
    make_portal: Callable[..., PortalEmulator], client_for: Callable[..., Client], tmp_path: Path
) -> None:
    portal = make_portal(orders_per_query=4)
    every = in_export_order(portal)
    client = client_for(target=portal)
    client.checkauth()
    assert len(client.query_ids(tmp_path)) == 6  # no version at init: no time limit
    versioned = client_for(target=portal)
    versioned.checkauth()
    versioned.text("init", version="2.08")
    assert versioned.query_ids(tmp_path) == every[:4]
    versioned.text("success")
    assert versioned.query_ids(tmp_path) == every[4:]


def test_edits_are_realistic_and_raise_the_version(
    portal: PortalEmulator, client_for: Callable[..., Client], tmp_path: Path, clock: FakeClock
) -> None:
    def read_order_3() -> Order:
        client = client_for()
        client.checkauth()
        client.text("init", version="2.08")
        path = save(client.call("query").content, tmp_path)
        [order] = [
            i.order
            for i in CommerceMLReader(path).documents()
            if isinstance(i, ReadOrder) and i.order.id == "3"
        ]
        return order

    before = read_order_3()
    seen = [before]
    for _ in range(3):
        clock.tick()
        portal.edit_order("3")
        seen.append(read_order_3())
    assert [int(order.version or 0) for order in seen] == [
        int(before.version or 0) + i for i in range(4)
    ]
    assert seen[1].property_value("Статус заказа") != before.property_value("Статус заказа")
    assert seen[2].comment and seen[2].comment != before.comment
    assert seen[3].lines[0].quantity == (before.lines[0].quantity or 0) + 1
    assert (seen[3].total or 0) > (before.total or 0)
    assert portal.order_updates()["3"] == clock.now
    with pytest.raises(KeyError):
        portal.edit_order("999")


def test_two_pages_keep_independent_cursors(
    portal: PortalEmulator, client_for: Callable[..., Client], tmp_path: Path
) -> None:
    onec = client_for(ONEC)
    onec.checkauth()
    onec.query_ids(tmp_path)
    onec.text("success")
    assert portal.committed_time(ONEC) is not None
    assert portal.committed_time(APP) is None
    app = client_for(APP)
    app.checkauth()
    assert app.query_ids(tmp_path) == in_export_order(portal)


def test_pages_sharing_their_first_22_characters_share_one_cursor(
    portal: PortalEmulator, client_for: Callable[..., Client], tmp_path: Path
) -> None:
    twin = "/bitrix/admin/1c_exchange_app.php"  # "/bitrix/admin/1c_excha" like 1C's page
    app = client_for(twin)
    app.checkauth()
    app.query_ids(tmp_path)
    app.text("success")
    assert portal.committed_time(ONEC) == portal.committed_time(twin) is not None
    onec = client_for(ONEC)
    onec.checkauth()
    assert onec.query_ids(tmp_path) == []  # 1C lost the orders the other page took


def test_success_from_a_stale_session_is_an_error(
    portal: PortalEmulator, client_for: Callable[..., Client], tmp_path: Path
) -> None:
    first = client_for()
    first.checkauth()
    first.query_ids(tmp_path)
    client_for().checkauth()  # another client logs in on the same page since
    assert first.text("success") == "error\n"
    assert portal.committed_time() is None


def test_other_modes(client_for: Callable[..., Client]) -> None:
    client = client_for()
    client.checkauth()
    # Without a version at init, mode=file loads the upload at once: nothing sent, nothing
    # to load (sale.export.1c "old version" branch).
    assert client.text("file", filename="orders.xml") == "failure\n" + words.EMPTY_CML
    assert client.text("import", filename="orders.xml") == "failure\n" + words.EMPTY_CML
    assert client.text("import") == "failure\n" + words.UNKNOWN_COMMAND
    assert client.text("probe") == "failure\n" + words.UNKNOWN_COMMAND
    admin = client_for(ONEC)
    admin.checkauth()
    answer = admin.http.get(admin.url, params={"type": "catalog", "mode": "init"})
    assert answer.content.decode("cp1251") == "failure\nUnknown command type."
    missing = admin.http.get(admin.url.replace(".php", ".html"))
    assert missing.status_code == 404


def test_info_lists_statuses_and_needs_no_checkauth(
    portal: PortalEmulator, client_for: Callable[..., Client]
) -> None:
    """mode=info only reads; Basic auth on the request itself logs in (LoginByHttpAuth)."""
    client = client_for()
    answer = client.http.get(
        client.url, params={"type": "sale", "mode": "info"}, auth=("exchange", "secret")
    )
    assert answer.headers["Content-Type"] == "application/xml; charset=windows-1251"
    assert int(answer.headers["Content-Length"]) == len(answer.content)
    text = answer.content.decode("cp1251")
    assert text.startswith('<?xml version="1.0" encoding="windows-1251"?>')
    assert "<Cтатусы>" in text and "<Ид>N</Ид>" in text and "<СлужбыДоставки>" in text
    assert [r.mode for r in portal.requests] == ["info"]
    assert portal.committed_time() is None and portal.export_time() is None


# --- faults ----------------------------------------------------------------------------


def test_latency_delays_a_normal_answer(
    portal: PortalEmulator, client_for: Callable[..., Client]
) -> None:
    client = client_for()
    client.checkauth()
    portal.inject(Fault("init", "latency", seconds=0.3))
    started = time.monotonic()
    assert client.text("init").startswith("zip=no")
    assert time.monotonic() - started >= 0.3


def test_failure_html500_php_fatal_and_empty_change_nothing(
    portal: PortalEmulator, client_for: Callable[..., Client]
) -> None:
    client = client_for()
    client.checkauth()
    portal.inject(Fault("query", "failure", message="Сайт на обслуживании"))
    assert client.text("query") == "failure\nСайт на обслуживании"
    portal.inject(Fault("query", "html500"))
    page = client.call("query")
    assert page.status_code == 500 and "<h1>500 Internal Server Error</h1>" in page.text
    portal.inject(Fault("success", "php_fatal"))
    fatal = client.call("success")
    assert fatal.status_code == 200 and "<b>Fatal error</b>" in fatal.text
    assert "Content-Length" not in fatal.headers
    portal.inject(Fault("query", "empty"))
    empty = client.call("query")
    assert (empty.status_code, empty.content) == (200, b"")
    assert portal.export_time() is None and portal.committed_time() is None
    assert [r.fault for r in portal.requests[-4:]] == ["failure", "html500", "php_fatal", "empty"]


def test_php_fatal_in_a_query_sends_half_and_moves_the_session_cursor(
    portal: PortalEmulator, client_for: Callable[..., Client], tmp_path: Path, clock: FakeClock
) -> None:
    every = in_export_order(portal)
    client = client_for()
    client.checkauth()
    portal.inject(Fault("query", "php_fatal"))
    answer = client.call("query")
    assert answer.status_code == 200 and "Content-Length" not in answer.headers
    assert answer.content.rstrip().endswith(b"<br />")
    items = list(CommerceMLReader(save(answer.content, tmp_path)).documents())
    assert [i.order.id for i in items if isinstance(i, ReadOrder)] == every[:3]
    assert [i for i in items if isinstance(i, ReadProblem)]
    assert portal.export_time() == START  # the script died before moving it
    assert client.query_ids(tmp_path) == every[3:]  # the same session carries on


def test_truncated_query_was_fully_exported_on_the_server(
    portal: PortalEmulator, client_for: Callable[..., Client], tmp_path: Path
) -> None:
    client = client_for()
    client.checkauth()
    portal.inject(Fault("query", "truncate"))
    with pytest.raises(requests.exceptions.RequestException):
        client.call("query")
    assert client.query_ids(tmp_path) == []  # the retry in the same session: nothing
    fresh = client_for()
    fresh.checkauth()
    assert fresh.query_ids(tmp_path) == in_export_order(portal)  # a new session: all again


def test_dropped_success_answer_still_committed(
    portal: PortalEmulator, client_for: Callable[..., Client], tmp_path: Path
) -> None:
    client = client_for()
    client.checkauth()
    ids = client.query_ids(tmp_path)
    portal.inject(Fault("success", "drop"))
    with pytest.raises(requests.exceptions.ConnectionError):
        client.call("success")
    assert portal.committed_time() is not None
    assert portal.exported_ids() == frozenset(ids)
    assert portal.requests[-1].status is None


def test_fault_times_and_mode_matching(
    portal: PortalEmulator, client_for: Callable[..., Client]
) -> None:
    client = client_for()
    portal.inject(Fault(None, "failure", message="занято", times=2))
    assert client.checkauth() == ["failure", "занято"]
    assert client.checkauth() == ["failure", "занято"]
    assert client.checkauth()[0] == "success"
    portal.inject(Fault("query", "failure"))
    portal.clear_faults()
    assert client.text("init").startswith("zip=")
    with pytest.raises(ValueError, match="unknown fault kind"):
        Fault("query", "explode")  # type: ignore[arg-type]


def test_stall_lets_a_client_give_up_and_stop_stays_prompt(
    make_portal: Callable[..., PortalEmulator], tmp_path: Path
) -> None:
    portal = make_portal(orders=40)
    client = Client(portal)
    try:
        client.checkauth()
        portal.inject(Fault("query", "stall", seconds=30))
        with client.http.get(
            client.url,
            params={"type": "sale", "mode": "query", "sessid": client.sessid or ""},
            stream=True,
            timeout=(5, 0.5),
        ) as answer:
            size = int(answer.headers["Content-Length"])
            received: list[int] = []

            def drain() -> None:
                for chunk in answer.iter_content(64 * 1024):
                    received.append(len(chunk))

            with pytest.raises(requests.exceptions.ConnectionError):
                drain()
            assert 0 < sum(received) < size
        started = time.monotonic()
        portal.stop()
        assert time.monotonic() - started < 5
    finally:
        client.close()


# --- life cycle ------------------------------------------------------------------------


def test_start_and_stop_leave_no_thread_and_only_listen_on_loopback(clock: FakeClock) -> None:
    before = set(threading.enumerate())
    portal = PortalEmulator(WORLD, orders=3, clock=clock)
    with portal:
        assert portal.base_url.startswith("http://127.0.0.1:")
        idle = Client(portal)  # a keep-alive connection left open across stop()
        idle.checkauth()
        results: list[int] = []
        workers = [
            threading.Thread(target=_full_exchange, args=(portal, results)) for _ in range(4)
        ]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join()
        assert results == [3, 3, 3, 3]
    assert set(threading.enumerate()) == before
    assert not portal.running
    idle.close()
    with pytest.raises(RuntimeError):
        _ = portal.base_url


def _full_exchange(portal: PortalEmulator, results: list[int]) -> None:
    client = Client(portal)
    try:
        if client.checkauth()[0] == "success":
            results.append(client.call("query").content.count("<Документ>".encode("cp1251")))
    finally:
        client.close()


def test_emulators_command_serves_until_ctrl_c() -> None:
    script = (
        "import argparse, sys\n"
        "from desktop_app.cli import emulators_command\n"
        "parser = argparse.ArgumentParser()\n"
        "emulators_command.register(parser.add_subparsers())\n"
        "args = parser.parse_args(sys.argv[1:])\n"
        "sys.exit(args.run(args))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONUNBUFFERED": "1"}
    command = [sys.executable, "-c", script, "emulators", "--orders", "2", "--port", "0"]
    process = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True, encoding="utf-8"
    )
    try:
        assert process.stdout is not None
        lines = [process.stdout.readline() for _ in range(6)]
        text = "".join(lines)
        assert "Ctrl+C" in text and "Логин: exchange" in text
        url = re.search(r"http://127\.0\.0\.1:\d+/order_review/exchange\.php", text)
        assert url is not None and "/bitrix/admin/1c_exchange.php" in text
        answer = requests.get(
            url.group(0),
            params={"type": "sale", "mode": "checkauth"},
            auth=("exchange", "secret"),
            timeout=10,
        )
        assert answer.text.startswith("success\n")
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=10) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
