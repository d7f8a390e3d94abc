"""What the code below the edge says: a code and its parameters, never a sentence.

A write outcome, an error, a settings check says *what happened* as `Said(code, params)`;
the edge turns it into words (`wording.registry.said_text`: the CLI prints the Russian
source, the window shows it through Qt's translation). Stored outcomes are kept as this
value's JSON, so a saved outcome is worded in the language of whoever reads it later.

A parameter is a plain value or another `Said` (an error inside an outcome); 1C's and the
portal's own words are plain strings and are shown verbatim, never translated. No Qt here.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, TypeAlias

Param: TypeAlias = "str | int | Said"

LEGACY = "outcome.legacy"
"""A sentence saved before outcomes were codes: shown as it was saved (`text`)."""


@dataclass(frozen=True)
class Said:
    code: str
    params: Mapping[str, Param] = field(default_factory=dict)

    @classmethod
    def legacy(cls, text: str) -> Said:
        return cls(LEGACY, {"text": text})

    def to_json(self) -> str:
        return json.dumps(_plain(self), ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, stored: str) -> Said:
        """The value saved by `to_json`; any other text is a legacy sentence, kept whole."""
        try:
            parsed: Any = json.loads(stored)
        except ValueError:
            return cls.legacy(stored)
        said = _said_of(parsed)
        return said if said is not None else cls.legacy(stored)


def _plain(said: Said) -> dict[str, object]:
    params = {k: _plain(v) if isinstance(v, Said) else v for k, v in said.params.items()}
    return {"code": said.code, "params": params}


def _said_of(value: Any) -> Said | None:
    if not isinstance(value, dict) or not isinstance(value.get("code"), str):
        return None
    raw = value.get("params")
    if not isinstance(raw, dict):
        return None
    params: dict[str, Param] = {}
    for key, item in raw.items():
        nested = _said_of(item)
        if nested is not None:
            params[str(key)] = nested
        elif isinstance(item, str | int) and not isinstance(item, bool):
            params[str(key)] = item
        else:
            params[str(key)] = str(item)
    return Said(value["code"], params)
