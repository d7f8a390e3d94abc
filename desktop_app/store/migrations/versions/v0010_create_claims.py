"""Create claims: one decision creates a new company in 1C, the others wait for it.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-03

Four parallel writes, or two workstations pushing at once, used to create one new buyer
two to four times: every decision looked in 1C before any of them had created it. A
company (ИНН+КПП, or a person's name and address) is now claimed by one decision in this
table, whose unique key the database itself guards.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | Sequence[str] | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "create_claims",
        sa.Column("company_key", sa.Text(), nullable=False),
        sa.Column("decision_id", sa.Integer(), nullable=False),
        sa.Column("holder", sa.Text(), nullable=True),
        sa.Column("lease_until", sa.DateTime(), nullable=True),
        sa.Column("claimed_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("company_key", name="pk_create_claims"),
        sa.ForeignKeyConstraint(["decision_id"], ["decisions.id"],
                                name="fk_create_claims_decision_id_decisions"),
    )  # fmt: skip


def downgrade() -> None:
    op.drop_table("create_claims")
