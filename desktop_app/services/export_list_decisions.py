"""What the order list says of each order's decision: the decision in words and the 1C
counterparty it names.

A manager hands the list to a colleague or the accountant to say what was done with the
orders; the state alone («решено») does not say whom an order went to. The decision store
and the local copy of 1C's directory answer this together, a page of orders at a time (the
list may hold the whole queue), with each counterparty read once.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from desktop_app.domain.decisions import DecisionKind, StepKind
from desktop_app.store.database import Database
from desktop_app.store.decision_repository import DecisionRepository
from desktop_app.store.decision_rows import DecisionRow
from desktop_app.store.directory_repository import DirectoryRepository
from desktop_app.wording.decisions import decision_short

DecisionColumns = tuple[str | None, str | None]
"""(the decision in words, the 1C counterparty: its name and ИНН/КПП)."""
DecisionLookup = Callable[[Sequence[str]], Mapping[str, DecisionColumns]]
"""The columns of the orders (by portal Ид) that have a decision; the others are left out."""


def decision_lookup(database: Database) -> DecisionLookup:
    """The lookup over this database's decisions and directory copy."""
    decisions = DecisionRepository(database)
    directory = DirectoryRepository(database)

    def lookup(portal_ids: Sequence[str]) -> dict[str, DecisionColumns]:
        rows = decisions.current_for(portal_ids)
        keys = {pid: _counterparty_key(row) for pid, row in rows.items()}
        wanted = [key for key in keys.values() if key]
        names = {
            c.ref_key: _named(c.description, c.inn, c.kpp) for c in directory.counterparties(wanted)
        }
        return {
            pid: (_words(row), _counterparty(row, keys[pid], names)) for pid, row in rows.items()
        }

    return lookup


def _counterparty_key(row: DecisionRow) -> str | None:
    if row.decision.kind not in (DecisionKind.LINK, DecisionKind.CREATE):
        return None
    return row.decision.counterparty_key or row.result_of(StepKind.CREATE_COUNTERPARTY)


def _words(row: DecisionRow) -> str:
    decision = row.decision
    return decision_short(
        decision.kind,
        automatic=decision.automatic,
        confirmed=decision.confirmed,
        write=row.write_state,
    )


def _counterparty(row: DecisionRow, key: str | None, names: Mapping[str, str]) -> str | None:
    """The directory's name of the counterparty; a card not yet created in 1C by its own
    name (the decision says «ждёт отправки»); a key the copy lacks as the key itself."""
    if key:
        return names.get(key, key)
    card = row.decision.card
    if row.decision.kind is DecisionKind.CREATE and card is not None:
        return _named(card.name, card.inn, card.kpp)
    return None


def _named(name: str | None, inn: str | None, kpp: str | None) -> str:
    codes = " / ".join(code for code in (inn, kpp) if code)
    return f"{name or ''} ({codes})" if codes else name or ""
