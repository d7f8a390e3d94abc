"""`python -m desktop_app` / `order-review`: global options, then a subcommand (GUIDE §11).

Exit codes: 0 done; 1 done with problems the output lists; 2 could not start (bad arguments,
unreadable input, no configuration) with one line on stderr.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from desktop_app import __version__
from desktop_app.cli import (
    candidates_command,
    checks_command,
    config_command,
    decide_command,
    demo_command,
    directory_command,
    emulators_command,
    export_command,
    fetch_command,
    gui_command,
    parse_command,
    queue_command,
    registry_command,
)
from desktop_app.cli.errors import UserError, known_problem
from desktop_app.services import app_dirs, leftovers, logging_setup

COMMANDS = (
    gui_command,
    demo_command,
    fetch_command,
    queue_command,
    checks_command,
    registry_command,
    candidates_command,
    decide_command,
    export_command,
    directory_command,
    config_command,
    parse_command,
    emulators_command,
)


class _Parser(argparse.ArgumentParser):
    """argparse that exits with 2 and one line for a usage error, as GUIDE §11 asks."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"{self.prog}: ошибка: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="order-review",
        description="Order Review — проверка заказов с B2B-портала перед записью в 1С.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=os.environ.get("ORDER_REVIEW_DATA_DIR") or None,
        help="папка данных (по умолчанию ORDER_REVIEW_DATA_DIR или папка данных пользователя)",
    )
    gui_command.add_language_option(parser)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for command in COMMANDS:
        command.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    _start_log(args.command or "gui")
    if args.command is None:
        return gui_command.run_default(args, parser)
    leftovers.clean_leftovers(app_dirs.data_dir(args.data_dir))
    try:
        result: int = args.run(args)
    except UserError as error:
        return _said(args.command, error)
    except Exception as error:
        known = known_problem(error)
        if known is None:
            raise
        return _said(args.command, known)
    except KeyboardInterrupt:
        print("order-review: прервано", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader of our output went away (`| head`): not an error worth a traceback.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    return result


def _said(command: str, error: UserError) -> int:
    logging.getLogger(__name__).warning("%s: %s", command, error)
    print(f"order-review: {error}", file=sys.stderr)
    return error.exit_code


def _start_log(command: str) -> None:
    """The rotating log in the user log folder; a folder that cannot be written is not fatal."""
    try:
        path = logging_setup.configure(app_dirs.log_dir())
    except OSError as error:
        print(f"order-review: журнал не ведётся ({error})", file=sys.stderr)
        return
    logging.getLogger(__name__).info("order-review %s: %s (log %s)", __version__, command, path)


if __name__ == "__main__":
    raise SystemExit(main())
