"""The order link the app uses: set by hand, or found by `check onec` and kept.

`onec.order_link` other than `auto` is a person's choice and always wins. In `auto`, the
last detection (`order_link_detection`) is kept in the data folder beside the settings, as
`onec-order-link.json`, for the publication it was made on; `check onec` (and the settings
dialog's check) detects again and says what it found, and a push detects by itself while
nothing is known yet. Unknown stays unknown: the link step then waits, saying why.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from desktop_app.adapters.json_file import write_json
from desktop_app.adapters.onec.odata_client import ODataClient, service_root
from desktop_app.adapters.onec.odata_errors import OneCError
from desktop_app.adapters.onec.publication import Publication
from desktop_app.domain import order_link
from desktop_app.domain.order_link import UNKNOWN, OrderLink, describe
from desktop_app.services.onec_connection import connect
from desktop_app.services.order_link_detection import Detection, detect
from desktop_app.services.order_steps import PushContext
from desktop_app.services.settings import OneCSettings, Settings
from desktop_app.store.database import Database
from desktop_app.store.onec_order_repository import OneCOrderRepository
from desktop_app.wording.phrases import phrase_text

FILE = "onec-order-link.json"


@dataclass(frozen=True, slots=True)
class LinkReport:
    """The link in use and the words `check onec` prints about it."""

    link: OrderLink
    manual: bool
    lines: tuple[str, ...]
    failed: bool = False
    """1C's orders and the portal's were compared and the place was not found."""


def manual_link(settings: OneCSettings) -> OrderLink | None:
    """The link a person set (`onec.order_link`), or None for `auto`."""
    try:
        return order_link.parse(settings.order_link)
    except ValueError:
        return None  # `settings.load` refuses such a text; a hand-edited file stays `auto`


class DetectedLinks:
    """The last detection, per publication, in the data folder."""

    def __init__(self, data_dir: Path) -> None:
        self.path = data_dir / FILE

    def load(self, root: str) -> OrderLink | None:
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
            if raw.get("service_root") != root:
                return None
            return order_link.parse(str(raw.get("link") or "auto"))
        except (OSError, ValueError):
            return None

    def save(self, root: str, detection: Detection) -> None:
        content = {
            "service_root": root,
            "link": order_link.text_of(detection.link),
            "detected_at": detection.detected_at.isoformat(),
            "sample": detection.sample,
            "matched": detection.matched,
            "words": list(detection.lines),
        }
        write_json(self.path, content)


def known_link(settings: OneCSettings, data_dir: Path) -> OrderLink | None:
    """The link to use without asking 1C: the manual one, else the kept detection."""
    manual = manual_link(settings)
    if manual is not None:
        return manual
    try:
        root = service_root(settings.url)
    except OneCError:
        return None
    found = DetectedLinks(data_dir).load(root)
    return found if found is not None and found.known else None


def detect_and_keep(
    client: ODataClient, publication: Publication, database: Database, data_dir: Path
) -> Detection:
    """Look at 1C now and keep what was found (an unknown result too: it says why)."""
    detection = detect(client, publication, OneCOrderRepository(database).portal_keys())
    DetectedLinks(data_dir).save(client.root, detection)
    return detection


def check(
    settings: OneCSettings,
    client: ODataClient,
    publication: Publication,
    database: Database,
    data_dir: Path,
) -> LinkReport:
    """`check onec`'s part: detect again, keep it, and say what is used."""
    detection = detect_and_keep(client, publication, database, data_dir)
    manual = manual_link(settings)
    if manual is None:
        return LinkReport(detection.link, False, detection.lines, detection.failed)
    lines = [f"Задано вручную (onec.order_link = {order_link.text_of(manual)}): "
             + phrase_text(describe(manual))]  # fmt: skip
    if detection.link.known and detection.link != manual:
        lines.append("По заказам 1С похоже на другое: " + " ".join(detection.lines))
    return LinkReport(manual, True, tuple(lines))


def push_context(
    settings: Settings, password: str, data_dir: Path, database: Database
) -> PushContext:
    """What a push needs: the link (detected now when nothing is known yet; 1C's errors
    propagate — a push to an unreachable 1C fails as a whole) and the re-post setting."""
    link = known_link(settings.onec, data_dir)
    if link is None:
        session = connect(settings.onec, password, data_dir)
        with session.client:
            link = detect_and_keep(session.client, session.publication, database, data_dir).link
    reason = "" if link.known else unknown_reason(data_dir)
    return PushContext(link, settings.review.repost_orders, reason)


def unknown_reason(data_dir: Path) -> str:
    """Why the link is unknown, from the kept detection, for the waiting step's message."""
    try:
        raw = json.loads((data_dir / FILE).read_text(encoding="utf-8"))
        words = [str(w) for w in raw.get("words") or []]
    except (OSError, ValueError):
        words = []
    return words[0] if words else ""


__all__ = [
    "UNKNOWN",
    "DetectedLinks",
    "LinkReport",
    "check",
    "detect_and_keep",
    "known_link",
    "push_context",
]
