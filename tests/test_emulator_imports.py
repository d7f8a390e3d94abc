"""The product imports the emulators through one door: `desktop_app.emulators.demo`.

The emulators are a demo and a test bench (GUIDE §6); were the product to reach into their
servers, worlds or seeds, the bench would grow into a second product that has to stay
compatible with it. The demo says what the product may use, once.
"""

from __future__ import annotations

import ast
from pathlib import Path

import desktop_app

PACKAGE = Path(desktop_app.__file__).parent
EMULATORS = "desktop_app.emulators"
DOOR = "desktop_app.emulators.demo"


def emulator_imports(source: str) -> set[str]:
    """Every `desktop_app.emulators…` module a source imports, wherever the import stands."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith(EMULATORS))
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith(EMULATORS):
            module = node.module or ""
            if module == EMULATORS:  # `from desktop_app.emulators import demo`
                found.update(f"{module}.{a.name}" for a in node.names)
            else:
                found.add(module)
    return found


def test_the_product_imports_only_the_demo_from_the_emulators() -> None:
    wrong = {
        f"{path.relative_to(PACKAGE)}: {module}"
        for path in PACKAGE.rglob("*.py")
        if "emulators" not in path.relative_to(PACKAGE).parts
        for module in emulator_imports(path.read_text(encoding="utf-8"))
        if module != DOOR
    }
    assert not wrong


def test_the_scan_sees_every_way_of_importing() -> None:
    source = (
        "import desktop_app.emulators.world\n"
        "from desktop_app.emulators import onec\n"
        "def later():\n"
        "    from desktop_app.emulators.portal.server import X\n"
        "from desktop_app.emulators.demo import DemoServers\n"
        "from desktop_app.domain import order\n"
    )
    assert emulator_imports(source) == {
        "desktop_app.emulators.world",
        "desktop_app.emulators.onec",
        "desktop_app.emulators.portal.server",
        DOOR,
    }


def test_the_product_does_use_the_door() -> None:
    """Else the first test would pass on a scan that finds nothing."""
    users = [
        path.name
        for path in PACKAGE.rglob("*.py")
        if "emulators" not in path.relative_to(PACKAGE).parts
        and DOOR in emulator_imports(path.read_text(encoding="utf-8"))
    ]
    assert sorted(users) == ["demo.py", "demo_command.py", "emulators_command.py"]
