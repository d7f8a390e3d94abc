"""`python -m desktop_app parse FILE`: JSON on stdout, exit codes, one clear line on stderr."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from desktop_app.cli.main import main

from conftest import FIXTURES, ROOT


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop_app", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        check=False,
    )


def parse_json(capsys: pytest.CaptureFixture[str], path: Path) -> tuple[int, dict[str, Any], str]:
    code = main(["parse", str(path)])
    captured = capsys.readouterr()
    return code, json.loads(captured.out), captured.err


def test_parse_prints_every_documented_field(capsys: pytest.CaptureFixture[str]) -> None:
    code, output, err = parse_json(capsys, FIXTURES / "bitrix-2.08-legal-entity.cp1251.xml")
    assert code == 0 and err == ""
    assert output["errors"] == []
    (doc,) = output["documents"]
    for key in (
        "id", "number", "date", "time", "operation", "currency", "total", "comment",
        "buyer", "counterparties", "taxes", "discounts", "items", "properties",
    ):  # fmt: skip
        assert key in doc
    assert (doc["id"], doc["date"], doc["time"], doc["total"]) == (
        "5102",
        "2026-11-19",
        "16:42:07",
        "35280.00",
    )
    assert doc["taxes"] == [{"name": "НДС", "rate": None, "included": True, "amount": "5880.00"}]
    buyer = doc["buyer"]
    assert buyer == doc["counterparties"][0]
    assert buyer["kind"] == "legal" and buyer["inn"] == "7810123451"
    assert buyer["bank_accounts"][0]["bik"] == "044030827"
    assert buyer["representatives"][0] == {
        "relation": "Контактное лицо",
        "name": "Кузнецова Ирина Павловна",
        "id": "8c5e1d0e3b7f4a42a4b1a7c2d9e6f013",
    }
    assert {"path": "ИНН", "value": "7810123451 "} in buyer["raw"]
    item = doc["items"][0]
    assert {k: item[k] for k in ("sku", "unit", "unit_code", "quantity", "price", "amount")} == {
        "sku": "ПЛ-4410",
        "unit": "шт",
        "unit_code": "796",
        "quantity": "60",
        "price": "360.00",
        "amount": "21600.00",
    }
    assert (item["vat_rate"], item["vat_amount"], item["kind"]) == ("20", "3600.00", "Товар")
    assert doc["properties"][0] == {
        "name": "Способ доставки",
        "value": "Доставка курьером",
        "values": ["Доставка курьером"],
    }


def test_absent_values_are_null(capsys: pytest.CaptureFixture[str]) -> None:
    _, output, _ = parse_json(capsys, FIXTURES / "bitrix-2.08-entrepreneur.cp1251.xml")
    buyer = output["documents"][0]["buyer"]
    assert buyer["kpp"] is None  # <КПП></КПП>
    assert buyer["okpo"] is None  # not in the file at all
    assert output["documents"][0]["comment"] is None


def test_exit_code_1_lists_quarantined_documents(tmp_path: Path) -> None:
    path = tmp_path / "two.xml"
    path.write_text(
        "<КоммерческаяИнформация>"
        "<Документ><Ид>1</Ид><ХозОперация>Заказ товара</ХозОперация><Сумма>x</Сумма></Документ>"
        "<Документ><Ид>2</Ид><ХозОперация>Заказ товара</ХозОперация><Сумма>5</Сумма></Документ>"
        "</КоммерческаяИнформация>",
        encoding="utf-8",
    )
    result = run_cli("parse", str(path))
    assert result.returncode == 1
    output = json.loads(result.stdout)
    assert [d["id"] for d in output["documents"]] == ["2"]
    (error,) = output["errors"]
    assert (error["index"], error["id"], error["code"]) == (1, "1", "bad-number")
    assert "Документ №1 (Ид 1)" in result.stderr


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"", "Пустой ответ"),
        ("<html><head><title>Ошибка 500</title></head></html>".encode(), "Ошибка 500"),
        (b'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>', "DTD"),
        ("<КоммерческаяИнформация ВерсияСх".encode(), "оборван"),
    ],
)
def test_exit_code_2_with_one_line_and_no_traceback(
    tmp_path: Path, content: bytes, words: str
) -> None:
    path = tmp_path / "bad.xml"
    path.write_bytes(content)
    result = run_cli("parse", str(path))
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and words in lines[0]
    assert "Traceback" not in result.stderr
    assert "root:" not in result.stderr


def test_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    result = run_cli("parse", str(tmp_path / "nope.xml"))
    assert result.returncode == 2
    assert "не удалось открыть файл" in result.stderr
    assert "Traceback" not in result.stderr


def test_bad_arguments_exit_2() -> None:
    result = run_cli("parse")
    assert result.returncode == 2
    assert "ошибка" in result.stderr


def test_console_script_is_installed() -> None:
    script = Path(sys.executable).with_name("order-review")
    if not script.exists():
        pytest.skip("the package is not installed in this interpreter's environment")
    result = subprocess.run(
        [str(script), "parse", str(FIXTURES / "bitrix-2.08-entrepreneur.cp1251.xml")],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert result.returncode == 0
    assert json.loads(result.stdout)["documents"][0]["buyer"]["inn"] == "773370857141"
