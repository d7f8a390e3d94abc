"""The OData client against hostile 1C servers on 127.0.0.1 (issue 14, points 6, 9, 10).

A redirect to another origin must not take the password there; a server that trickles its
answer must not hold a read (or `check onec`) past `onec.deadline`, and a write cut by the
deadline stays "outcome unknown"; a 100 MB page must cost no more memory than the limit.
"""

from __future__ import annotations

import json
import threading
import tracemalloc

import pytest

from desktop_app.adapters.onec.odata_client import ODataClient, OneCConnection
from desktop_app.adapters.onec.odata_errors import (
    OneCConnectionError,
    OneCDeadlineError,
    OneCRedirectError,
    OneCTooLargeError,
)
from desktop_app.adapters.onec.odata_query import Query

from hostile_server import HostileServer, Reply, Seen, endless, trickle

ROOT = "/ut11/odata/standard.odata/"
COUNTERPARTIES = "Catalog_Контрагенты"


def client(server: HostileServer, **options: object) -> ODataClient:
    connection = OneCConnection(
        url=server.url(ROOT), user="Администратор", password="s3cret", backoff=0.01,
        **options,  # type: ignore[arg-type]
    )  # fmt: skip
    return ODataClient(connection)


def test_a_read_redirected_to_another_port_does_not_carry_the_password() -> None:
    with HostileServer(lambda seen: Reply(200, {}, [b"never"])) as elsewhere:
        target = elsewhere.url(ROOT)
        redirect = Reply(307, {"Location": target, "Content-Length": "0"})
        with HostileServer(lambda seen: redirect) as onec, client(onec) as odata:
            with pytest.raises(OneCRedirectError) as raised:
                odata.count(Query(COUNTERPARTIES))
            assert "Authorization" in onec.seen[0].headers
        assert elsewhere.seen == []
    assert raised.value.message == (
        f"подсчёт {COUNTERPARTIES}: 1С перенаправила запрос на другой адрес ({target}); "
        "пароль туда не отправлен."
    )


def test_a_write_redirected_to_another_host_sends_no_body_there() -> None:
    with HostileServer(lambda seen: Reply(200, {}, [b"never"])) as elsewhere:
        target = elsewhere.url(ROOT, host="localhost")
        redirect = Reply(308, {"Location": target, "Content-Length": "0"})
        with HostileServer(lambda seen: redirect) as onec, client(onec) as odata:
            with pytest.raises(OneCRedirectError, match="пароль туда не отправлен"):
                odata.create(COUNTERPARTIES, {"Description": "ООО «Ромашка»"})
            assert onec.seen[0].body  # the body went to 1C's own address only
        assert elsewhere.seen == []


@pytest.mark.parametrize("announced", [True, False], ids=["content-length", "until-close"])
def test_a_trickled_read_ends_at_the_deadline(announced: bool) -> None:
    stopping = threading.Event()
    headers = {
        "Content-Type": "application/json",
        **({"Content-Length": "9999"} if announced else {}),
    }

    def answer(seen: Seen) -> Reply:
        return Reply(200, headers, trickle(b'{"value": [', 0.2, stopping))

    with HostileServer(answer) as onec, client(onec, deadline=1.0) as odata:
        try:
            with pytest.raises(OneCDeadlineError) as raised:
                odata.rows(Query(COUNTERPARTIES))
        finally:
            stopping.set()
    assert raised.value.message == (
        f"чтение {COUNTERPARTIES}: 1С не ответила полностью за 1 с (если 1С просто медленная, "
        "увеличьте onec.deadline)."
    )
    assert len(onec.seen) == 1  # not retried past the deadline


def test_a_write_cut_by_the_deadline_is_outcome_unknown() -> None:
    """A connection error for the push: the step stays `sending` and is looked up first."""
    stopping = threading.Event()

    def answer(seen: Seen) -> Reply:
        return Reply(201, {"Content-Type": "application/json"}, trickle(b"{", 0.2, stopping))

    with HostileServer(answer) as onec, client(onec, deadline=1.0) as odata:
        try:
            with pytest.raises(OneCDeadlineError) as raised:
                odata.create(COUNTERPARTIES, {"Description": "ООО «Ромашка»"})
        finally:
            stopping.set()
    assert isinstance(raised.value, OneCConnectionError)
    assert raised.value.message.endswith("Неизвестно, успела ли 1С выполнить запись.")
    assert len(onec.seen) == 1


def test_a_100_mb_page_is_refused_without_holding_it() -> None:
    """1.67 GB of RSS before (issue 14, point 10); now at most the page limit is held."""
    size = 100 * 1024 * 1024
    row = json.dumps({"Ref_Key": "0" * 36, "Description": "Я" * 1000}).encode() + b","

    def answer(seen: Seen) -> Reply:
        body = [b'{"value": [', *endless(row, size)]
        return Reply(200, {"Content-Type": "application/json"}, body)

    with HostileServer(answer) as onec, client(onec) as odata:
        tracemalloc.start()
        try:
            with pytest.raises(OneCTooLargeError) as raised:
                odata.rows(Query(COUNTERPARTIES))
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    assert peak < 48 * 1024 * 1024
    assert onec.sent_bytes < size // 2
    assert raised.value.message.startswith(
        f"чтение {COUNTERPARTIES}: 1С прислала ответ длиннее 16 МБ"
    )


def test_values_longer_than_1c_allows_are_cut_and_counted() -> None:
    """A 50,000-character name cannot be 1C's (Description is 100 in УТ 11): cut, counted."""
    rows = [
        {"Ref_Key": "1" * 36, "Description": "Я" * 50_000, "ИНН": "7707083893"},
        {
            "Ref_Key": "2" * 36,
            "Description": "ООО «Ромашка»",
            "НаименованиеПолное": "Ф" * 300,
            "КонтактнаяИнформация": [{"LineNumber": "1", "НомерТелефона": "9" * 40}],
        },
        {"Ref_Key": "3" * 36, "Description": "Д" * 101, "Комментарий": "к" * 20_000},
    ]
    body = json.dumps({"value": rows}, ensure_ascii=False).encode()

    def answer(seen: Seen) -> Reply:
        headers = {"Content-Type": "application/json", "Content-Length": str(len(body))}
        return Reply(200, headers, [body])

    with HostileServer(answer) as onec, client(onec) as odata:
        got = odata.rows(Query(COUNTERPARTIES))
        assert [len(row["Description"]) for row in got] == [100, 13, 100]
        assert got[0]["Description"] == "Я" * 100 and got[0]["ИНН"] == "7707083893"
        assert len(got[1]["НаименованиеПолное"]) == 250
        assert got[1]["КонтактнаяИнформация"][0]["НомерТелефона"] == "9" * 20
        assert len(got[2]["Комментарий"]) == 10_000
        assert dict(odata.cut_values) == {
            f"{COUNTERPARTIES}.Description": 2,
            f"{COUNTERPARTIES}.НаименованиеПолное": 1,
            f"{COUNTERPARTIES}_КонтактнаяИнформация.НомерТелефона": 1,
            f"{COUNTERPARTIES}.Комментарий": 1,
        }
        assert odata.cut_findings()[0] == (
            f"1С прислала значений поля {COUNTERPARTIES}.Description длиннее, чем позволяет "
            "1С: 2; они обрезаны до 100 знаков."
        )
