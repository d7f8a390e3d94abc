"""Write outcomes are saved as a code and parameters, not as a Russian sentence.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-03

`outbox_steps.message` and `decisions.write_message` held the sentence the push wrote; they
now hold `wording.said.Said` as JSON (`store.said_column`), worded when shown, in the
reader's language. A sentence saved before is wrapped as `outcome.legacy` with the text
whole, so it is still shown exactly as it was saved. The columns stay text.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence

import sqlalchemy as sa
from alembic import context, op

revision: str = "0011"
down_revision: str | Sequence[str] | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

LEGACY = "outcome.legacy"
"""Written out, not imported: a migration keeps meaning what it meant when it was written."""
COLUMNS = (("outbox_steps", "message"), ("decisions", "write_message"))


def upgrade() -> None:
    _rewrite(lambda text: json.dumps({"code": LEGACY, "params": {"text": text}},
                                     ensure_ascii=False, sort_keys=True))  # fmt: skip


def downgrade() -> None:
    """Back to sentences: a legacy one as it was, a coded one as its code (no wording here)."""

    def sentence(stored: str) -> str:
        said = json.loads(stored)
        return str(said["params"].get("text") if said["code"] == LEGACY else said["code"])

    _rewrite(sentence)


def _rewrite(convert: Callable[[str], str]) -> None:
    """Row by row (a sentence is no SQL): a script rendered offline leaves the sentences,
    which `Said.from_json` reads as legacy all the same."""
    if context.is_offline_mode():
        return
    bind = op.get_bind()
    for name, column in COLUMNS:
        table = sa.table(name, sa.column("id", sa.Integer()), sa.column(column, sa.Text()))
        value = table.c[column]
        for row_id, stored in bind.execute(sa.select(table.c.id, value).where(value.is_not(None))):
            bind.execute(
                sa.update(table).where(table.c.id == row_id).values({column: convert(stored)})
            )
