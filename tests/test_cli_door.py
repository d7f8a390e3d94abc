"""The command line refuses at the door what used to be taken and crash later (issue 14, 8 and 11).

Each case was a traceback (or a value that broke the window or an invoice later); now each is
one sentence on stderr and exit code 2, with nothing written. The commands run as a user
runs them: `main()` in-process for the many settings, subprocesses where the environment
matters (the keyring backend is chosen once per process).
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from desktop_app.cli.main import main
from desktop_app.domain import requisite_keys
from desktop_app.domain.order import Order
from desktop_app.emulators.world import World
from desktop_app.services import settings
from desktop_app.store import Database, IncomingOrder, OrderRepository

from conftest import cli, one_line_error


def run(data: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data), *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    ("key", "value", "words"),
    [
        ("portal.read_timeout", "nan", "нужно число больше 0 и не больше 3600"),
        ("onec.connect_timeout", "inf", "нужно число больше 0 и не больше 3600"),
        ("portal.url", "ftp://b2b.example.ru/exchange.php", "https://"),
        ("onec.url", "https://1c.example.ru:99999/ut11/odata/", "порта от 1 до 65535"),
        ("portal.url", "http://[::1/x", "не разбирается"),
        ("portal.fetch_every", "40000", "от 0 и не больше 1440"),
        ("portal.retries", "1000000000", "от 1 и не больше 20"),
        ("review.parallel_writes", "100000", "не больше 32"),
        ("invoice.number", "{number:>99999999999999}", "не больше 40 знаков"),
        ("invoice.number", "{number:>{id}}", "не разобран"),
        ("invoice.number", "{number:d}", "не подходит к его полям"),
        ("portal.user", "manager\nroot", "в одну строку"),
        ("onec.user", "Мене\tджер", "в одну строку"),
    ],
)
def test_config_set_refuses_values_that_crash_later(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], key: str, value: str, words: str
) -> None:
    code, out, err = run(tmp_path, capsys, "config", "set", key, value)
    assert code == 2 and out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1 and words in lines[0] and key in lines[0], err
    assert not (tmp_path / settings.SETTINGS_FILE).exists()  # nothing written


def test_sane_values_are_still_taken(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sane = [("portal.read_timeout", "3600"), ("portal.fetch_every", "0"),
            ("portal.retries", "20"), ("invoice.number", "ИМ-{year}-{number:>06}"),
            ("onec.url", "https://1c.example.ru:8443/ut11/odata/standard.odata/")]  # fmt: skip
    for key, value in sane:
        code, _, err = run(tmp_path, capsys, "config", "set", key, value)
        assert code == 0, err
    loaded = settings.load(tmp_path)
    assert loaded.portal.retries == 20 and loaded.invoice.number == "ИМ-{year}-{number:>06}"


def test_an_http_address_is_taken_with_a_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(tmp_path, capsys, "config", "set", "onec.url",
                         "http://1c.office.local/ut11/odata/standard.odata/")  # fmt: skip
    assert code == 0 and "onec.url = http://1c.office.local" in out
    assert len(err.strip().splitlines()) == 1 and "незашифрованными" in err
    assert settings.load(tmp_path).onec.url.startswith("http://1c.office.local")
    for quiet in ("https://b2b.example.ru/exchange.php", "http://127.0.0.1:8080/exchange.php"):
        code, _, err = run(tmp_path, capsys, "config", "set", "portal.url", quiet)
        assert code == 0 and err == ""  # encrypted, or never leaves this computer


@pytest.mark.parametrize(
    "content",
    ["[1,2,3]", "null", '{"portal": [1,2]}', '{"portal": {"user": ["a"]}}', '"text"',
     '{"portal": {"fetch_every": 40000}}', '{"portal": {"read_timeout": NaN}}'],
)  # fmt: skip
def test_settings_file_that_is_json_but_not_settings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str
) -> None:
    path = tmp_path / settings.SETTINGS_FILE
    path.write_text(content, encoding="utf-8")
    for command in (("config", "show"), ("config", "set", "portal.user", "u"), ("fetch",),
                    ("push",)):  # fmt: skip
        code, out, err = run(tmp_path, capsys, *command)
        assert code == 2 and out == "", command
        lines = err.strip().splitlines()
        assert len(lines) == 1 and str(path) in lines[0] and "не подходит" in lines[0], err
    assert path.read_text(encoding="utf-8") == content  # not overwritten


def test_queue_limit_is_bounded(tmp_path: Path) -> None:
    one_line_error(cli(tmp_path, "queue", "--limit", "99999999999999999999"), "от 1 до 1000000")
    one_line_error(cli(tmp_path, "queue", "--limit", "0"), "--limit")
    assert cli(tmp_path, "queue", "--limit", "5").returncode == 0


def test_an_unknown_keyring_backend_is_a_sentence(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings.save(tmp_path, settings.Settings(
        portal=settings.PortalSettings(url="https://b2b.example.ru/x.php", user="manager")
    ))  # fmt: skip
    for backend in ("nosuch.Backend", "keyring.backends.fail.Nope", "garbage"):
        monkeypatch.setenv("PYTHON_KEYRING_BACKEND", backend)
        for command in (("login", "portal", "--password-stdin"), ("fetch",)):
            result = cli(tmp_path, *command, stdin="секрет\n")
            one_line_error(result, f"PYTHON_KEYRING_BACKEND указано «{backend}»")
        shown = cli(tmp_path, "config", "show")
        assert shown.returncode == 0 and "PYTHON_KEYRING_BACKEND" in shown.stdout


@pytest.fixture
def one_order(tmp_path: Path) -> Path:
    """A data folder with one stored order, number D-1 (no network needed to decide on it)."""
    data = tmp_path / "data"
    order = next(iter(World.generate(seed=17, buyers=5).orders(1)))
    with Database.open(data) as database:
        repository = OrderRepository(database)
        fetch = repository.start_fetch("https://b2b.example.ru/exchange.php", "own-page")
        repository.store_batch(fetch, [IncomingOrder(_numbered(order), 1, None, None)])
    return data


def _numbered(order: Order) -> Order:
    return dataclasses.replace(order, number="D-1")


@pytest.mark.parametrize(
    ("arguments", "words"),
    [
        (("--field", "inn=12345"), "«12345» не подходит для поля inn"),
        (("--field", "inn=7707083893", "--field", "kpp=ABC"), "«ABC» не подходит для поля kpp"),
        (("--field", "ogrn=1027700132196"), "поля ogrn"),
        (("--field", "head_key=not-a-guid"), "поля head_key"),
        (("--partner", "not-a-guid"), "не ключ партнёра 1С"),
    ],
)
def test_decide_create_refuses_bad_requisites_at_the_door(
    one_order: Path, arguments: tuple[str, ...], words: str
) -> None:
    one_line_error(cli(one_order, "decide", "D-1", "--create", *arguments), words)
    rows = json.loads(cli(one_order, "queue", "--json").stdout)
    assert rows[0]["decision"] is None  # nothing recorded


def test_decide_create_takes_valid_requisites(one_order: Path) -> None:
    inn = requisite_keys.complete_inn10("770708389")
    ogrn = requisite_keys.complete_ogrn("102770013219")
    partner = "3f2504e0-4f89-11d3-9a0c-0305e82c3301"
    result = cli(one_order, "decide", "D-1", "--create", "--json", "--field", f"inn={inn}",
                 "--field", "kpp=77070A001", "--field", f"ogrn={ogrn}", "--partner",
                 partner.upper())  # fmt: skip
    assert result.returncode == 0, result.stderr
    decision = json.loads(result.stdout)
    assert decision["card"]["inn"] == inn and decision["card"]["kpp"] == "77070A001"
    assert decision["partner_key"] == partner
