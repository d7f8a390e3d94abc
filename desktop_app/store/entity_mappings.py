"""The confirmed mappings of legal entities, and what a portal user ordered for before.

A mapping is written with the link that confirms it (`OutboxRepository.finish_step`); here it
is read: by the entity's key for the candidate search, and by the portal user for the note
on an order from a legal entity that user has not ordered for before
(`domain.entity_mapping.earlier_entity_note`). Both are index probes
(`legal_entity_mappings` by key, `orders` by `buyer_portal_id`).
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Connection, select

from desktop_app.domain.entity_mapping import EarlierEntity
from desktop_app.store.database import Database
from desktop_app.store.decision_queries import mapping_of
from desktop_app.store.decision_rows import Mapping
from desktop_app.store.in_lists import chunks
from desktop_app.store.models import MAPPINGS, ORDERS


class MappingRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    def mapping(self, entity_key: str) -> Mapping | None:
        """The mapping of the legal entity `entity_key` (used or waiting for confirmation)."""
        with self._db.reading() as connection:
            row = connection.execute(
                select(MAPPINGS).where(MAPPINGS.c.entity_key == entity_key)
            ).first()
        return None if row is None else mapping_of(row)

    def earlier_entities(
        self, portal_user: str | None, entity_key: str | None
    ) -> list[EarlierEntity]:
        """The other legal entities `portal_user` ordered for that are mapped to 1C, when
        the order's own entity (`entity_key`) has no mapping in use; oldest first."""
        with self._db.reading() as connection:
            return earlier_entities(connection, portal_user, entity_key)

    def earlier_entities_for(self, portal_ids: Sequence[str]) -> dict[str, list[EarlierEntity]]:
        """`earlier_entities` of each of these orders (by its Ид); orders without any are
        left out. One probe per order: meant for a page of the queue."""
        found: dict[str, list[EarlierEntity]] = {}
        with self._db.reading() as connection:
            for chunk in chunks(portal_ids):
                rows = connection.execute(
                    select(
                        ORDERS.c.portal_id, ORDERS.c.buyer_portal_id, ORDERS.c.buyer_entity_key
                    ).where(ORDERS.c.portal_id.in_(chunk))
                ).all()
                for portal_id, user, key in rows:
                    entities = earlier_entities(connection, user, key)
                    if entities:
                        found[portal_id] = entities
        return found


def earlier_entities(
    connection: Connection, portal_user: str | None, entity_key: str | None
) -> list[EarlierEntity]:
    if not portal_user:
        return []
    if entity_key is not None:
        own = connection.execute(
            select(MAPPINGS.c.needs_confirmation).where(MAPPINGS.c.entity_key == entity_key)
        ).first()
        if own is not None and not own.needs_confirmation:
            return []  # the entity maps itself: nothing to warn about
    ordered_for = select(ORDERS.c.buyer_entity_key).where(
        ORDERS.c.buyer_portal_id == portal_user, ORDERS.c.buyer_entity_key.is_not(None)
    )
    query = select(MAPPINGS).where(
        MAPPINGS.c.entity_key.in_(ordered_for) | (MAPPINGS.c.buyer_portal_id == portal_user)
    )
    if entity_key is not None:
        query = query.where(MAPPINGS.c.entity_key != entity_key)
    rows = connection.execute(query.order_by(MAPPINGS.c.confirmed_at, MAPPINGS.c.entity_key))
    return [
        EarlierEntity(row.entity_key, row.entity_name, row.counterparty_key, portal_user)
        for row in rows
    ]
