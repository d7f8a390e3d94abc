"""What the window's background jobs do in their worker thread.

Each job is a function of a `TaskContext` (workers.py), built here from the workspace: it
reads the settings and the password in the worker thread (a keychain may block), says in
words what is missing (`NotReadyError`), then calls the service with the context's
progress and cancel. No Qt object is touched from these functions.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from desktop_app.domain.order import Order
from desktop_app.services import connection_check, connections
from desktop_app.services.connection_check import CheckResult
from desktop_app.services.directory_service import RefreshReport, refresh_directory
from desktop_app.services.fetch_operation import FetchOutcome, fetch_and_map
from desktop_app.services.onec_connection import (
    OneCSession,
    cached_references,
    connect,
)
from desktop_app.services.onec_orders import (
    StatesReport,
    read_onec_orders,
    refresh_order_states,
)
from desktop_app.services.order_link_setup import detect_and_keep, known_link, push_context
from desktop_app.services.push_service import PushReport, push
from desktop_app.services.registry_check import RegistryResult
from desktop_app.services.registry_setup import registry_check_for
from desktop_app.services.registry_source import RegistrySource
from desktop_app.services.settings import OneCSettings
from desktop_app.services.workspace import Workspace
from desktop_app.store.directory_repository import DirectoryRepository
from desktop_app.ui.error_words import NotReadyError
from desktop_app.ui.workers import TaskContext

translate = QCoreApplication.translate


REGISTRY_STAGE = "registry"
"""The fetch's last stage, the registry check of the orders it brought: (stage, done, total)."""


def fetch_job(
    workspace: Workspace, registry: RegistrySource | None = None
) -> Callable[[TaskContext], FetchOutcome]:
    """The fetch, then (with `registry`) the registry check of the orders it brought, whose
    reasons `registry` learns for the panel and the queue."""

    def run(context: TaskContext) -> FetchOutcome:
        portal = workspace.settings.portal
        if not portal.url or not portal.user:
            raise NotReadyError(
                translate("Jobs", "Портал не настроен: укажите адрес и логин в настройках.")
            )
        password = workspace.portal_password(portal)
        if not password:
            raise NotReadyError(
                translate("Jobs", "Пароль портала не сохранён: введите его в настройках.")
            )
        settings = workspace.settings
        check = None
        if registry is not None:
            check = registry_check_for(settings, workspace.vault, workspace.database)
        outcome = fetch_and_map(
            portal,
            password,
            workspace.database,
            workspace.work_dir,
            settings.review,
            progress=lambda stage, done, total: context.report((stage, done, total)),
            cancel=context.cancel,
            registry=check,
            registry_progress=lambda done, total: context.report((REGISTRY_STAGE, done, total)),
        )
        if registry is not None and check is not None:
            registry.learn(check)
        return outcome

    return run


def registry_order_job(
    workspace: Workspace, registry: RegistrySource, order: Order
) -> Callable[[TaskContext], RegistryResult]:
    """«Проверить в реестре»: ask about the order's buyer now (the key is read here: the
    keychain may block), and let `registry` learn why, if it could not."""

    def run(_context: TaskContext) -> RegistryResult:
        check = registry_check_for(workspace.settings, workspace.vault, workspace.database)
        result = check.check_order(order)
        registry.learn(check)
        return result

    return run


def _onec_password(workspace: Workspace, onec: OneCSettings) -> str:
    """The 1C password, or a NotReadyError saying what the settings lack."""
    if not onec.url or not onec.user:
        raise NotReadyError(
            translate("Jobs", "1С не настроена: укажите адрес и логин в настройках.")
        )
    password = workspace.onec_password(onec)
    if password is None:
        raise NotReadyError(translate("Jobs", "Пароль 1С не сохранён: введите его в настройках."))
    return password


def push_job(workspace: Workspace) -> Callable[[TaskContext], PushReport]:
    def run(context: TaskContext) -> PushReport:
        onec = workspace.settings.onec
        password = _onec_password(workspace, onec)
        current = workspace.settings
        context_of_1c = push_context(current, password, workspace.data_dir, workspace.database)
        return push(
            workspace.database,
            connections.for_onec(onec, password),
            context=context_of_1c,
            parallel=current.review.parallel_writes,
            on_step=context.report,
            cancel=context.cancel,
            references=cached_references(onec, workspace.data_dir),
            access_group=onec.partner_access_group,
        )

    return run


def directory_job(workspace: Workspace) -> Callable[[TaskContext], list[RefreshReport]]:
    def run(context: TaskContext) -> list[RefreshReport]:
        onec = workspace.settings.onec
        password = _onec_password(workspace, onec)
        session = connect(onec, password, workspace.data_dir)
        with session.client:
            reports = refresh_directory(
                session.client,
                DirectoryRepository(workspace.database),
                progress=lambda kind, done, total: context.report((kind, done, total)),
                cancel=context.cancel,
            )
            _read_onec_orders(workspace, session)  # what they hold now, for the review
            return reports

    return run


def onec_orders_job(workspace: Workspace) -> Callable[[TaskContext], StatesReport]:
    """What the open orders' 1C orders hold now (see services.onec_orders)."""

    def run(_context: TaskContext) -> StatesReport:
        onec = workspace.settings.onec
        password = _onec_password(workspace, onec)
        return read_onec_orders(onec, password, workspace.database, workspace.data_dir)

    return run


def _read_onec_orders(workspace: Workspace, session: OneCSession) -> StatesReport:
    database, folder = workspace.database, workspace.data_dir
    link = (
        known_link(workspace.settings.onec, folder)
        or detect_and_keep(session.client, session.publication, database, folder).link
    )
    return refresh_order_states(session.client, database, link)


def onec_probe_job(workspace: Workspace) -> Callable[[TaskContext], CheckResult]:
    def run(_context: TaskContext) -> CheckResult:
        onec = workspace.settings.onec
        return connection_check.probe_onec(onec, workspace.onec_password(onec))

    return run


def portal_probe_job(workspace: Workspace) -> Callable[[TaskContext], CheckResult]:
    def run(_context: TaskContext) -> CheckResult:
        portal = workspace.settings.portal
        password = workspace.portal_password(portal)
        return connection_check.check_portal(portal, password, workspace.data_dir)

    return run
