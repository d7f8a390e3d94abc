"""A column holding what a write came to as a code and parameters (`wording.said.Said`).

Saved as the value's JSON text, so the words are chosen when it is shown, in the reader's
language. A sentence saved before outcomes were codes (migration 0011 wraps those it
finds; any it did not reads the same) comes back as `outcome.legacy` with the text whole.
"""

from __future__ import annotations

from sqlalchemy import Dialect, Text
from sqlalchemy.types import TypeDecorator

from desktop_app.wording.said import Said


class SaidText(TypeDecorator[Said]):
    impl = Text
    cache_ok = True

    def process_bind_param(self, value: Said | None, dialect: Dialect) -> str | None:
        return None if value is None else value.to_json()

    def process_result_value(self, value: str | None, dialect: Dialect) -> Said | None:
        return None if value is None else Said.from_json(value)
