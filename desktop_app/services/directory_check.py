"""Is the copy 1C's set? The check a refresh makes before it removes anything.

Keyset paging (odata_paging) reads each row once while 1C stands still, but a refresh of
200,000 counterparties takes minutes, and 1C goes on: a manager creates a counterparty whose
name sorts before the page being read, renames one from ahead of it to behind it, the
administrator deletes marked objects. Those rows are not read, or were read and are gone
— and a refresh that then removed "what it did not see" would remove rows 1C still has.

So every refresh, once it has read the catalogue, checks its copy against a key-only pass
(`Ref_Key`, `DataVersion` and the paging field, a tenth of a whole row, 5,000 a page):

- a key the copy lacks, or whose `DataVersion` changed, is read again whole (by key,
  `Ref_Key eq guid'…' or …`) and stored; the other keys are stamped as seen;
- the check *reconciles* when the rows it saw, the rows of the copy this refresh has seen,
  and `/$count` are one number: every row the refresh saw was seen again by the check, and
  1C counts nothing more than that;
- only then are the rows 1C no longer has removed — and when they are few (up to
  `VERIFY_LIMIT`), each is first asked for by key: what 1C still has is stored, not removed.

If the numbers differ, 1C changed meanwhile (the check's pages are no snapshot either): the
check runs again as a new generation of the copy, so that rows it does not see again lose
their stamp. After `CHECKS` checks that did not reconcile the refresh ends *incomplete*: it
keeps everything it read and stored, removes nothing, and says so — that 1C kept changing,
or, when 1C's count never moved and the copy stayed short of it, that 1C's answers leave
rows out (a proxy that cuts pages: the red team's «удалённых 2620», 500 of 3,120 left).

What no reader of a live base can see: one row inserted and another deleted, both behind
the check's own cursor while the check runs — the numbers agree. The copy then lacks the one
and keeps the other until the next refresh; the window is the check's seconds, not the
read's minutes, and it never costs a row 1C still has.
"""

from __future__ import annotations

import contextlib
import logging
import threading

from desktop_app.adapters.onec.odata_client import JsonObject, ODataClient
from desktop_app.adapters.onec.odata_filter import Guid
from desktop_app.adapters.onec.odata_query import Query
from desktop_app.adapters.onec.onec_objects import KEY, VERSION
from desktop_app.services.directory_copy import Copy, Progress, RefreshReport, check_cancel
from desktop_app.services.prefetch import prefetched
from desktop_app.store.directory_repository import DirectoryRepository

log = logging.getLogger(__name__)

CHECK_PAGE_SIZE = 5000
CHECKS = 3
AHEAD = 2
"""Check pages read ahead (a few hundred kilobytes each)."""
VERIFY_LIMIT = 1000
"""Rows to remove that are asked for one by one first (about 20 to a request)."""


def reconcile(
    client: ODataClient,
    repository: DirectoryRepository,
    copy: Copy,
    *,
    page_size: int = CHECK_PAGE_SIZE,
    checks: int = CHECKS,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> RefreshReport:
    """Check the copy, re-read what it misses, and end it: complete, or without removing."""
    catalogue = copy.catalogue
    seen = stamped = in_1c = 0
    counted, most = {copy.in_1c}, 0
    for attempt in range(checks):
        if attempt:
            log.info("1C changed while %s was read: checking again", catalogue.entity_set)
            copy.finish(repository, complete=False)  # superseded by the next check
            copy.generation = repository.start_refresh(catalogue.kind)
            copy.ended = False
        seen = _check(client, repository, copy, page_size, progress, cancel)
        in_1c = client.count(Query(catalogue.entity_set))
        counted.add(in_1c)
        stamped = repository.seen_rows(copy.generation)
        most = max(most, stamped)
        if seen == stamped == in_1c:
            _keep_what_1c_still_has(client, repository, copy)
            rows = repository.seen_rows(copy.generation)
            removed = copy.finish(repository, complete=True)
            return _report(copy, rows, removed, attempt)
        log.warning(
            "%s: the check saw %d rows, the copy has %d of this refresh, 1C counts %d",
            catalogue.entity_set, seen, stamped, in_1c,
        )  # fmt: skip
    copy.finish(repository, complete=False)
    if len(counted) == 1 and most < in_1c:
        # 1C's count never moved, yet its pages never added up to it: not 1C changing but
        # answers that leave rows out (a proxy, a broken page) — retrying later won't help.
        note = (
            f"1С насчитывает {in_1c} записей, а её ответы ({catalogue.entity_set}) отдали "
            f"не больше {most} — ответы неполные (возможно, их урезает прокси или веб-сервер "
            "перед 1С), поэтому прочитанное сохранено, а записи, которых в 1С больше нет, "
            "не удалены."
        )
    else:
        note = (
            f"1С менялась, пока справочник читался: после {checks} сверок копия ({stamped} "
            f"записей) и 1С ({in_1c} записей) не сошлись. Прочитанное сохранено, но записи, "
            "которых в 1С больше нет, не удалены. Повторите обновление, когда 1С будет спокойнее."
        )
    return _report(copy, stamped, 0, checks - 1, note=note)


def _check(
    client: ODataClient,
    repository: DirectoryRepository,
    copy: Copy,
    page_size: int,
    progress: Progress | None,
    cancel: threading.Event | None,
) -> int:
    """One key-only pass: stamp what the copy has, then read again what it lacks; the rows
    seen. A second thread reads the next page while this one looks a page up; the rows
    to read again are read when it has stopped (the client is one thread's at a time)."""
    catalogue = copy.catalogue
    query = Query(catalogue.entity_set).select(KEY, VERSION)
    seen = 0
    again: list[str] = []
    pages = prefetched(client.pages(query, catalogue.order, page_size), cancel, AHEAD)
    with contextlib.closing(pages):
        for page in pages:
            check_cancel(cancel)
            pairs = [(str(row[KEY]), str(row.get(VERSION) or "")) for row in page]
            again += repository.confirm_seen(copy.generation, pairs)
            seen += len(page)
            if progress is not None:
                progress(catalogue.kind, seen, copy.in_1c)
    if again:
        copy.store(repository, _by_key(client, copy, again))
    return seen


def _keep_what_1c_still_has(
    client: ODataClient, repository: DirectoryRepository, copy: Copy
) -> None:
    """Ask 1C for each row about to be removed, when they are few; store what it has."""
    doomed = repository.unseen_keys(copy.generation, limit=VERIFY_LIMIT + 1)
    if not doomed:
        return
    if len(doomed) > VERIFY_LIMIT:
        log.info("%s: more than %d rows to remove, trusting the check", copy.catalogue.kind,
                 VERIFY_LIMIT)  # fmt: skip
        return
    found = _by_key(client, copy, doomed)
    if found:
        log.warning("%s: %d rows the check did not see are still in 1C; kept",
                    copy.catalogue.kind, len(found))  # fmt: skip
        copy.store(repository, found)


def _by_key(client: ODataClient, copy: Copy, keys: list[str]) -> list[JsonObject]:
    query = Query(copy.catalogue.entity_set).select(*copy.catalogue.fields)
    return client.find_in(query, KEY, [Guid(key) for key in keys])


def _report(copy: Copy, rows: int, removed: int, rechecks: int, note: str = "") -> RefreshReport:
    inserted, updated, unchanged = copy.tally
    return RefreshReport(
        copy.catalogue.kind, rows, inserted, updated, unchanged, removed,
        rechecks=rechecks, complete=not note, note=note,
    )  # fmt: skip
