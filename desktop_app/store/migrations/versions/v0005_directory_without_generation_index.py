"""The directory cache's `seen_generation` columns lose their indexes.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-28

Every refresh stamps every row it sees with its generation, so each index on
`seen_generation` was rewritten 200,000 times a refresh, while the one query that filters on
the column (a complete refresh removing what 1C no longer has) runs once and reads the
table faster than that. `if_exists`: a first refresh that was killed before building its
indexes may have left them dropped (see `store.directory_writing`).
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0005"
down_revision: str | Sequence[str] | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ("onec_counterparties", "onec_partners")


def upgrade() -> None:
    for table in TABLES:
        op.drop_index(f"ix_{table}_seen_generation", table_name=table, if_exists=True)


def downgrade() -> None:
    for table in TABLES:
        op.create_index(f"ix_{table}_seen_generation", table, ["seen_generation"])
