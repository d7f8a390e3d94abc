"""Candidates for an order's buyer from the cached 1C directory (`domain.candidates` ranks).

Look-ups, cheapest and surest first:

- the mapping's counterparty of the buyer's legal entity (`domain.legal_entity_key`: its
  ИНН+КПП, never the portal `Ид`, which is the portal user's), by its key;
- the same ИНН and КПП, then the same ИНН: one probe each of the (inn, kpp) index;
- with `similarity`, names: the rows whose normalized short or full name sorts next to one
  of the buyer's names or words in the name indexes (a bounded set, see
  `DirectoryRepository.counterparty_names_near`) are scored with rapidfuzz, and only the
  best `limit` of those alike enough are read whole.

So a search costs a few index probes and a few hundred short rows, however big the
directory: no step reads the whole table (the store's `LIKE '%word%'` look-up would).
A confirmed key that is not in the cache (1C deleted the element, or the cache is older
than the mapping) gives no candidate.

When the buyer's legal entity has no mapping in use but the same portal user has ordered for
other, mapped, entities, those are `earlier` (the note «этот покупатель уже заказывал от
имени …»), and their counterparties are listed last as `SAME_USER_OTHER_ENTITY` — not
offered, only there so that their cards are one click away.
"""

from __future__ import annotations

from dataclasses import dataclass

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
from desktop_app.domain.entity_mapping import EarlierEntity, other_entity_explanation
from desktop_app.domain.legal_entity_key import legal_entity_key
from desktop_app.domain.onec_directory import DirectoryCounterparty
from desktop_app.domain.order import Order
from desktop_app.domain.order_buyer import OrderBuyer, order_buyer
from desktop_app.store.database import Database
from desktop_app.store.directory_repository import DirectoryRepository
from desktop_app.store.entity_mappings import MappingRepository

__all__ = [
    "BuyerCandidates",
    "Candidate",
    "CandidateReason",
    "buyer_candidates",
    "candidates_for_order",
    "find_candidates",
]

NEIGHBOURS_PER_KEY = 25
"""Names read on each side of each key in each name index."""
SAME_INN_LIMIT = 200
"""Counterparties with the buyer's ИНН read at most (a big company has many branches)."""


@dataclass(frozen=True, slots=True)
class BuyerCandidates:
    buyer: OrderBuyer | None
    """The order's buyer, completed from its properties."""
    candidates: list[Candidate]
    earlier: list[EarlierEntity]
    """Other legal entities the same portal user ordered for (see the module text)."""


def buyer_candidates(
    database: Database, order: Order, *, similarity: bool = True, limit: int = 20
) -> BuyerCandidates:
    """The order's buyer, its candidates (its entity's mapping first, the counterparties of
    the portal user's other entities last) and those other entities."""
    buyer = order_buyer(order)
    if buyer is None:
        return BuyerCandidates(None, [], [])
    key = legal_entity_key(buyer.counterparty)
    mappings = MappingRepository(database)
    mapping = mappings.mapping(key.text) if key is not None else None
    earlier = mappings.earlier_entities(buyer.counterparty.id, key.text if key else None)
    directory = DirectoryRepository(database)
    found = find_candidates(
        directory, buyer.counterparty,
        confirmed_ref_key=mapping.counterparty_key if mapping and not mapping.needs_confirmation
        else None,
        unconfirmed_ref_key=mapping.counterparty_key if mapping and mapping.needs_confirmation
        else None,
        similarity=similarity, limit=limit,
    )  # fmt: skip
    listed = {c.counterparty.ref_key for c in found}
    rows = {row.ref_key: row for row in directory.counterparties(
        [e.counterparty_key for e in earlier if e.counterparty_key not in listed]
    )}  # fmt: skip
    for entity in earlier:
        row = rows.pop(entity.counterparty_key, None)
        if row is not None:
            reason = CandidateReason.SAME_USER_OTHER_ENTITY
            score = name_score(buyer_names(buyer.counterparty), row)
            found.append(Candidate(row, reason, score, other_entity_explanation(entity)))
    return BuyerCandidates(buyer, found, earlier)


def candidates_for_order(
    database: Database, order: Order, *, similarity: bool = True, limit: int = 20
) -> tuple[OrderBuyer | None, list[Candidate]]:
    """The order's buyer and its candidates (`buyer_candidates` without the earlier ones)."""
    found = buyer_candidates(database, order, similarity=similarity, limit=limit)
    return found.buyer, found.candidates


def find_candidates(
    directory: DirectoryRepository,
    buyer: Counterparty,
    *,
    confirmed_ref_key: str | None = None,
    unconfirmed_ref_key: str | None = None,
    similarity: bool = True,
    limit: int = 20,
) -> list[Candidate]:
    """Ranked candidates for `buyer`, at most `limit` (see the module text)."""
    if limit < 1:
        return []
    found: dict[str, DirectoryCounterparty] = {}
    mapped = [key for key in (confirmed_ref_key, unconfirmed_ref_key) if key]
    if mapped:
        found |= {row.ref_key: row for row in directory.counterparties(mapped)}
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
        reason = key_reason(buyer, row, confirmed_ref_key, unconfirmed_ref_key)
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
