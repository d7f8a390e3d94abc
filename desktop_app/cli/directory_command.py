"""`directory refresh`, `directory find`, `check onec|portal`: the 1C side from the command line.

`check portal` lives in check_portal_command.py; it is registered here beside `check onec`.
"""

from __future__ import annotations

import argparse
import json
import sys
import threading
from dataclasses import asdict
from typing import TYPE_CHECKING, Any

from desktop_app.adapters import keychain
from desktop_app.cli.errors import UserError
from desktop_app.services import app_dirs, settings

if TYPE_CHECKING:
    from desktop_app.services.onec_connection import OneCSession


def register(subparsers: Any) -> None:
    directory = subparsers.add_parser(
        "directory", help="копия справочников 1С (контрагенты, партнёры)"
    )
    actions = directory.add_subparsers(dest="action", metavar="ACTION", required=True)
    actions.add_parser("refresh", help="обновить копию справочников из 1С")
    find = actions.add_parser("find", help="найти контрагента в копии справочника")
    find.add_argument("--inn", help="ИНН")
    find.add_argument("--kpp", help="КПП")
    find.add_argument("--name", help="наименование (кавычки, форма, регистр не важны)")
    find.add_argument("--json", action="store_true", help="вывести JSON")
    directory.set_defaults(run=run_directory)
    check = subparsers.add_parser("check", help="проверить подключение")
    check.add_argument(
        "system",
        choices=["onec", "portal"],
        help="onec — публикация OData 1С; portal — страница обмена портала",
    )
    check.set_defaults(run=run_check)


def onec_password(current: settings.OneCSettings) -> str:
    if not current.url or not current.user:
        raise UserError(
            "1С не настроена: config set onec.url АДРЕС_ODATA и config set onec.user ЛОГИН"
        )
    try:
        secret = keychain.password("onec", current.user, current.url)
    except keychain.KeychainError as error:
        raise UserError(str(error)) from None
    if secret is None:
        raise UserError("пароль 1С не сохранён: python -m desktop_app login onec")
    return secret


def _session(args: argparse.Namespace, *, check: bool) -> OneCSession:
    from desktop_app.adapters.onec.odata_errors import OneCError
    from desktop_app.services.onec_connection import connect

    folder = app_dirs.data_dir(args.data_dir)
    try:
        current = settings.load(folder).onec
    except settings.SettingsError as error:
        raise UserError(str(error)) from None
    try:
        return connect(current, onec_password(current), folder, check=check)
    except OneCError as error:
        raise UserError(error.message) from None


def run_check(args: argparse.Namespace) -> int:
    if args.system == "portal":
        from desktop_app.cli import check_portal_command

        return check_portal_command.run(args)
    from desktop_app.adapters.onec.odata_errors import OneCError
    from desktop_app.services.order_link_setup import check
    from desktop_app.store.database import Database
    from desktop_app.store.errors import StoreError

    folder = app_dirs.data_dir(args.data_dir)
    session = _session(args, check=True)
    with session.client:
        if session.gaps:
            for gap in session.gaps:
                print(gap)
        else:
            print(
                f"Публикация 1С в порядке: все нужные наборы и поля есть ({session.client.root})."
            )
        try:
            with Database.open(folder) as database:
                report = check(settings.load(folder).onec, session.client, session.publication,
                               database, folder)  # fmt: skip
        except (OneCError, StoreError, settings.SettingsError) as error:
            raise UserError(getattr(error, "message", str(error))) from None
    for line in report.lines:
        print(line)
    references = session.publication.references
    if references is not None and references.access_group_name:
        print(f"Новым партнёрам программа ставит группу доступа «{references.access_group_name}».")
    return 1 if session.gaps or report.failed else 0


