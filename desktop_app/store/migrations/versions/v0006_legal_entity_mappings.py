"""Buyer mappings keyed on the legal entity (its requisites), not on the portal user.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-05

Bitrix writes the portal *user's* XML_ID as `Контрагент/Ид` (CSaleExport::getUserXmlId,
modules/sale/general/export.php), the same for every company that user orders for, and
`counterparty_mappings` was keyed on it: once a user's first company was linked, the orders of
their second company were linked to the first one's counterparty. Here:

- `orders.buyer_entity_key`: the legal entity of each order, computed from its current
  revision with the app's own `order_entity_key` (the ИНН/КПП the checks use) — the one
  place a migration runs today's code, because the key *is* that function;
- `decisions.entity_key`: the entity a decision was taken for (its order's, for old ones);
- `legal_entity_mappings` replaces `counterparty_mappings`. A mapping whose portal user
  ordered for one legal entity moves to that entity as it was. One whose user ordered for
  several was shared by them: it moves to the entities a manager linked to that
  counterparty (else to the entity of the order whose link made it), with
  `needs_confirmation`, so it is not used automatically until a manager links again; and the
  automatic links it had prepared for that user's orders and that have not reached 1C are
  replaced by deferrals that say why — nothing in the file still writes them.

Offline (`--sql`) scripts carry the schema only: the data step needs Python. The app
always migrates online.
"""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import context, op

from desktop_app.domain.legal_entity_key import order_entity_key
from desktop_app.store.order_codec import PayloadError, order_from_payload

revision: str = "0006"
down_revision: str | Sequence[str] | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

log = logging.getLogger(__name__)

AUTOMATIC = "автоматически"
CHUNK = 500
SHARED_REASON = (
    "Автоматическая связь снята при обновлении программы: раньше связи хранились по "
    "пользователю портала, а этот пользователь заказывал от имени нескольких организаций. "
    "Проверьте покупателя по его реквизитам."
)

orders = sa.table(
    "orders", sa.column("id", sa.Integer()), sa.column("buyer_portal_id", sa.Text()),
    sa.column("buyer_entity_key", sa.Text()), sa.column("buyer_name", sa.Text()),
    sa.column("current_revision_id", sa.Integer()), sa.column("review_state", sa.String()),
    sa.column("changed_since_review", sa.Boolean()),
)  # fmt: skip
revisions = sa.table("order_revisions", sa.column("id", sa.Integer()), sa.column("payload"))
decisions = sa.table(
    "decisions", sa.column("id", sa.Integer()), sa.column("order_id", sa.Integer()),
    sa.column("kind", sa.String()), sa.column("counterparty_key", sa.Text()),
    sa.column("entity_key", sa.Text()), sa.column("reason", sa.Text()),
    sa.column("automatic", sa.Boolean()), sa.column("confirmed", sa.Boolean()),
    sa.column("marker", sa.Text()), sa.column("decided_by", sa.Text()),
    sa.column("decided_at", sa.DateTime()), sa.column("superseded_at", sa.DateTime()),
    sa.column("write_state", sa.String()),
)  # fmt: skip
steps = sa.table(
    "outbox_steps", sa.column("decision_id", sa.Integer()), sa.column("kind", sa.String()),
    sa.column("state", sa.String()), sa.column("result_key", sa.Text()),
)  # fmt: skip
old_mappings = sa.table(
    "counterparty_mappings", sa.column("buyer_portal_id", sa.Text()),
    sa.column("counterparty_key", sa.Text()), sa.column("partner_key", sa.Text()),
    sa.column("decision_id", sa.Integer()), sa.column("confirmed_at", sa.DateTime()),
    sa.column("confirmed_by", sa.Text()),
)  # fmt: skip
new_mappings = sa.table(
    "legal_entity_mappings", sa.column("entity_key", sa.Text()),
    sa.column("entity_name", sa.Text()), sa.column("buyer_portal_id", sa.Text()),
    sa.column("counterparty_key", sa.Text()), sa.column("partner_key", sa.Text()),
    sa.column("decision_id", sa.Integer()), sa.column("confirmed_at", sa.DateTime()),
    sa.column("confirmed_by", sa.Text()), sa.column("needs_confirmation", sa.Boolean()),
)  # fmt: skip


