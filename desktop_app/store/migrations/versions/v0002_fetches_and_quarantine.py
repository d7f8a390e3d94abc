"""Fetches and quarantined documents; orders and revisions learn which fetch brought them.

Revision ID: 0002
Revises: 0001
Create Date: 2026-01-19

Before this revision the store knew orders but not the exchanges that brought them. Existing
rows keep NULL in the new fetch columns: nobody knows which fetch brought them, and saying so
is better than inventing one. On SQLite the two altered tables are rebuilt (batch mode), with
their data, indexes and constraints.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

PAGE_MODES = "('own-page', 'peek')"
FETCH_STATUSES = "('started', 'downloaded', 'stored', 'confirmed', 'failed')"


def upgrade() -> None:
    op.create_table(
        "fetches",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("finished_at", sa.DateTime(), nullable=True),
        sa.Column("portal_url", sa.Text(), nullable=False),
        sa.Column("page_mode", sa.String(length=16), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("new_count", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("changed_count", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("unchanged_count", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("quarantined_count", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("answer_bytes", sa.BigInteger(), nullable=True),
        sa.Column("error", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_fetches"),
        sa.CheckConstraint(f"page_mode IN {PAGE_MODES}", name=op.f("ck_fetches_page_mode")),
        sa.CheckConstraint(f"status IN {FETCH_STATUSES}", name=op.f("ck_fetches_status")),
    )
    op.create_table(
        "quarantined_documents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("fetch_id", sa.Integer(), nullable=False),
        sa.Column("document_index", sa.Integer(), nullable=True),
        sa.Column("portal_id", sa.Text(), nullable=True),
        sa.Column("line", sa.Integer(), nullable=True),
        sa.Column("column", sa.Integer(), nullable=True),
        sa.Column("code", sa.Text(), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("source_document", sa.LargeBinary(), nullable=True),
        sa.Column("source_encoding", sa.Text(), nullable=True),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_quarantined_documents"),
        sa.ForeignKeyConstraint(
            ["fetch_id"], ["fetches.id"], name="fk_quarantined_documents_fetch_id_fetches"
        ),
    )
    op.create_index("ix_quarantined_documents_fetch_id", "quarantined_documents", ["fetch_id"])

    with op.batch_alter_table("orders") as batch:
        batch.add_column(sa.Column("first_seen_fetch_id", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("last_seen_fetch_id", sa.Integer(), nullable=True))
        batch.create_foreign_key(
            "fk_orders_first_seen_fetch_id_fetches", "fetches", ["first_seen_fetch_id"], ["id"]
        )
        batch.create_foreign_key(
            "fk_orders_last_seen_fetch_id_fetches", "fetches", ["last_seen_fetch_id"], ["id"]
        )
    with op.batch_alter_table("order_revisions") as batch:
        batch.add_column(sa.Column("fetch_id", sa.Integer(), nullable=True))
        batch.create_foreign_key(
            "fk_order_revisions_fetch_id_fetches", "fetches", ["fetch_id"], ["id"]
        )
        batch.create_index("ix_order_revisions_fetch_id", ["fetch_id"])


def downgrade() -> None:
    with op.batch_alter_table("order_revisions") as batch:
        batch.drop_index("ix_order_revisions_fetch_id")
        batch.drop_constraint("fk_order_revisions_fetch_id_fetches", type_="foreignkey")
        batch.drop_column("fetch_id")
    with op.batch_alter_table("orders") as batch:
        batch.drop_constraint("fk_orders_last_seen_fetch_id_fetches", type_="foreignkey")
        batch.drop_constraint("fk_orders_first_seen_fetch_id_fetches", type_="foreignkey")
        batch.drop_column("last_seen_fetch_id")
        batch.drop_column("first_seen_fetch_id")
    op.drop_index("ix_quarantined_documents_fetch_id", table_name="quarantined_documents")
    op.drop_table("quarantined_documents")
    op.drop_table("fetches")
