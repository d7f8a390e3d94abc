"""`fetch`: one exchange round with the portal, from the command line.

Exit codes (GUIDE §11): 0 — received and stored; 1 — stored, with problems the output lists
(documents put aside, an answer cut short and therefore not confirmed, another program
confirming on the same exchange page, orders that never came); 2 — could not run (no
settings, no password, the portal unreachable or refusing, a web page instead of data).
A site that demanded the sessid is said too, without changing the exit code.

When 1C is set up, the fetch then reads 1C's orders from the site, as the window does: the
orders 1C was faster to (the portal no longer serves them) join the queue from 1C's data.
1C being unreachable is a note, not a failure of the fetch.
"""

from __future__ import annotations

import argparse
import json
import sys
import threading
from typing import TYPE_CHECKING, Any

from desktop_app.adapters import keychain
from desktop_app.cli.errors import UserError
from desktop_app.services import app_dirs, settings
from desktop_app.wording.auto_mapping import RECOGNISED

if TYPE_CHECKING:
    from desktop_app.services.fetch_service import FetchReport, FetchStage


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "fetch",
        help="получить заказы с портала",
        description="Один сеанс обмена с порталом: получить заказы, сохранить, подтвердить "
        "(в режиме own-page). Код выхода 0 — всё получено; 1 — получено с замечаниями; "
        "2 — обмен не состоялся.",
    )
    parser.add_argument("--json", action="store_true", help="итог в JSON")
    parser.set_defaults(run=run)


def portal_password(current: settings.PortalSettings) -> str:
    if not current.url or not current.user:
        raise UserError(
            "портал не настроен: задайте config set portal.url АДРЕС_СТРАНИЦЫ_ОБМЕНА и "
            "config set portal.user ЛОГИН"
        )
    try:
        secret = keychain.password("portal", current.user, current.url)
    except keychain.KeychainError as error:
        raise UserError(str(error)) from None
    if not secret:
        raise UserError("пароль портала не сохранён: python -m desktop_app login portal")
    return secret


class _ProgressLine:
    """One updating line on stderr when it is a terminal; silence otherwise.

    Called from two threads at once — the download and the storing follow each other —
    so it keeps both figures and writes under a lock.
    """

    def __init__(self) -> None:
        self.active = sys.stderr.isatty()
        self._lock = threading.Lock()
        self._downloaded = 0
        self._stored = 0

    def __call__(self, stage: FetchStage, done: int, total: int | None) -> None:
        from desktop_app.services.fetch_service import FetchStage

        if not self.active:
            return
        with self._lock:
            if stage is FetchStage.DOWNLOADING:
                self._downloaded = done
            elif stage is FetchStage.STORING:
                self._stored = done
            if stage is FetchStage.CONNECTING:
                text = "Подключение к порталу…"
            elif stage is FetchStage.CONFIRMING:
                text = "Подтверждение порталу…"
            elif stage is FetchStage.DONE:
                text = ""
            else:
                text = (
                    f"Получено {self._downloaded / 1_000_000:.1f} МБ, "
                    f"сохранено заказов: {self._stored}"
                )
            sys.stderr.write(f"\r\x1b[K{text}")
            sys.stderr.flush()


def _summary(report: FetchReport, mode: settings.PortalMode) -> str:
    text = (
        f"Новых заказов: {report.new}, изменённых: {report.changed}, "
        f"без изменений: {report.unchanged}, не прочитано: {report.quarantined}."
    )
    if report.quarantined:  # confirmed with the rest: the queue is where they stay visible
        text += " Непрочитанные документы — в очереди: queue --state unread."
    if report.confirmed:
        return text + " Получение подтверждено порталу."
    if report.warnings and mode is settings.PortalMode.OWN_PAGE and report.complete:
        return text + " Получение не подтверждено (см. выше)."
    if not report.complete:
        return text + (
            " Ответ портала оборван — получение не подтверждено; следующий обмен повторит его."
        )
    if mode is settings.PortalMode.PEEK:
        return text + " Режим peek: порталу ничего не подтверждается."
    return text


