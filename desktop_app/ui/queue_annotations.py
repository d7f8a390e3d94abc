"""The queue's check mark and decision column, from the review engine.

The mark («Пров.») is the worst finding of `order_findings` — the very function, over the
very sources, whose findings the review panel shows as badges — so the queue and the panel
cannot disagree; its tooltip lists every finding's sentence, as the panel's badges do.
The findings need the order itself (the checks look at its properties and bank accounts,
not only the ИНН and КПП the queue row carries), so the model asks for the mark cell by
cell as rows are painted: only the rows on screen are decoded (under a millisecond each),
whatever the size of the queue. They are remembered per revision of the order (its
`updated_at`, which every new revision moves), so reading the queue again after a decision
or a fetch decodes only what changed. The decision is one indexed read, remembered until
the queue is read again (`forget`).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication

from desktop_app.domain.order_findings import REQUISITES, FindingSource, order_findings
from desktop_app.domain.requisite_checks import Finding, Severity
from desktop_app.store.database import Database
from desktop_app.store.decision_repository import DecisionRepository
from desktop_app.store.queue_repository import QueueRepository
from desktop_app.store.queue_rows import QueueRow
from desktop_app.ui.decision_words import decision_short
from desktop_app.ui.findings_bar import finding_words, severity_word

translate = QCoreApplication.translate
REMEMBERED = 2000
"""Rows whose findings are kept between paints (a few screens' worth)."""
_MARKS = {Severity.ERROR: "✖", Severity.WARNING: "⚠"}
NOT_ASKED = "registry-not-asked"


def check_mark(row: QueueRow, findings: Sequence[Finding]) -> str:
    """✖ an error, ⚠ a warning, ✓ neither, — neither and no ИНН to check at all."""
    for severity in (Severity.ERROR, Severity.WARNING):
        if any(finding.severity is severity for finding in findings):
            return _MARKS[severity]
    return "✓" if row.buyer_inn else "—"


def check_hint(row: QueueRow, findings: Sequence[Finding]) -> str:
    """Every finding in the manager's words, worst first, one a line (the panel's badges)."""
    lines = [f"{severity_word(f.severity)}: {finding_words(f)}" for f in findings]
    if check_mark(row, findings) == "—":
        lines.insert(0, translate("QueueModel", "Портал не прислал ИНН покупателя."))
    elif not any(f.severity is not Severity.INFO for f in findings):
        lines.insert(0, translate("QueueModel", "Проверки замечаний не нашли."))
    return "\n".join(lines)


def registry_only(findings: Sequence[Finding]) -> list[Finding]:
    """The registry's findings among an order's (their codes are `registry-*`)."""
    return [f for f in findings if f.code.startswith("registry-")]


class EngineAnnotations:
    def __init__(
        self,
        database: Database,
        sources: Sequence[FindingSource] = REQUISITES,
        generation: Callable[[], int] = lambda: 0,
    ) -> None:
        """`generation`: moves when a source's findings change without a new revision of
        the order (the registry answered): what was remembered under another is read again."""
        self._decisions = DecisionRepository(database)
        self._orders = QueueRepository(database)
        self._sources = tuple(sources)
        self._generation = generation
        self._findings: OrderedDict[tuple[str, object, int, int], list[Finding]] = OrderedDict()
        self._words: dict[str, str] = {}

    def findings(self, row: QueueRow) -> list[Finding]:
        """What the review panel would show for the row's order (remembered)."""
        key = (row.portal_id, row.updated_at, row.revisions, self._generation())
        found = self._findings.get(key)
        if found is not None:
            self._findings.move_to_end(key)
            return found
        order = self._orders.order(row.portal_id)
        found = order_findings(order, self._sources) if order is not None else []
        self._findings[key] = found
        while len(self._findings) > REMEMBERED:
            self._findings.popitem(last=False)
        return found

    def badge(self, row: QueueRow) -> str:
        return check_mark(row, self.findings(row))

    def badge_hint(self, row: QueueRow) -> str | None:
        return check_hint(row, self.findings(row))

    def registry_mark(self, row: QueueRow) -> str:
        """The registry's own findings as a mark: — for none asked (or nothing to ask)."""
        found = registry_only(self.findings(row))
        if any(f.code == NOT_ASKED for f in found):
            return "—"
        return check_mark(row, found)  # an ИНН only in the order's properties is asked too

    def registry_hint(self, row: QueueRow) -> str | None:
        found = registry_only(self.findings(row))
        if not row.buyer_inn and not found:
            return None
        if not found:
            return translate("QueueModel", "Реестр (ЕГРЮЛ/ЕГРИП) замечаний не нашёл.")
        return "\n".join(f"{severity_word(f.severity)}: {finding_words(f)}" for f in found)

    def decision(self, row: QueueRow) -> str:
        found = self._words.get(row.portal_id)
        if found is None:
            current = self._decisions.current(row.portal_id)
            found = self._words[row.portal_id] = decision_short(current) if current else ""
        return found

    def forget(self) -> None:
        self._words.clear()  # the findings are kept by revision: a new one has a new key
