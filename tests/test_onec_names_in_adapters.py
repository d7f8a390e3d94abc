"""1C's field and set names live in `adapters/onec/` only: the services ask `OneCObjects`.

A use case that writes `"Ref_Key"` or `"Catalog_Партнеры"` itself builds an OData query the
adapter does not know of; its field names then drift from the `$select` lists, the bodies and
the publication check. The scan looks at every string the services' code holds (docstrings
and sentences aside: they may name a field to a reader) for one that is a 1C name.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from desktop_app.adapters.onec import onec_bodies, onec_rows, site_orders

from conftest import ROOT

SERVICES = ROOT / "desktop_app" / "services"
SHAPES = re.compile(
    r"^(Catalog|Document|ChartOfCharacteristicTypes|InformationRegister|AccumulationRegister)_"
    r"|^[\wА-Яа-яЁё]+_(Key|Type)$"
)


def onec_names() -> set[str]:
    """Every field and set name the adapters read or write."""
    names: set[str] = set()
    for module in (onec_rows, onec_bodies, site_orders):
        for name, value in vars(module).items():
            if not name.isupper():
                continue
            if isinstance(value, str):
                names.add(value)
            elif isinstance(value, tuple) and all(isinstance(v, str) for v in value):
                names.update(value)
    return names


def code_strings(path: Path) -> list[tuple[int, str]]:
    """The string constants of a module's code: no docstrings, no bare string statements."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    prose = {id(node.value) for node in ast.walk(tree)
             if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)}  # fmt: skip
    return [(node.lineno, node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str)
            and id(node) not in prose]  # fmt: skip


def one_c_names_in(path: Path, names: set[str]) -> list[str]:
    return [f"{path.name}:{line}: {text!r}" for line, text in code_strings(path)
            if text in names or SHAPES.search(text)]  # fmt: skip


def test_the_known_names_are_many_and_include_the_obvious() -> None:
    names = onec_names()
    assert {"Ref_Key", "Description", "ИНН", "Catalog_Контрагенты", "Комментарий"} <= names


def test_no_service_names_a_1c_field_or_set() -> None:
    names = onec_names()
    found = [hit for path in sorted(SERVICES.glob("*.py")) for hit in one_c_names_in(path, names)]
    assert found == []


def test_the_scan_sees_a_query_written_in_a_service(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text('"""Reads `Ref_Key`."""\nQUERY = ("Ref_Key", "Партнер_Key")\n', "utf-8")
    assert one_c_names_in(sample, onec_names()) == [
        "sample.py:2: 'Ref_Key'", "sample.py:2: 'Партнер_Key'",
    ]  # fmt: skip
