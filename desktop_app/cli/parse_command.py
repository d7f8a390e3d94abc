"""`parse FILE`: read a CommerceML file and print its orders as JSON.

Documents are written as they are read, one per line, so a 100 MB exchange file is printed
with flat memory; problems are collected and printed after them.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, TextIO

from desktop_app.adapters.portal.commerceml_reader import (
    CommerceMLReader,
    NotCommerceMLError,
    ReadCounterparty,
    ReadOrder,
    ReadProblem,
)
from desktop_app.cli.errors import UserError
from desktop_app.cli.order_json import counterparty_json, order_json


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "parse",
        help="прочитать файл CommerceML и вывести заказы в JSON",
        description="Читает файл обмена CommerceML (2.03–2.10, 3.x) и печатает JSON "
        '{"documents": [...], "counterparties": [...], "errors": [...]}. '
        "Код выхода 0 — прочитано всё, 1 — часть документов отложена (они в errors), "
        "2 — это не документ CommerceML.",
    )
    parser.add_argument("file", type=Path, metavar="FILE", help="файл CommerceML")
    parser.set_defaults(run=run)


def _problem_json(problem: ReadProblem) -> dict[str, Any]:
    return {
        "index": problem.index,
        "id": problem.document_id,
        "line": problem.line,
        "column": problem.column,
        "code": problem.code,
        "message": problem.message,
    }


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def write_json(path: Path, out: TextIO) -> tuple[int, list[ReadProblem]]:
    """Stream the file's content as JSON to `out`; return (orders written, problems)."""
    try:
        reader = CommerceMLReader(path)
    except NotCommerceMLError as error:
        raise UserError(f"{path}: {error.message}") from None
    except OSError as error:
        raise UserError(f"не удалось открыть файл {path}: {error.strerror}") from None
    problems: list[ReadProblem] = []
    catalogue: list[dict[str, Any]] = []
    written = 0
    out.write(f'{{"schema_version": {_dump(reader.schema_version)},\n"documents": [')
    for item in reader.documents():
        if isinstance(item, ReadOrder):
            out.write(",\n" if written else "\n")
            out.write(_dump(order_json(item.order)))
            written += 1
        elif isinstance(item, ReadCounterparty):
            catalogue.append(counterparty_json(item.counterparty))
        else:
            problems.append(item)
    out.write(f'\n],\n"counterparties": {_dump(catalogue)},\n')
    out.write(f'"skipped": {reader.skipped},\n')
    out.write(f'"errors": {_dump([_problem_json(p) for p in problems])}\n}}\n')
    return written, problems


def run(args: argparse.Namespace) -> int:
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(encoding="utf-8")
    written, problems = write_json(args.file, sys.stdout)
    sys.stdout.flush()
    for problem in problems:
        print(problem.message, file=sys.stderr)
    if problems:
        print(
            f"Прочитано заказов: {written}; отложено из-за ошибок: {len(problems)}.",
            file=sys.stderr,
        )
        return 1
    return 0
