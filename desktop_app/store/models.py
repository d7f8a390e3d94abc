"""The tables of the local store, as typed SQLAlchemy models.

The schema is owned by the Alembic migrations in `migrations/versions`; these models describe
the head revision and a test checks that the two agree. The repositories mostly run Core
statements against these tables (bulk inserts in batches keep memory flat on a 25,000-order
answer) and hand plain frozen rows to the GUI, never live ORM objects (GUIDE §7).

Portability: the same schema must work on PostgreSQL, so money is kept twice, as exact decimal
text and as a nullable integer of kopecks for sorting; moments are UTC (`UtcDateTime`); text
search uses a pre-folded `search_text` column because SQLite folds only ASCII case.
"""

from __future__ import annotations

import datetime as dt
from typing import cast

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    false,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from desktop_app.domain.decisions import DecisionKind, StepKind, StepState, WriteState
from desktop_app.domain.portal_mode import PortalMode
from desktop_app.store.column_types import UtcDateTime
from desktop_app.store.directory_rows import DirectoryKind, RefreshStatus
from desktop_app.store.review_state import (
    FetchStatus,
    OrderSource,
    ReviewState,
    sql_in_list,
)
from desktop_app.store.said_column import SaidText
from desktop_app.wording.said import Said

# Named constraints: batch migrations on SQLite can only drop or alter what has a name.
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

