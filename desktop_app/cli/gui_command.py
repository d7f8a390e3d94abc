"""`gui`: the desktop window; `gui --demo` on the built-in portal and 1C.

`order-review` with no command comes here too: with connections configured it opens the
window; on a machine with nothing configured it offers the demo first. Without a display
(a server, an SSH session) that would fail, so then it prints the usage and says how to
see the demo, as the command line always did.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from desktop_app.cli.errors import UserError
from desktop_app.services import app_dirs, settings
from desktop_app.services.settings import Language


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "gui",
        help="окно программы (--demo — на встроенных портале и 1С)",
        description="Открывает окно Order Review. С --demo запускает встроенные эмуляторы "
        "портала 1С-Битрикс и 1С:УТ 11 с придуманными заказами во временной папке.",
    )
    parser.add_argument("--demo", action="store_true", help="демонстрация, ничего не настраивая")
    parser.add_argument(
        "--screenshot",
        type=Path,
        metavar="DIR",
        help="с --demo: сохранить снимки главных экранов в DIR (PNG, размер --size) и выйти",
    )
    parser.add_argument(
        "--size",
        default="1366x768",
        metavar="WxH",
        help="с --screenshot: размер окна на снимках (1366x768; например, 1920x1080)",
    )
    parser.add_argument("--orders", type=int, default=40, help="заказов в демонстрации (40)")
    parser.add_argument("--seed", type=int, default=2026, help="зерно генератора (2026)")
    add_language_option(parser, default=argparse.SUPPRESS)  # `order-review --lang en gui` too
    parser.set_defaults(run=run)


def add_language_option(parser: argparse.ArgumentParser, default: object = None) -> None:
    """`--lang ru|en`: the window's language for this start, over the `ui.language` setting."""
    parser.add_argument(
        "--lang",
        choices=[Language.RU.value, Language.EN.value],
        default=default,
        help="язык окна на этот запуск (по умолчанию — настройка ui.language)",
    )


def _language(args: argparse.Namespace) -> Language | None:
    lang = getattr(args, "lang", None)
    return Language(lang) if lang else None


def parse_size(text: str) -> tuple[int, int]:
    """`--size 1366x768` → (1366, 768): the window's size on the screenshots."""
    width, _, height = text.lower().replace("×", "x").partition("x")
    if width.isdigit() and height.isdigit():
        size = int(width), int(height)
        if 640 <= size[0] <= 7680 and 480 <= size[1] <= 4320:
            return size
    raise UserError("--size: ширина и высота окна в точках, например 1366x768 или 1920x1080")


def run(args: argparse.Namespace) -> int:
    if args.screenshot is not None and not args.demo:
        raise UserError("--screenshot работает только вместе с --demo")
    size = parse_size(args.size)
    if not 1 <= args.orders <= 100_000:
        raise UserError("--orders: от 1 до 100000")
    from desktop_app.ui.launch import run_gui

    return run_gui(
        args.data_dir,
        demo=args.demo,
        screenshot=args.screenshot,
        screenshot_size=size,
        orders=args.orders,
        seed=args.seed,
        language=_language(args),
    )


def is_configured(data_dir: Path | None) -> bool:
    """Whether the portal connection was ever set up in this data folder."""
    try:
        return bool(settings.load(app_dirs.data_dir(data_dir)).portal.url)
    except settings.SettingsError:
        return True  # configured, but broken: the window says what is wrong with it


def has_display() -> bool:
    if os.environ.get("QT_QPA_PLATFORM"):
        return True
    if sys.platform.startswith("linux") or "bsd" in sys.platform:
        return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return True


def run_default(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    """No command given: the window (offering the demo when nothing is configured)."""
    if not has_display():
        parser.print_help(sys.stderr)
        print(
            "\nНет графического экрана. Демонстрация в окне: python -m desktop_app gui --demo;"
            " в терминале: python -m desktop_app demo",
            file=sys.stderr,
        )
        return 2
    from desktop_app.ui.launch import run_gui

    return run_gui(args.data_dir, offer=not is_configured(args.data_dir), language=_language(args))
