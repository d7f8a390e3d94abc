"""Replacing the counterparty 1C's site exchange put on an order; re-posting; 1C orders.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02

A decision may now replace the counterparty the 1C order holds (`replaces_key`, the one the
manager was shown) and mark it for deletion (`delete_replaced`); its plan gains two step
kinds, `mark_deleted` and `post_order` (the re-post of a posted order), so the CHECK list of
`outbox_steps.kind` is rebuilt (batch: SQLite cannot alter a constraint in place). The new
table `onec_orders` keeps what each portal order's 1C order held when last read. Existing
decisions and steps stay as they were: they simply have no re-post step.

"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | Sequence[str] | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OLD_STEP_KINDS = "('create_partner', 'create_counterparty', 'link_order')"
STEP_KINDS = "('create_partner', 'create_counterparty', 'link_order', 'mark_deleted', 'post_order')"


def upgrade() -> None:
    with op.batch_alter_table("decisions") as batch:
        batch.add_column(sa.Column("replaces_key", sa.Text(), nullable=True))
        batch.add_column(
            sa.Column("delete_replaced", sa.Boolean(), server_default=sa.false(), nullable=False)
        )
    with op.batch_alter_table("outbox_steps") as batch:
        batch.drop_constraint(op.f("ck_outbox_steps_kind"), type_="check")
        batch.create_check_constraint(op.f("ck_outbox_steps_kind"), f"kind IN {STEP_KINDS}")
    op.create_table(
        "onec_orders",
        sa.Column("portal_id", sa.Text(), nullable=False),
        sa.Column("ref_key", sa.Text(), nullable=False),
        sa.Column("counterparty_key", sa.Text(), nullable=True),
        sa.Column("auto_created", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("details", sa.Text(), nullable=False),
        sa.Column("read_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("portal_id", name="pk_onec_orders"),
    )


def downgrade() -> None:
    op.drop_table("onec_orders")
    with op.batch_alter_table("outbox_steps") as batch:
        batch.drop_constraint(op.f("ck_outbox_steps_kind"), type_="check")
        batch.create_check_constraint(op.f("ck_outbox_steps_kind"), f"kind IN {OLD_STEP_KINDS}")
    with op.batch_alter_table("decisions") as batch:
        batch.drop_column("delete_replaced")
        batch.drop_column("replaces_key")