HASH_LENGTH = 64  # sha256, hex
STATE_LENGTH = 16


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class FetchRecord(Base):
    """One exchange with the portal: when, from where, how it ended and what it brought."""

    __tablename__ = "fetches"
    __table_args__ = (
        CheckConstraint(f"page_mode IN {sql_in_list(PortalMode)}", name="page_mode"),
        CheckConstraint(f"status IN {sql_in_list(FetchStatus)}", name="status"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    started_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    finished_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    portal_url: Mapped[str] = mapped_column(Text)
    page_mode: Mapped[str] = mapped_column(String(STATE_LENGTH))
    status: Mapped[str] = mapped_column(String(STATE_LENGTH))
    new_count: Mapped[int] = mapped_column(Integer, server_default=text("0"))
    changed_count: Mapped[int] = mapped_column(Integer, server_default=text("0"))
    unchanged_count: Mapped[int] = mapped_column(Integer, server_default=text("0"))
    quarantined_count: Mapped[int] = mapped_column(Integer, server_default=text("0"))
    answer_bytes: Mapped[int | None] = mapped_column(BigInteger)
    error: Mapped[str | None] = mapped_column(Text)


class OrderRecord(Base):
    """The current state of one portal order (its latest revision, flattened for the queue).

    `portal_id` (the CommerceML `Ид`) is the identity: the portal re-exports an order on every
    edit, so an incoming order is always an upsert (GUIDE §3). The full data lives in the
    revision that `current_revision_id` points at; the columns here are what the queue filters,
    sorts and shows without decoding a payload.
    """

    __tablename__ = "orders"
    __table_args__ = (
        CheckConstraint(f"review_state IN {sql_in_list(ReviewState)}", name="review_state"),
        CheckConstraint(f"source IN {sql_in_list(OrderSource)}", name="source"),
        Index("ix_orders_review_state_order_date", "review_state", "order_date"),
        Index("ix_orders_order_date", "order_date"),
        Index("ix_orders_number", "number"),
        Index("ix_orders_buyer_inn", "buyer_inn"),
        Index("ix_orders_buyer_name", "buyer_name"),
        Index("ix_orders_buyer_portal_id", "buyer_portal_id"),
        Index("ix_orders_buyer_entity_key", "buyer_entity_key"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    portal_id: Mapped[str] = mapped_column(Text, unique=True)
    number: Mapped[str | None] = mapped_column(Text)
    version: Mapped[str | None] = mapped_column(Text)
    order_date: Mapped[dt.date | None] = mapped_column(Date)
    total: Mapped[str | None] = mapped_column(Text)
    """The exact decimal text of the order's `Сумма`, as `str(Decimal)`."""
    total_kopecks: Mapped[int | None] = mapped_column(BigInteger)
    """The total rounded half-up to kopecks, for sorting and range filters only."""
    currency: Mapped[str | None] = mapped_column(Text)
    buyer_portal_id: Mapped[str | None] = mapped_column(Text)
    """The portal *user* (`Контрагент/Ид`): the same for every company that user orders for."""
    buyer_entity_key: Mapped[str | None] = mapped_column(Text)
    """The legal entity (`domain.legal_entity_key`): what the automatic mapping is keyed on."""
    buyer_name: Mapped[str | None] = mapped_column(Text)
    buyer_inn: Mapped[str | None] = mapped_column(Text)
    buyer_kpp: Mapped[str | None] = mapped_column(Text)
    buyer_kind: Mapped[str | None] = mapped_column(Text)
    search_text: Mapped[str] = mapped_column(Text, server_default=text("''"))
    """Number, buyer name, ИНН, КПП and Ид, case-folded in Python (SQLite folds only ASCII)."""
    review_state: Mapped[str] = mapped_column(
        String(STATE_LENGTH), server_default=text(f"'{ReviewState.NEW.value}'")
    )
    changed_since_review: Mapped[bool] = mapped_column(server_default=false())
    """The portal changed the order after the manager had started on it: look again."""
    first_seen_fetch_id: Mapped[int | None] = mapped_column(ForeignKey("fetches.id"))
    last_seen_fetch_id: Mapped[int | None] = mapped_column(ForeignKey("fetches.id"))
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    updated_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    """When the stored data of the order last changed (not when it was last seen)."""
    current_revision_id: Mapped[int | None] = mapped_column(
        ForeignKey("order_revisions.id", use_alter=True)
    )
    content_hash: Mapped[str] = mapped_column(String(HASH_LENGTH))
    source: Mapped[str] = mapped_column(
        String(STATE_LENGTH), server_default=text(f"'{OrderSource.PORTAL.value}'")
    )
    """`OrderSource`: ``onec`` while the app knows the order from 1C alone (see its
    docstring); the portal's own arrival makes it ``portal`` again."""


class RevisionRecord(Base):
    """One version of an order as the portal sent it; history is never overwritten.

    `payload` is the whole normalized order (`order_codec`), `source_document` the exact bytes
    of the `Документ` element, zlib-compressed, in `source_encoding`: what the manager or a
    support engineer needs to see what the portal really said.
    """

    __tablename__ = "order_revisions"
    __table_args__ = (UniqueConstraint("order_id", "number"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"))
    number: Mapped[int] = mapped_column(Integer)
    """1 for the first version of the order, then 2, 3, … in the order received."""
    fetch_id: Mapped[int | None] = mapped_column(ForeignKey("fetches.id"), index=True)
    received_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    content_hash: Mapped[str] = mapped_column(String(HASH_LENGTH))
    payload: Mapped[str] = mapped_column(Text)
    source_document: Mapped[bytes | None] = mapped_column(LargeBinary)
    source_encoding: Mapped[str | None] = mapped_column(Text)


class QuarantinedRecord(Base):
    """A `Документ` of a portal answer that could not be read, kept with its reason and bytes."""

    __tablename__ = "quarantined_documents"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    fetch_id: Mapped[int] = mapped_column(ForeignKey("fetches.id"), index=True)
    document_index: Mapped[int | None] = mapped_column(Integer)
    """1-based position of the document in the answer; None for a problem outside documents."""
    portal_id: Mapped[str | None] = mapped_column(Text)
    line: Mapped[int | None] = mapped_column(Integer)
    column: Mapped[int | None] = mapped_column(Integer)
    code: Mapped[str] = mapped_column(Text)
    message: Mapped[str] = mapped_column(Text)
    source_document: Mapped[bytes | None] = mapped_column(LargeBinary)
    source_encoding: Mapped[str | None] = mapped_column(Text)
    received_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    number: Mapped[str | None] = mapped_column(Text)
    """The portal's order number, found in the bytes (the document itself was not read)."""
    reader_version: Mapped[int] = mapped_column(Integer, server_default=text("0"))
    """Which reader put it aside (0: one older than the versions); a newer one reads it again."""


class DirectoryRefreshRecord(Base):
    """One refresh of the 1C directory cache; its id is the generation its rows are stamped with.

    A refresh reads a whole catalogue in batches. Only a `complete` one may remove the cached
    rows it did not see: a refresh cut short by the network has simply not reached them.
    """

    __tablename__ = "directory_refreshes"
    __table_args__ = (
        CheckConstraint(f"kind IN {sql_in_list(DirectoryKind)}", name="kind"),
        CheckConstraint(f"status IN {sql_in_list(RefreshStatus)}", name="status"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(STATE_LENGTH))
    started_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    finished_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    status: Mapped[str] = mapped_column(String(STATE_LENGTH))
    complete: Mapped[bool] = mapped_column(server_default=false())
    rows_seen: Mapped[int] = mapped_column(Integer, server_default=text("0"))
    rows_inserted: Mapped[int] = mapped_column(Integer, server_default=text("0"))
    rows_updated: Mapped[int] = mapped_column(Integer, server_default=text("0"))
    rows_removed: Mapped[int] = mapped_column(Integer, server_default=text("0"))
    error: Mapped[str | None] = mapped_column(Text)


class OnecCounterpartyRecord(Base):
    """A cached `Catalog_Контрагенты` element: `DirectoryCounterparty` plus matching keys.

    `ref_key` (1C's GUID) is the identity. The two normalized names (`normalize_name` of
    Наименование and of НаименованиеПолное) are kept apart rather than joined, so that an
    equality look-up of either is one index probe; they often differ (a branch's Description
    names the town, the full name is the legal one). (inn, kpp) also serves a look-up by ИНН
    alone, so ИНН has no index of its own.
    """

    __tablename__ = "onec_counterparties"
    __table_args__ = (
        Index("ix_onec_counterparties_inn_kpp", "inn", "kpp"),
        Index("ix_onec_counterparties_name_normalized", "name_normalized"),
        Index("ix_onec_counterparties_full_name_normalized", "full_name_normalized"),
        Index("ix_onec_counterparties_partner_key", "partner_key"),
    )

    ref_key: Mapped[str] = mapped_column(Text, primary_key=True)
    data_version: Mapped[str] = mapped_column(Text)
    deletion_mark: Mapped[bool] = mapped_column()
    description: Mapped[str] = mapped_column(Text)
    full_name: Mapped[str | None] = mapped_column(Text)
    inn: Mapped[str | None] = mapped_column(Text)
    kpp: Mapped[str | None] = mapped_column(Text)
    registration_number: Mapped[str | None] = mapped_column(Text)
    okpo: Mapped[str | None] = mapped_column(Text)
    legal_form: Mapped[str | None] = mapped_column(Text)
    partner_key: Mapped[str | None] = mapped_column(Text)
    head_key: Mapped[str | None] = mapped_column(Text)
    is_branch: Mapped[bool] = mapped_column()
    name_normalized: Mapped[str] = mapped_column(Text)
    full_name_normalized: Mapped[str] = mapped_column(Text)
    seen_generation: Mapped[int] = mapped_column(ForeignKey("directory_refreshes.id"))
    """The last refresh that saw the element in 1C. Not indexed: every refresh rewrites it
    on every row, and only a complete refresh's removal reads it, once, by a table scan."""
    cached_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    """When the stored data was last written (a refresh that finds it unchanged leaves it)."""


class OnecPartnerRecord(Base):
    """A cached `Catalog_Партнеры` element: `DirectoryPartner` plus its normalized name."""

    __tablename__ = "onec_partners"
    __table_args__ = (Index("ix_onec_partners_name_normalized", "name_normalized"),)

    ref_key: Mapped[str] = mapped_column(Text, primary_key=True)
    data_version: Mapped[str] = mapped_column(Text)
    deletion_mark: Mapped[bool] = mapped_column()
    description: Mapped[str] = mapped_column(Text)
    legal_form: Mapped[str | None] = mapped_column(Text)
    is_client: Mapped[bool] = mapped_column()
    manager_key: Mapped[str | None] = mapped_column(Text)
    comment: Mapped[str | None] = mapped_column(Text)
    name_normalized: Mapped[str] = mapped_column(Text)
    seen_generation: Mapped[int] = mapped_column(ForeignKey("directory_refreshes.id"))
    cached_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)


class DecisionRecord(Base):
    """A decision on an order's buyer; the current one is the one not superseded.

    Decisions are never edited in place: a new one supersedes the old, so the order's history
    shows what was decided when and by whom. `write_state` and `write_message` summarise the
    steps for the queue. `marker` is written into the objects the decision creates in 1C, so
    that a retry after a lost answer recognises its own object.
    """

    __tablename__ = "decisions"
    __table_args__ = (
        CheckConstraint(f"kind IN {sql_in_list(DecisionKind)}", name="kind"),
        CheckConstraint(f"write_state IN {sql_in_list(WriteState)}", name="write_state"),
        Index("ix_decisions_order_id", "order_id"),
        Index("ix_decisions_write_state", "write_state"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"))
    kind: Mapped[str] = mapped_column(String(STATE_LENGTH))
    card: Mapped[str | None] = mapped_column(Text)
    """CREATE: the counterparty card as JSON."""
    counterparty_key: Mapped[str | None] = mapped_column(Text)
    partner_key: Mapped[str | None] = mapped_column(Text)
    entity_key: Mapped[str | None] = mapped_column(Text)
    """The legal entity the order's buyer was when the decision was taken: a link written
    later becomes that entity's mapping only if the order still names the same one."""
    reason: Mapped[str] = mapped_column(Text, server_default=text("''"))
    replaces_key: Mapped[str | None] = mapped_column(Text)
    """The counterparty on the 1C order the manager chose to replace (shown to them)."""
    delete_replaced: Mapped[bool] = mapped_column(server_default=false())
    """Mark the replaced counterparty for deletion in the same decision."""
    automatic: Mapped[bool] = mapped_column(server_default=false())
    confirmed: Mapped[bool] = mapped_column(server_default=text("1"))
    marker: Mapped[str] = mapped_column(Text)
    decided_by: Mapped[str] = mapped_column(Text)
    decided_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    superseded_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    write_state: Mapped[str] = mapped_column(
        String(STATE_LENGTH), server_default=text(f"'{WriteState.NONE.value}'")
    )
    write_message: Mapped[Said | None] = mapped_column(SaidText)
    written_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)


class OutboxStepRecord(Base):
    """One 1C write of a decision; its state is committed before and after the request."""

    __tablename__ = "outbox_steps"
    __table_args__ = (
        UniqueConstraint("decision_id", "position"),
        CheckConstraint(f"kind IN {sql_in_list(StepKind)}", name="kind"),
        CheckConstraint(f"state IN {sql_in_list(StepState)}", name="state"),
        Index("ix_outbox_steps_state", "state"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    decision_id: Mapped[int] = mapped_column(ForeignKey("decisions.id"))
    position: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(24))
    state: Mapped[str] = mapped_column(String(STATE_LENGTH))
    attempts: Mapped[int] = mapped_column(Integer, server_default=text("0"))
    result_key: Mapped[str | None] = mapped_column(Text)
    """The Ref_Key the step produced or found (partner, counterparty, 1C order)."""
    message: Mapped[Said | None] = mapped_column(SaidText)
    """What the step came to (`wording.outcomes`), as a code and parameters."""
    updated_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)


class CreateClaimRecord(Base):
    """The one decision that creates a company in 1C (`domain.create_claims`); the others
    for the same company wait for it and take what it made.

    The key is unique, so two pushes — threads or processes on this store — cannot both
    hold it. `holder` and `lease_until` say which push is working on the holding decision
    right now (renewed while it runs): another push waits for a live lease, and does not
    wait for one whose push was killed.
    """

    __tablename__ = "create_claims"

    company_key: Mapped[str] = mapped_column(Text, primary_key=True)
    decision_id: Mapped[int] = mapped_column(ForeignKey("decisions.id"))
    holder: Mapped[str | None] = mapped_column(Text)
    lease_until: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    claimed_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)


class MappingRecord(Base):
    """A legal entity confirmed as a 1C counterparty: its next order maps itself.

    Keyed on the entity's requisites (`entity_key`), never on the portal's `Контрагент/Ид`,
    which names the portal user and is shared by every company that user orders for. The
    user is kept beside it (`buyer_portal_id`), to tell the manager when that user orders
    for another entity. `needs_confirmation`: not used automatically until a manager links
    an order of this entity again (mappings carried over from one-per-portal-user).
    """

    __tablename__ = "legal_entity_mappings"
    __table_args__ = (Index("ix_legal_entity_mappings_buyer_portal_id", "buyer_portal_id"),)

    entity_key: Mapped[str] = mapped_column(Text, primary_key=True)
    entity_name: Mapped[str | None] = mapped_column(Text)
    buyer_portal_id: Mapped[str | None] = mapped_column(Text)
    counterparty_key: Mapped[str] = mapped_column(Text)
    partner_key: Mapped[str | None] = mapped_column(Text)
    decision_id: Mapped[int | None] = mapped_column(ForeignKey("decisions.id"))
    confirmed_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    confirmed_by: Mapped[str] = mapped_column(Text)
    needs_confirmation: Mapped[bool] = mapped_column(server_default=false())


class OnecOrderRecord(Base):
    """The 1C order made from a portal order, as last read: what review shows of it.

    Read from 1C in the background (never while the manager looks), so the review shows
    offline what the order held then, with `read_at`. `details` is the rest of
    `OneCOrderState` as JSON (the counterparty's and partner's names, the signs that the
    site exchange made the counterparty).
    """

    __tablename__ = "onec_orders"

    portal_id: Mapped[str] = mapped_column(Text, primary_key=True)
    ref_key: Mapped[str] = mapped_column(Text)
    counterparty_key: Mapped[str | None] = mapped_column(Text)
    auto_created: Mapped[bool] = mapped_column(server_default=false())
    details: Mapped[str] = mapped_column(Text)
    read_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)


class RegistryAnswerRecord(Base):
    """What the state registry answered for an ИНН and the КПП asked ("" for none), and when
    (store.registry_answers; migration 0012). `suggestions` is DaData's list, as JSON."""

    __tablename__ = "registry_answers"

    inn: Mapped[str] = mapped_column(Text, primary_key=True)
    kpp: Mapped[str] = mapped_column(Text, primary_key=True, server_default=text("''"))
    suggestions: Mapped[str] = mapped_column(Text)
    asked_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)


# The tables themselves, for the Core statements of the repositories.
FETCHES = cast(Table, FetchRecord.__table__)
ORDERS = cast(Table, OrderRecord.__table__)
REVISIONS = cast(Table, RevisionRecord.__table__)
QUARANTINED = cast(Table, QuarantinedRecord.__table__)
DIRECTORY_REFRESHES = cast(Table, DirectoryRefreshRecord.__table__)
ONEC_COUNTERPARTIES = cast(Table, OnecCounterpartyRecord.__table__)
ONEC_PARTNERS = cast(Table, OnecPartnerRecord.__table__)
DECISIONS = cast(Table, DecisionRecord.__table__)
OUTBOX_STEPS = cast(Table, OutboxStepRecord.__table__)
MAPPINGS = cast(Table, MappingRecord.__table__)
CREATE_CLAIMS = cast(Table, CreateClaimRecord.__table__)
ONEC_ORDERS = cast(Table, OnecOrderRecord.__table__)
REGISTRY_ANSWERS = cast(Table, RegistryAnswerRecord.__table__)
