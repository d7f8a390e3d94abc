"""`candidates ORDER [--json] [--no-similarity] [--limit N]`: 1C counterparties for the buyer.

Looked up in the local copy of the 1C directory (`directory refresh`), so it works offline.
Each candidate comes with its reason and its field-by-field comparison with the buyer.
Exit codes: 0 — searched (even when nothing was found); 2 — could not search (no such
order, the directory never copied from 1C).
"""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING, Any

from desktop_app.cli.checks_command import head_line, order_head
from desktop_app.cli.errors import UserError
from desktop_app.cli.order_argument import load_order, open_database
from desktop_app.domain.field_comparison import ComparisonStatus, FieldComparison, compare
from desktop_app.wording.card_fields import compared_label, compared_value
from desktop_app.wording.phrases import phrase_text

if TYPE_CHECKING:
    from desktop_app.domain.candidates import Candidate

STATUS_WORDS = {
    ComparisonStatus.SAME: "совпадает",
    ComparisonStatus.DIFFERS: "отличается",
    ComparisonStatus.MISSING_IN_PORTAL: "нет на портале",
    ComparisonStatus.MISSING_IN_1C: "нет в 1С",
}


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "candidates",
        help="контрагенты 1С, которыми может быть покупатель заказа",
        description="Кандидаты из копии справочника 1С (directory refresh): по ИНН и КПП, "
        "по ИНН (филиалы той же организации), по сходству наименования — с причиной и "
        "сравнением полей.",
    )
    parser.add_argument("order", metavar="ORDER", help="Ид заказа на портале или его номер")
    parser.add_argument("--json", action="store_true", help="вывести JSON")
    parser.add_argument(
        "--no-similarity", action="store_true", help="только по ИНН/КПП, без поиска по названию"
    )
    parser.add_argument("--limit", type=int, default=20, help="сколько кандидатов (20)")
    parser.set_defaults(run=run)


def comparison_json(row: FieldComparison) -> dict[str, Any]:
    return {
        "field": row.field,
        "label": compared_label(row),
        "portal": compared_value(row, row.portal_value),
        "onec": compared_value(row, row.onec_value),
        "status": row.status.value,
    }


def candidate_json(candidate: Candidate, comparison: list[FieldComparison]) -> dict[str, Any]:
    row = candidate.counterparty
    return {
        "ref_key": row.ref_key,
        "description": row.description,
        "full_name": row.full_name,
        "inn": row.inn,
        "kpp": row.kpp,
        "registration_number": row.registration_number,
        "okpo": row.okpo,
        "legal_form": row.legal_form,
        "partner_key": row.partner_key,
        "is_branch": row.is_branch,
        "deleted": candidate.deleted,
        "reason": candidate.reason.value,
        "score": round(candidate.score, 1),
        "explanation": phrase_text(candidate.explanation),
        "comparison": [comparison_json(c) for c in comparison],
    }


def candidate_lines(number: int, candidate: Candidate, comparison: list[FieldComparison]) -> str:
    row = candidate.counterparty
    requisites = " / ".join(v for v in (row.inn, row.kpp) if v)
    marks = " [помечен на удаление]" if candidate.deleted else ""
    marks += " [обособленное подразделение]" if row.is_branch else ""
    lines = [
        f"{number:2}. {row.description}  {requisites}  {row.ref_key}{marks}",
        f"    {phrase_text(candidate.explanation)}",
    ]
    differences = [
        f"{compared_label(c)}: {STATUS_WORDS[c.status]} "
        f"(портал: {compared_value(c, c.portal_value) or '—'}, "
        f"1С: {compared_value(c, c.onec_value) or '—'})"
        for c in comparison
        if c.status is not ComparisonStatus.SAME
    ]
    lines += [f"    {text}" for text in differences]
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    from desktop_app.cli.queue_command import earlier_json
    from desktop_app.domain.entity_mapping import earlier_entity_note
    from desktop_app.services.candidate_search import buyer_candidates
    from desktop_app.store.directory_repository import DirectoryRepository

    if args.limit < 1:
        raise UserError("--limit: нужно хотя бы 1")
    with open_database(args.data_dir) as database:
        order = load_order(database, args.order)
        if DirectoryRepository(database).last_refresh("counterparties") is None:
            raise UserError("копии справочника 1С ещё нет: сначала directory refresh")
        found = buyer_candidates(
            database, order, similarity=not args.no_similarity, limit=args.limit
        )
        buyer, candidates = found.buyer, found.candidates
        if buyer is None:
            raise UserError(f"в заказе {order.number or order.id} нет покупателя")
    party, ogrn = buyer.counterparty, buyer.registration_number
    compared = [compare(party, c.counterparty, registration_number=ogrn) for c in candidates]
    if args.json:
        listed = [candidate_json(c, rows) for c, rows in zip(candidates, compared, strict=True)]
        earlier = [earlier_json(e) for e in found.earlier]
        answer = order_head(order) | {"earlier_entities": earlier, "candidates": listed}
        print(json.dumps(answer, ensure_ascii=False, indent=1))
        return 0
    print(head_line(order))
    for entity in found.earlier:
        note = phrase_text(earlier_entity_note(entity))
        print(f"Внимание: {note} Контрагент 1С: {entity.counterparty_key}.")
    if not candidates:
        print("В копии справочника 1С подходящих контрагентов нет.")
    for number, (candidate, rows) in enumerate(zip(candidates, compared, strict=True), start=1):
        print(candidate_lines(number, candidate, rows))
    return 0