def run_directory(args: argparse.Namespace) -> int:
    from desktop_app.store.database import Database
    from desktop_app.store.directory_repository import DirectoryRepository
    from desktop_app.store.errors import StoreError

    try:
        database = Database.open(app_dirs.data_dir(args.data_dir))
    except StoreError as error:
        raise UserError(str(error)) from None
    with database:
        repository = DirectoryRepository(database)
        if args.action == "refresh":
            return _refresh(args, repository, database)
        return _find(args, repository)


def _refresh(args: argparse.Namespace, repository: Any, database: Any) -> int:
    from desktop_app.adapters.onec.odata_errors import OneCError
    from desktop_app.services.directory_service import RefreshCancelledError, refresh_directory
    from desktop_app.services.onec_orders import refresh_order_states
    from desktop_app.services.order_link_setup import detect_and_keep, known_link

    session = _session(args, check=False)
    for gap in session.gaps:
        print(gap, file=sys.stderr)
    if session.directory_gaps:
        session.client.close()
        raise UserError("публикация 1С неполная (см. выше); проверить заново: check onec")
    words = {"partners": "партнёры", "counterparties": "контрагенты"}
    lock = threading.Lock()

    def progress(kind: str, done: int, total: int | None) -> None:
        if sys.stderr.isatty():
            with lock:
                of = f" из {total}" if total is not None else ""
                sys.stderr.write(f"\r\x1b[K1С, {words[kind]}: {done}{of}")
                sys.stderr.flush()

    folder = app_dirs.data_dir(args.data_dir)
    try:
        with session.client:
            reports = refresh_directory(session.client, repository, progress=progress)
            link = (
                known_link(settings.load(folder).onec, folder)
                or detect_and_keep(session.client, session.publication, database, folder).link
            )
            states = refresh_order_states(session.client, database, link)
    except (OneCError, RefreshCancelledError) as error:
        raise UserError(getattr(error, "message", str(error))) from None
    finally:
        if sys.stderr.isatty():
            sys.stderr.write("\r\x1b[K")
    for report in reports:
        # an incomplete copy was never reconciled with 1C: its row count is not 1C's
        counted = f"в 1С {report.rows}" if report.complete else "с 1С не сверены"
        print(
            f"{words[report.kind].capitalize()}: {counted}; новых {report.inserted}, "
            f"изменённых {report.updated}, без изменений {report.unchanged}, "
            f"удалённых {report.removed}."
        )
        if report.rechecks and report.complete:
            print(f"  1С менялась во время чтения: сверено заново ({report.rechecks}).")
        if not report.complete:
            print(f"  {report.note}")
    for line in session.client.cut_findings():  # values longer than 1C's own fields allow
        print(line)
    if not link.known:
        print("Заказы 1С не прочитаны: не известно, где 1С хранит номер заказа сайта "
              "(проверить: check onec).")  # fmt: skip
    else:
        print(f"Заказы 1С: найдено {states.found} из {states.looked_for} нерешённых заказов "
              f"портала; с контрагентом, похожим на созданного обменом с сайтом: "
              f"{states.auto_created}.")  # fmt: skip
        if states.missed.new:
            print(f"В 1С найдены заказы с сайта, которые портал программе не отдал: "
                  f"{states.missed.new} (queue --from-onec).")  # fmt: skip
    return 0 if all(report.complete for report in reports) else 1


def _find(args: argparse.Namespace, repository: Any) -> int:
    if not (args.inn or args.name):
        raise UserError("укажите --inn или --name")
    rows = repository.find_counterparties(inn=args.inn, kpp=args.kpp, name=args.name)
    if args.json:
        print(json.dumps([asdict(r) for r in rows], ensure_ascii=False, indent=1))
        return 0
    if not rows:
        print("В копии справочника ничего не найдено (обновить: directory refresh).")
        return 0
    for row in rows:
        mark = " [помечен на удаление]" if row.deletion_mark else ""
        branch = " [обособленное подразделение]" if row.is_branch else ""
        requisites = " / ".join(v for v in (row.inn, row.kpp) if v)
        print(f"{row.description:45}  {requisites:22}  {row.ref_key}{mark}{branch}")
    return 0
