"""Orders and their revisions: the first schema of the local store.

Revision ID: 0001
Revises:
Create Date: 2026-01-12

An order row holds the current state of a portal order for the queue; every version the
portal sent is an `order_revisions` row (payload + the exact source bytes). The two tables
point at each other (`orders.current_revision_id`), so on a server database that foreign key
is added once both tables exist; SQLite accepts it inline.

The lists in the CHECK constraints are written out here on purpose: a migration describes the
schema of its own time and must not change when the enums in the code grow.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

REVIEW_STATES = "('new', 'needs_review', 'decided', 'written', 'rejected', 'error')"


def upgrade() -> None:
    inline_cycle = not op.get_context().dialect.supports_alter
    op.create_table(
        "orders",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("portal_id", sa.Text(), nullable=False),
        sa.Column("number", sa.Text(), nullable=True),
        sa.Column("version", sa.Text(), nullable=True),
        sa.Column("order_date", sa.Date(), nullable=True),
        sa.Column("total", sa.Text(), nullable=True),
        sa.Column("total_kopecks", sa.BigInteger(), nullable=True),
        sa.Column("currency", sa.Text(), nullable=True),
        sa.Column("buyer_portal_id", sa.Text(), nullable=True),
        sa.Column("buyer_name", sa.Text(), nullable=True),
        sa.Column("buyer_inn", sa.Text(), nullable=True),
        sa.Column("buyer_kpp", sa.Text(), nullable=True),
        sa.Column("buyer_kind", sa.Text(), nullable=True),
        sa.Column("search_text", sa.Text(), server_default=sa.text("''"), nullable=False),
        sa.Column(
            "review_state", sa.String(length=16), server_default=sa.text("'new'"), nullable=False
        ),
        sa.Column("changed_since_review", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("current_revision_id", sa.Integer(), nullable=True),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_orders"),
        sa.UniqueConstraint("portal_id", name="uq_orders_portal_id"),
        sa.CheckConstraint(f"review_state IN {REVIEW_STATES}", name=op.f("ck_orders_review_state")),
        *(
            [
                sa.ForeignKeyConstraint(
                    ["current_revision_id"],
                    ["order_revisions.id"],
                    name="fk_orders_current_revision_id_order_revisions",
                )
            ]
            if inline_cycle
            else []
        ),
    )
    op.create_index("ix_orders_review_state_order_date", "orders", ["review_state", "order_date"])
    op.create_index("ix_orders_order_date", "orders", ["order_date"])
    op.create_index("ix_orders_number", "orders", ["number"])
    op.create_index("ix_orders_buyer_inn", "orders", ["buyer_inn"])
    op.create_index("ix_orders_buyer_name", "orders", ["buyer_name"])

    op.create_table(
        "order_revisions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("source_document", sa.LargeBinary(), nullable=True),
        sa.Column("source_encoding", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_order_revisions"),
        sa.ForeignKeyConstraint(
            ["order_id"], ["orders.id"], name="fk_order_revisions_order_id_orders"
        ),
        sa.UniqueConstraint("order_id", "number", name="uq_order_revisions_order_id_number"),
    )
    if not inline_cycle:
        op.create_foreign_key(
            "fk_orders_current_revision_id_order_revisions",
            "orders",
            "order_revisions",
            ["current_revision_id"],
            ["id"],
        )


def downgrade() -> None:
    if op.get_context().dialect.supports_alter:
        op.drop_constraint(
            "fk_orders_current_revision_id_order_revisions", "orders", type_="foreignkey"
        )
    op.drop_table("order_revisions")
    op.drop_table("orders")
