"""Documents put aside learn their portal number and which reader put them aside.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-03

The portal is told `success` for an answer with an unreadable document in it, so the site
does not send that document again until it is edited there; the stored bytes are the only
copy. They are read again when a newer reader can read them: `reader_version` says which
reader put the document aside. Existing rows get 0 (a reader older than the versions), so
the first start after this upgrade reads them all again. `number` is the portal's order
number found in the bytes, for the manager to find the order on the site; existing rows get
it when they are read again.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | Sequence[str] | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("quarantined_documents") as batch:
        batch.add_column(sa.Column("number", sa.Text(), nullable=True))
        batch.add_column(
            sa.Column("reader_version", sa.Integer(), server_default=sa.text("0"), nullable=False)
        )


def downgrade() -> None:
    with op.batch_alter_table("quarantined_documents") as batch:
        batch.drop_column("reader_version")
        batch.drop_column("number")
