"""Registry answers: what the state registry (DaData) said of an ИНН+КПП, and when.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-04

A look-up costs a request of a daily limit and a second of waiting, and the review must
work without the network: each answer is kept here with its date (`asked_at`), keyed by
the ИНН and the КПП asked ("" for none). `suggestions` is DaData's list as it came (JSON):
the reader of it (domain.registry_record) may learn more fields without asking again.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | Sequence[str] | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "registry_answers",
        sa.Column("inn", sa.Text(), nullable=False),
        sa.Column("kpp", sa.Text(), nullable=False, server_default=sa.text("''")),
        sa.Column("suggestions", sa.Text(), nullable=False),
        sa.Column("asked_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("inn", "kpp", name="pk_registry_answers"),
    )


def downgrade() -> None:
    op.drop_table("registry_answers")
