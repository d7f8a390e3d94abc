"""Argument types that refuse absurd numbers when the command line is parsed.

`int` alone takes `--limit 99999999999999999999`, which then fails deep inside SQLite
("Python int too large to convert to SQLite INTEGER") as a traceback. A bounded type turns
it into argparse's usage error: one line on stderr and exit code 2 (GUIDE §11).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable


def count(low: int, high: int) -> Callable[[str], int]:
    """A whole number from `low` to `high`; anything else is a usage error in words."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"«{text}» — не целое число") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"нужно число от {low} до {high}, а не {text}")
        return value

    parse.__name__ = "число"  # argparse names the type in its own message otherwise
    return parse
