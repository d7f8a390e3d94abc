"""1C counterparties that may be the portal's buyer, each with the reason why, best first.

Reasons, in the order they rank:

1. `CONFIRMED_MAPPING` — a manager already linked this legal entity (its ИНН+КПП, not the
   portal `Ид`, which is the portal user's) to it;
2. `EXACT_INN_KPP` — the same ИНН and КПП;
3. `UNCONFIRMED_MAPPING` — a mapping carried over from when mappings were kept per portal
   user, whose user ordered for several legal entities: it waits for the manager;
4. `SAME_INN_OTHER_KPP` — the same ИНН, another КПП: another subdivision of the same legal
   entity (the head, or a branch; the order may come from a branch 1C does not know yet);
5. `SAME_INN` — the same ИНН where the buyer has no КПП (an entrepreneur, a person);
6. `NAME_SIMILAR` — only the name is alike;
7. `SAME_USER_OTHER_ENTITY` — not a candidate: the counterparty of another legal entity the
   same portal user ordered for, listed last so that its card is one click away.

Only a few reasons make a candidate *preselectable* (chosen before the manager looks, so
one key links it): a confirmed mapping, the same ИНН+КПП, another subdivision of the same
ИНН, and the same ИНН where neither side has a КПП (an entrepreneur's whole key). A name
alone, or a mapping waiting for the manager, never is: a similar name under another ИНН
one Ctrl+L away is how a wrong counterparty reaches 1C (issue 16, point 2).

Within one reason, counterparties marked for deletion come after the others (they are shown,
marked, because linking to one is a mistake a manager should see), then the more alike name.

Names are compared normalized (`company_names.normalize_name`: legal form, quotes, case and
ё/е do not count) with rapidfuzz: the better of `token_sort_ratio` (words in any order) and
a plain `ratio` of the names without spaces (`Урал Торг` = `УралТорг`). `score` is that
similarity, 0–100, of the best pair of the buyer's and the counterparty's names, for every
candidate: an exact ИНН+КПП match under a quite different name is worth a second look.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from rapidfuzz import fuzz, process

from desktop_app.domain.company_names import normalize_name
from desktop_app.domain.counterparty import Counterparty, CounterpartyKind
from desktop_app.domain.onec_directory import DirectoryCounterparty
from desktop_app.domain.phrase import Phrase, phrase

SIMILARITY_THRESHOLD = 80.0
"""The least similarity of a `NAME_SIMILAR` candidate."""
MIN_KEY_WORD = 3
"""Shorter words of a name are not looked up on their own (`и`, `тд`, `7`)."""
MAX_KEYS = 8


class CandidateReason(StrEnum):
    CONFIRMED_MAPPING = "confirmed_mapping"
    EXACT_INN_KPP = "exact_inn_kpp"
    UNCONFIRMED_MAPPING = "unconfirmed_mapping"
    SAME_INN_OTHER_KPP = "same_inn_other_kpp"
    SAME_INN = "same_inn"
    NAME_SIMILAR = "name_similar"
    SAME_USER_OTHER_ENTITY = "same_user_other_entity"

    @property
    def offered(self) -> bool:
        """Whether the counterparty is offered for the link (and may be chosen at once)."""
        return self is not CandidateReason.SAME_USER_OTHER_ENTITY


_PRESELECTABLE = frozenset(
    {
        CandidateReason.CONFIRMED_MAPPING,
        CandidateReason.EXACT_INN_KPP,
        CandidateReason.SAME_INN_OTHER_KPP,
    }
)
_RANK = {reason: rank for rank, reason in enumerate(CandidateReason)}


@dataclass(frozen=True, slots=True)
class Candidate:
    """A 1C counterparty offered for the buyer."""

    counterparty: DirectoryCounterparty
    reason: CandidateReason
    score: float
    """Similarity of the names, 0–100 (see the module text)."""
    explanation: Phrase
    """Why it is offered: a code and values, worded by `wording.candidates`."""

    @property
    def preselectable(self) -> bool:
        """May be chosen for the manager before they look (see the module text).

        Never one marked for deletion: linking to it is a mistake the manager must make
        knowingly, if at all."""
        if self.deleted:
            return False
        if self.reason is CandidateReason.SAME_INN:
            return not self.counterparty.kpp
        return self.reason in _PRESELECTABLE

    @property
    def deleted(self) -> bool:
        """Marked for deletion in 1C: shown, but marked and ranked after the others."""
        return self.counterparty.deletion_mark


def buyer_names(buyer: Counterparty) -> tuple[str, ...]:
    """The buyer's distinct normalized names: short, official, full, a person's name."""
    names = (buyer.name, buyer.official_name, buyer.full_name, buyer.person_name)
    return tuple(dict.fromkeys(n for n in map(normalize_name, names) if n))


def name_keys(names: Sequence[str]) -> tuple[str, ...]:
    """Where to look in the index of normalized names: each whole name, then its words.

    A directory name that starts like a key, or sorts next to it, is worth scoring: the whole
    name finds the same name and its typos at the end; each word finds names that start with
    it (`Копыта и Рога` for `Рога и Копыта`).
    """
    words = (word for name in names for word in name.split() if len(word) >= MIN_KEY_WORD)
    return tuple(dict.fromkeys([*names, *words]))[:MAX_KEYS]


def similarity(left: str, right: str) -> float:
    """How alike two normalized names are, 0–100."""
    if not left or not right:
        return 0.0
    return max(
        fuzz.token_sort_ratio(left, right),
        fuzz.ratio(left.replace(" ", ""), right.replace(" ", "")),
    )


def name_score(names: Sequence[str], row: DirectoryCounterparty) -> float:
    """The best similarity of the buyer's names to the counterparty's short and full name."""
    theirs = {normalize_name(row.description), normalize_name(row.full_name)}
    return max((similarity(mine, other) for mine in names for other in theirs), default=0.0)


def similar_names(
    names: Sequence[str],
    choices: Mapping[str, Iterable[str]],
    *,
    threshold: float = SIMILARITY_THRESHOLD,
) -> dict[str, float]:
    """The keys of `choices` (key → its normalized names) alike enough to one of `names`.

    One rapidfuzz pass per name and scorer over all the choices at once; the spaceless ratio
    runs over spaceless copies of both sides.
    """
    flat: dict[tuple[str, int], str] = {}
    for key, their_names in choices.items():
        for index, name in enumerate(their_names):
            if name:
                flat[key, index] = name
    spaceless = {key: name.replace(" ", "") for key, name in flat.items()}
    best: dict[str, float] = {}
    for mine in names:
        for scorer, query, pool in (
            (fuzz.token_sort_ratio, mine, flat),
            (fuzz.ratio, mine.replace(" ", ""), spaceless),
        ):
            for _, score, (key, _index) in process.extract(
                query, pool, scorer=scorer, score_cutoff=threshold, limit=None
            ):
                best[key] = max(best.get(key, 0.0), float(score))
    return best


def key_reason(
    buyer: Counterparty,
    row: DirectoryCounterparty,
    confirmed_ref_key: str | None,
    unconfirmed_ref_key: str | None = None,
) -> CandidateReason | None:
    """The reason a counterparty found by key is offered; None when it has none."""
    if confirmed_ref_key is not None and row.ref_key == confirmed_ref_key:
        return CandidateReason.CONFIRMED_MAPPING
    exact = bool(buyer.inn) and row.inn == buyer.inn and bool(buyer.kpp) and row.kpp == buyer.kpp
    if unconfirmed_ref_key is not None and row.ref_key == unconfirmed_ref_key and not exact:
        return CandidateReason.UNCONFIRMED_MAPPING
    if not buyer.inn or row.inn != buyer.inn:
        return None
    if not buyer.kpp:
        return CandidateReason.SAME_INN
    if row.kpp == buyer.kpp:
        return CandidateReason.EXACT_INN_KPP
    return CandidateReason.SAME_INN_OTHER_KPP


def explain(
    reason: CandidateReason, buyer: Counterparty, row: DirectoryCounterparty, score: float
) -> Phrase:
    """Why the counterparty is offered, for the manager (worded by `wording.candidates`)."""
    if reason is CandidateReason.CONFIRMED_MAPPING:
        return phrase("candidate.confirmed")
    if reason is CandidateReason.UNCONFIRMED_MAPPING:
        return phrase("candidate.unconfirmed")
    if reason is CandidateReason.EXACT_INN_KPP:
        return phrase("candidate.inn-kpp", inn=row.inn, kpp=row.kpp)
    if reason is CandidateReason.SAME_INN_OTHER_KPP:
        code = "candidate.other-kpp" + ("/branch" if row.is_branch else "")
        onec_kpp: object = row.kpp or phrase("candidate.kpp-not-given")
        return phrase(code, inn=row.inn, onec_kpp=onec_kpp, kpp=buyer.kpp)
    if reason is CandidateReason.SAME_INN:
        if len(buyer.inn or "") == 12 or buyer.kind is not CounterpartyKind.LEGAL:
            return phrase("candidate.same-inn/no-kpp", inn=row.inn)
        return phrase("candidate.same-inn/kpp-missing", inn=row.inn)
    theirs = {normalize_name(row.description), normalize_name(row.full_name)} - {""}
    if normalize_name(buyer.name or buyer.person_name) in theirs:
        match = phrase("candidate.name-equal")
    elif not theirs.isdisjoint(buyer_names(buyer)):
        match = phrase("candidate.full-name-equal")
    else:
        match = phrase("candidate.name-similar", score=f"{score:.0f}")
    if not row.inn:
        return phrase("candidate.name/no-inn", match=match)
    if buyer.inn and row.inn != buyer.inn:
        return phrase("candidate.name/other-inn", match=match, inn=row.inn)
    return phrase("candidate.name", match=match)


def rank(candidates: Iterable[Candidate]) -> list[Candidate]:
    """Best first: by reason, the deleted after the others, the more alike, heads first."""
    return sorted(
        candidates,
        key=lambda c: (
            _RANK[c.reason],
            c.deleted,
            -c.score,
            c.counterparty.is_branch,
            c.counterparty.description,
            c.counterparty.ref_key,
        ),
    )


def head_groups(candidates: Sequence[Candidate]) -> list[tuple[Candidate, tuple[Candidate, ...]]]:
    """The candidates as heads with their branches, in the order of the best of each group.

    A branch goes under its head (`head_key`) when the head is listed, else under a listed
    head office (not a branch) of the same ИНН; one level only. The counterparty of another
    legal entity (not offered) is never grouped: it stays a row of its own.
    """
    offered = [c for c in candidates if c.reason.offered]
    by_key = {c.counterparty.ref_key: c for c in offered}
    heads = [c for c in offered if not c.counterparty.is_branch]

    def parent(candidate: Candidate) -> Candidate | None:
        row = candidate.counterparty
        if not row.is_branch:
            return None
        head = by_key.get(row.head_key or "")
        if head is not None and not head.counterparty.is_branch:
            return head
        return next((h for h in heads if row.inn and h.counterparty.inn == row.inn), None)

    children: dict[str, list[Candidate]] = {}
    order: list[Candidate] = []
    for candidate in candidates:
        top = parent(candidate) if candidate.reason.offered else None
        top = top or candidate
        key = top.counterparty.ref_key
        if key not in children:
            children[key] = []
            order.append(top)
        if top is not candidate:
            children[key].append(candidate)
    return [(top, tuple(children[top.counterparty.ref_key])) for top in order]
