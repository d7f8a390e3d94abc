"""`check portal`: what the exchange page is, and what the portal administrator should change.

Registered beside `check onec` (directory_command.py). Exit codes: 0 — the page works and
nothing needs changing; 1 — it works, and the output ends with what to change; 2 — could
not check (no settings, no password, the portal unreachable or refusing the login).
"""

from __future__ import annotations

import argparse

from desktop_app.cli.errors import UserError
from desktop_app.cli.fetch_command import portal_password
from desktop_app.services import app_dirs, settings


def run(args: argparse.Namespace) -> int:
    from desktop_app.services.connection_check import Reachability, check_portal

    folder = app_dirs.data_dir(args.data_dir)
    try:
        current = settings.load(folder).portal
    except settings.SettingsError as error:
        raise UserError(str(error)) from None
    result = check_portal(current, portal_password(current), folder)
    if result.state is not Reachability.OK:
        raise UserError(result.detail or f"портал не проверен ({result.state.value})")
    print(f"Портал отвечает, вход выполнен ({current.url}).")
    for fact in result.facts:
        print(f"  {fact}")
    if not result.gaps:
        print("Менять на портале ничего не нужно.")
        return 0
    print("Что изменить администратору портала:")
    for gap in result.gaps:
        print(f"  • {gap}")
    return 1
