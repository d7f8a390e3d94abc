"""`decide` and `push`: the manager's decision from the command line, and writing it to 1C."""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING, Any

from desktop_app.cli.errors import UserError
from desktop_app.cli.order_argument import load_order, open_database
from desktop_app.services import app_dirs, settings
from desktop_app.wording.decisions import DECISION_KINDS, STEP_KINDS, STEP_STATES, write_text
from desktop_app.wording.phrases import reason_text
from desktop_app.wording.registry import said_text

if TYPE_CHECKING:
    from desktop_app.services.push_service import StepEvent
    from desktop_app.store.decision_rows import DecisionRow


def register(subparsers: Any) -> None:
    decide = subparsers.add_parser("decide", help="решение по покупателю заказа")
    decide.add_argument("order", metavar="ORDER", help="Ид заказа на портале (как в queue)")
    action = decide.add_mutually_exclusive_group(required=True)
    action.add_argument("--create", action="store_true", help="создать контрагента в 1С")
    action.add_argument("--link", metavar="REF_KEY", help="связать с контрагентом 1С")
    action.add_argument("--reject", metavar="REASON", help="отклонить, с причиной")
    action.add_argument("--defer", action="store_true", help="отложить")
    action.add_argument("--confirm", action="store_true", help="подтвердить автоматическое")
    decide.add_argument(
        "--field", action="append", default=[], metavar="NAME=VALUE",
        help="с --create: изменить поле карточки (name, full_name, kind, inn, kpp, ogrn, "
        "legal_address, actual_address, phone, email)",
    )  # fmt: skip
    decide.add_argument("--partner", metavar="REF_KEY", help="с --create: существующий партнёр")
    decide.add_argument(
        "--replace", metavar="REF_KEY",
        help="с --link или --create: заменить этого контрагента, которого держит заказ 1С "
        "(его ключ показывает queue --json и сообщение decide)",
    )  # fmt: skip
    decide.add_argument(
        "--delete-replaced", action="store_true",
        help="с --replace: пометить заменяемого на удаление (только созданного обменом с сайтом)",
    )  # fmt: skip
    decide.add_argument("--json", action="store_true", help="вывести JSON")
    decide.set_defaults(run=run_decide)
    push = subparsers.add_parser("push", help="записать принятые решения в 1С")
    push.add_argument("--json", action="store_true", help="вывести JSON")
    push.set_defaults(run=run_push)


def _changes(pairs: list[str]) -> dict[str, str]:
    changes = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep:
            raise UserError(f"--field {pair}: нужно ИМЯ=ЗНАЧЕНИЕ")
        changes[name.strip()] = value
    return changes


def decision_json(row: DecisionRow) -> dict[str, Any]:
    from desktop_app.store.decision_queries import card_object

    decision = row.decision
    return {
        "order": row.portal_id,
        "kind": decision.kind.value,
        "automatic": decision.automatic,
        "confirmed": decision.confirmed,
        "decided_by": decision.decided_by,
        "decided_at": decision.decided_at.isoformat() if decision.decided_at else None,
        "counterparty_key": decision.counterparty_key,
        "partner_key": decision.partner_key,
        "reason": reason_text(decision.reason),
        "replaces_key": decision.replaces_key,
        "delete_replaced": decision.delete_replaced,
        "card": None if decision.card is None else card_object(decision.card),
        "write_state": row.write_state.value,
        "write_message": said_text(row.write_said) or None,
        "steps": [{"kind": s.kind.value, "state": s.state.value, "attempts": s.attempts,
                   "result_key": s.result_key, "message": said_text(s.said) or None}
                  for s in row.steps],
    }  # fmt: skip


def _held_words(error: Any) -> str:
    state = error.state
    delete = " --delete-replaced" if state.auto_created else ""
    return f"{error} Заменить его: добавьте --replace {state.counterparty_key}{delete}."


