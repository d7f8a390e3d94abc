"""`queue`: the local queue of orders, as a table or as JSON for scripts.

The JSON form is stable (README, "JSON output"): `id` is the portal's order Ид, the one
identifier other commands accept as ORDER. Documents put aside (the reader could not read
them, and the portal will not send them again) come first, as «не прочитан» rows with their
number, reason and raw text; they are no orders, so their `id` is null.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from desktop_app.cli.argument_types import count
from desktop_app.cli.errors import UserError
from desktop_app.domain.money import format_decimal, money_text
from desktop_app.domain.review_state import ReviewState
from desktop_app.services import app_dirs
from desktop_app.wording.decisions import decision_short
from desktop_app.wording.phrases import phrase_text
from desktop_app.wording.registry import said_text
from desktop_app.wording.states import queue_state_text

if TYPE_CHECKING:
    from desktop_app.domain.entity_mapping import EarlierEntity
    from desktop_app.store.decision_rows import DecisionRow
    from desktop_app.store.queue_rows import QueueRow, UnreadRow

UNREAD = "unread"


MAX_LIMIT = 1_000_000
"""More rows than any queue holds; SQLite's LIMIT takes a 64-bit integer at most."""


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("queue", help="очередь заказов в локальной базе")
    parser.add_argument("--json", action="store_true", help="вывести JSON")
    parser.add_argument(
        "--state",
        choices=[s.value for s in ReviewState] + ["unread"],
        help="только заказы в этом состоянии (unread — документы, которые не прочитаны)",
    )
    parser.add_argument("--search", metavar="TEXT", help="номер, покупатель, ИНН или КПП")
    parser.add_argument(
        "--from-onec",
        action="store_true",
        help="только заказы, которые есть в 1С, но не получены с портала",
    )
    parser.add_argument(
        "--limit", type=count(1, MAX_LIMIT), default=200, help="сколько строк (200)"
    )
    parser.set_defaults(run=run)


def requisites_text(entity: EarlierEntity) -> str:
    return phrase_text(entity.requisites) if entity.requisites is not None else ""


def earlier_json(entity: EarlierEntity) -> dict[str, Any]:
    """Another legal entity the order's portal user ordered for (see README, `queue`)."""
    from desktop_app.domain.entity_mapping import earlier_entity_note

    return {
        "name": entity.name,
        "requisites": requisites_text(entity),
        "entity_key": entity.entity_key,
        "counterparty_key": entity.counterparty_key,
        "note": phrase_text(earlier_entity_note(entity)),
    }


def row_json(
    row: QueueRow, decision: DecisionRow | None = None, earlier: Sequence[EarlierEntity] = ()
) -> dict[str, Any]:
    return {
        "id": row.portal_id,
        "number": row.number,
        "date": row.order_date.isoformat() if row.order_date else None,
        "buyer": {
            "name": row.buyer_name,
            "inn": row.buyer_inn,
            "kpp": row.buyer_kpp,
            "kind": row.buyer_kind,
        },
        "total": format_decimal(row.total) if row.total is not None else None,
        "currency": row.currency,
        "state": row.review_state.value,
        "source": "onec" if row.from_onec else "portal",
        "changed_since_review": row.changed_since_review,
        "revisions": row.revisions,
        "updated_at": row.updated_at.isoformat(),
        "decision": None if decision is None else {
            "kind": decision.decision.kind.value,
            "automatic": decision.decision.automatic,
            "confirmed": decision.decision.confirmed,
            "decided_by": decision.decision.decided_by,
            "write_state": decision.write_state.value,
            "write_message": said_text(decision.write_said) or None,
        },
        "earlier_entities": [earlier_json(e) for e in earlier],
    }  # fmt: skip


def unread_json(row: UnreadRow, raw: tuple[bytes, str | None] | None) -> dict[str, Any]:
    """A document put aside, for scripts: no order yet, so no `id`, with its raw text."""
    text = None
    if raw is not None:
        try:
            text = raw[0].decode(raw[1] or "utf-8", errors="replace")
        except LookupError:
            text = raw[0].decode("utf-8", errors="replace")
    return {
        "id": None,
        "number": row.number,
        "state": "unread",
        "source": "portal",
        "unread": {
            "portal_id": row.portal_id,
            "reason": row.message,
            "code": row.code,
            "fetch_id": row.fetch_id,
            "document": row.document_index,
            "received_at": row.received_at.isoformat(),
            "reader_version": row.reader_version,
            "raw": text,
        },
    }