def upgrade() -> None:
    with op.batch_alter_table("orders") as batch:
        batch.add_column(sa.Column("buyer_entity_key", sa.Text(), nullable=True))
        batch.create_index("ix_orders_buyer_portal_id", ["buyer_portal_id"])
        batch.create_index("ix_orders_buyer_entity_key", ["buyer_entity_key"])
    with op.batch_alter_table("decisions") as batch:
        batch.add_column(sa.Column("entity_key", sa.Text(), nullable=True))
    op.create_table(
        "legal_entity_mappings",
        sa.Column("entity_key", sa.Text(), nullable=False),
        sa.Column("entity_name", sa.Text(), nullable=True),
        sa.Column("buyer_portal_id", sa.Text(), nullable=True),
        sa.Column("counterparty_key", sa.Text(), nullable=False),
        sa.Column("partner_key", sa.Text(), nullable=True),
        sa.Column("decision_id", sa.Integer(), nullable=True),
        sa.Column("confirmed_at", sa.DateTime(), nullable=False),
        sa.Column("confirmed_by", sa.Text(), nullable=False),
        sa.Column("needs_confirmation", sa.Boolean(), server_default=sa.false(),
                  nullable=False),
        sa.PrimaryKeyConstraint("entity_key", name="pk_legal_entity_mappings"),
        sa.ForeignKeyConstraint(["decision_id"], ["decisions.id"],
                                name="fk_legal_entity_mappings_decision_id_decisions"),
    )  # fmt: skip
    op.create_index(
        "ix_legal_entity_mappings_buyer_portal_id", "legal_entity_mappings", ["buyer_portal_id"]
    )
    if not context.is_offline_mode():
        connection = op.get_bind()
        _fill_entity_keys(connection)
        connection.execute(
            decisions.update().values(
                entity_key=sa.select(orders.c.buyer_entity_key)
                .where(orders.c.id == decisions.c.order_id)
                .scalar_subquery()
            )
        )
        _move_mappings(connection)
    op.drop_table("counterparty_mappings")


def _fill_entity_keys(connection: sa.Connection) -> None:
    """Each order's legal entity from its current revision, a chunk of orders at a time."""
    last = 0
    while True:
        rows = connection.execute(
            sa.select(orders.c.id, revisions.c.payload)
            .join(revisions, revisions.c.id == orders.c.current_revision_id)
            .where(orders.c.id > last)
            .order_by(orders.c.id)
            .limit(CHUNK)
        ).all()
        if not rows:
            return
        keys = []
        for order_id, payload in rows:
            try:
                key = order_entity_key(order_from_payload(payload))
            except PayloadError as error:  # kept as it is; it just maps nothing
                log.warning("order %s: no legal entity key (%s)", order_id, error)
                key = None
            keys.append({"pk": order_id, "key": key.text if key is not None else None})
        connection.execute(
            orders.update()
            .where(orders.c.id == sa.bindparam("pk"))
            .values(buyer_entity_key=sa.bindparam("key")),
            keys,
        )
        last = rows[-1][0]


def _move_mappings(connection: sa.Connection) -> None:
    moved: dict[str, dict[str, Any]] = {}  # no dataclass here: Alembic's module loading
    for old in connection.execute(sa.select(old_mappings)).all():
        entities = _entities_of(connection, old.buyer_portal_id)
        shared = len(entities) > 1
        targets = list(entities) if not shared else _linked_by_manager(connection, old)
        if shared and not targets:
            targets = [key for key in [_entity_of_decision(connection, old.decision_id)] if key]
        for key in targets:
            row = dict(old._mapping) | {
                "entity_key": key,
                "entity_name": entities.get(key),
                "needs_confirmation": shared,
            }
            before = moved.get(key)
            if before is not None and before["counterparty_key"] != row["counterparty_key"]:
                row["needs_confirmation"] = True  # two users linked one entity differently
            if before is None or row["confirmed_at"] >= before["confirmed_at"]:
                moved[key] = row
        if shared:
            _drop_prepared_links(connection, old.buyer_portal_id, old.counterparty_key)
        if not targets:
            log.warning("mapping of %s names no legal entity: dropped", old.buyer_portal_id)
    if moved:
        connection.execute(new_mappings.insert(), list(moved.values()))


def _entities_of(connection: sa.Connection, portal_user: str) -> dict[str, str | None]:
    """The legal entities the portal user ordered for, with a name of each."""
    rows = connection.execute(
        sa.select(orders.c.buyer_entity_key, sa.func.max(orders.c.buyer_name))
        .where(orders.c.buyer_portal_id == portal_user, orders.c.buyer_entity_key.is_not(None))
        .group_by(orders.c.buyer_entity_key)
    )
    return {str(key): name for key, name in rows}


