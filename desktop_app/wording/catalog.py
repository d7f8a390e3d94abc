"""A code's one wording: Qt's translation context and the Russian source sentence.

Each table module of this package lists its codes as `QT_TRANSLATE_NOOP(context, source)`:
`pyside6-lupdate` reads that name from the source (see `packaging/translations.py`), so the
same sentence is what the CLI prints and what the window translates. Parameters are named,
`{inn}`, and filled after translation, so an English sentence may put them elsewhere.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

Translate = Callable[[str, str], str]
"""`QCoreApplication.translate` in the window; absent in the CLI (the Russian source)."""


@dataclass(frozen=True)
class Wording:
    context: str
    source: str

    def text(self, translate: Translate | None = None, /, **params: object) -> str:
        template = self.source if translate is None else translate(self.context, self.source)
        try:
            return template.format(**params)
        except (KeyError, IndexError, ValueError):
            # A translation that names a parameter the code does not pass must not hide the
            # message: the source sentence is still right.
            return self.source.format(**params)


def QT_TRANSLATE_NOOP(context: str, source: str) -> Wording:  # noqa: N802 — lupdate's name
    return Wording(context, source)


@dataclass(frozen=True)
class Table:
    """Codes of one kind (findings, write outcomes, …) and their wordings."""

    name: str
    wordings: Mapping[str, Wording]
    window: Mapping[str, Wording] = field(default_factory=dict)
    """The window's own sentence of a code whose CLI sentence names a command, a setting's
    key or a protocol step (`login onec`, `onec.url`, `checkauth`): the window says where in
    the window to act instead; the CLI and the log keep the technical detail."""

    def __contains__(self, code: object) -> bool:
        return code in self.wordings

    def wording(self, code: str, *, window: bool = False) -> Wording:
        if window and code in self.window:
            return self.window[code]
        try:
            return self.wordings[code]
        except KeyError:
            raise KeyError(f"{self.name}: no wording for code {code!r}") from None

    def text(
        self,
        code: str,
        params: Mapping[str, object] | None = None,
        translate: Translate | None = None,
        *,
        window: bool = False,
    ) -> str:
        return self.wording(code, window=window).text(translate, **dict(params or {}))
