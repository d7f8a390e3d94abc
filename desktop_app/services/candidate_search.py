"""Candidates for an order's buyer from the cached 1C directory (`domain.candidates` ranks).

Look-ups, cheapest and surest first:

- the confirmed mapping's counterparty, by its key (the mapping table gives the key);
- the same ИНН and КПП, then the same ИНН: one probe each of the (inn, kpp) index;
- with `similarity`, names: the rows whose normalized short or full name sorts next to one
  of the buyer's names or words in the name indexes (a bounded set, see
  `DirectoryRepository.counterparty_names_near`) are scored with rapidfuzz, and only the
  best `limit` of those alike enough are read whole.

So a search costs a few index probes and a few hundred short rows, however big the
directory: no step reads the whole table (the store's `LIKE '%word%'` look-up would).
A confirmed key that is not in the cache (1C deleted the element, or the cache is older
than the mapping) gives no candidate.
"""

from __future__ import annotations

from desktop_app.domain.candidates import (
    Candidate,
    CandidateReason,
    buyer_names,
    explain,
    key_reason,
    name_keys,
    name_score,
    rank,
    similar_names,
)
from desktop_app.domain.counterparty import Counterparty
from desktop_app.domain.onec_directory import DirectoryCounterparty
from desktop_app.domain.order import Order
from desktop_app.domain.order_buyer import OrderBuyer, order_buyer
from desktop_app.store.database import Database
from desktop_app.store.directory_repository import DirectoryRepository
from desktop_app.store.outbox_repository import OutboxRepository

__all__ = ["Candidate", "CandidateReason", "candidates_for_order", "find_candidates"]

NEIGHBOURS_PER_KEY = 25
"""Names read on each side of each key in each name index."""
SAME_INN_LIMIT = 200
"""Counterparties with the buyer's ИНН read at most (a big company has many branches)."""


def candidates_for_order(
    database: Database, order: Order, *, similarity: bool = True, limit: int = 20
) -> tuple[OrderBuyer | None, list[Candidate]]:
    """The order's buyer (completed from its properties) and its candidates, the buyer's
    confirmed mapping first."""
    buyer = order_buyer(order)
    if buyer is None:
        return None, []
    portal_id = buyer.counterparty.id
    mapping = OutboxRepository(database).mapping(portal_id) if portal_id else None
    found = find_candidates(
        DirectoryRepository(database), buyer.counterparty,
        confirmed_ref_key=mapping.counterparty_key if mapping else None,
        similarity=similarity, limit=limit,
    )  # fmt: skip
    return buyer, found


def find_candidates(
    directory: DirectoryRepository,
    buyer: Counterparty,
    *,
    confirmed_ref_key: str | None = None,
    similarity: bool = True,
    limit: int = 20,
) -> list[Candidate]:
    """Ranked candidates for `buyer`, at most `limit` (see the module text)."""
    if limit < 1:
        return []
    found: dict[str, DirectoryCounterparty] = {}
    if confirmed_ref_key:
        found |= {row.ref_key: row for row in directory.counterparties([confirmed_ref_key])}
    inn, kpp = (buyer.inn or "").strip(), (buyer.kpp or "").strip()
    if inn:
        if kpp:
            exact = directory.find_counterparties(inn=inn, kpp=kpp, limit=SAME_INN_LIMIT)
            found |= {row.ref_key: row for row in exact}
        same = directory.find_counterparties(inn=inn, limit=SAME_INN_LIMIT)
        found |= {row.ref_key: row for row in same if row.ref_key not in found}
    names = buyer_names(buyer)
    candidates: list[Candidate] = []
    for row in found.values():
        reason = key_reason(buyer, row, confirmed_ref_key)
        if reason is not None:
            score = name_score(names, row)
            candidates.append(Candidate(row, reason, score, explain(reason, buyer, row, score)))
    if similarity and names:
        candidates += _similar(directory, buyer, names, set(found), limit)
    return rank(candidates)[:limit]


def _similar(
    directory: DirectoryRepository,
    buyer: Counterparty,
    names: tuple[str, ...],
    known: set[str],
    limit: int,
) -> list[Candidate]:
    """`NAME_SIMILAR` candidates among the name-index neighbours, not already in `known`."""
    near = directory.counterparty_names_near(name_keys(names), per_key=NEIGHBOURS_PER_KEY)
    scores = similar_names(names, {key: pair for key, pair in near.items() if key not in known})
    best = sorted(scores, key=lambda key: -scores[key])[:limit]
    similar = CandidateReason.NAME_SIMILAR
    return [
        Candidate(row, similar, score, explain(similar, buyer, row, score))
        for row in directory.counterparties(best)
        for score in (scores[row.ref_key],)
    ]