def unread_line(row: UnreadRow) -> str:
    """A document put aside as a line of the text table: number, «не прочитан», reason."""
    number = row.number or row.portal_id or "—"
    return f"{number:>8}  {'':10}  не прочитан: {row.message}"


def decision_words(decision: DecisionRow | None) -> str:
    """The decision and where its writes are, in words: «создать в 1С, ждёт заказ в 1С»."""
    if decision is None:
        return ""
    return decision_short(
        decision.decision.kind,
        automatic=decision.decision.automatic,
        confirmed=decision.decision.confirmed,
        write=decision.write_state,
    )


def queue_line(row: QueueRow) -> str:
    """One order of the queue as a line of the text table."""
    date = row.order_date.strftime("%d.%m.%Y") if row.order_date else ""
    requisites = " / ".join(v for v in (row.buyer_inn, row.buyer_kpp) if v)
    name = row.buyer_name or ""
    name = name if len(name) <= 40 else name[:39] + "…"
    mark = " *" if row.changed_since_review or row.revisions > 1 else ""
    total = money_text(row.total) if row.total is not None else ""
    return (
        f"{row.number or row.portal_id:>8}  {date:10}  {name:40}  {requisites:22}  "
        f"{total:>14}  {queue_state_text(row.review_state, row.from_onec)}{mark}"
    )


def run(args: argparse.Namespace) -> int:
    # Imported here, not at the top: `--help` and the other commands start without them.
    from desktop_app.services.quarantine_reread import reread_at_start
    from desktop_app.store.database import Database
    from desktop_app.store.decision_repository import DecisionRepository
    from desktop_app.store.entity_mappings import MappingRepository
    from desktop_app.store.errors import StoreError
    from desktop_app.store.queue_repository import QueueRepository

    try:
        database = Database.open(app_dirs.data_dir(args.data_dir))
    except StoreError as error:
        raise UserError(str(error)) from None
    with database:
        reread_at_start(database)
        repository = QueueRepository(database)
        state = ReviewState(args.state) if args.state and args.state != UNREAD else None
        only = bool(args.from_onec)
        with_unread = args.state == UNREAD or (state is None and not only)
        unread = repository.unread(args.search)[: args.limit] if with_unread else []
        raws = {u.id: repository.unread_source(u.id) for u in unread} if args.json else {}
        left = 0 if args.state == UNREAD else args.limit - len(unread)
        rows = repository.queue(state=state, search=args.search, limit=left,
                                from_onec=only) if left > 0 else []  # fmt: skip
        total = (
            0
            if args.state == UNREAD
            else repository.count(state=state, search=args.search, from_onec=only)
        )
        decisions = DecisionRepository(database).current_for([r.portal_id for r in rows])
        earlier = MappingRepository(database).earlier_entities_for([r.portal_id for r in rows])
    if args.json:
        listed = [unread_json(u, raws.get(u.id)) for u in unread] + [
            row_json(r, decisions.get(r.portal_id), earlier.get(r.portal_id, ())) for r in rows
        ]
        print(json.dumps(listed, ensure_ascii=False, indent=1))
        return 0
    if not rows and not unread:
        print("Очередь пуста." if total == 0 else "")
        return 0
    for item in unread:
        print(unread_line(item))
    if unread:
        print(
            f"Не прочитано документов с портала: {len(unread)}; портал их больше не пришлёт, "
            "пока их не изменят на сайте — найдите их там по номеру (текст каждого: queue --json)."
        )
    for row in rows:
        words = decision_words(decisions.get(row.portal_id))
        others = ", ".join(e.name or requisites_text(e) for e in earlier.get(row.portal_id, ()))
        if others:
            words += f" [другая организация; покупатель уже заказывал от имени {others}]"
        print(f"{queue_line(row)}  {words}".rstrip())
    if not rows:
        return 0
    shown = f"Показано {len(rows)} из {total}." if total > len(rows) else f"Всего: {total}."
    print(f"\n{shown} * — заказ менялся на портале после получения.")
    if any(row.from_onec for row in rows):
        print(
            "«Есть в 1С, не получен с портала»: 1С загрузила заказ с сайта раньше программы, "
            "портал его больше не отдаёт; проверяйте по данным 1С."
        )
    return 0
