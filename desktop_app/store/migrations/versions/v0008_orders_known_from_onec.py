"""Orders known only from 1C: the portal order 1C imported before the app could fetch it.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02

When 1C's own exchange loads an order and sends it back first, the site marks it
`UPDATED_1C = Y` and no exchange page serves it again until it is edited on the site
(GUIDE §3); the app learns of it from 1C's side. Such an order is kept like a portal order,
with `orders.source = 'onec'`: its revision holds what 1C knows (no portal document). When
the portal sends the order after all, the same row becomes the portal's (`source =
'portal'`), with the portal's data as a new revision. Existing orders are the portal's.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | Sequence[str] | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SOURCES = "('portal', 'onec')"


def upgrade() -> None:
    with op.batch_alter_table("orders") as batch:
        batch.add_column(
            sa.Column("source", sa.String(16), server_default=sa.text("'portal'"), nullable=False)
        )
        batch.create_check_constraint(op.f("ck_orders_source"), f"source IN {SOURCES}")


def downgrade() -> None:
    with op.batch_alter_table("orders") as batch:
        batch.drop_constraint(op.f("ck_orders_source"), type_="check")
        batch.drop_column("source")