def run_decide(args: argparse.Namespace) -> int:
    from desktop_app.services.decision_service import (
        DecisionError,
        DecisionService,
        HeldByOtherError,
        Replacement,
    )

    if (args.field or args.partner) and not args.create:
        raise UserError("--field и --partner — только вместе с --create")
    if args.replace and not (args.link or args.create):
        raise UserError("--replace — только вместе с --link или --create")
    if args.delete_replaced and not args.replace:
        raise UserError("--delete-replaced — только вместе с --replace")
    replace = Replacement(args.replace, args.delete_replaced) if args.replace else None
    with open_database(args.data_dir) as database:
        service = DecisionService(database)
        portal_id = load_order(database, args.order).id
        try:
            if args.create:
                row = service.create(portal_id, _changes(args.field), args.partner, replace)
            elif args.link:
                row = service.link(portal_id, args.link, replace)
            elif args.reject is not None:
                row = service.reject(portal_id, args.reject)
            elif args.confirm:
                row = service.confirm(portal_id)
            else:
                row = service.defer(portal_id)
        except HeldByOtherError as error:
            raise UserError(_held_words(error)) from None
        except DecisionError as error:
            raise UserError(str(error)) from None
        replaced = _replaced_line(database, row)
    if args.json:
        print(json.dumps(decision_json(row), ensure_ascii=False, indent=1, default=str))
        return 0
    words = DECISION_KINDS.text(row.decision.kind)
    print(f"Заказ {row.order_number or row.portal_id}: решение «{words}» записано "
          f"({row.decision.decided_by}).")  # fmt: skip
    if replaced:
        print(replaced)
    if row.steps:
        print("В 1С будет записано командой push: "
              + " → ".join(STEP_KINDS.text(s.kind) for s in row.steps) + ".")  # fmt: skip
    return 0


def _replaced_line(database: Any, row: DecisionRow) -> str:
    """The old value, shown: what the 1C order holds and will stop holding."""
    from desktop_app.store.onec_order_repository import OneCOrderRepository

    key = row.decision.replaces_key
    if not key:
        return ""
    state = OneCOrderRepository(database).state(row.portal_id)
    name = state.counterparty.name if state and state.counterparty else key
    where = f"заказе 1С № {state.number}" if state else "заказе 1С"
    mark = " и помечен на удаление" if row.decision.delete_replaced else ""
    return f"В {where} будет заменён контрагент «{name}» ({key}){mark}."


def _event_line(event: StepEvent) -> str:
    line = (f"Заказ {event.order_number or event.portal_id}: {STEP_KINDS.text(event.step)} — "
            f"{STEP_STATES.text(event.state)}")  # fmt: skip
    return f"{line}. {said_text(event.said)}" if event.said else f"{line}."


def run_push(args: argparse.Namespace) -> int:
    from desktop_app.adapters.onec.odata_errors import OneCError
    from desktop_app.cli.directory_command import onec_password
    from desktop_app.domain.decisions import WriteState
    from desktop_app.services.connections import for_onec
    from desktop_app.services.onec_connection import cached_references
    from desktop_app.services.order_link_setup import push_context
    from desktop_app.services.push_service import push

    folder = app_dirs.data_dir(args.data_dir)
    try:
        current = settings.load(folder)
    except settings.SettingsError as error:
        raise UserError(str(error)) from None
    password = onec_password(current.onec)
    try:
        connection = for_onec(current.onec, password)
    except OneCError as error:
        raise UserError(error.message) from None

    def show(event: StepEvent) -> None:
        if not args.json:
            print(_event_line(event), flush=True)

    with open_database(args.data_dir) as database:
        try:
            context = push_context(current, password, folder, database)
        except OneCError as error:
            raise UserError(error.message) from None
        report = push(database, connection, context=context,
                      parallel=current.review.parallel_writes, on_step=show,
                      references=cached_references(current.onec, folder),
                      access_group=current.onec.partner_access_group)  # fmt: skip
    counts = {state.value: report.count(state) for state in WriteState if report.count(state)}
    if args.json:
        events = [{"order": e.portal_id, "step": e.step.value, "state": e.state.value,
                   "message": said_text(e.said) or None, "attempt": e.attempt}
                  for e in report.events]  # fmt: skip
        print(json.dumps({"decisions": report.decisions, "results": counts, "steps": events},
                         ensure_ascii=False, indent=1))  # fmt: skip
    elif report.decisions == 0:
        print("Нечего записывать: все решения уже в 1С.")
    else:
        summary = ", ".join(f"{write_text(WriteState(k))}: {n}" for k, n in counts.items())
        print(f"\nРешений: {report.decisions}; {summary}.")
    unfinished = report.count(WriteState.FAILED) + report.count(WriteState.CONFLICT)
    return 1 if unfinished else 0