def _linked_by_manager(connection: sa.Connection, old: Any) -> list[str]:
    """The user's entities whose orders a manager (not the automatic mapping) linked to the
    mapping's counterparty, or created it for, and that reached 1C."""
    created = (
        sa.select(steps.c.result_key)
        .where(steps.c.decision_id == decisions.c.id, steps.c.kind == "create_counterparty")
        .scalar_subquery()
    )
    rows = connection.execute(
        sa.select(orders.c.buyer_entity_key)
        .distinct()
        .join(decisions, decisions.c.order_id == orders.c.id)
        .where(
            orders.c.buyer_portal_id == old.buyer_portal_id,
            orders.c.buyer_entity_key.is_not(None),
            decisions.c.write_state == "written",
            decisions.c.decided_by != AUTOMATIC,
            sa.func.coalesce(decisions.c.counterparty_key, created) == old.counterparty_key,
        )
    )
    return sorted(key for (key,) in rows)


def _entity_of_decision(connection: sa.Connection, decision_id: int | None) -> str | None:
    if decision_id is None:
        return None
    return connection.execute(
        sa.select(orders.c.buyer_entity_key)
        .join(decisions, decisions.c.order_id == orders.c.id)
        .where(decisions.c.id == decision_id)
    ).scalar()


def _drop_prepared_links(connection: sa.Connection, portal_user: str, counterparty: str) -> None:
    """The user's automatic links to the shared counterparty that no write of has reached
    1C become deferrals with the reason: they are not written."""
    started = sa.select(steps.c.decision_id).where(steps.c.state.in_(["done", "sending"]))
    prepared = connection.execute(
        sa.select(decisions.c.id, decisions.c.order_id)
        .join(orders, orders.c.id == decisions.c.order_id)
        .where(
            orders.c.buyer_portal_id == portal_user,
            decisions.c.superseded_at.is_(None),
            decisions.c.automatic.is_(True),
            decisions.c.kind == "link",
            decisions.c.counterparty_key == counterparty,
            decisions.c.id.not_in(started),
        )
    ).all()
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    for decision_id, order_id in prepared:
        connection.execute(
            decisions.update().where(decisions.c.id == decision_id).values(superseded_at=now)
        )
        connection.execute(
            decisions.insert().values(
                order_id=order_id, kind="defer", reason=SHARED_REASON, automatic=False,
                confirmed=True, marker=uuid.uuid4().hex, decided_by=AUTOMATIC, decided_at=now,
                write_state="none",
                entity_key=sa.select(orders.c.buyer_entity_key)
                .where(orders.c.id == order_id).scalar_subquery(),
            )
        )  # fmt: skip
        connection.execute(
            orders.update()
            .where(orders.c.id == order_id)
            .values(review_state="needs_review", changed_since_review=True)
        )


def downgrade() -> None:
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
    if not context.is_offline_mode():
        # Only what the old key can say without confusing entities: a portal user with
        # exactly one confirmed mapping.
        connection = op.get_bind()
        users = (
            sa.select(new_mappings.c.buyer_portal_id)
            .where(new_mappings.c.buyer_portal_id.is_not(None))
            .group_by(new_mappings.c.buyer_portal_id)
            .having(sa.func.count() == 1)
        )
        rows = connection.execute(
            sa.select(
                new_mappings.c.buyer_portal_id, new_mappings.c.counterparty_key,
                new_mappings.c.partner_key, new_mappings.c.decision_id,
                new_mappings.c.confirmed_at, new_mappings.c.confirmed_by,
            ).where(
                new_mappings.c.buyer_portal_id.in_(users),
                new_mappings.c.needs_confirmation.is_(False),
            )
        ).all()  # fmt: skip
        if rows:
            connection.execute(old_mappings.insert(), [dict(row._mapping) for row in rows])
    op.drop_index("ix_legal_entity_mappings_buyer_portal_id", "legal_entity_mappings")
    op.drop_table("legal_entity_mappings")
    with op.batch_alter_table("decisions") as batch:
        batch.drop_column("entity_key")
    with op.batch_alter_table("orders") as batch:
        batch.drop_index("ix_orders_buyer_entity_key")
        batch.drop_index("ix_orders_buyer_portal_id")
        batch.drop_column("buyer_entity_key")
