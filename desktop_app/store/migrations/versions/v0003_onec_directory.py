"""The cached 1C directory: counterparties, partners and the refreshes that read them.

Revision ID: 0003
Revises: 0002
Create Date: 2026-01-26

Review looks candidates up by ИНН, КПП and name many times a minute, offline if need be, so
`Catalog_Контрагенты` and `Catalog_Партнеры` are copied into the store. Three new tables; no
existing table changes, so no batch rebuild is needed and the orders stay exactly as they were.
The cache starts empty: the first refresh fills it.

`seen_generation` points at the refresh that last saw a row; a complete refresh removes the
rows whose generation is older (they are gone from 1C), hence its index. The CHECK lists are
written out here: a migration describes the schema of its own time.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

KINDS = "('counterparties', 'partners')"
STATUSES = "('started', 'finished', 'failed')"


def upgrade() -> None:
    op.create_table(
        "directory_refreshes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("finished_at", sa.DateTime(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("complete", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("rows_seen", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("rows_inserted", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("rows_updated", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("rows_removed", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("error", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_directory_refreshes"),
        sa.CheckConstraint(f"kind IN {KINDS}", name=op.f("ck_directory_refreshes_kind")),
        sa.CheckConstraint(f"status IN {STATUSES}", name=op.f("ck_directory_refreshes_status")),
    )

    op.create_table(
        "onec_counterparties",
        sa.Column("ref_key", sa.Text(), nullable=False),
        sa.Column("data_version", sa.Text(), nullable=False),
        sa.Column("deletion_mark", sa.Boolean(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("full_name", sa.Text(), nullable=True),
        sa.Column("inn", sa.Text(), nullable=True),
        sa.Column("kpp", sa.Text(), nullable=True),
        sa.Column("registration_number", sa.Text(), nullable=True),
        sa.Column("okpo", sa.Text(), nullable=True),
        sa.Column("legal_form", sa.Text(), nullable=True),
        sa.Column("partner_key", sa.Text(), nullable=True),
        sa.Column("head_key", sa.Text(), nullable=True),
        sa.Column("is_branch", sa.Boolean(), nullable=False),
        sa.Column("name_normalized", sa.Text(), nullable=False),
        sa.Column("full_name_normalized", sa.Text(), nullable=False),
        sa.Column("seen_generation", sa.Integer(), nullable=False),
        sa.Column("cached_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("ref_key", name="pk_onec_counterparties"),
        sa.ForeignKeyConstraint(
            ["seen_generation"],
            ["directory_refreshes.id"],
            name="fk_onec_counterparties_seen_generation_directory_refreshes",
        ),
    )
    op.create_index("ix_onec_counterparties_inn_kpp", "onec_counterparties", ["inn", "kpp"])
    for column in ("name_normalized", "full_name_normalized", "partner_key", "seen_generation"):
        op.create_index(f"ix_onec_counterparties_{column}", "onec_counterparties", [column])

    op.create_table(
        "onec_partners",
        sa.Column("ref_key", sa.Text(), nullable=False),
        sa.Column("data_version", sa.Text(), nullable=False),
        sa.Column("deletion_mark", sa.Boolean(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("legal_form", sa.Text(), nullable=True),
        sa.Column("is_client", sa.Boolean(), nullable=False),
        sa.Column("manager_key", sa.Text(), nullable=True),
        sa.Column("comment", sa.Text(), nullable=True),
        sa.Column("name_normalized", sa.Text(), nullable=False),
        sa.Column("seen_generation", sa.Integer(), nullable=False),
        sa.Column("cached_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("ref_key", name="pk_onec_partners"),
        sa.ForeignKeyConstraint(
            ["seen_generation"],
            ["directory_refreshes.id"],
            name="fk_onec_partners_seen_generation_directory_refreshes",
        ),
    )
    op.create_index("ix_onec_partners_name_normalized", "onec_partners", ["name_normalized"])
    op.create_index("ix_onec_partners_seen_generation", "onec_partners", ["seen_generation"])


def downgrade() -> None:
    op.drop_table("onec_partners")  # dropping a table drops its indexes too
    op.drop_table("onec_counterparties")
    op.drop_table("directory_refreshes")
