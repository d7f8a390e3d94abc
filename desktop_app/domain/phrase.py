"""What the domain says to a person, as a code and its values — never the sentence itself.

The domain explains itself (why a counterparty is a candidate, why a decision was dropped,
where 1C keeps an order), but a sentence belongs to the edge: `desktop_app.wording.phrases`
words a `Phrase` in Russian for the CLI and through Qt's translation in the window. A value
may itself be a `Phrase` (a legal entity's requisites inside a note), worded first; 1C's own
names (`Б_Идентификатор`) and the buyer's values are plain strings, shown as they are.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Phrase:
    code: str
    params: Mapping[str, object] = field(default_factory=dict, hash=False)


def phrase(code: str, /, **params: object) -> Phrase:
    return Phrase(code, params)


def stored(said: Phrase) -> str:
    """The phrase as a column keeps it (a decision's reason): JSON of the code and values."""
    return json.dumps(_plain(said), ensure_ascii=False, sort_keys=True)


def from_stored(text: str) -> Phrase | None:
    """The phrase `stored` saved; None for any other text (a manager's own words, or a
    sentence an older version saved), which is shown as it is."""
    if not text.startswith("{"):
        return None
    try:
        value = json.loads(text)
    except ValueError:
        return None
    return _phrase_of(value)


def _plain(said: Phrase) -> dict[str, object]:
    params = {k: _plain(v) if isinstance(v, Phrase) else v for k, v in said.params.items()}
    return {"phrase": said.code, "params": params}


def _phrase_of(value: Any) -> Phrase | None:
    if not isinstance(value, dict) or set(value) != {"phrase", "params"}:
        return None
    code, params = value["phrase"], value["params"]
    if not isinstance(code, str) or not isinstance(params, dict):
        return None
    return Phrase(code, {k: _phrase_of(v) or v for k, v in params.items()})


class PhraseError(ValueError):
    """A refusal the domain explains: `phrase` for the edge to word (`wording.phrases`), and
    its Russian sentence as `str(error)` for the callers that pass it on as it is; a test
    keeps the two the same."""

    def __init__(self, sentence: str, code: str, /, **params: object) -> None:
        super().__init__(sentence)
        self.phrase = Phrase(code, params)
