"""Every table of what the domain says (`domain.phrase.Phrase`), and a phrase turned into words.

A code's prefix names its table (`candidate.…`, `entity.…`); a `Phrase` among the values is
worded first, in the same language; a plain value is shown as it is.
"""

from __future__ import annotations

from desktop_app.domain.phrase import Phrase, from_stored
from desktop_app.wording.candidates import CANDIDATE_REASONS
from desktop_app.wording.catalog import Table, Translate
from desktop_app.wording.domain_errors import DOMAIN_ERRORS
from desktop_app.wording.entities import ENTITIES
from desktop_app.wording.order_links import ORDER_LINKS

PHRASE_TABLES: tuple[Table, ...] = (CANDIDATE_REASONS, ENTITIES, ORDER_LINKS, DOMAIN_ERRORS)


def phrase_table(code: str) -> Table:
    found = next((table for table in PHRASE_TABLES if code in table), None)
    if found is None:
        raise KeyError(f"no wording for the domain's code {code!r}")
    return found


def phrase_text(said: Phrase, translate: Translate | None = None) -> str:
    """The Russian sentence without `translate` (the CLI), the window's with
    `QCoreApplication.translate`."""
    params = {
        key: phrase_text(value, translate) if isinstance(value, Phrase) else value
        for key, value in said.params.items()
    }
    return phrase_table(said.code).text(said.code, params, translate)


def reason_text(reason: str, translate: Translate | None = None) -> str:
    """A decision's saved reason: the app's own (a stored phrase) worded, a manager's words
    or a sentence saved by an older version shown as they were saved."""
    said = from_stored(reason)
    if said is None or not any(said.code in table for table in PHRASE_TABLES):
        return reason
    return phrase_text(said, translate)
