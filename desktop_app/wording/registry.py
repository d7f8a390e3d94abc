"""Every table of codes, found by a code's prefix, and a `Said` turned into words.

`outcome.…` is a write outcome, `onec.…` / `portal.…` / `store.…` an error, `setting.…` a
settings check. A `Said` parameter inside a `Said` (1C's error inside a write outcome) is
worded first, in the same language; a plain parameter is used as it is.
"""

from __future__ import annotations

from desktop_app.wording.catalog import Table, Translate
from desktop_app.wording.errors import ERRORS, SENTENCE
from desktop_app.wording.onec_errors import ONEC_ERRORS
from desktop_app.wording.outcomes import OUTCOMES
from desktop_app.wording.page_warnings import PAGE_WARNINGS
from desktop_app.wording.portal_errors import PORTAL_ERRORS
from desktop_app.wording.registry_errors import REGISTRY_ERRORS
from desktop_app.wording.said import Said
from desktop_app.wording.seller_notes import SELLER_NOTES
from desktop_app.wording.service_errors import SERVICE_ERRORS
from desktop_app.wording.setting_rules import SETTING_RULES
from desktop_app.wording.store_errors import STORE_ERRORS
from desktop_app.wording.window_words import window_params

TABLES: tuple[Table, ...] = (
    OUTCOMES,
    ERRORS,
    ONEC_ERRORS,
    PORTAL_ERRORS,
    STORE_ERRORS,
    SERVICE_ERRORS,
    SETTING_RULES,
    PAGE_WARNINGS,
    REGISTRY_ERRORS,
    SELLER_NOTES,
)


def table_of(code: str) -> Table:
    for table in TABLES:
        if code in table:
            return table
    raise KeyError(f"no wording for code {code!r}")


def said_text(
    said: Said | None, translate: Translate | None = None, *, window: bool = False
) -> str:
    """The sentence of `said` ("" for nothing said): the Russian source without `translate`
    (the CLI), the window's language with `QCoreApplication.translate`. `window`: the
    window's variant, which names no command, setting key or protocol step
    (`window_words`)."""
    if said is None:
        return ""
    params: dict[str, object] = {
        key: said_text(value, translate, window=window) if isinstance(value, Said) else value
        for key, value in said.params.items()
    }
    if window:
        params = window_params(params, translate)
    return table_of(said.code).text(said.code, params, translate, window=window)


def worded(message: str | Said) -> tuple[str, Said]:
    """(the Russian sentence, the code) of an error raised with either: a `Said` is worded,
    a sentence (a test's, or one not yet given a code) is said whole as `error.sentence`."""
    if isinstance(message, Said):
        return said_text(message), message
    return message, Said(SENTENCE, {"text": message})
