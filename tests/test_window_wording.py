"""No sentence the window shows names a CLI command, a setting's key or a protocol step
(issue 16, point 12): the window says where in the window to act, the CLI and the log keep
the technical words. Every table's window variant is scanned, every literal the window
translates in `ui/`, and the words a parameter brings (`mode`, `what`)."""

from __future__ import annotations

import ast
import importlib
import pkgutil
import re
from pathlib import Path

import pytest

import desktop_app.wording as wording_package
from desktop_app.wording.catalog import Table
from desktop_app.wording.registry import said_text
from desktop_app.wording.said import Said
from desktop_app.wording.window_words import STEPS, request_words, step_words

UI = Path(__file__).resolve().parents[1] / "desktop_app" / "ui"
TECHNICAL = re.compile(
    r"login (onec|portal|registry)|config set|python -m|\bcheck (onec|portal)\b|--[a-z]"
    r"|registry check|\b(onec|portal|seller|review|ui|invoice|export|registry)\.[a-z_]{2,}"
    r"|checkauth|sessid|secure_1c_exchange|\$metadata|Catalog_|Document_|\{entity_set\}"
    r"|\(init\)|success ответил"
)


def tables() -> list[Table]:
    found: dict[int, Table] = {}
    for module in pkgutil.iter_modules(wording_package.__path__):
        loaded = importlib.import_module(f"{wording_package.__name__}.{module.name}")
        found |= {id(v): v for v in vars(loaded).values() if isinstance(v, Table)}
    return list(found.values())


def test_no_window_wording_names_a_command_a_key_or_a_step() -> None:
    named = [
        (table.name, code, table.wording(code, window=True).source)
        for table in tables()
        for code in table.wordings
        if table.name != "settings help"  # the CLI's `config` help, never shown as a message
        and TECHNICAL.search(table.wording(code, window=True).source)
    ]
    assert named == []


def test_the_cli_keeps_its_technical_words_and_the_window_says_where_to_act() -> None:
    said = Said("outcome.again", {"error": Said("onec.while", {
        "what": "чтение Document_ЗаказКлиента", "said": Said("onec.login_refused")})})  # fmt: skip
    cli = said_text(said)
    assert "login onec" in cli and "Document_ЗаказКлиента" in cli
    window = said_text(said, window=True)
    assert not TECHNICAL.search(window), window
    assert "в Настройках" in window and "чтение заказов клиентов" in window


@pytest.mark.parametrize("mode", [*STEPS, "неведомый"])
def test_a_step_of_the_exchange_is_said_in_words(mode: str) -> None:
    refused = said_text(Said("portal.refused", {"mode": mode, "words": "нет"}), window=True)
    assert not TECHNICAL.search(refused) and step_words(mode) in refused


@pytest.mark.parametrize(
    "what", ["чтение Catalog_Партнеры", "подсчёт Catalog_Контрагенты", "чтение $metadata",
             "создание Catalog_НечтоНовое", "изменение Document_ЗаказКлиента"],
)  # fmt: skip
def test_a_request_to_1c_is_said_in_words(what: str) -> None:
    assert not TECHNICAL.search(request_words(what))


def window_literals() -> list[tuple[str, int, str]]:
    """Every string the ui translates: `translate("Context", "…")` calls and their likes."""
    found = []
    for path in sorted(UI.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or len(node.args) < 2:
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(
                node.func, "id", "")  # fmt: skip
            text = node.args[1]
            if name == "translate" and isinstance(text, ast.Constant):
                found.append((path.name, node.lineno, str(text.value)))
    return found


def test_no_window_text_of_the_ui_names_a_command_a_key_or_a_step() -> None:
    literals = window_literals()
    assert len(literals) > 100  # the scan sees the window's words
    assert [(f, n, t) for f, n, t in literals if TECHNICAL.search(t)] == []
