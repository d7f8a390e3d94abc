"""The body of a `mode=query` answer, rendered to a temporary file before it is sent.

Why a file: the real component buffers the whole export (`ob_start()` … `ob_get_contents()`)
and then sends `Content-Type: application/xml; charset=windows-1251` WITH a
`Content-Length` (sale.export.1c/component.php). The emulator keeps those headers, so it
must know the size before the first byte — yet a 150 MB export must not sit in memory.
`write_orders` streams each order into the file, the server then streams the file out.

Layout: `CSaleExport::getVersionSchema()` is the number asked at init, 2.05 when none;
every layout switch in export.php tests `> 2.05` (2.08 features), `>= 2.1` (payments and
shipments as their own documents) or `>= 3` (`Контейнер`). The writer has one layout for each
step — 2.05, 2.08, 2.10, 3.1 — and a request gets the step it falls in (2.09 gets the 2.08
layout, ВерсияСхемы="2.08", where Bitrix would echo "2.09"). Garbage is 0 to PHP's
`doubleval`: 2.05.

Zip: Bitrix never zips this answer (`zip=yes` at init is about 1C's uploads); the opt-in
`zip_answer` is a deviation kept for testing a client's unzip path.
"""

from __future__ import annotations

import shutil
import tempfile
import threading
import zipfile
from collections.abc import Iterator
from typing import BinaryIO

from desktop_app.domain.order import Order
from desktop_app.emulators.bitrix_commerceml import (
    codec_names,
    header,
    render_documents,
    write_orders,
)
from desktop_app.emulators.portal.protocol import ExportPlan
from desktop_app.emulators.world import World

CHUNK = 256 * 1024


class RenderStoppedError(Exception):
    """The emulator is stopping: a long export is abandoned rather than finished."""


def layout_for(requested: str | None) -> str:
    """The writer's layout for the version 1C asked for at init (None: not asked)."""
    if not requested:
        return "2.05"
    try:
        number = float(requested.replace(",", ".").replace(" ", ""))
    except ValueError:
        return "2.05"
    if number >= 3:
        return "3.1"
    if number >= 2.1:
        return "2.10"
    return "2.08" if number > 2.05 else "2.05"


def _orders(plan: ExportPlan, world: World, stopping: threading.Event) -> Iterator[Order]:
    for number, kept in plan.orders:
        if stopping.is_set():
            raise RenderStoppedError
        yield kept if kept is not None else world.order(number)


def render(plan: ExportPlan, world: World, stopping: threading.Event) -> tuple[BinaryIO, int]:
    """The answer body in a temporary file positioned at its start, and its size in bytes.

    Raises RenderStoppedError when `stopping` is set meanwhile, so stop() never waits for a
    150 MB export nobody will read.
    """
    body: BinaryIO = tempfile.TemporaryFile(prefix="portal-query-")  # noqa: SIM115 - returned open
    try:
        if plan.crash_text is not None:
            _render_crashed(plan, _orders(plan, world, stopping), body)
        else:
            write_orders(
                body,
                _orders(plan, world, stopping),
                version=plan.version,
                encoding=plan.encoding,
                generated_at=plan.generated_at,
                language=plan.language,
            )
        if plan.zipped:
            body = _zipped(body, plan)
        size = body.tell()
        body.seek(0)
        return body, size
    except BaseException:
        body.close()
        raise


def _render_crashed(plan: ExportPlan, orders: Iterator[Order], out: BinaryIO) -> None:
    """The orders written before PHP died, then its error text; no closing root tag."""
    codec, declared = codec_names(plan.encoding)
    out.write(header(plan.version, declared, plan.generated_at, plan.language).encode(codec))
    for order in orders:
        documents = render_documents(order, plan.version, plan.language)
        out.write(documents.encode(codec, "xmlcharrefreplace"))
    out.write((plan.crash_text or "").encode(codec, "replace"))


def _zipped(xml: BinaryIO, plan: ExportPlan) -> BinaryIO:
    """A zip holding the XML as one entry; the plain file is closed."""
    archive = tempfile.TemporaryFile(prefix="portal-query-zip-")  # noqa: SIM115 - returned open
    try:
        xml.seek(0)
        name = f"orders-{plan.generated_at:%Y%m%d-%H%M%S}.xml"
        with (
            zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zipped,
            zipped.open(name, "w", force_zip64=True) as entry,
        ):
            shutil.copyfileobj(xml, entry, CHUNK)
        archive.seek(0, 2)
        return archive
    except BaseException:
        archive.close()
        raise
    finally:
        xml.close()