def read_onec(folder: Any, loaded: settings.Settings, database: Any) -> tuple[Any, str]:
    """Read 1C's orders from the site after the fetch, when 1C is set up: the report (None
    when not read) and a line for the manager ("" when there is nothing to say)."""
    from desktop_app.adapters.onec.odata_errors import OneCError
    from desktop_app.services.onec_orders import read_onec_orders

    onec = loaded.onec
    if not onec.url or not onec.user:
        return None, ""
    unchecked = "заказы, которые 1С получила с сайта раньше программы, не проверены"
    try:
        secret = keychain.password("onec", onec.user, onec.url)
    except keychain.KeychainError as error:
        return None, f"1С: {error} — {unchecked}."
    if secret is None:  # an empty password is one (1C's Администратор often has none)
        return None, f"1С: пароль не сохранён (login onec) — {unchecked}."
    try:
        states = read_onec_orders(onec, secret, database, folder)
    except OneCError as error:
        return None, f"1С: {error.message} — {unchecked}."
    if states.missed.new:
        return states, (
            f"В 1С найдены заказы с сайта, которые портал программе не отдал: "
            f"{states.missed.new} (queue --from-onec)."
        )
    return states, ""


def run(args: argparse.Namespace) -> int:
    # Imported here, not at the top: `--help` and the other commands start without them.
    from desktop_app.adapters.portal.exchange_errors import FetchCancelledError, PortalError
    from desktop_app.services.fetch_operation import fetch_and_map
    from desktop_app.services.page_warnings import sessid_words
    from desktop_app.store.database import Database
    from desktop_app.store.errors import StoreError
    from desktop_app.wording.registry import said_text

    folder = app_dirs.data_dir(args.data_dir)
    try:
        loaded = settings.load(folder)
    except settings.SettingsError as error:
        raise UserError(str(error)) from None
    current, review = loaded.portal, loaded.review
    password = portal_password(current)
    try:
        database = Database.open(folder)
    except StoreError as error:
        raise UserError(str(error)) from None
    read: list[tuple[Any, str]] = []  # 1C's orders, read before the mapping so it maps them
    try:
        outcome = fetch_and_map(
            current, password, database, app_dirs.work_dir(folder), review,
            progress=_ProgressLine(),
            before_mapping=lambda: read.append(read_onec(folder, loaded, database)),
        )  # fmt: skip
    except PortalError as error:
        raise UserError(error.message) from None
    except FetchCancelledError as error:
        raise UserError(str(error)) from None
    finally:
        database.close()
    report, auto = outcome.report, outcome.mapped
    states, onec_line = read[0]
    if args.json:
        print(
            json.dumps(
                {
                    "fetch_id": report.fetch_id,
                    "new": report.new,
                    "changed": report.changed,
                    "unchanged": report.unchanged,
                    "quarantined": report.quarantined,
                    "received_bytes": report.received_bytes,
                    "complete": report.complete,
                    "confirmed": report.confirmed,
                    "problems": list(report.problems),
                    "warnings": [said_text(w) for w in report.warnings],
                    "queries": report.queries,
                    "sessid_asked": report.sessid_asked,
                    "from_onec_new": states.missed.new if states is not None else None,
                    "onec_note": onec_line or None,
                    "auto_mapped": auto.by_mapping + auto.by_requisites,
                    "auto_queued": auto.pushed_without_confirmation,
                },
                ensure_ascii=False,
            )
        )
    else:
        for problem in report.problems:
            print(problem)
        for warning in report.warnings:
            print(f"Внимание: {said_text(warning)}")
        if report.sessid_asked:
            print(said_text(sessid_words()))
        print(_summary(report, current.mode))
        if onec_line:
            print(onec_line)
        recognised = outcome.recognised()
        if recognised is not None:
            hint = " Записать их в 1С: команда push." if recognised["queued"] else ""
            print(RECOGNISED.text(**recognised) + hint)
    return 0 if report.complete and not report.problems and not report.warnings else 1
