"""`config` and `login`: the connection settings and the passwords.

Settings go to `settings.json` in the data folder; passwords only to the system keychain.
`login registry` keeps DaData's API key the same way (issue 17). `login` reads the password
from stdin (`--password-stdin`) or asks for it without echo — never from the command line,
where it would stay in the shell history and the process list.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import Any

from desktop_app.adapters import keychain
from desktop_app.cli.errors import UserError
from desktop_app.services import app_dirs, setting_rules, settings
from desktop_app.services.password_vault import KeychainVault
from desktop_app.services.registry_check import store_token, token_of
from desktop_app.wording.settings_help import SETTINGS_HELP

SYSTEMS = {"portal": "портал", "onec": "1С"}
EMPTY_ALLOWED = ("onec",)
"""A 1C user may have no password (1C lets such a user in: УТ's Администратор often has
none); a portal user always has one (Bitrix refuses an empty password)."""


def register(subparsers: Any) -> None:
    config = subparsers.add_parser("config", help="настройки подключения к порталу и 1С")
    actions = config.add_subparsers(dest="action", metavar="ACTION", required=True)
    set_parser = actions.add_parser("set", help="задать настройку: config set portal.url URL")
    set_parser.add_argument("key")
    set_parser.add_argument("value")
    get_parser = actions.add_parser("get", help="показать одну настройку")
    get_parser.add_argument("key")
    actions.add_parser("show", help="показать все настройки (пароли — только есть ли они)")
    config.set_defaults(run=run_config)

    login = subparsers.add_parser("login", help="сохранить пароль в системном хранилище")
    login.add_argument(
        "system", choices=[*sorted(SYSTEMS), "registry"], help="portal, onec или registry"
    )
    login.add_argument(
        "--password-stdin", action="store_true", help="прочитать пароль из стандартного ввода"
    )
    login.set_defaults(run=run_login)


def run_config(args: argparse.Namespace) -> int:
    folder = app_dirs.data_dir(args.data_dir)
    try:
        current = settings.load(folder)
        if args.action == "set":
            path = settings.save(folder, settings.with_value(current, args.key, args.value))
            value = settings.value_of(settings.load(folder), args.key)
            print(f"{args.key} = {value}  ({path})")
            warning = setting_rules.clear_text_warning(value) if args.key.endswith(".url") else None
            if warning:
                print(f"order-review: внимание: {warning}", file=sys.stderr)
        elif args.action == "get":
            print(settings.value_of(current, args.key))
        else:
            for key in settings.KEYS:
                help_text = SETTINGS_HELP.text(key)
                print(f"{key} = {settings.value_of(current, key)}    # {help_text}")
            for system, word in SYSTEMS.items():
                print(f"{system}.password: {_password_state(current, system)}    # {word}")
            print(f"registry.token: {_token_state(current)}    # ключ API DaData")
    except settings.SettingsError as error:
        raise UserError(str(error)) from None
    return 0


def _password_state(current: settings.Settings, system: str) -> str:
    section = getattr(current, system)
    if not section.url or not section.user:
        return "не задан (сначала url и user)"
    try:
        stored = keychain.password(system, section.user, section.url)
    except keychain.KeychainError as error:
        return f"неизвестно: {error}"
    if stored is None:
        return "не задан"
    return "сохранён в системном хранилище" + ("" if stored else " (пустой)")


def _token_state(current: settings.Settings) -> str:
    try:
        stored = token_of(KeychainVault(), current.registry.url)
    except keychain.KeychainError as error:
        return f"неизвестно: {error}"
    return "сохранён в системном хранилище" if stored else "не задан"


def run_login_registry(args: argparse.Namespace) -> int:
    """DaData's API key, into the keychain only (under `registry.url`): never a setting."""
    try:
        url = settings.load(app_dirs.data_dir(args.data_dir)).registry.url
    except settings.SettingsError as error:
        raise UserError(str(error)) from None
    if args.password_stdin:
        secret = sys.stdin.readline().strip()
    else:
        secret = getpass.getpass("Ключ API DaData (проверка по реестру ЕГРЮЛ/ЕГРИП): ").strip()
    if not secret:
        raise UserError("ключ пустой — ничего не сохранено")
    if not secret.isascii() or not secret.isprintable():
        raise UserError(
            "в ключе есть буквы не латиницы или пробелы (ключ DaData — латинские буквы и "
            "цифры) — ничего не сохранено"
        )
    try:
        store_token(KeychainVault(), url, secret)
    except keychain.KeychainError as error:
        raise UserError(str(error)) from None
    print(f"Ключ DaData для {url} сохранён в системном хранилище.")
    return 0


def run_login(args: argparse.Namespace) -> int:
    if args.system == "registry":
        return run_login_registry(args)
    folder = app_dirs.data_dir(args.data_dir)
    try:
        section = getattr(settings.load(folder), args.system)
    except settings.SettingsError as error:
        raise UserError(str(error)) from None
    if not section.url or not section.user:
        raise UserError(
            f"Сначала задайте адрес и пользователя: config set {args.system}.url … и "
            f"config set {args.system}.user …"
        )
    if args.password_stdin:
        secret = sys.stdin.readline().rstrip("\r\n")
    else:
        hint = ", Enter — пароля нет" if args.system in EMPTY_ALLOWED else ""
        secret = getpass.getpass(f"Пароль {section.user} ({SYSTEMS[args.system]}{hint}): ")
    if not secret and args.system not in EMPTY_ALLOWED:
        raise UserError("пароль пустой — ничего не сохранено")
    try:
        keychain.store_password(args.system, section.user, section.url, secret)
    except keychain.KeychainError as error:
        raise UserError(str(error)) from None
    if secret:
        print(f"Пароль пользователя {section.user} сохранён в системном хранилище.")
    else:
        print(
            f"Сохранено, что у пользователя {section.user} ({SYSTEMS[args.system]}) пароля нет: "
            "вход будет без пароля."
        )
    return 0
