"""Decisions, the outbox of 1C writes, and confirmed buyer mappings.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-28

Three new tables; the orders stay as they were (a deferred order keeps `needs_review`, its
decision says it was deferred), so no table is rebuilt. The CHECK lists are written out: a
migration describes the schema of its own time.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

DECISION_KINDS = "('create', 'link', 'reject', 'defer')"
WRITE_STATES = "('none', 'queued', 'waiting', 'failed', 'written', 'conflict')"
STEP_KINDS = "('create_partner', 'create_counterparty', 'link_order')"
STEP_STATES = "('pending', 'sending', 'done', 'waiting', 'failed', 'conflict', 'blocked')"


def upgrade() -> None:
    op.create_table(
        "decisions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("card", sa.Text(), nullable=True),
        sa.Column("counterparty_key", sa.Text(), nullable=True),
        sa.Column("partner_key", sa.Text(), nullable=True),
        sa.Column("reason", sa.Text(), server_default=sa.text("''"), nullable=False),
        sa.Column("automatic", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("confirmed", sa.Boolean(), server_default=sa.text("1"), nullable=False),
        sa.Column("marker", sa.Text(), nullable=False),
        sa.Column("decided_by", sa.Text(), nullable=False),
        sa.Column("decided_at", sa.DateTime(), nullable=False),
        sa.Column("superseded_at", sa.DateTime(), nullable=True),
        sa.Column("write_state", sa.String(length=16), server_default=sa.text("'none'"),
                  nullable=False),
        sa.Column("write_message", sa.Text(), nullable=True),
        sa.Column("written_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_decisions"),
        sa.ForeignKeyConstraint(["order_id"], ["orders.id"],
                                name="fk_decisions_order_id_orders"),
        sa.CheckConstraint(f"kind IN {DECISION_KINDS}", name=op.f("ck_decisions_kind")),
        sa.CheckConstraint(f"write_state IN {WRITE_STATES}",
                           name=op.f("ck_decisions_write_state")),
    )  # fmt: skip
    op.create_index("ix_decisions_order_id", "decisions", ["order_id"])
    op.create_index("ix_decisions_write_state", "decisions", ["write_state"])

    op.create_table(
        "outbox_steps",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("decision_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("attempts", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("result_key", sa.Text(), nullable=True),
        sa.Column("message", sa.Text(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_outbox_steps"),
        sa.ForeignKeyConstraint(["decision_id"], ["decisions.id"],
                                name="fk_outbox_steps_decision_id_decisions"),
        sa.UniqueConstraint("decision_id", "position",
                            name="uq_outbox_steps_decision_id_position"),
        sa.CheckConstraint(f"kind IN {STEP_KINDS}", name=op.f("ck_outbox_steps_kind")),
        sa.CheckConstraint(f"state IN {STEP_STATES}", name=op.f("ck_outbox_steps_state")),
    )  # fmt: skip
    op.create_index("ix_outbox_steps_state", "outbox_steps", ["state"])

    op.create_table(
        "counterparty_mappings",
        sa.Column("buyer_portal_id", sa.Text(), nullable=False),
        sa.Column("counterparty_key", sa.Text(), nullable=False),
        sa.Column("partner_key", sa.Text(), nullable=True),
        sa.Column("decision_id", sa.Integer(), nullable=True),
        sa.Column("confirmed_at", sa.DateTime(), nullable=False),
        sa.Column("confirmed_by", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("buyer_portal_id", name="pk_counterparty_mappings"),
        sa.ForeignKeyConstraint(["decision_id"], ["decisions.id"],
                                name="fk_counterparty_mappings_decision_id_decisions"),
    )  # fmt: skip


def downgrade() -> None:
    op.drop_table("counterparty_mappings")
    op.drop_table("outbox_steps")
    op.drop_table("decisions")
